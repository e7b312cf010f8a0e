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

Method = Literal["rice", "ice", "value_effort"]
FIELDS: tuple[str, ...] = ("reach", "impact", "confidence", "effort", "ease", "value")
METHOD_FIELDS: dict[str, tuple[str, ...]] = {
    "rice": ("reach", "impact", "confidence", "effort"),
    "ice": ("impact", "confidence", "ease"),
    "value_effort": ("value", "effort"),
}
METHOD_NAMES: dict[str, str] = {"rice": "RICE", "ice": "ICE", "value_effort": "value/effort"}
# The value axis runs 0-100 for every method (RICE and ICE scores are scaled so the best is 100;
# value/effort takes the value as given on that scale). An initiative is of high value when it
# is worth at least half the scale: a point at 18 of 100 is never a quick win because the
# others of its list happen to be lower still (a median line would make half of any list
# "high value"). Effort has no common scale (person-months, 11 - ease), so its line stays
# the list's median.
VALUE_LINE = 50.0
COLUMNS = ["name", *FIELDS]
EXAMPLE = "add 'AI site search' with reach 30000, impact 2, confidence 0.8, effort 3"
ICE_EXAMPLE = "add 'Chatbot' with impact 7, confidence 6, ease 8"
VALUE_EFFORT_EXAMPLE = "add 'Email subject lines' with value 60, effort 1"
EXAMPLES: dict[str, str] = {"rice": EXAMPLE, "ice": ICE_EXAMPLE,
                            "value_effort": VALUE_EFFORT_EXAMPLE}
SCALES: dict[str, dict[str, str]] = {
    "rice": {"reach": "people per period", "impact": SCALE_TEXT,
             "confidence": "a fraction, e.g. 0.8", "effort": "person-months"},
    "ice": {"impact": "1–10", "confidence": "1–10", "ease": "1 = hard to 10 = easy"},
    "value_effort": {"value": "0–100, 100 = the most valuable", "effort": "person-months"},
}
SCALED = ("impact", "confidence")  # fields RICE and ICE score on different scales
FIELD_HELP = ("reach, impact, confidence, effort (RICE), impact, confidence, ease (ICE) or "
              "value, effort (value/effort)")


class PlanError(UserError, ValueError):
    """A command or table edit that cannot be applied; the message says what to fix."""


class Plan(BaseModel):
    title: str = "AI initiative plan"
    method: Method = "rice"
    initiatives: list[dict[str, Any]] = Field(default_factory=list)
    # The initiatives as they were scored by another method before a switch (method -> items):
    # switching back restores the user's own figures instead of asking for them again.
    earlier: dict[str, list[dict[str, Any]]] = Field(default_factory=dict)

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
    if item.get("value") is not None and not any(
            item.get(k) is not None for k in ("reach", "impact", "confidence", "ease")):
        return "value_effort"
    return "rice"


def _tool_initiative(item: dict[str, Any], method: Method) -> dict[str, Any]:
    if method == "value_effort":
        # Value ÷ effort is RICE with reach = value and impact = confidence = 1; the value
        # override puts the point at its own value. One tool ranks every method, so the
        # quadrant rule and ties are the same whichever the user picks.
        return {"name": item["name"], "reach": item.get("value"), "impact": 1.0,
                "confidence": 1.0, "effort": item.get("effort"), "value": item.get("value")}
    keep = ("name", *METHOD_FIELDS[method])
    return {k: item[k] for k in keep if item.get(k) is not None}


def _value_problems(item: dict[str, Any]) -> list[str]:
    """The value/effort fields the tool's RICE reading would name wrongly (reach, effort)."""
    problems = []
    value, effort = item.get("value"), item.get("effort")
    if value is None:
        problems.append(f"value is required ({SCALES['value_effort']['value']})")
    elif not 0 < value <= 100:
        problems.append(f"value must be more than 0 and at most 100; got {value:g}")
    if effort is None:
        problems.append(f"effort is required ({SCALES['value_effort']['effort']})")
    elif not effort > 0:
        problems.append(f"effort must be more than 0; got {effort:g}")
    return problems


def validate_initiative(item: dict[str, Any], method: Method) -> dict[str, Any]:
    """The initiative as the prioritize tool reads it, or PlanError naming the field to fix."""
    extra = [k for k in FIELDS if item.get(k) is not None and k not in METHOD_FIELDS[method]]
    if extra:
        other = " or ".join(sorted({METHOD_NAMES[m] for m in METHOD_FIELDS for k in extra
                                    if k in METHOD_FIELDS[m]}))
        raise PlanError(
            f"'{item['name']}': {', '.join(extra)} belong(s) to {other}, but this plan uses "
            f"{METHOD_NAMES[method]} ({', '.join(METHOD_FIELDS[method])}); switch the plan's "
            f"method or give {METHOD_NAMES[method]} fields."
        )
    if method == "value_effort" and (problems := _value_problems(item)):
        raise PlanError(f"'{item['name']}': " + "; ".join(problems) + ".")
    args = {"initiatives": [_tool_initiative(item, method)], "method": _tool_method(method)}
    try:
        result = run_tool("prioritize", args)
    except ToolInputError as exc:
        raise PlanError(_plain_message(exc.message, [item["name"]])) from None
    checked = result["inputs"]["initiatives"][0]
    if method == "value_effort":
        return {"name": checked["name"], "value": checked["value"], "effort": checked["effort"]}
    return {"name": checked["name"], **{k: checked.get(k) for k in FIELDS if k != "value"}}


