"""Scale: the course at 1×, 10×, 100× and 200× (synthetic module copies, bench/synth.py).

Each scale's built index lives under bench/corpora/index-N, beside the synthetic module files,
and is kept between runs. Building and answering run in separate child processes, so each one's
peak RSS is its own. A built index is reused when its recorded manifest (file names and sizes)
matches: the ingest is incremental, so re-syncing it embeds nothing, and the build time shown is
the one recorded when it was built. Builds are resumable: with a time budget a build stops after
the slab that crosses it, keeps what it wrote and the time it spent, and the next run goes on
from there (the build time reported is the sum of the pieces). Goal: answer p95 at the largest
scale ≤ 2× the p95 at 1×; build time linear in corpus size.
"""

from __future__ import annotations

import json
import sys
import time

from bench.measure import dir_size_mb, peak_rss_mb, ratio, run_process, bench_env

from bench.synth import CORPORA

SCALES = (1, 10, 100, 200)
GOAL = 2.0


def _settings(scale: int):
    from bench.synth import corpus
    from bench.workload import bench_settings

    return bench_settings(CORPORA / f"index-{scale}", corpus_paths=corpus(scale))


def _manifest(settings) -> list[list]:
    return [[p.name, p.stat().st_size] for p in settings.corpus_paths]


class BuildPaused(Exception):
    """The build used its time budget; what it wrote stays, the next run resumes it."""


def child_build(scale: int, budget_s: float = 0.0) -> dict:
    from knowledge.index import CourseIndex

    settings = _settings(scale)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    record_path = settings.data_dir / "bench-build.json"
    partial_path = settings.data_dir / "bench-build.partial.json"
    manifest = _manifest(settings)
    earlier = {"build_s": 0.0, "embedded": 0}
    if partial_path.exists():
        saved = json.loads(partial_path.read_text())
        if saved.get("manifest") == manifest:
            earlier = saved
    index = CourseIndex(settings)
    index.embedder.model  # noqa: B018  (load the model first: the build time is the build's own)
    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        elapsed = earlier["build_s"] + time.perf_counter() - started
        partial_path.write_text(json.dumps({"manifest": manifest, "build_s": elapsed,
                                            "embedded": earlier["embedded"] + done,
                                            "left": total - done}))
        if budget_s and time.perf_counter() - started > budget_s and done < total:
            raise BuildPaused

    try:
        report = index.ingest(list(settings.corpus_paths), progress=progress)
    except BuildPaused:
        saved = json.loads(partial_path.read_text())
        return {"paused": True, "build_s": round(saved["build_s"], 2),
                "embedded": saved["embedded"], "left": saved["left"],
                "peak_rss_mb": peak_rss_mb()}
    seconds = earlier["build_s"] + time.perf_counter() - started
    fresh = {"build_s": round(seconds, 2), "embedded": earlier["embedded"] + report.embedded,
             "peak_rss_mb": peak_rss_mb(), "resumed": earlier["embedded"] > 0,
             "chunks": report.added + report.updated + report.unchanged, "manifest": manifest}
    partial_path.unlink(missing_ok=True)
    if record_path.exists():
        recorded = json.loads(record_path.read_text())
        if recorded.get("manifest") == manifest and report.embedded == 0:
            recorded["reused"] = True
            recorded["resync_s"] = round(seconds, 2)
            return recorded
    record_path.write_text(json.dumps(fresh))
    return {**fresh, "reused": False}


