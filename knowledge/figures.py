"""The one figure reader: every number in a message, typed, with the words that label it.

A figure is an amount ($24,000, 20k, €1.2M, 45 thousand dollars), a percentage (8%, 10-15%),
a duration (3 years, six months) or a plain count (reach 2000). Each carries its period when
the message gives one ("$500 a month", "monthly fee of $500", "annually") and the words around
it, cut at clause boundaries and at the neighbouring figures, so a calculator can tell which
input each figure is meant for (assistant/reading/calculate.py) without guessing.

Linear time: numbers are found by one anchored scan (a number never starts inside another
run of digits), and every other look is a bounded window around a figure.

It is the house's one number reader, at the bottom (knowledge/) so every layer reads numbers
the same way: ``read_figures`` for a message, ``read_amount`` for one bare value (a plan
command's field, a table cell), and the pieces they are built from (``NUMBER``, ``SCALES``,
``number_value``) for rules that find numbers inside a larger pattern (tools/goals.py) and for
``knowledge/values.py`` (every value of an answer or a course passage, what the grounding checker
compares). What only looks like a number (dates, phone numbers, codes, a signature) is told apart
in ``knowledge/not_figures.py``; numbers in words are read in ``knowledge/number_words.py``, the
words of scales, currencies and periods listed in ``knowledge/unit_words.py``, and which numbered
period a figure belongs to decided in ``knowledge/figure_periods.py``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from typing import Literal

from knowledge.figure_periods import _cell_of, _heading_periods, _is_period_number, _line_periods, _period_indexes
from knowledge.not_figures import is_date_or_code, signature_span
from knowledge.number_words import (  # noqa: F401 (re-exported: the one number reader's pieces)
    _MULTIPLIER, _SMALL, FREQUENCY_WORDS, MULTIPLIER_WORDS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS, WORD_NUMBERS,
    WORDS_NUMBER, words_value,
)
from knowledge.tables import Cell, find_cells
from knowledge.unit_words import (  # noqa: F401 (re-exported)
    _FOREIGN_ADVERBS, _FOREIGN_NOUNS, CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS, CURRENCY_WORDS,
    FOREIGN_DURATIONS, FOREIGN_PERIOD_WORDS, FOREIGN_PERIODS, MONTHS_IN, PERIOD_WORDS, SCALES,
)

Unit = Literal["money", "percent", "duration", "count"]
Period = Literal["day", "week", "month", "quarter", "half-year", "year"]

# The digits of a number: with thousands separators ("30,000.5"), plain ("30000", "1.5") or a
# bare fraction (".5").
NUMBER = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
# How people write numbers in messages, beyond NUMBER: European thousands dots ("18.500",
# "1.200.000", optionally with a decimal comma), thousands spaces ("25 000"), and a decimal
# comma ("68,50", "1,2 Mio") where no comma-thousands reading is possible (one or two digits
# after the comma and no further comma group), and scientific notation ("1.2e4", "2.0e3": an
# engineer's 12,000 and 2,000). Which reading of "18.500" applies is decided per message
# (``_european``).
MESSAGE_NUMBER = (
    r"\d(?:\.\d+)?[eE][+]?\d{1,2}(?![\w.])"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?![\d]|,\d)"
    r"|\d{1,3}(?:\.\d{3})+,\d{1,2}(?![\d,.])"
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,]\d|\s\d)"
    r"|\d{1,3}(?:['’]\d{3})+(?![\d])"
    rf"|{NUMBER}"
)
_DECIMAL_COMMA = re.compile(r"\d,\d{1,2}(?![\d]|,\d)")
# A number starts where no digit, letter, dot or comma is just before it (so a run of digits
# is entered once: no quadratic re-scanning). "(75,000)" in accounting format is negative (an
# amount of thousands in brackets; "low (0.5)" is a value in brackets).
_NUMBER = re.compile(
    rf"(?<![\w.])(?<!\d,)(?P<neg>[-\u2212]|\((?=\d{{1,3}}(?:[,.]\d{{3}})+(?:[.,]\d+)?\)|\d{{4,}}(?:\.\d+)?\)))?(?P<num>{MESSAGE_NUMBER})(?P<dec>,\d{{1,2}}(?![\d]|,\d))?"
    rf"|\b(?P<word>{WORDS_NUMBER})\b",
    re.IGNORECASE,
)
_CURRENCY_BEFORE = re.compile(
    rf"(?:(?:[A-Z]{{1,2}})?[{CURRENCY_SIGNS}]\s?|\b(?:{'|'.join(CURRENCY_CODES)}|rs\.?)\s?)$", re.IGNORECASE)
_SCALE = re.compile(r"[ \t\u00a0]?(k|thousand|mn|mm|mio|mln|m|million|bn|b|billion|lakhs?|crores?)\b", re.IGNORECASE)
_RANGE = re.compile(
    rf"(?:[ \u00a0]?[-–]\s?[{CURRENCY_SIGNS}]?(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,])"
    rf"|\s?to\s?[{CURRENCY_SIGNS}]?(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?=\s?(?:%|percent|k\b|m\b)))",
    re.IGNORECASE,
)
# The high end of a range whose ends both carry the scale: "£100k to £120k", "2M-2.5M".
_SCALED_RANGE = re.compile(
    rf"\s?(?:[-–]|to\b)\s?(?:[{CURRENCY_SIGNS}]\s?)?(?P<high>{NUMBER})\s?(?P<scale>k|mn|m|bn|b)\b", re.IGNORECASE)
# ("from $100k to $130k" is a change with two ends, not a range)
_AFTER_UNIT = re.compile(
    r"[^\S\n]?(?:(?P<pct>%|percent\b|per cent\b|pct\b|percentage points?\b|pp\b|%[\s-]?points?\b)"
    rf"|(?P<cur>{CURRENCY_WORDS})\b|(?P<cursign>[{CURRENCY_SIGNS}])"
    r"|[^\S\n-]?-?(?:(?:person|man|staff|developer|engineer)[\s-]?)?(?P<dur>days?|weeks?|wks?|months?|quarters?|years?|yrs?|mos|mo|mths?)\b"
    r"(?![\s-]*(?:old))"
    r"|(?<=\d)(?P<ydur>y)\b(?![\s-]*(?:old|[-–]?\s*y?\d))"  # "horizon 2y", "TCO 1y": glued to the number
    rf"|[^\S\n]?(?P<fdur>{'|'.join(sorted(FOREIGN_DURATIONS, key=len, reverse=True))})(?![^\W\d_]))",
    re.IGNORECASE,
)
_PERIOD_AFTER = re.compile(
    r"[^\S\n]?(?:(?:a|an|per|each|every|/|by|in\s+a|in\s+one|for(?=\s(?:year|month|week|quarter)\b))\s?(?P<per>half[\s-]?year|day|week|fortnight|month|quarter|year|annum|mo|yr|qtr|wk)\b(?![ \t\u00a0-]*(?:end|\d))"
    r"|[^\S\n]?(?P<adv>daily|weekly|fortnightly|monthly|quarterly|half-yearly|semi-?annually|yearly|annually|p\.?a\.?|p\.?m\.?)(?!\w)"
    rf"|[^\S\n]?(?:(?:/|pro|per|par|por|al|im|je|au|ogni|cada|chaque|jeden|jede|jeder|elke|varje|every|each)\s?(?P<fper>{'|'.join(sorted(_FOREIGN_NOUNS, key=len, reverse=True))})"
    rf"|(?P<fadv>{'|'.join(sorted(_FOREIGN_ADVERBS, key=len, reverse=True))}))(?![^\W\d_]))",
    re.IGNORECASE,
)
_WORDS_RANGE = re.compile(rf"\s*(?P<join>[-–]|\bto\b|\bor\b|\band\b)\s*(?P<high>{WORDS_NUMBER})\b", re.IGNORECASE)
_WORKER_UNIT = re.compile(r"\b(?:person|man|staff|developer|engineer)[\s-]?(?:day|week|month|quarter|year|mth|mo)s?\b",
                          re.IGNORECASE)
_PERIOD_BEFORE = re.compile(r"\b(daily|weekly|monthly|quarterly|yearly|annual|annually)\b", re.IGNORECASE)
_PERIOD_LATER = re.compile(
    r"(?:\b(?:a|an|per|each|every|in a|in one)\s|/)(day|week|month|quarter|year|annum|yr|mo|qtr)\b|\b(pm|pa)$")
# Years counted by their numbers: "in years 1-4" (a range after the word), "Y1–Y4".
# A head count right before a length of time: "two developers three months", "3 engineers for 2 weeks".
_CREW_BEFORE = re.compile(
    rf"(?<![\w.,])(?P<n>\d{{1,2}}|{_SMALL}|an?)\s+(?:full[\s-]time\s+)?(?:developers?|devs?|engineers?|people|persons?|"
    rf"designers?|analysts?|FTEs?|staff)\s+(?:(?:for|working|over|during|about|around|full[\s-]time|part[\s-]time|each)\s+)"
    rf"{{0,4}}$", re.IGNORECASE)
_EACH_OF_THE_NEXT = re.compile(r"\s*(?:in|for|over)\s+each\s+of\s+the\s+(?:next|following|coming|first|last)\s+[\w-]+\s+"
                               r"(day|week|month|quarter|year)s\b", re.IGNORECASE)
# A row label ending in a period ("Licence /mo", "Maintenance per yr"), then the cell's value, maybe
# after a spreadsheet cell reference and a formula sign ("B5: =350").
_PER_LABEL_BEFORE = re.compile(r"(?:\s/\s?|\bper\s+)(mo|month|yr|year|wk|week|qtr|quarter)\b\)?[ \t]*[:=]?"  # "licence (per yr)  9,500"
                               r"(?:[ \t]*[A-Z]{1,2}[1-9]\d{0,3}[ \t]*:)?[ \t]*=?[ \t]*$", re.IGNORECASE)
_PER_ANNUM_BEFORE = re.compile(r"(?:\bp\.\s?a\.?|\bper annum|\bp/a)\s*[:=]?\s*$", re.IGNORECASE)


_ABBREVIATION_DOT = re.compile(r"\b(?:incl|excl|approx|app)\.$", re.IGNORECASE)


def _sentence_start(source: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after ".", "!", "?" or a line break, where a dot
    followed by a digit ("6.000") or closing "incl." ends no sentence."""
    start = max(source.rfind(c, 0, pos) for c in "!?\n") + 1
    dot = source.rfind(".", start, pos)
    for _ in range(20):
        if dot < 0 or not (source[dot + 1 : dot + 2].isdigit() or _ABBREVIATION_DOT.search(source, max(0, dot - 7), dot + 1)):
            break
        dot = source.rfind(".", start, dot)
    return max(start, dot + 1)


