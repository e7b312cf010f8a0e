"""Every value of a text, for the grounding checker: the numbers of an answer or a course passage,
as written (no units, no periods, durations not converted), list markers and citations skipped.
Messages are read by knowledge/figures.py, which this shares its pieces of a number with.
"""

from __future__ import annotations

import re

from knowledge.figures import MULTIPLIER_WORDS, NUMBER, SCALES, TENS_WORDS, UNIT_WORDS, number_value
from knowledge.text import CITATION_RE

# The checker compares the numbers of an answer with those of its sources: values only, as
# written (no units, no periods, durations not converted), list markers and citations skipped.

# Number words compared like digits ("ten weeks" == "10 weeks"). "one", "once", "half" are left
# out on purpose: they are far more often pronouns or idioms ("one of the key...") than counts.
VALUE_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
_NUM_RE = re.compile(
    r"(?<![\w.])(?P<sign>[-\u2212])?(?P<cur>[$\u20ac\u00a3])?"
    rf"(?P<num>{NUMBER})"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|mm|[kKmMbBtT])(?![A-Za-z]))?"
)
_LIST_MARKER_RE = re.compile(r"^\s*\d{1,3}[.)]\s+", re.MULTILINE)
# Numbers that name a place in the course, not a quantity: "Lesson 6.2", "Module 6".
_REF_NUMBER_RE = re.compile(
    r"\b(?:lesson|module|section|chapter|step|figure|table)\s+\d+(?:\.\d+)*", re.IGNORECASE
)
_WORD_NUM_RE = re.compile(
    # a unit after a ten ("twenty-five") and a multiplier ("five thousand") belong to the number
    r"\b(?:(" + "|".join(TENS_WORDS) + r")[\s-](" + "|".join(w for w in UNIT_WORDS if w != "zero")
    + r")|(" + "|".join(VALUE_WORDS) + r"))\b(?:\s+(hundred|thousand|million|billion)\b)?",
    re.IGNORECASE,
)
_WORD_SCALES = {"hundred": 100.0, **MULTIPLIER_WORDS}


def _word_value(match: re.Match[str]) -> float:
    """ "five thousand" -> 5000, "twenty-five" -> 25, "ten" -> 10."""
    if match.group(1):
        value = float(TENS_WORDS[match.group(1).lower()] + UNIT_WORDS[match.group(2).lower()])
    else:
        value = float(VALUE_WORDS[match.group(3).lower()])
    return value * _WORD_SCALES[match.group(4).lower()] if match.group(4) else value


def _is_scale(match: re.Match[str]) -> bool:
    """Whether the letters after a number multiply it: "1.2k", "$3m", "2 million" — not "5 m"."""
    scale = match.group("scale")
    if not scale:
        return False
    attached = match.start("scale") == match.end("num")
    return len(scale) > 1 or scale in "kK" or bool(match.group("cur")) or attached


def extract_numbers(text: str, *, words: bool = False, references: bool = False) -> list[float]:
    """Numeric values in ``text``, in order.

    "15%" -> 15, "$1,200" -> 1200, "1.2k" -> 1200, "3-6 months" -> 3, 6, "-4.5" -> -4.5.
    List markers ("1. "), citation markers ("[2]") and, unless ``references``, course locators
    ("Lesson 6.2") are ignored. With ``words``, number words count too ("ten weeks" -> 10).
    """
    text = CITATION_RE.sub(" ", text)
    text = _LIST_MARKER_RE.sub(" ", text)
    if not references:
        text = _REF_NUMBER_RE.sub(" ", text)
    values: list[tuple[int, float]] = []
    for match in _NUM_RE.finditer(text):
        value = number_value(match.group("num"))
        if _is_scale(match):
            value *= SCALES[match.group("scale").lower()]
        sign = match.group("sign")
        if sign:
            prev = text[: match.start()].rstrip()
            # "3 - 6" is a range, not 3 and -6 ("3-6" never captures a sign); "of -5%" is negative.
            if not prev or not prev[-1].isdigit():
                value = -value
        values.append((match.start(), value))
    if words:
        values.extend(
            (m.start(), _word_value(m)) for m in _WORD_NUM_RE.finditer(text)
        )
    return [v for _, v in sorted(values, key=lambda item: item[0])]
