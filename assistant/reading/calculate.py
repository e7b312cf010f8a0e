"""Figures → calculator inputs, or one clarifying question; and the account of every figure.

The calculator a message asks for is found by the words in its spec (tools/registry.py); each
figure (knowledge/figures.py) takes the input whose label words stand nearest to it, among the
inputs its unit fits, and only when that evidence beats the next-best input by ROLE_MARGIN (else
the user is asked which input it is). Parts of one input are summed (figures offered as options,
"30k or 42k", are a choice to ask about), periods normalised to what the tool wants,
several projects become one record each. When an input is missing, a figure fits two inputs
equally, a period is not said, or a range is given, the answer is a Clarification: nothing is
computed from a guessed role. Every figure ends up in the account: the role it was given, or
why it was not used.

A money figure no label names takes the input of its direction and period (assistant/reading/
money.py: paying, a charge, a licence go out; saves, brings in, extra margin come in). Amounts
given one per period become a cash-flow series; a horizon is read in any wording ("a two-year
TCO", "over 24 months", "first year"); two currencies, options given side by side, a rate per
unit, a hedged or negative figure are asked about, never summed.

The steps live beside it: roles.py (which input a figure is), horizons.py (over how long, and
per-period amounts normalised), records.py (projects and series), calc_questions.py (the checks
and their questions), which_calculator.py (which calculators are asked for), plan.py (planning
from roles already decided, for a dialogue), account.py (the readings and "What I read").
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from assistant.reading.account import Calculation, Reading, NeedsAsking, needs_asking, fmt
from assistant.reading.asks import split_asks
from assistant.reading.calc_questions import (
    missing_inputs,
    said_again,
    said_twice,
    same_currency,
    sentence_of,
    alternative_parts,
    missing_question,
    role_question,
    signed_outlays,
    stray_question,
    sum_note,
    which_question,
)
from assistant.reading.exchange import converted_currencies
from assistant.reading.context_figures import (
    business_figures,
    decided_against,
    decisions,
    earlier_durations,
    netted_periods,
    restated_amounts,
    sunk_costs,
)
from assistant.reading.growth import growth_rates
from assistant.reading.horizons import named_durations, find_horizon, one_year_guess, bare_share, normalise
from assistant.reading.about_figures import (
    asks_about_a_figure,
    judges_own_figures,
    only_asks_meaning,
    states_its_result,
    unknown_values,
)
from assistant.reading.money import (
    MONEY_IN,
    MONEY_OUT,
    PERIOD_NAMES,
    PREPOSITIONS,
    amount_like,
    bracket_totals,
    changes_amounts,
    counted_by_label,
    counts_things,
    elsewhere,
    funds_the_cost,
    margin_for,
    money_direction,
    range_point,
    revenue_only,
    set_aside,
    stem_in,
    unplaced_amount,
)
from assistant.reading.revisions import corrected_in_place, offered_instead, replacements, rescaled, taken_back
from assistant.reading.records import (
    ask_alternatives,
    flat_record,
    fill_series,
    outside_the_list,
    period_flows,
    repeated,
    split_records,
)
from assistant.reading.scenarios import chosen_scenario
from assistant.reading.roles import (
    GROSS_PROFIT,
    HEDGE_WORDS,
    MAX_FIGURES,
    MODAL_WORDS,
    TOTAL_WORDS,
    STAFF_TIME,
    named_by_duration,
    label_parts,
    token_match,
    assign,
    deductions_in_period,
    label_score,
    metadata_keys,
)
from assistant.reading.shares import priced_units, with_shares
from assistant.reading.spelling import in_own_words, respelled
from assistant.reading.stated_scale import apply_stated_scale
from assistant.reading.totals import EX_TAX, INCL_TAX, nested_parts, says_about_tax, table_totals, tax_lines
from assistant.reading.which_calculator import (
    REQUEST,
    in_rate_periods,
    names_thing,
    asked_specs,
    unclear_lift,
    compared_groups,
    with_choices,
)
from assistant.types import Clarification
from knowledge.figures import Figure, read_figures
from tools.errors import ToolInputError
from tools.registry import validate_args
from tools.spec import ToolSpec

# Re-exported for the readers that import them from here (the dialogue's modules).
from assistant.reading.plan import Need, plan_figures  # noqa: F401
from assistant.reading.records import fill_series, split_records  # noqa: F401
from assistant.reading.roles import HORIZON_WORDS, ROLE_MARGIN, UNITS_ACCEPTED, label_score, role_confidence  # noqa: F401
from assistant.reading.horizons import horizon_in  # noqa: F401


# After a percentage, the user says to use it: "7% on the loan so use that", "12%, take that".
_USE_THAT = re.compile(r"[^.;!?\n]{0,40}?\b(?:so\s+)?(?:use|take|go\s+with|apply)\s+(?:that|this|it)\b", re.IGNORECASE)


def _plan_spec(text: str, spec: ToolSpec, figures: list[Figure], readings: dict[int, Reading],
               bases: dict[int, str] | None = None) -> tuple[str, dict] | None:
    for index, value in rescaled(text, figures).items():  # "6.5k …, call it 6.5": 6,500
        figures = [*figures[:index], dataclasses.replace(figures[index], value=value, scaled=True), *figures[index + 1 :]]
    figures = deductions_in_period(text, figures)  # "saves 1,500 a month minus 300 running cost": 300 a month
    totals = table_totals(text, figures)  # a table's "Net" row or column beside the cells it adds up
    totals.update(nested_parts(text, figures))  # "- upfront: 12k / - incl. data migration 2k": inside the 12k
    swapped = replacements(text, figures)
    for old, new in swapped.items():  # "20k y1, 20k y2 … y1 will be lower actually, 12k": 12k is year 1's
        if figures[new].period_index is None and figures[old].period_index is not None:
            figures = [*figures[:new], dataclasses.replace(figures[new], period_index=figures[old].period_index),
                       *figures[new + 1 :]]
        if figures[old].unit == "percent" and figures[new].unit == "count" and not figures[new].scaled:
            # "confidence 70%?" / "more like 60": the revised figure is in the percent of the one it replaces
            figures = [*figures[:new], dataclasses.replace(figures[new], unit="percent"), *figures[new + 1 :]]
        if figures[new].period is None and figures[old].period is not None and figures[new].unit == figures[old].unit:
            # "$400k of profit a year. I'd haircut that to $150k": the revised figure is per year too
            figures = [*figures[:new], dataclasses.replace(figures[new], period=figures[old].period), *figures[new + 1 :]]
    by_period = period_flows(spec, text, figures, frozenset(totals) | frozenset(swapped))  # "year 0: -30k; year 1: 10k"
    if by_period is not None:
        figures, netted, flows = by_period
    else:
        netted, flows = {}, set()
    aside = {**set_aside(text, figures), **(bases or {}), **netted, **totals}  # a share's base sized it, and is no input
    aside.update(business_figures(text, figures))  # "burn 190k/mo, runway 22 months": the company's, no input
    aside.update(decided_against(text, figures))  # "in-house, est. 38k. Rejected."; "Decided: 9%" after "suggested 12%"
    aside.update(metadata_keys(spec, text, figures))  # an export's "run_id=88213": no amount
    if sum(f.unit == "money" for f in figures) >= 2 and not any(f.unit == "count" for f in spec.fields):
        # a dashboard's "Orders processed 12,880" beside amounts written with their currency: a count, no amount
        aside.update({f.index: "a count of things, not an amount" for f in figures if counted_by_label(f)})
    aside.update(sunk_costs(text, figures, aside))
    aside.update(restated_amounts(text, figures))  # "2k a month, so that's 24k a year": one amount
    taxed = [f for f in tax_lines(text, figures) if f.index not in aside]
    if taxed and says_about_tax(EX_TAX, text):  # "VAT 20%  2,549.00 … leave VAT out, we reclaim it"
        aside.update({f.index: "VAT on the lines above, left out as you said" for f in taxed})
    elif taxed and not says_about_tax(INCL_TAX, text):  # a tax line in a total: counting it or not decides the result, and is the user's to say
        raise needs_asking(f"The quote adds {taxed[0].show()} of VAT or tax (“{taxed[0].context or taxed[0].text}”): should I count "
                           "it in this calculation, or leave it out (as a business that reclaims it)?",
                           ["leave it out", "count it"])
    aside.update(earlier_durations(text, figures))  # a thread's later message settles the length of time  # "6k on a pilot, that's gone; another 9k to roll out": 9k
    aside.update({i: why for i, why in bracket_totals(text, figures).items()  # "$120k (impl $90k + integration $30k)"
                  if not TOTAL_WORDS & set(figures[i].before[-3:] + figures[i].after[:3])})
    assigned = assign(spec, figures, text)
    for old, new in replacements(text, figures).items():  # "cost 3k, no wait, 4k": the new one takes the old one's input
        if old in assigned and new not in assigned:
            assigned[new] = assigned[old]
    for old, new in decisions(text, figures).items():  # "Ana suggested 12%, … Decided: 9%": 9% is the rate
        if old in assigned and new not in assigned:
            assigned[new] = assigned[old]
    assigned = {i: name for i, name in assigned.items() if i not in aside}
    active = [f for f in figures if f.index not in aside]
    for i, why in aside.items():
        readings[i].note = readings[i].note or why
    ambiguous = {i: fields for i, fields in assigned.items() if isinstance(fields, tuple)}
    if ambiguous:
        index, fields = next(iter(ambiguous.items()))
        raise NeedsAsking(role_question(figures[index], fields))
    roles = {i: name for i, name in assigned.items() if isinstance(name, str)}
    if spec.records:
        for i in outside_the_list(text, figures, roles):  # "We're only 6 people … rank these:" above the list
            if i in swapped.values():
                continue  # "Update: … effort at 6 person-months, not 4": a correction of an item, not context
            del roles[i]
            readings[i].note = "it stands outside the list of projects"
    ahead: dict[int, float] = {}  # a figure to stand before another in its input's list
    if flows:  # the numbered periods are the flows; other amounts are no flows of theirs
        sequence = next(f.name for f in spec.fields if f.sequence)
        first = min(flows)
        outlay = [f.index for f in active if f.index < first and amount_like(f) and not f.period and (
            roles.get(f.index) is None or spec.field(roles[f.index]).unit == "money" and spec.field(roles[f.index]).period is None
            and not spec.field(roles[f.index]).sequence)]
        # "Q1 $3,100 … Q4 $4,700. We paid $12,000 upfront": an outlay named as one, said after the list
        outlay += [f.index for f in active if f.index > max(flows) and amount_like(f) and not f.period
                   and f.period_index is None and roles.get(f.index) is not None
                   and spec.field(roles[f.index]).unit == "money" and spec.field(roles[f.index]).period is None
                   and not spec.field(roles[f.index]).sequence and money_direction(f) == "out"]
        roles = {i: name for i, name in roles.items() if spec.field(name).unit not in {"money"} and not spec.field(name).horizon}
        roles.update({i: sequence for i in flows})
        if figures[first].period_index == 1 and len(outlay) == 1 and figures[outlay[0]].value > 0:
            # "£3k to install; year 1 £2,000, year 2 …": the outlay is period 0
            figures = [*figures[: outlay[0]], dataclasses.replace(figures[outlay[0]], value=-figures[outlay[0]].value),
                       *figures[outlay[0] + 1 :]]
            roles[outlay[0]] = sequence
            if outlay[0] > first:  # said after the list, it still comes first
                ahead[outlay[0]] = first - 0.5
    else:
        fill_series(spec, active, roles)
    told = [f for f in active if f.unit == "percent" and f.index not in roles and not f.is_range]
    rates = [f for f in spec.fields if f.unit in {"percent", "fraction"} and f.name not in roles.values()]
    if roles and len(told) == 1 and len(rates) == 1 and _USE_THAT.match(text, told[0].span[1]):
        roles[told[0].index] = rates[0].name  # "my bank charges 7% on the loan so use that": the one rate asked for
    if not roles:
        money_fields = [f.name for f in spec.fields if f.unit == "money"]
        amounts = [f for f in active if unplaced_amount(f) and f.unit == "money" or f.scaled or f.value >= 1000]
        if money_fields and amounts and not spec.records and not asks_about_a_figure(text):
            # "the ROI? The figures I have are 25,000 and 40,000": amounts given for it, none named
            raise NeedsAsking(stray_question(amounts[0], money_fields))
        return None
    horizon_set = next((f for f in spec.fields if f.horizon and f.name in roles.values()), None)
    if horizon_set is not None and not spec.records:
        called = named_durations([f for f in active if f.unit == "duration" and not f.is_range and (
            f.index not in roles or roles[f.index] == horizon_set.name)], text)
        if len(called) == 1 and roles.get(called[0].index) != horizon_set.name:
            for i in [i for i, name in roles.items() if name == horizon_set.name]:
                del roles[i]  # the horizon the question names by its label, not a duration a label word is near
            roles[called[0].index] = horizon_set.name
    horizon_field = next((f for f in spec.fields if f.horizon and f.name not in roles.values()), None)
    if horizon_field is not None and not spec.records:
        found = find_horizon(active, set(roles), text)
        if found is not None and found.index >= 0:
            roles[found.index] = horizon_field.name  # "a two-year TCO": the horizon is the input
        elif (found is None and not any(horizon_field.name in alt for alt in spec.requires)
              and any(figures[i].period for i in roles)):
            raise needs_asking(f"{horizon_field.question} You gave a recurring amount ({next(figures[i].show() for i in roles if figures[i].period)}).",
                       ["1 year", "2 years", "3 years"])
    same_currency([figures[i] for i in roles if figures[i].unit == "money"])
    ask_alternatives(spec, figures, roles, text)
    for fig in active:  # "we could maybe add 5,000": the user has not settled on it ("maybe 320 a month" is an estimate)
        if (fig.index in roles or fig.unit == "money") and (HEDGE_WORDS & set(fig.before[-2:]) or (
                HEDGE_WORDS & set(fig.before) and MODAL_WORDS & set(fig.before[-2:]))) and (
                MODAL_WORDS & set(fig.before[-5:] + fig.lead[-6:]) or fig.after[:1] == ["more"]
                or re.search(r"(?:\(|\bor)\s*(?:maybe|perhaps|possibly)\s*$", text[max(0, fig.span[0] - 16) : fig.span[0]], re.I)):
            raise needs_asking(f"You wrote {fig.show()} as a possibility (“{fig.context}”): should I count it in this "
                       "calculation, and instead of which figure?", ["yes", "no"])
    funded = [figures[i] for i in roles if spec.field(roles[i]).direction and spec.field(roles[i]).unit == "money"
              and funds_the_cost(figures[i]) and not spec.records]
    if funded and {f.direction for f in spec.fields} >= {"in", "out"}:  # "we got 4,000 from a grant for it"
        raise needs_asking(f"{funded[0].show()} is funding toward the project (“{funded[0].context}”): should I take it off "
                   "the cost, count it as a gain, or leave it out?", ["take it off the cost", "count it as a gain",
                                                                     "leave it out"])
    unfit = [f for f in active if f.index not in roles and f.unit in {"count", "duration"} and not f.ratio
             and not counts_things(f)
             and any(label_score(f, fld) > 0 for fld in spec.fields if fld.unit == "money" and fld.direction is None)]
    if unfit and not spec.records:  # "internal resources: 2 h/week @ 50/h": a line named but not read
        raise needs_asking(f"I could not read {unfit[0].show()} (“{unfit[0].context}”) as an amount: what does that line come "
                   "to, per month or per year?")
    for i in sorted(roles):  # "between €150k and €200k": a range, not one value
        fig = figures[i]
        if fig.before[-1:] == ["between"] and i + 1 < len(figures) and figures[i + 1].joined:
            raise needs_asking(f"You gave a range, {fig.show()} to {figures[i + 1].show()}, for the {roles[i].replace('_', ' ')}: "
                       "which single value should I use?", [fig.show(), figures[i + 1].show()])
    periods = {f.name: {figures[i].period for i in roles if roles[i] == f.name} for f in spec.fields if f.per_period}
    for name, seen in periods.items():
        if len(seen) > 1:
            shown = " and ".join(sorted(f"per {p}" if p else "without a period" for p in seen))
            raise needs_asking(f"The {name.replace('_', ' ')} is given {shown}: should I convert them all to one period "
                       "so the projects compare?", ["per month", "per quarter", "per year"])
    for i, name in roles.items() if not spec.records else ():  # a question asked below still shows what was read
        if name.replace("_", " ") not in readings[i].roles:
            readings[i].roles.append(name.replace("_", " "))
    change = [figures[i] for i in roles if figures[i].change and figures[i].unit in {"money", "count"}]
    if change and spec.field(roles[change[0].index]).unit == "money":
        ends = [f for f in figures if f.change and abs(f.index - change[0].index) <= 1]
        if len(ends) == 2:  # "from $100k to $130k": is the input the difference, or one end?
            delta = ends[1].value - ends[0].value
            raise needs_asking(f"You gave a change from {ends[0].show()} to {ends[1].show()}: is the difference, {fmt(delta)}, "
                       f"the {roles[change[0].index].replace('_', ' ')}?", [f"yes, {fmt(delta)}", "no"])
    for fig in active:  # "$28 an hour", "€5 per user": a rate per something the calculator does not count
        if fig.before[-1:] == ["@"] and fig.unit != "percent" and (fig.index in roles or unplaced_amount(fig)):
            raise needs_asking(f"{fig.show()} is a rate (“{fig.context}”): what does that line come to per year?")
        per = fig.after[1] if fig.after[:1] and fig.after[0] in {"a", "an", "per", "each"} and len(fig.after) > 1 else ""
        per = per or (fig.after[0].split("/", 1)[1] if fig.after[:1] and fig.after[0].startswith("/") else "")
        field_labels = spec.field(roles[fig.index]).labels if fig.index in roles else ()
        named = any(token_match(part, per) for label in field_labels for part in label_parts(label))  # AOV "per order"
        if (fig.unit == "money" and per and per not in PERIOD_NAMES and not named and (fig.index not in roles or
                spec.field(roles[fig.index]).unit == "money") and not stem_in(per, MONEY_OUT + MONEY_IN)):
            raise needs_asking(f"{fig.show()} is per {per}: how many {per}s should I count, and per month or per year?")
        if (fig.unit == "money" or fig.scaled) and fig.after[:1] == ["each"] and (fig.index in roles or unplaced_amount(fig)):
            raise needs_asking(f"{fig.show()} is an amount for each of several (“{fig.context}”): how many should I count?")
    money_fields = [f.name for f in spec.fields if f.unit == "money"]
    currency_written = sum(f.unit == "money" for f in figures) >= 2
    stray = [f for f in active if f.index not in roles and money_fields and unplaced_amount(f)
             and not (currency_written and counts_things(f, plural_money_nouns=True))]  # "2,500 returns a month"
    directions = {f.direction for f in spec.fields if f.unit == "money"} - {None}
    for fig in [f for f in stray if directions == {"out"}]:  # a TCO counts costs only
        if money_direction(named_by_duration(figures, fig)) == "in" and fig.value >= 0:  # "-6,000" listed with the costs: asked
            readings[fig.index].note = "it is a gain, and this calculation counts costs only"
            stray.remove(fig)
    if stray and not spec.records:  # an amount nobody labelled: asking beats leaving it out
        raise NeedsAsking(stray_question(stray[0], money_fields))
    horizon = find_horizon(active, set(roles), text)
    one_year_guess(spec, figures, roles, horizon)
    signed_out = signed_outlays(spec, active, roles)
    groups = split_records(text, spec, figures, roles) if spec.records else [(flat_record(figures, roles, swapped, ahead), list(roles))]
    records = []
    for number, (record, _members) in enumerate(groups, 1):
        values: dict[str, Any] = {}
        for name, item in record.items():
            if name.startswith("_") or name == "name":
                values[name] = item
                continue
            spec_field = spec.field(name)
            parts = item if isinstance(item, list) else [item]
            bracketed = [p for p in parts if text[max(0, p.span[0] - 1) : p.span[0]] == "(" and p.index not in aside]
            stated_total = any(TOTAL_WORDS & set(p.before[-3:] + p.after[:3]) for p in parts)
            if len(parts) > 1 and bracketed and spec_field.summed and not stated_total:  # "10% of our 500k budget (50k)": a restatement?
                raise needs_asking(f"Is {bracketed[0].show()}, in brackets, part of the {name.replace('_', ' ')} as well as "
                           f"{', '.join(p.show() for p in parts if p not in bracketed)}, or the same amount said again?",
                           ["in addition", "the same amount"])
            parts = said_again(parts, spec_field)
            scenario = chosen_scenario(text, parts) if not spec_field.sequence else None
            if scenario is not None:  # "20k (best), 25k expected, 35k worst case … worst-case TCO?": that one
                picked, kind = scenario
                for p in parts:
                    if p is not picked:
                        readings[p.index].roles.clear()
                        readings[p.index].note = f"another scenario: you asked for the {kind} case"
                readings[picked.index].note += f"; the {kind} case, as you asked"
                parts = [picked]
            gross = [p for p in parts if spec_field.direction == "in" and revenue_only(p)]
            if gross and len(gross) < len(parts) and not stated_total and any(  # "revenue uplift 40k … profit uplift 12k"
                    stem_in(w, GROSS_PROFIT) for p in parts if p not in gross for w in p.before[-4:] + p.after[:3]):
                for p in gross:
                    readings[p.index].roles.clear()
                    readings[p.index].note = "sales before costs; the profit you give is the gain"
                parts = [p for p in parts if p not in gross]
            if len(parts) > 1 and not (spec_field.summed or spec_field.sequence):
                raise NeedsAsking(which_question(name, parts))
            twice = said_twice(text, parts) if spec_field.summed and not stated_total else None
            if twice:  # "saves about 3k a month" … "yes, 3k/mo after the fee": the same amount, or a second one?
                raise needs_asking(f"Is {twice[1].show()} the same amount as {twice[0].show()}, said again, or in addition to it?",
                           ["the same amount", "in addition"])
            other = [p for p in parts[1:] if elsewhere(p) and sentence_of(text, p) != sentence_of(text, parts[0])]
            if other and spec_field.summed and not spec.records:  # "The year before, we spent 25k on a similar tool"
                raise NeedsAsking(stray_question(other[0], [f.name for f in spec.fields if f.unit == "money"]))
            if spec_field.summed and not stated_total and alternative_parts(text, parts):
                raise NeedsAsking(which_question(name, parts, choice=True))
            converted = []
            for part in parts:
                if part.index in signed_out:
                    part.value = -part.value  # "-40k now": the outlay, its sign saying which way it goes
                if part.value < 0 and not spec_field.sequence:
                    raise needs_asking(f"You gave {part.show()}, a negative figure, for the {name.replace('_', ' ')}. Is it a "
                               "saving to take off another input, or should it be positive?",
                               ["a saving", "positive"])
                reading = readings[part.index]
                role = name.replace("_", " ")  # the section's heading names the calculator
                if spec.records and len(groups) > 1:
                    role += f" of {record['name']}"
                if role not in reading.roles:
                    reading.roles.append(role)
                if part.is_range:  # "15-20k (use the high end to be safe)": the point the message chose
                    point = range_point(text, part, [f for f in active if f.is_range], spec_field.direction)
                    if point is not None:
                        low, high = part.value, part.high or part.value
                        part = dataclasses.replace(part, high=None, value={"low": low, "high": high}.get(
                            point, (low + high) / 2))
                        reading.note += f"; the {point} of {part.show()}, as you said"
                bare_share(spec, spec_field, part)
                value, note = (part.value, "") if spec_field.sequence and not part.is_range else normalise(
                    part, spec_field, horizon)  # a range is asked about, in a list of flows too
                margin = margin_for(part, spec_field, figures, roles)
                if margin is not None and margin.is_range:  # "margin somewhere between 30 and 40%"
                    normalise(margin, spec_field, horizon)  # asks which single value
                if margin is not None:  # "$10,000 of revenue a month, and our gross margin is 35%": the profit
                    value *= margin.value / 100
                    if any(p is not part and abs(p.value - value) <= 0.005 * abs(value) for p in parts):
                        # "revenue went up 64k but our margin is 25% so the profit part is 16k": said twice
                        reading.roles.remove(role)
                        reading.note = f"its profit at {margin.show()} margin is the {fmt(value)} you give"
                        continue
                    note += f"; × {margin.show()} margin = {fmt(value)}"
                    readings[margin.index].roles.append(f"margin on the {name.replace('_', ' ')}")
                elif spec_field.direction == "in" and revenue_only(part):
                    raise needs_asking(f"{part.show()} is revenue (“{part.context}”): the {name.replace('_', ' ')} counts the profit "
                               "it brings. What margin should I apply to it, or is it already profit?",
                               ["it is already profit", "apply a margin"])
                converted.append(value)
                reading.note += note + (f"; {spec_field.note}" if spec_field.note else "")
            totals = [i for i, p in enumerate(parts) if TOTAL_WORDS & set(p.before[-3:] + p.after[:3])]
            if spec_field.sequence:
                values[name] = repeated(text, parts, converted)
            elif len(parts) > 1 and totals:  # "total $30k: $24k licences + $6k set-up"
                total = converted[totals[0]]
                rest = sum(v for i, v in enumerate(converted) if i not in totals)
                revised = [figures[old] for old, new in swapped.items() if new == parts[totals[0]].index]
                tolerance = 0.005 * max(abs(total), 1.0)
                within = next((old for old in revised if abs(total - rest - old.value) <= tolerance), None)
                if len(totals) == 1 and within is not None:
                    # "we also paid $1,500 for the consultant, so total cost is $10,500 not 9k": the part is in it
                    values[name] = total
                    readings[parts[totals[0]].index].note += (
                        f"; the total: the {within.show()} it revises and {fmt(rest)} more")
                    continue
                if len(totals) > 1 or abs(total - rest) > 0.005 * max(abs(total), 1.0):
                    raise needs_asking(f"Is {parts[totals[0]].show()} the total of the other {name.replace('_', ' ')} figures "
                               f"({', '.join(p.show() for i, p in enumerate(parts) if i not in totals)}), or in addition "
                               "to them?", ["the total", "in addition"])
                values[name] = total
                readings[parts[totals[0]].index].note += f"; the total of the parts ({fmt(rest)})"
            else:
                values[name] = sum(converted)
                if len(converted) > 1:
                    readings[parts[-1].index].note += sum_note(name, converted)
        dated = next((f for f in spec.fields if f.horizon and f.name not in values), None)
        if dated is not None and horizon is not None and horizon.index < 0 and horizon.value != 12 and not spec.records:
            values[dated.name] = normalise(horizon, dated, None)[0]  # "from January 2027 till end of 2029": 3 years
        missing = missing_inputs(spec, {k for k in values if not k.startswith("_") and k != "name"})
        if missing:
            label = f" for {record['name']}" if spec.records and len(groups) > 1 else ""
            raise NeedsAsking(missing_question(spec, missing, label))
        if not spec.records:
            values.pop("name", None)
            values.pop("_context", None)
        records.append(values)
    if horizon is not None and horizon.index >= 0 and any("(" + horizon.show() + ")" in r.note for r in readings.values()):
        readings[horizon.index].roles.append("horizon for the per-period amounts")
    build = spec.build or (lambda recs: (spec.name, {k: v for k, v in recs[0].items() if not k.startswith("_")}))
    try:
        name, args = build(records)
    except ValueError as exc:
        raise needs_asking(str(exc)) from None
    try:
        validate_args(name, args)
    except ToolInputError as exc:
        raise needs_asking(f"I can't use these figures as read: {exc.message}. Could you check them?") from None
    return name, args


def read_calculation(text: str, ask_text: str | None = None) -> Calculation | None:
    """The calculations ``text`` asks for (trigger words looked for in ``ask_text`` if given),
    with every figure accounted for; None when it asks for no calculation with figures. Slips in
    the words it is read by ("licnese 500 a mnth") are put right first (spelling.py); what it
    quotes stays the user's own words."""
    spelled = respelled(text)
    if not spelled.edits:
        return _read_calculation(text, ask_text)
    asked = respelled(ask_text).text if ask_text is not None else None
    return in_own_words(_read_calculation(spelled.text, asked), spelled)


