"""Quantities as a rule and a learner write them: a number (or a range), its unit of measure and
the words that say what it counts ("20 m² of heavy clay", "3 pickers", "$0.70 per order").

The house figure reader (knowledge.figures) reads money, shares and periods for the business
calculators; a rule of any module also measures areas, weights, volumes and counts of things,
so this reader keeps the unit and the counted noun next to each number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from knowledge.figures import NUMBER, WORD_NUMBERS, number_value
from knowledge.text import STOPWORDS, stem

# Units of measure, general English and SI, each to one written form.
UNITS: dict[str, str] = {
    "m²": "m²", "m2": "m²", "sq m": "m²", "sqm": "m²", "square metres": "m²", "square meters": "m²",
    "square metre": "m²", "square meter": "m²", "mm": "mm", "cm": "cm", "km": "km", "m": "m",
    "kg": "kg", "g": "g", "grams": "g", "gram": "g", "kilos": "kg", "kilo": "kg", "ml": "ml",
    "l": "litres", "litres": "litres", "liters": "litres", "litre": "litres", "liter": "litres",
    "%": "%", "percent": "%", "per cent": "%", "h": "hours", "hrs": "hours", "hr": "hours",
    "hours": "hours", "hour": "hours", "minutes": "minutes", "minute": "minutes", "mins": "minutes",
    "min": "minutes", "days": "days", "day": "days", "weeks": "weeks", "week": "weeks",
    "months": "months", "month": "months", "years": "years", "year": "years",
}
# Units that are lengths of time: a rule's period ("per year") may name what it gives.
PERIODS = frozenset({"hours", "minutes", "days", "weeks", "months", "years"})
# A bigger unit a result is also written in ("8,000 g (8 kg)").
LARGER = {"g": ("kg", 1000.0), "ml": ("litres", 1000.0), "cm": ("m", 100.0), "minutes": ("hours", 60.0)}
_UNIT = "|".join(sorted((re.escape(u) for u in UNITS), key=len, reverse=True))
_WORD_NUMBER = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS if " " not in w), key=len, reverse=True))
VALUE = rf"(?:{NUMBER}|\b(?:{_WORD_NUMBER})\b)"
CURRENCY = "$€£¥₹"
QUANTITY = re.compile(
    rf"(?P<cur>[{CURRENCY}])?\s?(?<![\w.])(?P<num>{VALUE})(?![\w.]\d)"
    rf"(?:\s?(?:[–-]|to)\s?[{CURRENCY}]?(?P<high>{NUMBER}))?"
    rf"(?:\s?(?P<unit>{_UNIT})(?![\w²]))?",
    re.IGNORECASE,
)
_BREAK = re.compile(r"[.;:!?()\n,=×÷→]")
LABEL_WORDS = 3


def value_of(text: str) -> float:
    low = text.lower()
    return float(WORD_NUMBERS[low]) if low in WORD_NUMBERS else number_value(text)


def stems(text_or_words) -> set[str]:
    """The content stems of a phrase (or of a list of words), for matching labels."""
    items = re.findall(r"[a-z][a-z'-]*", text_or_words.lower()) if isinstance(text_or_words, str) else text_or_words
    return set(_stems(tuple(items)))


@lru_cache(maxsize=4096)
def _stems(items: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stem(w) for w in items if w not in STOPWORDS and len(w) > 1)


@dataclass
class Quantity:
    value: float
    unit: str = ""  # a unit of UNITS' written forms, "money", or "" for a count of things
    high: float | None = None
    label: list[str] = field(default_factory=list)  # words around it that say what it counts
    text: str = ""  # as written
    span: tuple[int, int] = (0, 0)
    worded: bool = False  # written as a word ("one", "two")
    derived: bool = False  # computed by a rule, labelled with the rule's own name for it

    @property
    def stems(self) -> set[str]:
        return stems(self.label)


def _label(text: str, start: int, end: int, previous_end: int) -> list[str]:
    """What a quantity counts: the words straight after it when a content word follows ("3
    pickers", "4 plots a year", "300 mm of rain"), else the words before it back to the last figure or break
    ("materials cost 6", "and labour 10")."""
    tail = re.split(_BREAK, text[end:], maxsplit=1)[0]
    tail = re.split(rf"[{CURRENCY}]?\d", tail, maxsplit=1)[0]  # up to the next figure
    after = re.findall(r"[a-z][a-z'-]*", tail.lower())[: LABEL_WORDS + 1]
    if after and after[0] == "of":  # "300 mm of rain", "20 m² of heavy clay"
        after = after[1:]
    if after and after[0] == "off" and re.search(r"%|percent", text[start:end], re.IGNORECASE):
        return ["discount", "off"]  # "15% off": a discount, in any shop's words
    if after and after[0] not in STOPWORDS:
        return [w for w in after if w not in STOPWORDS]
    before = re.split(_BREAK, text[previous_end:start])[-1]
    before_words = re.findall(r"[a-z][a-z'-]*", before.lower())[-LABEL_WORDS - 1:]
    return [w for w in before_words if w not in STOPWORDS]


def read_quantities(text: str) -> list[Quantity]:
    """Every quantity of ``text`` in order; numbers inside words or codes are skipped."""
    found: list[Quantity] = []
    previous_end = 0
    for match in QUANTITY.finditer(text):
        num = match.group("num")
        worded = not num[0].isdigit() and num[0] != "."
        unit = "money" if match.group("cur") else UNITS.get((match.group("unit") or "").lower(), "")
        if worded and num.lower() in {"one", "a"} and not unit:
            # "one" is as often a pronoun or article as a count; rules read it themselves
            continue
        high = number_value(match.group("high")) if match.group("high") else None
        found.append(Quantity(
            value=value_of(num), unit=unit, high=high, label=_label(text, match.start(), match.end(), previous_end),
            text=match.group(0).strip(), span=(match.start(), match.end()), worded=worded,
        ))
        previous_end = match.end()
    return found
