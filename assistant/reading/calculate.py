"""Figures → calculator inputs, or one clarifying question; and the account of every figure.

The calculator a message asks for is found by the words in its spec (tools/registry.py); each
figure (knowledge/figures.py) takes the input whose label words stand nearest to it, among the
inputs its unit fits, and only when that evidence beats the next-best input by ROLE_MARGIN (else
the user is asked which input it is). Parts of one input are summed (figures offered as options,
"30k or 42k", are a choice to ask about), periods normalised to what the tool wants,
several projects become one record each. When an input is missing, a figure fits two inputs
equally, a period is not said, or a range is given, the answer is a Clarification: nothing is
computed from a guessed role. Every figure ends up in the account: the role it was given, or
why it was not used.

A money figure no label names takes the input of its direction and period (assistant/reading/
money.py: paying, a charge, a licence go out; saves, brings in, extra margin come in). Amounts
given one per period become a cash-flow series; a horizon is read in any wording ("a two-year
TCO", "over 24 months", "first year"); two currencies, options given side by side, a rate per
unit, a hedged or negative figure are asked about, never summed.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from assistant.reading.asks import split_asks
from assistant.reading.shares import priced_units, with_shares
from assistant.reading.totals import nested_parts, table_totals
from assistant.reading.money import (
    MIN_BARE_AMOUNT,
    MONEY_IN,
    MONEY_OUT,
    PERIOD_NAMES,
    PREPOSITIONS,
    amount_like,
    asks_about_a_figure,
    bracket_totals,
    changes_amounts,
    counts_nouns,
    counts_things,
    lowers,
    elsewhere,
    funds_the_cost,
    margin_for,
    money_direction,
    judges_own_figures,
    only_asks_meaning,
    range_point,
    replacements,
    rescaled,
    revenue_only,
    said_to_drop,
    set_aside,
    stem_in,
    taken_back,
    offered_instead,
    corrected_in_place,
    unknown_values,
    unplaced_amount,
)
from assistant.types import Clarification
from knowledge.figures import MONTHS_IN, UNIT_WORDS, Figure, read_figures, words_value
from tools.errors import ToolInputError
from tools.registry import SPECS, TOOLS, validate_args
from tools.spec import FieldSpec, ToolSpec

UNITS_ACCEPTED = {
    "money": {"money", "count"},
    "percent": {"percent"},
    "fraction": {"percent", "count"},
    "count": {"count"},
    "duration": {"duration", "count"},
}
HORIZON_WORDS = {"over", "for", "across", "within", "horizon", "period", "during", "after"}
RATIO_SCORE = 0.25  # below any label word within three words
AFTER_PENALTY = 0.5
# Staff time counted in people × time, after a number: "2 FTE-months", "3 person-days", "4 man-weeks".
_STAFF_TIME = re.compile(r"\s*(?:fte|person|man|staff|developer|dev|engineer)s?[\s-]?(?:days?|weeks?|months?|mos?|years?)\b",
                         re.IGNORECASE)
TOTAL_WORDS = {"total", "overall", "altogether", "all-in", "combined"}
HEDGE_WORDS = {"maybe", "perhaps", "possibly", "eventually"}  # "eventually" is "possibly" in many Europeans' English
MODAL_WORDS = {"could", "might", "may", "would", "optional", "optionally", "also", "add", "extra", "another"}
MAX_FIGURES = 100  # beyond this a message is a data dump, not one calculation's inputs
PERIOD_TIEBREAK = 0.01  # far below the gap between two label distances
# How sure a figure's role must be to compute with it: the evidence for the best input (its label
# words' closeness, 1/distance) must beat the next-best input by this margin, else the user is
# asked which input it is. Adjacent distances 1 vs 2 (margin 0.5) and 2 vs 3 (0.17) decide; 3 vs
# 4 words (0.08), or a label before against one after at about the same distance, do not. Equal
# labels split by the period ("$2,000 a month" the running cost) are decided by PERIOD_TIEBREAK.
ROLE_MARGIN = 0.1
# Labels that are small function words name a figure only right next to it: "to 3.5%" is a target,
# "want to be able to catch a 10% lift" is not.
ADJACENT_ONLY = {"to", "at", "from"}
LINKING_WORDS = {"was", "is", "were", "are", "be", "will", "would", "of", "came", "comes", "to", "at", "about", "around",
                 "roughly", "approximately", "approx", "came", "totalled", "totaled", "totals", "total"}
# The profit of sales, said beside the sales it came from: a saving is another gain, not this one.
GROSS_PROFIT = ("profit", "margin", "contribution", "earnings")
DEDUCTION_WORDS = {"after", "less", "minus", "excluding"}  # what follows them was taken off the figure


@dataclass
class Reading:
    """How one figure was read: the role (tool.field) it filled, or why it was not used."""

    figure: Figure
    roles: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def used(self) -> bool:
        return bool(self.roles)


@dataclass
class Calculation:
    calls: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    clarification: Clarification | None = None
    topic: str = ""
    titles: list[str] = field(default_factory=list)

    def account_lines(self) -> list[str]:
        """'What I read': each figure, its role and the words it came from; unused ones with why."""
        lines = []
        for reading in self.readings:
            fig = reading.figure
            words = fig.context or fig.show()
            if reading.used:
                lines.append(f"{fig.show()} → {', '.join(reading.roles)} (from “{words}”){reading.note}")
            else:
                lines.append(f"{fig.show()} → not used: {reading.note or 'no calculator input it fits'} (from “{words}”)")
        return lines


class _NeedsAsking(Exception):
    def __init__(self, clarification: Clarification) -> None:
        super().__init__(clarification.question)
        self.clarification = clarification


def _ask(question: str, options: list[str] | None = None) -> _NeedsAsking:
    return _NeedsAsking(Clarification(question=question, options=options or []))


def _token_match(label_word: str, token: str) -> bool:
    if token == label_word or token == label_word + "s":
        return True
    return len(label_word) >= 4 and token.startswith(label_word)


@lru_cache(maxsize=512)
def _parts(label: str) -> tuple[str, ...]:
    return tuple(label.replace("-", " ").split()) if " " in label else (label,)


def _distance(words: list[str], label: str, reverse: bool) -> int | None:
    """Distance (1 = adjacent to the figure) of ``label`` in a window, or None."""
    parts = _parts(label)
    n = len(parts)
    best = None
    for i in range(len(words) - n + 1):
        if all(_token_match(p, w) for p, w in zip(parts, words[i : i + n])):
            d = len(words) - (i + n) + 1 if reverse else i + 1
            best = d if best is None else min(best, d)
    return best


def label_score(fig: Figure, spec_field: FieldSpec) -> float:
    """1/distance of the nearest label word; a word after the figure counts half a word
    farther, so "from 3% to 3.6%" gives 3% to "from", not to "to"."""
    best = 0.0
    window = fig.before + fig.after
    for label in spec_field.labels:
        first = _parts(label)[0]
        if not any(_token_match(first, word) for word in window):
            continue
        for words, reverse, extra in ((fig.before, True, 0.0), (fig.after, False, AFTER_PENALTY)):
            d = _distance(words, label, reverse)
            if d is not None and (d == 1 or label not in ADJACENT_ONLY):
                best = max(best, 1.0 / (d + extra))
    if spec_field.ratio and fig.ratio == spec_field.ratio:
        best = max(best, RATIO_SCORE)
    if best and (spec_field.period is None) == (fig.period is None):
        best += PERIOD_TIEBREAK  # same labels: "$2,000 a month" is the running cost, "$10,000" the up-front one
    return best


# Words that only hedge the value between a label and its figure: "AOV anywhere from 50 to 60".
APPROXIMATORS = {"about", "around", "roughly", "approx", "approximately", "anywhere", "somewhere", "from", "between",
                 "~", "circa", "ca", "maybe", "some", "is", "was", "of"}


def _named_next_to(fig: Figure, spec_field: FieldSpec) -> bool:
    """Whether a label of the input stands right before the figure ("AOV 80", "order value 50"),
    hedging words aside ("AOV anywhere from 50 to 60")."""
    before = list(fig.before)
    while len(before) > 1 and before[-1] in APPROXIMATORS:
        before.pop()
    return bool(before) and any(_distance(before, label, True) == 1 for label in spec_field.labels)


def _claimed(prev: Figure, fig: Figure, prev_role: str | tuple[str, ...] | None, spec: ToolSpec) -> Figure:
    """``fig`` without the label word that names the figure before it: in "12,000 visitors 360
    orders" the word "visitors" follows 12,000 and named it, so it is no label of 360."""
    if not isinstance(prev_role, str) or not prev.after or not fig.before or fig.before[0] != prev.after[0]:
        return fig
    if len(fig.before) > len(prev.after) or fig.before != prev.after[: len(fig.before)]:
        return fig  # the words before the figure reach past the one before it
    named_after = any(_token_match(_parts(label)[0], prev.after[0]) for label in spec.field(prev_role).labels)
    named_before = prev.before and any(_token_match(_parts(label)[-1], prev.before[-1])
                                       for label in spec.field(prev_role).labels)
    if not named_after or named_before:
        return fig
    return dataclasses.replace(fig, before=fig.before[1:])


def _named_before(figures: list[Figure], fig: Figure) -> Figure:
    """A figure with no words of its own right after a length of time takes the words naming
    that clause: "savings in support costs over the 2 years: €40,000" are savings."""
    prev = next((f for f in figures if f.index == fig.index - 1), None)
    if any(w not in LINKING_WORDS for w in fig.before + fig.lead) or prev is None or prev.unit != "duration" or not prev.before:
        return fig  # "the extra profit over those same two years was 310k": the words before the years name it
    return dataclasses.replace(fig, before=list(prev.before), lead=list(prev.lead))


CLAUSE_VERBS = {"is", "are", "was", "were", "comes", "came", "costs", "runs"}


def _own_clause(fig: Figure) -> Figure:
    """A figure said as its clause's complement ("setup is eight grand") is not named by the subject of
    the next clause, unpunctuated as speech is: in "… eight grand the integration with our catalog is
    three k", the words up to "is" name the next figure."""
    if not CLAUSE_VERBS & set(fig.before[-3:]):
        return fig
    verb = next((k for k, word in enumerate(fig.after) if word in CLAUSE_VERBS), None)
    if verb is None or verb == 0:
        return fig
    return dataclasses.replace(fig, after=[])


def _phrase_head(spec: ToolSpec, fig: Figure) -> Figure:
    """A figure named by a noun phrase "X of/for the Y" where both X and Y are labels of inputs is
    named by its head X: "training of the team 3.000" is training, whatever input "team" names."""
    for k in range(len(fig.before) - 2, 0, -1):
        if fig.before[k] in {"of", "for"} and len(fig.before) - k <= 4:
            head = dataclasses.replace(fig, before=fig.before[:k])
            tail = fig.before[k + 1 :]
            heads = {f.name for f in spec.fields for label in f.labels if _distance(head.before, label, True) == 1
                     and _fits(fig, f)}  # "cost of capital of 9%": a percentage is no cost, so "cost" is no head
            tails = {f.name for f in spec.fields for label in f.labels if _distance(tail, label, True) is not None}
            return head if heads and tails - heads else fig
    return fig


def _net_of(fig: Figure) -> Figure:
    """A figure named "net saving after its running fee" is the saving: the words from "after" (or
    "net of", "less") name what was taken off it, not what it is."""
    after = fig.after
    for k, word in enumerate(fig.after):  # "saves 2.5k a month after fees": fees are taken off, not the figure
        if word in DEDUCTION_WORDS or fig.after[k : k + 2] == ["net", "of"]:
            after = fig.after[:k]
            break
    lead = fig.lead
    for k in range(len(fig.lead) - 1, 0, -1):  # "Net monthly savings, after the running licence, are … CHF 7,400"
        if fig.lead[k] in DEDUCTION_WORDS:
            lead = fig.lead[:k]
            break
    for k in range(len(fig.before) - 1, 0, -1):
        if fig.before[k] in DEDUCTION_WORDS or fig.before[k - 1 : k + 1] == ["net", "of"]:
            return dataclasses.replace(fig, before=fig.before[: k - 1 if fig.before[k] == "of" else k], after=after,
                                       lead=lead)
    return dataclasses.replace(fig, after=after, lead=lead) if (after, lead) != (fig.after, fig.lead) else fig


