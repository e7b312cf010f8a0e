"""The order of steps: a claim that tells two steps of a process the other way round from its
source ("first pick the projects, then map them to the goals" for "map the goals to
capabilities, then identify the projects").

A sequence is written with a word that orders two stretches of a sentence: "A, then B", "A,
followed by B", "A before B" (A first) or "A after B" (B first). Each stretch is read as its
terms; a term both stretches of the source share says nothing about the order ("AI" on either
side). The claim swaps the steps when its first step shares more words with the source's second
step than with its first, and its second step more with the source's first than with its second.
"""

from __future__ import annotations

import re

from assistant.grounding.detectors import Finding
from assistant.grounding.evidence import Sentence
from assistant.grounding.lexicon import surface, terms

# The word that orders two stretches, and whether the stretch before it comes first.
_ORDER = re.compile(
    r"\b(?P<word>then|followed\s+by|before|after|afterwards|prior\s+to)\b", re.IGNORECASE
)
_BEFORE_FIRST = {"then", "followed by", "before", "afterwards", "prior to"}


def steps(text: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """(the first step's terms, the second step's terms) of the one ordering word in ``text``,
    or None where it orders nothing (no such word, two of them, or a side without terms)."""
    found = list(_ORDER.finditer(text))
    if len(found) != 1:
        return None
    m = found[0]
    before, after = frozenset(terms(text[: m.start()])), frozenset(terms(text[m.end():]))
    if not before or not after:
        return None
    word = re.sub(r"\s+", " ", m.group("word").lower())
    return (before, after) if word in _BEFORE_FIRST else (after, before)


def reversed_steps(claim: str, sentences: tuple[Sentence, ...]) -> Finding | None:
    """The claim's two steps in the opposite order of one source sentence's two steps."""
    said = steps(claim)
    if said is None:
        return None
    first, second = said
    for s in sentences:
        source = steps(s.text)
        if source is None:
            continue
        shared = source[0] & source[1]
        s_first, s_second = source[0] - shared, source[1] - shared
        # each step closer to the source's other step than to its own (the thing both steps
        # act on may be named on one side and a pronoun on the other: "soak the beans, then
        # simmer them")
        if not (
            len(first & s_second) > len(first & s_first)
            and len(second & s_first) > len(second & s_second)
        ):
            continue
        early, late = sorted(first & s_second)[0], sorted(second & s_first)[0]
        return Finding(
            f"the answer puts '{surface(early, claim)}' before '{surface(late, claim)}'; "
            "the source has them the other way round",
            s.text,
        )
    return None


__all__ = ["reversed_steps", "steps"]
