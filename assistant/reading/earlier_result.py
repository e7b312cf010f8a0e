"""A result of the conversation's calculation used as an input of the next one: "the ROI of 160k
of savings against the total you have just calculated", "the payback if that total is the
upfront cost". The last computed total cost (a calculator whose money inputs are all costs, its
output's ``total``) fills the next calculator's one input for a cost in total (money going out,
counted over no period); the words that point at it are quoted, never a figure the user did
not write. With no such total, or no such input, nothing is carried (the message is read as usual).
"""

from __future__ import annotations

import dataclasses
import re

from assistant.reading.calc_state import figure_state, naming_content, spec_named
from assistant.types import CalculationState, FigureState
from knowledge.figures import Figure, read_figures
from tools.registry import SPECS, run_tool
from tools.spec import ToolSpec

# Words that point at the result just given: "the total you have just calculated", "that total",
# "the figure you got", "this result".
POINTS_AT = re.compile(
    r"\b(?:(?:that|this)\s+(?:total|result|figure|number|amount|sum)\b"
    r"|the\s+(?:total|result|figure|number|amount|sum)\s+(?:you|we)\s+(?:have\s+|'ve\s+)?(?:just\s+)?"
    r"(?:calculated|computed|worked\s+out|got|found|came\s+up\s+with|arrived\s+at)\b)",
    re.IGNORECASE)


# "on that", "against it" after another calculator's name, with nothing after it that names
# another thing ("roi on that if the gain is 110k", "payback against this?"; not "on that project").
ON_IT = re.compile(r"\b(?:on|of|against|vs\.?|versus)\s+(?:that|this|it)\b"
                   r"(?=\s*(?:$|[,.;:!?)]|(?:if|when|with|at|using|given|assuming|and|then|please|pls|over|now)\b))",
                   re.IGNORECASE)


def pointer(text: str, state: CalculationState) -> re.Match[str] | None:
    """The words of ``text`` that point at the result the state's calculator gave: "that total",
    "the figure you got", or that calculator named as a thing already given ("vs that TCO", "on
    this total cost", "against the TCO"); None when ``text`` points at no earlier result."""
    found = POINTS_AT.search(text)
    spec = spec_named(state.call or state.tool)
    if found is not None or spec is None or not state.call:
        return found
    names = "|".join(re.escape(word) for word in sorted(spec.asks, key=len, reverse=True) if " " in word or len(word) <= 4)
    if not names:
        return None
    # a demonstrative names the thing just given; "the" only after a word that weighs one figure
    # against another ("the ROI against the TCO"); never "the TCO over five years?", a new ask
    named = re.compile(rf"\b(?:(?:that|this|the\s+same|your|the\s+previous|the\s+last)\s+(?:{names})"
                       rf"|(?:vs\.?|versus|against)\s+(?:the\s+)?(?:{names}))\b", re.IGNORECASE)
    found = named.search(text)
    if found is None and total_cost(state) is not None:
        # after a total cost only: "the ROI on that" weighs a gain against that total
        on_it = ON_IT.search(text)
        just_before = " ".join(text[: on_it.start()].split()[-4:]) if on_it is not None else ""
        if on_it is not None and any(other.name != spec.name and other.asked_in(just_before) for other in SPECS):
            found = on_it
    return found


def without_pointer(text: str, state: CalculationState) -> str:
    """``text`` with the words that point at the earlier result blanked out (same length, so every
    figure keeps its place): what the message asks for, once the result it builds on is set apart."""
    found = pointer(text, state)
    if found is None:
        return text
    return text[: found.start()] + " " * (found.end() - found.start()) + text[found.end():]


def total_cost(state: CalculationState) -> float | None:
    """The total cost the state's last computed call gives, when its calculator sums costs only."""
    spec = spec_named(state.call or state.tool)
    if spec is None or state.args is None or not state.call:
        return None
    money = [f for f in spec.fields if f.unit == "money"]
    if not money or any(f.direction == "in" for f in money):
        return None
    try:
        result = run_tool(state.call, state.args)
    except Exception:  # noqa: BLE001 - args that no longer validate carry nothing
        return None
    value = result.get("total")
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def cost_in_total(spec: ToolSpec) -> str | None:
    """The one input of ``spec`` for a cost in total (money going out, per no period)."""
    names = [f.name for f in spec.fields if f.unit == "money" and f.direction == "out" and f.period is None]
    return names[0] if len(names) == 1 else None