def deductions_in_period(text: str, figures: list[Figure]) -> list[Figure]:
    """A figure taken off the one right before it ("saves 1,500 a month minus 300 running cost",
    "2k/mo less 250 fees") is counted in that figure's period, when it says none of its own."""
    out = list(figures)
    for prev, fig in zip(figures, figures[1:]):
        if fig.period or not prev.period or fig.before[-1:] not in (["minus"], ["less"]) or fig.unit not in {"money", "count"}:
            continue
        between = text[prev.span[1] : fig.span[0]]
        if len(between) <= 30 and not re.search(r"[.;!?\n](?!\d)", between):  # "less" lowers nothing here
            out[fig.index] = dataclasses.replace(fig, period=prev.period, before=fig.before[:-1])
    return out


def _fits(fig: Figure, spec_field: FieldSpec) -> bool:
    if spec_field.unit == "duration" and fig.unit == "count" and amount_like(fig):
        return False  # "25,000 a year for three years": an amount per period is never a length of time
    if spec_field.unit == "duration" and fig.unit == "count" and (fig.scaled or (counts_things(fig) and not any(
            _token_match(_parts(label)[0], fig.after[0]) for label in spec_field.labels))):
        return False  # "6k" is an amount, "6 merchandisers" a count of people: never a number of years
    if spec_field.unit == "money" and counts_nouns(fig):
        return False  # "saved 200 hours", "40 staff": a count of things is no amount of money
    if spec_field.unit == "money" and fig.unit == "count" and not fig.scaled and 0 < abs(fig.value) < MIN_BARE_AMOUNT \
            and not _named_next_to(fig, spec_field) and not (fig.period and not counts_things(fig)):
        return False  # "our 3 stores": a small bare number is a count, not an unmarked amount ("AOV 80", "99/mo" are)
    if spec_field.unit == "fraction" and fig.unit == "count" and amount_like(fig):
        return False  # "twelve thousand … discount rate": an amount is never a rate or a share
    if spec_field.unit == "percent" and fig.unit == "count" and 0 < fig.value < 1 and _named_next_to(fig, spec_field):
        return True  # "cr 0.035": a rate written as a fraction, right after its name
    return fig.unit in UNITS_ACCEPTED[spec_field.unit]


def signed_direction(fig: Figure, signed: bool) -> str | None:
    """The direction a sign gives: "-40k now" goes out; where the message writes its outlay with a
    minus, an unsigned amount beside it ("then 15k a year") comes in. None when no sign is written."""
    if fig.value < 0:
        return "out"
    return "in" if signed else None


def _by_direction(spec: ToolSpec, fig: Figure, inherited: str | None = None, signed: bool = False) -> str | None:
    """The money input a figure no label names belongs to, by its direction and its period: a
    recurring cost is the running cost, a one-off the up-front one."""
    if not unplaced_amount(fig):
        return None  # "20,000 subscribers": a count of things, not an amount of money
    directions = {f.direction for f in spec.fields if f.direction}
    # in a calculator whose money inputs are all costs (TCO), an amount is a cost whatever its words
    direction = money_direction(fig) or inherited or (directions.pop() if len(directions) == 1 else None) \
        or signed_direction(fig, signed)
    fields = [f for f in spec.fields if f.direction and f.direction == direction and _fits(fig, f)]
    if len(fields) > 1:
        fields = [f for f in fields if (f.period is None) == (fig.period is None)] or fields
    return fields[0].name if len(fields) == 1 else None


def role_confidence(scores: dict[str, float]) -> tuple[tuple[str, ...], float]:
    """The inputs that share the best evidence, and the margin of that evidence over the next-best
    input (the top score itself when no other input is named; 0 when several tie)."""
    ranked = sorted(scores.values(), reverse=True)
    top = ranked[0]
    best = tuple(k for k, v in scores.items() if v == top)
    if len(best) > 1:
        return best, 0.0
    return best, top - (ranked[1] if len(ranked) > 1 else 0.0)


def _role(spec: ToolSpec, fig: Figure, scores: dict[str, float]) -> str | tuple[str, ...]:
    """One input when its evidence is sure enough, else the inputs to ask between."""
    best, margin = role_confidence(scores)
    if len(best) > 1 or margin >= ROLE_MARGIN:
        return best[0] if len(best) == 1 else best
    second = max((k for k in scores if k != best[0]), key=lambda k: scores[k])
    if round(scores[best[0]] - scores[second], 6) == PERIOD_TIEBREAK:
        return best[0]  # the same label distance, split by the figure's period: that is evidence
    if spec.records:
        return best[0]  # a project's row: its order in the record decides, as the table reader reads it
    return (best[0], second)


def _by_initial(spec: ToolSpec, figures: list[Figure]) -> dict[int, str | tuple[str, ...]]:
    """figure index → input, for figures written right after their input's letter in the method's
    acronym ("I 5 / C 8 / E 4"), where the message writes two letters or more (one "I 5" could be
    the pronoun). A letter two inputs share (E: effort or ease) is the input of the longest method
    whose letters are all written (R, I, C, E: effort; I, C, E alone: ease)."""
    letters = {f.initial for f in spec.fields if f.initial}
    named = {fig.index: fig.before[-1] for fig in figures
             if fig.before[-1:] and fig.before[-1] in letters and fig.unit in {"count", "percent"}}
    if len(set(named.values())) < 2:
        return {}
    written = set(named.values())
    complete = [alt for alt in spec.requires if {spec.field(n).initial for n in alt} <= written]
    method = max(complete, key=len) if complete else ()
    out: dict[int, str | tuple[str, ...]] = {}
    for index, letter in named.items():
        fields = [f.name for f in spec.fields if f.initial == letter]
        fields = [n for n in fields if n in method] or fields
        out[index] = fields[0] if len(fields) == 1 else tuple(fields)
    return out


def assign(spec: ToolSpec, figures: list[Figure], text: str = "") -> dict[int, str | tuple[str, ...]]:
    """figure index → field name, or a tuple of the fields it fits equally (ambiguous). With the
    message's ``text``, an item of a list takes the role of the items before it."""
    out: dict[int, str | tuple[str, ...]] = {}
    # A message that writes its amounts with a currency ("$3,000", "$7,000") and leaves one number
    # bare ("2,500 returns a month") does not mean that number as money.
    currency_written = sum(f.unit == "money" for f in figures) >= 2
    signed = any(f.value < 0 and amount_like(f) for f in figures)  # "-40k now, then 15k a year"
    durations = [f.name for f in spec.fields if f.unit == "duration" and not f.horizon]
    lettered = _by_initial(spec, figures)
    for fig in figures:
        if fig.index in lettered:  # "I 5 / C 8 / E 4": the method's letters name the inputs
            out[fig.index] = lettered[fig.index]
            continue
        if fig.index > 0 and fig.index - 1 < len(figures) and figures[fig.index - 1].index == fig.index - 1:
            fig = _claimed(figures[fig.index - 1], fig, out.get(fig.index - 1), spec)
        fig = _net_of(_phrase_head(spec, _own_clause(fig)))
        lowered = lowers(fig)  # "reduces holding costs by 1,200 per month": a gain, whatever cost words name it
        scores = {f.name: label_score(fig, f) for f in spec.fields if _fits(fig, f)
                  and not (currency_written and f.unit == "money" and counts_things(fig, plural_money_nouns=True))
                  and not (lowered and f.direction == "out")}
        scores = {k: v for k, v in scores.items() if v > 0}
        if not scores:
            prev = out.get(fig.index - 1)
            by_direction = None if currency_written and counts_things(fig, plural_money_nouns=True) else _by_direction(
                spec, _named_before(figures, fig), signed=signed)
            if fig.joined and isinstance(prev, str) and by_direction is None:  # coordinated: the same way as the one before
                costs_only = {f.direction for f in spec.fields if f.direction} == {"out"}
                by_direction = _by_direction(spec, fig, spec.field(prev).direction or ("out" if costs_only else None))
            # "-25k, 8k, 9.5k": an outlay, then flows (unless the list is named as flows: "cash flows: -40k, 15k")
            same_sign = (fig.value < 0) == (figures[fig.index - 1].value < 0) or (
                isinstance(prev, str) and spec.field(prev).sequence)
            if fig.joined and same_sign and isinstance(prev, str) and (_fits(fig, spec.field(prev)) or (
                    fig.unit == "count" and fig.period and spec.field(prev).unit == "money")):  # "2.4k + 99/mo"
                recurring = spec.field(prev).period is not None
                if by_direction is not None and recurring != (fig.period is not None):
                    out[fig.index] = by_direction  # "$6,000 once and $100 a month": the up-front and the running cost
                else:
                    out[fig.index] = prev  # "$24k and $6k for set-up": coordinated parts
            elif by_direction is not None:
                out[fig.index] = by_direction  # "we're paying £450/mo for the tool": a cost, whatever the verb
            elif fig.unit == "duration" and not spec.records and len(durations) == 1:
                out[fig.index] = durations[0]  # "3 yrs" in a CLV: the one length of time it takes
            continue
        out[fig.index] = _role(spec, fig, scores)
    for fig in figures:  # "10 000 the first year, 14 000 the second and 16 000 the third": a list of parts
        if fig.index in out:
            continue
        before = next((out[f.index] for f in reversed(figures[: fig.index]) if f.index in out), None)
        after = next((out[f.index] for f in figures[fig.index + 1 :] if f.index in out), None)
        if isinstance(before, str) and before == after and spec.field(before).summed and _fits(fig, spec.field(before)):
            out[fig.index] = before
        elif isinstance(before, str) and _listed_after(text, figures, fig, out) and spec.field(before).summed and _fits(
                fig, spec.field(before)) and money_direction(fig) is None and unplaced_amount(fig):
            out[fig.index] = before  # "licence 6k, agency setup 4.5k, our own time ~2.5k": the list's third cost
    if spec.records:  # "control 8,400 visitors at 3.5% conversion, variant 8,600 visitors at 4.0%": said the same way
        for fig in figures:
            if fig.index in out or len(fig.before) < 2:
                continue
            twins = {out[f.index] for f in figures if f.index in out and isinstance(out[f.index], str)
                     and f.unit == fig.unit and f.before[-2:] == fig.before[-2:]}
            if len(twins) == 1:
                out[fig.index] = twins.pop()
    return out


def _listed_after(text: str, figures: list[Figure], fig: Figure, roles: dict[int, str | tuple[str, ...]]) -> bool:
    """Whether ``fig`` is the next item of a comma list whose two items before it, in its sentence,
    have one role: "licence 6k, agency setup 4.5k, our own time ~2.5k"."""
    if not text or fig.index < 2 or any(figures[fig.index - k].index != fig.index - k for k in (1, 2)):
        return False
    one, two = figures[fig.index - 2], figures[fig.index - 1]
    if roles.get(one.index) != roles.get(two.index) or not isinstance(roles.get(two.index), str):
        return False
    item = r"\s*,(?:\s*[A-Za-z][\w'-]*){1,4}\s*[~≈]?\s*"  # ", our own time ~"
    return all(re.fullmatch(item, text[a.span[1] : b.span[0]]) for a, b in ((one, two), (two, fig)))


def _fmt(value: float) -> str:
    if not math.isfinite(value):
        return str(value)
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.4f}".rstrip("0").rstrip(".")


# A horizon of one year written without a number: "over a year", "for the first year",
# "in its first year".
_ONE_YEAR = re.compile(
    r"\b(?:(?:over|for|in|within|across|during|after)\s+(?:a|one|the|its|our|their|that|this)?\s*(?:first\s+|full\s+)?year"
    r"|(?:the|its|our|their)?\s*first\s+year|(?:for|in|over)\s+year\s+(?:1|one)(?![\d.,]|\s*(?:-|–|to)\s*\w))\b"
    r"(?![\s-]*(?:\d|one|two|three))", re.IGNORECASE)