def _read_calculation(text: str, ask_text: str | None = None) -> Calculation | None:
    if ask_text is None:  # the words of the questions asked, else of the requests, else of the whole message
        asks = split_asks(text)
        asked = " ".join(ask.text for ask in asks if ask.question)
        requested = " ".join(ask.text for ask in asks if REQUEST.search(ask.text))
        specs = asked_specs(asked) or asked_specs(requested) or asked_specs(text)
        if not specs and any(ask.question for ask in asks):
            specs = compared_groups(text)
    else:
        specs = asked_specs(ask_text)
    if not specs:
        return None
    words = {w: v for spec in specs for f in spec.fields for w, v in f.value_words}
    labels = frozenset(label for spec in specs for f in spec.fields for label in f.labels if label.isalpha())
    figures, scale_notes = apply_stated_scale(text, read_figures(text, words or None, labels))  # "all figures in $000"
    figures = netted_periods(text, figures)  # "… a month in, … a month out, so net it's 2k": 2k a month
    figures, rate_aside, rate_notes = converted_currencies(text, figures)  # "$1,200/yr … use 0.92 €/$ … in euros"
    if not figures:
        return None
    if len(figures) > MAX_FIGURES:
        calc = Calculation(readings=[Reading(f, note="too many figures to read in one message") for f in figures])
        calc.clarification = Clarification(
            question=f"I read {len(figures)} figures in this message, more than I can match to inputs reliably "
                     f"(at most {MAX_FIGURES}). Could you give the inputs of one calculation at a time?")
        calc.topic = specs[0].topic
        calc.titles = [specs[0].title]
        return calc
    readings = {fig.index: Reading(fig) for fig in figures}
    calc = Calculation(readings=[readings[f.index] for f in figures])
    shared, bases, share_notes = with_shares(text, figures)  # "15% of the implementation": an amount
    bases = {**bases, **rate_aside}
    for spec in specs:
        spec = in_rate_periods(spec, figures)
        money = any(f.unit == "money" for f in spec.fields)
        own, own_bases = shared, bases
        if money:  # "25 extra orders a month at $9 profit per order": 225 a month, unless an input is per order
            own, priced, unit_notes = priced_units(text, shared, lambda thing, spec=spec: names_thing(spec, thing))
            own_bases = {**bases, **priced}
            share_notes = {**share_notes, **unit_notes}
        try:
            planned = _plan_spec(text, spec, own if money else figures, readings, own_bases if money else {})
        except NeedsAsking as need:
            calc.clarification = calc.clarification or need.clarification
            calc.topic = calc.topic or spec.topic
            calc.titles.append(spec.title)
            continue
        if planned is not None:
            planned = with_choices(spec, planned, text)
            lift = unclear_lift(planned, text)
            if lift is not None:  # "baseline 2.5%, detect an uplift of 0.4%": of the rate, or points on it?
                calc.clarification = calc.clarification or Clarification(
                    question=lift, options=["relative", "percentage points"])
                calc.topic = calc.topic or spec.topic
                calc.titles.append(spec.title)
                continue
            calc.calls.append(planned)
            calc.topic = calc.topic or spec.topic
            calc.titles.append(spec.title)
    used = {r.figure.index: r for r in calc.readings if r.used}
    if calc.calls or calc.clarification is not None:
        stray_share = next((r.figure for r in calc.readings if _stray_share(text, r, figures, used, share_notes)), None)
        if stray_share is not None and calc.calls:  # "reach about 15% of our 40k visitors" with the 40k used whole: not sure
            calc.clarification = Clarification(
                question=f"What is {stray_share.show()} (“{stray_share.context or stray_share.text}”) for in "
                         f"{', '.join(calc.titles)}: should I apply it, or is it not part of this calculation?",
                options=["apply it", "leave it out"], figure=stray_share.index)
            calc.calls = []
        growing = next(((a, g) for a, g in growth_rates(text, figures) if a.index in used and g.index not in used), None)
        if growing is not None and calc.calls:  # "savings start at 2k in Q1 and grow 10% a quarter": not one flat 2k
            amount, rate = growing
            calc.clarification = Clarification(
                question=f"{amount.show()} grows by {rate.show()} (“{rate.context or rate.text}”). Should I count it "
                         "growing period by period over the horizon, or use it as it is?",
                options=["count the growth", "use it as it is"], figure=rate.index)
            calc.calls = []
        gone = [f for f in taken_back(text, figures) if f.index in used]
        placed = corrected_in_place(text, figures)
        if placed and calc.calls:  # "…, oops the second one should be 25k": which figure it replaces is asked, not guessed
            gone = []
            calc.clarification = Clarification(
                question=f"You corrected one of the figures to {placed[0].show()} (“{placed[0].context or placed[0].text}”). "
                         "Could you give the full list again with the corrected figure in its place?")
            calc.calls = []
        asked_about = calc.clarification.figure if calc.clarification is not None else None
        offered = [(a, b) for a, b in offered_instead(text, figures)
                   if a.index in used or b.index in used or asked_about in (a.index, b.index)]
        if gone and calc.calls:  # "cost was 12k — no wait, that was last year's quote": the input is not known
            role = used[gone[0].index].roles[0].split(".")[-1].replace("_", " ")
            calc.clarification = Clarification(
                question=f"You took back {gone[0].show()} (“{gone[0].context or gone[0].text}”). "
                         f"What figure should I use for the {role}?")
            calc.calls = []
        elif offered and not placed:  # "cost 50k — hmm or 45k if training doesn't count": two values, one input
            a, b = offered[0]
            calc.clarification = Clarification(
                question=f"You gave two values, {a.show()} or {b.show()}: which one should I use?", options=[a.show(), b.show()])
            calc.calls = []
    bare_amounts = not any(f.unit == "money" for f in figures)
    dropped = [r.figure for r in calc.readings if not r.used and not r.note and (
        r.figure.unit == "money" or (r.figure.period and unplaced_amount(r.figure))
        or bare_amounts and amount_like(r.figure) and r.figure.value > 0
        and not (r.figure.after[:1] and r.figure.after[0] in PREPOSITIONS and counts_things(r.figure))  # "1,200 on the waitlist"
        and (r.figure.scaled or "," in r.figure.text or "." in r.figure.text))]  # amounts written bare: "Capex 36,000 …"
    if dropped and calc.calls and calc.clarification is None and not any(s.records for s in specs):
        # an amount nobody placed, in a calculation computed without it: a result that silently
        # leaves out money the user gave is a wrong figure; asking is not
        spec = next(s for s in specs if s.title == calc.titles[0])
        money_fields = [f.name for f in spec.fields if f.unit == "money"]
        if money_fields:
            calc.clarification = stray_question(dropped[0], money_fields)
            calc.calls = []
    moved = next((r.figure for r in calc.readings if not r.used and not r.note and r.figure.unit == "percent"
                  and changes_amounts(r.figure)), None)
    if moved is not None and calc.calls and calc.clarification is None and not any(s.records for s in specs):
        # a percentage no input took that says it changes something ("fees increase by 5% each
        # anniversary", "10% off if signed by May"), in a calculation of amounts that takes none:
        # computing without it states a total the user's own figures say is off; so does a markup
        # beside a calculation that takes a margin ("a 40% markup on cost" is no 40% margin)
        spec = next(s for s in specs if s.title == calc.titles[0])
        if any(f.unit == "money" for f in spec.fields):
            calc.clarification = Clarification(
                question=f"What is {moved.show()} (“{moved.context or moved.text}”) for in {', '.join(calc.titles)}: "
                         "should I apply it to the amounts, or is it not part of this calculation?",
                options=["apply it", "leave it out"], figure=moved.index)
            calc.calls = []
    scored = [r for r in calc.readings if r.used]
    unread = [r.figure for r in calc.readings if not r.used and not r.note and r.figure.unit in {"count", "percent"}
              and not counts_things(r.figure)  # "1,100 products"
              and r.figure.before[-2:] != ["out", "of"]]  # "9 out of 10": the scale's top
    if calc.calls and calc.clarification is None and scored and len(unread) >= len(scored) and any(
            s.records for s in specs if s.title in calc.titles):
        # "ai captions = impact 7 conf 6 ease 9, restock = 8/5/4, dm replies = 6/8/8": in a ranking of
        # projects, one scored and as many figures again unread is not the answer to "which one first?"
        calc.clarification = Clarification(
            question=f"I could read only some of these figures ({', '.join(r.figure.show() for r in scored)}); "
                     f"{', '.join(f.show() for f in unread[:6])} I could not place. Could you give each one with "
                     "its input's name (for example “impact 8, confidence 5, ease 4”)?")
        calc.calls = []
    effort = next((r.figure for r in calc.readings if not r.used and not r.note and STAFF_TIME.match(
        text, r.figure.span[1])), None)
    if effort is not None and calc.calls and calc.clarification is None and not any(
            f.unit == "duration" and not f.horizon for s in specs for f in s.fields):
        # "2 FTE-months of our IT team" beside a licence: staff time with no price is a cost left out
        calc.clarification = Clarification(
            question=f"What does {effort.show()}{STAFF_TIME.match(text, effort.span[1]).group(0)} of staff time (“{effort.context or effort.text}”) cost? Give its "
                     f"cost, or say to leave it out of {', '.join(calc.titles)}.",
            options=["leave it out"], figure=effort.index)
        calc.calls = []
    unknown = unknown_values(text)
    if unknown and calc.calls and calc.clarification is None:  # a figure still to come would change the result
        calc.clarification = Clarification(
            question=f"You say “{unknown[0]}”: that figure is not known yet, so I would be leaving it out of "
                     f"{', '.join(calc.titles)}. What value should I use for it, or should I compute without it?")
        calc.calls = []
    for index, note in share_notes.items():
        if readings[index].roles:
            readings[index].note = note + readings[index].note
    for index, note in {**scale_notes, **rate_notes}.items():
        if readings[index].roles:
            readings[index].note = note + readings[index].note
    if not calc.calls and calc.clarification is None:
        return None
    if not calc.calls and asks_about_a_figure(text):
        return None  # "is a 25% return good?": the course answers it; asking for inputs would not
    questions = [ask.text for ask in split_asks(text) if ask.question] if ask_text is None else []
    if only_asks_meaning(questions) or judges_own_figures(questions, text):
        return None  # "what counts as integration? does the split matter for the TCO?": no figure answers it
    if states_its_result(text, calc.calls, questions):
        return None  # "we got an ROI of 67% (invested 85k, 142.5k profit). Is that good?": judged, not recomputed
    names = ", ".join(calc.titles) or "this calculation"
    for reading in calc.readings:
        if not reading.used and not reading.note:
            reading.note = f"no input of {names} is named next to it"
    return calc


