"""Runs the engine's stream on one worker thread and hands it to the UI in time-boxed batches.

Gradio resumes a sync generator handler on a different worker (and context) at every step; the
engine's stream keeps per-request context variables across its yields, so it must run start to
finish in one thread. Each step the UI yields costs Gradio a post-process and a diff of every
output it names, so text pieces that arrive within `BATCH_S` of each other go out as one step;
the first piece and every structural event (a tool call, the final result) go out at once.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

BATCH_S = 0.05

_DONE = object()


def _start(make: Callable[[], Iterator[Any]]) -> queue.Queue:
    events: queue.Queue = queue.Queue()

    def work() -> None:
        try:
            for item in make():
                events.put(item)
        except BaseException as exc:  # noqa: BLE001  # handed to the consumer, which re-raises
            events.put(exc)
        finally:
            events.put(_DONE)

    threading.Thread(target=work, name="advisor-stream", daemon=True).start()
    return events


def batched(make: Callable[[], Iterator[Any]], interval: float = BATCH_S,
            urgent: Callable[[Any], bool] = lambda item: True) -> Iterator[list[Any]]:
    """Lists of the items `make()` yields, at most one list per `interval` unless an item is
    `urgent`; the first item always goes out alone and at once. Exceptions are re-raised here."""
    events = _start(make)
    batch: list[Any] = []
    last_flush: float | None = None
    while True:
        timeout = None if not batch else max(0.0, last_flush + interval - time.perf_counter())
        try:
            item = events.get(timeout=timeout)
        except queue.Empty:
            yield batch
            batch, last_flush = [], time.perf_counter()
            continue
        if item is _DONE:
            if batch:
                yield batch
            return
        if isinstance(item, BaseException):
            if batch:
                yield batch
            raise item
        batch.append(item)
        now = time.perf_counter()
        if last_flush is None or urgent(item) or now - last_flush >= interval:
            yield batch
            batch, last_flush = [], time.perf_counter()


def in_one_thread(make: Callable[[], Iterator[Any]]) -> Iterator[Any]:
    """Every item `make()` yields, one by one, produced on a single worker thread."""
    for batch in batched(make, interval=0.0):
        yield from batch
