"""Per-session rate limit for questions: a sliding one-minute window, kept in memory.

In memory is enough: the limit protects a running server from one browser flooding the queue,
and a restart resetting every window is harmless.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable


class RateLimiter:
    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, key: str) -> float:
        """Records one request for `key`; returns 0 if allowed, else seconds until one is."""
        now = self.clock()
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
