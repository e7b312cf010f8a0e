"""Where a served answer's CPU goes: `advisor ui` under the 20-session load, sampled by py-spy.

`python -m bench.serving_profile [--sessions 20] [--per-session 3] [--rate 200]` starts
`advisor ui` on loopback over the bench index, warms it with a few answers, then samples it with
`py-spy record` (busy threads only) while `bench.concurrency.run_sessions` drives the load, and
prints each part's share of the busy samples: the sentence encoder, the rest of the engine,
Gradio and its HTTP stack, the database, the UI's own handlers. The collapsed stacks are kept
in bench/out/serving-profile.txt for a flame graph.

py-spy is a development tool of the bench, not of the product: nothing under assistant/, ui/ or
the other product folders imports it, so it is not a dependency (`pip install py-spy`).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path

from bench.concurrency import (
    PER_SESSION,
    SESSIONS,
    _client,
    _free_port,
    _wait_up,
    connect,
    run_sessions,
    time_to_first_text,
)
from bench.measure import OUT, ROOT, VENV_BIN, bench_env, percentile
from bench.workload import answer_questions, prepare_index

# (part, path fragments), first match from the innermost frame outwards names a sample's part.
PARTS = [
    ("encoder (torch, sentence-transformers)", ("/torch/", "/sentence_transformers/",
                                                "/transformers/", "/tokenizers/")),
    ("database (SQLAlchemy, sqlite)", ("/sqlalchemy/", "/sqlite3/", "/psycopg")),
    ("chroma", ("/chromadb/",)),
    ("ui handlers", ("/ui/",)),
    ("engine: grounding", ("/assistant/grounding/",)),
    ("engine: reading", ("/assistant/reading/",)),
    ("engine: answering", ("/assistant/answering/",)),
    ("engine: other", ("/assistant/", "/knowledge/", "/tools/")),
    ("LangGraph / LangChain", ("/langgraph/", "/langchain", "/langsmith/")),
    ("pydantic", ("/pydantic/", "/pydantic_core/")),
    ("Gradio (queue, pre/post-process, diff)", ("/gradio/", "/gradio_client/")),
    ("HTTP server (uvicorn, starlette, anyio, asyncio)", ("/uvicorn/", "/starlette/", "/fastapi/",
                                                          "/anyio/", "/asyncio/", "/h11/",
                                                          "/httptools/", "/sse_starlette/",
                                                          "/orjson", "/json/")),
]


def _frames(stack: str) -> list[str]:
    return [frame for frame in stack.split(";") if frame]


# Leaves where a thread waits (an event loop in epoll, a worker on its queue): py-spy can count
# a native wait as busy; these samples are dropped.
WAITING = ("Runner.run (asyncio/runners.py", "Blocks.block_thread (gradio/blocks.py",
           "Condition.wait (threading.py", "_worker (concurrent/futures/thread.py",
           "Event.wait (threading.py", "Queue.get (queue.py", "select (selectors.py")


def _path(frame: str) -> str:
    """'fn (torch/nn/linear.py:134)' -> '/torch/nn/linear.py', so fragments match whole folders."""
    inside = frame.rpartition(" (")[2]
    return "/" + inside.lstrip("/").rpartition(":")[0]


def part_of(stack: str) -> str:
    for frame in reversed(_frames(stack)):
        path = _path(frame)
        for part, fragments in PARTS:
            if any(fragment in path for fragment in fragments):
                return part
    return "other (threading, stdlib)"


def summarise(raw: Path, top: int = 25) -> dict:
    """Busy samples by part (innermost known frame) and the hottest leaf functions."""
    parts: Counter = Counter()
    leaves: Counter = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count = line.rpartition(" ")
        if not count.isdigit():
            continue
        n = int(count)
        frames = _frames(stack)
        if frames and frames[-1].startswith(WAITING):
            continue
        total += n
        parts[part_of(stack)] += n
        if frames:
            leaves[frames[-1]] += n
    share = {part: round(100 * n / total, 1) for part, n in parts.most_common()} if total else {}
    return {"samples": total, "parts_pct": share,
            "leaves": [(leaf, round(100 * n / total, 1)) for leaf, n in leaves.most_common(top)]}


def run(sessions: int = SESSIONS, per_session: int = PER_SESSION, rate: int = 200,
        env_extra: dict[str, str] | None = None, code: Path = ROOT, profile: bool = True) -> dict:
    """One server of the code in `code` (this checkout, or another one to compare with) under
    the session load; sampled by py-spy when `profile`."""
    spy = shutil.which("py-spy", path=str(VENV_BIN)) or shutil.which("py-spy")
    if profile and not spy:
        raise SystemExit("py-spy is not installed: `pip install py-spy` (a bench tool only)")
    settings = prepare_index()
    env = bench_env(ADVISOR_DATA_DIR=str(settings.data_dir), ADVISOR_RATE_LIMIT_PER_MINUTE="1000",
                    PYTHONPATH=str(code), **(env_extra or {}))
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    OUT.mkdir(parents=True, exist_ok=True)
    raw = OUT / "serving-profile.txt"
    log = (OUT / "serving-profile-ui.log").open("w")
    server = subprocess.Popen([str(VENV_BIN / "advisor"), "ui", "--port", str(port)],
                              env=env, stdout=log, stderr=subprocess.STDOUT, cwd=code)
    recorder = None
    try:
        _wait_up(url, server)
        questions = answer_questions()
        warm = _client(url)
        for question in questions[-3:]:  # the engine's and Gradio's first-call costs, not timed
            time_to_first_text(warm, question)
        clients = connect(url, sessions)  # opening a page is not answering: not sampled
        if profile:
            recorder = subprocess.Popen([spy, "record", "--pid", str(server.pid),
                                         "--rate", str(rate),
                                         "--format", "raw", "--output", str(raw),
                                         "--nonblocking"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(1.0)
        load_before = os.getloadavg()
        cpu_before = _cpu_seconds(server.pid)
        result = run_sessions(url, questions, sessions, per_session, clients)
        cpu_used = _cpu_seconds(server.pid) - cpu_before
        load_after = os.getloadavg()
        if recorder is not None:
            recorder.send_signal(signal.SIGINT)
            recorder.wait(timeout=60)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    times = result["times"]
    answers = len(times)
    return {
        "sessions": sessions, "per_session": per_session, "answers": answers,
        "errors": len(result["errors"]), "cross_talk": len(result["crossed"]),
        "p50_ms": round(1000 * percentile(times, 50), 1) if times else None,
        "p95_ms": round(1000 * percentile(times, 95), 1) if times else None,
        "throughput_per_s": round(answers / result["wall_s"], 2) if result["wall_s"] else 0.0,
        "server_cpu_ms_per_answer": round(1000 * cpu_used / answers, 1) if answers else None,
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in load_after],
        "profile": summarise(raw) if profile and raw.exists() else {},
    }


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


ROW_KEYS = ("p50_ms", "p95_ms", "throughput_per_s", "server_cpu_ms_per_answer", "errors",
            "cross_talk", "load_before", "load_after")


def compare(base: Path, rounds: int, sessions: int, per_session: int) -> list[dict]:
    """Servers of `base` and of this checkout in turn (base first in odd rounds, ours first in
    even ones), same load, no sampling: one row each, for before -> after ratios."""
    rows = []
    for n in range(rounds):
        order = [("before", base), ("after", ROOT)]
        for label, code in (order if n % 2 == 0 else order[::-1]):
            row = run(sessions, per_session, code=code, profile=False)
            row.pop("profile", None)
            rows.append({"round": n + 1, "code": label, **{k: row[k] for k in ROW_KEYS}})
            print(rows[-1], flush=True)
    return rows


def record(part: str, value: object) -> None:
    """Keeps `value` as results.json's serving_profile[part] and rewrites bench/results.md."""
    from datetime import datetime, timezone

    from bench import report

    results = report.load()
    section = results.setdefault("serving_profile", {})
    section[part] = value
    section[part + "_at"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    report.save(results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=SESSIONS)
    parser.add_argument("--per-session", type=int, default=PER_SESSION)
    parser.add_argument("--rate", type=int, default=200, help="py-spy samples per second")
    parser.add_argument("--compare", type=Path, default=None,
                        help="a checkout of the code before (e.g. `git worktree add`): its server "
                        "and this one's in turn, unsampled")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--queue-concurrency", type=int, nargs="*", default=[],
                        help="answer slots to try in turn (ADVISOR_QUEUE_CONCURRENCY), unsampled")
    parser.add_argument("--record", action="store_true",
                        help="keep the figures in bench/results.json and bench/results.md")
    args = parser.parse_args()
    if args.compare:
        rows = compare(args.compare.resolve(), args.rounds, args.sessions, args.per_session)
        if args.record:
            record("compare", rows)
        return
    if args.queue_concurrency:
        rows = []
        for n in range(args.rounds):
            for slots in args.queue_concurrency:
                row = run(args.sessions, args.per_session, profile=False,
                          env_extra={"ADVISOR_QUEUE_CONCURRENCY": str(slots)})
                rows.append({"round": n + 1, "queue_concurrency": slots,
                             **{k: row[k] for k in ROW_KEYS}})
                print(rows[-1], flush=True)
        if args.record:
            record("queue_concurrency", rows)
        return
    report = run(args.sessions, args.per_session, args.rate)
    if args.record:
        record("profile", {**report, "profile": {**report["profile"],
                                                 "leaves": report["profile"].get("leaves", [])[:12]}})
    profile = report.pop("profile")
    for key, value in report.items():
        print(f"{key}: {value}")
    print(f"busy samples: {profile.get('samples')}")
    for part, pct in profile.get("parts_pct", {}).items():
        print(f"  {pct:5.1f} %  {part}")
    print("hottest leaf functions:")
    for leaf, pct in profile.get("leaves", []):
        print(f"  {pct:5.1f} %  {leaf}")


if __name__ == "__main__":
    main()