_EACH_PERIOD = re.compile(r"\b(?:each|every|per)\s+(day|week|month|quarter|year)\b", re.IGNORECASE)
_YEARS_BEFORE = re.compile(r"\b(?:years?|yrs?)\s*$", re.IGNORECASE)
_YEAR_SPAN = re.compile(r"\bY(\d{1,2})\s?[-–]\s?Y(\d{1,2})\b")
_CELL_REFERENCE = re.compile(r"(?<![\w$€£])[A-Z]{1,2}[1-9]\d{0,3}[ \t]*:[ \t]*=?")
_ARROWS = re.compile(r"→|->|=>|⟶")
_ARROW = re.compile(r"[ \t]*(?:→|->|=>|⟶)[ \t]*")  # "2.5% → 2.8%": from one value to the other
_RATIO = re.compile(r"^\s*(?:[a-z]+\s+){0,2}?(?:out\s+of|of|/|from)\s*$", re.IGNORECASE)
# Where a figure's label stops: punctuation between clauses and the words that join clauses.
# "." ends a sentence, but not after an abbreviated label that a figure follows ("Impl. 45k", "Maint. 5k"),
# nor after "incl." / "excl." / "approx." inside a label ("Total cost incl. implementation: 38,000").
_BOUNDARY = re.compile(r"(?<![A-Za-z]{2})\.|(?<!\bincl)(?<!\bexcl)(?<!\bapprox)(?<!\bapp)\.(?![ \t]?[-+\u2212€£$]?\d)|[;!?\n,—–()|]|\s-\s|\s/\s(?!\s*(?:days?|weeks?|wks?|months?|mos?|quarters?|qtrs?|years?|yrs?|annum|hours?|hrs?|h)\b)|\b(?:and|but|while|whereas|plus|then|vs|versus)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['/-])*|[%$€£@α]", re.IGNORECASE)  # "über", "månad": one word each
WINDOW_WORDS = 6
# Beyond a quadrillion a run of digits is not an amount anyone means; the tools take the same
# bound (tools.base imports it), so every figure read is one a calculator accepts.
MAX_AMOUNT = 1e15
# A bare value on its own: a plan command's field or a table cell ("30,000", "30k", "1.5M", "80%").
_AMOUNT = re.compile(rf"(?P<num>{NUMBER})(?P<suffix>%|[km])?", re.IGNORECASE)