def _horizon(figures: list[Figure], taken: set[int], text: str = "") -> Figure | None:
    """The duration the whole calculation runs over: a duration no input took, named by a
    horizon word ("over 2 years"), written as an adjective ("a two-year TCO", "18-month
    contract") or standing alone ("…, 3 yrs"); else "a year" in words. None when durations
    that disagree leave it open."""
    free = [f for f in figures if f.unit == "duration" and f.index not in taken and not f.is_range]
    named = [f for f in free if HORIZON_WORDS & set(f.before[-3:])]
    by_name = _called(free, text)
    for group in (by_name, named, free):
        if group and len({round(f.value, 6) for f in group}) == 1:
            return group[0]
    if free:
        return None
    dated = _dated_span(text)
    if dated is not None:  # "from January 2027 till end of 2029": 36 months
        return dated
    end = _END_OF_YEAR.search(text)
    if end is not None:  # "by the end of year two": two years from now
        years = int(end.group(1)) if end.group(1).isdigit() else UNIT_WORDS.get(end.group(1).lower(), 0)
        if 1 <= years <= 50:
            return Figure(value=12.0 * years, unit="duration", span=end.span(), text=end.group(0).strip(), index=-1)
    spans = [f.span for f in figures]
    for words in _ONE_YEAR.finditer(text):  # not the period of an amount: "maintenance 6.000 for year"
        if not any(a <= words.start() < b or a < words.end() <= b for a, b in spans):
            # a figure of its own, outside the message's list (index -1): 12 months
            return Figure(value=12.0, unit="duration", span=words.span(), text=words.group(0).strip(), index=-1)
    return None


_HORIZON_NAMED = re.compile(r"\b(?:over|across|within|during|for)\s+(?:the|our|its|this|that|their)\s+((?:[a-z]+\s+)?[a-z]+)\b"
                            r"(?!\s*(?:of|\d))", re.IGNORECASE)
_NOT_NAMES = {"whole", "full", "entire", "same", "next", "first", "last", "period", "time", "years", "months", "year",
              "month", "project", "tool", "app", "system", "cost", "costs", "total"}
def _called(durations: list[Figure], text: str) -> list[Figure]:
    """The durations the message's horizon phrase names by their label: "over the initial term"
    where a line reads "Initial Term: 36 months" (not "renewing for successive 12-month periods")."""
    called = {w.lower() for m in _HORIZON_NAMED.finditer(text) for w in m.group(1).split()} - _NOT_NAMES
    return [f for f in durations if called & set(f.before[-3:])]


_END_OF_YEAR = re.compile(rf"\b(?:until|till|to|by|through|at)\s+(?:the\s+)?end\s+of\s+(?:year|yr)\s+(\d{{1,2}}|{'|'.join(UNIT_WORDS)})\b",
                          re.IGNORECASE)
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATED_SPAN = re.compile(
    r"\b(?:from|between)\s+(?:the\s+)?(?:(?:start|beginning)\s+of\s+)?(?:(?P<m1>[a-z]{3})[a-z]*\.?\s+)?(?P<y1>20\d\d)\s+"
    r"(?:till|until|to|through|thru|and)\s+(?:the\s+)?(?P<end>end\s+of\s+)?(?:(?P<m2>[a-z]{3})[a-z]*\.?\s+)?(?P<y2>20\d\d)\b",
    re.IGNORECASE)


def _dated_span(text: str) -> Figure | None:
    """The length of a span written as dates ("from January 2027 till end of 2029"), in months, when
    its ends are plain: a start month or year's start, an end month or a year's end. "2027 to 2029"
    alone (two years or three?) is no horizon."""
    match = _DATED_SPAN.search(text)
    if not match:
        return None
    m1, m2 = (match.group(k).lower() if match.group(k) else None for k in ("m1", "m2"))
    if (m1 and m1 not in _MONTH_NAMES) or (m2 and m2 not in _MONTH_NAMES) or not (match.group("end") or m2):
        return None
    start = int(match.group("y1")) * 12 + (_MONTH_NAMES.index(m1) if m1 else 0)
    end = int(match.group("y2")) * 12 + (_MONTH_NAMES.index(m2) if m2 else 11)
    months = end - start + 1
    if not 1 <= months <= 600:
        return None
    return Figure(value=float(months), unit="duration", span=match.span(), text=match.group(0), index=-1)


def bare_share(spec: ToolSpec, spec_field: FieldSpec, fig: Figure) -> None:
    """Asks about a rate written without its "%" beside amounts ("discount rate r = 8"): 8% to one
    reader, 800% to another. Scores on a 1-10 scale (ICE confidence) have no amounts beside them."""
    if spec_field.unit == "fraction" and fig.unit == "count" and 1 < abs(fig.value) <= 100 \
            and any(f.unit == "money" for f in spec.fields):
        raise _ask(f"Is {fig.show()} for the {spec_field.name.replace('_', ' ')} a percentage ({_fmt(fig.value)}%)?",
                   [f"{_fmt(fig.value)}%", "no"])


def normalise(fig: Figure, spec_field: FieldSpec, horizon: Figure | None) -> tuple[float, str]:
    """The figure's value in the unit and period the field wants, and a note saying how."""
    if fig.is_range:
        low, high = fig.value, fig.high or fig.value
        said = fig.show() if re.search(r"[-–]|\bto\b|\bor\b", fig.show()) else f"{_fmt(low)} to {_fmt(high)}"  # worked out
        raise _ask(
            f"You gave a range, {said}, for the {spec_field.name.replace('_', ' ')}: which single value should I use?",
            [_fmt(low), _fmt((low + high) / 2), _fmt(high)])
    value, note = fig.value, ""
    if spec_field.unit == "fraction" and fig.unit == "percent":
        return round(value / 100, 12), ""  # 3.6% → 0.036, not 0.036000000000000004
    if spec_field.unit == "percent" and fig.unit == "count":
        return round(value * 100, 12), f"; {_fmt(value)} = {_fmt(value * 100)}%"  # "cr 0.035"
    if spec_field.unit == "duration":
        return (value / MONTHS_IN[spec_field.period or "month"], "") if fig.unit == "duration" else (value, "")
    if spec_field.unit not in {"money", "count"}:
        return value, note
    want, have = spec_field.period, fig.period
    if value == 0:
        return 0.0, ""  # "platform fee, 0": nothing, whatever its period
    if want and have and want != have:
        factor = MONTHS_IN[want] / MONTHS_IN[have]
        return value * factor, f"; per {have} × {_fmt(factor)} = {_fmt(value * factor)} per {want}"
    if want and not have:
        raise _ask(
            f"Is {fig.show()} per month, per year, or a one-off amount?", ["per month", "per year", "one-off"])
    if have and not want:
        if spec_field.per_period:
            return value, f"; per {have}"
        if horizon is not None:
            periods = horizon.value / MONTHS_IN[have]
            return value * periods, f"; {_fmt(periods)} {have}s ({horizon.show()}) = {_fmt(value * periods)}"
        if have == "year":
            return value, "; counted for one year"
        raise _ask(
            f"Over how long should I count {fig.show()}? For example 12, 24 or 36 months.",
            ["12 months", "24 months", "36 months"])
    return value, note


def _record_name(text: str, head: str, spec: ToolSpec, number: int) -> str:
    quoted = re.search(r"['\"‘“]([^'\"’”]{1,60})['\"’”]", head)
    if quoted:
        return quoted.group(1).strip()
    labels = {w for f in spec.fields for label in f.labels for w in label.split()} | {f.initial for f in spec.fields if f.initial}
    filler = {"has", "have", "had", "with", "a", "an", "the", "of", "is", "and", "its", "it", "for", "at", "then",
              "scores", "score", "out", "while", "but", "vs", "versus", "gets", "got", "um", "uh", "er", "so", "like"}

    def clean(part: str) -> str:
        words = re.findall(r"[\w'&/-]+", part)
        while words and (words[-1].lower() in labels or words[-1] in filler):
            words.pop()
        while words and (words[0].lower() in labels or words[0] in filler or words[0].isdigit()):
            words.pop(0)  # "1) A support chatbot": the list's number is no part of the name
        return " ".join(words[-5:]).strip(" ,:-")

    head = re.split(r"[.;!?\n]", head)[-1]
    pieces = [clean(piece) for piece in re.split(r":|\s[-–—]\s", head)]  # "rank these by RICE - chatbot: …"
    name = next((piece for piece in reversed(pieces) if piece), "")
    return name or f"Initiative {number}"


_LIST_ITEM = re.compile(r"^[ \t>]*(?:\d{1,2}[.)]|[-*\u2022]|[A-Za-z][.):])[ \t]+", re.MULTILINE)


def outside_the_list(text: str, figures: list[Figure], roles: dict[int, str]) -> list[int]:
    """The figures with a role that stand outside a list whose items hold the records: when two or
    more list items (numbered, bulleted) carry inputs, a figure on a line that is no item is context."""
    starts = {m.start() for m in _LIST_ITEM.finditer(text)}  # each at its line's start

    def item_of(fig: Figure) -> int | None:
        line = text.rfind("\n", 0, fig.span[0]) + 1
        return line if line in starts else None

    items = {item_of(figures[i]) for i in roles} - {None}
    if len(items) < 2:
        return []
    return [i for i in roles if item_of(figures[i]) is None]


def split_records(text: str, spec: ToolSpec, figures: list[Figure], roles: dict[int, str]) -> list[tuple[dict, list[int]]]:
    """Split assigned figures into records: a new record starts when a field repeats."""
    records: list[tuple[dict, list[int]]] = []
    current: dict[str, Any] = {}
    members: list[int] = []
    for fig in figures:
        name = roles.get(fig.index)
        if name is None:
            continue
        if name in current:
            held = current[name] if isinstance(current[name], list) else [current[name]]
            between = text[held[-1].span[1] : fig.span[0]]
            if spec.field(name).summed and members[-1] == held[-1].index and len(between) < 60 and re.search(
                    r"\b(?:plus|and)\b|\+", between) and not re.search(r"[.;\n]", between):
                current[name] = [*held, fig]  # "two engineers for 2 months plus a designer for 1 month": one effort
                members.append(fig.index)
                continue
            records.append((current, members))
            current, members = {}, []
        current[name] = fig
        members.append(fig.index)
    if current:
        records.append((current, members))
    prev_end = 0
    out = []
    for number, (record, members) in enumerate(records, 1):
        spans = [f.span for item in record.values() for f in (item if isinstance(item, list) else [item])]
        first = min(a for a, _ in spans)
        line = text.rfind("\n", 0, first) + 1
        if _LIST_ITEM.match(text, line):  # a list item names its record: the text above it is no name
            prev_end = max(prev_end, line)
        head = text[prev_end:first]
        record["name"] = _record_name(text, head, spec, number)
        record["_context"] = head
        prev_end = max(b for _, b in spans)
        out.append((record, members))
    return out


