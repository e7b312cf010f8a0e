"""Parts for a long text that has no headings of its own (a lecture transcript without a chapter
list, a plain-text essay, a PDF without bold headings): it is split where its topic shifts, and
each part is named from its own words, marked as derived so it is never shown as the author's.

The split is TextTiling over paragraph embeddings (the index's own sentence model, no other): at
each gap between two paragraphs, the paragraphs on either side (a window of ``WINDOW``) are
averaged and compared; a gap whose similarity dips well below the peaks around it (its *depth*)
is where a new topic starts. A gap is taken only when the dip is deep both in itself
(``MIN_DEPTH``) and against the text's other gaps, and when both parts keep at least
``MIN_CHARS``; a part longer than ``MAX_CHARS`` is cut again at its own lowest gap. A text on one
topic has no deep dip, and stays whole.

A document with any structure of its own (two sections or more) is never touched.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Callable

from knowledge.text import content_words, stem
from knowledge.types import CourseDocument, Section

if TYPE_CHECKING:
    import numpy as np

Encode = Callable[[list[str]], "np.ndarray"]

WINDOW = 2  # paragraphs each side of a gap that are compared
MIN_DEPTH = 0.1  # how far below its neighbouring peaks a gap's similarity must dip
MAX_PART_SIMILARITY = 0.6  # two parts whose mean paragraphs are closer are one topic
MIN_CHARS = 500  # the shortest part a split may leave
MAX_CHARS = 6000  # a longer part is cut again at its lowest gap
MIN_PARAGRAPHS = 4
DERIVED = "Untitled part"  # how a derived title starts: never an author's heading


def derived_title(number: int, name: str) -> str:
    """The title of a part the reader did not name: its number and the words it is about."""
    return f"{DERIVED} {number}: {name}" if name else f"{DERIVED} {number}"


def is_derived(title: str) -> bool:
    return title.startswith(DERIVED + " ")


def _gap_similarities(vectors: "np.ndarray") -> list[float]:
    import numpy as np

    sims = []
    for gap in range(1, len(vectors)):
        left = vectors[max(0, gap - WINDOW):gap].mean(axis=0)
        right = vectors[gap:gap + WINDOW].mean(axis=0)
        denom = float(np.linalg.norm(left) * np.linalg.norm(right)) or 1.0
        sims.append(float(left @ right) / denom)
    return sims


def _depths(sims: list[float]) -> list[float]:
    """TextTiling's depth score: how far each gap lies below the highest similarity reached
    climbing left and climbing right from it."""
    depths = []
    for i, sim in enumerate(sims):
        left = sim
        for j in range(i - 1, -1, -1):
            if sims[j] < left:
                break
            left = sims[j]
        right = sim
        for j in range(i + 1, len(sims)):
            if sims[j] < right:
                break
            right = sims[j]
        depths.append((left - sim) + (right - sim))
    return depths


def _centroid_similarity(vectors: "np.ndarray", a: int, b: int, c: int) -> float:
    """Cosine of the mean paragraph of [a, b) with the mean paragraph of [b, c)."""
    import numpy as np

    left, right = vectors[a:b].mean(axis=0), vectors[b:c].mean(axis=0)
    return float(left @ right) / (float(np.linalg.norm(left) * np.linalg.norm(right)) or 1.0)


def _cohesion(vectors: "np.ndarray", edges: list[int]) -> float:
    """How close each paragraph lies to the mean of its part, summed."""
    import numpy as np

    total = 0.0
    for a, b in zip(edges, edges[1:]):
        centre = vectors[a:b].mean(axis=0)
        centre = centre / (float(np.linalg.norm(centre)) or 1.0)
        total += float((vectors[a:b] @ centre).sum())
    return total


def split_points(texts: list[str], encode: Encode, min_chars: int = MIN_CHARS,
                 max_chars: int = MAX_CHARS) -> list[int]:
    """Indexes of the paragraphs that open a new part (never 0), in order; [] for one topic."""
    sizes = [len(text) for text in texts]
    if len(texts) < MIN_PARAGRAPHS or sum(sizes) < 2 * min_chars:
        return []
    vectors = encode(texts)
    sims = _gap_similarities(vectors)
    depths = _depths(sims)
    cuts: list[int] = []

    def edges_with(at: int) -> list[int]:
        return sorted({0, *cuts, at, len(texts)})

    def fits(at: int) -> bool:
        edges = edges_with(at)
        return all(sum(sizes[a:b]) >= min_chars for a, b in zip(edges, edges[1:]))

    def apart(at: int) -> bool:  # the parts either side of the cut are about different things
        edges = edges_with(at)
        k = edges.index(at)
        return _centroid_similarity(vectors, edges[k - 1], at, edges[k + 1]) < MAX_PART_SIMILARITY

    def best_near(at: int) -> int:  # TextTiling's window blurs a boundary: settle it by cohesion
        near = [g for g in (at - 1, at, at + 1) if 0 < g < len(texts) and g not in cuts and fits(g)]
        return max(near, key=lambda g: _cohesion(vectors, edges_with(g)), default=at)

    for gap in sorted(range(len(depths)), key=lambda g: -depths[g]):
        if depths[gap] < MIN_DEPTH:
            break
        at = best_near(gap + 1)
        if at not in cuts and fits(at) and apart(at):
            cuts.append(at)
    changed = True
    while changed:  # a part still too long is cut at its lowest gap that leaves both halves whole
        changed = False
        edges = sorted({0, *cuts, len(texts)})
        for a, b in zip(edges, edges[1:]):
            if sum(sizes[a:b]) <= max_chars:
                continue
            inner = [g for g in range(a + 1, b) if fits(g)]
            if inner:
                cuts.append(min(inner, key=lambda g: sims[g - 1]))
                changed = True
                break
    return sorted(cuts)


_PHRASE = re.compile(r"[A-Za-z][A-Za-z'-]*")
_CLAUSE = re.compile(r"[.,;:!?()\[\]\"“”—–]")


def _phrases(text: str) -> list[str]:
    """Single content words and runs of two adjacent content words, lower-cased."""
    keep = set(content_words(text))
    out: list[str] = []
    for clause in _CLAUSE.split(text):  # a phrase never runs across punctuation
        tokens = [t.lower() for t in _PHRASE.findall(clause)]
        out += [t for t in tokens if t in keep and len(t) > 3]
        out += [f"{a} {b}" for a, b in zip(tokens, tokens[1:])
                if a in keep and b in keep and len(a) > 2 and len(b) > 2]
    return out


def _key(term: str) -> str:
    return " ".join(stem(word) for word in term.split())


def part_names(parts: list[str], most: int = 3) -> list[str]:
    """A short name for each part from its own words: the terms it uses most that the other
    parts use least (a two-word phrase weighs double; a term used once, or no more than in another part, does not count), in the order the part first uses them;
    "tyre" and "tyres" are one term, shown as the part writes it most."""
    surfaces = [Counter(_phrases(text)) for text in parts]
    counts = []
    for own in surfaces:
        keyed: Counter[str] = Counter()
        for term, n in own.items():
            keyed[_key(term)] += n
        counts.append(keyed)
    names = []
    for index, (text, own) in enumerate(zip(parts, counts)):
        others: Counter[str] = Counter()
        for j, other in enumerate(counts):
            if j != index:
                others.update(other)
        scored = {key: n * (2.0 if " " in key else 1.0) / (1.0 + others[key])
                  for key, n in own.items()  # a term used once, or as much elsewhere, names nothing
                  if n >= 2 and n > others[key] / max(1, len(parts) - 1)}
        chosen: list[str] = []
        for key in sorted(scored, key=lambda k: -scored[k]):
            if any(word in other.split() for other in chosen for word in key.split()):
                continue
            chosen.append(key)
            if len(chosen) == most:
                break
        shown = [max((t for t in surfaces[index] if _key(t) == key), key=lambda t: surfaces[index][t])
                 for key in chosen]
        low = text.lower()
        shown.sort(key=lambda t: low.find(t) if low.find(t) >= 0 else len(low))
        names.append(", ".join(shown))
    return names


def segment_document(document: CourseDocument, encode: Encode) -> CourseDocument:
    """``document`` with its one long section split into derived parts where its topic shifts;
    the document itself when it has sections of its own or no shift is found."""
    sections = [section for lesson in document.lessons for section in lesson.sections]
    if len(sections) != 1 or len(document.lessons) != 1:
        return document
    section = sections[0]
    blocks = section.blocks
    cuts = split_points([block.text for block in blocks], encode)
    if not cuts:
        return document
    edges = [0, *cuts, len(blocks)]
    groups = [blocks[a:b] for a, b in zip(edges, edges[1:])]
    names = part_names(["\n\n".join(block.text for block in group) for group in groups])
    parts = [Section(title=derived_title(number, name), level=max(section.level, 2),
                     start=section.start if number == 1 else group[0].start, blocks=group)
             for number, (group, name) in enumerate(zip(groups, names), 1)]
    lesson = document.lessons[0].model_copy(update={"sections": parts})
    return document.model_copy(update={"lessons": [lesson]})


__all__ = ["derived_title", "is_derived", "part_names", "segment_document", "split_points"]
