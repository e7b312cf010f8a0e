"""Which period a figure belongs to, where the message numbers it ("year 1: 10,000", a Year column,
"Y2: 4k" opening a line, an exported "cf_year1=9000") or names it in a heading over a list
("Monthly costs:"). Called by ``read_figures`` (knowledge/figures.py) once every figure is read."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.tables import Cell
from knowledge.unit_words import PERIOD_WORDS

if TYPE_CHECKING:
    from knowledge.figures import Figure


_PERIOD_AFTER_FIGURE = re.compile(r"\s*,?\s*(?:in|for|during|by|at|\()\s*(?:the\s+)?(?:year|yr|month|quarter|period|week|t\s?=)\s?$",
                                  re.IGNORECASE)
_AFTER_PERIOD_MARK = re.compile(r"[\t ]*[:=,]?[\t ]*(?:minus[\t ]*)?[+]?[\t ]*$", re.IGNORECASE)
_HEADER_PERIOD = re.compile(r"\s*(?:y|yr|year|q|qtr|quarter|m|month|t|period)\s*(\d{1,2})\s*", re.IGNORECASE)


def _period_indexes(text: str, figures: list[Figure], marks: list[tuple[int, int, int]], cells: dict[int, Cell]) -> None:
    """Each figure's period, where a number names it: right before it ("year 1: 10,000", "Year 0
    minus 50,000"), in its table row's period column, or in its column's header ("Y0", "Year 1")."""
    rows = {text.rfind("\n", 0, start) + 1: number for start, _, number in marks if cells.get(start) is not None}
    inline = []
    ends = {f.span[1]: f for f in figures}
    for start, end, number in marks:
        if cells.get(start) is not None:
            continue
        after = _PERIOD_AFTER_FIGURE.search(text[max(0, start - 40) : start])
        owner = ends.get(start - 40 + after.start() if start >= 40 else after.start()) if after else None
        if owner is not None:  # "30,000 in year 1": the period follows its figure
            owner.period_index = number
        else:
            inline.append((end, number))
    k = 0
    for figure in figures:
        while k + 1 < len(inline) and inline[k + 1][0] <= figure.span[0]:
            k += 1
        cell = _cell_of(cells, figure) if cells else None
        if cell is not None and cell.span[0] == figure.span[0] or figure.cell:
            row = rows.get(text.rfind("\n", 0, figure.span[0]) + 1)
            header = _HEADER_PERIOD.fullmatch(cell.header) if cell is not None else None
            figure.period_index = row if row is not None else (int(header.group(1)) if header else None)
        elif figure.period_index is None and inline and inline[k][0] <= figure.span[0] and _AFTER_PERIOD_MARK.match(
                text[inline[k][0] : figure.span[0]]):
            figure.period_index = inline[k][1]


# A line that opens with a short period label and a colon ("Y1: H1 +20k | H2 +30k", "Q3: 4k"): every
# figure on that line belongs to that period (the label's digits are no figure: "Y1" is one word).
# "Y1: 10k", "Q2 = 4k", and a period opening a line before its amount: "Q3 $4,400", "Y2 -1,500"
_LINE_PERIOD = re.compile(r"^[ \t]*(?:y|yr|q|qtr|m|t)(\d{1,2})(?:[ \t]*[:=]|[ \t]+(?=[-+\u2212]?[$€£]?\d[\d,.]*[ \t]*$))",
                          re.IGNORECASE | re.MULTILINE)


# An exported key that numbers its period: "cf_year1=9000", "y2_flow: 11000", "cashflowQ3 = 4k".
_KEY_PERIOD = re.compile(r"^[ \t]*(?:[A-Za-z0-9]+_)*(?:[a-z]+(?=[A-Z]))?(?i:year|yr|y|q|qtr|quarter|month|m|period|t)_?"
                         r"(\d{1,2})(?:_[A-Za-z0-9]+)*[ \t]*[:=]", re.MULTILINE)


def _line_periods(text: str, figures: list[Figure]) -> None:
    for mark in [*_LINE_PERIOD.finditer(text), *_KEY_PERIOD.finditer(text)]:
        end = text.find("\n", mark.end())
        end = len(text) if end < 0 else end
        for figure in figures:
            if mark.end() <= figure.span[0] < end and figure.period_index is None:
                figure.period_index = int(mark.group(1))