def result_figure(text: str, state: CalculationState, spec: ToolSpec) -> tuple[FigureState, str] | None:
    """The earlier total as a figure of ``text`` for ``spec``'s cost input (quoting the words that
    point at it), and the line that says so; None when ``text`` points at no usable total."""
    found = pointer(text, state)
    name = cost_in_total(spec)
    value = total_cost(state) if found is not None and name is not None and spec.name != state.call else None
    if value is None or found is None or name is None or value <= 0:
        return None
    fig = Figure(value=value, unit="money", span=found.span(), text=found.group(0), context=found.group(0))  # type: ignore[arg-type]
    item = figure_state(text, dataclasses.replace(fig), name)
    item.quote = found.group(0)
    shown = f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}"
    return item, f"{name.replace('_', ' ')}: the total calculated before, {shown}"


# An amount said net or gross of a thing already given: "saves 2k a month before the hosting",
# "net of the licence", "excluding that support fee". The determiner says the thing is known.
HELD_LINE = re.compile(r"\b(?:before|after|net\s+of|minus|less|excluding|excl\.?|including|incl\.?|without|on\s+top\s+of)"
                       r"\s+(?:the|our|that|this|those|these|its)\s+([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)", re.IGNORECASE)


def held_lines_named(text: str, state: CalculationState) -> list[int]:
    """The lines of the state's calculation a message names as what one of its amounts is net or
    gross of ("before the hosting") without giving their figure: the indices of those figures."""
    from assistant.reading.targets import name_score  # targets reads the calculator's labels, a floor above

    given = [f.value for f in read_figures(text)]
    out = []
    for match in HELD_LINE.finditer(text):
        said = naming_content(re.findall(r"[a-z][a-z'-]*", match.group(1).lower()))
        hits = [i for i, item in enumerate(state.figures) if item.field and not item.ignored and said
                and name_score(said, item) > 0 and not any(abs(v - item.figure["value"]) < 1e-9 for v in given)]
        if len(hits) == 1 and hits[0] not in out:
            out.append(hits[0])
    return out


def said_again_blanked(text: str, state: CalculationState) -> str:
    """``text`` with the figures it points back at blanked out ("taking THE 14k set-up as the
    up-front bit": the state's own 14k, not a second one), same length, so read with the first
    message each amount counts once."""
    held = [(item.figure["value"], item.figure.get("unit")) for item in state.figures if not item.ignored]
    for fig in reversed(read_figures(text)):
        pointed = re.search(r"\b(?:the|that|this|those|these|our|your)\s*$", text[: fig.span[0]], re.IGNORECASE)
        if pointed and any(abs(v - fig.value) < 1e-9 and (u == fig.unit or {u, fig.unit} <= {"money", "count"})
                           for v, u in held):
            text = text[: fig.span[0]] + " " * (fig.span[1] - fig.span[0]) + text[fig.span[1]:]
    return text


# Words that point at the effect a finished test measured: "that uplift", "the same lift", "this
# difference". A group's rate taken as where a new test starts: "the ai rate as (the) new
# baseline", "with the variant's conversion rate as our baseline".
EFFECT_SEEN = re.compile(r"\b(?:that|this|the\s+same|the\s+observed|the\s+measured)\s+"
                         r"(?:uplift|lift|difference|effect|improvement|increase|gap)\b", re.IGNORECASE)
RATE_AS_BASELINE = re.compile(r"\b(?:the\s+|our\s+)?(?P<who>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)(?:'s)?\s+"
                              r"(?:conversion\s+)?rate\s+(?:as|for)\s+(?:the\s+|a\s+|our\s+)?(?:new\s+)?baseline\b",
                              re.IGNORECASE)


