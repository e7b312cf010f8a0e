"""The plan builder's pure core: plan state, "add ..." commands, ranking, exports and the matrix.

A plan is a list of AI initiatives scored by RICE or ICE. Commands typed in the chat ("add 'AI
site search' with reach 30000, impact 2, confidence 0.8, effort 3") and rows edited in the
table both end up here; ranking, quadrants, horizons and KPIs come from the `prioritize` and
`kpi_suggest` tools, so the numbers in the UI are the numbers the assistant would compute.
"""

from __future__ import annotations

import csv
import io
import math
import re
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.errors import UserError
from tools.errors import ToolInputError
from ui.formatting import escape_markdown, format_number

Method = Literal["rice", "ice"]
FIELDS: tuple[str, ...] = ("reach", "impact", "confidence", "effort", "ease")
METHOD_FIELDS: dict[str, tuple[str, ...]] = {
    "rice": ("reach", "impact", "confidence", "effort"),
    "ice": ("impact", "confidence", "ease"),
}
COLUMNS = ["name", *FIELDS]
IMPACT_WORDS = {"massive": 3.0, "high": 2.0, "medium": 1.0, "low": 0.5, "minimal": 0.25}
EXAMPLE = "add 'AI site search' with reach 30000, impact 2, confidence 0.8, effort 3"
ICE_EXAMPLE = "add 'Chatbot' with impact 7, confidence 6, ease 8"
FIELD_HELP = "reach, impact, confidence, effort (RICE) or impact, confidence, ease (ICE)"


class PlanError(UserError, ValueError):
    """A command or table edit that cannot be applied; the message says what to fix."""


class Plan(BaseModel):
    title: str = "AI initiative plan"
    method: Method = "rice"
    initiatives: list[dict[str, Any]] = Field(default_factory=list)

    def names(self) -> list[str]:
        return [item["name"] for item in self.initiatives]


# ----------------------------------------------------------------------------- commands


class AddCommand(BaseModel):
    kind: Literal["add"] = "add"
    initiative: dict[str, Any]


class RemoveCommand(BaseModel):
    kind: Literal["remove"] = "remove"
    name: str


class ClearCommand(BaseModel):
    kind: Literal["clear"] = "clear"


Command = AddCommand | RemoveCommand | ClearCommand

_QUOTED = r"'(?P<q1>[^']+)'|\"(?P<q2>[^\"]+)\"|“(?P<q3>[^”]+)”|‘(?P<q4>[^’]+)’"
_ADD = re.compile(
    rf"^\s*(?:please\s+)?add\s+(?:an?\s+)?(?:initiative\s+)?(?:{_QUOTED}|(?P<bare>.+?))"
    rf"(?:\s*(?:\bwith\b|:|,|\s(?=(?:{'|'.join(FIELDS)})\b))(?P<fields>.*))?\s*[.!]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_REMOVE = re.compile(
    rf"^\s*(?:remove|delete|drop)\s+(?:initiative\s+)?(?:{_QUOTED}|(?P<bare>.+?))"
    r"(?:\s+from\s+(?:the\s+)?plan)?\s*[.!]?\s*$",
    re.IGNORECASE,
)
_CLEAR = re.compile(r"^\s*(?:clear|reset|empty)\s+(?:the\s+)?plan\s*[.!]?\s*$", re.IGNORECASE)
# Split fields on ';', ' and ', or commas that are not thousands separators ("30,000").
_SEPARATOR = re.compile(r";|\band\b|,(?!\d{3}(?:\D|$))", re.IGNORECASE)
_FIELD = re.compile(
    r"^\s*(?P<key>[A-Za-z][A-Za-z _-]*?)\s*(?:=|:|\bof\b|\bis\b)?\s*(?P<value>[^\s=:]+)\s*$"
)
_NUMBER = re.compile(r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<unit>%|[kKmM])?$")


def _name(match: re.Match) -> str:
    for group in ("q1", "q2", "q3", "q4", "bare"):
        value = match.group(group)
        if value:
            return value.strip()
    return ""


def parse_value(key: str, raw: str) -> float:
    """'30,000' → 30000, '30k' → 30000, '80%' → 0.8, 'high' (impact) → 2."""
    text = raw.strip().rstrip(".")
    if key == "impact" and text.lower() in IMPACT_WORDS:
        return IMPACT_WORDS[text.lower()]
    match = _NUMBER.match(text)
    if not match:
        hint = {
            "reach": "e.g. reach 30000 (people per period)",
            "impact": "on the RICE scale 3, 2, 1, 0.5, 0.25 (or massive/high/medium/low/"
            "minimal), or 1-10 for ICE",
            "confidence": "e.g. confidence 0.8 (or 80%) for RICE, 1-10 for ICE",
            "effort": "in person-months, e.g. effort 3",
            "ease": "from 1 (hard) to 10 (easy), e.g. ease 8",
        }[key]
        raise PlanError(f"{key}: '{raw}' is not a number; write it {hint}.")
    number = float(match.group("num").replace(",", ""))
    unit = (match.group("unit") or "").lower()
    if unit == "%":
        number /= 100
    elif unit == "k":
        number *= 1_000
    elif unit == "m":
        number *= 1_000_000
    return number


