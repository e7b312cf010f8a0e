"""Keeps a running advisor's course in step with the index it shares with other replicas.

Replicas behind a load balancer share one Chroma server. When an instructor adds, replaces or
removes a module on one of them (or an operator runs `advisor ingest`), the others still hold
what they read from the index at their last load: the lexical and sentence indexes, the outline
and the off-topic statistics. `CourseSync.check()` compares the chunk ids in the index with the
ids the advisor is serving — a chunk id is a digest of its file, place and text, so the two sets
differ exactly when the content does — and reloads the advisor's course when they differ.
`start()` runs that check every few seconds in a daemon thread (`ui.app.launch`).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

log = logging.getLogger(__name__)

EVERY_S = 10.0  # how stale another replica's change may be, against one id listing per period


class CourseSync:
    def __init__(self, advisor: Any, every_s: float = EVERY_S) -> None:
        self.advisor = advisor
        self.every_s = every_s
        self._stop = threading.Event()
        self._failing = False  # said once per outage, not every period

    def _indexed_ids(self) -> set[str] | None:
        try:
            ids = set(self.advisor.retriever.index.indexed())
        except Exception as exc:  # noqa: BLE001  # index unreachable: keep serving what was read
            if not self._failing:
                log.warning("could not list the index to follow course changes (%s); "
                            "serving the course as last read", type(exc).__name__)
            self._failing = True
            return None
        self._failing = False
        return ids

    def check(self) -> bool:
        """Reloads the advisor's course if the index holds other chunks than it serves;
        True when it did."""
        indexed = self._indexed_ids()
        if indexed is None:
            return False
        served = set(self.advisor.retriever.chunk_map)
        if indexed == served:
            return False
        log.info("the course changed in the shared index (%d chunks were served, %d are "
                 "indexed): reloading it", len(served), len(indexed))
        self.advisor.reload_course()
        return True

    def _run(self) -> None:
        while not self._stop.wait(self.every_s):
            try:
                self.check()
            except Exception:  # noqa: BLE001  # never let the watcher die; the next tick retries
                log.exception("following course changes failed")

    def start(self) -> threading.Thread:
        thread = threading.Thread(target=self._run, name="course-sync", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        self._stop.set()