def _group_rates(state: CalculationState) -> list[tuple[set[int], float]]:
    """Each group of the state's computed comparison (a calculator of several records whose
    inputs are the part and the whole of an "N of M" pair: conversions of visitors) with its
    rate, part over whole, or the rate it was given; [] for a calculation of another kind."""
    from assistant.reading.targets import record_groups  # targets reads the calculator's labels, a floor above

    spec = spec_named(state.call or state.tool)
    if spec is None or not spec.records or not state.call or state.args is None:
        return []
    part = next((f.name for f in spec.fields if f.ratio == "part"), None)
    whole = next((f.name for f in spec.fields if f.ratio == "whole"), None)
    given = next((f.name for f in spec.fields if f.unit == "percent"), None)
    out = []
    for _name, members in record_groups(state, spec):
        values: dict[str, float] = {}
        for i in members:
            item = state.figures[i]
            if item.field and not item.ignored:
                values[item.field] = values.get(item.field, 0.0) + float(item.figure["value"])
        if part in values and values.get(whole):
            out.append((set(members), values[part] / values[whole]))
        elif given in values:
            out.append((set(members), values[given] / 100))
    return out


def _rate_field(spec: ToolSpec, label: str) -> str | None:
    """The input of ``spec`` a rate is when the spec's own labels call it ``label`` ("baseline")."""
    return next((f.name for f in spec.fields if f.unit == "fraction" and label in f.labels), None)


def _rate_item(text: str, found: re.Match[str], rate: float, name: str) -> FigureState:
    pct = round(rate * 100, 6)
    fig = Figure(value=pct, unit="percent", span=found.span(), text=f"{pct:g}%", context=found.group(0))  # type: ignore[arg-type]
    item = figure_state(text, fig, name)
    item.quote = found.group(0)
    return item


def rates_carried(text: str, state: CalculationState, spec: ToolSpec,
               own: list[str]) -> tuple[list[FigureState], list[str]] | None:
    """The rates of the test just analysed as inputs of the next calculator (a sample size): a
    group's rate said to be the new baseline ("the ai rate as new baseline") fills its baseline;
    the effect the test measured ("to detect that uplift") fills its baseline with the first
    group's rate and its target with the second's, when ``own`` (the inputs the message fills
    itself) has no effect of its own (an input the spec takes with the baseline instead). Each
    figure quotes the words that point at it; None when ``text`` points at no rate of the last
    calculation, or it was no comparison of groups."""
    from assistant.reading.targets import records_named  # a floor above, as in held_lines_named

    baseline, target = _rate_field(spec, "baseline"), _rate_field(spec, "target")
    rates = _group_rates(state)
    if baseline is None or len(rates) != 2 or baseline in own:
        return None
    source = spec_named(state.call)
    named = RATE_AS_BASELINE.search(text)
    if named is not None and source is not None:
        words = list(re.finditer(r"[\w'-]+", named.group("who")))
        groups: list[set[int]] = []
        for k in range(1, len(words) + 1):  # the group's name: the fewest words before "rate" that name one
            who = re.sub(r"^(?:the|our)\s+|'s$", "", named.group("who")[words[-k].start():], flags=re.IGNORECASE)
            groups = records_named(state, source, who)
            if len(groups) == 1:
                break
        chosen = [rate for members, rate in rates if len(groups) == 1 and members == groups[0]]
        if len(chosen) != 1:
            return None
        start = named.start("who") + words[-k].start()
        quote = re.compile(re.escape(text[start: named.end()])).search(text, start)  # from the name on
        assert quote is not None
        item = _rate_item(text, quote, chosen[0], baseline)
        return [item], [f"{baseline.replace('_', ' ')}: the rate of “{who}” in the test before, {item.figure['text']}"]
    effects = {name for group in spec.requires if baseline in group for name in group} - {baseline}
    seen = EFFECT_SEEN.search(text)
    if seen is None or target is None or effects & set(own):  # "… with a 10% lift": the effect is its own
        return None
    result = run_tool(state.call, state.args)
    measured = [v for k, v in result.items() if k.endswith("_rate") and isinstance(v, float)]
    if len(measured) != 2:
        return None
    first, second = measured
    items = [_rate_item(text, seen, first, baseline), _rate_item(text, seen, second, target)]
    lines = [f"{baseline.replace('_', ' ')} and {target.replace('_', ' ')}: the rates the test before measured, "
             f"{items[0].figure['text']} → {items[1].figure['text']}"]
    return items, lines