def parse_fields(text: str) -> dict[str, float]:
    values: dict[str, float] = {}
    for part in _SEPARATOR.split(text or ""):
        if not part.strip():
            continue
        match = _FIELD.match(part)
        if not match:
            raise PlanError(
                f"could not read '{part.strip()}'; write each field as a name and a number, "
                f"e.g. {EXAMPLE}"
            )
        key = re.sub(r"[\s_-]+", " ", match.group("key").strip().lower())
        if key not in FIELDS:
            raise PlanError(f"'{match.group('key').strip()}' is not a field of an initiative; "
                            f"use {FIELD_HELP}.")
        if key in values:
            raise PlanError(f"{key} is given twice; give each field once.")
        values[key] = parse_value(key, match.group("value"))
    return values


def parse_command(text: str) -> Command | None:
    """The plan command in a chat message, None when the message is not one.

    A message is an "add" command when it starts with "add" and names the initiative in
    quotes or gives at least one field ("add AI search with reach 3000, ..."); malformed
    commands raise PlanError with the fix, so the user is not answered as if they asked
    the course a question.
    """
    if _CLEAR.match(text):
        return ClearCommand()
    remove = _REMOVE.match(text)
    if remove and re.match(rf"^\s*(?:remove|delete|drop)\s+(?:initiative\s+)?(?:{_QUOTED})", text, re.IGNORECASE):
        return RemoveCommand(name=_name(remove))
    if not re.match(r"^\s*(?:please\s+)?add\b", text, re.IGNORECASE):
        return None
    quoted = re.match(rf"^\s*(?:please\s+)?add\s+(?:an?\s+)?(?:initiative\s+)?(?:{_QUOTED})",
                      text, re.IGNORECASE)
    has_field = re.search(rf"\b(?:{'|'.join(FIELDS)})\b\s*(?:=|:|of|is)?\s*[\d.]", text, re.IGNORECASE)
    if not (quoted or has_field):
        return None
    match = _ADD.match(text)
    name = _name(match) if match else ""
    if not name:
        raise PlanError(f"name the initiative in quotes, e.g. {EXAMPLE}")
    values = parse_fields(match.group("fields") or "")
    if not values:
        raise PlanError(f"give the scores of '{name}', e.g. {EXAMPLE} (or for ICE: {ICE_EXAMPLE})")
    return AddCommand(initiative={"name": name, **values})


# ----------------------------------------------------------------------------- tools


def run_tool(name: str, args: dict[str, Any]) -> dict[str, Any]:
    from tools.registry import run_tool as registry_run_tool

    return registry_run_tool(name, args)


def _plain_message(message: str, names: list[str]) -> str:
    """'initiatives[1].impact must …' → "'B': impact must …"."""

    def replace(match: re.Match) -> str:
        index = int(match.group(1))
        label = f"'{names[index]}'" if index < len(names) else f"initiative {index + 1}"
        return f"{label}: {match.group(2)}" if match.group(2) else f"{label}:"

    return re.sub(r"initiatives\[(\d+)\](?:\.(\w+))?", replace, message)


def infer_method(item: dict[str, Any]) -> Method:
    if item.get("ease") is not None and item.get("reach") is None:
        return "ice"
    return "rice"


def _tool_initiative(item: dict[str, Any], method: Method) -> dict[str, Any]:
    keep = ("name", *METHOD_FIELDS[method])
    return {k: item[k] for k in keep if item.get(k) is not None}


def validate_initiative(item: dict[str, Any], method: Method) -> dict[str, Any]:
    """The initiative as the prioritize tool reads it, or PlanError naming the field to fix."""
    extra = [k for k in FIELDS if item.get(k) is not None and k not in METHOD_FIELDS[method]]
    if extra:
        other = "ICE" if method == "rice" else "RICE"
        raise PlanError(
            f"'{item['name']}': {', '.join(extra)} belong(s) to {other}, but this plan uses "
            f"{method.upper()} ({', '.join(METHOD_FIELDS[method])}); switch the plan's method "
            f"or give {method.upper()} fields."
        )
    args = {"initiatives": [_tool_initiative(item, method)], "method": method}
    try:
        result = run_tool("prioritize", args)
    except ToolInputError as exc:
        raise PlanError(_plain_message(exc.message, [item["name"]])) from None
    checked = result["inputs"]["initiatives"][0]
    return {"name": checked["name"], **{k: checked.get(k) for k in FIELDS}}


