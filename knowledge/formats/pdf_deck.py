"""A slide deck exported to PDF (PowerPoint, Keynote, Google Slides, a script's "one slide per
page"), read into the slides `knowledge.formats.slides` turns into Markdown.

A deck is known by its pages, never by its words: at least ``MIN_SLIDES`` pages, most of them
landscape, and on most pages the first line is set in the page's largest type (the slide's
title). Each page is one slide:

- its **title** is the run of top lines in the page's largest type (a title wrapped over two
  lines is one);
- its other lines are the slide's text, and with no speaker's notes its bullets are what it
  teaches, each a statement of its own (a paragraph, its sub-items under it): a line with a bullet beside it (a glyph drawn as its own
  text, as exporters do, or one opening the line) is a list item, nested by how far right it
  starts; a line that starts where the line above it started continues it (a wrapped bullet
  or paragraph); its ruled tables are pipe tables;
- the lines every page repeats (a footer with the deck's name, a date and "slide 3 / 42",
  compared with the numbers left out) and page numbers are not the slide's text;
- a slide whose title is set larger than most slides' titles, as large as the title slide's, is
  laid out like the title slide:
  a **framing** slide, which divides the deck when teaching slides follow it and closes the talk
  when none do ("Questions?", "Thank you / follow us" with a contact line), so its own lines
  are never taught.
"""

from __future__ import annotations

import re
from collections import Counter

from knowledge.formats.slides import Slide

# A line that is only a list marker: exporters draw the bullet as its own glyph, often unmapped.
MARKER = re.compile(r"^(?:\(cid:\d+\)|[•◦▪▫‣∙●○■□–—\-*·>➢➤►▶✓✔])$")
OPENING_BULLET = re.compile(r"^(?:[•◦▪▫‣∙●○■□–*·➢➤►▶]|-(?=\s))\s+")
MIN_SLIDES = 3
LANDSCAPE_SHARE = 0.8  # of pages wider than tall
TITLED_SHARE = 0.6  # of pages with text whose first line is set in the page's largest type
ALIGN = 3.0  # points: lines starting this close start at the same place
INDENT_STEP = 6.0
FULL_LINE = 0.6  # of the page's width: a line of text reaching this far was wrapped  # points: bullets further right than this are one level deeper


def _is_deck(pages: list[list[dict]], sizes: list[tuple[float, float]]) -> bool:
    if len(pages) < MIN_SLIDES or sum(width > height for width, height in sizes) < LANDSCAPE_SHARE * len(pages):
        return False
    shown = [page for page in pages if page]
    titled = sum(page[0]["size"] >= max(line["size"] for line in page)
                 and (len(page) == 1 or page[0]["size"] > min(line["size"] for line in page)) for page in shown)
    return bool(shown) and titled >= TITLED_SHARE * len(shown)


def _marked(line: dict, markers: list[dict]) -> bool:
    """Whether a bullet glyph drawn on its own sits beside ``line`` (left of it, at its height)."""
    return any(marker["x0"] < line["x0"] and line["top"] - 2 <= (marker["top"] + marker["bottom"]) / 2 <= line["bottom"] + 2
               for marker in markers)


def _levels(starts: list[float]) -> list[float]:
    """The distinct left edges of bullets across the deck, one per nesting level."""
    levels: list[float] = []
    for start in sorted(starts):
        if not levels or start - levels[-1] > INDENT_STEP:
            levels.append(start)
    return levels


def _depth(x0: float, levels: list[float]) -> int:
    return 1 + max((i for i, level in enumerate(levels) if x0 >= level - ALIGN), default=0)


def _pipe_table(rows: list[list]) -> list[str]:
    cells = [[" ".join(str(cell or "").split()).replace("|", "/") for cell in row] for row in rows]
    if not cells:
        return []
    lines = [f"| {' | '.join(cells[0])} |", f"|{' --- |' * len(cells[0])}"]
    return lines + [f"| {' | '.join(row)} |" for row in cells[1:]]


