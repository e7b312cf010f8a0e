"""Figures of one input given as scenarios, and the scenario a message asks for.

People give an uncertain input once per future: "20k if all goes well (best), 25k expected, 35k
worst case", "they stay 4 years (good), 3 years (middle) or 2 years (bad)". Those are one input in
several futures, not parts to add up. When the rest of the message names one of them ("worst-case
TCO?", "give me the middle one"), that one is the input; otherwise the user is asked which.
General English for scenarios; nothing here names a calculator or a course.
"""

from __future__ import annotations

import re

from knowledge.figures import Figure

# A scenario's name, by the future it stands for. "good", "bad", "high", "low" name one only beside
# "case" or "scenario" or alone in brackets ("4 years (good)"): elsewhere they are ordinary words.
_KINDS = (
    ("best", r"best|optimistic(?:ally)?|upside|(?:good|high)(?=[- ]?(?:case|scenario)|\))"),
    ("base", r"base|baseline|expected|likely|realistic|middle|mid|central|moderate|medium(?=[- ]?(?:case|scenario)|\))"),
    ("worst", r"worst|pessimistic(?:ally)?|downside|(?:bad|low|conservative)(?=[- ]?(?:case|scenario)|\))"),
)
_KIND = re.compile("|".join(rf"(?P<{kind}>\b(?:{words})\b)" for kind, words in _KINDS), re.IGNORECASE)
# Where one scenario's clause ends: a comma, a semicolon, a line, a full stop, "or".
_SEPARATOR = re.compile(r"[,;\n]|\.(?!\d)|\bor\b|\bvs\.?|\bversus\b", re.IGNORECASE)


def _kinds(words: str) -> set[str]:
    return {match.lastgroup for match in _KIND.finditer(words)}


def _segment(text: str, fig: Figure, lower: int, upper: int) -> tuple[int, int]:
    """The clause of ``fig``: from the separator before it to the one after it, within the
    neighbouring figures' ends (``lower``, ``upper``)."""
    before = [m.end() for m in _SEPARATOR.finditer(text, lower, fig.span[0])]
    after = _SEPARATOR.search(text, fig.span[1], upper)
    return (before[-1] if before else lower), (after.start() if after else upper)


def _segments(text: str, parts: list[Figure]) -> list[tuple[int, int]]:
    ordered = sorted(parts, key=lambda p: p.span[0])
    spans = []
    for number, part in enumerate(ordered):
        lower = ordered[number - 1].span[1] if number else max(0, text.rfind("\n", 0, part.span[0]))
        upper = ordered[number + 1].span[0] if number + 1 < len(ordered) else len(text)
        spans.append(_segment(text, part, lower, upper))
    return spans


def scenario_kinds(text: str, parts: list[Figure]) -> dict[int, str] | None:
    """figure index → the scenario its own clause names, when every one of ``parts`` names one and
    no two the same; else None."""
    if len(parts) < 2:
        return None
    ordered = sorted(parts, key=lambda p: p.span[0])
    kinds = {}
    for part, (start, end) in zip(ordered, _segments(text, ordered)):
        named = _kinds(text[start:end])
        if len(named) != 1:
            return None
        kinds[part.index] = named.pop()
    return kinds if len(set(kinds.values())) == len(kinds) else None


def chosen_scenario(text: str, parts: list[Figure]) -> tuple[Figure, str] | None:
    """The one of ``parts`` (scenarios of one input) that the rest of the message asks for, and the
    word it was asked by: the words outside the scenarios' own clauses name exactly one of theirs."""
    kinds = scenario_kinds(text, parts)
    if kinds is None:
        return None
    outside = text
    for start, end in _segments(text, parts):
        outside = outside[:start] + " " * (end - start) + outside[end:]
    said = list(_KIND.finditer(outside))
    asked = {match.lastgroup for match in said}
    if len(asked) != 1 or not asked <= set(kinds.values()):
        return None
    kind = asked.pop()
    return next(p for p in parts if kinds[p.index] == kind), said[0].group(0).lower()
