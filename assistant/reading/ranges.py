"""An end of a range or one of two alternatives the user gave, chosen in a reply: in words ("take
the low one", "the top of the range", "go with the middle", "the cheaper quote") or as a value
inside the range ("let's say 2.2k"). Used by reading/replies.py (the reply to the open question).
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import fmt_value, reply_figure, spec_named
from assistant.types import CalculationState, FigureState
from knowledge.figures import Figure, read_figures, written_scale

LOW = {"low", "lowest", "lower", "minimum", "min", "bottom", "conservative", "cautious", "pessimistic", "smaller", "smallest"}


HIGH = {"high", "highest", "higher", "maximum", "max", "top", "optimistic", "upper", "bigger", "biggest", "largest"}


# One of two amounts of money by its price ("the cheaper quote", "the dearer one"): said of money
# only, never of a length of time or a count ("the cheaper one" picks no horizon).
CHEAP, DEAR = {"cheaper", "cheapest"}, {"dearer", "dearest", "pricier", "priciest"}


HEDGE = {"maybe", "perhaps", "possibly", "or"}


MIDDLE = {"middle", "mid", "midpoint", "average", "between", "centre", "center", "median"}


def range_value(state: CalculationState, text: str, figures: list[Figure]) -> tuple[CalculationState, list[str]] | None:
    """A reply giving one value inside the range the user gave ("2.5k", "let's say 2.2k a month"
    to "between 2k and 3k a month"): that value fills the input, the ends are set aside."""
    groups = alternatives(state)
    amounts = [f for f in figures if f.unit in {"money", "count"}]
    if len(groups) != 1 or len(amounts) != 1 or len(figures) != 1 or state.about not in groups[0]:
        return None  # a question about another figure: the reply is its answer, not a point of the range
    state = state.model_copy(deep=True)
    i, j = groups[0]
    ends = [state.figures[i]] + ([state.figures[j]] if j is not None else [])
    fig = amounts[0]
    if not in_range(fig.value, [e.figure for e in ends]):
        return None
    keep, rest = ends[-1], ends[:-1]
    was = " to ".join(e.figure["text"] for e in ends)
    new = reply_figure(text, fig)
    for key in ("period", "currency", "span", "index"):
        new.figure[key] = fig.period if key == "period" and fig.period else keep.figure.get(key) or \
            next((e.figure.get(key) for e in ends if e.figure.get(key)), None)
    new.field = next((e.field for e in ends if e.field), "") or only_free_field(state, new)
    state.figures[state.figures.index(keep)] = new
    for other in rest:
        other.ignored, other.field, other.fields = True, "", []
    return state, [f"{(new.field or 'figure').replace('_', ' ')}: {was} → {fig.text.strip()}"]


def in_range(value: float, ends: list[dict]) -> bool:
    """Is ``value`` within the range the user gave: from the lowest to the highest of its ends
    (figures as stored, each a value and, for "50-70k", a high end)?"""
    values = [e["value"] for e in ends if e.get("value") is not None] + [e["high"] for e in ends if e.get("high") is not None]
    return not values or min(values) <= value <= max(values)


def alternatives(state: CalculationState) -> list[tuple[int, int | None]]:
    """Figures the user gave as the ends of a range or as alternatives for one input: a range
    ("50-70k": (i, None)), or two figures in a row that are hedged alike ("maybe 50k maybe 70k"),
    joined ("between 30 and 40k") or offered as "or", with at most one input between them."""
    items = state.figures
    out: list[tuple[int, int | None]] = [(i, None) for i, item in enumerate(items)
                                         if item.figure.get("high") is not None and not item.ignored]
    for i in range(len(items) - 1):
        a, b = items[i].figure, items[i + 1].figure
        fields = {items[i].field, items[i + 1].field} - {""}
        between = b.get("joined") and (a.get("before") or [])[-1:] == ["between"]
        one_input = between and items[i].field and items[i].field == items[i + 1].field  # "between 3 and 5 person-months"
        if items[i].ignored or items[i + 1].ignored or (
                (a.get("unit") == "duration" or b.get("unit") == "duration") and not one_input):
            continue
        if len(fields) > 1 or (a.get("unit") == "percent") != (b.get("unit") == "percent"):  # both percentages or neither
            continue
        before_a, before_b = a.get("before") or [], b.get("before") or []
        hedged = bool(HEDGE & set(before_a[-2:])) and bool(HEDGE & set(before_b[-2:]))
        joined = b.get("joined") and before_a[-1:] == ["between"]
        if hedged or joined or before_b[-1:] == ["or"]:
            out.append((i, i + 1))
    return out


def range_end(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """A reply choosing an end of the range the user gave, in words ("take the low one", "the top
    of the range", "go with the middle"): the chosen value fills the input, the other is set aside."""
    tokens = set(re.findall(r"[a-z]+", text.lower()))
    groups = alternatives(state)
    money = len(groups) == 1 and all(state.figures[k].figure.get("unit") in {"money", "count"}
                                     for k in groups[0] if k is not None)  # "the cheaper one": of two amounts
    low, high = LOW | (CHEAP if money else set()), HIGH | (DEAR if money else set())
    end = "low" if low & tokens else "high" if high & tokens else "middle" if MIDDLE & tokens else None
    if end is None or len(groups) != 1 or read_figures(text):
        return None
    state = state.model_copy(deep=True)
    i, j = groups[0]
    item = state.figures[i]
    if j is None:  # one figure holding both ends
        low, high = item.figure["value"], item.figure["high"]
        value = low if end == "low" else high if end == "high" else (low + high) / 2
        was = item.figure["text"]
        item.figure.update(value=value, high=None, text=f"{was} (you chose {fmt_value(value)})")
        return state, [f"{(item.field or 'figure').replace('_', ' ')}: {was} → {fmt_value(value)}"]
    a, b = state.figures[i], state.figures[j]
    small, large = sorted((a, b), key=lambda x: x.figure["value"])
    if end != "high" and not small.figure.get("scaled") and large.figure.get("scaled"):
        scale = written_scale(large.figure["value"], large.figure.get("text") or "")  # "between 40 and 48 thousand": the scale is written once, after
        if scale is None or not small.figure["value"] < large.figure["value"] / scale:
            return None  # "between 900 and 1.2k"? the low end's scale is not clear: ask rather than guess
        small.figure.update(value=small.figure["value"] * scale, scaled=True)
    chosen, other = (small, large) if end == "low" else (large, small)
    was = f"{small.figure['text']} to {large.figure['text']}"
    for key in ("period", "currency"):  # "between 1,500 and 2,500 € a month": both ends per month, in euros
        chosen.figure[key] = chosen.figure.get(key) or other.figure.get(key)
    if end == "middle":
        value = (small.figure["value"] + large.figure["value"]) / 2
        chosen.figure.update(value=value, text=f"{was} (you chose {fmt_value(value)})")
    chosen.field = chosen.field or other.field or only_free_field(state, chosen)
    chosen.fields = []
    other.ignored, other.field, other.fields = True, "", []
    label = (chosen.field or "figure").replace("_", " ")
    return state, [f"{label}: {was} → {fmt_value(chosen.figure['value']) if end == 'middle' else chosen.figure['text']}"]


def only_free_field(state: CalculationState, item: FigureState) -> str:
    """The input a one-off amount the user has just confirmed fills when only one is left: the one
    empty money input without a period ("between 30 and 40k" → the up-front cost), or ""."""
    spec = spec_named(state.tool)
    if spec is None or item.figure.get("unit") not in {"money", "count"} or item.figure.get("period"):
        return ""
    filled = {x.field for x in state.figures if x.field and not x.ignored}
    free = [f.name for f in spec.fields if f.unit == "money" and f.period is None and f.name not in filled]
    return free[0] if len(free) == 1 else ""