def _wrapped(line: dict, following: str, width: float) -> bool:
    """Whether a line of text (not a list item) goes on in ``following``: it filled the line
    (reached ``FULL_LINE`` of the page's width) or the next line starts in lower case. A short
    line over a capitalised one ("A workshop for new riders" over "Community Bike Hub") stands
    alone."""
    return line.get("x1", 0.0) >= FULL_LINE * width or following[:1].islower()


def _slide(number: int, lines: list[dict], markers: list[dict], tables: list[tuple[float, list]],
           levels: list[float], width: float) -> tuple[Slide, float] | None:
    """The page as a slide, with the size its title is set in; None for a page without text."""
    if not lines:
        return None
    size = lines[0]["size"]
    title = [lines[0]]
    for line in lines[1:]:
        if line["size"] != size or line["top"] - title[-1]["bottom"] > size:
            break
        title.append(line)
    slide = Slide(number, " ".join(line["text"] for line in title), items_apart=True)
    items: list[tuple[int, float, dict, str]] = []  # (depth, text's left edge, last line, text)
    pending = sorted(tables, key=lambda table: table[0])
    out: list[str] = []

    def flush() -> None:
        out.extend("\t" * depth + text for depth, _, _, text in items)
        items.clear()

    for line in lines[len(title):]:
        while pending and pending[0][0] < line["top"]:
            flush()
            out.extend(_pipe_table(pending.pop(0)[1]))
        text = line["text"]
        opening = OPENING_BULLET.match(text)
        bullet = bool(opening) or _marked(line, markers)
        text = text[opening.end():] if opening else text
        previous = items[-1] if items else None
        if (not bullet and previous is not None and abs(line["x0"] - previous[1]) <= ALIGN
                and line["size"] == previous[2]["size"] and line["top"] - previous[2]["bottom"] <= line["size"]
                and (previous[0] > 0 or _wrapped(previous[2], text, width))):
            joined = previous[3][:-1] + text if previous[3].endswith("-") and previous[3][-2:-1].isalpha() \
                else f"{previous[3]} {text}"
            items[-1] = (previous[0], previous[1], line, joined)
            continue
        items.append((_depth(line["x0"], levels) if bullet else 0, line["x0"], line, text))
    flush()
    for _, rows in pending:
        out.extend(_pipe_table(rows))
    slide.shown = out
    return slide, size


def read_deck(pages: list[list[dict]], sizes: list[tuple[float, float]],
              tables: list[list[tuple[float, list]]], furniture) -> list[Slide] | None:
    """The slides of a deck exported to PDF, one per page with text, or None when the pages are
    not a deck's. ``pages``: each page's text lines outside its tables (text, top, bottom, x0,
    size), in reading order; ``furniture(line)``: whether a line is a running head or foot or a
    page number."""
    kept = [[line for line in page if not furniture(line)] for page in pages]
    content = [[line for line in page if not MARKER.match(line["text"])] for page in kept]
    if not _is_deck(content, sizes):
        return None
    markers = [[line for line in page if MARKER.match(line["text"])] for page in kept]
    starts = [line["x0"] for page, marks in zip(content, markers) for line in page[1:]
              if OPENING_BULLET.match(line["text"]) or _marked(line, marks)]
    levels = _levels(starts)
    read = [found for number, (lines, marks, page_tables, (width, _)) in enumerate(zip(content, markers, tables, sizes), 1)
            if (found := _slide(number, lines, marks, page_tables, levels, width)) is not None]
    if len(read) < MIN_SLIDES:
        return None
    usual = Counter(size for _, size in read[1:]).most_common(1)[0][0]
    for slide, size in read[1:]:
        slide.framing = usual < size and size >= read[0][1] - 0.5  # set like the title slide's title
    return [slide for slide, _ in read]
