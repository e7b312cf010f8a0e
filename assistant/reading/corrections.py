"""Figures corrected at a distance: a later line or sentence that revises an earlier figure.

In a chat thread or a note written as one thinks, the correction is not next to the figure it
replaces: "effort I had at 4 person-months" … "[10:10] jo: actually dev says 3 person-months";
"net benefits 20k y1, 20k y2" … "y1 will be lower actually, 12k". The later figure replaces the
earlier one when its own sentence says it revises something (a correction word: actually,
correction, update, wait, sorry, I mean, make that) and exactly one earlier figure of the same
kind names the same thing: the same period number ("y1"), the same unit word ("person-months"),
or a label word its sentence repeats ("licence"). With no such figure, or several, nothing is
replaced: the figures are read as they stand (and a conflict is asked about there).

Corrections next to the figure ("3k, no wait, 4k") are read in assistant/reading/revisions.py.
"""

from __future__ import annotations

import re

from knowledge.figures import Figure
from knowledge.text import STOPWORDS

_MARK = re.compile(r"\b(?:actually|correction|corrected|update|updated|edit|edited|revised|revise|scratch that|wait|sorry|"
                   r"i mean|i meant|make (?:that|it)|on second thought)\b", re.IGNORECASE)
_BREAK = re.compile(r"\n|[.;!?](?=\s|$)")
_SPEAKER = re.compile(r"^\s*(?:\[[^\]\n]{1,20}\]\s*)?(?:[A-Za-z][\w .'-]{0,30}:\s)?")  # "[10:10] jo: "
_PERIOD_MARK = re.compile(r"\b(?:y|yr|year|q|qtr|quarter|m|month|t)\s?[-=]?\s?(\d{1,2})\b", re.IGNORECASE)
_FILLER = {"the", "a", "an", "is", "was", "be", "will", "would", "at", "of", "for", "to", "in", "on", "it", "that",
           "this", "and", "but", "so", "i", "we", "our", "my", "had", "have", "has", "says", "said", "now", "more",
           "less", "lower", "higher", "like", "about", "around", "more", "just", "then", "than", "be", "are", "were"}


def _sentence(text: str, fig: Figure) -> tuple[int, int]:
    start = max((m.end() for m in _BREAK.finditer(text, 0, fig.span[0])), default=0)
    end = next((m.start() for m in _BREAK.finditer(text, fig.span[1])), len(text))
    speaker = _SPEAKER.match(text, start)
    return (speaker.end() if speaker and speaker.end() <= fig.span[0] else start), end


def _unit_word(fig: Figure) -> str:
    word = re.sub(r"[\d.,'\s]+", " ", fig.text).strip().lower()
    return word if re.fullmatch(r"[a-z][a-z-]{2,}", word) else ""


def _period_of(text: str, fig: Figure) -> int | None:
    """The period number a figure is given for: read with it, or written right after it ("20k y1")."""
    if fig.period_index is not None:
        return fig.period_index
    mark = re.match(r"\s*(?:in\s+|for\s+)?" + _PERIOD_MARK.pattern, text[fig.span[1] : fig.span[1] + 16], re.IGNORECASE)
    return int(mark.group(1)) if mark else None


def _names_same(text: str, old: Figure, new: Figure, words: set[str], period: int | None) -> bool:
    if period is not None:
        return _period_of(text, old) == period
    unit = _unit_word(new)
    if unit and unit == _unit_word(old):
        return True
    label = {w for w in old.before[-3:] + old.after[:2] if w not in _FILLER and len(w) > 2}
    # a label said again shortened ("the subscription is 250" … "sub went up to 300") or in another
    # form of its word ("saved ~7.5k" … "saving is 7,200")
    return bool(label & words) or any(len(w) >= 3 and len(w) + 3 <= len(name) and name.startswith(w)
                                      and w not in STOPWORDS for w in words for name in label) or bool(
        {_root(w) for w in label} & {_root(w) for w in words if w not in STOPWORDS} - {""})


def _root(word: str) -> str:
    """A word without its inflection ("savings", "saving", "saved", "saves" → "sav"); "" when too short."""
    root = word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
    root = re.sub(r"(?:ing|ed|e)$", "", root) if len(root) > 3 else root
    return root if len(root) >= 3 else ""


def at_a_distance(text: str, figures: list[Figure], same_kind) -> dict[int, int]:
    """old figure index → the index of the later figure that revises it (see the module's text)."""
    out: dict[int, int] = {}
    for new in figures:
        start, end = _sentence(text, new)
        if not _MARK.search(text, start, end):
            continue
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'-]*", text[start:end])} - _FILLER
        mark = _PERIOD_MARK.search(text, start, new.span[0])
        period = int(mark.group(1)) if mark else None
        candidates = [old for old in figures if old.index < new.index and old.span[1] <= start and old.index not in out
                      and same_kind(old, new) and _names_same(text, old, new, words, period)]
        if len(candidates) == 1:
            out[candidates[0].index] = new.index
    return out