@dataclass
class Figure:
    """One figure of a message. ``value`` is in the figure's unit: currency amounts as written
    (k/M applied), percentages as percent (8 for 8%), durations in months."""

    value: float
    unit: Unit
    span: tuple[int, int]
    text: str
    period: Period | None = None
    high: float | None = None  # the upper end when a range was given ("10-15%")
    before: list[str] = field(default_factory=list)  # label words before, nearest last
    after: list[str] = field(default_factory=list)  # label words after, nearest first
    ratio: Literal["part", "whole"] | None = None  # "120 of 2400": part, whole
    joined: bool = False  # coordinated with the figure before ("$5k and $2k", "$5k plus $2k")
    scaled: bool = False  # written with k/M/million: an amount, never a duration
    change: Literal["from", "to"] | None = None  # an end of "from X to Y"
    lead: list[str] = field(default_factory=list)  # the sentence's words before the figure, past clause breaks
    currency: str | None = None  # ISO code of a money figure whose currency is written ("EUR" for "€5k")
    context: str = ""  # the user's words around the figure, as written
    cell: bool = False  # a cell of a pasted table (labelled by its header and row)
    period_index: int | None = None  # the period it belongs to, named by its number ("year 2: 12,000", a Year column)
    crew: bool = False  # people × time ("two developers three months"): a duration in person-months
    plus: bool = False  # written with a plus sign of its own ("then +25k, +30k back"): an amount coming in
    index: int = 0

    @property
    def label_words(self) -> list[str]:
        return self.before + self.after

    @property
    def is_range(self) -> bool:
        return self.high is not None

    def show(self) -> str:
        return self.text.strip()


def number_value(digits: str) -> float:
    """The value of digits matched by ``NUMBER``: "30,000.5" → 30000.5."""
    return float(digits.replace(",", ""))


def read_amount(text: str) -> tuple[float, bool] | None:
    """(value, is a percentage) of a bare value written alone, None for anything else.

    "30,000" → (30000, False); "30k" → (30000, False); "1.5M" → (1500000, False); "80%" →
    (80, True). Only digits with an optional "%", "k" or "m" straight after them: a field of a
    command or a cell of a table, where a unit, a range or a word means the user wrote something
    other than a number.
    """
    match = _AMOUNT.fullmatch(text)
    if match is None:
        return None
    value = number_value(match.group("num"))
    suffix = (match.group("suffix") or "").lower()
    if suffix == "%":
        return value, True
    return value * SCALES.get(suffix, 1.0), False


_EUROPEAN_THOUSANDS = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d.])")
_ENGLISH_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])")


def _european(text: str) -> bool:
    """Whether the message writes thousands with dots ("18.500 €", "1.200.000"): it has such a
    number and no comma-thousands number ("18,500"), so "1.500" cannot mean one and a half."""
    return bool(_EUROPEAN_THOUSANDS.search(text)) and not _ENGLISH_THOUSANDS.search(text)


