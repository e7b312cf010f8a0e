"""Writes bench/results.json (all figures) and bench/results.md (the tables the README links)."""

from __future__ import annotations

import json
import os

from bench.measure import BENCH

RESULTS_JSON = BENCH / "results.json"
RESULTS_MD = BENCH / "results.md"


def load() -> dict:
    if RESULTS_JSON.exists():
        return json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
    return {}


def save(results: dict) -> None:
    RESULTS_JSON.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    RESULTS_MD.write_text(markdown(results), encoding="utf-8")


def _marginal_ms_per_chunk(rows: list[dict]) -> dict[str, float]:
    """Build ms per chunk added from one scale to the next: the slope of build time against
    corpus size, which a fixed start-up cost (collection, off-topic calibration) does not skew."""
    out = {}
    for a, b in zip(rows, rows[1:]):
        if b["chunks"] > a["chunks"]:
            out[f"{a['scale']}×→{b['scale']}×"] = round(
                1000 * (b["build_s"] - a["build_s"]) / (b["chunks"] - a["chunks"]), 2)
    return out


def _ok(flag: object) -> str:
    return "✅" if flag else "❌"


def _goal_rows(r: dict) -> list[str]:
    rows = []
    if "retrieval" in r:
        for mode in ("hybrid", "dense"):
            m = r["retrieval"][mode]
            rows.append(f"| Retrieval overhead ({mode}), p50 ratio to encode+query | {m['ratio_p50']}× (p95 {m['ratio_p95']}×) "
                        f"| ≤ {r['retrieval']['goal_ratio']}× | {_ok(m['meets_goal'])} |")
    if "latency" in r:
        m = r["latency"]
        f = m["first_seen"]
        rows.append(f"| **First-seen** warm answer p95 | {f['ours']['p95_ms']} ms (p50 {f['ours']['p50_ms']}) | ≤ {m['goal_p95_ms']:.0f} ms | {_ok(f['ours']['p95_ms'] <= m['goal_p95_ms'])} |")
        rows.append(f"| **First-seen** answer p95 ratio to retrieval floor p95 | {f['ratio_p95']}× (p50 {f['ratio_p50']}×) | ≤ {m['goal_ratio']}× | {_ok(f['ratio_p95'] <= m['goal_ratio'])} |")
        rows.append(f"| Repeated questions (reported apart, no goal): answer p95 | {m['ours']['p95_ms']} ms ({m['ratio_p95']}× floor) | — | |")
    if "checker" in r:
        m = r["checker"]
        rows.append(f"| Warm grounding check of a {m['sentences']}-sentence answer, p95 | {m['p95_ms']} ms (p50 {m['p50_ms']}, n={m['answers']}) | ≤ {m['goal_p95_ms']:.0f} ms | {_ok(m['meets_goal'])} |")
    if "screen" in r:
        m = r["screen"]
        rows.append(f"| Injection screen per message, first-seen, CPU p95 | {m['p95_ms']} ms (p50 {m['p50_ms']}, n={m['screens']}) | ≤ {m['goal_p95_ms']:.0f} ms | {_ok(m['meets_goal'])} |")
    if "cold" in r:
        m = r["cold"]
        rows.append(f"| Cold `advisor ask --json` ratio to bare imports | {m['ratio']}× | ≤ {m['goal_ratio']}× | {_ok(m['meets_goal'])} |")
    if "build" in r:
        m = r["build"]
        rows.append(f"| Full ingest ratio to bare encode | {m['ratio']}× | ≤ {m['goal_ratio']}× | {_ok(m['meets_goal'])} |")
        n = m["noop"]
        rows.append(f"| Second ingest, nothing changed | {n['embedded']} embedded, {n['in_process_s']} s in process | 0 embedded, < 1 s | {_ok(n['meets_goal'])} |")
    if "scale" in r:
        m = r["scale"]
        done200 = m["max_scale"] >= 200
        rows.append(f"| Answer p95 at {m['max_scale']}× ratio to 1×{'' if done200 else ' (200× not completed)'} | {m['p95_ratio_largest_to_1x']}× | ≤ {m['goal_ratio']}× at 200× | {_ok(m['meets_goal'] and done200)} |")
        marginal = _marginal_ms_per_chunk(m.get("rows", []))
        if len(marginal) >= 2:
            linear = max(marginal.values()) <= 1.5 * min(marginal.values())
            steps = ", ".join(f"{k} {v}" for k, v in marginal.items())
            rows.append(f"| Build time linear in size: ms per added chunk between scales | {steps} | within 1.5× of each other | {_ok(linear)} |")
        if m.get("build_ms_per_chunk"):
            per = m["build_ms_per_chunk"]
            rows.append(f"| Build ms per chunk, whole build (fixed start-up cost included; no goal) | {' → '.join(str(v) for v in per)} | — | |")
    if "concurrency" in r:
        m = r["concurrency"]
        p95 = m["concurrent"].get("p95_ms", float("nan"))
        if "startup" in m:
            st, fa, su = m["startup"], m["first_answer"], m["single_user"]
            rows.append(f"| `advisor ui` start to serving / (imports + model load) | {st['ratio']}× ({st['serving_s']} s) | ≤ {st['goal_ratio']}× | {_ok(st['meets_goal'])} |")
            rows.append(f"| First answer after start / next first-seen answer (HTTP) | {fa['ratio']}× ({fa['first_ms']} / {fa['next_first_seen_ms']} ms) | ≤ {fa['goal_ratio']}× | {_ok(fa['meets_goal'])} |")
            t = su["time_to_first_text"]
            rows.append(f"| One warm user: time to first visible text (HTTP, p50) | {t['p50_ms']} ms (p95 {t['p95_ms']}) | ≤ {su['goal_ttft_ms']:.0f} ms | {_ok(su['meets_goal'])} |")
            if "http_to_engine" in m:
                he, load = m["http_to_engine"], m.get("load_avg", {})
                rows.append(f"| One warm user's whole answer over HTTP / the engine's first-seen answer (same questions, same run; load {load.get('start', ['?'])[0]} → {load.get('end', ['?'])[0]}) | {he['ratio_p50']}× p50 ({su['answer']['p50_ms']} / {he['engine_first_seen']['p50_ms']} ms), {he['ratio_p95']}× p95 | ≤ {he['goal_ratio']:.0f}× | {_ok(he['meets_goal'])} |")
        rows.append(f"| {m['sessions']} concurrent UI sessions × {m['questions_per_session']}: errors | {m['errors']} | 0 | {_ok(m['errors'] == 0)} |")
        if "cross_talk" in m:
            rows.append(f"| {m['sessions']} concurrent UI sessions: cross-talk | {m['cross_talk']} | 0 | {_ok(m['cross_talk'] == 0)} |")
        loads = m.get("load_avg", {})
        under = (f" (load {loads['start'][0]} → {loads['end'][0]} on {os.cpu_count()} cores)"
                 if loads else "")
        rows.append(f"| {m['sessions']} concurrent UI sessions: p95{under} | {p95 / 1000:.2f} s | ≤ {m['goal_p95_s']} s | {_ok(p95 / 1000 <= m['goal_p95_s'])} |")
        if "goal_throughput_per_s" in m:
            rows.append(f"| {m['sessions']} concurrent UI sessions: throughput | {m['throughput_per_s']} answers/s | ≥ {m['goal_throughput_per_s']:.0f} answers/s | {_ok(m['throughput_per_s'] >= m['goal_throughput_per_s'])} |")
    return rows


