"""Renders a `SuiteReport`: a terminal table, a Markdown report and a self-contained HTML report.

The Markdown and HTML reports show every answer sentence by sentence, marked supported or not by
the grounding checker (with its reason), followed by the citations and the calculator calls,
so an instructor can read why a case failed. Answer text is always escaped: an answer is data,
never markup to inject into the page.
"""

from __future__ import annotations

import html
import json
import re

from evals.runner import CaseOutcome, MetricSummary, SuiteReport

STATUS_MARK = {"pass": "PASS", "fail": "FAIL", "xfail": "XFAIL", "xpass": "XPASS", "error": "ERROR"}
SHORT = {"faithfulness": "faith", "citation_validity": "cite", "numeric_fidelity": "nums"}


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _metric_line(summary: MetricSummary) -> str:
    gate = (
        ""
        if summary.threshold is None
        else f"  (≥ {summary.threshold:g}: {'ok' if summary.passed else 'FAIL'})"
    )
    extra = (
        ""
        if _fmt(summary.value_all) == _fmt(summary.value)
        else f"  [all cases incl. xfail: {_fmt(summary.value_all)}]"
    )
    return (
        f"  {summary.name:<18} {_fmt(summary.value):>6}  over {summary.cases} case(s){gate}{extra}"
    )


def text_table(report: SuiteReport) -> str:
    """The terminal view: one line per case, its assertions under it, then the aggregates."""
    width = max([len(o.id) for o in report.cases] + [4])
    lines = [f"{'':6} {'case':<{width}}  {'faith':>5} {'cite':>5} {'nums':>5}  seconds"]
    for outcome in report.cases:
        values = [
            _fmt(outcome.metrics[name].value) if name in outcome.metrics else "–" for name in SHORT
        ]
        lines.append(
            f"{STATUS_MARK[outcome.status]:<6} {outcome.id:<{width}}  "
            + " ".join(f"{v:>5}" for v in values)
            + f"  {outcome.seconds:.1f}"
        )
        if outcome.error:
            lines.append(f"         ! {outcome.error}")
        for check in outcome.assertions:
            mark = "✓" if check.passed else "✗"
            note = f" — {check.detail}" if check.detail and not check.passed else ""
            implicit = " (implicit)" if check.implicit else ""
            lines.append(f"         {mark} {check.check}{implicit}{note}")
        if outcome.xfail and outcome.status in ("xfail", "xpass"):
            hint = "  — passes now: remove the xfail mark" if outcome.status == "xpass" else ""
            lines.append(f"         xfail: {outcome.xfail}{hint}")
    counts = ", ".join(f"{n} {s}" for s, n in report.counts.items() if n)
    lines += [
        "",
        f"{len(report.cases)} case(s): {counts}  ·  engine {report.engine}  ·  {report.wall_s:.1f} s",
        f"Metrics (recall@{report.k}; gated averages leave xfail cases out):",
    ]
    lines += [_metric_line(s) for s in report.metrics]
    lines.append("")
    lines.append("PASSED" if report.passed else "FAILED: " + "; ".join(report.failures))
    return "\n".join(lines)


def to_json(report: SuiteReport) -> str:
    return json.dumps(report.model_dump(mode="json"), ensure_ascii=False, indent=2)


# --- Markdown ---------------------------------------------------------------------------------


def _md(text: str) -> str:
    """Escaped for Markdown: no raw HTML, no accidental emphasis, links or table breaks."""
    text = html.escape(text, quote=False)
    return re.sub(r"([\\`*_\[\]|#])", r"\\\1", text).replace("\n", " ")


