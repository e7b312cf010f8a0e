"""A PDF page's reading order when its text is set in columns.

pdfplumber reads a page's text lines from top to bottom across the whole page, so on a page
set in two columns (a textbook, a journal article, a newsletter) each line it returns joins a
line of the left column to the line of the right column beside it, and headings, paragraphs
and tables of the two columns come out interleaved. A page is in columns when a vertical strip
down its middle (the gutter) holds no word of most of its lines while text stands on both
sides of it. Such a page is read as a person reads it: in bands from top to bottom, split where
a line crosses the gutter (a title or a note set across the page), and within each band the
left column to its foot, then the right one.

`regions` says, for one page, which parts of it to read in what order; a page without a gutter
is one region, read as before. A page too short to show a gutter of its own (a chapter's last
half page) is read with the gutter of the document's other pages.
"""

from __future__ import annotations

MIN_GUTTER = 6.0  # points: narrower white strips are word spaces lined up by chance
MIN_COLUMN_LINES = 5  # a column is a run of lines, not a caption or a label beside a box
CROSSING_SHARE = 0.1  # lines allowed to cross the gutter (titles, notes, a page number)
MAX_GUTTER = 0.12  # of the page's width: a gutter with a column's ragged edge is narrower
MIN_COLUMN_SHARE = 0.25  # of the page's width: each column of text is at least this wide


def _longest(flags: list[bool]) -> tuple[int, int] | None:
    """The longest run of True in ``flags`` as (start, end), end exclusive."""
    best, start = None, None
    for offset, flag in enumerate(flags + [False]):
        if flag and start is None:
            start = offset
        elif not flag and start is not None:
            if best is None or offset - start > best[1] - best[0]:
                best = (start, offset)
            start = None
    return best


def _gutter(words: list[dict], width: float) -> tuple[float, float] | None:
    """The widest white strip down the middle of the page that almost no line's words cross,
    with enough lines on both sides of it; None for a page set in one column."""
    if not words:
        return None
    lines = {round(word["top"]) for word in words}
    allowed = max(1, CROSSING_SHARE * len(lines))
    low, high = int(width * 0.3), int(width * 0.7)
    # how many words cover each point across the middle (a line's words never overlap, so this
    # counts lines), summed from where each word starts and ends
    change = [0] * (high - low + 3)
    for word in words:
        first, last = max(low, int(word["x0"] - 1) + 1), min(high, int(-(-(word["x1"] + 1) // 1)) - 1)
        if first <= last:
            change[first - low] += 1
            change[last - low + 1] -= 1
    crossing, running = [], 0
    for step in change[:high - low + 1]:
        running += step
        crossing.append(running)
    run = _longest([count <= allowed for count in crossing])
    if run is None or run[1] - run[0] < MIN_GUTTER:
        return None
    left, right = low + run[0], low + run[1] - 1
    if right - left > MAX_GUTTER * width:
        return None  # a wide white strip: short lines with something set far right (a date, a price)
    on_left = [word for word in words if word["x1"] <= left]
    on_right = [word for word in words if word["x0"] >= right]
    if min(len({round(word["top"]) for word in on_left}),
           len({round(word["top"]) for word in on_right})) < MIN_COLUMN_LINES:
        return None
    # both sides are columns of text, not a column beside a narrow strip of figures or labels
    if min(left - min(word["x0"] for word in on_left),
           max(word["x1"] for word in on_right) - right) < MIN_COLUMN_SHARE * width:
        return None
    return float(left), float(right)


def _words(page) -> list[dict]:
    return [word for word in page.extract_words() if word["text"].strip()]


def gutter_of(page) -> float | None:
    """Where the page's gutter runs (its middle), or None for a page set in one column."""
    gutter = _gutter(_words(page), float(page.width))
    return None if gutter is None else sum(gutter) / 2


def regions(page, middle: float | None = None) -> list[tuple[float, float, float, float]] | None:
    """The page's parts in reading order as (x0, top, x1, bottom) boxes, or None when the page
    is set in one column (read it whole). ``middle``: the gutter the document's other pages
    have, for a page with too few lines to show its own (a chapter's last page)."""
    words = _words(page)
    if middle is None:
        middle = gutter_of(page)
    if middle is None:
        return None
    # A line set across the page cuts the columns into bands: a word of it covers the middle of
    # the gutter, or two of its words stand either side of the middle a word space apart (the
    # end of a column's line and the start of the next column's are a gutter apart).
    across = [(word["top"], word["bottom"]) for word in words if word["x0"] < middle < word["x1"]]
    ordered = sorted(words, key=lambda word: word["x0"])
    for word in ordered:
        if not middle - MIN_GUTTER < word["x1"] <= middle:
            continue
        beside = [other for other in ordered if abs(other["top"] - word["top"]) < 1.5
                  and other["x0"] >= middle and other["x0"] - word["x1"] < MIN_GUTTER]
        across += [(min(word["top"], other["top"]), max(word["bottom"], other["bottom"])) for other in beside]
    across.sort()
    spans: list[list[float]] = []
    for top, bottom in across:
        if spans and top <= spans[-1][1] + 1:
            spans[-1][1] = max(spans[-1][1], bottom)
        else:
            spans.append([top, bottom])
    width, height = float(page.width), float(page.height)
    out: list[tuple[float, float, float, float]] = []
    band_top = 0.0
    for top, bottom in spans + [[height, height]]:
        if top > band_top:
            out += [(0.0, band_top, middle, top), (middle, band_top, width, top)]
        if bottom > top:
            out.append((0.0, top, width, bottom))
        band_top = bottom
    return out


def region_of(regions_: list[tuple[float, float, float, float]], x: float, y: float) -> int:
    """The index of the region a point lies in (the nearest one for a point on a border)."""
    for index, (x0, top, x1, bottom) in enumerate(regions_):
        if x0 <= x <= x1 and top <= y <= bottom:
            return index
    return min(range(len(regions_)), key=lambda index: abs(regions_[index][1] - y))
