"""Renders a `SuiteReport`: a terminal table, a Markdown report and a self-contained HTML report.

The Markdown and HTML reports show every answer sentence by sentence, marked supported or not by
the grounding checker (with its reason), followed by the citations and the calculator calls,
so an instructor can read why a case failed. Answer text is always escaped: an answer is data,
never markup to inject into the page. Both reports are jinja2 templates (evals/templates/); the
HTML one is autoescaped, the Markdown one escapes every printed value for Markdown.
"""

from __future__ import annotations

import html
import json
import re
from functools import lru_cache
from pathlib import Path

from evals.runner import CaseOutcome, MetricSummary, SuiteReport

TEMPLATES = Path(__file__).parent / "templates"
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


def _sentence_kind(sentence) -> str:
    """'non' (not a claim), 'sup' (supported) or 'uns' (unsupported): how a sentence is shown."""
    if not sentence.claim:
        return "non"
    return "sup" if sentence.supported else "uns"


def markdown(report: SuiteReport) -> str:
    return _render("report.md.j2", report)


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


def html_report(report: SuiteReport) -> str:
    return _render("report.html.j2", report)


def _render(template: str, report: SuiteReport) -> str:
    from markupsafe import Markup

    counts = ", ".join(f"{n} {s}" for s, n in report.counts.items() if n)
    return _environment(template.rsplit(".", 2)[-2]).get_template(template).render(
        report=report,
        counts=counts,
        verdict="PASSED" if report.passed else "FAILED: " + "; ".join(report.failures),
        # Failures first: they are what the reader came for.
        order=sorted(report.cases, key=lambda o: o.status not in ("fail", "error", "xpass")),
        marks=STATUS_MARK,
        short=list(SHORT),
        css=Markup(CSS),
    )


@lru_cache(maxsize=2)
def _environment(kind: str):
    """The jinja2 environment for "html" (HTML autoescape) or "md" (every value escaped for
    Markdown by `finalize`; `raw` marks a value that must be printed as is)."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined
    from markupsafe import Markup

    def md_finalize(value: object) -> str:
        if isinstance(value, Markup):
            return str(value)
        return _md(value) if isinstance(value, str) else str(value)

    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=kind == "html",
        finalize=None if kind == "html" else md_finalize,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(
        fmt=_fmt,
        anchor=_anchor,
        g=lambda value: format(value, "g"),
        sentence_kind=_sentence_kind,
        tojson_text=lambda args: json.dumps(args, ensure_ascii=False),
        raw=Markup,
    )
    return env


def render(report: SuiteReport, fmt: str) -> str:
    """``fmt`` is "md" or "html"."""
    return html_report(report) if fmt == "html" else markdown(report)