def period_flows(spec: ToolSpec, text: str, figures: list[Figure], skip: frozenset[int] = frozenset()
                 ) -> tuple[list[Figure], dict[int, str], set[int]] | None:
    """Flows whose periods are named by number ("year 0: -30,000; year 1: 10,000", a year-by-year
    table, "Y0 Y1 …" columns): one flow per period, in period order, a row's benefits less its costs
    (each column's direction read from its header). Returns the figures with each period's flow on
    its first figure, the figures netted into it, and the flows; None unless the periods run 0, 1, 2…
    or 1, 2, 3… (then the one-off outlay said without a period number is period 0, see ``_plan_spec``).
    Figures in ``skip`` (a row's total beside its parts) are no part of any flow."""
    sequence = next((f for f in spec.fields if f.sequence), None)
    if sequence is None or spec.records:
        return None
    indexed = [f for f in figures if f.period_index is not None and f.unit in {"money", "count"} and f.index not in skip
               and (amount_like(f) or f.value == 0)]
    periods = sorted({f.period_index for f in indexed})
    if len(periods) < 2 or periods != list(range(periods[0], periods[0] + len(periods))) or periods[0] > 1:
        return None
    last = max(f.index for f in indexed)
    if any(amount_like(f) and f.period_index is None and min(g.index for g in indexed) < f.index and (
            f.index < last or not re.search(r"[.;!?\n](?!\d)", text[figures[last].span[1] : f.span[0]]))
           for f in figures):
        return None  # "…, €45,000 in year 2, and €50,000 in each of years 3 and 4": not every flow is numbered
    out, netted, flows = list(figures), {}, set()
    for period in periods:
        row = [f for f in indexed if f.period_index == period]
        if len(row) == 1:
            value = row[0].value
            if period == 0 and value > 0 and money_direction(row[0]) != "in":
                value = -value  # "Year 0: 150,000" is the outlay
        else:
            value = 0.0
            signed = all(fig.value < 0 or text[max(0, fig.span[0] - 1) : fig.span[0]] == "+" for fig in row)
            for fig in row:
                way = money_direction(fig)
                if signed:  # "Y1: H1 +20k | H2 +30k": the parts of one period's flow, each sign written
                    value += fig.value
                    continue
                if way is None and fig.value != 0:
                    return None  # a column that says neither cost nor gain: not netted on a guess
                value += abs(fig.value) if way == "in" else -abs(fig.value) if way == "out" else 0.0
        out[row[0].index] = dataclasses.replace(row[0], value=value, period=None)
        flows.add(row[0].index)
        for fig in row[1:]:
            netted[fig.index] = f"netted into the flow of period {period}"
    return out, netted, flows


def fill_series(spec: ToolSpec, figures: list[Figure], roles: dict[int, str]) -> None:
    """Amounts given one per period ("-20k now, then 9k, 9k, 9k"; "50k up front, 15k, 20k and 25k
    in years 1-3") become the spec's sequence input, period 0 first, when the message names no
    sequence itself: the first amount is the outlay (negative), every later one a flow of its own
    period, so none of them carries a period word ("a year") that would make it a recurring amount."""
    sequence = next((f for f in spec.fields if f.sequence), None)
    if sequence is None or spec.records:
        return
    others = {f.name for f in spec.fields if f.unit not in {"money", "count"} or f.horizon}
    # "USD 5M now, then net cash flows of 1.5M, 2M...": an outlay before a labelled list joins it
    amounts = [f for f in figures if amount_like(f) and roles.get(f.index) not in others]
    if len(amounts) < 3 and not (len(amounts) == 2 and amounts[0].value < 0):
        return
    if any(f.period or f.is_range for f in amounts[1:]) or any(f.value < 0 for f in amounts[1:]):
        return
    if len({roles.get(f.index) for f in amounts}) == 1 and roles.get(amounts[0].index) is not None \
            and spec.field(roles[amounts[0].index]).period and len({f.context for f in amounts}) == len(amounts) \
            and amounts[0].value < 0 and all(f.cell for f in amounts):
        for fig in amounts:  # a column of one per-period amount, one row per period: the flows, signs as written
            roles[fig.index] = sequence.name
        for i in [i for i, name in roles.items() if spec.field(name).horizon]:
            del roles[i]
        return
    one_off = {f.name for f in spec.fields if f.unit == "money" and f.period is None and not f.sequence}
    lead = next((k for k, f in enumerate(amounts) if roles.get(f.index) not in one_off), len(amounts))
    rest = amounts[lead:]
    if lead >= 2 and len(rest) >= 2 and not any(roles.get(f.index) in one_off for f in rest) \
            and all(f.value > 0 for f in amounts):
        # "buy it for $150,000 and a one-off $30,000 onboarding fee; then $40,000 in year one, $50,000 in
        # year two": the outlay's parts stay the investment of period 0, the list its later flows
        for fig in rest:
            roles[fig.index] = sequence.name
        for i in [i for i, name in roles.items() if spec.field(name).horizon]:
            del roles[i]
        return
    if roles.get(amounts[0].index) not in one_off | {None, sequence.name} or any(
            roles.get(f.index) in one_off for f in amounts[1:]):
        return
    if all(roles.get(f.index) == sequence.name for f in amounts):
        return  # the user's own list of cash flows, signs as written
    for fig in amounts:
        roles[fig.index] = sequence.name
    for i in [i for i, name in roles.items() if spec.field(name).horizon]:
        del roles[i]  # "in years 1-3": the list carries its own periods
    if amounts[0].value > 0:
        amounts[0].value = -amounts[0].value  # the outlay of period 0


_EACH_OF_YEARS = re.compile(
    rf"\s*(?:in|for)\s+each\s+of\s+(?:the\s+)?(?:years?|yrs?)\s+(\d{{1,2}}|{'|'.join(UNIT_WORDS)}|ten)\s*"
    rf"(?:-|–|to|through|and)\s*(\d{{1,2}}|{'|'.join(UNIT_WORDS)}|ten)\b", re.IGNORECASE)
# "$70,000 in each of the next four years", "for each of the following 3 years"
_EACH_OF_NEXT = re.compile(
    rf"\s*(?:in|for)\s+each\s+of\s+the\s+(?:next|following|coming|first)\s+(\d{{1,2}}|{'|'.join(UNIT_WORDS)}|ten)\s+"
    rf"(?:years?|yrs?|months?|quarters?|periods?)\b", re.IGNORECASE)


_PERIODS_LABEL = re.compile(r"\b(?:years?|yrs?|months?|quarters?|periods?|weeks?)\s*(\d{1,2})\s*[-–]\s*(\d{1,2})\s*[:=]\s*[+]?\s*$",
                            re.IGNORECASE)


def repeated(text: str, parts: list[Figure], values: list[float]) -> list[float]:
    """A list of flows with a flow said once for several years ("$55,000 in each of years three to
    five") written out once per year; "10k, 15k and 20k in years one to three" is a list as it stands."""
    out: list[float] = []
    for part, value in zip(parts, values):
        span = _EACH_OF_YEARS.match(text, part.span[1])
        count = 1
        if span:
            low, high = (int(g) if g.isdigit() else int(words_value(g)) for g in span.groups())
            count = high - low + 1 if 1 <= low < high <= low + 50 else 1
        following = _EACH_OF_NEXT.match(text, part.span[1])
        if following:
            said = following.group(1)
            count = int(said) if said.isdigit() else int(words_value(said))
        labelled = _PERIODS_LABEL.search(text[max(0, part.span[0] - 30) : part.span[0]])
        if labelled and re.match(r"\s*each\b", text[part.span[1] :], re.IGNORECASE):
            low, high = int(labelled.group(1)), int(labelled.group(2))  # "months 1-4: +2,000 each"
            count = high - low + 1 if 0 <= low < high <= low + 50 else 1
        out.extend([value] * count)
    return out


# Two parts of a message opened the same way, a word and a name then a colon: "Vendor X: …
# Vendor Y: …", "Tool A: … Tool B: …", "Plan basic: … Plan pro: …".
# ("Phase 1: … Phase 2: …", "Year 1: …" number the parts of one plan: no options)
_OPTION_HEAD = re.compile(r"(?:^|[.;\n(]\s*|,\s+)([A-Z][a-z]+|[a-z]{3,})\s+([A-Z][\w-]{0,12})\s*[:)]", re.MULTILINE)


def _option_heads(text: str) -> bool:
    heads: dict[str, set[str]] = {}
    for match in _OPTION_HEAD.finditer(text):
        heads.setdefault(match.group(1).lower(), set()).add(match.group(2).lower())
    return any(len(names) >= 2 for names in heads.values())


def _alternatives(spec: ToolSpec, figures: list[Figure], roles: dict[int, str], text: str = "") -> None:
    """Two full sets of the same inputs one after the other ("Option A: cost 20k, saves 1k/month.
    Option B: cost 35k, saves 2k/month") are alternatives to compare, not parts to add: ask."""
    if spec.records:
        return
    required = {name for alternative in spec.requires if len(alternative) > 1 for name in alternative}
    if _option_heads(text):  # "Vendor X: 8,000 set-up, … Vendor Y: 2,500 set-up, …": each input said again per option
        required = {f.name for f in spec.fields if not f.horizon and not f.sequence}
    order = [roles[i] for i in sorted(roles) if roles[i] in required]
    for x in set(order):
        for y in set(order) - {x}:
            pair = "".join("x" if name == x else "y" for name in order if name in (x, y))
            if re.search(r"x+y+x+y+", pair):
                firsts = [figures[i].show() for i in sorted(roles) if roles[i] == x]
                raise _ask(f"You gave {len(firsts)} sets of figures ({x.replace('_', ' ')}: {', '.join(firsts)}). Are they "
                           "options to compare, each worked out on its own, or parts to add up?",
                           ["compare them", "add them up"])


def _same_currency(amounts: list[Figure]) -> None:
    """Amounts of one calculation in two currencies are never added or compared silently."""
    codes = sorted({f.currency for f in amounts if f.currency})
    if len(codes) > 1:
        shown = ", ".join(next(f.show() for f in amounts if f.currency == code) for code in codes)
        raise _ask(f"You gave amounts in {' and '.join(codes)} ({shown}). Which currency should I work in, and at "
                   "what exchange rate should I convert the others?", [f"all in {code}" for code in codes])


def _missing(spec: ToolSpec, present: set[str]) -> list[str]:
    if not spec.requires:
        return []
    for alternative in spec.requires:
        if set(alternative) <= present:
            return []
    closest = max(spec.requires, key=lambda alt: len(set(alt) & present))
    return [name for name in closest if name not in present]


# ---- questions and notes shared by the two planners (one message's figures; a conversation's) -----

# Words that set two figures of one input side by side as choices, not parts to add: "option A
# costs 45k and option B costs 70k", "40k or 55k", "vendor X vs vendor Y".
# Scenarios are options too: "best case 40k, worst case 25k" is one gain in two futures.
_ALTERNATIVE = re.compile(r"\b(?:or|vs\.?|versus|option|options|alternative|alternatively|scenarios?|either|"
                          r"whereas|compared (?:to|with)|(?:best|worst|base|bad|good|likely|realistic|expected)[- ]case|"
                          r"pessimistic(?:ally)?|optimistic(?:ally)?|upside|downside)\b", re.IGNORECASE)


def alternative_parts(text: str, parts: list[Figure]) -> bool:
    """Whether the figures read for one summed input are options to choose from: the words
    between each two of them offer a choice. A wrong sum is a wrong figure; a question is not."""
    if len(parts) < 2:
        return False
    ordered = sorted(parts, key=lambda p: p.span[0])
    return all(_ALTERNATIVE.search(text[a.span[1]: b.span[0]]) for a, b in zip(ordered, ordered[1:]))


def _said_twice(text: str, parts: list[Figure]) -> tuple[Figure, Figure] | None:
    """Two parts of one summed input with the same non-zero value, in different sentences (linear)."""
    seen: dict[tuple, Figure] = {}
    for part in parts:
        if part.value == 0 or part.cell:
            continue
        key = (part.value, part.period, part.unit)
        first = seen.setdefault(key, part)
        if first is not part and _sentence(text, first) != _sentence(text, part):
            return first, part
    return None


def _said_again(parts: list[Figure], spec_field: FieldSpec) -> list[Figure]:
    """The figures of a one-value input, the same value said twice counted once ("Horizon: 2 years
    … over the 2 years"): they agree, so there is nothing to ask."""
    if len(parts) < 2 or spec_field.summed or spec_field.sequence:
        return parts
    first = parts[0]
    if all(p.unit == first.unit and p.period == first.period and p.value == first.value and not p.is_range
           for p in parts):
        return parts[:1]
    return parts


def signed_outlays(spec: ToolSpec, figures: list[Figure], roles: dict) -> set[int]:
    """Outlays written with a minus ("-40k now", "−€200k upfront (Y0)"): the minus says which way
    the money goes, as in a cash-flow list, and the input of an outlay takes its size."""
    return {f.index for f in figures if f.value < 0 and isinstance(roles.get(f.index), str)
            and spec.field(roles[f.index]).direction == "out" and not spec.field(roles[f.index]).sequence}