def message_number_value(digits: str, decimal: str = "", european: bool = False) -> float:
    """The value of digits matched by ``MESSAGE_NUMBER`` (plus a decimal comma part, if any):
    "25 000" → 25000; "18.500,50" → 18500.5; "18.500" → 18500 in a message that writes
    thousands with dots, else 18.5; "68" with ",50" → 68.5."""
    digits = re.sub(r"[ \u00a0\u202f'’]", "", digits)
    if "," in digits and "." in digits and digits.index(".") < digits.index(","):
        whole, _, frac = digits.partition(",")
        return float(whole.replace(".", "") + "." + frac)
    if european and _EUROPEAN_THOUSANDS.fullmatch(digits):
        digits = digits.replace(".", "")
    value = number_value(digits)
    if decimal:
        value = float(f"{int(value)}.{decimal.lstrip(',')}")
    return value


def _number(match: re.Match[str], european: bool = False) -> float:
    if match.group("word"):
        return words_value(match.group("word"))
    value = message_number_value(match.group("num"), match.group("dec") or "", european)
    return -value if match.group("neg") else value


def _currency_code(written: str) -> str:
    """"USD ", "$", "euros", "Rs." → "USD", "USD", "EUR", "INR"; a sign with a country prefix
    ("US$", "C$", "A$") keeps it, so Canadian and US dollars are told apart."""
    written = written.strip().lower()
    if len(written) > 1 and written[-1] in CURRENCY_SIGNS and written[:-1].isalpha():
        return {"us": "USD", "c": "CAD", "ca": "CAD", "a": "AUD", "au": "AUD", "nz": "NZD", "hk": "HKD", "s": "SGD"}.get(
            written[:-1], written.upper())
    return CURRENCY_NAMES.get(written, written.upper())


def _words(text: str) -> list[str]:
    # an arrow between two values reads as "to" ("2.5% → 2.8%": from 2.5% to 2.8%)
    text = _CELL_REFERENCE.sub(" ", _ARROWS.sub(" to ", text))  # "A3: Data integration  B3: 4,200": no words "a", "b"
    return [w.lower().strip("'") for w in _WORD.findall(text)]


def _table_view(text: str) -> tuple[str, dict[int, Cell]]:
    """``text`` with the separators of pasted tables turned into tabs (same length, so every
    offset stays), and the cells by their start."""
    cells = find_cells(text)
    if not cells:
        return text, {}
    for header in (c for c in cells if c.is_header):  # "Impact (1-10)": a header's numbers describe the column
        chars = list(text)
        chars[header.span[0] : header.span[1]] = re.sub(r"\d", "#", text[header.span[0] : header.span[1]])
        text = "".join(chars)
    chars = list(text)
    lines = {text.rfind("\n", 0, c.span[0]) + 1 for c in cells}
    inside = {i for c in cells for i in range(*c.span)}
    for start in lines:
        end = text.find("\n", start)
        for i in range(start, len(text) if end < 0 else end):
            if i not in inside:
                chars[i] = "\t"
    return "".join(chars), {c.span[0]: c for c in cells}


# Words that may stand between a label and a value said in words: "impact seven", "confidence maybe
# six", "ease is eight", "effort: two".
_TO_LABELLED_WORD = re.compile(r"([^\W\d_]+)[ \t]*(?:[:=][ \t]*|[ \t]+(?:is|of|at|maybe|about|around|roughly|like)[ \t]+)*$")


