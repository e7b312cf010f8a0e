"""Scale: the course at 1×, 10×, 100× and 200× (synthetic module copies, bench/synth.py).

Each scale has its own data folder under bench/out/scale-N. Building and answering run in
separate child processes, so each one's peak RSS is its own. A built index is reused when its
recorded manifest (file names and sizes) matches: the ingest is incremental, so re-syncing it
embeds nothing, and the build time shown is the one recorded when it was built.
Goal: answer p95 at the largest scale ≤ 2× the p95 at 1×.
"""

from __future__ import annotations

import json
import sys
import time

from bench.measure import OUT, dir_size_mb, peak_rss_mb, ratio, run_process, bench_env

SCALES = (1, 10, 100, 200)
GOAL = 2.0


def _settings(scale: int):
    from bench.synth import corpus
    from bench.workload import bench_settings

    return bench_settings(OUT / f"scale-{scale}", corpus_paths=corpus(scale))


def _manifest(settings) -> list[list]:
    return [[p.name, p.stat().st_size] for p in settings.corpus_paths]


def child_build(scale: int) -> dict:
    from knowledge.index import CourseIndex

    settings = _settings(scale)
    record_path = settings.data_dir / "bench-build.json"
    manifest = _manifest(settings)
    started = time.perf_counter()
    report = CourseIndex(settings).ingest(list(settings.corpus_paths))
    seconds = time.perf_counter() - started
    fresh = {"build_s": round(seconds, 2), "embedded": report.embedded, "peak_rss_mb": peak_rss_mb(),
             "chunks": report.added + report.updated + report.unchanged, "manifest": manifest}
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
    result = answer_latency(advisor, answer_questions(), repeats)
    result["load_s"] = round(load_s, 2)
    result["peak_rss_mb"] = peak_rss_mb()
    return result


def _child(mode: str, scale: int, repeats: int) -> dict:
    seconds, done = run_process([sys.executable, "-m", "bench.scale", mode, str(scale), str(repeats)],
                                env=bench_env(), timeout=4 * 3600)
    if done.returncode != 0:
        raise RuntimeError(f"scale {scale} {mode} failed: {done.stderr.strip()[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def run(max_scale: int = 200, repeats: int = 2) -> dict:
    scales = [s for s in SCALES if s <= max_scale]
    rows = []
    for scale in scales:
        print(f"  scale {scale}×: building …", flush=True)
        build = _child("build", scale, repeats)
        print(f"  scale {scale}×: {build['chunks']} chunks, build {build['build_s']} s"
              f"{' (reused)' if build.get('reused') else ''}; answering …", flush=True)
        answer = _child("answer", scale, repeats)
        rows.append({
            "scale": scale,
            "chunks": build["chunks"],
            "build_s": build["build_s"],
            "build_reused": build.get("reused", False),
            "index_mb": dir_size_mb(OUT / f"scale-{scale}" / "chroma"),
            "build_peak_rss_mb": build["peak_rss_mb"],
            "answer_peak_rss_mb": answer["peak_rss_mb"],
            "load_s": answer["load_s"],
            "answer": answer["ours"],
            "floor": answer["floor"],
            "ratio_p95_to_floor": answer["ratio_p95"],
        })
    base, top = rows[0]["answer"]["p95_ms"], rows[-1]["answer"]["p95_ms"]
    result = {
        "scales": scales,
        "max_scale": scales[-1],
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
    out = child_build(scale) if mode == "build" else child_answer(scale, repeats)
    print(json.dumps(out))
