"""Tables drawn in a course's plain text, read into a header and rows of cells.

Two shapes besides Markdown pipes and aligned columns (those stay in `knowledge.parsing`):

- **Bordered grids**: "+----+----+" border lines, "| a | b |" rows, the header set apart by a
  "+====+" border when there is one (else the first row is the header). A row whose cells wrap
  over several lines between two borders is one row, its cell lines joined; in a grid with no
  border between its body rows, each line is a row and a line whose first cell is empty
  continues the row above.
- **Tab-separated rows**: two or more consecutive lines split by tabs into two or more cells;
  the first is the header.

Each row keeps its span in the source, so a citation points at it. The course parser turns a
row into a block of "Header: value" lines (`knowledge.parsing._row_block`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BORDER = re.compile(r"^[ \t]*\+(?:[-=:]+\+)+[ \t]*$")
GRID_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")


@dataclass(frozen=True)
class Row:
    cells: list[str]
    start: int  # offset of the row's first line in the text given
    end: int  # offset just past its last line


@dataclass(frozen=True)
class TextTable:
    header: list[str]
    rows: list[Row]


def is_border(line: str) -> bool:
    return bool(BORDER.match(line))


def grid_run(lines: list[str], first: int) -> int:
    """How many lines from ``lines[first]`` make a bordered grid (0 when none starts there):
    a border, then rows and borders, ending at its last border."""
    if not is_border(lines[first]):
        return 0
    last = first
    for index in range(first + 1, len(lines)):
        if is_border(lines[index]):
            last = index
        elif not GRID_ROW.match(lines[index]):
            break
    has_row = any(GRID_ROW.match(line) for line in lines[first:last + 1])
    return last - first + 1 if last > first and has_row else 0


def _offsets(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def read_grid(lines: list[str]) -> TextTable | None:
    """A bordered grid (``grid_run`` lines) as a header and rows; None when it has no header."""
    bars = [i for i, char in enumerate(lines[0].rstrip()) if char == "+"]
    starts = _offsets(lines)

    def cells(line: str) -> list[str]:
        return [line[a + 1:b].strip() for a, b in zip(bars, bars[1:])]

    groups: list[tuple[list[int], bool]] = []  # (line indexes of a group of rows, ends at a "+===" border)
    current: list[int] = []
    for index, line in enumerate(lines):
        if is_border(line):
            if current:
                groups.append((current, "=" in line))
            current = []
        else:
            current.append(index)
    if current:
        groups.append((current, False))
    if not groups:
        return None
    head = next((n for n, (_, equals) in enumerate(groups) if equals), 0)
    header = _joined([cells(lines[i]) for i in groups[head][0]])
    body = groups[head + 1:]
    rows: list[Row] = []
    bordered = len(body) > 1  # a border between body rows: each group is one row
    for group, _ in body:
        if bordered:
            rows.append(Row(_joined([cells(lines[i]) for i in group]), starts[group[0]],
                            starts[group[-1]] + len(lines[group[-1]])))
            continue
        for i in group:
            values = cells(lines[i])
            if rows and not values[0]:
                previous = rows[-1]
                rows[-1] = Row(_joined([previous.cells, values]), previous.start, starts[i] + len(lines[i]))
            else:
                rows.append(Row(values, starts[i], starts[i] + len(lines[i])))
    return TextTable(header, [row for row in rows if any(row.cells)]) if any(header) else None


def _joined(lines_of_cells: list[list[str]]) -> list[str]:
    """Cells wrapped over several lines, joined column by column."""
    width = max(len(cells) for cells in lines_of_cells)
    columns = [[cells[c] for cells in lines_of_cells if c < len(cells) and cells[c]] for c in range(width)]
    return [" ".join(parts) for parts in columns]


def _tab_cells(line: str) -> list[str]:
    return [cell.strip() for cell in re.split(r"\t+", line.strip())]


def tab_run(lines: list[str], first: int) -> int:
    """How many lines from ``lines[first]`` are tab-separated rows (0 when fewer than two): each
    splits by tabs into two cells or more, and none into more cells than the first (its header)."""
    width = len(_tab_cells(lines[first])) if "\t" in lines[first].strip() else 0
    if width < 2:
        return 0
    count = 1
    for line in lines[first + 1:]:
        cells = _tab_cells(line) if "\t" in line.strip() else []
        if not 2 <= len(cells) <= width:
            break
        count += 1
    return count if count >= 2 else 0


def read_tabs(lines: list[str]) -> TextTable:
    """Tab-separated rows (``tab_run`` lines): the first is the header."""
    starts = _offsets(lines)
    rows = [Row(_tab_cells(line), starts[i], starts[i] + len(line)) for i, line in enumerate(lines) if i]
    return TextTable(_tab_cells(lines[0]), rows)