def _dist(d: dict) -> str:
    return f"{d['p50_ms']} / {d['p95_ms']} ms (n={d['n']})"


def markdown(r: dict) -> str:
    m = r.get("machine", {})
    v = m.get("versions", {})
    out = [
        "# Benchmarks",
        "",
        "Generated by `make bench` (`python -m bench.run`; one section: `--only retrieval`). Every figure is a",
        "**ratio against a floor measured in the same run**, interleaved and repeated, because absolute times",
        "on a shared machine are noisy. Raw numbers: [results.json](results.json).",
        "",
        f"**Machine:** {m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('ram_gb', '?')} GB RAM; "
        f"Python {m.get('python', '?')}, torch {v.get('torch', '?')}, sentence-transformers "
        f"{v.get('sentence_transformers', '?')}, chromadb {v.get('chromadb', '?')}, gradio {v.get('gradio', '?')}; "
        f"{m.get('platform', '')}. Load average at start: {m.get('load_avg_at_start', '?')} (other jobs were running). "
        f"Run: {m.get('date', '?')}. Sections run at: " + ", ".join(f"{k} {t}" for k, t in r.get("ran_at", {}).items()) + ".",
        "",
        "Load average (1, 5, 15 min) at the start → end of each section: "
        + "; ".join(f"{k} {r[k]['load_avg']['start']} → {r[k]['load_avg']['end']}"
                    for k in r.get("ran_at", {}) if isinstance(r.get(k), dict) and "load_avg" in r[k])
        + ".",
        "",
        "## Goals",
        "",
        "| What | Measured | Goal | |",
        "|---|---|---|---|",
        *_goal_rows(r),
        "",
    ]
    if "retrieval" in r:
        x = r["retrieval"]
        out += ["## Retrieval overhead", "",
                f"{x['queries']} labelled questions × {x['repeats']} repeats, k={x['k']}. Floor: `model.encode(q)` + "
                "`collection.query(n_results=k)` on the same collection. Ours: `CourseRetriever.search` "
                "(pool of max(4k, 20) dense candidates, question-kind filter, BM25 + RRF fusion in hybrid).", "",
                "| Mode | ours p50 / p95 | floor p50 / p95 | ratio p50 | ratio p95 |", "|---|---|---|---|---|"]
        for mode in ("hybrid", "dense"):
            y = x[mode]
            out.append(f"| {mode} | {_dist(y['ours'])} | {_dist(y['floor'])} | {y['ratio_p50']}× | {y['ratio_p95']}× |")
        out.append("")
    if "latency" in r:
        x = r["latency"]
        f = x["first_seen"]
        out += ["## Warm answer latency (offline engine)", "",
                f"`Advisor.ask(q, remember=False)` over the course's 15 prompts + the engine development questions "
                f"({x['questions']} questions), interleaved with the retrieval floor (encode + query) of the same "
                "question. **Headline: the first time a warm process sees each question** (every real question); "
                f"then {x['repeats']} repeat passes, which the engine's vector memo makes cheaper, reported apart.", "",
                "| | first-seen p50 / p95 | repeats p50 / p95 |", "|---|---|---|",
                f"| answer | {_dist(f['ours'])} | {_dist(x['ours'])} |",
                f"| floor | {_dist(f['floor'])} | {_dist(x['floor'])} |",
                f"| ratio | {f['ratio_p50']}× / {f['ratio_p95']}× | {x['ratio_p50']}× / {x['ratio_p95']}× |", ""]
        ev = x.get("eval")
        if ev:
            if "skipped" in ev:
                out += [f"`advisor eval`: skipped ({ev['skipped']}).", ""]
            else:
                out += [f"`advisor eval` (course suite, fresh process): **{ev['wall_s']} s** wall, exit {ev['exit_code']}"
                        + (f" — `{ev['last_line']}`" if ev.get("last_line") else "") + ".", ""]
        first_seen = "profile_first_seen" in x
        out += [("Profile of one first-seen pass (a second, warmed-up Advisor that was never asked these questions; "
                 if first_seen else "Profile of one warm pass over all questions (")
                + "cProfile, top entries by cumulative time):", "",
                "| function | calls | cumulative s |", "|---|---|---|"]
        out += [f"| `{p['function']}` | {p['calls']} | {p['cumulative_s']} |"
                for p in x.get("profile_first_seen", x.get("profile_top10", []))]
        out.append("")
    if "cold" in r:
        x = r["cold"]
        out += ["## Cold start", "",
                f"Fresh processes, index already built, {x['repeats']} interleaved repeats (medians).", "",
                "| Command | median s |", "|---|---|",
                f"| `advisor ask \"…\" --json` | {x['ask_median_s']} (runs: {x['ask_s']}) |",
                f"| floor: `python -c \"import sentence_transformers, chromadb\"` | {x['floor_median_s']} (runs: {x['floor_s']}) |",
                f"| `advisor --help` | {x['help_median_s']} |",
                f"| `python -c pass` | {x['bare_python_median_s']} |", "",
                f"Ratio ask / floor: **{x['ratio']}×**; `advisor --help` / bare Python: {x['help_ratio_to_bare_python']}×.", ""]
        if x.get("phases_s"):
            out += ["Where a cold answer's time goes (one fresh process, seconds per phase):", "",
                    "| phase | s |", "|---|---|"] + [f"| {k} | {val} |" for k, val in x["phases_s"].items()] + [""]
        for key, title in (("imports_ask", "`advisor ask`"), ("imports_help", "`advisor --help`")):
            imp = x.get(key)
            if not imp:
                continue
            out += [f"Imports of {title} (`python -X importtime`): {imp['modules']} modules, "
                    f"{imp['total_import_s']} s in total. Heaviest packages by self time: "
                    + ", ".join(f"{p['package']} {p['s']} s" for p in imp["packages_self"][:10]) + ". "
                    + "Heaviest direct imports (cumulative): "
                    + ", ".join(f"`{p['module']}` {p['s']} s" for p in imp["top_level_cumulative"][:6]) + ".", ""]
    if "build" in r:
        x = r["build"]
        n = x["noop"]
        out += ["## Index build", "",
                f"{x['chunks']} chunks, {x['repeats']} interleaved repeats, model loaded beforehand.", "",
                "| | median s | runs |", "|---|---|---|",
                f"| full ingest (fresh data folder) | {x['ingest_median_s']} | {x['ingest_s']} |",
                f"| floor: `model.encode(embedding_texts)` | {x['encode_median_s']} | {x['encode_s']} |", "",
                f"Ratio: **{x['ratio']}×**. Second ingest with nothing changed: {n['embedded']} chunks embedded, "
                f"{n['in_process_s']} s in process; `advisor ingest` as a command {n['command_s']} s against "
                f"{n['import_chromadb_s']} s for `python -c 'import chromadb'` ({n['beyond_startup_s']} s beyond start-up).", ""]
    if "scale" in r:
        x = r["scale"]
        out += ["## Scale", "",
                "Synthetic corpora from `bench/synth.py` (the course plus N−1 reworded copies: synonyms, shuffled "
                "sentences, renumbered lessons), built once and kept under bench/corpora (resumable: "
                "`--build-budget S` pauses a build, the next run goes on). Build and answer each run in a child "
                "process (peak RSS per process). "
                f"Scales run: {', '.join(f'{s}×' for s in x['scales'])}"
                + ("" if x["max_scale"] >= 200 else f" — **the 200× scale has not been completed** "
                   f"(`python -m bench.run --only scale --max-scale 200` runs it)") + ".", "",
                "| scale | chunks | full build s | index MB | build peak RSS MB | answer peak RSS MB | load s | answer p50 / p95 | floor p50 / p95 | p95 ratio to floor |",
                "|---|---|---|---|---|---|---|---|---|---|"]
        for row in x["rows"]:
            out.append(f"| {row['scale']}× | {row['chunks']} | {row['build_s']}{' (recorded)' if row['build_reused'] else ''} "
                       f"| {row['index_mb']} | {row['build_peak_rss_mb']} | {row['answer_peak_rss_mb']} | {row['load_s']} "
                       f"| {_dist(row['answer'])} | {_dist(row['floor'])} | {row['ratio_p95_to_floor']}× |")
        if x.get("build_ms_per_chunk"):
            out += ["", "Build time per chunk, whole build (ms; includes the fixed start-up cost, which "
                    "weighs on the small corpora): "
                    + ", ".join(f"{r['scale']}× {v}" for r, v in zip(x["rows"], x["build_ms_per_chunk"])) + "."]
        if marginal := _marginal_ms_per_chunk(x.get("rows", [])):
            out += ["", "Build time per chunk added from one scale to the next (ms; equal steps mean "
                    "linear): " + ", ".join(f"{k} {v}" for k, v in marginal.items()) + "."]
        for p in x.get("paused", []):
            out += ["", f"**{p['scale']}× build paused** after {p['build_s']} s of building ({p['embedded']} chunks "
                    f"embedded, {p['left']} left); it is kept under bench/corpora/index-{p['scale']} and "
                    "`python -m bench.run --only scale` resumes it."]
        out += ["", f"Answer p95 at {x['max_scale']}× / at 1×: **{x['p95_ratio_largest_to_1x']}×**.", "",
                f"![scale curves]({x['plot']})", ""]
    if "concurrency" in r:
        x = r["concurrency"]
        if "startup" in x:
            st, fa, su = x["startup"], x["first_answer"], x["single_user"]
            out += ["## Serving (Gradio UI on loopback, real HTTP with gradio_client)", "",
                    f"`advisor ui` (index built, warm-up on) answered /config **{st['serving_s']} s** after it was spawned; "
                    f"floor, a fresh `python` importing sentence-transformers, chromadb and gradio and loading the model: "
                    f"{st['floor_s']} s → **{st['ratio']}×**. First answer after start {fa['first_ms']} ms, the next "
                    f"first-seen answer {fa['next_first_seen_ms']} ms ({fa['ratio']}×).", "",
                    f"One warm user, first-seen questions: time to the first update showing answer text "
                    f"{_dist(su['time_to_first_text'])}; whole answer {_dist(su['answer'])}"
                    + (f"; the same questions answered by a fresh warmed engine in the bench process "
                       f"after the server stopped: {_dist(x['http_to_engine']['engine_first_seen'])} "
                       f"(HTTP / engine {x['http_to_engine']['ratio_p50']}× p50)"
                       if "http_to_engine" in x else "") + ".", ""]
        out += ["## Concurrency (Gradio UI on loopback)", "",
                f"{x['sessions']} gradio_client sessions in 20 threads, {x['questions_per_session']} questions each, "
                f"through the chat endpoint `/respond` of `advisor ui` (queue concurrency {x['queue_concurrency']}). "
                "Floor: one session alone on the same server.", "",
                "| | p50 / p95 |", "|---|---|",
                f"| concurrent | {_dist(x['concurrent']) if x['concurrent'] else '—'} |",
                (f"| one session alone | {_dist(x['single_session'])} |" if "single_session" in x else
                 f"| one session alone | {_dist(x['single_user']['answer'])} |"), "",
                f"Completed {x['completed']}/{x['requests']} in {x['wall_s']} s: **{x['throughput_per_s']} answers/s**, "
                f"{x['errors']} errors{(': ' + '; '.join(x['error_samples'])) if x['error_samples'] else ''}"
                + (f", {x['cross_talk']} sessions saw another session's messages" if "cross_talk" in x else "") + ".", ""]
    if "serving_profile" in r:
        out += _serving_profile(r["serving_profile"])
    if "cold" in r and r["cold"].get("help_after_cli_fix"):
        h = r["cold"]["help_after_cli_fix"]
        out += ["## `advisor --help` after the assistant/cli.py fix", "",
                f"Re-measured separately (5 runs): `advisor --help` {h['help_median_s']} s against {h['bare']} s for "
                f"`python -c pass`; imports {h['imports_help']['total_import_s']} s in total, heaviest packages by self time: "
                + ", ".join(f"{p['package']} {p['s']} s" for p in h["imports_help"]["packages_self"][:6]) + ".", ""]
    if "soak" in r:
        out += _soak(r["soak"])
    if r.get("notes"):
        out += ["## Notes", ""] + [f"- {n}" for n in r["notes"]] + [""]
    return "\n".join(out)


