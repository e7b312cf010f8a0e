"""Reversed comparisons: the claim puts on the winning side of "A over B" ("A rather than B",
"A instead of B", "A before B", "A is more X than B") what the source puts on the losing side.

A word-bag comparison of claim and source cannot see this: both name the same things ("a
phased rollout rather than a big bang" / "a big bang rather than a phased rollout"). What tells
them apart is which side of the connective each thing stands on. Each side is read as its terms
and its pairs of adjacent terms (a modifier with its head: "low impact" is not "high impact"
even where both sides say "low", "high" and "impact"); the claim reverses the source when its
sides hold more of what only the other side of the source holds than of what their own side
holds. A connective read the other way ("A after B", "A is less X than B") turns the sides
round, so a paraphrase that turns the sentence around is no reversal.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.grounding.detectors import Finding
from assistant.grounding.evidence import Sentence
from assistant.grounding.lexicon import raw_words, surface, terms
from assistant.text import extract_numbers

# Connectives that rank or order two things, each with its direction: +1 "the left side wins
# (or comes first)", -1 the reverse. Only connectives of one group are compared with each other.
_CONNECTIVES: dict[str, tuple[str, int]] = {
    "over": ("prefer", 1),
    "rather than": ("prefer", 1),
    "instead of": ("prefer", 1),
    "in favour of": ("prefer", 1),
    "in favor of": ("prefer", 1),
    "ahead of": ("prefer", 1),
    "before": ("order", 1),
    "prior to": ("order", 1),
    "after": ("order", -1),
    "than": ("compare", 1),
}
_PATTERN = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _CONNECTIVES), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
# A comparative that lowers ("less compelling than", "fewer", "lower") reads "than" the other way.
_LOWERING = frozenset({"less", "fewer", "lower", "smaller", "worse", "slower", "weaker", "cheaper"})
# "over time", "over 12 months", "after a year": a span of time, not a second thing compared.
_TIME = frozenset({
    "time", "times", "day", "days", "week", "weeks", "month", "months", "quarter", "quarters",
    "year", "years", "period", "horizon", "launch", "deployment",
})
# Where the right side of the connective ends: the next clause ("..., even if the latter ...").
_RIGHT_END = re.compile(
    r"[,;:.!?()]|\s[-\u2013\u2014]\s|\b(?:if|when|because|since|so|which|while|whereas|but|"
    r"even|as|to|unless|although|though)\b",
    re.IGNORECASE,
)
# Where the left side starts: after the clause before it.
_LEFT_START = re.compile(r"[;:.!?]|\s[-\u2013\u2014]\s|\b(?:while|whereas|but)\b", re.IGNORECASE)

Side = tuple[frozenset[str], frozenset[tuple[str, str]]]


def _side(text: str) -> Side:
    said = terms(text)
    return frozenset(said), frozenset(zip(said, said[1:], strict=False))


@lru_cache(maxsize=16384)
def comparisons(text: str) -> tuple[tuple[str, int, Side, Side], ...]:
    """(group, direction, left side, right side) for each ranking connective of ``text``
    with terms on both sides (once per distinct text: a course sentence is read once)."""
    out = []
    for m in _PATTERN.finditer(text):
        word = m.group(1).lower()
        group, direction = _CONNECTIVES[" ".join(word.split())]
        right_text = text[m.end():]
        if end := _RIGHT_END.search(right_text):
            right_text = right_text[: end.start()]
        following = [w for w in raw_words(right_text) if w not in ("the", "a", "an")]
        if not following or following[0] in _TIME or extract_numbers(right_text):
            continue  # "over time", "more than 50%": a span or a figure, not a second thing
        left_text = text[: m.start()]
        starts = list(_LEFT_START.finditer(left_text))
        if starts:
            left_text = left_text[starts[-1].end():]
        if group == "compare" and _LOWERING & set(raw_words(left_text)[-3:]):
            direction = -direction
        left, right = _side(left_text), _side(right_text)
        if left[0] and right[0]:
            out.append((group, direction, left, right))
    return tuple(out)


def _crossing(
    claim: tuple[Side, Side], source: tuple[Side, Side]
) -> tuple[int, int, list[str]]:
    """(straight, crossed, the source's second thing's words the claim puts first).

    The things compared are what only one side of the source holds: crossed counts those the
    claim puts on the other side (the source's second thing on the claim's first side, its
    first thing on the claim's second side), straight the source's second thing kept second.
    The claim's first side also carries the sentence's subject and verb, which the source's
    first side shares, so keeping them there is no evidence either way. Single terms decide;
    pairs of adjacent terms where single terms say nothing (both sides say "low", "high" and
    "impact": "low impact" is not "high impact")."""
    (cl, cr), (sl, sr) = claim, source
    for k in (0, 1):
        own_l, own_r = sl[k] - sr[k], sr[k] - sl[k]
        straight = len(cr[k] & own_r)
        crossed = len(cl[k] & own_r) + len(cr[k] & own_l)
        if straight or crossed:
            moved = sorted(cl[k] & own_r)
            return straight, crossed, [t if k == 0 else " ".join(t) for t in moved]
    return 0, 0, []


def reversed_comparison(claim: str, sentences: tuple[Sentence, ...]) -> Finding | None:
    """The claim ranks or orders two things the other way round from a source sentence."""
    ours = comparisons(claim)
    if not ours:
        return None
    for s in sentences:
        for group, direction, left, right in comparisons(s.text):
            for c_group, c_direction, c_left, c_right in ours:
                if c_group != group:
                    continue
                sides = (c_left, c_right) if c_direction == direction else (c_right, c_left)
                straight, crossed, moved = _crossing(sides, (left, right))
                if crossed >= 2 and crossed > straight:
                    what = " ".join(surface(t, claim) for t in moved[0].split()) if moved else ""
                    return Finding(
                        f"the answer reverses the comparison: it puts '{what}' on the side "
                        "the source gives to the other thing" if what else
                        "the answer reverses the comparison the source makes",
                        s.text,
                    )
    return None


__all__ = ["comparisons", "reversed_comparison"]
