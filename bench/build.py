"""Index build: a full ingest into a fresh data folder against a bare ``model.encode`` of the same
chunk texts (goal ≤ 1.2×), then a second ingest with nothing changed (goal: 0 chunks embedded,
well under a second beyond start-up)."""

from __future__ import annotations

import shutil
import statistics

from bench.measure import OUT, VENV_BIN, bench_env, ratio, run_process, timed
from bench.workload import bench_settings

GOAL = 1.2
NOOP_GOAL_S = 1.0


def run(repeats: int = 2) -> dict:
    from knowledge.chunking import chunk_document, embedding_text
    from knowledge.embeddings import get_embedder, load_model
    from knowledge.index import CourseIndex
    from knowledge.parsing import parse_file

    # A new folder per build: chromadb keeps an opened store in memory per path, so deleting a
    # folder and ingesting into the same path again in one process would find the old chunks.
    shutil.rmtree(OUT / "build", ignore_errors=True)
    settings = bench_settings(OUT / "build" / "0")
    paths = list(settings.corpus_paths)
    texts = []
    for path in paths:
        document, _ = parse_file(path)
        texts += [embedding_text(chunk) for chunk in chunk_document(document, settings.chunk_max_chars)]
    model = load_model(str(settings.resolved_embedding_model()))
    embedder = get_embedder(settings)
    model.encode(texts[:8])  # load and warm the model outside the timings

    builds_done = 0

    def fresh_ingest() -> None:
        nonlocal settings, builds_done
        settings = bench_settings(OUT / "build" / str(builds_done))
        builds_done += 1
        report = CourseIndex(settings, embedder).ingest(paths)
        assert report.embedded == len(texts), report.summary()

    floors, builds = [], []
    for repeat in range(repeats):
        steps = [(floors, lambda: model.encode(texts)), (builds, fresh_ingest)]
        for bucket, step in steps if repeat % 2 == 0 else reversed(steps):
            bucket.append(timed(step))

    # Second ingest, nothing changed: in this process (a new index object) and as a command.
    noop_index = CourseIndex(settings, embedder)
    report = None

    def noop() -> None:
        nonlocal report
        report = noop_index.ingest(paths)

    noop_s = timed(noop)
    env = bench_env(ADVISOR_DATA_DIR=str(settings.data_dir))
    command_s, done = run_process([str(VENV_BIN / "advisor"), "ingest"], env=env)
    import_s, _ = run_process([str(VENV_BIN / "python"), "-c", "import chromadb"], env=env)
    median = statistics.median
    return {
        "chunks": len(texts),
        "repeats": repeats,
        "goal_ratio": GOAL,
        "ingest_s": [round(s, 2) for s in builds],
        "encode_s": [round(s, 2) for s in floors],
        "ingest_median_s": round(median(builds), 2),
        "encode_median_s": round(median(floors), 2),
        "ratio": ratio(median(builds), median(floors)),
        "meets_goal": ratio(median(builds), median(floors)) <= GOAL,
        "noop": {
            "embedded": report.embedded if report else None,
            "in_process_s": round(noop_s, 3),
            "command_s": round(command_s, 2),
            "command_output": done.stdout.strip()[-200:],
            "import_chromadb_s": round(import_s, 2),
            "beyond_startup_s": round(command_s - import_s, 2),
            "meets_goal": bool(report and report.embedded == 0 and noop_s < NOOP_GOAL_S),
        },
    }
