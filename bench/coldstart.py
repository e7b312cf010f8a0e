"""Cold start: `advisor ask --json` in a fresh process (index built) against a bare
``python -c "import sentence_transformers, chromadb"`` — the imports no answer can avoid.

Goal: ≤ 1.3×. Also times `advisor --help`, lists the heaviest imports (``python -X importtime``)
and splits a cold answer into phases (imports, model load, index open, BM25, agent, answer).
"""

from __future__ import annotations

import json
import re
import statistics
import sys
from collections import defaultdict

from bench.measure import VENV_BIN, bench_env, ratio, run_process
from bench.workload import prepare_index

GOAL = 1.3
QUESTION = "How do I calculate the ROI of an AI tool?"
FLOOR = [sys.executable, "-c", "import sentence_transformers, chromadb"]
BARE_PYTHON = [sys.executable, "-c", "pass"]
CLI = "from assistant.cli import main; main()"

PHASES = r"""
import json, time, sys
marks = {}
t = time.perf_counter()
def mark(name):
    global t
    now = time.perf_counter(); marks[name] = round(now - t, 3); t = now
from assistant.engine import Advisor
mark("import assistant.engine")
from knowledge.embeddings import load_model
from assistant.settings import get_settings
settings = get_settings()
load_model(str(settings.resolved_embedding_model()))
mark("load embedding model")
advisor = Advisor(settings)
advisor.retriever.index.collection()
mark("open Chroma collection")
advisor.retriever._lexical
mark("read chunks + build BM25")
advisor.agent
mark("build agent (brain, tools)")
advisor.checker.check("Warm up sentence.", [])
mark("grounding checker")
advisor.ask(sys.argv[1], remember=False)
mark("first answer")
advisor.ask(sys.argv[1], remember=False)
mark("second answer (warm)")
print(json.dumps(marks))
"""


def _importtime(args: list[str], env: dict[str, str]) -> dict:
    """Heaviest imports of a fresh process: top-level imports by cumulative time, and
    packages by self time (which blames each module for its own work, wherever imported)."""
    _, done = run_process([sys.executable, "-X", "importtime", *args], env=env)
    top_level: list[tuple[str, int]] = []
    by_package: dict[str, int] = defaultdict(int)
    total = 0
    for line in done.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+)\s+\|\s+(\d+)\s+\|( *)(\S+)", line)
        if not match:
            continue
        self_us, cumulative_us, indent, name = int(match[1]), int(match[2]), match[3], match[4]
        by_package[name.split(".")[0]] += self_us
        total += self_us
        if len(indent) == 1:  # one space: imported by the program itself
            top_level.append((name, cumulative_us))
    top_level.sort(key=lambda item: -item[1])
    packages = sorted(by_package.items(), key=lambda item: -item[1])
    return {
        "total_import_s": round(total / 1e6, 3),
        "modules": sum(1 for line in done.stderr.splitlines() if line.startswith("import time:")) - 1,
        "top_level_cumulative": [{"module": n, "s": round(us / 1e6, 3)} for n, us in top_level[:10]],
        "packages_self": [{"package": n, "s": round(us / 1e6, 3)} for n, us in packages[:12]],
    }


def run(repeats: int = 3) -> dict:
    settings = prepare_index()
    env = bench_env(ADVISOR_DATA_DIR=str(settings.data_dir))
    ask = [str(VENV_BIN / "advisor"), "ask", QUESTION, "--json"]
    help_cmd = [str(VENV_BIN / "advisor"), "--help"]

    run_process(FLOOR, env=env)  # the first start pays the disk cache; not counted
    asks, floors, helps, bares = [], [], [], []
    failures = []
    for repeat in range(repeats):
        order = [("floor", FLOOR), ("ask", ask)] if repeat % 2 == 0 else [("ask", ask), ("floor", FLOOR)]
        for name, command in order + [("help", help_cmd), ("bare", BARE_PYTHON)]:
            seconds, done = run_process(command, env=env)
            if done.returncode != 0:
                failures.append(f"{name}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
            {"floor": floors, "ask": asks, "help": helps, "bare": bares}[name].append(seconds)
    if failures:
        print("  cold start failures:\n   " + "\n   ".join(failures), file=sys.stderr)

    answer_ok = False
    try:
        answer_ok = bool(json.loads(done_ask_output(ask, env)).get("answer"))
    except ValueError:
        pass
    phases_seconds, phases_done = run_process([sys.executable, "-c", PHASES, QUESTION], env=env)
    try:
        phases = json.loads(phases_done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        phases = {"error": phases_done.stderr.strip()[-300:]}

    median = statistics.median
    return {
        "repeats": repeats,
        "goal_ratio": GOAL,
        "ask_s": [round(s, 3) for s in asks],
        "floor_s": [round(s, 3) for s in floors],
        "ask_median_s": round(median(asks), 3),
        "floor_median_s": round(median(floors), 3),
        "ratio": ratio(median(asks), median(floors)),
        "meets_goal": ratio(median(asks), median(floors)) <= GOAL,
        "answer_ok": answer_ok,
        "help_median_s": round(median(helps), 3),
        "bare_python_median_s": round(median(bares), 3),
        "help_ratio_to_bare_python": ratio(median(helps), median(bares)),
        "failures": failures,
        "phases_s": phases,
        "imports_help": _importtime(["-c", CLI, "--help"], env),
        "imports_ask": _importtime(["-c", CLI, "ask", QUESTION, "--json"], env),
    }


def done_ask_output(ask: list[str], env: dict[str, str]) -> str:
    _, done = run_process(ask, env=env)
    return done.stdout
