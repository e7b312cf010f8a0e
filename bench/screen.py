"""The injection screen's cost per message (it runs on every message before anything else).

Every message of the injection sets (evals/dev/injection/: attacks and legitimate messages, both
rounds; a split attack's last turn with the turns before it) is screened first-seen: the screen's
memo is cleared before each. The screen is pure CPU work in one thread, so it is timed in CPU
time (`time.process_time`), which a busy shared machine inflates far less than wall time. Goal:
p95 ≤ 20 ms, a small share of a first-seen answer's 150 ms.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import yaml

GOAL_P95_MS = 20.0
SETS = Path(__file__).resolve().parent.parent / "evals" / "dev" / "injection"


def _messages() -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted(SETS.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            turns = entry.get("turns") or [entry["q"]]
            out.append((turns[-1], turns[:-1]))
    return out


def run(repeats: int = 3) -> dict:
    from assistant.reading import injection

    messages = _messages()
    injection.screen(*messages[0])  # imports, compiles the patterns
    timings = []
    for _ in range(repeats):
        for message, previous in messages:
            injection._goal_of.cache_clear()
            start = time.process_time()
            injection.screen(message, previous)
            timings.append((time.process_time() - start) * 1000)
    timings.sort()
    p95 = timings[int(0.95 * (len(timings) - 1))]
    return {
        "messages": len(messages),
        "screens": len(timings),
        "p50_ms": round(statistics.median(timings), 2),
        "p95_ms": round(p95, 2),
        "max_ms": round(timings[-1], 1),
        "goal_p95_ms": GOAL_P95_MS,
        "meets_goal": p95 <= GOAL_P95_MS,
    }


if __name__ == "__main__":
    print(run())