def read_figures(text: str, value_words: dict[str, float] | None = None,
                 labels: frozenset[str] = frozenset()) -> list[Figure]:
    """Every figure in ``text``, in order, each with its unit, period and label words. A figure
    in a pasted table is labelled by its column's header and its row's text cells. ``value_words``
    are words that stand for a value on a calculator's scale ("high" for an impact of 2): each
    such word is a count figure too, unless a number follows it in brackets ("low (0.5)"). A small
    number in words right after one of ``labels`` is a figure ("impact seven"), as a digit would be."""
    source = text
    text, cells = _table_view(text)
    raw: list[tuple[int, int, Figure]] = []
    marks: list[tuple[int, int, int]] = []  # the numbers that name a period: (start, end, number)
    last_end = 0
    european = _european(text)
    signed = signature_span(text)
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if signed[0] <= start < signed[1]:
            continue  # an e-mail's signature: its street number, postcode and company number are no figures
        if start < last_end:
            continue
        value = _number(match, european)
        word = bool(match.group("word"))
        unit: Unit = "count"
        currency = _CURRENCY_BEFORE.search(text[max(0, start - 4) : start]) if not word else None
        code = None
        if currency:
            unit = "money"
            start -= len(currency.group(0))
            code = _currency_code(currency.group(0))
            if start and text[start - 1] in "-\u2212" and not text[max(0, start - 2) : start - 1].strip("( "):
                start -= 1  # "-€45k": the sign stands before the currency
                value = -value
        if match.group("neg") == "(" and text[end : end + 1] == ")":
            end += 1  # "(75,000)": accounting format for a negative amount
        if is_date_or_code(text, match, word):
            last_end = end
            continue
        if not word and _is_period_number(text, match, cells.get(match.start())):
            periods = re.match(r" ?[-–] ?\d{1,2}", text[end:])  # "months 1-4:": both ends name periods
            last_end = end + (periods.end() if periods else 0)
            if not periods:
                marks.append((start, last_end, int(match.group("num"))))
            continue
        high = None
        scaled = word and bool(re.search(rf"(?:\b(?:{_MULTIPLIER})\b|k$)", match.group("word"), re.IGNORECASE))
        ranged_words = _WORDS_RANGE.match(text, end) if word else None
        if ranged_words and (ranged_words.group("join").lower() != "and" or re.search(
                r"\bbetween\s+$", text[max(0, start - 10) : start], re.IGNORECASE)):
            # "five to eight thousand", "between five and eight thousand": one range, the
            # multiplier said once for both ends
            high = words_value(ranged_words.group("high"))
            lead = re.match(_SMALL, ranged_words.group("high"), re.IGNORECASE)
            said = not re.search(rf"\b(?:hundred|{_MULTIPLIER})\b", match.group("word"), re.IGNORECASE)
            if said and lead and words_value(lead.group(0)) and high > words_value(lead.group(0)):
                value *= high / words_value(lead.group(0))  # the high end's scale: "five or six hundred"
            scaled = scaled or bool(re.search(rf"\b(?:{_MULTIPLIER})\b", ranged_words.group("high"), re.IGNORECASE))
            end = ranged_words.end()
        vague = re.match(rf"\s+(hundred|{_MULTIPLIER})\b", text[end:], re.IGNORECASE) if word and high is None and re.fullmatch(
            r"(?:a\s+few|several)", match.group("word").strip(), re.IGNORECASE) else None
        if vague:  # "a few thousand", "several hundred": somewhere from two to nine of them, a range to ask about
            unit = 100.0 if vague.group(1).lower() == "hundred" else float(MULTIPLIER_WORDS[vague.group(1).lower()])
            value, high, scaled, end = 2 * unit, 9 * unit, True, end + vague.end()
        if not word:
            ranged = _RANGE.match(text, end)
            if ranged:
                high = number_value(ranged.group(1) or ranged.group(2))
                end = ranged.end()
            scale = _SCALE.match(text, end)
            if scale:
                scaled = True
                factor = SCALES[scale.group(1).lower()]
                value *= factor
                high = high * factor if high is not None else None
                end = scale.end()
                scaled_range = _SCALED_RANGE.match(text, end) if high is None else None
                if scaled_range and scaled_range.group("scale").lower() == scale.group(1).lower() and not (
                        "to" in scaled_range.group(0).lower() and re.search(r"\bfrom\s*\S{0,4}$", text[max(0, start - 12) : start], re.I)):
                    high = number_value(scaled_range.group("high")) * factor  # "£100k to £120k", "2M-2.5M"
                    end = scaled_range.end()
        after_unit = _AFTER_UNIT.match(text, end)
        if after_unit:
            if after_unit.group("pct"):
                unit = "percent"
                end = after_unit.end()
            elif after_unit.group("cur") or after_unit.group("cursign"):
                unit = "money"
                code = code or _currency_code(after_unit.group("cur") or after_unit.group("cursign"))
                end = after_unit.end()
            elif (after_unit.group("dur") or after_unit.group("fdur") or after_unit.group("ydur")) and unit != "money" \
                    and not scaled:  # "25k yrs 1-3" is an amount
                if after_unit.group("fdur"):  # "2 Jahre", "18 mois"
                    name = FOREIGN_DURATIONS[after_unit.group("fdur").lower()]
                elif after_unit.group("ydur"):
                    name = "year"
                else:
                    name = after_unit.group("dur").lower().rstrip("s")
                    name = {"yr": "year", "mo": "month", "mth": "month", "wk": "week"}.get(name, name)
                value *= MONTHS_IN[name]
                high = high * MONTHS_IN[name] if high is not None else None
                unit = "duration"
                end = after_unit.end()
        period = None
        per = _PERIOD_AFTER.match(text, end)
        labelled = _TO_LABELLED_WORD.search(text, max(0, start - 40), start) if word and labels else None
        if word and not after_unit and not per and value < 100 and not re.match(r"\s+times\b", text[end:], re.IGNORECASE) \
                and not (labelled and labelled.group(1).lower() in labels):
            continue  # a small number word alone ("one of the best", "three ideas") is not a figure
        if word and match.group("word").lower() in FREQUENCY_WORDS and not per:
            continue  # "once" alone says when, not how often ("5k once")
        person_months = False
        if per and unit == "count" and not scaled and (per.group("adv") or "").lower().replace(".", "") == "pm" \
                and (_WORKER_UNIT.search(text) or re.search(r"\beffort\s*(?:of|is|[:=])?\s*$", text[max(0, start - 14) : start], re.I)):
            unit, end, per, person_months = "duration", per.end(), None, True  # "4 person-months … 10 pm": effort
        if per and unit != "duration":
            key = re.sub(r"\s+", " ", (per.group("per") or per.group("adv") or "").lower().replace(".", ""))
            foreign = (per.group("fper") or per.group("fadv") or "").lower()
            period = FOREIGN_PERIODS[foreign] if foreign else PERIOD_WORDS.get(key)
            end = per.end()
        crew = _CREW_BEFORE.search(text[max(0, start - 40) : start]) if unit == "duration" and high is None else None
        if person_months:
            worker_crew = True
        elif crew:  # "two developers three months": people × time, in person-months
            people = crew.group("n")
            size = 1.0 if people.lower() in {"a", "an"} else words_value(people) if not people[0].isdigit() else float(people)
            if 1 <= size <= 50:
                crew_start = start - len(crew.group(0))
                while raw and raw[-1][0] >= crew_start:
                    raw.pop()  # the head count is part of this figure
                value, start, worker_crew = value * size, crew_start, True
        else:
            worker_crew = False
        if unit == "count" and high is not None and 1 <= value < high <= value + 50 and float(value).is_integer() \
                and float(high).is_integer() and _YEARS_BEFORE.search(text[max(0, start - 8) : start]):
            value, high, unit = (high - value + 1) * 12, None, "duration"  # "in years 1-4": four years
        if not all(math.isfinite(v) and abs(v) <= MAX_AMOUNT for v in (value, high or 0.0)):
            last_end = end
            continue  # a run of digits too long to be an amount anyone means
        figure = Figure(value=value, unit=unit, span=(start, end), text=source[start:end].strip(), period=period, high=high,
                        scaled=scaled, currency=code, crew=worker_crew)
        raw.append((start, end, figure))
        last_end = end
    for span in _YEAR_SPAN.finditer(text):  # "Y1–Y4": years one to four, as a length of time
        low, top = int(span.group(1)), int(span.group(2))
        if 1 <= low < top <= low + 50 and not any(a < span.end() and span.start() < b for a, b, _ in raw):
            raw.append((span.start(), span.end(), Figure(value=(top - low + 1) * 12.0, unit="duration", span=span.span(),
                                                         text=source[span.start() : span.end()])))
    raw.sort(key=lambda item: item[0])
    if value_words:
        taken = [(a, b) for a, b, _ in raw]
        pattern = re.compile(r"\b(" + "|".join(map(re.escape, value_words)) + r")\b(?!\s*\(\s*[-+]?\d)", re.IGNORECASE)
        for match in pattern.finditer(text):
            if not any(a < match.end() and match.start() < b for a, b in taken):
                raw.append((match.start(), match.end(), Figure(
                    value=value_words[match.group(1).lower()], unit="count", span=match.span(), text=match.group(0))))
        raw.sort(key=lambda item: item[0])
    figures = [f for _, _, f in raw]
    each_said: set[int] = set()
    for i, figure in enumerate(figures):
        figure.index = i
        prev_end = figures[i - 1].span[1] if i else 0
        next_start = figures[i + 1].span[0] if i + 1 < len(figures) else len(text)
        # "+25k" after words or a comma is a sign; "5k +2k" (nothing but a space after a figure) adds
        figure.plus = figure.span[0] > 0 and text[figure.span[0] - 1] == "+" and bool(
            text[prev_end : figure.span[0] - 1].strip()) and not text[prev_end : figure.span[0] - 1].rstrip().endswith(("and", "plus"))
        before_text = text[max(prev_end, figure.span[0] - 120) : figure.span[0]]
        after_text = text[figure.span[1] : min(next_start, figure.span[1] + 120)]
        cut = None
        cuts = list(_BOUNDARY.finditer(before_text))
        if cuts and cuts[-1].group(0) == "(" and not before_text[cuts[-1].end() :].strip():
            cuts.pop()  # "impact is low (0.5)": a value in brackets is labelled by the words before them
        cut = cuts[-1] if cuts else None
        if cut is not None:
            # "$30k to set up and $6k for training": nothing but "and"/","/"plus" between the
            # previous figure's words and this one, so this one is coordinated with it.
            figure.joined = i > 0 and prev_end >= figure.span[0] - 120 and not re.search(
                r"[?!\n]|\.(?!\d)", before_text[: cut.start()]) and bool(  # "… this yr. roi?\noh and 1k": a new sentence
                re.fullmatch(r"(?:and|plus|,|\+)\s*(?:another|an? extra|also)?\s*", before_text[cut.start() :].strip(), re.I)
                or re.fullmatch(r"(?:and|plus|,|\+)", before_text[cut.start() :].strip(), re.I))
            before_text = before_text[cut.end() :]
        else:
            figure.joined = i > 0 and bool(re.fullmatch(r"\s*\+\s*", before_text))
        stop = _BOUNDARY.search(after_text)
        if stop:
            after_text = after_text[: stop.start()]
        sentence_start = _sentence_start(source, figure.span[0])
        figure.lead = _words(source[max(sentence_start, prev_end, figure.span[0] - 200) : figure.span[0]])[-16:]
        figure.before = _words(before_text)[-WINDOW_WORDS:]
        figure.after = _words(after_text)[:WINDOW_WORDS]
        if re.match(r"x(?:/|\b)", text[figure.span[1] : figure.span[1] + 2], re.IGNORECASE) and figure.after[:1] and (
                figure.after[0] == "x" or figure.after[0].startswith("x/")):  # "3x a year", "4x/yr": how many times
            figure.after = (["times", *(["per", figure.after[0][2:]] if figure.after[0][2:] else [])]
                            + figure.after[1:])[:WINDOW_WORDS]
            if figure.period is None and len(figure.after) > 1 and figure.after[1] in {"yr", "year", "mo", "month", "wk", "week",
                                                                                      "qtr", "quarter", "day"}:
                figure.period = PERIOD_WORDS[figure.after[1]]  # "5x yr" in shorthand: five times a year
        worker = _WORKER_UNIT.search(figure.text)
        if figure.crew:  # "two developers three months": person-months, named as such
            figure.after = (["person", "months"] + figure.after)[:WINDOW_WORDS]
        elif worker:  # "2 person-months": the unit names the input, as the words after a figure do
            figure.after = (_words(worker.group(0).replace("-", " ")) + figure.after)[:WINDOW_WORDS]
        kept_before = list(re.finditer(r"\S+", before_text))[-WINDOW_WORDS:]
        kept_after = list(re.finditer(r"\S+", after_text))[:WINDOW_WORDS]
        start = figure.span[0] - len(before_text) + kept_before[0].start() if kept_before else figure.span[0]
        end = figure.span[1] + kept_after[-1].end() if kept_after else figure.span[1]
        figure.context = source[start:end].strip()
        cell = _cell_of(cells, figure)
        if cell is not None and cell.span[0] == figure.span[0]:  # a table cell: named by its header and its row
            figure.before = _words(" ".join(cell.row_text[:1]) + " " + cell.header)[-WINDOW_WORDS:]
            figure.after = _words(" ".join(cell.row_text[1:]))[:WINDOW_WORDS]
            figure.joined = False
            figure.cell = True
            line_start = source.rfind("\n", 0, figure.span[0]) + 1
            line_end = source.find("\n", figure.span[1])
            figure.context = source[line_start : len(source) if line_end < 0 else line_end].strip()
            if figure.period is None and figure.unit != "duration":
                later = _PERIOD_LATER.search(cell.header.lower())
                if later:  # "Reach/qtr"
                    figure.period = PERIOD_WORDS[later.group(1)]
        if figure.period is None and figure.unit != "duration":
            later = _PERIOD_LATER.search(" ".join(figure.after))
            if later:  # "4 purchases per year", "$45,000 extra profit in a year", "2k extra profit pm"
                figure.period = PERIOD_WORDS[later.group(1) or later.group(2)]
        if figure.period is None and figure.unit != "duration" and len(figure.before) >= 2 and figure.before[-2] in {
                "per", "a", "each", "every", "an"} and figure.before[-1] in PERIOD_WORDS and re.search(
                r"\w[\s_]+(?:per|an?|each|every)[\s_]+\w+\s*[:=]\s*$", before_text, re.IGNORECASE):
            figure.period = PERIOD_WORDS[figure.before[-1]]  # "Purchases per year: 4", "orders_per_year=3.5"
        if figure.unit == "count" and not figure.scaled and re.search(
                r"(?:^|[\s_])(?:pct|percent|percentage)[ \t]*[:=][ \t]*$", before_text, re.IGNORECASE):
            figure.unit = "percent"  # "gross_margin_pct=40", "Margin percent: 40": the label says it is a percentage
        if figure.period is None and figure.unit != "duration":
            said = list(_EACH_PERIOD.finditer(text, max(sentence_start, figure.span[0] - 300), figure.span[0]))
            earlier = [g for g in figures[max(0, i - 5) : i] if g.span[0] >= sentence_start]
            own_clause = bool(said) and said[-1].start() >= prev_end and not _BOUNDARY.search(
                text[said[-1].end() : figure.span[0]])  # "… and then every year we pay 4,000"
            if said and len(earlier) < 5 and (all(g.unit == "duration" for g in earlier) or own_clause):
                # "Each year for four years it should save $50,000"; "Start cost 12,000, and then every year we pay 4,000"
                figure.period = PERIOD_WORDS[said[-1].group(1).lower()]
                each_said.add(i)
            elif said and figure.joined and i - 1 in each_said:
                figure.period = figures[i - 1].period  # "every year we pay 4,000 for licence and 2,500 for support"
                each_said.add(i)
        each_of = _EACH_OF_THE_NEXT.match(text, figure.span[1]) if figure.period is None and figure.unit != "duration" else None
        if each_of:  # "$40,000 in each of the next three years"
            figure.period = PERIOD_WORDS[each_of.group(1).lower()]
        if figure.period is None and figure.unit != "duration" and _PER_ANNUM_BEFORE.search(
                text[max(prev_end, figure.span[0] - 30) : figure.span[0]]):
            figure.period = "year"  # "Software p.a.   14.400"
        per_label = _PER_LABEL_BEFORE.search(text[max(prev_end, figure.span[0] - 30) : figure.span[0]])
        if figure.period is None and figure.unit != "duration" and per_label:
            figure.period = PERIOD_WORDS.get(per_label.group(1).lower())  # "Platform licence /mo   B5: =350"
        if figure.period is None and figure.unit != "duration":
            adjective = _PERIOD_BEFORE.findall(" ".join(figure.before[-3:]) + " " + " ".join(figure.after[:3]))
            if len({PERIOD_WORDS[a.lower()] for a in adjective}) == 1:
                figure.period = PERIOD_WORDS[adjective[0].lower()]  # "a monthly fee of $500"
        if figure.period is None and figure.unit != "duration" and not (i and figures[i - 1].span[0] >= sentence_start):
            adjective = _PERIOD_BEFORE.findall(source[max(sentence_start, figure.span[0] - 300) : figure.span[0]])
            if len({PERIOD_WORDS[a.lower()] for a in adjective}) == 1:  # "Net monthly savings …, are projected at CHF 7,400"
                figure.period = PERIOD_WORDS[adjective[0].lower()]
        glued = re.fullmatch(r"[a-z&-]+/(\w+)", figure.before[-1]) if figure.before else None
        if figure.period is None and figure.unit != "duration" and glued and PERIOD_WORDS.get(glued.group(1)) and re.fullmatch(
                r"[\s:=-]*", text[text.rfind("/", 0, figure.span[0]) + 1 + len(glued.group(1)) : figure.span[0]]):
            figure.period = PERIOD_WORDS[glued.group(1)]  # "orders/yr: 4": the label says the period
        if i + 1 < len(figures) and (figure.before[-1:] == ["from"] and re.fullmatch(r"\s*to\s*", text[figure.span[1] : next_start])
                                     or _ARROW.fullmatch(text[figure.span[1] : next_start])):
            figure.change = "from"  # "went from $100k to $130k", "2.5% → 2.8%": two ends of one change
            figures[i + 1].change = "to"
        ratio = _RATIO.match(text[figure.span[1] : next_start]) if i + 1 < len(figures) else None
        if ratio and figure.unit == "percent" and ratio.group(0).strip().lower().endswith("from"):
            ratio = None  # "up 20% from 500/month": a change from an amount, not a part of a whole
        if ratio:
            # "120 of 2400": part, then whole; "41,250 / 1,031": a slash is read either way, the larger is the whole
            swap = "/" in ratio.group(0) and figure.value > figures[i + 1].value
            figure.ratio = "whole" if swap else "part"
            figures[i + 1].ratio = "part" if swap else "whole"
    _period_indexes(text, figures, marks, cells)
    _line_periods(text, figures)
    _heading_periods(text, figures)
    _list_periods(text, figures)
    return _estimate_ranges(text, figures)


