"""Number reading and proper-noun terms for grounding; the sentence and word toolkit itself
lives in `knowledge.text` and is re-exported here for the layers above.
"""

from __future__ import annotations

import re

from knowledge.text import (
    ABBREVIATIONS,
    CITATION_RE,
    NEGATIONS,
    STOPWORDS,
    Segment,
    SegmentKind,
    content_words,
    segments,
    split_prose,
    split_sentences,
    stem,
    strip_markdown,
    tokenize,
    words,
)

__all__ = [
    "ABBREVIATIONS",
    "CITATION_RE",
    "NEGATIONS",
    "NUMBER_WORDS",
    "STOPWORDS",
    "Segment",
    "SegmentKind",
    "capitalised_terms",
    "content_words",
    "extract_numbers",
    "segments",
    "split_prose",
    "split_sentences",
    "stem",
    "strip_markdown",
    "tokenize",
    "words",
]


# --- Numbers --------------------------------------------------------------------------------

_SCALE = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mm": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
}
# Number words compared like digits ("ten weeks" == "10 weeks"). "one", "once", "half" are left
# out on purpose: they are far more often pronouns or idioms ("one of the key...") than counts.
NUMBER_WORDS = {
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
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion|bn|mn|mm|[kKmMbBtT])(?![A-Za-z]))?"
)
_LIST_MARKER_RE = re.compile(r"^\s*\d{1,3}[.)]\s+", re.MULTILINE)
# Numbers that name a place in the course, not a quantity: "Lesson 6.2", "Module 6".
_REF_NUMBER_RE = re.compile(
    r"\b(?:lesson|module|section|chapter|step|figure|table)\s+\d+(?:\.\d+)*", re.IGNORECASE
)
_WORD_NUM_RE = re.compile(r"\b(" + "|".join(NUMBER_WORDS) + r")\b", re.IGNORECASE)


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
        value = float(match.group("num").replace(",", ""))
        if _is_scale(match):
            value *= _SCALE[match.group("scale").lower()]
        sign = match.group("sign")
        if sign:
            prev = text[: match.start()].rstrip()
            # "3 - 6" is a range, not 3 and -6 ("3-6" never captures a sign); "of -5%" is negative.
            if not prev or not prev[-1].isdigit():
                value = -value
        values.append((match.start(), value))
    if words:
        values.extend(
            (m.start(), float(NUMBER_WORDS[m.group(1).lower()]))
            for m in _WORD_NUM_RE.finditer(text)
        )
    return [v for _, v in sorted(values, key=lambda item: item[0])]



# --- Proper-noun terms -------------------------------------------------------------------


def capitalised_terms(text: str) -> list[str]:
    """Proper-noun-like words: capitalised or acronym words not opening the sentence.

    The first word of a sentence counts only when the next word is capitalised too ("Lucy Liu"),
    because a sentence-initial capital says nothing on its own.
    """
    tokens = words(text)
    out: list[str] = []
    for i, token in enumerate(tokens):
        if not token[0].isupper() or token.lower() in STOPWORDS or token.lower() in NEGATIONS:
            continue
        if token.lower() in NUMBER_WORDS:
            continue
        if i == 0:
            nxt = tokens[1] if len(tokens) > 1 else ""
            if not (
                nxt[:1].isupper() or token.isupper() and len(token) > 1 or _is_mixed_case(token)
            ):
                continue
        out.append(token)
    return out


def _is_mixed_case(token: str) -> bool:
    return any(c.isupper() for c in token[1:]) and any(c.islower() for c in token)
