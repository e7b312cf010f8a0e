"""Totals said beside their parts in a pasted table: a "Total"/"Net" row under the rows it adds up,
a "Net" column beside the cells of its row.

People paste a spreadsheet with its totals: "Licence | -600", "Labour saved | 2,400", "Net monthly |
1,800"; or "Year | Cost | Savings | Net". Counting both the parts and their total counts the same
money twice. A cell is a total when its row label or column header says so (a total word) and its
value is the sum of the cells it stands for, as written or signed by the way the money goes (a
cost taken off, a saving added). The parts are kept, being the more precise (as for a breakdown
in brackets); the total is accounted for as such. A "total" that does not add up is left alone:
the reader asks about it as it would about any other figure.
"""

from __future__ import annotations

import re

from assistant.reading.money import money_direction
from knowledge.figures import Figure
from knowledge.tables import Cell, find_cells

TOTAL_CELL_WORDS = {"total", "totals", "subtotal", "sum", "net", "overall", "altogether", "all-in", "combined",
                    # a quote or invoice written in another language: "Zwischensumme", "Gesamt", "Totaal"
                    "zwischensumme", "gesamt", "gesamtbetrag", "summe", "totaal", "subtotaal", "totale", "totalt"}
TOLERANCE = 0.005  # relative: a total rounded to the unit still adds up


def _says_total(text: str) -> bool:
    return bool(TOTAL_CELL_WORDS & set(re.findall(r"[a-z-]+", text.lower())))


def _signed(fig: Figure) -> float:
    """The figure as money moving: a cost (written positive) taken off, a gain added."""
    if fig.value < 0:
        return fig.value
    return -fig.value if money_direction(fig) == "out" else fig.value


def _adds_up(total: Figure, parts: list[Figure]) -> bool:
    if len(parts) < 1:
        return False
    scale = max(abs(total.value), 1.0)
    as_written = sum(p.value for p in parts)
    signed = sum(_signed(p) for p in parts)
    return any(abs(total.value - s) <= TOLERANCE * scale for s in (as_written, signed))


def _cell_of(cells: list[Cell], fig: Figure) -> Cell | None:
    return next((c for c in cells if c.span[0] <= fig.span[0] and fig.span[1] <= max(c.span[1], fig.span[1])
                 and fig.span[0] < c.span[1]), None)


