"""Warm answer latency of the offline engine, against the retrieval floor of the same question.

Every answer needs at least one query embedding and one Chroma query (the floor); the rest is
the engine: intent detection, tools, composition and the grounding check. The headline is the
first time a warm process sees each question (what real users ask); repeats, which the engine's
vector memo makes cheaper, are reported apart. Goals (first-seen): p95 ≤ 150 ms and ≤ 3× the
floor. Also times `advisor eval` on the course suite and profiles the first-seen path.
"""

from __future__ import annotations

import cProfile
import io
import pstats

from bench.measure import VENV_BIN, bench_env, interleave, ratio, run_process, summary_ms
from bench.workload import answer_questions, prepare_index

GOAL_P95_MS = 150.0
GOAL_RATIO = 3.0


def answer_latency(advisor, questions: list[str], repeats: int) -> dict:
    """p50/p95 of warm ``Advisor.ask`` interleaved with the floor on the same questions."""
    from knowledge.embeddings import load_model

    settings = advisor.settings
    model = load_model(str(settings.resolved_embedding_model()))
    collection = advisor.retriever.index.collection()
    k = settings.top_k

    def floor(q: str):
        return lambda: collection.query(query_embeddings=[model.encode(q).tolist()], n_results=k)

    advisor.warm_up()
    # First pass: each question seen for the first time by a warm process (the engine's vector
    # memo cannot help). Later passes: the same questions again, as a warm server sees repeats.
    pairs = [(floor(q), (lambda q=q: advisor.ask(q, remember=False))) for q in questions]
    first_floor, first_ours = interleave(pairs, 1)
    floor_times, our_times = interleave(pairs, repeats)
    ours, base = summary_ms(our_times), summary_ms(floor_times)
    first, first_base = summary_ms(first_ours), summary_ms(first_floor)
    return {
        "questions": len(questions),
        "repeats": repeats,
        "first_seen": {"ours": first, "floor": first_base,
                       "ratio_p50": ratio(first["p50_ms"], first_base["p50_ms"]),
                       "ratio_p95": ratio(first["p95_ms"], first_base["p95_ms"])},
        "ours": ours,
        "floor": base,
        "ratio_p50": ratio(ours["p50_ms"], base["p50_ms"]),
        "ratio_p95": ratio(ours["p95_ms"], base["p95_ms"]),
    }


def profile(advisor, questions: list[str], top: int = 10) -> list[dict]:
    """Top cumulative-time entries of one pass over the questions (first-seen for a fresh
    `advisor`: warmed up as a started server is, but never asked these questions)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for q in questions:
        advisor.ask(q, remember=False)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = []
    for (filename, line, name), (_, calls, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append({"function": f"{_short(filename)}:{line}({name})", "calls": calls,
                     "cumulative_s": round(cumulative, 3)})
    rows.sort(key=lambda row: -row["cumulative_s"])
    return _interesting(rows, top)


def _short(filename: str) -> str:
    for marker in ("site-packages/", "/main/"):
        if marker in filename:
            return filename.split(marker, 1)[1]
    return filename


def _interesting(rows: list[dict], top: int) -> list[dict]:
    """Drops profiler plumbing (``<built-in method ...>`` wrappers with no file, the lambda)."""
    keep = [row for row in rows if not row["function"].startswith(("~:0(<method 'disable'", "bench/"))]
    return keep[:top]


def eval_wall_time(settings) -> dict:
    """`advisor eval` (course suite) in a fresh process, when the evals package provides it."""
    from bench.measure import ROOT

    if not (ROOT / "evals" / "cli.py").exists():
        return {"skipped": "evals/cli.py does not exist"}
    env = bench_env(ADVISOR_DATA_DIR=str(settings.data_dir))
    seconds, done = run_process([str(VENV_BIN / "advisor"), "eval"], env=env, timeout=900)
    tail = (done.stdout.strip().splitlines() or [""])[-1]
    return {"wall_s": round(seconds, 2), "exit_code": done.returncode, "last_line": tail[:200],
            "stderr_tail": done.stderr.strip()[-300:] if done.returncode not in (0, 1) else ""}


def run(repeats: int = 2, with_eval: bool = True) -> dict:
    from assistant.engine import Advisor
    from knowledge.embeddings import one_thread_per_answer

    settings = prepare_index()
    advisor = Advisor(settings)
    advisor.warm_up()
    one_thread_per_answer()  # measured as `advisor ui` serves
    questions = answer_questions()
    result = answer_latency(advisor, questions, repeats)
    result["torch_threads"] = 1
    result["goal_p95_ms"] = GOAL_P95_MS
    result["goal_ratio"] = GOAL_RATIO
    first = result["first_seen"]
    result["meets_goal"] = (first["ours"]["p95_ms"] <= GOAL_P95_MS
                            and first["ratio_p95"] <= GOAL_RATIO)
    fresh = Advisor(settings)  # a second server process would start like this: warmed, unasked
    fresh.warm_up()
    result["profile_first_seen"] = profile(fresh, questions, top=18)
    if with_eval:
        result["eval"] = eval_wall_time(settings)
    return result