def _md_case(outcome: CaseOutcome) -> list[str]:
    lines = [
        f"### {STATUS_MARK[outcome.status]} · {_md(outcome.id)}",
        "",
        f"**Question:** {_md(outcome.question)}",
        "",
    ]
    if outcome.line:
        lines += [f"_Defined at line {outcome.line} of the cases file._", ""]
    if outcome.xfail:
        lines += [f"**Known failure (xfail):** {_md(outcome.xfail)}", ""]
    if outcome.error:
        lines += [f"**Error:** {_md(outcome.error)}", ""]
    lines.append("| check | result | detail |")
    lines.append("|---|---|---|")
    for check in outcome.assertions:
        label = _md(check.check) + (" (implicit)" if check.implicit else "")
        lines.append(
            f"| {label} | {'✅ pass' if check.passed else '❌ fail'} | {_md(check.detail)} |"
        )
    lines.append("")
    if outcome.metrics:
        shown = ", ".join(f"{name} {_fmt(score.value)}" for name, score in outcome.metrics.items())
        lines += [f"**Metrics:** {shown}", ""]
        for name, score in outcome.metrics.items():
            for problem in score.problems[:8]:
                lines.append(f"- {name}: {_md(problem)}")
        if any(score.problems for score in outcome.metrics.values()):
            lines.append("")
    result = outcome.result
    if result is None:
        return lines
    lines += [
        "**Answer, sentence by sentence** (✅ supported · ❌ unsupported · ▫️ not a claim):",
        "",
    ]
    for sentence in result.grounding.sentences or []:
        if not sentence.claim:
            lines.append(f"- ▫️ {_md(sentence.text)}")
        elif sentence.supported:
            lines.append(f"- ✅ {_md(sentence.text)}")
        else:
            lines.append(f"- ❌ {_md(sentence.text)} — _{_md(sentence.reason)}_")
    if not result.grounding.sentences:
        lines.append(f"> {_md(result.answer)}")
    lines.append("")
    if result.citations:
        lines.append("**Citations:**")
        lines.append("")
        for number, cite in enumerate(result.citations, 1):
            lines.append(f"{number}. {_md(cite.label)} (`{cite.chunk_id}`): “{_md(cite.quote)}”")
        lines.append("")
    if result.tool_calls:
        lines.append("**Calculator calls:**")
        lines.append("")
        for call in result.tool_calls:
            lines.append(f"- {_md(call.name)}({_md(json.dumps(call.args, ensure_ascii=False))})")
        lines.append("")
    return lines


def markdown(report: SuiteReport) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in report.counts.items() if n)
    lines = [
        "# Strategy Advisor eval report",
        "",
        (
            f"Cases: {_md(report.source)} · engine {_md(report.engine)} · {len(report.cases)} case(s): {counts} · "
            f"{report.wall_s:.1f} s"
        ),
        "",
        f"**{'PASSED' if report.passed else 'FAILED'}**"
        + ("" if report.passed else ": " + _md("; ".join(report.failures))),
        "",
        "| metric | value (gated) | all cases | threshold | cases |",
        "|---|---|---|---|---|",
    ]
    for s in report.metrics:
        threshold = (
            "–" if s.threshold is None else f"≥ {s.threshold:g} {'✅' if s.passed else '❌'}"
        )
        lines.append(
            f"| {s.name} | {_fmt(s.value)} | {_fmt(s.value_all)} | {threshold} | {s.cases} |"
        )
    lines += [
        "",
        "| status | case | faithfulness | citation validity | numeric fidelity |",
        "|---|---|---|---|---|",
    ]
    for o in report.cases:
        vals = [_fmt(o.metrics[n].value) if n in o.metrics else "–" for n in SHORT]
        lines.append(
            f"| {STATUS_MARK[o.status]} | [{_md(o.id)}](#{_anchor(o.id)}) | "
            + " | ".join(vals)
            + " |"
        )
    lines.append("")
    # Failures first: they are what the reader came for.
    order = sorted(report.cases, key=lambda o: o.status not in ("fail", "error", "xpass"))
    for outcome in order:
        lines.append(f'<a id="{_anchor(outcome.id)}"></a>')
        lines.extend(_md_case(outcome))
    return "\n".join(lines) + "\n"


def _anchor(case_id: str) -> str:
    return "case-" + re.sub(r"[^a-z0-9-]+", "-", case_id.lower())


# --- HTML -------------------------------------------------------------------------------------

CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.pass{color:#11772b}.fail,.error{color:#b3261e}.xfail{color:#8a6d00}.xpass{color:#6a3fb3}
.sup{background:#dff5e1}.uns{background:#fbdcdc}.non{color:#666}
.s{display:block;margin:.15rem 0;padding:.1rem .35rem;border-radius:3px}
.why{font-size:.85em;color:#7a1d17;margin-left:.5rem}
details{margin:1rem 0;border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem}
summary{cursor:pointer;font-weight:600}code{font-size:.9em}
"""


def _h(text: object) -> str:
    return html.escape(str(text), quote=True)


def _html_case(outcome: CaseOutcome) -> str:
    open_attr = " open" if outcome.status in ("fail", "error", "xpass") else ""
    parts = [
        (
            f'<details id="{_anchor(outcome.id)}"{open_attr}><summary><span class="{outcome.status}">'
            f"{STATUS_MARK[outcome.status]}</span> {_h(outcome.id)}</summary>"
        ),
        f"<p><b>Question:</b> {_h(outcome.question)}</p>",
        f"<p><small>Defined at line {outcome.line} of the cases file.</small></p>"
        if outcome.line
        else "",
    ]
    if outcome.xfail:
        parts.append(f"<p><b>Known failure (xfail):</b> {_h(outcome.xfail)}</p>")
    if outcome.error:
        parts.append(f'<p class="error"><b>Error:</b> {_h(outcome.error)}</p>')
    rows = "".join(
        f"<tr><td>{_h(c.check)}{' <i>(implicit)</i>' if c.implicit else ''}</td>"
        f'<td class="{"pass" if c.passed else "fail"}">{"pass" if c.passed else "fail"}</td><td>{_h(c.detail)}</td></tr>'
        for c in outcome.assertions
    )
    parts.append(f"<table><tr><th>check</th><th>result</th><th>detail</th></tr>{rows}</table>")
    if outcome.metrics:
        cells = "".join(
            f"<tr><td>{_h(n)}</td><td>{_fmt(s.value)}</td><td>{'<br>'.join(_h(p) for p in s.problems[:8])}</td></tr>"
            for n, s in outcome.metrics.items()
        )
        parts.append(
            f"<table><tr><th>metric</th><th>value</th><th>problems</th></tr>{cells}</table>"
        )
    result = outcome.result
    if result is not None:
        parts.append(
            "<p><b>Answer</b> (green: supported, red: unsupported, grey: not a claim):</p><div>"
        )
        for s in result.grounding.sentences:
            if not s.claim:
                parts.append(f'<span class="s non">{_h(s.text)}</span>')
            elif s.supported:
                parts.append(
                    f'<span class="s sup" title="{_h(", ".join(s.sources))}">{_h(s.text)}</span>'
                )
            else:
                parts.append(
                    f'<span class="s uns">{_h(s.text)}<span class="why">{_h(s.reason)}</span></span>'
                )
        if not result.grounding.sentences:
            parts.append(f"<pre>{_h(result.answer)}</pre>")
        parts.append("</div>")
        if result.citations:
            items = "".join(
                f"<li>{_h(c.label)} <code>{_h(c.chunk_id)}</code><br><q>{_h(c.quote)}</q></li>"
                for c in result.citations
            )
            parts.append(f"<p><b>Citations</b></p><ol>{items}</ol>")
        if result.tool_calls:
            items = "".join(
                f"<li><code>{_h(c.name)}({_h(json.dumps(c.args, ensure_ascii=False))})</code></li>"
                for c in result.tool_calls
            )
            parts.append(f"<p><b>Calculator calls</b></p><ul>{items}</ul>")
    parts.append("</details>")
    return "\n".join(parts)


def html_report(report: SuiteReport) -> str:
    counts = ", ".join(f"{n} {s}" for s, n in report.counts.items() if n)
    verdict = "PASSED" if report.passed else "FAILED: " + "; ".join(report.failures)
    metric_rows = "".join(
        f"<tr><td>{_h(s.name)}</td><td>{_fmt(s.value)}</td><td>{_fmt(s.value_all)}</td>"
        f'<td class="{"pass" if s.passed else "fail"}">{"–" if s.threshold is None else "≥ " + format(s.threshold, "g")}</td>'
        f"<td>{s.cases}</td></tr>"
        for s in report.metrics
    )
    case_rows = "".join(
        f'<tr><td class="{o.status}">{STATUS_MARK[o.status]}</td><td><a href="#{_anchor(o.id)}">{_h(o.id)}</a></td>'
        + "".join(f"<td>{_fmt(o.metrics[n].value) if n in o.metrics else '–'}</td>" for n in SHORT)
        + "</tr>"
        for o in report.cases
    )
    order = sorted(report.cases, key=lambda o: o.status not in ("fail", "error", "xpass"))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strategy Advisor eval report</title>
<style>{CSS}</style></head><body>
<h1>Strategy Advisor eval report</h1>
<p>Cases: {_h(report.source)} · engine {_h(report.engine)} · {len(report.cases)} case(s): {_h(counts)} · {report.wall_s:.1f} s</p>
<p class="{"pass" if report.passed else "fail"}"><b>{_h(verdict)}</b></p>
<table><tr><th>metric</th><th>value (gated)</th><th>all cases</th><th>threshold</th><th>cases</th></tr>{metric_rows}</table>
<table><tr><th>status</th><th>case</th><th>faithfulness</th><th>citation validity</th><th>numeric fidelity</th></tr>{case_rows}</table>
{"".join(_html_case(o) for o in order)}
</body></html>
"""


def render(report: SuiteReport, fmt: str) -> str:
    """``fmt`` is "md" or "html"."""
    return html_report(report) if fmt == "html" else markdown(report)