_LIST_SEPARATOR = re.compile(r"[ \t]*(?:,|,?[ \t]*(?:and|&)|;)[ \t]*", re.IGNORECASE)


def _list_periods(text: str, figures: list[Figure]) -> None:
    """A period said once after a list of three or more amounts with nothing but commas and "and"
    between them is said of each ("returns of 18,000, 20,000 and 22,000 per year"); a list whose
    items have words of their own ("setup 5k, training 2k and licence 300 a month") is not one."""
    for i, last in enumerate(figures):
        if last.period is None or last.unit not in {"money", "count"}:
            continue
        run = [last]
        for prev in reversed(figures[:i]):
            if prev.period is not None or prev.unit != last.unit or prev.period_index is not None or not \
                    _LIST_SEPARATOR.fullmatch(text[prev.span[1] : run[-1].span[0]]):
                break
            run.append(prev)
        if len(run) >= 3:
            for fig in run[1:]:
                fig.period = last.period


# An estimate given as two ends: "between 8 and 12k", "anywhere from 50 to 60". Only with a word
# that says the value lies between the ends: a plain "from X to Y" is a change with two ends.
_ESTIMATE_FROM = {"anywhere", "somewhere", "roughly", "around", "about", "approximately", "approx", "maybe"}


def written_scale(value: float, text: str) -> float | None:
    """The factor a scaled figure's k / thousand / M applied to the number written: 1,000 for
    value 12,000 written "12k" or "12 thousand"; None when no such factor is written."""
    written = re.match(r"\D*?(\d+(?:[.,]\d+)?)", text or "")
    number = float(written.group(1).replace(",", ".")) if written else 0.0
    scale = value / number if number else 0.0
    return scale if scale in {1e3, 1e6, 1e9} else None


