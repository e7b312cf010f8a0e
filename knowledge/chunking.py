"""Turns parsed course blocks into retrieval chunks that respect section boundaries.

Rules: a table row, a question, a prompt, an example or a discussion point is a chunk of its
own; consecutive plain bullets in one section are merged up to the size limit, and a paragraph
that ends in ":" travels with the list it introduces (or with a table of one row: the entry it shows); any block over the limit except a table
row is split at sentence boundaries.

``units`` cuts a chunk into the pieces retrieval indexes and the composer quotes, keeping their
structure: a lead-in sentence ending in ":" with the list it introduces, a bullet with its
parent lead-in, a table row whole (each cell labelled by its header). Chunk ids derive from the source,
the lesson, the section and the chunk's content, so they are stable across runs and unaffected
by edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from knowledge.text import split_prose
from knowledge.types import Block, Chunk, CourseDocument

# The old name of the one sentence splitter, still imported by the composer and the benchmarks.
split_sentences_simple = split_prose


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def _split_long(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current = ""
    for sentence in split_prose(text):
        if current and len(current) + 1 + len(sentence) > limit:
            pieces.append(current)
            current = sentence
        else:
            current = f"{current} {sentence}".strip()
    if current:
        pieces.append(current)
    return pieces


def _groups(blocks: list[Block], limit: int) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, end) per chunk within one section."""
    groups: list[tuple[str, str, int, int]] = []
    for index, block in enumerate(blocks):
        previous = groups[-1] if groups else None
        introduces = previous is not None and previous[0] == "prose" and previous[1].rstrip().endswith(":")
        alone = (index + 1 == len(blocks) or blocks[index + 1].kind != "table_row") and (
            index == 0 or blocks[index - 1].kind != "table_row")
        if block.kind == "table_row" and introduces and alone and "\n" not in previous[1] \
                and len(previous[1]) + len(block.text) + 1 <= limit:
            # "A typical entry looks like this:" over a table of one row: the row is what it shows
            groups[-1] = ("table_row", f"{previous[1]}\n{block.text}", previous[2], block.end)
            continue
        if (
            block.kind == "bullets"
            and previous is not None
            and (previous[0] == "bullets" or introduces)
            and len(previous[1]) + len(block.text) + 1 <= limit
        ):
            groups[-1] = ("bullets", f"{previous[1]}\n{block.text}", previous[2], block.end)
            continue
        if block.kind != "table_row" and len(block.text) > limit:
            # A row stays whole so its header travels with it; anything else is split.
            for piece in _split_long(block.text, limit):
                groups.append((block.kind, piece, block.start, block.end))
            continue
        groups.append((block.kind, block.text, block.start, block.end))
    return groups


def chunk_document(document: CourseDocument, max_chars: int = 1200) -> list[Chunk]:
    chunks: list[Chunk] = []
    for lesson in document.lessons:
        for section in lesson.sections:
            seen: dict[str, int] = {}
            for kind, text, start, end in _groups(section.blocks, max_chars):
                content_hash = _digest(text)
                duplicate = seen.get(content_hash, 0)
                seen[content_hash] = duplicate + 1
                key = f"{document.source}|{lesson.lesson}|{section.title}|{content_hash}|{duplicate}"
                chunks.append(
                    Chunk(
                        chunk_id=f"c{_digest(key)}",
                        text=text,
                        source=document.source,
                        lesson=lesson.lesson,
                        lesson_title=lesson.title,
                        section=section.title,
                        kind=kind,
                        start=start,
                        end=end,
                        content_hash=content_hash,
                        module_title=document.module_title,
                    )
                )
    return chunks


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded: the section heading gives a short chunk its topic."""
    return f"{chunk.section}. {chunk.text}"


# A bullet longer than this is quoted sentence by sentence rather than whole.
LONG_ITEM = 400


@dataclass(frozen=True)
class Unit:
    """A quotable piece of a chunk: verbatim parts in course order. One part is a sentence, a
    bullet or a table row; a lead-in with its list is the lead-in then each item; a bullet
    with its parent is the lead-in then the bullet."""

    parts: tuple[str, ...]
    kind: str = "sentence"  # sentence | bullet | list (lead-in + items) | item (parent + bullet) | row

    @property
    def text(self) -> str:
        return " ".join(self.parts)


LEAD_IN = re.compile(r"^(.{20,}?:)\s+(?=[A-Z])(.*)$", re.DOTALL)


def open_lead_in(sentence: str) -> list[str]:
    """"…key questions: What data is collected?" is a lead-in and the first item of its list."""
    match = LEAD_IN.match(sentence)
    if not match or ":" in match.group(1)[:-1]:
        return [sentence]
    return [match.group(1), match.group(2)]


def units(text: str, kind: str = "prose") -> list[Unit]:
    """The structure-keeping units of one chunk's text (see the module docstring)."""
    if kind == "table_row":
        cells = [line.strip() for line in text.split("\n") if line.strip()]
        if len(cells) > 1 and cells[0].endswith(":") and ": " not in cells[0]:  # the lead-in of a one-row table
            cells[:2] = [f"{cells[0]} {cells[1]}"]
        return [Unit(tuple(cells), "row")]
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    out: list[Unit] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        sentences = split_sentences_simple(line) if (kind != "bullets" or len(line) > LONG_ITEM) else [line]
        sentences = [piece for sentence in sentences for piece in open_lead_in(sentence)]
        for position, sentence in enumerate(sentences):
            last = position == len(sentences) - 1
            if last and sentence.endswith(":") and index + 1 < len(lines):
                items = lines[index + 1 :]
                out.append(Unit((sentence, *items), "list"))
                out.extend(Unit((sentence, item), "item") for item in items)
                return out
            if not last and sentence.endswith(":"):
                # a lead-in whose list runs on in the same paragraph, one sentence per item
                items = sentences[position + 1 :]
                out.append(Unit((sentence, *items), "list"))
                out.extend(Unit((sentence, item), "item") for item in items)
                break
            out.append(Unit((sentence,), "bullet" if kind == "bullets" and len(sentences) == 1 else "sentence"))
        index += 1
    return out


def retrieval_units(text: str, kind: str = "prose") -> list[str]:
    """The texts a sentence-level index embeds for one chunk."""
    return [unit.text for unit in units(text, kind)]
