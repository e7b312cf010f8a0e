"""Timing helpers shared by the sections: interleaved repeats, percentiles, peak memory, machine.

The machine the benchmarks run on is shared and noisy, so no section reports an absolute time
alone: each one times its floor and our code alternately, in the same loop, and reports the ratio.
"""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
OUT = BENCH / "out"
VENV_BIN = Path(sys.executable).parent


def percentile(values: list[float], q: float) -> float:
    """Linear-interpolated percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = (len(ordered) - 1) * q / 100
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary_ms(seconds: list[float]) -> dict[str, float]:
    """p50/p95/mean in milliseconds, rounded for the report."""
    ms = [1000 * s for s in seconds]
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "mean_ms": round(statistics.fmean(ms), 2),
    }


def ratio(ours: float, floor: float) -> float:
    return round(ours / floor, 3) if floor > 0 else float("inf")


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def interleave(pairs: list[tuple[Callable[[], object], Callable[[], object]]], repeats: int) -> tuple[list[float], list[float]]:
    """Times each (floor, ours) pair ``repeats`` times, alternating which runs first, so slow
    spells on the shared machine hit both sides alike. Returns (floor times, our times)."""
    floor_times: list[float] = []
    our_times: list[float] = []
    for repeat in range(repeats):
        for index, (floor, ours) in enumerate(pairs):
            if (repeat + index) % 2:
                our_times.append(timed(ours))
                floor_times.append(timed(floor))
            else:
                floor_times.append(timed(floor))
                our_times.append(timed(ours))
    return floor_times, our_times


def run_process(args: list[str], env: dict[str, str] | None = None, timeout: float = 600) -> tuple[float, subprocess.CompletedProcess]:
    """Wall time of a fresh process, with its output captured."""
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, cwd=ROOT)
    return time.perf_counter() - started, done


def bench_env(**extra: str) -> dict[str, str]:
    """The environment child processes run in: offline, no telemetry, plus ADVISOR_* overrides."""
    env = dict(os.environ)
    env.update(HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", ANONYMIZED_TELEMETRY="False",
               GRADIO_ANALYTICS_ENABLED="False", TOKENIZERS_PARALLELISM="false")
    env.update(extra)
    return env


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far (Linux reports kilobytes)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def dir_size_mb(path: Path) -> float:
    total = sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
    return round(total / 2**20, 2)


def machine() -> dict[str, object]:
    """CPU model, cores, RAM and versions, for the head of the report."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram_gb = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    versions = {}
    for name in ("torch", "sentence_transformers", "chromadb", "gradio", "rank_bm25", "numpy"):
        try:
            from importlib.metadata import version

            versions[name] = version(name.replace("_", "-"))
        except Exception:  # a missing optional package is just not reported
            versions[name] = "not installed"
    try:
        load = os.getloadavg()
    except OSError:
        load = (0.0, 0.0, 0.0)
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "versions": versions,
        "load_avg_at_start": [round(x, 2) for x in load],
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
