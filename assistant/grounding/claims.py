"""What the checker compares on the answer side: which sentences are claims, their terms,
their clauses and the multi-word names they contain."""

from __future__ import annotations

from functools import lru_cache

import re

from assistant.grounding.lexicon import lexicon
from assistant.text import STOPWORDS, Segment, content_words, extract_numbers, stem, words

# Clause boundaries inside a claim ("A, while B"): each clause must stand in one sentence.
CLAUSES = re.compile(r"\s*(?:;|\bwhile\b|\bwhereas\b|\bbut\b)\s*")


# The unit of a number in words ("five percent" for "5%"): the number check judges it.
_NUMBER_UNITS = frozenset({"percent", "percents"})


def claim_terms(text: str) -> list[str]:
    """The claim's terms, minus words that frame a claim rather than make one, and minus number
    words ("five", "percent"): a number is judged by the number check, written as digits or in
    words alike."""
    lex = lexicon()
    out = []
    for word in content_words(lex.rewrite(text)):
        s = stem(word)
        if word.lower() in _NUMBER_UNITS or extract_numbers(word, words=True):
            continue
        if s not in lex.discourse:
            out.append(lex.canonical.get(s, s))
    return list(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    return " " + " ".join(w.lower() for w in words(text)) + " "


def name_groups(text: str) -> dict[str, frozenset[str]]:
    """Term -> the other terms of the multi-word name it belongs to ("Owen Wilson")."""
    lex = lexicon()
    out: dict[str, frozenset[str]] = {}
    run: list[str] = []
    for word in [*words(text), ""]:
        if word[:1].isupper() and word.lower() not in STOPWORDS:
            run.append(lex.term(word))
            continue
        if len(run) >= 2:
            for term in run:
                out[term] = frozenset(run) - {term}
        run = []
    return out


def is_claim(piece: Segment) -> bool:
    if piece.kind in ("heading", "label", "reference"):
        return False
    text = piece.text.strip()
    if text.endswith(":") and len(text.split()) <= 8:
        return False
    if text.endswith("?"):
        return False  # a question asserts nothing (e.g. a coaching prompt to the learner)
    return bool(content_words(text) or extract_numbers(text))
