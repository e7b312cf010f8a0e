"""Numbers a text states without writing them as figures: list counts, frequencies, fractions.

A faithful answer may count what its source lists ("three tiers" for "detailed, functional and
high-level"), turn a frequency into a period ("every twelve months" for "annually") or a share
into a ratio ("one in four" for "25%"). The hard number check accepts these as given by the
source; any other number a source does not give still fails it.

Where a number sits decides what may back it: a number that measures something ("three
years", "10%", "$5") must be a figure or a frequency of the source, not the size of one of its
lists ("three goals" for a list of three is a count; "in three years" for a list of three is not).
Periods ("every three months", "last quarter", "annually") are read as lengths of time, so a
paraphrase may write a period in other words while a changed period ("last quarter" for "last
month") is a number error.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.text import extract_numbers, words

# General English frequency and fraction words -> the numbers they imply.
_IMPLIED: dict[str, tuple[float, ...]] = {
    "annual": (1, 12, 52, 365),
    "annually": (1, 12, 52, 365),
    "yearly": (1, 12, 52, 365),
    "biannual": (2, 6),
    "biannually": (2, 6),
    "semiannual": (2, 6),
    "semiannually": (2, 6),
    "quarterly": (3, 4, 13),
    "quarter": (3, 4, 25),
    "quarters": (3, 4, 25, 75),
    "monthly": (1, 4, 12, 30),
    "weekly": (1, 7, 52),
    "fortnightly": (2, 14, 26),
    "daily": (1, 7, 24, 365),
    "hourly": (1, 24, 60),
    "half": (2, 50, 0.5),
    "halves": (2, 50),
    "third": (3, 33, 33.3, 33.33),
    "thirds": (3, 66, 67, 66.7),
    "once": (1,),
    "twice": (2,),
    "double": (2,),
    "doubles": (2,),
    "doubled": (2,),
    "triple": (3,),
    "tripled": (3,),
    "dozen": (12,),
    "pair": (2,),
    "both": (2,),
}
# Where a list starts: a parenthesis, a colon, or "include / such as / like / namely".
_LIST_OPENERS = re.compile(
    r"\(([^()]*)\)|:\s*([^:]*)$|\b(?:includ\w*|such as|namely)\s+(.*)$", re.IGNORECASE
)
_ITEM_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+(?=[^,]*$)")


def _counts(segment: str) -> set[float]:
    """How many members a list of ``segment`` has, counted with and without its final "and"."""
    out: set[float] = set()
    commas = [p for p in re.split(r"\s*,\s*", segment) if p.strip()]
    joined = [p for p in _ITEM_SPLIT.split(segment) if p and p.strip()]
    for n in (len(commas), len(joined)):
        if 2 <= n <= 12:
            out.add(float(n))
    return out


@lru_cache(maxsize=8192)
def implied_numbers(text: str, counts: bool = True) -> tuple[float, ...]:
    """Numbers ``text`` implies: its lists' member counts (unless ``counts`` is False),
    frequency and fraction words, and the "one in N" of a percentage."""
    out: set[float] = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text) if counts else ():
        if "," in sentence or " and " in sentence or " or " in sentence:
            for match in _LIST_OPENERS.finditer(sentence):
                for group in match.groups():
                    if group:
                        out |= _counts(group)
    for word in words(text):
        out.update(float(v) for v in _IMPLIED.get(word.lower(), ()))
    for value in extract_numbers(text, words=True):
        if 0 < value <= 50 and 100 / value == int(100 / value):
            out.add(100 / value)  # 25% -> one in 4
    return tuple(sorted(out))


# --- where a number sits: measures and periods ------------------------------------------------

# Units of time, in days. "quarter" is a period only after a number or a period word ("every
# quarter", "last quarter"), never after an article ("a quarter of customers" is a fraction).
_TIME_UNITS: dict[str, float] = {
    "hour": 1 / 24, "day": 1, "week": 7, "fortnight": 14, "month": 30.4, "quarter": 91.3,
    "year": 365, "decade": 3652,
}
_PERIOD_ADVERBS: dict[str, float] = {
    "hourly": 1 / 24, "daily": 1, "weekly": 7, "fortnightly": 14, "monthly": 30.4,
    "quarterly": 91.3, "annually": 365, "annual": 365, "yearly": 365,
    "biannually": 182.5, "biannual": 182.5, "semiannually": 182.5, "semiannual": 182.5,
}
# Words before a unit of time that make it a period of its own ("every week", "last month",
# "once a year"); "a"/"an" only for units that are no fraction.
_PERIOD_OPENERS = frozenset({"every", "each", "per", "last", "next", "this", "past", "a", "an"})
# Words after a number that make it a measure (a quantity of something), not a count of members.
_TIMES = {"once": 1.0, "twice": 2.0, "thrice": 3.0}
_MEASURE_AFTER = frozenset({"percent", "per", "%", "times", "x"})
_RANGE_JOINERS = frozenset({"to", "-", "\u2013", "or", "and"})
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*%?|[A-Za-z]+(?:'[a-z]+)?|[%$\u20ac\u00a3\u2013-]")


def _unit(word: str) -> str | None:
    w = word.lower()
    w = w[:-1] if w.endswith("s") and w[:-1] in _TIME_UNITS else w
    return w if w in _TIME_UNITS else None


def _value(token: str) -> float | None:
    found = extract_numbers(token, words=True)
    return found[0] if len(found) == 1 else None


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.replace("\u2019", "'"))


@lru_cache(maxsize=8192)
def periods(text: str) -> tuple[float, ...]:
    """The lengths of time ``text`` states as periods, in days: "every three months" -> 91.2,
    "once a year" / "annually" -> 365, "3-6 months" -> 91.2 and 182.4, "last quarter" -> 91.3.
    A unit with no number and no period word before it ("over time", "day one") states none."""
    out: list[float] = []
    tokens = _tokens(text)
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in _PERIOD_ADVERBS:
            out.append(_PERIOD_ADVERBS[low])
            continue
        unit = _unit(token)
        if unit is None or i == 0:
            continue
        before = tokens[i - 1].lower()
        value = _value(tokens[i - 1])
        if value is not None:
            out.append(value * _TIME_UNITS[unit])
            # a range: "3-6 months", "two to four weeks"
            if i >= 3 and tokens[i - 2].lower() in _RANGE_JOINERS and (
                (low_end := _value(tokens[i - 3])) is not None
            ):
                out.append(low_end * _TIME_UNITS[unit])
        elif before in _PERIOD_OPENERS and not (before in ("a", "an") and unit == "quarter"):
            # "twice a year" is every half year, "three times a week" every 7/3 days
            times = tokens[i - 2].lower() if i >= 2 else ""
            count = _TIMES.get(times) or (
                _value(tokens[i - 3]) if times == "times" and i >= 3 else None
            )
            out.append(_TIME_UNITS[unit] / (count or 1))
    return tuple(round(p, 1) for p in out)


def same_period(a: float, b: float) -> bool:
    """Two lengths of time within a tenth of each other ("twelve months" = "a year")."""
    return abs(a - b) <= 0.1 * max(a, b)


@lru_cache(maxsize=8192)
def measures(text: str) -> tuple[float, ...]:
    """The numbers of ``text`` that measure something rather than count members: followed by
    a unit of time, "percent" / "%" / "per" / "times", or written with a currency sign."""
    out: list[float] = []
    tokens = _tokens(text)
    for i, token in enumerate(tokens):
        value = _value(token)
        if value is None:
            continue
        after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
        if (
            token.endswith("%") or after in _MEASURE_AFTER or _unit(after)
            or (i > 0 and tokens[i - 1] in ("$", "\u20ac", "\u00a3"))
            # the low end of a range of a measure ("3-6 months", "two to four weeks")
            or (after in _RANGE_JOINERS and i + 3 < len(tokens) and _value(tokens[i + 2])
                is not None and (_unit(tokens[i + 3]) or tokens[i + 3].lower() in _MEASURE_AFTER))
        ):
            out.append(value)
    return tuple(out)


def describe_period(days: float) -> str:
    """A length of time in the largest unit that fits it ("3 months", "1 year", "2 weeks")."""
    for unit in ("year", "month", "week", "day"):
        size = _TIME_UNITS[unit]
        if days >= size * 0.9:
            n = round(days / size, 1)
            shown = f"{n:g}"
            return f"{shown} {unit}" + ("" if shown == "1" else "s")
    return f"{days * 24:.3g} hours"


def period_conflict(claim: str, source: str) -> tuple[float, tuple[float, ...]] | None:
    """(the claim's period, the source's periods) when the claim states a length of time that
    none of the source's matches, while the source states some; None otherwise."""
    theirs = periods(source)
    if not theirs:
        return None
    for mine in periods(claim):
        if not any(same_period(mine, p) for p in theirs):
            return mine, theirs
    return None
