"""Runs the engine's stream on one worker thread and hands it to the UI in time-boxed batches.

Gradio resumes a sync generator handler on a different worker (and context) at every step; the
engine's stream keeps per-request context variables across its yields, so it must run start to
finish in one thread. Each step the UI yields costs Gradio a post-process and a diff of every
output it names, so text pieces that arrive within `BATCH_S` of each other go out as one step;
the first piece and every structural event (a tool call, the final result) go out at once.
"""

from __future__ import annotations

import queue
import re
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


# An engine that answers in one piece (the offline one) would show its answer all at once; the
# UI shows it the way a reader follows it, a few words per step, within a small time budget,
# while the engine checks the answer's grounding on its own thread.
PACE_WORDS = 3       # the fewest words per step
PACE_S = 0.03        # between two steps
# The most pacing adds to one answer. A paced answer holds its answer slot while it sleeps, so
# this bounds the throughput cost too: with 4 slots, 0.3 s caps a server at ~13 answers/s.
PACE_BUDGET_S = 0.3

_WORD = re.compile(r"\S+\s*|\s+")


def _joined(batch: list[Any], is_text: Callable[[Any], bool],
            split: Callable[[Any, str], Any]) -> list[Any]:
    """The batch with each run of adjacent text items made one (paced as one text)."""
    out: list[Any] = []
    for item in batch:
        if out and is_text(item) and is_text(out[-1]):
            out[-1] = split(out[-1], out[-1].text + item.text)
        else:
            out.append(item)
    return out


def paced(batches: Iterator[list[Any]], is_text: Callable[[Any], bool],
          split: Callable[[Any, str], Any], *, words: int = PACE_WORDS, step_s: float = PACE_S,
          budget_s: float = PACE_BUDGET_S) -> Iterator[list[Any]]:
    """`batches` with each long text item cut into pieces of at least `words` words, one piece
    per batch and `step_s` apart, the whole text spread over the steps `budget_s` has left
    (longer pieces for a longer text). `split(item, text)` makes an item that carries `text`
    instead of the item's own; other items pass through at once."""
    spent = 0.0
    for batch in batches:
        out: list[Any] = []
        for item in _joined(batch, is_text, split):
            pieces = _WORD.findall(getattr(item, "text", "") or "") if is_text(item) else []
            if len(pieces) <= words or spent + step_s > budget_s:
                out.append(item)
                continue
            steps = max(1, int((budget_s - spent) / step_s)) if step_s > 0 else len(pieces)
            size = max(words, -(-len(pieces) // steps))
            for start in range(0, len(pieces), size):
                if spent + step_s > budget_s:  # out of budget: the rest in one piece
                    out.append(split(item, "".join(pieces[start:])))
                    break
                out.append(split(item, "".join(pieces[start:start + size])))
                yield out
                out = []
                time.sleep(step_s)
                spent += step_s
        if out:
            yield out
