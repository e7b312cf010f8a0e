"""`python -m bench.soak [--learners 40] [--minutes 10]`: a class served for a while, for real.

Starts PostgreSQL and `chroma run` (tests/replica_servers.py), ingests the course once, starts
two `advisor ui` replicas on them, and lets N simulated learners work for T minutes, each in
its own browser session on one replica (a sticky load balancer): questions and follow-ups,
plan edits, and 👍/👎 on answers, with a short think time between actions.

Reported (printed and written to bench/out/soak.json):
- errors: actions that raised or whose answer was an error message (⚠️);
- lost writes: acknowledged actions missing from PostgreSQL at the end (each answered message
  is two turns of its session's conversations; each plan edit an item of its plan; each
  feedback a row);
- the resident memory of each replica at the start and at the end (flat memory: end ≈ start);
- p50/p95 per kind of action; the load average at the start and the end (the machine may be
  shared: read latency against it).

Not a timed test: run it by hand. The issue's figure is 40 learners × 10 minutes; a quick
proof that it works is `--learners 10 --minutes 2`. `--record` writes the figures into
bench/results.json and the soak section of bench/results.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
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
FOLLOW_UPS = ["and what if the cost doubles?", "why?", "can you give an example?"]
SHOPS = ["jewellery", "furniture", "garden", "toy", "shoe", "tea", "bike", "book", "pet", "wine"]


def rss_mib(pid: int) -> float:
    """Resident memory of one process, from /proc (MiB)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def _like(client, liked: bool, index: int) -> None:
    """A 👍/👎 on the answer at `index`, sent as the browser sends it (gradio_client cannot
    send event data): the event joins the queue under the client's session."""
    import httpx

    (fn_index,) = [n for n, dep in enumerate(client.config["dependencies"])
                   if dep.get("api_name") == "on_like"]
    base = client.src.rstrip("/") + "/gradio_api/queue"
    body = {"data": [None, None, None], "fn_index": fn_index,
            "session_hash": client.session_hash,
            "event_data": {"index": index, "value": "", "liked": liked}}
    with httpx.Client(timeout=300) as http:
        http.post(f"{base}/join", json=body).raise_for_status()
        with http.stream("GET", f"{base}/data",
                         params={"session_hash": client.session_hash}) as events:
            for line in events.iter_lines():
                if '"process_completed"' in line:
                    if '"success":true' not in line.replace(" ", ""):
                        raise RuntimeError(line[:300])
                    return
    raise RuntimeError("the like event never completed")


class Learner:
    """One browser session: what it did, and what the server acknowledged."""

    def __init__(self, number: int, url: str) -> None:
        self.number = number
        self.url = url
        self.session_id = f"soak-{number:03d}-{uuid.uuid4().hex[:8]}"
        self.marker = f"soak{number:03d}x{uuid.uuid4().hex[:6]}"
        self.answered = 0  # acknowledged chat messages (each stores two turns)
        self.plan_items: list[str] = []  # acknowledged plan edits
        self.feedback = 0  # acknowledged 👍/👎
        self.timings: list[tuple[str, float, bool, str]] = []  # kind, seconds, ok, error

    def run(self, until: float, think_s: float) -> None:
        from gradio_client import Client

        rng = random.Random(self.number)
        client = Client(self.url, verbose=False, httpx_kwargs={"timeout": 300})
        client.predict(self.session_id, api_name="/on_load")
        step, last_answer = 0, None
        while time.monotonic() < until:
            kind = ["ask", "follow_up", "plan", "feedback"][step % 4]
            started = time.perf_counter()
            ok, error = True, ""
            try:
                if kind in {"ask", "follow_up"}:
                    text = (QUESTIONS[(self.number + step) % len(QUESTIONS)].format(
                        gain=12_000 + 500 * self.number + step, cost=10_000,
                        shop=SHOPS[self.number % len(SHOPS)], pct=5 + step % 20)
                        if kind == "ask" else rng.choice(FOLLOW_UPS))
                    chat = client.predict(text, "learner", api_name="/respond")[0]
                    reply = str(chat[-1]["content"] if isinstance(chat[-1], dict) else chat[-1])
                    self.answered += 1  # the server answered: its turns are acknowledged
                    last_answer = len(chat) - 1
                    if "⚠️" in reply[:3] or "Traceback" in reply:
                        ok, error = False, reply[:200]
                elif kind == "plan":
                    item = f"{self.marker} item{step}"
                    client.predict(f"add '{item}' with reach {100 + step}, impact 2, "
                                   "confidence 0.8, effort 3", api_name="/on_command")
                    self.plan_items.append(item)
                elif last_answer is not None:
                    _like(client, rng.random() < 0.7, last_answer)
                    self.feedback += 1
            except Exception as exc:  # noqa: BLE001  # counted as an error
                ok, error = False, f"{type(exc).__name__}: {exc}"[:200]
            self.timings.append((kind, time.perf_counter() - started, ok, error))
            step += 1
            time.sleep(rng.uniform(0.5, 1.5) * think_s)