def _stray_share(text: str, reading: Reading, figures: list[Figure], used: dict[int, Reading],
                 share_notes: dict[int, str]) -> bool:
    """A percentage no input took and nothing set aside that shares out a figure the calculation did
    use ("15% of our 40k visitors", the 40k read whole), or that stands in one sentence beside a
    share worked out as an amount ("20% of that in year 1 and 30% in year 2"): computing without it
    would state a figure from a misread input."""
    fig = reading.figure
    if reading.used or reading.note or fig.unit != "percent":
        return False
    following = figures[fig.index + 1] if fig.index + 1 < len(figures) else None
    if following is not None and following.index in used and re.fullmatch(
            r"\s*(?:of|on)\s+(?:[a-z]+\s+){0,2}", text[fig.span[1] : following.span[0]], re.IGNORECASE):
        return True  # "8–12% on a $400K/yr margin base", the $400K read whole
    start, end = _sentence_span(text, fig.span[0])
    if fig.after[:1] == ["of"] and any(i in used and fig.span[1] < figures[i].span[0] < end and not _WORKED_OUT.search(
            text[fig.span[1] : figures[i].span[0]]) for i in used):
        return True  # "plus 10% of two FTEs' time, each FTE costs us 48k a year", the 48k read whole
    return any(i in used and start <= figures[i].span[0] < end and figures[i].unit == "percent"
               for i in share_notes if i < len(figures))


# The user's own sum of a share: "20% of her time, that's ~11k a year".
_WORKED_OUT = re.compile(r"\b(?:that's|that is|thats|which is|which comes to|i\.e\.|call it|works out|so about|so roughly)\b|[=≈]",
                         re.IGNORECASE)


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in re.finditer(r"[.;!?\n](?!\d)", text[:pos])]
    stop = re.search(r"[.;!?\n](?!\d)", text[pos:])
    return (starts[-1] if starts else 0), (pos + stop.start() if stop else len(text))


def other_asks(message: str) -> str:
    """The message without the clauses that ask for a calculation: the context sentences and
    the remaining questions, so each of them can be planned on its own."""
    asks = split_asks(message)
    if not any(ask.question and not asked_specs(ask.text) for ask in asks):
        return ""
    kept = []
    for ask in asks:
        specs = asked_specs(ask.text) if ask.question else []
        if not specs:
            kept.append(ask.text)
        elif read_figures(ask.text):  # "Our chatbot cost $20k…, was it worth it": keep the context
            text = ask.text
            for spec in specs:
                text = spec.without_asks(text)
            kept.append(re.sub(r"\s+", " ", text).strip())
    return " ".join(kept)