def child_answer(scale: int, repeats: int) -> dict:
    from assistant.engine import Advisor
    from bench.latency import answer_latency
    from bench.workload import answer_questions

    settings = _settings(scale)
    started = time.perf_counter()
    advisor = Advisor(settings)
    advisor.warm_up()
    load_s = time.perf_counter() - started
    from knowledge.embeddings import one_thread_per_answer

    one_thread_per_answer()  # as `advisor ui` serves
    result = answer_latency(advisor, answer_questions(), repeats)
    result["load_s"] = round(load_s, 2)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _child(mode: str, scale: int, repeats: int, budget_s: float = 0.0) -> dict:
    seconds, done = run_process([sys.executable, "-m", "bench.scale", mode, str(scale), str(repeats),
                                 str(budget_s)],
                                env=bench_env(), timeout=4 * 3600)
    if done.returncode != 0:
        raise RuntimeError(f"scale {scale} {mode} failed: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(max_scale: int = 200, repeats: int = 2, build_budget_s: float = 0.0) -> dict:
    scales = [s for s in SCALES if s <= max_scale]
    rows = []
    paused = []
    for scale in scales:
        print(f"  scale {scale}×: building …", flush=True)
        build = _child("build", scale, repeats, build_budget_s)
        if build.get("paused"):
            print(f"  scale {scale}×: paused after {build['build_s']} s with {build['left']} chunks "
                  "left; run again to resume", flush=True)
            paused.append({"scale": scale, **build})
            break
        print(f"  scale {scale}×: {build['chunks']} chunks, build {build['build_s']} s"
              f"{' (reused)' if build.get('reused') else ''}; answering …", flush=True)
        answer = _child("answer", scale, repeats)
        rows.append({
            "scale": scale,
            "chunks": build["chunks"],
            "build_s": build["build_s"],
            "build_reused": build.get("reused", False),
            "index_mb": dir_size_mb(CORPORA / f"index-{scale}" / "chroma"),
            "build_peak_rss_mb": build["peak_rss_mb"],
            "answer_peak_rss_mb": answer["peak_rss_mb"],
            "load_s": answer["load_s"],
            "answer": answer["first_seen"]["ours"],  # first-seen questions: the headline
            "floor": answer["first_seen"]["floor"],
            "ratio_p95_to_floor": answer["first_seen"]["ratio_p95"],
            "repeats": answer["ours"],
        })
    base, top = rows[0]["answer"]["p95_ms"], rows[-1]["answer"]["p95_ms"]
    per_chunk = [round(1000 * r["build_s"] / r["chunks"], 2) for r in rows]  # flat if linear
    result = {
        "scales": [r["scale"] for r in rows],
        "max_scale": rows[-1]["scale"],
        "paused": paused,
        "build_ms_per_chunk": per_chunk,
        "goal_ratio": GOAL,
        "rows": rows,
        "p95_ratio_largest_to_1x": ratio(top, base),
        "meets_goal": ratio(top, base) <= GOAL,
    }
    result["plot"] = plot(rows)
    return result


def plot(rows: list[dict]) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from bench.measure import BENCH

    x = [row["chunks"] for row in rows]
    fig, axes = plt.subplots(1, 3, figsize=(13, 3.8))
    axes[0].plot(x, [r["answer"]["p50_ms"] for r in rows], "o-", label="answer p50")
    axes[0].plot(x, [r["answer"]["p95_ms"] for r in rows], "o-", label="answer p95")
    axes[0].plot(x, [r["floor"]["p95_ms"] for r in rows], "o--", label="floor p95 (encode + query)")
    axes[0].set_title("Warm answer latency (ms)")
    axes[1].plot(x, [r["build_s"] for r in rows], "o-")
    axes[1].set_title("Full build time (s)")
    axes[2].plot(x, [r["index_mb"] for r in rows], "o-", label="index on disk (MB)")
    axes[2].plot(x, [r["build_peak_rss_mb"] for r in rows], "o-", label="build peak RSS (MB)")
    axes[2].plot(x, [r["answer_peak_rss_mb"] for r in rows], "o-", label="answer peak RSS (MB)")
    axes[2].set_title("Memory and disk (MB)")
    for axis in axes:
        axis.set_xscale("log")
        axis.set_xlabel("chunks (log)")
        axis.grid(True, alpha=0.3)
    axes[0].legend(fontsize=8)
    axes[2].legend(fontsize=8)
    fig.tight_layout()
    path = BENCH / "scale.png"
    fig.savefig(path, dpi=80)
    plt.close(fig)
    return path.name


if __name__ == "__main__":
    mode, scale, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    budget = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0
    out = child_build(scale, budget) if mode == "build" else child_answer(scale, repeats)
    print(json.dumps(out))