def which_question(name: str, parts: list[Figure], choice: bool = False) -> Clarification:
    """One input given several figures: which one to use (the figures are the options)."""
    shown = [p.show() for p in parts]
    said = "You gave options" if choice else f"I read {len(parts)} figures"
    return Clarification(
        question=f"{said} for the {name.replace('_', ' ')}: {', '.join(shown)}. Which one should I use?",
        options=shown)


def missing_question(spec: ToolSpec, missing: list[str], label: str = "") -> Clarification:
    """The "I still need" question: each missing input's own question, the inputs as options."""
    questions = " ".join(spec.field(name).question for name in missing)
    return Clarification(question=f"To work out the {spec.title}{label} I still need: {questions}",
                         options=[name.replace("_", " ") for name in missing])


def sum_note(name: str, values: list[float]) -> str:
    """The note on the last part of a summed input: "cost = 24,000 + 6,000 = 30,000"."""
    return f"; {name.replace('_', ' ')} = {' + '.join(_fmt(v) for v in values)} = {_fmt(sum(values))}"


def stray_question(stray: Figure, money_fields: list[str]) -> Clarification:
    """An amount no input took: which input it is, or not part of the calculation."""
    options = [f"the {name.replace('_', ' ')}" for name in money_fields] + ["not part of this calculation"]
    return Clarification(
        question=f"What is {stray.show()} for: {' or '.join(options[:-1])}, or is it not part of this calculation?",
        options=options, figure=stray.index)


def role_question(fig: Figure, fields: tuple[str, ...] | list[str]) -> Clarification:
    """A figure that fits several inputs about equally: which one it is."""
    names = [name.replace("_", " ") for name in fields]
    return Clarification(question=f"Is {fig.show()} the {' or the '.join(names)}?", options=[f"the {n}" for n in names],
                         figure=fig.index)


def _one_year_guess(spec: ToolSpec, figures: list[Figure], roles: dict[int, str], horizon: Figure | None) -> None:
    """A yearly amount beside a one-off one in a calculation of totals ("setup 20k, licence 5k a year,
    saves 15k a year"), with no length of time said: counting one year would be a guess that decides
    the result, so the horizon is asked. Where every amount is yearly the ratio is the same for any
    length, and one year is counted."""
    if horizon is not None or spec.records:
        return
    totals = {name for name in set(roles.values()) if spec.field(name).unit == "money" and spec.field(name).period is None
              and not spec.field(name).per_period and not spec.field(name).sequence}
    amounts = [figures[i] for i, name in roles.items() if name in totals and figures[i].value != 0]
    yearly = [f for f in amounts if f.period == "year"]
    if yearly and any(f.period is None for f in amounts):
        raise _ask(f"Over how long should I count {yearly[0].show()}? For example 1, 2 or 3 years.",
                   ["12 months", "24 months", "36 months"])


def _sentence(text: str, fig: Figure) -> int:
    """Where the sentence of a figure starts."""
    return max(text.rfind(c, 0, fig.span[0]) for c in ".!?\n") + 1


