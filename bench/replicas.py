"""`python -m bench.replicas [--sessions 10] [--questions 3]`: answers/s with 1 and 2 replicas.

Starts PostgreSQL and `chroma run` (tests/replica_servers.py), ingests the course once, then
runs the same bounded gradio_client load (sessions × first-seen questions, all sessions at
once, spread round-robin over the replicas) against one `advisor ui` replica and against two,
all on loopback. Prints and writes bench/out/replicas.json: answers/s, p50/p95 per answer,
errors, CPU seconds per answer spent by the replicas, PostgreSQL and Chroma (what sizing a
cohort needs), and the machine's load average before and after each run (replicas on one
machine share its cores, so two replicas can only help as far as one replica leaves cores
idle). `--replicas 1,2,2,1` runs the counts in turn, twice, so a drift of the load shows.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import assistant.settings  # noqa: F401  (offline switches first)
from bench.measure import OUT, percentile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from replica_servers import start_chroma, start_postgres, start_replicas  # noqa: E402

QUESTIONS = [
    "What is the ROI if we gain ${gain:,} on a ${cost:,} tool?",
    "Which KPIs should I track for an AI support chatbot in a {shop} shop?",
    "How should we scale a successful personalization pilot for a {shop} shop?",
    "What is model drift and how would a {shop} shop notice it?",
    "When do I need a human in the loop for AI price changes of {pct}%?",
]
CONNECT_TRIES = 3
START_TRIES = 2
SHOPS = ["jewellery", "furniture", "garden", "toy", "shoe", "tea", "bike", "book", "pet", "wine"]


def _load(urls: list[str], sessions: int, questions: int) -> dict:
    from gradio_client import Client

    def connect(number: int):
        # Twenty sessions open at once on a loaded machine: a page fetch (/config) the server
        # dropped is tried again, like a browser's reload; a session that never opens counts
        # every one of its questions as an error instead of ending the run.
        for attempt in range(CONNECT_TRIES):
            try:
                client = Client(urls[number % len(urls)], verbose=False,
                                httpx_kwargs={"timeout": 300})
                client.predict(f"bench-replicas-{number:03d}-{time.time_ns()}",
                               api_name="/on_load")
                return client
            except Exception:  # noqa: BLE001  # retried, then counted
                time.sleep(1 + attempt)
        return None

    def session(number: int) -> list[tuple[float | None, bool]]:
        client = connect(number)
        if client is None:
            return [(None, False)] * questions
        timings = []
        for q in range(questions):
            text = QUESTIONS[(number + q) % len(QUESTIONS)].format(
                gain=12_000 + 500 * number + q, cost=10_000, shop=SHOPS[number % len(SHOPS)],
                pct=5 + number + q)
            started = time.perf_counter()
            try:
                chat = client.predict(text, "learner", api_name="/respond")[0]
                ok = bool(chat) and "⚠️" not in str(chat[-1])
            except Exception:  # noqa: BLE001  # counted as an error
                ok = False
            timings.append((time.perf_counter() - started, ok))
        return timings

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=sessions) as pool:
        results = [t for timings in pool.map(session, range(sessions)) for t in timings]
    wall = time.perf_counter() - started
    seconds = [s for s, _ in results if s is not None] or [0.0]
    answered = sum(ok for _, ok in results)
    return {"answers": len(results), "answered": answered,
            "errors": len(results) - answered,
            "sessions_not_opened": sum(s is None for s, _ in results) // max(questions, 1),
            "wall_s": round(wall, 1), "answers_per_s": round(answered / wall, 2),
            "p50_ms": round(1000 * percentile(seconds, 50)),
            "p95_ms": round(1000 * percentile(seconds, 95))}


def _cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of these processes and all their descendants, from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        stats[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, list(pids)
    while todo:
        pid = todo.pop()
        total += stats.get(pid, 0.0)
        todo.extend(children.get(pid, []))
    return total


def _start(folder: Path, count: int, postgres_url: str, chroma_url: str) -> list:
    """`count` replicas, started again once if one exits while starting: on a loaded machine
    Gradio's own start-up check of its local URL can time out ("localhost is not accessible")."""
    for attempt in range(START_TRIES):
        try:
            return start_replicas(folder.with_name(f"{folder.name}-{attempt}"), count,
                                  postgres_url, chroma_url, rate_limit_per_minute="10000")
        except RuntimeError as exc:
            if attempt == START_TRIES - 1:
                raise
            print(f"{count} replica(s) did not start ({str(exc).splitlines()[0]}); again",
                  flush=True)
    raise AssertionError("unreachable")


def _postmaster(postgres) -> int:
    return int((postgres.folder / "data" / "postmaster.pid").read_text().split()[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.replicas")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--questions", type=int, default=3)
    parser.add_argument("--replicas", default="1,2", help="replica counts to run, in order")
    parser.add_argument("--record", action="store_true",
                        help="keep the runs in bench/results.json and bench/results.md "
                        "(Serving profile section)")
    args = parser.parse_args(argv)

    from assistant.settings import Settings
    from knowledge.index import CourseIndex

    folder = Path(tempfile.mkdtemp(prefix="bench-replicas-"))
    postgres = start_postgres()
    chroma = start_chroma(folder)
    out: dict = {"sessions": args.sessions, "questions_per_session": args.questions,
                 "cores": os.cpu_count(), "runs": {}}
    try:
        settings = Settings(data_dir=folder / "ingest", chroma_url=chroma.url)
        CourseIndex(settings).ingest(settings.corpus_paths)
        for count in [int(c) for c in args.replicas.split(",")]:
            replicas = _start(folder / f"run-{count}-{len(out['runs'])}", count, postgres.url,
                              chroma.url)
            try:
                load = os.getloadavg()[0]
                groups = {"replicas": [r.process.pid for r in replicas],
                          "postgres": [_postmaster(postgres)], "chroma": [chroma.process.pid]}
                before = {name: _cpu_seconds(pids) for name, pids in groups.items()}
                result = _load([r.url for r in replicas], args.sessions, args.questions)
                result["load_before"] = round(load, 1)
                result["load_after"] = round(os.getloadavg()[0], 1)
                result["cpu_s_per_answer"] = {
                    name: round((_cpu_seconds(pids) - before[name]) / max(result["answered"], 1),
                                3)
                    for name, pids in groups.items()}
                result["replicas"] = count
                out["runs"][f"{len(out['runs']) + 1}: {count}"] = result
                print(f"{count} replica(s): {json.dumps(result)}", flush=True)
            finally:
                for replica in replicas:
                    replica.stop()
    finally:
        chroma.stop()
        postgres.stop()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "replicas.json").write_text(json.dumps(out, indent=2) + "\n")
    if args.record:
        from bench.serving_profile import record

        record("replicas", [{"order": n + 1, **run} for n, run in enumerate(out["runs"].values())])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