def add_initiative(plan: Plan, item: dict[str, Any]) -> Plan:
    name = str(item.get("name", "")).strip()
    if not name:
        raise PlanError(f"the initiative needs a name, e.g. {EXAMPLE}")
    if name.lower() in (n.lower() for n in plan.names()):
        raise PlanError(
            f"'{name}' is already in the plan; remove it first (remove '{name}') or pick "
            "another name."
        )
    method = plan.method if plan.initiatives else infer_method(item)
    checked = validate_initiative({**item, "name": name}, method)
    return plan.model_copy(update={"method": method, "initiatives": [*plan.initiatives, checked]})


def remove_initiative(plan: Plan, name: str) -> Plan:
    kept = [i for i in plan.initiatives if i["name"].lower() != name.strip().lower()]
    if len(kept) == len(plan.initiatives):
        listed = ", ".join(f"'{n}'" for n in plan.names()) or "none yet"
        raise PlanError(f"no initiative named '{name}' in the plan (initiatives: {listed}).")
    return plan.model_copy(update={"initiatives": kept})


def apply_command(plan: Plan, command: Command) -> tuple[Plan, str]:
    """Applies a parsed command; returns the new plan and a confirmation for the chat."""
    if isinstance(command, ClearCommand):
        return plan.model_copy(update={"initiatives": []}), "Cleared the plan."
    if isinstance(command, RemoveCommand):
        return remove_initiative(plan, command.name), f"Removed '{command.name}' from the plan."
    new = add_initiative(plan, command.initiative)
    item = new.initiatives[-1]
    fields = ", ".join(
        f"{k} {format_number(item[k])}" for k in METHOD_FIELDS[new.method] if item.get(k) is not None
    )
    return new, (
        f"Added '{item['name']}' to the plan ({new.method.upper()}: {fields}). "
        f"The plan now has {len(new.initiatives)} initiative(s); see the Plan builder tab."
    )


def rank(plan: Plan) -> dict[str, Any] | None:
    """The prioritize tool's result for the plan (None for an empty plan)."""
    if not plan.initiatives:
        return None
    args = {
        "initiatives": [_tool_initiative(i, plan.method) for i in plan.initiatives],
        "method": plan.method,
    }
    try:
        return run_tool("prioritize", args)
    except ToolInputError as exc:
        raise PlanError(_plain_message(exc.message, plan.names())) from None


def plan_kpis(plan: Plan) -> dict[str, dict[str, Any]]:
    """kpi_suggest's result for each initiative name (an {"error": ...} dict when it fails)."""
    out: dict[str, dict[str, Any]] = {}
    for name in plan.names():
        try:
            out[name] = run_tool("kpi_suggest", {"application": name})
        except ToolInputError as exc:
            out[name] = {"error": exc.message}
    return out


# ----------------------------------------------------------------------------- table edits


def plan_rows(plan: Plan) -> list[list[Any]]:
    return [[item["name"], *(item.get(k) for k in FIELDS)] for item in plan.initiatives]