# A period written as a heading over what follows: "yearly: -45k now, then 14k, 18k",
# "Monthly costs:" over a list of items. It covers the rest of its line, or, when nothing follows
# on that line, the lines below it up to a blank line or the next heading.
_PERIOD_HEADING = re.compile(
    r"^[ \t]*(?:[-*•][ \t]*)?(daily|weekly|fortnightly|monthly|quarterly|yearly|annual|annually|per[ \t]+(?:day|week|month|quarter|year))"
    r"(?:[ \t]+[a-z]+){0,2}[ \t]*:", re.IGNORECASE | re.MULTILINE)
_HEADING_LINE = re.compile(r"^[^\n]*:[ \t]*$", re.MULTILINE)
_ONE_OFF_MARK = re.compile(r"\b(?:now|today|upfront|up-front|once|initially|immediately|one[- ]off|one[- ]time)\b", re.IGNORECASE)


def _heading_periods(text: str, figures: list[Figure]) -> None:
    for mark in _PERIOD_HEADING.finditer(text):
        period = PERIOD_WORDS[re.sub(r"^per\s+", "", mark.group(1).lower())]
        end = text.find("\n", mark.end())
        end = len(text) if end < 0 else end
        if not text[mark.end() : end].strip():  # a heading over the lines below it
            blank = re.search(r"\n[ \t]*\n", text[end:])
            stop = end + blank.start() if blank else len(text)
            following = _HEADING_LINE.search(text, end + 1, stop) if end < len(text) else None
            end = following.start() if following else stop
        else:  # on its own line it ends with the clause: "annual: licence 12k, support 3k; build 20k"
            stop = re.search(r";|\.(?:\s|$)", text[mark.end() : end])
            end = mark.end() + stop.start() if stop else end
        for figure in figures:
            if not mark.end() <= figure.span[0] < end or figure.unit in ("duration", "percent") or figure.period_index is not None:
                continue
            if _ONE_OFF_MARK.search(" ".join(figure.before[-2:] + figure.after[:2])):
                if figure.period == period:
                    figure.period = None  # "yearly: -45k now, then 14k": paid once, under the heading that named it
            elif figure.period is None:
                figure.period = period


def _cell_of(cells: dict[int, Cell], figure: Figure) -> Cell | None:
    for start in (figure.span[0], figure.span[0] - 1):
        cell = cells.get(start)
        if cell is not None and figure.span[1] <= cell.span[1] + 1:
            return cell
    for cell in cells.values():
        if cell.span[0] <= figure.span[0] < cell.span[1]:
            return cell
    return None


# A period named by its number: "year 0: -30,000", "Month 3 =", a "Year"/"period" column of 0, 1, 2…
_PERIOD_NOUN = r"(?:year|yr|y|month|mo|quarter|qtr|q|week|wk|period|day|t)"
_PERIOD_NUMBER_BEFORE = re.compile(rf"\b(?:{_PERIOD_NOUN}[ \t]?|t[ \t]?=[ \t]?)$", re.IGNORECASE)  # "t=1": time index
_PERIOD_HEADER = re.compile(rf"\s*(?:{_PERIOD_NOUN}s?|#|no\.?|n)\s*", re.IGNORECASE)


def _is_period_number(text: str, match: re.Match[str], cell: Cell | None) -> bool:
    """Whether a small whole number names a period rather than giving a value: right after a
    period noun ("year 1: 10,000", "Year 0 minus 10,000") or in a column headed by one ("yr"
    over 0, 1, 2 beside the cash flows). "years 1-4" (a range) is read as a length elsewhere."""
    num = match.group("num") or ""
    if match.group("neg") or not re.fullmatch(r"\d{1,2}", num):
        return False
    if re.match(r" ?[-–] ?\d", text[match.end() :]):  # "months 1-4: 2,000 each" names periods; "years 1-4" is a length
        return bool(re.match(r" ?[-–] ?\d{1,2}\s*[:=]", text[match.end() :])) and bool(
            _PERIOD_NUMBER_BEFORE.search(re.sub(r"s[ \t]?$", " ", text[max(0, match.start() - 9) : match.start()])))
    if cell is not None:
        return not cell.is_header and bool(_PERIOD_HEADER.fullmatch(cell.header))
    return bool(_PERIOD_NUMBER_BEFORE.search(text[max(0, match.start() - 8) : match.start()])) and not re.match(
        r"\s*(?:%|percent|k\b|m\b|[$€£]|months?\b|years?\b|yrs?\b|mos?\b|mths?\b)", text[match.end() :], re.IGNORECASE)
