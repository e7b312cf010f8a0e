"""`python -m bench.run [--only retrieval,latency,checker,screen,cold,build,scale,concurrency] [--max-scale 200]`.

Runs the chosen sections in order, merges their figures into bench/results.json (so one section
can be re-run alone) and rewrites bench/results.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timezone

import assistant.settings  # noqa: F401  (switches Hugging Face and Chroma offline first)
from bench import report
from bench.measure import OUT, machine

SECTIONS = ("retrieval", "latency", "checker", "screen", "cold", "build", "scale", "concurrency")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections (default: all): {','.join(SECTIONS)}")
    parser.add_argument("--max-scale", type=int, default=200, help="largest corpus scale to run (1, 10, 100, 200)")
    parser.add_argument("--build-budget", type=float, default=0.0,
                        help="seconds one scale build may run before it pauses (resumed next run; 0: no limit)")
    parser.add_argument("--repeats", type=int, default=None, help="override every section's repeat count")
    parser.add_argument("--no-eval", action="store_true", help="skip timing `advisor eval`")
    args = parser.parse_args(argv)
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        parser.error(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}")

    OUT.mkdir(parents=True, exist_ok=True)
    results = report.load()
    results["machine"] = machine()
    results.setdefault("ran_at", {})
    reps = {} if args.repeats is None else {"repeats": args.repeats}
    failed = []
    for name in SECTIONS:
        if name not in chosen:
            continue
        load_before = [round(x, 2) for x in os.getloadavg()]
        print(f"[bench] {name} … (load average {load_before})", flush=True)
        started = time.perf_counter()
        try:
            if name == "retrieval":
                from bench import retrieval as section
                results[name] = section.run(**reps)
            elif name == "latency":
                from bench import latency as section
                previous_eval = results.get(name, {}).get("eval")
                results[name] = section.run(with_eval=not args.no_eval, **reps)
                if args.no_eval and previous_eval:  # keep the last measured eval time
                    results[name]["eval"] = {**previous_eval, "from_earlier_run": True}
            elif name == "checker":
                from bench import checker as section
                results[name] = section.run(**reps)
            elif name == "screen":
                from bench import screen as section
                results[name] = section.run(**reps)
            elif name == "cold":
                from bench import coldstart as section
                results[name] = section.run(**reps)
            elif name == "build":
                from bench import build as section
                results[name] = section.run(**reps)
            elif name == "scale":
                from bench import scale as section
                results[name] = section.run(max_scale=args.max_scale, build_budget_s=args.build_budget, **reps)
            elif name == "concurrency":
                from bench import concurrency as section
                results[name] = section.run()
        except Exception as exc:  # one broken section must not lose the others' figures
            failed.append(name)
            print(f"[bench] {name} failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            continue
        results["ran_at"][name] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        results[name]["load_avg"] = {"start": load_before, "end": [round(x, 2) for x in os.getloadavg()]}
        print(f"[bench] {name} done in {time.perf_counter() - started:.0f} s", flush=True)
        report.save(results)
    report.save(results)
    print(f"[bench] wrote {report.RESULTS_MD.relative_to(report.BENCH.parent)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