def _load(row: dict) -> str:
    return f"{row['load_before'][0]} → {row['load_after'][0]}"


def _serving_profile(s: dict) -> list[str]:
    """`python -m bench.serving_profile --record`: where the server's CPU goes under the
    20-session load, and before -> after / queue-setting rows measured in one run."""
    out = ["## Serving profile (py-spy, 20 sessions × 3, `python -m bench.serving_profile`)", ""]
    columns = ("| {} | p50 / p95 ms | answers/s | server CPU ms per answer | errors | cross-talk "
               "| load (1 min) start → end |")
    for key, title, label, field in (
            ("compare", "Before (the main branch) and after (this code), servers in turn, unsampled",
             "round, code", "code"),
            ("queue_concurrency", "Answer slots (`ADVISOR_QUEUE_CONCURRENCY`), servers in turn",
             "round, slots", "queue_concurrency")):
        if s.get(key):  # one table of rounds, each row a server run in turn
            out += [f"{title} (run {s.get(key + '_at', '?')}):", "", columns.format(label),
                    "|---|---|---|---|---|---|---|"]
            out += [f"| {r['round']}, {r[field]} | {r['p50_ms']} / {r['p95_ms']} | "
                    f"{r['throughput_per_s']} | {r['server_cpu_ms_per_answer']} | {r['errors']} | "
                    f"{r['cross_talk']} | {_load(r)} |" for r in s[key]]
            out += [""]
    if s.get("replicas"):  # python -m bench.replicas --record
        out += [f"More than one serving process on the same cores: 1 and 2 `advisor ui` replicas "
                f"over PostgreSQL + `chroma run`, sessions spread round-robin (sticky), the "
                f"counts in turn (`python -m bench.replicas`, run {s.get('replicas_at', '?')}):",
                "", "| order, replicas | p50 / p95 ms | answers/s | CPU ms per answer: replicas "
                "/ PostgreSQL / Chroma | errors | load (1 min) start → end |",
                "|---|---|---|---|---|---|"]
        out += [f"| {r['order']}, {r['replicas']} | {r['p50_ms']} / {r['p95_ms']} | "
                f"{r['answers_per_s']} | {round(1000 * r['cpu_s_per_answer']['replicas'])} / "
                f"{round(1000 * r['cpu_s_per_answer']['postgres'])} / "
                f"{round(1000 * r['cpu_s_per_answer']['chroma'])} | {r['errors']} | "
                f"{r['load_before']} → {r.get('load_after', '?')} |" for r in s["replicas"]]
        out += [""]
    if s.get("in_the_way"):
        out += ["**What stands in the way.** " + s["in_the_way"], ""]
    if s.get("profile"):
        p = s["profile"]
        prof = p.get("profile", {})
        out += [f"Sampled run (run {s.get('profile_at', '?')}, load {_load(p)}): p50 / p95 "
                f"{p['p50_ms']} / {p['p95_ms']} ms, {p['throughput_per_s']} answers/s, "
                f"{p['server_cpu_ms_per_answer']} ms of server CPU per answer; "
                f"{prof.get('samples', 0)} busy samples by part (innermost known frame):", "",
                "| part | % of busy samples |", "|---|---|"]
        out += [f"| {part} | {pct} |" for part, pct in prof.get("parts_pct", {}).items()]
        out += ["", "Hottest leaf functions: " + "; ".join(
            f"`{leaf}` {pct} %" for leaf, pct in prof.get("leaves", [])[:8]) + ".", ""]
    return out