def _plan_spec(text: str, spec: ToolSpec, figures: list[Figure], readings: dict[int, Reading],
               bases: dict[int, str] | None = None) -> tuple[str, dict] | None:
    for index, value in rescaled(text, figures).items():  # "6.5k …, call it 6.5": 6,500
        figures = [*figures[:index], dataclasses.replace(figures[index], value=value, scaled=True), *figures[index + 1 :]]
    figures = deductions_in_period(text, figures)  # "saves 1,500 a month minus 300 running cost": 300 a month
    totals = table_totals(text, figures)  # a table's "Net" row or column beside the cells it adds up
    totals.update(nested_parts(text, figures))  # "- upfront: 12k / - incl. data migration 2k": inside the 12k
    swapped = replacements(text, figures)
    for old, new in swapped.items():  # "20k y1, 20k y2 … y1 will be lower actually, 12k": 12k is year 1's
        if figures[new].period_index is None and figures[old].period_index is not None:
            figures = [*figures[:new], dataclasses.replace(figures[new], period_index=figures[old].period_index),
                       *figures[new + 1 :]]
    by_period = period_flows(spec, text, figures, frozenset(totals) | frozenset(swapped))  # "year 0: -30k; year 1: 10k"
    if by_period is not None:
        figures, netted, flows = by_period
    else:
        netted, flows = {}, set()
    aside = {**set_aside(text, figures), **(bases or {}), **netted, **totals}  # a share's base sized it, and is no input
    aside.update({i: why for i, why in bracket_totals(text, figures).items()  # "$120k (impl $90k + integration $30k)"
                  if not TOTAL_WORDS & set(figures[i].before[-3:] + figures[i].after[:3])})
    assigned = assign(spec, figures, text)
    for old, new in replacements(text, figures).items():  # "cost 3k, no wait, 4k": the new one takes the old one's input
        if old in assigned and new not in assigned:
            assigned[new] = assigned[old]
    assigned = {i: name for i, name in assigned.items() if i not in aside}
    active = [f for f in figures if f.index not in aside]
    for i, why in aside.items():
        readings[i].note = readings[i].note or why
    ambiguous = {i: fields for i, fields in assigned.items() if isinstance(fields, tuple)}
    if ambiguous:
        index, fields = next(iter(ambiguous.items()))
        raise _NeedsAsking(role_question(figures[index], fields))
    roles = {i: name for i, name in assigned.items() if isinstance(name, str)}
    if spec.records:
        for i in outside_the_list(text, figures, roles):  # "We're only 6 people … rank these:" above the list
            if i in swapped.values():
                continue  # "Update: … effort at 6 person-months, not 4": a correction of an item, not context
            del roles[i]
            readings[i].note = "it stands outside the list of projects"
    ahead: dict[int, float] = {}  # a figure to stand before another in its input's list
    if flows:  # the numbered periods are the flows; other amounts are no flows of theirs
        sequence = next(f.name for f in spec.fields if f.sequence)
        first = min(flows)
        outlay = [f.index for f in active if f.index < first and amount_like(f) and not f.period and (
            roles.get(f.index) is None or spec.field(roles[f.index]).unit == "money" and spec.field(roles[f.index]).period is None
            and not spec.field(roles[f.index]).sequence)]
        # "Q1 $3,100 … Q4 $4,700. We paid $12,000 upfront": an outlay named as one, said after the list
        outlay += [f.index for f in active if f.index > max(flows) and amount_like(f) and not f.period
                   and f.period_index is None and roles.get(f.index) is not None
                   and spec.field(roles[f.index]).unit == "money" and spec.field(roles[f.index]).period is None
                   and not spec.field(roles[f.index]).sequence and money_direction(f) == "out"]
        roles = {i: name for i, name in roles.items() if spec.field(name).unit not in {"money"} and not spec.field(name).horizon}
        roles.update({i: sequence for i in flows})
        if figures[first].period_index == 1 and len(outlay) == 1 and figures[outlay[0]].value > 0:
            # "£3k to install; year 1 £2,000, year 2 …": the outlay is period 0
            figures = [*figures[: outlay[0]], dataclasses.replace(figures[outlay[0]], value=-figures[outlay[0]].value),
                       *figures[outlay[0] + 1 :]]
            roles[outlay[0]] = sequence
            if outlay[0] > first:  # said after the list, it still comes first
                ahead[outlay[0]] = first - 0.5
    else:
        fill_series(spec, active, roles)
    if not roles:
        money_fields = [f.name for f in spec.fields if f.unit == "money"]
        amounts = [f for f in active if unplaced_amount(f) and f.unit == "money" or f.scaled or f.value >= 1000]
        if money_fields and amounts and not spec.records and not asks_about_a_figure(text):
            # "the ROI? The figures I have are 25,000 and 40,000": amounts given for it, none named
            raise _NeedsAsking(stray_question(amounts[0], money_fields))
        return None
    horizon_set = next((f for f in spec.fields if f.horizon and f.name in roles.values()), None)
    if horizon_set is not None and not spec.records:
        called = _called([f for f in active if f.unit == "duration" and not f.is_range and (
            f.index not in roles or roles[f.index] == horizon_set.name)], text)
        if len(called) == 1 and roles.get(called[0].index) != horizon_set.name:
            for i in [i for i, name in roles.items() if name == horizon_set.name]:
                del roles[i]  # the horizon the question names by its label, not a duration a label word is near
            roles[called[0].index] = horizon_set.name
    horizon_field = next((f for f in spec.fields if f.horizon and f.name not in roles.values()), None)
    if horizon_field is not None and not spec.records:
        found = _horizon(active, set(roles), text)
        if found is not None and found.index >= 0:
            roles[found.index] = horizon_field.name  # "a two-year TCO": the horizon is the input
        elif (found is None and not any(horizon_field.name in alt for alt in spec.requires)
              and any(figures[i].period for i in roles)):
            raise _ask(f"{horizon_field.question} You gave a recurring amount ({next(figures[i].show() for i in roles if figures[i].period)}).",
                       ["1 year", "2 years", "3 years"])
    _same_currency([figures[i] for i in roles if figures[i].unit == "money"])
    _alternatives(spec, figures, roles, text)
    for fig in active:  # "we could maybe add 5,000": the user has not settled on it ("maybe 320 a month" is an estimate)
        if (fig.index in roles or fig.unit == "money") and (HEDGE_WORDS & set(fig.before[-2:]) or (
                HEDGE_WORDS & set(fig.before) and MODAL_WORDS & set(fig.before[-2:]))) and (
                MODAL_WORDS & set(fig.before[-5:] + fig.lead[-6:]) or fig.after[:1] == ["more"]
                or re.search(r"(?:\(|\bor)\s*(?:maybe|perhaps|possibly)\s*$", text[max(0, fig.span[0] - 16) : fig.span[0]], re.I)):
            raise _ask(f"You wrote {fig.show()} as a possibility (“{fig.context}”): should I count it in this "
                       "calculation, and instead of which figure?", ["yes", "no"])
    funded = [figures[i] for i in roles if spec.field(roles[i]).direction and spec.field(roles[i]).unit == "money"
              and funds_the_cost(figures[i]) and not spec.records]
    if funded and {f.direction for f in spec.fields} >= {"in", "out"}:  # "we got 4,000 from a grant for it"
        raise _ask(f"{funded[0].show()} is funding toward the project (“{funded[0].context}”): should I take it off "
                   "the cost, count it as a gain, or leave it out?", ["take it off the cost", "count it as a gain",
                                                                     "leave it out"])
    unfit = [f for f in active if f.index not in roles and f.unit in {"count", "duration"} and not f.ratio
             and not counts_things(f)
             and any(label_score(f, fld) > 0 for fld in spec.fields if fld.unit == "money" and fld.direction is None)]
    if unfit and not spec.records:  # "internal resources: 2 h/week @ 50/h": a line named but not read
        raise _ask(f"I could not read {unfit[0].show()} (“{unfit[0].context}”) as an amount: what does that line come "
                   "to, per month or per year?")
    for i in sorted(roles):  # "between €150k and €200k": a range, not one value
        fig = figures[i]
        if fig.before[-1:] == ["between"] and i + 1 < len(figures) and figures[i + 1].joined:
            raise _ask(f"You gave a range, {fig.show()} to {figures[i + 1].show()}, for the {roles[i].replace('_', ' ')}: "
                       "which single value should I use?", [fig.show(), figures[i + 1].show()])
    periods = {f.name: {figures[i].period for i in roles if roles[i] == f.name} for f in spec.fields if f.per_period}
    for name, seen in periods.items():
        if len(seen) > 1:
            shown = " and ".join(sorted(f"per {p}" if p else "without a period" for p in seen))
            raise _ask(f"The {name.replace('_', ' ')} is given {shown}: should I convert them all to one period "
                       "so the projects compare?", ["per month", "per quarter", "per year"])
    for i, name in roles.items() if not spec.records else ():  # a question asked below still shows what was read
        if name.replace("_", " ") not in readings[i].roles:
            readings[i].roles.append(name.replace("_", " "))
    change = [figures[i] for i in roles if figures[i].change and figures[i].unit in {"money", "count"}]
    if change and spec.field(roles[change[0].index]).unit == "money":
        ends = [f for f in figures if f.change and abs(f.index - change[0].index) <= 1]
        if len(ends) == 2:  # "from $100k to $130k": is the input the difference, or one end?
            delta = ends[1].value - ends[0].value
            raise _ask(f"You gave a change from {ends[0].show()} to {ends[1].show()}: is the difference, {_fmt(delta)}, "
                       f"the {roles[change[0].index].replace('_', ' ')}?", [f"yes, {_fmt(delta)}", "no"])
    for fig in active:  # "$28 an hour", "€5 per user": a rate per something the calculator does not count
        if fig.before[-1:] == ["@"] and fig.unit != "percent" and (fig.index in roles or unplaced_amount(fig)):
            raise _ask(f"{fig.show()} is a rate (“{fig.context}”): what does that line come to per year?")
        per = fig.after[1] if fig.after[:1] and fig.after[0] in {"a", "an", "per", "each"} and len(fig.after) > 1 else ""
        per = per or (fig.after[0].split("/", 1)[1] if fig.after[:1] and fig.after[0].startswith("/") else "")
        field_labels = spec.field(roles[fig.index]).labels if fig.index in roles else ()
        named = any(_token_match(part, per) for label in field_labels for part in _parts(label))  # AOV "per order"
        if (fig.unit == "money" and per and per not in PERIOD_NAMES and not named and (fig.index not in roles or
                spec.field(roles[fig.index]).unit == "money") and not stem_in(per, MONEY_OUT + MONEY_IN)):
            raise _ask(f"{fig.show()} is per {per}: how many {per}s should I count, and per month or per year?")
        if (fig.unit == "money" or fig.scaled) and fig.after[:1] == ["each"] and (fig.index in roles or unplaced_amount(fig)):
            raise _ask(f"{fig.show()} is an amount for each of several (“{fig.context}”): how many should I count?")
    money_fields = [f.name for f in spec.fields if f.unit == "money"]
    currency_written = sum(f.unit == "money" for f in figures) >= 2
    stray = [f for f in active if f.index not in roles and money_fields and unplaced_amount(f)
             and not (currency_written and counts_things(f, plural_money_nouns=True))]  # "2,500 returns a month"
    directions = {f.direction for f in spec.fields if f.unit == "money"} - {None}
    for fig in [f for f in stray if directions == {"out"}]:  # a TCO counts costs only
        if money_direction(_named_before(figures, fig)) == "in" and fig.value >= 0:  # "-6,000" listed with the costs: asked
            readings[fig.index].note = "it is a gain, and this calculation counts costs only"
            stray.remove(fig)
    if stray and not spec.records:  # an amount nobody labelled: asking beats leaving it out
        raise _NeedsAsking(stray_question(stray[0], money_fields))
    horizon = _horizon(active, set(roles), text)
    _one_year_guess(spec, figures, roles, horizon)
    signed_out = signed_outlays(spec, active, roles)
    groups = split_records(text, spec, figures, roles) if spec.records else [(_flat(figures, roles, swapped, ahead), list(roles))]
    records = []
    for number, (record, _members) in enumerate(groups, 1):
        values: dict[str, Any] = {}
        for name, item in record.items():
            if name.startswith("_") or name == "name":
                values[name] = item
                continue
            spec_field = spec.field(name)
            parts = item if isinstance(item, list) else [item]
            bracketed = [p for p in parts if text[max(0, p.span[0] - 1) : p.span[0]] == "(" and p.index not in aside]
            stated_total = any(TOTAL_WORDS & set(p.before[-3:] + p.after[:3]) for p in parts)
            if len(parts) > 1 and bracketed and spec_field.summed and not stated_total:  # "10% of our 500k budget (50k)": a restatement?
                raise _ask(f"Is {bracketed[0].show()}, in brackets, part of the {name.replace('_', ' ')} as well as "
                           f"{', '.join(p.show() for p in parts if p not in bracketed)}, or the same amount said again?",
                           ["in addition", "the same amount"])
            parts = _said_again(parts, spec_field)
            gross = [p for p in parts if spec_field.direction == "in" and revenue_only(p)]
            if gross and len(gross) < len(parts) and not stated_total and any(  # "revenue uplift 40k … profit uplift 12k"
                    stem_in(w, GROSS_PROFIT) for p in parts if p not in gross for w in p.before[-4:] + p.after[:3]):
                for p in gross:
                    readings[p.index].roles.clear()
                    readings[p.index].note = "sales before costs; the profit you give is the gain"
                parts = [p for p in parts if p not in gross]
            if len(parts) > 1 and not (spec_field.summed or spec_field.sequence):
                raise _NeedsAsking(which_question(name, parts))
            twice = _said_twice(text, parts) if spec_field.summed and not stated_total else None
            if twice:  # "saves about 3k a month" … "yes, 3k/mo after the fee": the same amount, or a second one?
                raise _ask(f"Is {twice[1].show()} the same amount as {twice[0].show()}, said again, or in addition to it?",
                           ["the same amount", "in addition"])
            other = [p for p in parts[1:] if elsewhere(p) and _sentence(text, p) != _sentence(text, parts[0])]
            if other and spec_field.summed and not spec.records:  # "The year before, we spent 25k on a similar tool"
                raise _NeedsAsking(stray_question(other[0], [f.name for f in spec.fields if f.unit == "money"]))
            if spec_field.summed and not stated_total and alternative_parts(text, parts):
                raise _NeedsAsking(which_question(name, parts, choice=True))
            converted = []
            for part in parts:
                if part.index in signed_out:
                    part.value = -part.value  # "-40k now": the outlay, its sign saying which way it goes
                if part.value < 0 and not spec_field.sequence:
                    raise _ask(f"You gave {part.show()}, a negative figure, for the {name.replace('_', ' ')}. Is it a "
                               "saving to take off another input, or should it be positive?",
                               ["a saving", "positive"])
                reading = readings[part.index]
                role = name.replace("_", " ")  # the section's heading names the calculator
                if spec.records and len(groups) > 1:
                    role += f" of {record['name']}"
                if role not in reading.roles:
                    reading.roles.append(role)
                if part.is_range:  # "15-20k (use the high end to be safe)": the point the message chose
                    point = range_point(text, part, [f for f in active if f.is_range], spec_field.direction)
                    if point is not None:
                        low, high = part.value, part.high or part.value
                        part = dataclasses.replace(part, high=None, value={"low": low, "high": high}.get(
                            point, (low + high) / 2))
                        reading.note += f"; the {point} of {part.show()}, as you said"
                bare_share(spec, spec_field, part)
                value, note = (part.value, "") if spec_field.sequence and not part.is_range else normalise(
                    part, spec_field, horizon)  # a range is asked about, in a list of flows too
                margin = margin_for(part, spec_field, figures, roles)
                if margin is not None and margin.is_range:  # "margin somewhere between 30 and 40%"
                    normalise(margin, spec_field, horizon)  # asks which single value
                if margin is not None:  # "$10,000 of revenue a month, and our gross margin is 35%": the profit
                    value *= margin.value / 100
                    if any(p is not part and abs(p.value - value) <= 0.005 * abs(value) for p in parts):
                        # "revenue went up 64k but our margin is 25% so the profit part is 16k": said twice
                        reading.roles.remove(role)
                        reading.note = f"its profit at {margin.show()} margin is the {_fmt(value)} you give"
                        continue
                    note += f"; × {margin.show()} margin = {_fmt(value)}"
                    readings[margin.index].roles.append(f"margin on the {name.replace('_', ' ')}")
                elif spec_field.direction == "in" and revenue_only(part):
                    raise _ask(f"{part.show()} is revenue (“{part.context}”): the {name.replace('_', ' ')} counts the profit "
                               "it brings. What margin should I apply to it, or is it already profit?",
                               ["it is already profit", "apply a margin"])
                converted.append(value)
                reading.note += note + (f"; {spec_field.note}" if spec_field.note else "")
            totals = [i for i, p in enumerate(parts) if TOTAL_WORDS & set(p.before[-3:] + p.after[:3])]
            if spec_field.sequence:
                values[name] = repeated(text, parts, converted)
            elif len(parts) > 1 and totals:  # "total $30k: $24k licences + $6k set-up"
                total = converted[totals[0]]
                rest = sum(v for i, v in enumerate(converted) if i not in totals)
                if len(totals) > 1 or abs(total - rest) > 0.005 * max(abs(total), 1.0):
                    raise _ask(f"Is {parts[totals[0]].show()} the total of the other {name.replace('_', ' ')} figures "
                               f"({', '.join(p.show() for i, p in enumerate(parts) if i not in totals)}), or in addition "
                               "to them?", ["the total", "in addition"])
                values[name] = total
                readings[parts[totals[0]].index].note += f"; the total of the parts ({_fmt(rest)})"
            else:
                values[name] = sum(converted)
                if len(converted) > 1:
                    readings[parts[-1].index].note += sum_note(name, converted)
        dated = next((f for f in spec.fields if f.horizon and f.name not in values), None)
        if dated is not None and horizon is not None and horizon.index < 0 and horizon.value != 12 and not spec.records:
            values[dated.name] = normalise(horizon, dated, None)[0]  # "from January 2027 till end of 2029": 3 years
        missing = _missing(spec, {k for k in values if not k.startswith("_") and k != "name"})
        if missing:
            label = f" for {record['name']}" if spec.records and len(groups) > 1 else ""
            raise _NeedsAsking(missing_question(spec, missing, label))
        if not spec.records:
            values.pop("name", None)
            values.pop("_context", None)
        records.append(values)
    if horizon is not None and horizon.index >= 0 and any("(" + horizon.show() + ")" in r.note for r in readings.values()):
        readings[horizon.index].roles.append("horizon for the per-period amounts")
    build = spec.build or (lambda recs: (spec.name, {k: v for k, v in recs[0].items() if not k.startswith("_")}))
    try:
        name, args = build(records)
    except ValueError as exc:
        raise _ask(str(exc)) from None
    try:
        validate_args(name, args)
    except ToolInputError as exc:
        raise _ask(f"I can't use these figures as read: {exc.message}. Could you check them?") from None
    return name, args


def _flat(figures: list[Figure], roles: dict[int, str], swapped: dict[int, int] | None = None,
          ahead: dict[int, float] | None = None) -> dict[str, Any]:
    """The figures of each input, in the order they stand in the message; a figure that replaced an
    earlier one stands in its place ("20k y1, 20k y2 … y1 will be lower, 12k": 12k is the first flow),
    one in ``ahead`` at the place given (an outlay said after its flows comes first)."""
    place: dict[int, float] = {new: old for old, new in (swapped or {}).items()}
    place.update(ahead or {})
    record: dict[str, Any] = {}
    for fig in sorted(figures, key=lambda f: place.get(f.index, f.index)):
        name = roles.get(fig.index)
        if name is not None:
            record.setdefault(name, []).append(fig)
    return record


def with_choices(spec: ToolSpec, call: tuple[str, dict], text: str) -> tuple[str, dict]:
    """The call with the options the message chooses in words ("the average, not the product")."""
    name, args = call
    fields = TOOLS[name].input_model.model_fields
    for arg, value, words in spec.choices:
        # "(?<![a-z])", not "\b": a unit glued to its number ("0.5pp") still chooses
        said = re.finditer(r"(?<![a-z])(?:" + "|".join(map(re.escape, words)) + r")\b", text, re.IGNORECASE)
        if arg in fields and any(_chosen(text, m) for m in said):
            args = {**args, arg: value}
    return name, args


_NOT_CHOSEN_BEFORE = re.compile(r"\b(?:not|no|never|instead of|rather than|or)\s+(?:the\s+|an?\s+)?$", re.IGNORECASE)


