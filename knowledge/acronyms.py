"""Acronyms a text uses and whether it spells them out ("Return on Investment" for ROI, or
"Explainable AI (XAI)"): an acronym the course never spells out is one the advisor must not
guess the meaning of."""

from __future__ import annotations

import re

ACRONYM = re.compile(r"\b([A-Z][A-Z0-9]{1,7})(?:s)?\b")
CONNECTORS = frozenset({"of", "and", "the", "in", "for", "to", "on", "&", "a", "with"})


def _initials_match(letters: str, words: list[str]) -> bool:
    """Whether consecutive ``words`` (connectors may be skipped) start with ``letters``."""
    for start in range(len(words)):
        if not words[start] or words[start][0].lower() != letters[0]:
            continue
        index, position = 1, start + 1
        while index < len(letters) and position < len(words):
            word = words[position]
            if word and word[0].lower() == letters[index]:
                index += 1
            elif word.lower() not in CONNECTORS:
                break
            position += 1
        if index == len(letters):
            return True
    return False


def spelled_out(acronym: str, text: str) -> bool:
    """Does ``text`` spell the acronym out (its letters as word initials, e.g. "Return on
    Investment" for ROI) or pair it with a name ("Explainable AI (XAI)")?"""
    letters = acronym.lower().rstrip("s") if len(acronym) > 2 and acronym.endswith("s") else acronym.lower()
    core = re.escape(acronym.rstrip("s") if acronym.endswith("s") and len(acronym) > 2 else acronym)
    if re.search(rf"[A-Za-z][\w-]*\s*\(\s*{core}s?\s*\)", text):
        return True
    if re.search(rf"\b{core}s?\s*\(\s*[A-Z][\w-]*(?:[ ,/&-]+[A-Za-z][\w-]*)+\s*\)", text):
        return True
    return _initials_match(letters, re.split(r"[^A-Za-z0-9&]+", text))


def undefined_acronyms(texts: list[str]) -> list[str]:
    """Acronyms used in ``texts`` that no text spells out."""
    corpus = "\n".join(texts)
    used = {match.group(1) for match in ACRONYM.finditer(corpus)}
    return sorted(a for a in used if not spelled_out(a, corpus))

