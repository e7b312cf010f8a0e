"""The Markdown the PDF and DOCX converters write: headings ranked by how they were marked,
paragraphs, "- " lists and pipe tables, in reading order.

A converter appends what it reads (`Layout.heading`, `.paragraph`, `.item`, `.table`) with a
*rank* for each heading (smaller is higher: a larger font, a "Heading 1" style); `render`
turns the distinct ranks into Markdown levels 1, 2, 3… so whatever marks a document uses, its
biggest headings open lessons and the next ones sections (see `knowledge.parsing`).
How a line that is not styled as a heading is recognised as one lives here too
(`numbered_depth`, `heading_like`): bold lines and numbered sections are inferred the same way
for every format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.parsing import NUMBERED_HEADING, _title_case

MAX_HEADING_CHARS = 120


# "Table 1. Pace by fitness", "Figure 2: The route": a caption names the table or figure under it;
# it belongs to the section it stands in, however bold it is set.
CAPTION = re.compile(r"^(?:figure|fig\.?|table|exhibit|chart|diagram|image|photo)\s+\d{1,3}(?:\.\d{1,3})?\b[.:—–-]?\s",
                     re.IGNORECASE)


def heading_like(text: str) -> bool:
    """Short enough for a title, not a sentence (a title does not end in . , ;), and not a
    table's or figure's caption."""
    text = text.strip()
    return (0 < len(text) <= MAX_HEADING_CHARS and text[-1:] not in ".,;"
            and any(char.isalpha() for char in text) and not CAPTION.match(text))


def numbered_depth(text: str) -> int | None:
    """1 for "2. Temperature Control", 2 for "2.1 The Danger Zone"; None for a line that is not
    a numbered Title Case title ("1. Collect the data first." is a list item, not a section)."""
    match = NUMBERED_HEADING.match(text.strip())
    if not match or not heading_like(text) or not match.group(2)[:1].isupper():
        return None
    if not _title_case(match.group(2)):
        return None
    return match.group(1).count(".") + 1


@dataclass
class _Item:
    kind: str  # "heading" | "paragraph" | "item" | "table"
    text: str = ""
    rank: float = 0
    number: int | str | None = None  # a numbered list item's number ("3", or its label: "b")
    level: int = 0  # a list item's depth: 0 for the outer list, 1 for a list inside one of its items
    rows: list[list[str]] = field(default_factory=list)


def _cell(text: str | None) -> str:
    # The parser splits table rows on "|": a bar inside a cell must not open a column.
    return " ".join((text or "").split()).replace("|", "/")


class Layout:
    def __init__(self) -> None:
        self.items: list[_Item] = []

    def heading(self, text: str, rank: float) -> None:
        text = " ".join(text.split())
        if text:
            self.items.append(_Item("heading", text, rank))

    def paragraph(self, text: str) -> None:
        text = " ".join(text.split())
        if text:
            self.items.append(_Item("paragraph", text))

    def item(self, text: str, number: int | str | None = None, level: int = 0) -> None:
        """A list item: bulleted, or numbered when ``number`` is given; ``level`` deep in a
        nested list (written indented under its parent item, as a Markdown sub-list)."""
        text = " ".join(text.split())
        if text:
            self.items.append(_Item("item", text, number=number, level=level))

    def table(self, rows: list[list[str | None]]) -> None:
        cleaned = [[_cell(cell) for cell in row] for row in rows]
        cleaned = [row for row in cleaned if any(row)]
        if len(cleaned) == 1:  # a one-row "table" is a layout box: keep its words as a paragraph
            self.paragraph(" — ".join(cell for cell in cleaned[0] if cell))
        elif cleaned:
            self.items.append(_Item("table", rows=cleaned))

    @property
    def has_headings(self) -> bool:
        return any(item.kind == "heading" for item in self.items)

    def render(self) -> str:
        ranks = sorted({item.rank for item in self.items if item.kind == "heading"})
        level = {rank: min(index + 1, 6) for index, rank in enumerate(ranks)}
        out: list[str] = []
        for index, item in enumerate(self.items):
            if item.kind == "heading":
                out.append(f"{'#' * level[item.rank]} {item.text}")
            elif item.kind == "paragraph":
                out.append(item.text)
            elif item.kind == "item":
                following = index > 0 and self.items[index - 1].kind == "item"
                marker = "  " * item.level + ("-" if item.number is None else f"{item.number}.")
                if following:  # one list is one block: its items on consecutive lines
                    out[-1] += f"\n{marker} {item.text}"
                else:
                    out.append(f"{marker} {item.text}")
            else:
                width = max(len(row) for row in item.rows)
                rows = [row + [""] * (width - len(row)) for row in item.rows]
                lines = [f"| {' | '.join(rows[0])} |", f"| {' | '.join(['---'] * width)} |"]
                lines += [f"| {' | '.join(row)} |" for row in rows[1:]]
                out.append("\n".join(lines))
        return "\n\n".join(out) + "\n"
