"""The plan model: a plan of AI initiatives, its validation and ranking by the course's tools.

Ranking, quadrants, horizons and KPIs come from the `prioritize` and `kpi_suggest` tools, so the
numbers in the UI are the numbers the assistant would compute. Commands that change a plan live
in `ui.plan.grammar`; views and exports of a plan in `ui.plan.exports`.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.errors import UserError
from tools.errors import ToolInputError
from tools.prioritization import SCALE_TEXT

Method = Literal["rice", "ice"]
FIELDS: tuple[str, ...] = ("reach", "impact", "confidence", "effort", "ease")
METHOD_FIELDS: dict[str, tuple[str, ...]] = {
    "rice": ("reach", "impact", "confidence", "effort"),
    "ice": ("impact", "confidence", "ease"),
}
COLUMNS = ["name", *FIELDS]
EXAMPLE = "add 'AI site search' with reach 30000, impact 2, confidence 0.8, effort 3"
ICE_EXAMPLE = "add 'Chatbot' with impact 7, confidence 6, ease 8"
SCALES: dict[str, dict[str, str]] = {
    "rice": {"reach": "people per period", "impact": SCALE_TEXT,
             "confidence": "a fraction, e.g. 0.8", "effort": "person-months"},
    "ice": {"impact": "1–10", "confidence": "1–10", "ease": "1 = hard to 10 = easy"},
}
SCALED = ("impact", "confidence")  # fields RICE and ICE score on different scales
FIELD_HELP = "reach, impact, confidence, effort (RICE) or impact, confidence, ease (ICE)"


class PlanError(UserError, ValueError):
    """A command or table edit that cannot be applied; the message says what to fix."""


class Plan(BaseModel):
    title: str = "AI initiative plan"
    method: Method = "rice"
    initiatives: list[dict[str, Any]] = Field(default_factory=list)

    def names(self) -> list[str]:
        return [item["name"] for item in self.initiatives]


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


def switch_question(plan: Plan, method: Method) -> str:
    """What a plan lacks to be scored by `method`, per initiative: the question a refused
    method switch asks. Impact and confidence are asked again whenever the method changes:
    the two methods score them on different scales."""
    lacking: dict[str, list[str]] = {}
    for item in plan.initiatives:
        for field in METHOD_FIELDS[method]:
            if item.get(field) is None or (field in SCALED and plan.method != method):
                lacking.setdefault(field, []).append(item["name"])
    asks = [f"{field} ({SCALES[method][field]}) for {', '.join(repr(n) for n in names)}"
            for field, names in lacking.items()]
    return (f"Cannot switch to {method.upper()} yet: it needs " + "; ".join(asks)
            + f". The plan stays on {plan.method.upper()}. Add the initiatives again with "
            f"{method.upper()} fields (e.g. {EXAMPLE if method == 'rice' else ICE_EXAMPLE}) "
            "after clearing the plan.")


# ----------------------------------------------------------------------------- table edits


def plan_rows(plan: Plan) -> list[list[Any]]:
    return [[item["name"], *(item.get(k) for k in FIELDS)] for item in plan.initiatives]


