"""The plan's command language: "add 'AI site search' with reach 30000, …", remove, clear, table cells.

Commands typed in the chat and rows edited in the table both become plan changes here; a
malformed command raises `PlanError` with the fix, so the user is not answered as if they asked
the course a question.
"""

from __future__ import annotations

import math
import re
from typing import Any, Literal

from pydantic import BaseModel

from knowledge.figures import read_amount
from ui.formatting import format_number
from ui.plan.model import (
    COLUMNS,
    EXAMPLE,
    FIELD_HELP,
    FIELDS,
    ICE_EXAMPLE,
    METHOD_FIELDS,
    METHOD_NAMES,
    Method,
    Plan,
    PlanError,
    add_initiative,
    remove_initiative,
)

IMPACT_WORDS = {"massive": 3.0, "high": 2.0, "medium": 1.0, "low": 0.5, "minimal": 0.25}

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
    amount = read_amount(text)  # the house's number reader: "30,000", "30k", "1.5M", "80%"
    if amount is None:
        hint = {
            "reach": "e.g. reach 30000 (people per period)",
            "impact": "on the RICE scale 3, 2, 1, 0.5, 0.25 (or massive/high/medium/low/"
            "minimal), or 1-10 for ICE",
            "confidence": "e.g. confidence 0.8 (or 80%) for RICE, 1-10 for ICE",
            "effort": "in person-months, e.g. effort 3",
            "ease": "from 1 (hard) to 10 (easy), e.g. ease 8",
            "value": "from 0 to 100, e.g. value 60",
        }[key]
        raise PlanError(f"{key}: '{raw}' is not a number; write it {hint}.")
    number, percent = amount
    return number / 100 if percent else number


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


def apply_command(plan: Plan, command: Command) -> tuple[Plan, str]:
    """Applies a parsed command; returns the new plan and a confirmation for the chat."""
    if isinstance(command, ClearCommand):
        return plan.model_copy(update={"initiatives": [], "earlier": {}}), "Cleared the plan."
    if isinstance(command, RemoveCommand):
        return remove_initiative(plan, command.name), f"Removed '{command.name}' from the plan."
    new = add_initiative(plan, command.initiative)
    item = new.initiatives[-1]
    fields = ", ".join(
        f"{k} {format_number(item[k])}" for k in METHOD_FIELDS[new.method] if item.get(k) is not None
    )
    return new, (
        f"Added '{item['name']}' to the plan ({METHOD_NAMES[new.method]}: {fields}). "
        f"The plan now has {len(new.initiatives)} initiative(s); see the Plan builder tab."
    )


# ----------------------------------------------------------------------------- table edits

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
    new = Plan(title=plan.title, method=method, earlier=plan.earlier)
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

