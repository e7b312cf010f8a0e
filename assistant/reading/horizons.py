"""How long a calculation runs, and each figure brought to the period its input wants: the horizon
in any wording ("a two-year TCO", "over 24 months", "until the end of year 3", a dated span),
per-month or per-year amounts normalised over it, and the questions when a period is not said."""

from __future__ import annotations

import re

from assistant.reading.account import needs_asking, fmt
from assistant.reading.roles import HORIZON_WORDS
from knowledge.figures import Figure, MONTHS_IN, UNIT_WORDS
from tools.spec import FieldSpec, ToolSpec


# A horizon of one year written without a number: "over a year", "for the first year",
# "in its first year", "a first-year TCO".
_ONE_YEAR = re.compile(
    r"\b(?:(?:over|for|in|within|across|during|after)\s+(?:a|one|the|its|our|their|that|this)?\s*(?:first\s+|full\s+)?year"
    r"|(?:the|its|our|their)?\s*first\s+year|(?:for|in|over)\s+year\s+(?:1|one)(?![\d.,]|\s*(?:-|–|to)\s*\w)"
    # "first-year TCO", "year-one cost": the calculation named by its year
    r"|(?:first|1st)[\s-]+year[\s-]+(?:tco|costs?|total|spend)|year[\s-]+(?:one|1)[\s-]+(?:tco|costs?|total|spend))\b"
    r"(?![\s-]*(?:\d|one|two|three))", re.IGNORECASE)


def find_horizon(figures: list[Figure], taken: set[int], text: str = "") -> Figure | None:
    """The duration the whole calculation runs over: a duration no input took, named by a
    horizon word ("over 2 years"), written as an adjective ("a two-year TCO", "18-month
    contract") or standing alone ("…, 3 yrs"); else "a year" in words. None when durations
    that disagree leave it open."""
    free = [f for f in figures if f.unit == "duration" and f.index not in taken and not f.is_range]
    named = [f for f in free if HORIZON_WORDS & set(f.before[-3:])]
    by_name = named_durations(free, text)
    for group in (by_name, named, free):
        if group and len({round(f.value, 6) for f in group}) == 1:
            return group[0]
    if free:
        return None
    dated = _dated_span(text) or _start_and_end(text) or _spans_of_months_or_quarters(text)
    if dated is not None:  # "from January 2027 till end of 2029": 36 months
        return dated
    end = _END_OF_YEAR.search(text)
    if end is not None:  # "by the end of year two": two years from now
        years = int(end.group(1)) if end.group(1).isdigit() else UNIT_WORDS.get(end.group(1).lower(), 0)
        if 1 <= years <= 50:
            return Figure(value=12.0 * years, unit="duration", span=end.span(), text=end.group(0).strip(), index=-1)
    spans = [f.span for f in figures]
    for words in _ONE_YEAR.finditer(text):  # not the period of an amount: "maintenance 6.000 for year"
        if not any(a <= words.start() < b or a < words.end() <= b for a, b in spans):
            # a figure of its own, outside the message's list (index -1): 12 months
            return Figure(value=12.0, unit="duration", span=words.span(), text=words.group(0).strip(), index=-1)
    return None


_HORIZON_NAMED = re.compile(r"\b(?:over|across|within|during|for)\s+(?:the|our|its|this|that|their)\s+((?:[a-z]+\s+)?[a-z]+)\b"
                            r"(?!\s*(?:of|\d))", re.IGNORECASE)
_NOT_NAMES = {"whole", "full", "entire", "same", "next", "first", "last", "period", "time", "years", "months", "year",
              "month", "project", "tool", "app", "system", "cost", "costs", "total"}
def named_durations(durations: list[Figure], text: str) -> list[Figure]:
    """The durations the message's horizon phrase names by their label: "over the initial term"
    where a line reads "Initial Term: 36 months" (not "renewing for successive 12-month periods")."""
    called = {w.lower() for m in _HORIZON_NAMED.finditer(text) for w in m.group(1).split()} - _NOT_NAMES
    return [f for f in durations if called & set(f.before[-3:])]


_END_OF_YEAR = re.compile(rf"\b(?:until|till|to|by|through|at)\s+(?:the\s+)?end\s+of\s+(?:year|yr)\s+(\d{{1,2}}|{'|'.join(UNIT_WORDS)})\b",
                          re.IGNORECASE)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATED_SPAN = re.compile(
    r"\b(?:from|between)\s+(?:the\s+)?(?:(?:start|beginning)\s+of\s+)?(?:(?P<m1>[a-z]{3})[a-z]*\.?\s+)?(?P<y1>20\d\d)\s+"
    r"(?:till|until|to|through|thru|and)\s+(?:the\s+)?(?P<end>end\s+of\s+)?(?:(?P<m2>[a-z]{3})[a-z]*\.?\s+)?(?P<y2>20\d\d)\b",
    re.IGNORECASE)