def _soak(s: dict) -> list[str]:
    """The soak run (`python -m bench.soak`, run by hand, not by `make bench`)."""
    lost = s.get("lost_writes", {})
    kinds = [k for k in ("ask", "follow_up", "plan", "feedback") if f"{k}_ms" in s]
    return [
        "## Soak (2 replicas + PostgreSQL + `chroma run`)", "",
        f"`python -m bench.soak --learners {s['learners']} --minutes {s['minutes']:g}` "
        f"(run {s.get('date', '?')}; the issue's full run is `--learners 40 --minutes 10`): "
        f"{s['learners']} simulated learners, each in its own browser session on one of "
        f"{s['replicas']} `advisor ui` replicas, asking, following up, editing a plan and rating "
        "answers, with a think time between actions.", "",
        "| | |", "|---|---|",
        f"| actions | {s['actions']} in {s['wall_s']} s ({s['acknowledged']['messages']} messages, "
        f"{s['acknowledged']['plan_edits']} plan edits, {s['acknowledged']['feedback']} ratings) |",
        f"| errors | {s['errors']}{(': ' + '; '.join(s['error_samples'])) if s['error_samples'] else ''} |",
        f"| lost writes | {sum(lost.values())} ({', '.join(f'{k} {v}' for k, v in lost.items())}) |",
        "| RSS per replica, start → end | " + ", ".join(
            f"{a} → {b} MiB" for a, b in zip(s["rss_start_mib"], s["rss_end_mib"])) + " |",
        *(["| RSS per replica, each minute | " + "; ".join(
            "/".join(f"{m:.0f}" for m in minute) for minute in s["rss_by_minute_mib"]) + " MiB |"]
          if s.get("rss_by_minute_mib") else []),
        f"| p95, all actions | {s['p95_ms']} ms |",
        *[f"| {k} p50 / p95 | {s[k + '_ms']['p50']} / {s[k + '_ms']['p95']} ms "
          f"(n={s[k + '_ms']['n']}) |" for k in kinds],
        f"| load average (1, 5, 15 min), start → end | {s['load_start']} → {s['load_end']} "
        f"on {s['cores']} cores |", ""]
