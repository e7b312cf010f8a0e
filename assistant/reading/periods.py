"""One period of a calculation named in words: "the first-year return", "in year 3", "by the end
of year three" (a horizon), and a change of that period's flow only, the others staying as
computed. Used by reading/whatif.py and reading/moves.py.
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import fmt_value, reply_figure
from assistant.types import CalculationState
from knowledge.figures import Figure
from tools.spec import ToolSpec


# Words that name one period of an amount given per period ("the first-year return", "in year two").
# "last" names the last period after an article only ("the last year's flow"): "last year's
# numbers", "last month we sold…" is the time before now, no period of the calculation.
ONE_PERIOD = re.compile(r"\b(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|final|(?:(?<=the\s)|(?<=its\s)|(?<=our\s))last)"
                        r"[\s-]+(?:year|month|quarter)"
                        r"|\b(?:year|month|quarter)[\s-]+(?:one|two|three|four|five|\d)\b", re.IGNORECASE)
ORDINAL_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "fifth": 5, "5th": 5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def period_named(text: str) -> int | None:
    """The one period a message names (1 for "the first-year return", 3 for "in year 3", -1 for
    "the final year"), or None."""
    match = ONE_PERIOD.search(text)
    if match is None:
        return None
    words = re.findall(r"[a-z0-9]+", match.group(0).lower())
    for word in words:
        if word in {"last", "final"}:
            return -1
        if word in ORDINAL_WORDS:
            return ORDINAL_WORDS[word]
        if word.isdigit():
            return int(word)
    return None


UNTIL = re.compile(r"\b(?:by|until|till|through|to|after|end of)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)
MONTHS_PER = {"year": 12, "quarter": 3, "month": 1}


def until_period(state: CalculationState, spec: ToolSpec, text: str, match: re.Match) -> Figure | None:
    """"by the end of year three" in a calculation counted over a horizon: a length of time
    (three years) that the horizon takes; None when the message names one period for itself
    ("in year two") or the calculation counts no horizon."""
    counted = state.horizon is not None or any(x.field and not x.ignored and spec.field(x.field).horizon
                                               for x in state.figures)
    number = period_named(match.group(0))
    unit = next((w for w in MONTHS_PER if w in match.group(0).lower()), None)
    if not counted or not UNTIL.search(text[: match.start()]) or not number or number < 1 or unit is None:
        return None
    return Figure(value=float(number * MONTHS_PER[unit]), unit="duration", span=match.span(), text=match.group(0),
                  context=match.group(0))


def _sources(state: CalculationState, flows: list) -> tuple[list[int], list | None]:
    """The figures a series' flows came from, one per period (one figure repeated per period when
    it was given per period), and their indices; None for the sources when the flows were not read
    one by one from the figures."""
    used = [i for i, item in enumerate(state.figures) if not item.ignored and item.field
            and item.figure.get("unit") in {"money", "count"} and i != state.horizon]
    sources = []  # which figure each period's flow came from: one, or one repeated per period
    for i in used:
        item = state.figures[i]
        count = 1 if not item.figure.get("period") else len(flows) - len(used) + 1
        sources += [item] * count
    return used, (sources if len(sources) == len(flows) else None)


def last_period_removed(state: CalculationState, spec: ToolSpec, text: str) -> tuple[CalculationState, list[str]] | None:
    """The last period of a series taken out ("drop year 3" of three years, "forget the final
    year"): the flows as computed, one figure per period, less the last. A period in the middle is
    not taken out (the later ones would move up a year: asked as any removal); None when the
    message names no last period or the calculation holds no series read figure by figure."""
    sequence = next((f.name for f in spec.fields if f.sequence), None)
    flows = next((v for v in (state.args or {}).values() if isinstance(v, list)), None)
    period = period_named(text)
    if sequence is None or not flows or period is None or len(flows) < 3 or period not in (-1, len(flows) - 1):
        return None
    used, sources = _sources(state, flows)
    if sources is None:
        return None
    series = []
    for value, item in zip(flows[:-1], sources[:-1]):
        new = item.model_copy(deep=True)
        new.figure.update(value=value, period=None, high=None)
        new.field, new.fields = sequence, []
        series.append(new)
    horizon = state.figures[state.horizon] if state.horizon is not None else None
    before = [item for i, item in enumerate(state.figures) if i < used[0] and i not in used]
    after = [item for i, item in enumerate(state.figures) if i > used[0] and i not in used]
    state.figures = before + series + after
    state.horizon = next((i for i, item in enumerate(state.figures) if item is horizon), None)
    state.about = None
    return state, [f"{sequence.replace('_', ' ')}, period {len(flows) - 1}: {fmt_value(flows[-1])} → removed"]


def one_period(state: CalculationState, spec: ToolSpec, text: str, fig: Figure, period: int,
                changes: list[str]) -> tuple[CalculationState, list[str]] | None:
    """One period of a series changed ("sorry, the first-year return is 15,000"): the flows as
    computed become one figure per period (each quoting the words it came from), and only the
    named period takes the new figure; a calculation with no series changes nothing."""
    sequence = next((f.name for f in spec.fields if f.sequence), None)
    flows = next((v for v in (state.args or {}).values() if isinstance(v, list)), None)
    appended = period == len(flows or [])  # "and add a 5th year of 20k", "it runs a fourth year": one more period
    if sequence is None or not flows or not (-len(flows) < period < len(flows) or appended) or period == 0:
        return None
    used, sources = _sources(state, flows)
    if sources is None:
        return None  # flows not read one by one from the figures: not guessed
    unit = next((w for w in ("year", "month", "quarter") if w in ONE_PERIOD.search(text).group(0).lower()), "period")
    series = []
    for n, (value, item) in enumerate(zip(flows, sources)):
        if not appended and n == period % len(flows):
            new = reply_figure(text, fig)
            new.figure["span"] = item.figure["span"]
            changes.append(f"{sequence.replace('_', ' ')}, {unit} {n}: {fmt_value(value)} → {fig.text.strip()}")
        else:
            new = item.model_copy(deep=True)
            new.figure.update(value=value, period=None, high=None)
        new.field, new.fields = sequence, []
        series.append(new)
    if appended:
        new = reply_figure(text, fig)
        new.figure["span"] = series[-1].figure["span"]
        new.field = sequence
        series.append(new)
        changes.append(f"{sequence.replace('_', ' ')}, {unit} {period}: added {fig.text.strip()}")
    horizon = state.figures[state.horizon] if state.horizon is not None else None
    before = [item for i, item in enumerate(state.figures) if i < used[0] and i not in used]
    after = [item for i, item in enumerate(state.figures) if i > used[0] and i not in used]
    state.figures = before + series + after
    state.horizon = next((i for i, item in enumerate(state.figures) if item is horizon), None)
    state.about = None
    return state, changes