# A start date and an end date said apart: "go-live 1 Jan 2027, … the contract ends 31 March 2029".
_DATE = r"(?:(?P<d{n}>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<m{n}>[a-z]{{3}})[a-z]*\.?,?\s+(?P<y{n}>20\d\d)\b"
_STARTS_ENDS = re.compile(
    r"\b(?:go[- ]?live|goes\s+live|going\s+live|starts?|starting|start\s+date|begins?|beginning|launch(?:es)?|"
    r"kick[- ]?off|from)\s*(?:is\s+|on\s+|date\s+)?[:=]?\s*" + _DATE.format(n=1)
    + r"[^\n]{0,120}?\b(?:ends?|ending|end\s+date|expires?|until|till|runs?\s+(?:to|until|through)|through|to)\s*"
      r"(?:is\s+|on\s+)?[:=]?\s*" + _DATE.format(n=2), re.IGNORECASE)


def _start_and_end(text: str) -> Figure | None:
    """The months from a start date to an end date said apart, counted in whole months: the start
    on a month's first day (or no day), the end on its last days (or no day); else None."""
    match = _STARTS_ENDS.search(text)
    if not match:
        return None
    m1, m2 = match.group("m1").lower(), match.group("m2").lower()
    if m1 not in _MONTH_NAMES or m2 not in _MONTH_NAMES:
        return None
    d1, d2 = (int(match.group(k)) if match.group(k) else None for k in ("d1", "d2"))
    if d1 not in (None, 1) or d2 is not None and d2 < 28:
        return None  # "15 March to 14 June": not whole months, asked
    months = int(match.group("y2")) * 12 + _MONTH_NAMES.index(m2) - int(match.group("y1")) * 12 - _MONTH_NAMES.index(m1) + 1
    if not 1 <= months <= 600:
        return None
    return Figure(value=float(months), unit="duration", span=match.span(), text=match.group(0), index=-1)


_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# A span of months with the year said once, at its end: "from March to November 2027" (9 months),
# "between October and March 2028" (October 2027 to March 2028).
_MONTHS_SPAN = re.compile(rf"\b(?:from|between)\s+(?P<m1>{_MONTH})\s+(?:till|until|to|through|thru|and)\s+"
                          rf"(?:the\s+end\s+of\s+)?(?P<m2>{_MONTH})\s+(?P<y2>20\d\d)\b", re.IGNORECASE)
# A span of quarters: "Q2 2027 through Q1 2028", "from Q3/2026 to Q2/2027" (whole quarters, both ends in).
_QUARTERS_SPAN = re.compile(r"\bQ(?P<q1>[1-4])[\s/'-]*(?P<y1>20\d\d)\s*(?:till|until|to|through|thru|[-–])\s*"
                            r"(?:the\s+end\s+of\s+)?Q(?P<q2>[1-4])[\s/'-]*(?P<y2>20\d\d)\b", re.IGNORECASE)


def _spans_of_months_or_quarters(text: str) -> Figure | None:
    """The months of a span of months whose year is said once, or of a span of quarters."""
    match = _MONTHS_SPAN.search(text)
    if match:
        m1, m2 = (_MONTH_NAMES.index(match.group(k)[:3].lower()) for k in ("m1", "m2"))
        months = m2 - m1 + 1 if m2 >= m1 else m2 + 12 - m1 + 1  # "October to March 2028": across the new year
    else:
        match = _QUARTERS_SPAN.search(text)
        if not match:
            return None
        first = int(match.group("y1")) * 4 + int(match.group("q1"))
        months = (int(match.group("y2")) * 4 + int(match.group("q2")) - first + 1) * 3
    if not 1 <= months <= 600:
        return None
    return Figure(value=float(months), unit="duration", span=match.span(), text=match.group(0), index=-1)


def _dated_span(text: str) -> Figure | None:
    """The length of a span written as dates ("from January 2027 till end of 2029"), in months, when
    its ends are plain: a start month or year's start, an end month or a year's end. "2027 to 2029"
    alone (two years or three?) is no horizon."""
    match = _DATED_SPAN.search(text)
    if not match:
        return None
    m1, m2 = (match.group(k).lower() if match.group(k) else None for k in ("m1", "m2"))
    if (m1 and m1 not in _MONTH_NAMES) or (m2 and m2 not in _MONTH_NAMES) or not (match.group("end") or m2):
        return None
    start = int(match.group("y1")) * 12 + (_MONTH_NAMES.index(m1) if m1 else 0)
    end = int(match.group("y2")) * 12 + (_MONTH_NAMES.index(m2) if m2 else 11)
    months = end - start + 1
    if not 1 <= months <= 600:
        return None
    return Figure(value=float(months), unit="duration", span=match.span(), text=match.group(0), index=-1)