def table_totals(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why it is no input: the total row or column of a pasted table, whose parts
    are read instead."""
    cells = [c for c in find_cells(text) if not c.is_header]
    if not cells:
        return {}
    placed = [(f, c) for f in figures if f.unit in {"money", "count"} and (c := _cell_of(cells, f)) is not None]
    out: dict[int, str] = {}
    for fig, cell in placed:
        row_label = " ".join(cell.row_text)
        if _says_total(row_label):  # a total row: the cells above it in its column, since the last total
            above = [(f, c) for f, c in placed if c.column == cell.column and c.row < cell.row and f.index not in out]
            above = [(f, c) for f, c in above if not _says_total(" ".join(c.row_text))]
            parts = [f for f, _ in above]
            if len(parts) >= 2 and _adds_up(fig, parts):
                out[fig.index] = f"the total of the rows above it ({', '.join(p.show() for p in parts)})"
                continue
        if _says_total(cell.header):  # a total column: the other cells of its row
            parts = [f for f, c in placed if c.row == cell.row and c.column != cell.column and f.index != fig.index
                     and not _says_total(c.header)]
            if parts and (len(parts) >= 2 or parts[0].value == fig.value) and _adds_up(fig, parts):
                out[fig.index] = f"the total of its row ({', '.join(p.show() for p in parts)})"
    return out


# Nested notes: a bullet indented under a bullet is a detail of it. "- upfront: 12k / - incl. data
# migration 2k": the 2k is inside the 12k, and counting it again counts the same money twice.
_ITEM = re.compile(r"^(?P<indent>[ \t]*)(?:[-*+\u2022\u25e6\u2023]|\d{1,2}[.)]|[a-z][.)])[ \t]+", re.MULTILINE)
# Words that say a sub-item is on top of its parent, not inside it.
_ON_TOP = re.compile(r"\b(?:plus|extra|additional(?:ly)?|on top|excl(?:\.|uding|udes)?|not included|separate(?:ly)?|"
                     r"in addition)\b", re.IGNORECASE)


def _line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start : len(text) if end < 0 else end]


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def nested_parts(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why it is no amount of its own: an amount on a bullet indented under a bullet
    whose own amount holds it (the sub-items add up to no more than the parent; none says it is on
    top). Sub-items under a heading without an amount are the amounts themselves."""
    items = [(m.start(), _width(m.group("indent"))) for m in _ITEM.finditer(text)]
    if len(items) < 2:
        return {}

    def line_of(fig: Figure) -> int | None:
        start = text.rfind("\n", 0, fig.span[0]) + 1
        return next((k for k, (pos, _) in enumerate(items) if pos == start), None)

    on_line: dict[int, list[Figure]] = {}
    for fig in figures:
        k = line_of(fig)
        if k is not None:
            on_line.setdefault(k, []).append(fig)
    children: dict[int, list[int]] = {}
    for k, (_, width) in enumerate(items):
        parent = next((j for j in range(k - 1, -1, -1) if items[j][1] < width), None)
        if parent is not None and items[parent][1] < width:
            children.setdefault(parent, []).append(k)
    out: dict[int, str] = {}
    for parent, kids in children.items():
        own = [f for f in on_line.get(parent, []) if f.unit in {"money", "count"} and f.value > 0]
        parts = [f for k in kids for f in on_line.get(k, []) if f.unit in {"money", "count"}]
        if len(own) != 1 or not parts or any(f.value <= 0 for f in parts):
            continue
        if any(_ON_TOP.search(_line(text, items[k][0])) for k in kids):
            continue
        if sum(f.value for f in parts) <= own[0].value * (1 + TOLERANCE) and all(f.period == own[0].period or f.period is None
                                                                                 for f in parts):
            for f in parts:
                out[f.index] = f"part of {own[0].show()} above it, already counted there"
    return out


# A tax line of a quote or invoice: "VAT 20%  2,549.00", "MwSt 19%  2.660,00", "GST: 150". Its amount is
# a tax on the lines above, not a cost of its own kind; whether it counts is the user's to say.
_TAX_LABEL = re.compile(r"\b(?:vat|mwst|ust|tva|iva|btw|moms|gst|hst|sales\s+tax|tax)\b", re.IGNORECASE)
# The message says the tax stays out: "ex VAT", "excl. VAT", "leave VAT out", "we reclaim it", "net of VAT".
EX_TAX = re.compile(r"\b(?:ex(?:cl(?:uding|udes|\.)?)?\.?\s+(?:the\s+)?(?:vat|tax|mwst|gst)|(?:without|before|net\s+of)\s+"
                    r"(?:the\s+)?(?:vat|tax|mwst|gst)|leave\s+(?:the\s+)?(?:vat|tax|mwst|gst)\s+out|"
                    r"(?:vat|tax|mwst|gst)\s+(?:is\s+|we\s+)?(?:reclaim|recover)\w*|(?:we|i)\s+(?:can\s+)?(?:reclaim|recover)\s+"
                    r"(?:it|the\s+vat|vat|the\s+tax)|claim\s+(?:it|the\s+vat|vat|the\s+tax)\s+back)\b", re.IGNORECASE)
# The message says the tax counts: "incl. VAT", "we're not VAT registered", "we pay the full thing".
INCL_TAX = re.compile(r"\b(?:incl(?:uding|udes|\.)?\.?\s+(?:the\s+)?(?:vat|tax|mwst|gst)|(?:not|n't)\s+(?:vat|gst)[\s-]+registered|"
                      r"(?:can't|cannot|can not|don't|do not|won't)\s+(?:reclaim|recover|claim|get)|count\s+(?:the\s+)?(?:vat|tax|full))\b",
                      re.IGNORECASE)


def tax_lines(text: str, figures: list[Figure]) -> list[Figure]:
    """The amounts of ``figures`` that a tax line of a quote or invoice states (the line's label,
    before the amount, names the tax; a "total incl. VAT" line is a total, not a tax)."""
    out = []
    for fig in figures:
        if fig.unit not in {"money", "count"} or fig.value <= 0:
            continue
        start = text.rfind("\n", 0, fig.span[0]) + 1
        earlier = [f for f in figures[: fig.index] if f.span[1] > start and f.unit != "percent"]
        start = max(start, earlier[-1].span[1]) if earlier else start  # the label since the line's last amount
        label = text[start : fig.span[0]].split("|")[-1]
        if re.match(r"[\W_]*(?:[a-z]+[ \t]+)?" + _TAX_LABEL.pattern, label, re.IGNORECASE) and not _says_total(label) \
                and not re.search(r"\b(?:incl|excl|ex|plus|\+)\b", label, re.I):
            out.append(fig)
    return out


def says_about_tax(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the user's own words (not a quote's "TOTAL incl. VAT" or "VAT 20%" line) match ``pattern``."""
    for line in text.splitlines():
        first = re.match(r"[\W_]*([a-z]+)", line, re.IGNORECASE)
        if first and (first.group(1).lower() in TOTAL_CELL_WORDS or _TAX_LABEL.fullmatch(first.group(1))):
            continue
        if pattern.search(line):
            return True
    return False