def _tool_method(method: Method) -> str:
    return "rice" if method == "value_effort" else method


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
        "method": _tool_method(plan.method),
        "value_threshold": VALUE_LINE,
    }
    try:
        result = run_tool("prioritize", args)
    except ToolInputError as exc:
        raise PlanError(_plain_message(exc.message, plan.names())) from None
    result["method"] = plan.method
    if plan.method == "value_effort":
        result["formula"] = "score = value ÷ effort"
        result["value_axis"] = "value as given (0–100)"
        result["effort_axis"] = "effort as given (person-months)"
        result["assumptions"] = [a for a in result.get("assumptions", [])
                                 if not a.startswith(("value axis", "effort axis"))]
    result["assumptions"] = [
        f"value threshold: {VALUE_LINE:g} of 100 (high value is worth at least half the scale)"
        if a.startswith("value threshold") else a for a in result.get("assumptions", [])]
    return result


def plan_kpis(plan: Plan) -> dict[str, dict[str, Any]]:
    """kpi_suggest's result for each initiative name (an {"error": ...} dict when it fails)."""
    out: dict[str, dict[str, Any]] = {}
    for name in plan.names():
        try:
            out[name] = run_tool("kpi_suggest", {"application": name})
        except ToolInputError as exc:
            out[name] = {"error": exc.message}
    return out


def _lacking(plan: Plan, method: Method) -> dict[str, list[str]]:
    """field -> names of the initiatives that lack it to be scored by `method` (figures kept
    from an earlier switch count as given). Impact and confidence are asked again whenever
    the method changes between RICE and ICE: the two score them on different scales."""
    kept = {i["name"]: i for i in plan.earlier.get(method, [])}
    lacking: dict[str, list[str]] = {}
    for item in plan.initiatives:
        source = kept.get(item["name"], item)
        for field in METHOD_FIELDS[method]:
            rescaled = field in SCALED and plan.method != method and source is item
            if source.get(field) is None or rescaled:
                lacking.setdefault(field, []).append(item["name"])
    return lacking


def switch_question(plan: Plan, method: Method) -> str:
    """What a plan lacks to be scored by `method`, per initiative: the question a refused
    method switch asks."""
    asks = [f"{field} ({SCALES[method][field]}) for {', '.join(repr(n) for n in names)}"
            for field, names in _lacking(plan, method).items()]
    name = METHOD_NAMES[method]
    return (f"Cannot switch to {name} yet: it needs " + "; ".join(asks)
            + f". The plan stays on {METHOD_NAMES[plan.method]}. Add the initiatives again with "
            f"{name} fields (e.g. {EXAMPLES[method]}) after clearing the plan.")


def _as_value_effort(plan: Plan) -> list[dict[str, Any]]:
    """The plan's initiatives converted to value/effort: value is the part of the current
    score that is worth (RICE: reach × impact × confidence; ICE: impact × confidence) scaled so
    the most valuable is 100, effort the current effort axis (RICE: effort; ICE: 11 − ease).
    A RICE plan keeps its order: value ÷ effort is its score, scaled."""
    worth, efforts = [], []
    for item in plan.initiatives:
        if plan.method == "rice":
            worth.append(item["reach"] * item["impact"] * item["confidence"])
            efforts.append(item["effort"])
        else:
            worth.append(item["impact"] * item["confidence"])
            efforts.append(11 - item["ease"])
    top = max(worth)
    return [{"name": item["name"], "value": max(round(100 * w / top, 2), 0.01), "effort": e}
            for item, w, e in zip(plan.initiatives, worth, efforts)]


def switch_method(plan: Plan, method: Method) -> tuple[Plan, str]:
    """The plan scored by `method`: converted (to value/effort), restored (the user's own
    figures from before an earlier switch), or PlanError asking for what is missing. The
    figures of the method left are kept for a switch back."""
    if method == plan.method:
        return plan, ""
    if not plan.initiatives:
        return plan.model_copy(update={"method": method, "earlier": {}}), ""
    earlier = {**plan.earlier, plan.method: plan.initiatives}
    name = METHOD_NAMES[method]
    if method == "value_effort":
        items = _as_value_effort(plan)
        how = ("value is " + ("reach × impact × confidence" if plan.method == "rice"
                              else "impact × confidence")
               + " scaled so the most valuable is 100; effort is "
               + ("the RICE effort" if plan.method == "rice" else "11 − ease"))
        reply = f"✅ Switched to {name}, converted from {METHOD_NAMES[plan.method]}: {how}."
    else:
        if _lacking(plan, method):
            raise PlanError(switch_question(plan, method))
        kept = {i["name"]: i for i in plan.earlier.get(method, [])}
        items = [kept[i["name"]] for i in plan.initiatives]
        reply = (f"✅ Switched back to {name}: the {name} figures you gave before "
                 "(edits made since under another method do not carry back).")
    checked = [validate_initiative(item, method) for item in items]
    return Plan(title=plan.title, method=method, initiatives=checked, earlier=earlier), reply


# ----------------------------------------------------------------------------- table edits


def plan_rows(plan: Plan) -> list[list[Any]]:
    return [[item["name"], *(item.get(k) for k in FIELDS)] for item in plan.initiatives]