def bare_share(spec: ToolSpec, spec_field: FieldSpec, fig: Figure) -> None:
    """Asks about a rate written without its "%" beside amounts ("discount rate r = 8"): 8% to one
    reader, 800% to another. Scores on a 1-10 scale (ICE confidence) have no amounts beside them."""
    if spec_field.unit == "fraction" and fig.unit == "count" and 1 < abs(fig.value) <= 100 \
            and any(f.unit == "money" for f in spec.fields):
        raise needs_asking(f"Is {fig.show()} for the {spec_field.name.replace('_', ' ')} a percentage ({fmt(fig.value)}%)?",
                   [f"{fmt(fig.value)}%", "no"])


def normalise(fig: Figure, spec_field: FieldSpec, horizon: Figure | None) -> tuple[float, str]:
    """The figure's value in the unit and period the field wants, and a note saying how."""
    if fig.is_range:
        low, high = fig.value, fig.high or fig.value
        said = fig.show() if re.search(r"[-–]|\bto\b|\bor\b", fig.show()) else f"{fmt(low)} to {fmt(high)}"  # worked out
        raise needs_asking(
            f"You gave a range, {said}, for the {spec_field.name.replace('_', ' ')}: which single value should I use?",
            [fmt(low), fmt((low + high) / 2), fmt(high)])
    value, note = fig.value, ""
    if spec_field.unit == "fraction" and fig.unit == "percent":
        return round(value / 100, 12), ""  # 3.6% → 0.036, not 0.036000000000000004
    if spec_field.unit == "percent" and fig.unit == "count":
        return round(value * 100, 12), f"; {fmt(value)} = {fmt(value * 100)}%"  # "cr 0.035"
    if spec_field.unit == "duration":
        return (value / MONTHS_IN[spec_field.period or "month"], "") if fig.unit == "duration" else (value, "")
    if spec_field.unit not in {"money", "count"}:
        return value, note
    want, have = spec_field.period, fig.period
    if value == 0:
        return 0.0, ""  # "platform fee, 0": nothing, whatever its period
    if want and have and want != have:
        factor = MONTHS_IN[want] / MONTHS_IN[have]
        return value * factor, f"; per {have} × {fmt(factor)} = {fmt(value * factor)} per {want}"
    if want and not have:
        raise needs_asking(
            f"Is {fig.show()} per month, per year, or a one-off amount?", ["per month", "per year", "one-off"])
    if have and not want:
        if spec_field.per_period:
            return value, f"; per {have}"
        if horizon is not None:
            periods = horizon.value / MONTHS_IN[have]
            return value * periods, f"; {fmt(periods)} {have}s ({horizon.show()}) = {fmt(value * periods)}"
        if have == "year":
            return value, "; counted for one year"
        raise needs_asking(
            f"Over how long should I count {fig.show()}? For example 12, 24 or 36 months.",
            ["12 months", "24 months", "36 months"])
    return value, note


def one_year_guess(spec: ToolSpec, figures: list[Figure], roles: dict[int, str], horizon: Figure | None) -> None:
    """A yearly amount beside a one-off one in a calculation of totals ("setup 20k, licence 5k a year,
    saves 15k a year"), with no length of time said: counting one year would be a guess that decides
    the result, so the horizon is asked. Where every amount is yearly the ratio is the same for any
    length, and one year is counted."""
    if horizon is not None or spec.records:
        return
    totals = {name for name in set(roles.values()) if spec.field(name).unit == "money" and spec.field(name).period is None
              and not spec.field(name).per_period and not spec.field(name).sequence}
    amounts = [figures[i] for i, name in roles.items() if name in totals and figures[i].value != 0]
    yearly = [f for f in amounts if f.period == "year"]
    if yearly and any(f.period is None for f in amounts):
        raise needs_asking(f"Over how long should I count {yearly[0].show()}? For example 1, 2 or 3 years.",
                   ["12 months", "24 months", "36 months"])


# ---- planning from figures whose roles are already decided (a conversation's state) -------------

def horizon_in(figures: list[Figure], taken: set[int], text: str = "") -> Figure | None:
    """The duration a calculation of these figures runs over, found as one message's is (index -1:
    "a year" in words, a figure of its own)."""
    return find_horizon(figures, taken, text)
