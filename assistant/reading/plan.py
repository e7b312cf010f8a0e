"""Planning from figures whose roles are already decided (a conversation's state,
assistant/reading/dialogue.py): the same normalising, summing, records and checks as one
message's plan in assistant/reading/calculate.py, and what the one question asked is about."""

from __future__ import annotations

from typing import Any
from dataclasses import dataclass, field

from assistant.reading.account import Calculation, Reading, NeedsAsking, fmt
from assistant.reading.calc_questions import (
    missing_inputs,
    said_again,
    same_currency,
    alternative_parts,
    missing_question,
    role_question,
    signed_outlays,
    stray_question,
    sum_note,
    which_question,
)
from assistant.reading.context_figures import business_figures, decided_against, earlier_durations, restated_amounts, sunk_costs
from assistant.reading.horizons import one_year_guess, bare_share, normalise
from assistant.reading.money import margin_for, said_to_drop, set_aside, unplaced_amount
from assistant.reading.records import flat_record, repeated, split_records
from assistant.reading.roles import TOTAL_WORDS
from assistant.types import Clarification
from knowledge.figures import Figure, MONTHS_IN
from tools.errors import ToolInputError
from tools.registry import validate_args
from tools.spec import ToolSpec


@dataclass
class Need:
    """What a planned calculation still needs, and about which figure: ``kind`` is "role" (which
    input a figure is), "period" (per month, per year or one-off), "horizon" (over how long),
    "range" (one value of a range), "which" (one of several figures for one input), "missing"
    (inputs not given) or "check" (the figures as read are not valid inputs)."""

    kind: str
    clarification: Clarification
    figure: int | None = None  # the figure's index, when the question is about one
    fields: list[str] = field(default_factory=list)  # the inputs the question is about


def plan_figures(spec: ToolSpec, text: str, figures: list[Figure], roles: dict[int, str | tuple[str, ...]],
                 horizon: Figure | None = None, ignored: frozenset[int] = frozenset(),
                 settings: dict[str, Any] | None = None) -> tuple[Calculation, Need | None]:
    """``spec``'s calculation from ``figures`` whose inputs are decided (``roles``: figure index →
    field name, or a tuple of fields it fits equally), as ``read_calculation`` plans one message:
    the same normalising, summing, records and checks. ``ignored`` figures are not part of it;
    ``settings`` are schema inputs chosen in words (``{"aggregate": "mean"}``). Returns the
    calculation (its call, or its one question) and, when it asks, what the question is about."""
    readings = {fig.index: Reading(fig) for fig in figures}
    calc = Calculation(readings=[readings[f.index] for f in figures], topic=spec.topic, titles=[spec.title])
    need: Need | None = None
    try:
        calc.calls.append(_plan_decided(spec, text, figures, roles, horizon, ignored, settings or {}, readings))
    except _Needs as asked:
        need = asked.need
        calc.clarification = need.clarification
    for index in ignored:
        if index in readings:
            readings[index].note = "not part of this calculation (your answer)"
    for reading in calc.readings:
        if not reading.used and not reading.note:
            reading.note = f"no input of {spec.title} is named next to it"
    return calc, need


class _Needs(Exception):
    def __init__(self, need: Need) -> None:
        super().__init__(need.clarification.question)
        self.need = need


def _need(kind: str, asked: NeedsAsking | Clarification, figure: int | None = None,
          fields: list[str] | None = None) -> _Needs:
    clarification = asked.clarification if isinstance(asked, NeedsAsking) else asked
    return _Needs(Need(kind, clarification, figure, fields or []))


