"""Proper-noun terms for grounding; the sentence and word toolkit (`knowledge.text`) and the
number extraction the checker compares answers with (`knowledge.values.extract_numbers`) are
re-exported here for the layers above.
"""

from __future__ import annotations

from knowledge.values import VALUE_WORDS as NUMBER_WORDS
from knowledge.values import extract_numbers
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
