"""What a printed page sets beside its running text: footnotes and boxed sidebars.

- A **footnote** is a note in small type at the foot of a page, opened by its number ("3 …"),
  and called from the text by the same number set small and raised (a superscript, which
  pdfplumber reads as a line of its own). Read in page order the note would land wherever the
  page broke, cutting a paragraph that goes on overleaf and turning "1 Values vary…" into a
  numbered step; it belongs after the paragraph that calls it, so `footnotes` finds each note
  and its call, and the PDF reader writes the note there (a note nothing calls stays where it is,
  as a paragraph).
- A **boxed sidebar** ("Key point", "Try this: …") is text inside a drawn frame. Its short bold
  title labels the box; it does not open a section of its own, or every question near the box
  would cite "Key point" instead of the section the box stands in. `boxes` says which lines
  stand in which frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# "3 Thermophilic bacteria…", "* Figures for 2023.", "† Not in winter."
# (the number may be set close to the note: "1Values vary…")
NOTE_START = re.compile(r"^(\d{1,2}|[*\u2020\u2021\u00a7])(?:\s+|(?=[A-Z\"'\u201c(]))(\S.*)$")
NOTE_CALL = re.compile(r"^(\d{1,2}|[*\u2020\u2021\u00a7])$")
SMALL = 0.92  # a note and its call are set this much smaller than the body text, or smaller
MIN_FRAME = 15.0  # points: a frame narrower or lower than this is a rule or a bullet, not a box


@dataclass
class Notes:
    """A document's footnotes: the lines the notes were read from (to leave out where they stand),
    the raised numbers that call them, and for each line of text that holds a call, the notes it
    calls (to write after its paragraph)."""

    lines: set[int] = field(default_factory=set)  # id() of each line of a called note
    calls: set[int] = field(default_factory=set)  # id() of each raised number
    after: dict[int, list[str]] = field(default_factory=dict)  # id(line) → the notes it calls


def _page_notes(lines: list[dict], body: float) -> list[tuple[str, str, list[dict]]]:
    """(number, text, lines) of the notes at the foot of one page: small lines below every
    body-size line of their part of the page, the first opened by a note number; a note's later
    lines are the small lines right under it."""
    found: list[tuple[str, str, list[dict]]] = []
    for line in lines:
        if line["size"] > body * SMALL:
            continue
        if any(other["pos"][0] == line["pos"][0] and other["size"] > body * SMALL
               and other["top"] > line["top"] for other in lines):
            continue
        start = NOTE_START.match(line["text"])
        if start:
            found.append((start.group(1), start.group(2), [line]))
        elif found and 0 <= line["top"] - found[-1][2][-1]["bottom"] < line["size"] * 1.5:
            number, text, parts = found[-1]
            found[-1] = (number, f"{text} {line['text']}", parts + [line])
    return found


def _called_line(call: dict, lines: list[dict]) -> dict | None:
    """The line of text a raised number stands on: in its part of the page, level with it."""
    middle = (call["top"] + call["bottom"]) / 2
    level = [line for line in lines if line is not call and line["pos"][0] == call["pos"][0]
             and line["top"] - 2 <= middle <= line["bottom"] + 2 and not NOTE_CALL.match(line["text"])]
    return min(level, key=lambda line: abs(line["x1"] - call["x0"]), default=None)


def footnotes(pages: list[list[dict]], body: float) -> Notes:
    """Every footnote of a document (``pages``: each page's lines in reading order) matched to
    its call: the same number, set small on a line of text, on the note's page or the page
    before (a note may be pushed overleaf). A note nothing calls is left where it stands."""
    notes = Notes()
    page_notes = [_page_notes(lines, body) for lines in pages]
    for index, lines in enumerate(pages):
        note_lines = {id(part) for _, _, parts in page_notes[index] for part in parts}
        for call in lines:
            match = NOTE_CALL.match(call["text"])
            if not match or call["size"] > body * SMALL or id(call) in note_lines:
                continue
            number = match.group(1)
            here = [note for note in page_notes[index] if note[0] == number and note[2][0]["top"] > call["top"]]
            later = [note for note in page_notes[index + 1] if note[0] == number] if index + 1 < len(pages) else []
            target = _called_line(call, lines)
            note = (here or later or [None])[0]
            if note is None or target is None or id(note[2][0]) in notes.lines:
                continue
            notes.calls.add(id(call))
            notes.lines.update(id(part) for part in note[2])
            notes.after.setdefault(id(target), []).append(note[1])
    return notes


def frames(page, tables) -> list[tuple[float, float, float, float]]:
    """The boxes drawn on a page (rectangles big enough to hold text) that are not cells of
    one of its ruled tables."""
    boxes = [table.bbox for table in tables]
    found = []
    for rect in page.rects:
        x0, top, x1, bottom = rect["x0"], rect["top"], rect["x1"], rect["bottom"]
        if x1 - x0 < MIN_FRAME or bottom - top < MIN_FRAME:
            continue
        if any(bx0 - 1 <= x0 and x1 <= bx1 + 1 and btop - 1 <= top and bottom <= bbottom + 1
               for bx0, btop, bx1, bbottom in boxes):
            continue
        found.append((x0, top, x1, bottom))
    return found


def boxes(lines: list[dict], drawn: list[tuple[float, float, float, float]]) -> None:
    """Marks each line that stands inside a drawn frame with the frame's index ("box"), and the
    first line of a frame that holds more lines with "box_title"."""
    seen: dict[int, list[dict]] = {}
    for line in lines:
        middle = (line["top"] + line["bottom"]) / 2
        for index, (x0, top, x1, bottom) in enumerate(drawn):
            if x0 - 1 <= line["x0"] and line["x1"] <= x1 + 1 and top <= middle <= bottom:
                line["box"] = index
                seen.setdefault(index, []).append(line)
                break
    for inside in seen.values():
        if len(inside) >= 2:
            inside[0]["box_title"] = True