def _cell_number(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    text = str(value).strip()
    return None if text == "" or text.lower() in {"nan", "none"} else text  # type: ignore[return-value]


def plan_from_rows(plan: Plan, rows: list[list[Any]], method: Method) -> Plan:
    """A plan rebuilt from the edited table; PlanError lists every row that needs a fix."""
    new = Plan(title=plan.title, method=method)
    problems: list[str] = []
    for number, row in enumerate(rows, 1):
        row = list(row) + [None] * (len(COLUMNS) - len(row))
        name = str(row[0] or "").strip()
        values = dict(zip(FIELDS, (_cell_number(v) for v in row[1:])))
        if not name and all(v is None for v in values.values()):
            continue  # an empty row the table adds for typing
        item: dict[str, Any] = {"name": name}
        try:
            for key, value in values.items():
                if value is not None and key in METHOD_FIELDS[method]:
                    item[key] = parse_value(key, value) if isinstance(value, str) else value
            new = add_initiative(new, item)
        except PlanError as exc:
            problems.append(f"row {number}: {exc}")
    if problems:
        raise PlanError(" ".join(problems))
    return new


# ----------------------------------------------------------------------------- views


def ranking_rows(result: dict[str, Any] | None) -> list[list[Any]]:
    if not result:
        return []
    return [
        [r["rank"], r["name"], round(r["score"], 4), round(r["value"], 2), r["effort"],
         r["quadrant"], r["horizon"]]
        for r in result["ranking"]
    ]


RANKING_HEADERS = ["rank", "initiative", "score", "value", "effort", "quadrant", "horizon"]


def roadmap(result: dict[str, Any] | None) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = {"short-term wins": [], "long-term bets": [], "deprioritise": []}
    for row in (result or {}).get("ranking", []):
        horizon = row["horizon"]
        key = (
            "short-term wins" if horizon.startswith("short")
            else "long-term bets" if horizon.startswith("long") else "deprioritise"
        )
        groups[key].append(row["name"])
    return groups


def roadmap_markdown(result: dict[str, Any] | None) -> str:
    if not result:
        return "_Add initiatives to see the roadmap._"
    groups = roadmap(result)
    titles = {
        "short-term wins": "Short-term wins (3-6 months)",
        "long-term bets": "Long-term bets (1-3 years)",
        "deprioritise": "Deprioritise (money pits)",
    }
    lines = []
    for key, title in titles.items():
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
                lines.append(f"- _Source: Lesson {escape_markdown(cite, line_start=False)}_")
        lines.append("")
    return "\n".join(lines).strip()


def _kpi_citations(result: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys(
        f"{m['citation']['lesson']} › {m['citation']['section']}" for m in result.get("matches", [])
    ))


def matrix_figure(result: dict[str, Any] | None):
    """The Value-vs-Effort matrix with the quadrant lines at the thresholds prioritize used."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6.4, 4.6), dpi=100)
    axes = figure.add_subplot(1, 1, 1)
    axes.set_xlabel("Effort")
    axes.set_ylabel("Value")
    axes.set_title("Value vs Effort")
    if not result:
        axes.text(0.5, 0.5, "Add initiatives to see the matrix", ha="center", va="center",
                  transform=axes.transAxes)
        return figure
    rows = result["ranking"]
    efforts = [r["effort"] for r in rows]
    values = [r["value"] for r in rows]
    vt, et = result["value_threshold"], result["effort_threshold"]
    colours = {"quick win": "#2e7d32", "big bet": "#1565c0", "fill-in": "#9e9e9e",
               "money pit": "#c62828"}
    axes.scatter(efforts, values, c=[colours[r["quadrant"]] for r in rows], s=60, zorder=3)
    for row in rows:
        # Matplotlib treats '$' as maths markup; names are shown as typed.
        label = row["name"].replace("$", r"\$")
        axes.annotate(label, (row["effort"], row["value"]), textcoords="offset points",
                      xytext=(6, 6), fontsize=8)
    x_low, x_high = min(efforts + [et]), max(efforts + [et])
    y_low, y_high = min(values + [vt]), max(values + [vt])
    x_pad = (x_high - x_low) * 0.15 or max(abs(x_high) * 0.5, 1)
    y_pad = (y_high - y_low) * 0.15 or max(abs(y_high) * 0.5, 1)
    axes.set_xlim(x_low - x_pad, x_high + x_pad)
    axes.set_ylim(y_low - y_pad, y_high + y_pad)
    axes.axvline(et, color="#555", linestyle="--", linewidth=1)
    axes.axhline(vt, color="#555", linestyle="--", linewidth=1)
    for text, x, y, ha, va in (
        ("Quick wins", 0.02, 0.98, "left", "top"),
        ("Big bets", 0.98, 0.98, "right", "top"),
        ("Fill-ins", 0.02, 0.02, "left", "bottom"),
        ("Money pits", 0.98, 0.02, "right", "bottom"),
    ):
        axes.text(x, y, text, transform=axes.transAxes, ha=ha, va=va, fontsize=9, color="#444")
    figure.tight_layout()
    return figure


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
        f"## Inputs ({plan.method.upper()})",
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
            f"{row['quadrant']} | {row['horizon']} |"
        )
    lines += ["", "## Assumptions", ""]
    lines += [f"- {escape_markdown(a)}" for a in result.get("assumptions", [])]
    lines += ["", "## Roadmap", "", roadmap_markdown(result), "", "## KPIs per initiative", ""]
    lines.append(kpis_markdown(kpis))
    citations = sorted({c for r in kpis.values() for c in _kpi_citations(r)})
    lines += ["", "## Citations", ""]
    lines += [f"- Lesson {escape_markdown(c, line_start=False)}" for c in citations]
    lines.append("- Lesson 6.1 › Prioritizing AI Projects (RICE / ICE, Value-vs-Effort matrix, "
                 "short-term wins vs long-term bets)")
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
            + [_csv_safe(row.get(k)) for k in ("score", "rank", "value", "quadrant", "horizon")]
        )
    return buffer.getvalue()
