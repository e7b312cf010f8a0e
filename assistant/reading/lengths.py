"""A change of a length of time by an amount: "one more year?", "two years longer", "a year
less", "another quarter". The calculation's one length of time (its horizon, a customer's
lifespan, the years a flow repeats) moves by that amount; with no such input, or several, the
message is no change of this kind (reading/whatif.py reads it).
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import fmt_value, naming_content, same_word, spec_named, word_figure
from assistant.types import CalculationState
from knowledge.figures import MONTHS_IN, PERIOD_WORDS

COUNTS = {"a": 1, "an": 1, "one": 1, "another": 1, "extra": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
UNIT = r"(years?|yrs?|months?|quarters?)"
COUNT = r"(\d+|a|an|one|two|three|four|five|six)"
MORE = {"more", "extra", "additional", "longer"}
LESS = {"less", "fewer", "shorter"}
# "one more year", "2 extra months" / "a year longer", "two years less" / "another year"
BY = re.compile(rf"\b(?:{COUNT}\s+(more|extra|additional|less|fewer)\s+{UNIT}"
                rf"|{COUNT}\s+{UNIT}\s+(longer|more|less|shorter)"
                rf"|(another|one extra|an extra)\s+{UNIT})\b", re.IGNORECASE)


def _months(unit: str) -> float:
    unit = unit.lower().rstrip("s")
    return MONTHS_IN["year" if unit in {"year", "yr"} else unit]


def moved_by(text: str) -> float | None:
    """The months a message moves a length of time by (+12 for "one more year", -3 for "a quarter
    less"), or None when it names no such move, or more than one."""
    found = list(BY.finditer(text))
    if len(found) != 1:
        return None
    g = found[0].groups()
    if g[0]:
        count, way, unit = g[0], g[1], g[2]
    elif g[3]:
        count, unit, way = g[3], g[4], g[5]
    else:
        count, way, unit = "another", "more", g[7]
    count = count.lower().split()[-1] if not count.isdigit() else count
    number = float(count) if count.isdigit() else COUNTS.get(count, 1)
    sign = 1 if way.lower() in MORE else -1 if way.lower() in LESS else 0
    return sign * number * _months(unit) if sign else None


def longer(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """The state with its one length of time moved as ``text`` says, or None."""
    if state.args is None:
        return None
    months = moved_by(text)
    if months is None:
        return None
    lengths = [i for i, item in enumerate(state.figures)
               if not item.ignored and item.figure.get("unit") == "duration" and (item.field or i == state.horizon)]
    spec = spec_named(state.tool)
    inputs = [i for i in lengths if state.figures[i].field]
    if spec is not None and not any(f.horizon for f in spec.fields) and len(inputs) == 1:
        lengths = inputs  # a calculator with no horizon input: its input counted in time ("stay one more year")
    elif state.horizon is not None and state.horizon in lengths:
        lengths = [state.horizon]
    if len(lengths) != 1:
        return None
    said = naming_content(re.findall(r"[a-z][a-z'/-]*", BY.sub(" ", text).lower()))
    others = {x.field for i, x in enumerate(state.figures) if x.field and not x.ignored and i != lengths[0]
              and x.figure.get("unit") != "duration"}
    if any(same_word(w, part) for w in said for name in others for part in name.split("_")
           if part not in PERIOD_WORDS and part not in {"per", "years", "months"}):
        return None  # "if the reach were a quarter less": a share of another input, not three months
    state = state.model_copy(deep=True)
    index = lengths[0]
    old = state.figures[index]
    value = old.figure["value"] + months
    if value <= 0:
        return None
    years = value / 12
    shown = f"{fmt_value(years)} years" if value % 12 == 0 else f"{fmt_value(value)} months"
    new = word_figure(text, value, "duration", shown)
    for key in ("span", "index"):
        new.figure[key] = old.figure.get(key)
    new.figure["naming"] = old.figure.get("naming")
    new.field = old.field
    state.figures[index] = new
    label = (old.field or "horizon").replace("_", " ")
    return state, [f"{label}: {old.figure['text']} → {shown}"]
