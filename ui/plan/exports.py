"""Views and exports of a ranked plan: ranking rows, roadmap, KPI list, the matrix, Markdown and CSV."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime
from typing import Any

from ui.formatting import escape_markdown, format_number
from ui.plan.model import COLUMNS, METHOD_FIELDS, METHOD_NAMES, Plan

# ----------------------------------------------------------------------------- views


def ranking_rows(result: dict[str, Any] | None) -> list[list[Any]]:
    if not result:
        return []
    return [
        [r["rank"], r["name"], round(r["score"], 4), round(r["value"], 2), r["effort"],
         r["quadrant"], horizon(r)]
        for r in result["ranking"]
    ]


RANKING_HEADERS = ["rank", "initiative", "score", "value", "effort", "quadrant", "horizon"]


SPARE_CAPACITY = "when there is spare capacity"
# Roadmap groups by quadrant: a short-term win is a quick win (high value for low effort);
# a fill-in is quick too but of low value, so it waits for spare capacity instead of being
# listed among the wins (the tool's horizon column gives both the same time frame).
ROADMAP_GROUPS = {"quick win": "short-term wins", "big bet": "long-term bets",
                  "fill-in": "fill-ins", "money pit": "deprioritise"}
ROADMAP_TITLES = {
    "short-term wins": "Short-term wins (3-6 months)",
    "long-term bets": "Long-term bets (1-3 years)",
    "fill-ins": f"Fill-ins (low value, low effort: {SPARE_CAPACITY})",
    "deprioritise": "Deprioritise (money pits)",
}


# The horizon a ranked row shows: the tool's, except a fill-in's, which waits for spare
# capacity (the roadmap's group), so the table and the roadmap never disagree.
def horizon(row: dict[str, Any]) -> str:
    return SPARE_CAPACITY if row["quadrant"] == "fill-in" else row["horizon"]


def roadmap(result: dict[str, Any] | None) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {key: [] for key in ROADMAP_TITLES}
    for row in (result or {}).get("ranking", []):
        groups[ROADMAP_GROUPS[row["quadrant"]]].append(row["name"])
    return groups


def roadmap_markdown(result: dict[str, Any] | None) -> str:
    if not result:
        return "_Add initiatives to see the roadmap._"
    groups = roadmap(result)
    lines = []
    for key, title in ROADMAP_TITLES.items():
        lines.append(f"**{title}**")
        names = groups[key]
        lines.extend(f"- {escape_markdown(n)}" for n in names) if names else lines.append("- none")
        lines.append("")
    return "\n".join(lines).strip()


def kpis_markdown(kpis: dict[str, dict[str, Any]]) -> str:
    if not kpis:
        return "_Add initiatives to see the KPIs the course suggests for them._"
    lines: list[str] = []
    for name, result in kpis.items():
        lines.append(f"#### {escape_markdown(name)}")
        if "error" in result:
            lines.append(f"- {escape_markdown(result['error'])}")
        elif not result.get("kpis"):
            lines.append(f"- {escape_markdown(result.get('message', 'no match in the course'))}")
        else:
            for label, key in (("KPIs", "kpis"), ("Leading", "leading"), ("Lagging", "lagging")):
                metrics = [e["metric"] for e in result.get(key, [])]
                if metrics:
                    lines.append(f"- **{label}:** " + "; ".join(escape_markdown(m) for m in metrics))
            for cite in _kpi_citations(result):
                lines.append(f"- _Source: {escape_markdown(cite, line_start=False)}_")
        lines.append("")
    return "\n".join(lines).strip()


def _kpi_citations(result: dict[str, Any]) -> list[str]:
    """Where each matched row is: its file, lesson and section, as the course names them."""
    return list(dict.fromkeys(_where(m["citation"]) for m in result.get("matches", [])))


def _where(citation: dict[str, Any]) -> str:
    lesson = str(citation.get("lesson", ""))
    parts = [citation.get("source", "")]
    parts.append(f"Lesson {lesson}" if lesson[:1].isdigit() else "")
    parts.append(citation.get("section", ""))
    return " › ".join(part for part in parts if part)


# ----------------------------------------------------------------------------- exports


def _md_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_markdown(value)
    return format_number(value)  # digits, separators and a sign: nothing to escape


def export_markdown(
    plan: Plan, result: dict[str, Any] | None, kpis: dict[str, dict[str, Any]], now: datetime | None = None
) -> str:
    """The plan as a Markdown document: inputs, formula, ranking, assumptions, roadmap, KPIs."""
    now = now or datetime.now(UTC)
    fields = METHOD_FIELDS[plan.method]
    lines = [
        f"# {escape_markdown(plan.title)}",
        "",
        (f"_Exported {now:%Y-%m-%d %H:%M} UTC from Strategy Advisor. Scores are computed by "
         "the advisor's prioritize tool from the inputs below; the KPIs are quoted from the "
         "course. AI-generated: review before you act on it._"),
        "",
        f"## Inputs ({METHOD_NAMES[plan.method]})",
        "",
        "| initiative | " + " | ".join(fields) + " |",
        "|---|" + "---:|" * len(fields),
    ]
    for item in plan.initiatives:
        lines.append("| " + " | ".join([_md_cell(item["name"]), *(_md_cell(item.get(f)) for f in fields)]) + " |")
    if not result:
        lines += ["", "_The plan has no initiatives yet._"]
        return "\n".join(lines) + "\n"
    lines += [
        "",
        "## Formula",
        "",
        f"- {escape_markdown(result['formula'])}",
        f"- Value axis: {escape_markdown(result['value_axis'])}",
        f"- Effort axis: {escape_markdown(result['effort_axis'])}",
        f"- Quadrants: {escape_markdown(result['quadrant_rule'])}",
        (f"- Thresholds: value {format_number(result['value_threshold'])}, "
         f"effort {format_number(result['effort_threshold'])}"),
        f"- Ties: {escape_markdown(result['tie_rule'])}",
        "",
        "## Ranking",
        "",
        "| rank | initiative | score | value | effort | quadrant | horizon |",
        "|---:|---|---:|---:|---:|---|---|",
    ]
    for row in result["ranking"]:
        lines.append(
            f"| {row['rank']} | {_md_cell(row['name'])} | {_md_cell(round(row['score'], 4))} | "
            f"{_md_cell(round(row['value'], 2))} | {_md_cell(row['effort'])} | "
            f"{row['quadrant']} | {horizon(row)} |"
        )
    lines += ["", "## Assumptions", ""]
    lines += [f"- {escape_markdown(a)}" for a in result.get("assumptions", [])]
    lines += ["", "## Roadmap", "", roadmap_markdown(result), "", "## KPIs per initiative", ""]
    lines.append(kpis_markdown(kpis))
    citations = sorted({c for r in kpis.values() for c in _kpi_citations(r)})
    lines += ["", "## Citations", ""]
    lines += [f"- {escape_markdown(c, line_start=False)}" for c in citations]
    return "\n".join(lines) + "\n"


def _csv_safe(value: Any) -> Any:
    """Spreadsheets run cells that start with = + - @ as formulas; keep names as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def export_csv(plan: Plan, result: dict[str, Any] | None) -> str:
    ranked = {r["name"]: r for r in (result or {}).get("ranking", [])}
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["method", *COLUMNS, "score", "rank", "value", "quadrant", "horizon"])
    for item in plan.initiatives:
        row = ranked.get(item["name"], {})
        writer.writerow(
            [plan.method, *(_csv_safe(item.get(c)) for c in COLUMNS)]
            + [_csv_safe(row.get(k)) for k in ("score", "rank", "value", "quadrant")]
            + [horizon(row) if row else ""]
        )
    return buffer.getvalue()