def _plan_decided(spec: ToolSpec, text: str, figures: list[Figure], roles: dict[int, str | tuple[str, ...]],
                  horizon: Figure | None, ignored: frozenset[int], settings: dict[str, Any],
                  readings: dict[int, Reading]) -> tuple[str, dict[str, Any]]:
    for index, fields in roles.items():
        if isinstance(fields, tuple):
            fig = next(f for f in figures if f.index == index)
            raise _need("role", role_question(fig, fields), index, list(fields))
    # the user's own words in the message took it out ("no wait, 4k"); figures of later replies are
    # placed by the dialogue (their spans are in the reply, not in ``text``)
    own = [f for f in figures if f.index >= 0 and text[f.span[0] : f.span[1]].strip() == f.text.strip()]
    dropped = said_to_drop(text, own)
    for index, why in dropped.items():
        if index in readings:
            readings[index].note = why
    ignored = ignored | frozenset(dropped)
    decided = {i: name for i, name in roles.items() if isinstance(name, str) and i not in ignored}
    money_fields = [f.name for f in spec.fields if f.unit == "money"]
    aside = set_aside(text, figures)
    aside.update(business_figures(text, figures))
    aside.update(decided_against(text, figures))
    aside.update(sunk_costs(text, figures, aside))
    aside.update(restated_amounts(text, figures))  # "2k a month, so that's 24k a year": one amount
    aside.update(earlier_durations(text, figures))  # a thread's later message settles the length of time
    stray = [f for f in figures if unplaced_amount(f) and f.index not in aside
             and f.index not in decided and f.index not in ignored
             and (horizon is None or f.index != horizon.index)]
    if stray and money_fields and not spec.records:
        raise _need("role", stray_question(stray[0], money_fields), stray[0].index, money_fields)
    horizon_field = next((f for f in spec.fields if f.horizon and f.name not in decided.values()), None)
    if horizon_field is not None and not spec.records:  # as ``_plan_spec``: the horizon is an input, or asked
        if horizon is not None and horizon.index >= 0 and horizon.index not in ignored:
            decided = {**decided, horizon.index: horizon_field.name}
        elif (horizon is None and not any(horizon_field.name in alt for alt in spec.requires)
              and any(f.period for f in figures if f.index in decided)):
            recurring = next(f for f in figures if f.index in decided and f.period)
            raise _need("horizon", Clarification(
                question=f"{horizon_field.question} You gave a recurring amount ({recurring.show()}).",
                options=["1 year", "2 years", "3 years"]), recurring.index, [horizon_field.name])
    periods = {f.period for f in figures if f.index in decided and f.unit != "duration"}
    if horizon is None and horizon_field is None and len(periods) == 1 and None not in periods \
            and MONTHS_IN.get(next(iter(periods))):  # every amount per month: one month, as the ratio is the same
        period = next(iter(periods))
        horizon = Figure(value=MONTHS_IN[period], unit="duration", span=(0, 0), text=f"one {period}", index=-1)
    try:
        same_currency([f for f in figures if f.index in decided and f.unit == "money"])
    except NeedsAsking as asked:
        raise _need("currency", asked) from None
    try:
        one_year_guess(spec, figures, decided, horizon)
    except NeedsAsking as asked:
        yearly = next((i for i in decided if figures[i].period == "year"), None)
        raise _need("horizon", asked, yearly, []) from None
    signed_out = signed_outlays(spec, figures, decided)
    if spec.records:
        groups = split_records(text, spec, [f for f in figures if f.index in decided], decided)
    else:
        groups = [(flat_record(figures, decided), list(decided))]
    records = []
    for record, _members in groups:
        values: dict[str, Any] = {}
        for name, item in record.items():
            if name.startswith("_") or name == "name":
                values[name] = item
                continue
            spec_field = spec.field(name)
            parts = item if isinstance(item, list) else [item]
            parts = said_again(parts, spec_field)
            if len(parts) > 1 and not (spec_field.summed or spec_field.sequence):
                raise _need("which", which_question(name, parts), parts[0].index, [name])
            if spec_field.summed and alternative_parts(text, parts) and not any(
                    TOTAL_WORDS & set(p.before[-3:] + p.after[:3]) for p in parts):
                raise _need("which", which_question(name, parts, choice=True), parts[0].index, [name])
            converted = []
            for part in parts:
                if part.index in signed_out:
                    part.value = -part.value
                reading = readings[part.index]
                role = name.replace("_", " ")
                if spec.records and len(groups) > 1:
                    role += f" of {record['name']}"
                if role not in reading.roles:
                    reading.roles.append(role)
                try:
                    bare_share(spec, spec_field, part)
                except NeedsAsking as asked:  # "is 8 a percentage?": about that figure's unit
                    raise _need("share", asked, part.index, [name]) from None
                try:
                    value, note = normalise(part, spec_field, horizon)
                except NeedsAsking as asked:
                    kind = "range" if part.is_range else ("period" if spec_field.period and not part.period else "horizon")
                    raise _need(kind, asked, part.index, [name]) from None
                margin = margin_for(part, spec_field, figures, decided)
                if margin is not None and margin.is_range:
                    try:
                        normalise(margin, spec_field, horizon)
                    except NeedsAsking as asked:
                        raise _need("range", asked, margin.index, [name]) from None
                if margin is not None:  # as ``_plan_spec``: revenue at a margin is the profit it brings
                    value *= margin.value / 100
                    note += f"; × {margin.show()} margin = {fmt(value)}"
                    readings[margin.index].roles.append(f"margin on the {role}")
                converted.append(value)
                reading.note += note + (f"; {spec_field.note}" if spec_field.note else "")
            if spec_field.sequence:
                values[name] = repeated(text, parts, converted)
            else:
                values[name] = sum(converted)
                if len(converted) > 1:
                    readings[parts[-1].index].note += sum_note(name, converted)
        missing = missing_inputs(spec, {k for k in values if not k.startswith("_") and k != "name"})
        if missing:
            label = f" for {record['name']}" if spec.records and len(groups) > 1 else ""
            raise _need("missing", missing_question(spec, missing, label), None, missing)
        if not spec.records:
            values.pop("name", None)
            values.pop("_context", None)
        records.append(values)
    if not records:
        missing = [name for alternative in spec.requires[:1] for name in alternative]
        raise _need("missing", missing_question(spec, missing), None, missing)
    if horizon is not None and horizon.index in readings and any(
            "(" + horizon.show() + ")" in r.note for r in readings.values()):
        readings[horizon.index].roles.append("horizon for the per-period amounts")
    build = spec.build or (lambda recs: (spec.name, {k: v for k, v in recs[0].items() if not k.startswith("_")}))
    try:
        name, args = build(records)
    except ValueError as exc:
        raise _need("check", Clarification(question=str(exc))) from None
    args = {**args, **settings}
    try:
        validate_args(name, args)
    except ToolInputError as exc:
        raise _need("check", Clarification(
            question=f"I can't use these figures as read: {exc.message}. Could you check them?")) from None
    return name, args
