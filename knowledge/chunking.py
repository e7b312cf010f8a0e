"""Turns parsed course blocks into retrieval chunks that respect section boundaries.

Rules: a table row, a question, a prompt, an example or a discussion point is a chunk of its
own; consecutive plain bullets in one section are merged up to the size limit; any block over
the limit except a table row is split at sentence boundaries. Chunk ids derive from the source,
the lesson, the section and the chunk's content, so they are stable across runs and unaffected
by edits elsewhere in the file.
"""

from __future__ import annotations

import hashlib

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
    for block in blocks:
        previous = groups[-1] if groups else None
        if (
            block.kind == "bullets"
            and previous is not None
            and previous[0] == "bullets"
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
                    )
                )
    return chunks


def embedding_text(chunk: Chunk) -> str:
    """What gets embedded: the section heading gives a short chunk its topic."""
    return f"{chunk.section}. {chunk.text}"
