"""Numbers a text states without writing them as figures: list counts, frequencies, fractions.

A faithful answer may count what its source lists ("three tiers" for "detailed, functional and
high-level"), turn a frequency into a period ("every twelve months" for "annually") or a share
into a ratio ("one in four" for "25%"). The hard number check accepts these as given by the
source; any other number a source does not give still fails it.
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
def implied_numbers(text: str) -> tuple[float, ...]:
    """Numbers ``text`` implies: its lists' member counts, frequency and fraction words, and the
    "one in N" of a percentage."""
    out: set[float] = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
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