def _sample_rss(pids: list[int], finished: threading.Event, out: dict) -> None:
    """Each replica's resident memory once a minute while the learners work: whether memory
    grows without bound or levels off (bounded caches filling) shows in the curve, not in two
    end points."""
    out["rss_by_minute_mib"] = []
    while not finished.wait(60):
        out["rss_by_minute_mib"].append([rss_mib(pid) for pid in pids])


def lost_writes(database_url: str, learners: list[Learner]) -> dict:
    """Acknowledged writes missing from the database, by kind."""
    import sqlalchemy as sa

    engine = sa.create_engine(database_url.replace("postgresql://", "postgresql+psycopg://"))
    lost = {"turns": 0, "plan_items": 0, "feedback": 0}
    try:
        with engine.connect() as conn:
            for learner in learners:
                owner = f"browser:{learner.session_id}"
                turns = conn.execute(sa.text(
                    "SELECT count(*) FROM turns t JOIN conversations c ON c.id = t.conversation_id"
                    " WHERE c.owner = :owner"), {"owner": owner}).scalar_one()
                lost["turns"] += max(0, 2 * learner.answered - turns)
                plan = conn.execute(sa.text("SELECT data FROM ui_plans WHERE owner = :owner"),
                                    {"owner": owner}).scalar() or ""
                lost["plan_items"] += sum(item not in plan for item in learner.plan_items)
                rows = conn.execute(sa.text("SELECT count(*) FROM ui_feedback WHERE owner = :o"),
                                    {"o": owner}).scalar_one()
                lost["feedback"] += max(0, learner.feedback - rows)
    finally:
        engine.dispose()
    return lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.soak")
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--think", type=float, default=2.0, help="mean seconds between actions")
    parser.add_argument("--record", action="store_true",
                        help="write the figures into bench/results.json and bench/results.md")
    args = parser.parse_args(argv)

    from assistant.settings import Settings
    from knowledge.index import CourseIndex

    folder = Path(tempfile.mkdtemp(prefix="bench-soak-"))
    postgres = start_postgres()
    chroma = start_chroma(folder)
    out: dict = {"learners": args.learners, "minutes": args.minutes, "replicas": args.replicas,
                 "cores": os.cpu_count(),
                 "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
    try:
        settings = Settings(data_dir=folder / "ingest", chroma_url=chroma.url)
        CourseIndex(settings).ingest(settings.corpus_paths)
        replicas = start_replicas(folder / "replicas", args.replicas, postgres.url, chroma.url,
                                  rate_limit_per_minute="10000")
        try:
            pids = [r.process.pid for r in replicas]
            out["rss_start_mib"] = [rss_mib(pid) for pid in pids]
            out["load_start"] = [round(x, 2) for x in os.getloadavg()]
            learners = [Learner(n, replicas[n % len(replicas)].url) for n in range(args.learners)]
            until = time.monotonic() + 60 * args.minutes
            started = time.perf_counter()
            finished = threading.Event()
            sampler = threading.Thread(target=_sample_rss, args=(pids, finished, out), daemon=True)
            sampler.start()
            with ThreadPoolExecutor(max_workers=args.learners) as pool:
                for done in [pool.submit(l.run, until, args.think) for l in learners]:
                    done.result()
            finished.set()
            sampler.join()
            out["wall_s"] = round(time.perf_counter() - started, 1)
            out["load_end"] = [round(x, 2) for x in os.getloadavg()]
            out["rss_end_mib"] = [rss_mib(pid) for pid in pids]
            out["replicas_alive"] = [r.process.poll() is None for r in replicas]
        finally:
            for replica in replicas:
                replica.stop()
        timings = [t for learner in learners for t in learner.timings]
        out["actions"] = len(timings)
        out["errors"] = sum(not ok for _, _, ok, _ in timings)
        out["error_samples"] = sorted({e for *_, ok, e in timings if not ok})[:5]
        out["lost_writes"] = lost_writes(postgres.url, learners)
        out["acknowledged"] = {"messages": sum(l.answered for l in learners),
                               "plan_edits": sum(len(l.plan_items) for l in learners),
                               "feedback": sum(l.feedback for l in learners)}
        for kind in ["ask", "follow_up", "plan", "feedback"]:
            seconds = [s for k, s, _, _ in timings if k == kind]
            if seconds:
                out[f"{kind}_ms"] = {"n": len(seconds),
                                     "p50": round(1000 * percentile(seconds, 50)),
                                     "p95": round(1000 * percentile(seconds, 95))}
        everything = [s for _, s, _, _ in timings]
        out["p95_ms"] = round(1000 * percentile(everything, 95)) if everything else None
    finally:
        chroma.stop()
        postgres.stop()
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "soak.json").write_text(json.dumps(out, indent=2) + "\n")
    if args.record:  # the soak section of bench/results.md
        from bench import report

        results = report.load()
        results["soak"] = out
        report.save(results)
    print(json.dumps(out, indent=2), flush=True)
    return 0 if out.get("errors") == 0 and not any(out.get("lost_writes", {}).values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