def _chosen(text: str, said: re.Match[str]) -> bool:
    """Whether an option's word chooses it: not when denied ("the product, not the average") or
    offered as one of two ("product or mean?")."""
    before = text[max(0, said.start() - 20) : said.start()]
    after = text[said.end() : said.end() + 12]
    return not (_NOT_CHOSEN_BEFORE.search(before) or re.match(r"\s+or\b", after, re.IGNORECASE))


# A sentence that asks for a calculation without a question mark: "Please compute the ROI."
_REQUEST = re.compile(r"\b(?:compute|calculate|work out|run|give me|tell me|show me|please|pls|can you|could you)\b",
                      re.IGNORECASE)


def asked_specs(text: str) -> list[ToolSpec]:
    """The calculators whose trigger words the text uses and whose inputs can be read from text; a
    trigger word typed with two letters swapped ("sampel size") still asks, when none is typed right."""
    found = [spec for spec in SPECS if spec.fields and spec.asked_in(text)]
    if found:
        return found
    fixed = _untransposed(text)
    return [spec for spec in SPECS if spec.fields and spec.asked_in(fixed)] if fixed != text else []


MIN_TYPO_LENGTH = 5  # shorter words swap into other words too often ("form", "from")


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    return frozenset(w.lower() for spec in SPECS for ask in spec.asks for w in re.findall(r"[A-Za-z]+", ask)
                     if len(w) >= MIN_TYPO_LENGTH)


def _untransposed(text: str) -> str:
    """``text`` with each word that is a trigger word with two adjacent letters swapped put right."""
    words = _trigger_words()

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        if lowered in words:
            return word
        for k in range(len(lowered) - 1):
            swapped = lowered[:k] + lowered[k + 1] + lowered[k] + lowered[k + 2 :]
            if swapped in words:
                return swapped
        return word

    return re.sub(rf"[A-Za-z]{{{MIN_TYPO_LENGTH},}}", fix, text)


def _names_thing(spec: ToolSpec, thing: str) -> bool:
    """Whether an input of ``spec`` is per ``thing`` (an order value is per order)."""
    return any(_token_match(part, thing) or _token_match(thing, part)
               for f in spec.fields for label in f.labels for part in _parts(label))


def compared_groups(text: str) -> list[ToolSpec]:
    """The calculator whose inputs come for several groups, when a question names none but its
    figures give every input of each group by name ("old page: 4,812 visitors, 173 orders; new
    page: ... did it work?"): the figures' labels, not a trigger word, say what is asked."""
    figures = read_figures(text)
    by_index = {fig.index: fig for fig in figures}
    found = []
    for spec in SPECS:
        if spec.records < 2 or not spec.requires:
            continue
        named: Counter[str] = Counter()
        for index, role in assign(spec, figures, text).items():
            if isinstance(role, str) and label_score(by_index[index], spec.field(role)) > 0:
                named[role] += 1
        if any(all(named[name] >= spec.records for name in alternative) for alternative in spec.requires):
            found.append(spec)
    return found if len(found) == 1 else []


def read_calculation(text: str, ask_text: str | None = None) -> Calculation | None:
    """The calculations ``text`` asks for (trigger words looked for in ``ask_text`` if given),
    with every figure accounted for; None when it asks for no calculation with figures."""
    if ask_text is None:  # the words of the questions asked, else of the requests, else of the whole message
        asks = split_asks(text)
        asked = " ".join(ask.text for ask in asks if ask.question)
        requested = " ".join(ask.text for ask in asks if _REQUEST.search(ask.text))
        specs = asked_specs(asked) or asked_specs(requested) or asked_specs(text)
        if not specs and any(ask.question for ask in asks):
            specs = compared_groups(text)
    else:
        specs = asked_specs(ask_text)
    if not specs:
        return None
    words = {w: v for spec in specs for f in spec.fields for w, v in f.value_words}
    figures = read_figures(text, words or None)
    if not figures:
        return None
    if len(figures) > MAX_FIGURES:
        calc = Calculation(readings=[Reading(f, note="too many figures to read in one message") for f in figures])
        calc.clarification = Clarification(
            question=f"I read {len(figures)} figures in this message, more than I can match to inputs reliably "
                     f"(at most {MAX_FIGURES}). Could you give the inputs of one calculation at a time?")
        calc.topic = specs[0].topic
        calc.titles = [specs[0].title]
        return calc
    readings = {fig.index: Reading(fig) for fig in figures}
    calc = Calculation(readings=[readings[f.index] for f in figures])
    shared, bases, share_notes = with_shares(text, figures)  # "15% of the implementation": an amount
    for spec in specs:
        spec = _in_rate_periods(spec, figures)
        money = any(f.unit == "money" for f in spec.fields)
        own, own_bases = shared, bases
        if money:  # "25 extra orders a month at $9 profit per order": 225 a month, unless an input is per order
            own, priced, unit_notes = priced_units(text, shared, lambda thing, spec=spec: _names_thing(spec, thing))
            own_bases = {**bases, **priced}
            share_notes = {**share_notes, **unit_notes}
        try:
            planned = _plan_spec(text, spec, own if money else figures, readings, own_bases if money else {})
        except _NeedsAsking as need:
            calc.clarification = calc.clarification or need.clarification
            calc.topic = calc.topic or spec.topic
            calc.titles.append(spec.title)
            continue
        if planned is not None:
            planned = with_choices(spec, planned, text)
            calc.calls.append(planned)
            calc.topic = calc.topic or spec.topic
            calc.titles.append(spec.title)
    used = {r.figure.index: r for r in calc.readings if r.used}
    if calc.calls or calc.clarification is not None:
        stray_share = next((r.figure for r in calc.readings if _stray_share(text, r, figures, used, share_notes)), None)
        if stray_share is not None and calc.calls:  # "reach about 15% of our 40k visitors" with the 40k used whole: not sure
            calc.clarification = Clarification(
                question=f"What is {stray_share.show()} (“{stray_share.context or stray_share.text}”) for in "
                         f"{', '.join(calc.titles)}: should I apply it, or is it not part of this calculation?",
                options=["apply it", "leave it out"], figure=stray_share.index)
            calc.calls = []
        gone = [f for f in taken_back(text, figures) if f.index in used]
        placed = corrected_in_place(text, figures)
        if placed and calc.calls:  # "…, oops the second one should be 25k": which figure it replaces is asked, not guessed
            gone = []
            calc.clarification = Clarification(
                question=f"You corrected one of the figures to {placed[0].show()} (“{placed[0].context or placed[0].text}”). "
                         "Could you give the full list again with the corrected figure in its place?")
            calc.calls = []
        asked_about = calc.clarification.figure if calc.clarification is not None else None
        offered = [(a, b) for a, b in offered_instead(text, figures)
                   if a.index in used or b.index in used or asked_about in (a.index, b.index)]
        if gone and calc.calls:  # "cost was 12k — no wait, that was last year's quote": the input is not known
            role = used[gone[0].index].roles[0].split(".")[-1].replace("_", " ")
            calc.clarification = Clarification(
                question=f"You took back {gone[0].show()} (“{gone[0].context or gone[0].text}”). "
                         f"What figure should I use for the {role}?")
            calc.calls = []
        elif offered and not placed:  # "cost 50k — hmm or 45k if training doesn't count": two values, one input
            a, b = offered[0]
            calc.clarification = Clarification(
                question=f"You gave two values, {a.show()} or {b.show()}: which one should I use?", options=[a.show(), b.show()])
            calc.calls = []
    bare_amounts = not any(f.unit == "money" for f in figures)
    dropped = [r.figure for r in calc.readings if not r.used and not r.note and (
        r.figure.unit == "money" or (r.figure.period and unplaced_amount(r.figure))
        or bare_amounts and amount_like(r.figure) and r.figure.value > 0
        and not (r.figure.after[:1] and r.figure.after[0] in PREPOSITIONS and counts_things(r.figure))  # "1,200 on the waitlist"
        and (r.figure.scaled or "," in r.figure.text or "." in r.figure.text))]  # amounts written bare: "Capex 36,000 …"
    if dropped and calc.calls and calc.clarification is None and not any(s.records for s in specs):
        # an amount nobody placed, in a calculation computed without it: a result that silently
        # leaves out money the user gave is a wrong figure; asking is not
        spec = next(s for s in specs if s.title == calc.titles[0])
        money_fields = [f.name for f in spec.fields if f.unit == "money"]
        if money_fields:
            calc.clarification = stray_question(dropped[0], money_fields)
            calc.calls = []
    moved = next((r.figure for r in calc.readings if not r.used and not r.note and r.figure.unit == "percent"
                  and changes_amounts(r.figure)), None)
    if moved is not None and calc.calls and calc.clarification is None and not any(s.records for s in specs):
        # a percentage no input took that says it changes something ("fees increase by 5% each
        # anniversary", "10% off if signed by May"), in a calculation of amounts that takes none:
        # computing without it states a total the user's own figures say is off
        spec = next(s for s in specs if s.title == calc.titles[0])
        if any(f.unit == "money" for f in spec.fields) and not any(f.unit in {"percent", "fraction"} for f in spec.fields):
            calc.clarification = Clarification(
                question=f"What is {moved.show()} (“{moved.context or moved.text}”) for in {', '.join(calc.titles)}: "
                         "should I apply it to the amounts, or is it not part of this calculation?",
                options=["apply it", "leave it out"], figure=moved.index)
            calc.calls = []
    scored = [r for r in calc.readings if r.used]
    unread = [r.figure for r in calc.readings if not r.used and not r.note and r.figure.unit in {"count", "percent"}]
    if calc.calls and calc.clarification is None and scored and len(unread) >= len(scored) and any(
            s.records for s in specs if s.title in calc.titles):
        # "ai captions = impact 7 conf 6 ease 9, restock = 8/5/4, dm replies = 6/8/8": in a ranking of
        # projects, one scored and as many figures again unread is not the answer to "which one first?"
        calc.clarification = Clarification(
            question=f"I could read only some of these figures ({', '.join(r.figure.show() for r in scored)}); "
                     f"{', '.join(f.show() for f in unread[:6])} I could not place. Could you give each one with "
                     "its input's name (for example “impact 8, confidence 5, ease 4”)?")
        calc.calls = []
    effort = next((r.figure for r in calc.readings if not r.used and not r.note and _STAFF_TIME.match(
        text, r.figure.span[1])), None)
    if effort is not None and calc.calls and calc.clarification is None and not any(
            f.unit == "duration" and not f.horizon for s in specs for f in s.fields):
        # "2 FTE-months of our IT team" beside a licence: staff time with no price is a cost left out
        calc.clarification = Clarification(
            question=f"What does {effort.show()}{_STAFF_TIME.match(text, effort.span[1]).group(0)} of staff time (“{effort.context or effort.text}”) cost? Give its "
                     f"cost, or say to leave it out of {', '.join(calc.titles)}.",
            options=["leave it out"], figure=effort.index)
        calc.calls = []
    unknown = unknown_values(text)
    if unknown and calc.calls and calc.clarification is None:  # a figure still to come would change the result
        calc.clarification = Clarification(
            question=f"You say “{unknown[0]}”: that figure is not known yet, so I would be leaving it out of "
                     f"{', '.join(calc.titles)}. What value should I use for it, or should I compute without it?")
        calc.calls = []
    for index, note in share_notes.items():
        if readings[index].roles:
            readings[index].note = note + readings[index].note
    if not calc.calls and calc.clarification is None:
        return None
    if not calc.calls and asks_about_a_figure(text):
        return None  # "is a 25% return good?": the course answers it; asking for inputs would not
    questions = [ask.text for ask in split_asks(text) if ask.question] if ask_text is None else []
    if only_asks_meaning(questions) or judges_own_figures(questions, text):
        return None  # "what counts as integration? does the split matter for the TCO?": no figure answers it
    names = ", ".join(calc.titles) or "this calculation"
    for reading in calc.readings:
        if not reading.used and not reading.note:
            reading.note = f"no input of {names} is named next to it"
    return calc


