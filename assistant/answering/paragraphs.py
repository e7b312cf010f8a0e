"""A paragraph quoted without holes: sentences picked from one paragraph close together are
quoted with the sentences between them, as the stretch of the course's text they make.

The composer (compose.py) picks units one by one, by how well each answers the ask; the sentence
that links two picks often shares no word with the ask and is left out, so the answer reads as if
the course jumped. Nothing here knows a course: it works on any passage's own text.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TypeVar

from knowledge.chunking import Unit
from knowledge.text import split_prose

P = TypeVar("P")  # compose.Pick: a unit, the passage it comes from, its score

# The most sentences between two sentences picked from one paragraph that are quoted with them.
GAP_MOST = 2
# The longest stretch of a paragraph quoted as one unit that way.
STRETCH_MOST = 900


def _located(text: str, part: str) -> tuple[int, int] | None:
    """Where a unit's sentence stands in its passage (a trimmed sentence lost its connective and
    its first letter's case: found by the rest), or None."""
    start = text.find(part)
    if start < 0 and len(part) > 1:
        start = text.find(part[1:])
        start = start - 1 if start > 0 else -1
    return (start, start + len(part)) if start >= 0 else None


def with_gaps_filled(picks: list[P], said: frozenset[str] = frozenset()) -> list[P]:
    """Two sentences picked from one paragraph with one to ``GAP_MOST`` sentences between them are
    quoted as that stretch of the paragraph, the sentences between included, as one unit: those
    carry what links the two ("Not every trial will work. Making it safe to fail is what keeps
    people trying. Write down what went wrong."), and a paragraph quoted with a hole in it says
    less than the course does. The stretch is the course's text, verbatim; a stretch that holds a
    template slot, a question or an instruction planted in the text is left as picked, and so is
    one that holds a line of ``said`` (the previous answer's): a follow-up says what is new.
    Sentences picked side by side stay two picks (the better one may open the answer)."""
    from assistant.answering.compose import PLACEHOLDER
    from assistant.reading.intents import unsafe_sentence

    out = list(picks)
    merged = True
    while merged:
        merged = False
        spots = []
        for index, pick in enumerate(out):
            if pick.unit.kind != "sentence":
                continue
            where = _located(pick.passage["text"], pick.unit.parts[0])
            if where is not None:
                spots.append((pick.passage.get("chunk_id"), where, index))
        spots.sort(key=lambda spot: (str(spot[0]), spot[1]))
        for (key, (a_start, a_end), a), (other, (b_start, b_end), b) in zip(spots, spots[1:]):
            text = out[a].passage["text"]
            between = text[a_end:b_start]
            if key != other or b_start < a_end or "\n" in between or b_end - a_start > STRETCH_MOST:
                continue
            gap = [piece for piece in split_prose(between.strip()) if piece.strip()]
            stretch = text[a_start:b_end]
            if not 1 <= len(gap) <= GAP_MOST or "?" in between or PLACEHOLDER.search(stretch) or any(
                    unsafe_sentence(piece) for piece in gap) or any(line in stretch for line in said):
                continue
            stretch = stretch[:1].upper() + stretch[1:]  # a trimmed connective's sentence opens it
            joined = replace(out[a], unit=Unit((stretch,), "sentence"), score=max(out[a].score, out[b].score))
            first, second = min(a, b), max(a, b)  # the stretch takes the better pick's place
            out = [joined if i == first else pick for i, pick in enumerate(out) if i != second]
            merged = True
            break
    return out