def _estimate_ranges(text: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` with each estimate said as two ends made one range figure (the scale written
    on the high end applies to a bare low end: "between 8 and 12k" is 8,000 to 12,000)."""
    out: list[Figure] = []
    skip = False
    for i, low in enumerate(figures):
        if skip:
            skip = False
            continue
        high = figures[i + 1] if i + 1 < len(figures) else None
        between = text[low.span[1] : high.span[0]] if high is not None else ""
        said = high is not None and low.high is None and high.high is None and not low.cell and (
            low.before[-1:] == ["between"] and re.fullmatch(r"\s*and\s*", between)
            or low.change == "from" and len(low.before) >= 2 and low.before[-2] in _ESTIMATE_FROM
            # "somewhere 50 to 70", "roughly 4 - 6": an estimate word right before two ends (not "from about 40 to 46")
            or low.before[-1:] and low.before[-1] in _ESTIMATE_FROM and low.change is None
            and low.before[-2:-1] != ["from"] and re.fullmatch(r"\s*(?:to|[-–])\s*", between))
        years = all(f.unit == "count" and not f.scaled and f.value == int(f.value) and 1900 <= f.value <= 2100
                    for f in (low, high or low))  # "between 2024 and 2026": a span of dates
        if not said or years or low.unit not in {high.unit, "count"} or high.unit not in {"money", "count", "percent"}:
            out.append(low)
            continue
        value = low.value
        if high.scaled and not low.scaled and (scale := written_scale(high.value, high.text)) and low.value < high.value / scale:
            value *= scale  # "between 20 and 26 thousand", "between 8 and 12k": the scale is written once
        if not 0 <= value < high.value:
            out.append(low)
            continue
        start = text.find(low.context) if low.context else -1
        context = (text[start : max(start + len(low.context), high.span[1])] if start >= 0 else low.context).strip()
        out.append(replace(low, value=value, high=high.value, span=(low.span[0], high.span[1]),
                           text=text[low.span[0] : high.span[1]], after=list(high.after), change=None,
                           unit=high.unit, currency=high.currency or low.currency, scaled=low.scaled or high.scaled,
                           period=low.period or high.period, context=context))
        skip = True
    for number, figure in enumerate(out):
        figure.index = number
    return out