def _in_rate_periods(spec: ToolSpec, figures: list[Figure]) -> ToolSpec:
    """A discounting spec whose rate the message gives per quarter or per month ("2% per quarter as
    the discount rate"): its yearly flows and horizon are counted in that period instead, so the rate,
    the flows and the number of periods agree (nothing is converted to years and back)."""
    rate = next((f for f in spec.fields if f.name == "rate" and f.unit == "fraction"), None)
    if rate is None or not any(f.sequence for f in spec.fields):
        return spec
    periods = {f.period for f in figures if f.unit == "percent" and f.period and label_score(f, rate) >= 0.25}
    if len(periods) != 1 or periods == {"year"} or next(iter(periods)) not in MONTHS_IN:
        return spec
    period = next(iter(periods))
    fields = tuple(dataclasses.replace(f, period=period) if f.period == "year" else f for f in spec.fields)
    return dataclasses.replace(spec, fields=fields)


def _stray_share(text: str, reading: Reading, figures: list[Figure], used: dict[int, Reading],
                 share_notes: dict[int, str]) -> bool:
    """A percentage no input took and nothing set aside that shares out a figure the calculation did
    use ("15% of our 40k visitors", the 40k read whole), or that stands in one sentence beside a
    share worked out as an amount ("20% of that in year 1 and 30% in year 2"): computing without it
    would state a figure from a misread input."""
    fig = reading.figure
    if reading.used or reading.note or fig.unit != "percent":
        return False
    following = figures[fig.index + 1] if fig.index + 1 < len(figures) else None
    if following is not None and following.index in used and re.fullmatch(
            r"\s*of\s+(?:[a-z]+\s+){0,2}", text[fig.span[1] : following.span[0]], re.IGNORECASE):
        return True
    start, end = _sentence_span(text, fig.span[0])
    return any(i in used and start <= figures[i].span[0] < end and figures[i].unit == "percent"
               for i in share_notes if i < len(figures))


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in re.finditer(r"[.;!?\n](?!\d)", text[:pos])]
    stop = re.search(r"[.;!?\n](?!\d)", text[pos:])
    return (starts[-1] if starts else 0), (pos + stop.start() if stop else len(text))


def other_asks(message: str) -> str:
    """The message without the clauses that ask for a calculation: the context sentences and
    the remaining questions, so each of them can be planned on its own."""
    asks = split_asks(message)
    if not any(ask.question and not asked_specs(ask.text) for ask in asks):
        return ""
    kept = []
    for ask in asks:
        specs = asked_specs(ask.text) if ask.question else []
        if not specs:
            kept.append(ask.text)
        elif read_figures(ask.text):  # "Our chatbot cost $20k…, was it worth it": keep the context
            text = ask.text
            for spec in specs:
                text = spec.without_asks(text)
            kept.append(re.sub(r"\s+", " ", text).strip())
    return " ".join(kept)


# ---- planning from figures whose roles are already decided (a conversation's state) -------------

def horizon_in(figures: list[Figure], taken: set[int], text: str = "") -> Figure | None:
    """The duration a calculation of these figures runs over, found as one message's is (index -1:
    "a year" in words, a figure of its own)."""
    return _horizon(figures, taken, text)


@dataclass
class Need:
    """What a planned calculation still needs, and about which figure: ``kind`` is "role" (which
    input a figure is), "period" (per month, per year or one-off), "horizon" (over how long),
    "range" (one value of a range), "which" (one of several figures for one input), "missing"
    (inputs not given) or "check" (the figures as read are not valid inputs)."""

    kind: str
    clarification: Clarification
    figure: int | None = None  # the figure's index, when the question is about one
    fields: list[str] = field(default_factory=list)  # the inputs the question is about


def plan_figures(spec: ToolSpec, text: str, figures: list[Figure], roles: dict[int, str | tuple[str, ...]],
                 horizon: Figure | None = None, ignored: frozenset[int] = frozenset(),
                 settings: dict[str, Any] | None = None) -> tuple[Calculation, Need | None]:
    """``spec``'s calculation from ``figures`` whose inputs are decided (``roles``: figure index →
    field name, or a tuple of fields it fits equally), as ``read_calculation`` plans one message:
    the same normalising, summing, records and checks. ``ignored`` figures are not part of it;
    ``settings`` are schema inputs chosen in words (``{"aggregate": "mean"}``). Returns the
    calculation (its call, or its one question) and, when it asks, what the question is about."""
    readings = {fig.index: Reading(fig) for fig in figures}
    calc = Calculation(readings=[readings[f.index] for f in figures], topic=spec.topic, titles=[spec.title])
    need: Need | None = None
    try:
        calc.calls.append(_plan_decided(spec, text, figures, roles, horizon, ignored, settings or {}, readings))
    except _Needs as asked:
        need = asked.need
        calc.clarification = need.clarification
    for index in ignored:
        if index in readings:
            readings[index].note = "not part of this calculation (your answer)"
    for reading in calc.readings:
        if not reading.used and not reading.note:
            reading.note = f"no input of {spec.title} is named next to it"
    return calc, need


class _Needs(Exception):
    def __init__(self, need: Need) -> None:
        super().__init__(need.clarification.question)
        self.need = need


def _need(kind: str, asked: _NeedsAsking | Clarification, figure: int | None = None,
          fields: list[str] | None = None) -> _Needs:
    clarification = asked.clarification if isinstance(asked, _NeedsAsking) else asked
    return _Needs(Need(kind, clarification, figure, fields or []))


def _plan_decided(spec: ToolSpec, text: str, figures: list[Figure], roles: dict[int, str | tuple[str, ...]],
                  horizon: Figure | None, ignored: frozenset[int], settings: dict[str, Any],
                  readings: dict[int, Reading]) -> tuple[str, dict[str, Any]]:
    for index, fields in roles.items():
        if isinstance(fields, tuple):
            fig = next(f for f in figures if f.index == index)
            raise _need("role", role_question(fig, fields), index, list(fields))
    # the user's own words in the message took it out ("no wait, 4k"); figures of later replies are
    # placed by the dialogue (their spans are in the reply, not in ``text``)
    own = [f for f in figures if f.index >= 0 and text[f.span[0] : f.span[1]].strip() == f.text.strip()]
    dropped = said_to_drop(text, own)
    for index, why in dropped.items():
        if index in readings:
            readings[index].note = why
    ignored = ignored | frozenset(dropped)
    decided = {i: name for i, name in roles.items() if isinstance(name, str) and i not in ignored}
    money_fields = [f.name for f in spec.fields if f.unit == "money"]
    aside = set_aside(text, figures)
    stray = [f for f in figures if unplaced_amount(f) and f.index not in aside
             and f.index not in decided and f.index not in ignored
             and (horizon is None or f.index != horizon.index)]
    if stray and money_fields and not spec.records:
        raise _need("role", stray_question(stray[0], money_fields), stray[0].index, money_fields)
    horizon_field = next((f for f in spec.fields if f.horizon and f.name not in decided.values()), None)
    if horizon_field is not None and not spec.records:  # as ``_plan_spec``: the horizon is an input, or asked
        if horizon is not None and horizon.index >= 0 and horizon.index not in ignored:
            decided = {**decided, horizon.index: horizon_field.name}
        elif (horizon is None and not any(horizon_field.name in alt for alt in spec.requires)
              and any(f.period for f in figures if f.index in decided)):
            recurring = next(f for f in figures if f.index in decided and f.period)
            raise _need("horizon", Clarification(
                question=f"{horizon_field.question} You gave a recurring amount ({recurring.show()}).",
                options=["1 year", "2 years", "3 years"]), recurring.index, [horizon_field.name])
    periods = {f.period for f in figures if f.index in decided and f.unit != "duration"}
    if horizon is None and horizon_field is None and len(periods) == 1 and None not in periods \
            and MONTHS_IN.get(next(iter(periods))):  # every amount per month: one month, as the ratio is the same
        period = next(iter(periods))
        horizon = Figure(value=MONTHS_IN[period], unit="duration", span=(0, 0), text=f"one {period}", index=-1)
    try:
        _same_currency([f for f in figures if f.index in decided and f.unit == "money"])
    except _NeedsAsking as asked:
        raise _need("currency", asked) from None
    try:
        _one_year_guess(spec, figures, decided, horizon)
    except _NeedsAsking as asked:
        yearly = next((i for i in decided if figures[i].period == "year"), None)
        raise _need("horizon", asked, yearly, []) from None
    signed_out = signed_outlays(spec, figures, decided)
    if spec.records:
        groups = split_records(text, spec, [f for f in figures if f.index in decided], decided)
    else:
        groups = [(_flat(figures, decided), list(decided))]
    records = []
    for record, _members in groups:
        values: dict[str, Any] = {}
        for name, item in record.items():
            if name.startswith("_") or name == "name":
                values[name] = item
                continue
            spec_field = spec.field(name)
            parts = item if isinstance(item, list) else [item]
            parts = _said_again(parts, spec_field)
            if len(parts) > 1 and not (spec_field.summed or spec_field.sequence):
                raise _need("which", which_question(name, parts), parts[0].index, [name])
            if spec_field.summed and alternative_parts(text, parts) and not any(
                    TOTAL_WORDS & set(p.before[-3:] + p.after[:3]) for p in parts):
                raise _need("which", which_question(name, parts, choice=True), parts[0].index, [name])
            converted = []
            for part in parts:
                if part.index in signed_out:
                    part.value = -part.value
                reading = readings[part.index]
                role = name.replace("_", " ")
                if spec.records and len(groups) > 1:
                    role += f" of {record['name']}"
                if role not in reading.roles:
                    reading.roles.append(role)
                try:
                    bare_share(spec, spec_field, part)
                except _NeedsAsking as asked:  # "is 8 a percentage?": about that figure's unit
                    raise _need("share", asked, part.index, [name]) from None
                try:
                    value, note = normalise(part, spec_field, horizon)
                except _NeedsAsking as asked:
                    kind = "range" if part.is_range else ("period" if spec_field.period and not part.period else "horizon")
                    raise _need(kind, asked, part.index, [name]) from None
                margin = margin_for(part, spec_field, figures, decided)
                if margin is not None and margin.is_range:
                    try:
                        normalise(margin, spec_field, horizon)
                    except _NeedsAsking as asked:
                        raise _need("range", asked, margin.index, [name]) from None
                if margin is not None:  # as ``_plan_spec``: revenue at a margin is the profit it brings
                    value *= margin.value / 100
                    note += f"; × {margin.show()} margin = {_fmt(value)}"
                    readings[margin.index].roles.append(f"margin on the {role}")
                converted.append(value)
                reading.note += note + (f"; {spec_field.note}" if spec_field.note else "")
            if spec_field.sequence:
                values[name] = repeated(text, parts, converted)
            else:
                values[name] = sum(converted)
                if len(converted) > 1:
                    readings[parts[-1].index].note += sum_note(name, converted)
        missing = _missing(spec, {k for k in values if not k.startswith("_") and k != "name"})
        if missing:
            label = f" for {record['name']}" if spec.records and len(groups) > 1 else ""
            raise _need("missing", missing_question(spec, missing, label), None, missing)
        if not spec.records:
            values.pop("name", None)
            values.pop("_context", None)
        records.append(values)
    if not records:
        missing = [name for alternative in spec.requires[:1] for name in alternative]
        raise _need("missing", missing_question(spec, missing), None, missing)
    if horizon is not None and horizon.index in readings and any(
            "(" + horizon.show() + ")" in r.note for r in readings.values()):
        readings[horizon.index].roles.append("horizon for the per-period amounts")
    build = spec.build or (lambda recs: (spec.name, {k: v for k, v in recs[0].items() if not k.startswith("_")}))
    try:
        name, args = build(records)
    except ValueError as exc:
        raise _need("check", Clarification(question=str(exc))) from None
    args = {**args, **settings}
    try:
        validate_args(name, args)
    except ToolInputError as exc:
        raise _need("check", Clarification(
            question=f"I can't use these figures as read: {exc.message}. Could you check them?")) from None
    return name, args
