"""Per-session rate limit for questions: a sliding one-minute window.

With a store (what `advisor ui` uses), every question is a row in the shared database, so the
limit holds across replicas behind a load balancer. Without one (tests, a single process), the
window is kept in memory; a restart resetting every window is harmless.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Protocol


class HitStore(Protocol):
    def count_hit(self, key: str, now: float, per_minute: int) -> float: ...


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] | None = None,
                 store: HitStore | None = None) -> None:
        self.per_minute = per_minute
        self.store = store
        # Replicas share wall-clock time; one process alone can use the monotonic clock.
        self.clock = clock or (time.time if store is not None else time.monotonic)
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float:
        """Records one request for `key`; returns 0 if allowed, else seconds until one is."""
        now = self.clock()
        if self.store is not None:
            return self.store.count_hit(key, now, self.per_minute)
        with self._lock:
            hits = self._hits.setdefault(key, deque())
            while hits and now - hits[0] >= 60:
                hits.popleft()
            if len(hits) >= self.per_minute:
                return max(0.1, 60 - (now - hits[0]))
            hits.append(now)
            if len(self._hits) > 10_000:  # forget idle sessions so memory stays bounded
                for other in [k for k, v in self._hits.items() if not v or now - v[-1] >= 60]:
                    del self._hits[other]
            return 0.0

    def message(self, wait_seconds: float) -> str:
        return (
            f"You have asked {self.per_minute} questions in the last minute, the limit per "
            f"session. Please wait {wait_seconds:.0f} s and ask again."
        )
