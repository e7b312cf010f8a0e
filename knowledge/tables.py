"""Tables pasted into a message: which header and which row label each cell stands under.

People paste rows from a spreadsheet: tab-separated, Markdown pipes, CSV or semicolons, or
columns aligned with runs of spaces. A figure in such a cell is named by its column's header
("Reach/qtr", "Annual") and by the text cells of its row ("Implementation", "monthly"), not by
the words next to it in the running text. ``find_cells`` gives, for every cell of every table
in a message, its span, its header's words and its row's other text, so the one figure reader
(knowledge/figures.py) labels table figures the way a person reads the table.

A table is two or more consecutive lines split the same way into the same number of cells (for
aligned columns: at least two cells, matched to the header by position); its first line is the
header when none of its cells is a bare value or a label with its amount ("Y1" and "Impact (1-10)" are
headers, "1,200" and "Impl. 45k" are not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATORS = {"tab": re.compile(r"\t"), "pipe": re.compile(r"\|"), "semicolon": re.compile(r";"),
               "comma": re.compile(r","), "pair": re.compile(r","), "spaces": re.compile(r" {2,}")}
_RULE = re.compile(r"^\s*\|?\s*:?-{2,}")  # a Markdown table's rule line: |---|--:|
_BARE_DIGITS = re.compile(r"(?<![A-Za-z])\d")
# A cell that ends in an amount after its label ("Impl. 45k", "H1 +20k", "Licence 18k p.a."): a
# label-value pair of a data row, never a column header ("Impact (1-10)", "Q1 2026" are headers).
_LABELLED_AMOUNT = re.compile(r"[A-Za-z].*?(?:(?:^|[\s:(])[+\-\u2212]?[€£$]\s*\d|(?:^|[\s:(])[+\-\u2212]\d|\d[\d,.]*\s*(?:k|m|bn|%))"
                              r"[\d,.]*\s*(?:k|m|bn)?\s*(?:p\.?a\.?|/\s*\w+)?\)?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Cell:
    """One cell of a pasted table: where it is, its column's header and its row's other text."""

    span: tuple[int, int]
    header: str  # the column header's text ("" without a header row)
    row_text: tuple[str, ...]  # the row's cells without digits (labels such as "Implementation", "monthly")
    row: int  # the data row's number, from 0 (-1: the header row)
    column: int

    @property
    def is_header(self) -> bool:
        return self.row < 0


# A comma inside an amount written with thousands separators ("1,500.00", "£1,200,000"), not one
# between CSV fields ("x,200,300": a field starts right after a comma).
_THOUSANDS = re.compile(r"(?<![\d,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")


def _split(line: str, kind: str, offset: int) -> list[tuple[int, int]]:
    """Cell spans of one line (absolute offsets), stripped of surrounding blanks and pipes."""
    spans, start = [], 0
    inside = [m.span() for m in _THOUSANDS.finditer(line)] if kind == "comma" else []
    for sep in _SEPARATORS[kind].finditer(line):
        if any(a < sep.start() < b for a, b in inside):
            continue
        spans.append((start, sep.start()))
        start = sep.end()
    spans.append((start, len(line)))
    if kind == "pipe":  # "| a | b |": the outer pipes enclose the cells
        if spans and not line[spans[0][0] : spans[0][1]].strip():
            spans = spans[1:]
        if spans and not line[spans[-1][0] : spans[-1][1]].strip():
            spans = spans[:-1]
    out = []
    for a, b in spans:
        text = line[a:b]
        lead = len(text) - len(text.lstrip())
        out.append((offset + a + lead, offset + a + len(text.rstrip()) if text.strip() else offset + a + lead))
    return out


def _kind(line: str) -> str | None:
    for kind in ("tab", "pipe", "semicolon"):
        if _SEPARATORS[kind].search(line):
            return kind
    if line.count(",") >= 2:
        return "comma"  # CSV: "name,reach,impact" (a block of such lines must agree on its cell count)
    if line.count(",") == 1 and re.search(r"\S,\S", line) and not re.search(r"\s,|,\s| {2,}|\t", line):
        return "pair"  # two-column CSV: "year,cash_flow" / "0,-120000" (only under a header row)
    if _SEPARATORS["spaces"].search(line.strip()):
        return "spaces"
    return None


def find_cells(text: str) -> list[Cell]:
    """Every cell of every table in ``text``: the header row's cells (row -1), then the data rows'."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    cells: list[Cell] = []
    i = 0
    while i < len(lines):
        kind = _kind(lines[i][1])
        if kind is None:
            i += 1
            continue
        block = []
        j = i
        while j < len(lines) and (_kind(lines[j][1]) == kind or (kind == "pipe" and _RULE.match(lines[j][1]))):
            if not _RULE.match(lines[j][1]):
                block.append(lines[j])
            j += 1
        rows = [_split(line, kind, offset) for offset, line in block]
        separated = kind in {"comma", "semicolon", "pair"}
        if separated and not all(sum(_numeric(text[a:b]) for a, b in row) >= 2 for row in rows[1:]):
            rows = []  # prose with commas ("impact 6, confidence 8, ease 9"), not a row of values
        if kind == "pair" and rows and any(_numeric(text[a:b]) for a, b in rows[0]):
            rows = []  # "10,000" under "20,000": numbers with thousands commas, unless a header names two columns
        if all(_LABELLED_AMOUNT.match(text[a:b]) for row in rows for a, b in row if text[a:b].strip()):
            rows = []  # "Impl. 45k | Training 6k": each cell a label and its amount, read as prose
        if len(rows) >= 2 and (not separated or len({len(r) for r in rows}) == 1):
            cells.extend(_cells(text, rows, kind))
        i = max(j, i + 1)
    return cells


def _numeric(cell: str) -> bool:
    """A cell that holds a value ("1,200", "€5k", "80%"), not a label ("Impact (1-10)", "Y1")."""
    return bool(re.search(r"\d", cell)) and not re.sub(r"(?i)\b(?:k|m|bn|usd|eur|gbp|chf)\b|[^a-z]", "", cell, flags=re.I)


def _cells(text: str, rows: list[list[tuple[int, int]]], kind: str) -> list[Cell]:
    header_row = rows[0] if not any(_numeric(text[a:b]) or _LABELLED_AMOUNT.match(text[a:b]) for a, b in rows[0]) else None
    headers = [text[a:b] for a, b in header_row] if header_row else []
    starts = [a - text.rfind("\n", 0, a) for a, _ in header_row] if header_row else []
    out = [Cell((a, b), text[a:b], (), -1, column) for column, (a, b) in enumerate(header_row or [])]
    for number, row in enumerate(rows[1:] if header_row else rows):
        # a label may hold a number after its name ("Internal (CS lead, 15% time)"); a cell that starts
        # with a number is a value ("2 h/week @ 50/h")
        labels = tuple(text[a:b] for a, b in row if text[a:b].strip() and not (
            _BARE_DIGITS.search(text[a:b]) and not re.match(r"\s*[A-Za-z]{2,}", text[a:b])))
        for column, (a, b) in enumerate(row):
            if kind == "spaces" and starts:  # aligned columns: the header standing nearest above
                col = a - text.rfind("\n", 0, a)
                column = min(range(len(starts)), key=lambda k: abs(starts[k] - col))
            header = headers[column] if column < len(headers) else ""
            out.append(Cell((a, b), header, labels, number, column))
    return out
