"""Figures a message gives as the situation around a calculation, not as its inputs.

Two kinds, both told apart by ordinary words, never by a calculator's names:

- the company's own finances, said for context in an update or a thread: its burn, runway, cash
  in the bank, monthly or annual recurring revenue, valuation ("burn ~$240k/mo, runway 19
  months"). They size the company; no calculator input is any of them.
- money already spent whatever is decided next (a sunk cost), marked so in its own sentence or
  in the next one that points back at it ("we spent 6k on a pilot, that's gone"; "the 8k audit
  … that's already spent, it doesn't change the decision"; "cost so far: 14k (done, paid)"). It
  is set aside only when the message gives another outgoing amount (the cost still to come);
  alone it is the cost of what was done, as an ROI of a finished project counts it.
- what a meeting or a thread turned down: a figure whose option is said to be rejected, parked
  or ruled out ("in-house, est. 38k. Rejected."), and a value someone proposed that the decision
  after it settles otherwise ("Ana suggested 12%, Ben said 9%. Decided: 9%.").

assistant/reading/calculate.py and plan.py set these aside beside money.py's set_aside.
"""

from __future__ import annotations

import dataclasses
import re

from assistant.reading.money import (
    CHANGE_WORDS,
    ORGANISATION_WORDS,
    REVENUE_WORDS,
    amount_like,
    money_direction,
    stem_in,
)
from knowledge.figures import Figure

# Words naming a company-wide figure: what the company burns, has left or earns in total.
BUSINESS_WORDS = {"burn", "runway", "mrr", "arr", "valuation", "headcount", "cash-burn"}
# "cash in bank", "cash on hand", "cash balance": the company's cash, not a flow of the project.
_CASH_HELD = re.compile(r"\bcash\s+(?:in\s+(?:the\s+)?bank|on\s+hand|balance|position|reserves?)\s*[:=]?\s*(?:of\s+)?"
                        r"(?:is\s+|was\s+|at\s+|~|about\s+|around\s+)*$", re.IGNORECASE)

# Words saying money is spent whichever way the decision goes.
_SUNK = re.compile(
    r"\b(?:sunk|already\s+(?:been\s+)?(?:spent|paid(?:\s+for)?|gone|sunk|burn(?:ed|t))|(?:that|this|it)(?:'s|’s|s| is| was)\s+gone|"
    r"(?:does|do|did)(?:n't|n’t|nt| not)\s+(?:change|affect)\s+(?:the|this|our)\s+decision|"
    r"(?:can't|cannot|can’t|won't)\s+get\s+(?:it|that|this|them)\s+back|water\s+under\s+the\s+bridge|"
    # "(written off)", "for a chatbot that never worked": spent on something finished or failed
    r"written\s+off|write-?off|(?:that|which)\s+never\s+(?:worked|launched|went\s+live|shipped)|"
    # "(done, paid)", "paid and done": spent and finished, whatever comes next
    r"(?:done|finished|completed)\s*(?:,|and|&)\s*(?:already\s+)?paid|paid\s*(?:,|and|&)\s*(?:done|finished|completed))\b",
    re.IGNORECASE)
# Where a sentence ends ("5.1%" ends none).
_SENTENCE_END = re.compile(r"[.;!?\n](?!\d)")
# The next sentence points back at the figure before it: "That's already spent", "it's gone".
_POINTS_BACK = re.compile(r"^\W*(?:[A-Z][a-z]+:\s*)?(?:that|this|it|which)\b", re.IGNORECASE)


# How long the business has run: "9 years in business", "been going four years", "trading for 12
# years", "in business for 6 years", "open for 3 years now". An age, not how long a calculation runs.
_AGE_BEFORE = re.compile(
    r"\b(?:(?:(?:we|i)(?:'ve| have)|(?:the |our )?(?:shop|store|business|company|brand) has)\s+been\s+"
    r"(?:going|trading|selling(?:\s+online)?|in business|around|operating)|been\s+(?:going|trading|in business)"
    r"|in business|(?:trading|in business)\s+(?:for|since))\s+(?:for\s+)?"
    r"(?:about|around|roughly|almost|nearly|over|some|just|~)?\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^\s*(?:now\s+)?(?:in\s+(?:business|operation)|of\s+(?:trading|business|operation)|old\b"
                        r"|and\s+counting\b)", re.IGNORECASE)


def business_figures(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: the figures that size the company (burn, runway, cash, MRR), and how
    long it has been in business."""
    out: dict[int, str] = {}
    for fig in figures:
        if fig.unit == "duration" and not fig.is_range and (
                _AGE_BEFORE.search(text[max(0, fig.span[0] - 40) : fig.span[0]]) or _AGE_AFTER.match(text[fig.span[1] :])):
            out[fig.index] = "it says how long the business has run, not how long this calculation runs"
            continue
        if fig.unit == "percent":
            continue  # "our bank rate is 10%": a rate the calculation may use, not the company's size
        near = {w.lower() for w in fig.before[-4:]}
        if near & BUSINESS_WORDS or _CASH_HELD.search(text[max(0, fig.span[0] - 40) : fig.span[0]]):
            out[fig.index] = "it describes the company's finances, not this calculation"
        words = [w.lower() for w in fig.before[-5:]]
        owned = any(w.endswith(("'s", "’s")) and w[:-2] in ORGANISATION_WORDS for w in words)
        if owned and any(stem_in(w, REVENUE_WORDS) for w in words) and not any(
                stem_in(w, CHANGE_WORDS) for w in words + fig.after[:3]):
            out[fig.index] = "it is the business's revenue, not a gain from this project"  # "the retailer's annual revenue is 2M"
    return out


def _clause(text: str, fig: Figure, figures: list[Figure]) -> tuple[str, str]:
    """The words after the figure up to the next figure or the sentence's end, and the sentence
    after it when no other figure stands between (what "that's gone" there points back at)."""
    nxt = next((f.span[0] for f in figures if f.span[0] >= fig.span[1]), len(text))
    rest = text[fig.span[1] :]
    end = _SENTENCE_END.search(rest)
    stop = min(nxt - fig.span[1], end.start() if end else len(rest))
    if end is None or fig.span[1] + end.end() > nxt:
        return rest[:stop], ""
    following = rest[end.end() : nxt - fig.span[1]]
    close = _SENTENCE_END.search(following)
    return rest[:stop], following[: close.start()] if close else following


def sunk_costs(text: str, figures: list[Figure], aside: dict[int, str] | None = None) -> dict[int, str]:
    """figure index → why: money said to be spent already whatever is decided, when another
    outgoing amount (the cost still to come) is given beside it."""
    aside = aside or {}
    sunk: dict[int, str] = {}
    for fig in figures:
        if not amount_like(fig):  # money, or a bare amount ("7,000 (written off)")
            continue
        own, following = _clause(text, fig, figures)
        later = following if _POINTS_BACK.match(following) else ""
        if _SUNK.search(own) or _SUNK.search(later) or fig.before[-1:] == ["sunk"]:
            sunk[fig.index] = "already spent whatever is decided (a sunk cost): it is not part of the cost to come"
    if not sunk:
        return {}
    others = [f for f in figures if f.index not in sunk and f.index not in aside and amount_like(f)
              and not f.period and money_direction(f) != "in"]
    return sunk if others else {}


# Said of an option right after its figure, in the same sentence or opening the next one: the
# option was turned down ("in-house, est. 38k. Rejected (no capacity)"; "12k (parked)").
_TURNED_DOWN = re.compile(r"^\W*(?:(?:was|is|got|been|but)\s+)*(?:rejected|parked|shelved|vetoed|ruled\s+out|turned\s+down|"
                          r"declined|off\s+the\s+table|not\s+(?:doing|going\s+ahead\s+with|pursuing)\s+(?:this|that|it))\b",
                          re.IGNORECASE)
# What a meeting or a thread settled, right before the figure: "Decided: 9%", "agreed on 2 years".
_DECIDED = re.compile(r"\b(?:decided|decision|agreed|settled|final(?:\s+call)?)\b(?:\s+(?:on|to\s+use|to\s+go\s+with|"
                      r"we(?:'ll)?\s+use|is|was))?\s*[:=\u2014\u2013-]?\s*$", re.IGNORECASE)
# A value someone put forward, a few words before it: "Hanna suggested 12% as hurdle".
_PROPOSED = re.compile(r"\b(?:suggest(?:ed|s)?|propos(?:ed|es)?|floated|pushed\s+for|argued\s+for|wanted|preferred|"
                       r"asked\s+for)\b(?:\s+\S+){0,3}\s*$", re.IGNORECASE)


def decisions(text: str, figures: list[Figure]) -> dict[int, int]:
    """earlier figure index → the index of the figure a decision after it settles on: the same
    kind of figure (unit and period) within a few lines, either proposed at another value ("Felix
    floated 40k … Decided: 34.5k") or the same amount, which the decision says again ("the quote
    came in at 34,500. Decided: 34.5k one-off")."""
    out: dict[int, int] = {}
    decided = [f for f in figures if _DECIDED.search(text[max(0, f.span[0] - 30) : f.span[0]])]
    for final in decided:
        for fig in figures:
            if not (fig.index < final.index and fig.period == final.period and final.span[0] - fig.span[1] < 300
                    and (fig.unit == final.unit or {fig.unit, final.unit} == {"money", "count"})
                    and not any(fig.index < d.index < final.index for d in decided)):
                continue
            if abs(fig.value - final.value) <= 1e-9 * max(1.0, abs(final.value)) or (
                    fig.unit == final.unit and _PROPOSED.search(text[max(0, fig.span[0] - 40) : fig.span[0]])):
                out[fig.index] = final.index
    return out


def decided_against(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: figures of an option said to be turned down, and values proposed before
    a decision that settles on another (``decisions``)."""
    out: dict[int, str] = {}
    for fig in figures:
        own, following = _clause(text, fig, figures)
        if _TURNED_DOWN.match(own) or not own.strip(" ,;:()") and _TURNED_DOWN.match(following):
            out[fig.index] = "the option it belongs to was turned down"
    for old, new in decisions(text, figures).items():
        final = figures[new]
        out[old] = (f"the decision says it again ({final.show()})" if abs(figures[old].value - final.value) <= 1e-9 * max(
            1.0, abs(final.value)) else f"proposed, but the decision was {final.show()}")
    return out


# A line of a pasted chat thread: "[14:03] Ben: …", "Ana: …", "> Raj: …".
_SPEAKER_LINE = re.compile(r"^[ \t>]*(?:\[[^\]\n]{1,20}\][ \t]*)?[A-Z][\w.'-]{0,20}(?:[ \t][A-Z][\w.'-]{0,20})?:[ \t]",
                           re.MULTILINE)


def thread_lines(text: str) -> list[tuple[int, int]]:
    """The spans of a pasted thread's messages (one line per speaker), or []
    when the text is no thread of two messages or more."""
    starts = [m.start() for m in _SPEAKER_LINE.finditer(text)]
    if len(starts) < 2:
        return []
    ends = [text.find("\n", start) % (len(text) + 1) for start in starts]  # one line each (-1: the text's end)
    return list(zip(starts, ends))


def earlier_durations(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: in a thread, the lengths of time a later message settles differently
    ("horizon 3 years?" … "contract is 24 months, let's do 2 years"): the last message that
    states one, not as a question, is what the thread agreed."""
    lines = thread_lines(text)
    durations = [f for f in figures if f.unit == "duration" and not f.crew and not f.is_range]
    if not lines or len({round(f.value, 6) for f in durations}) < 2:
        return {}

    def line_of(fig: Figure) -> tuple[int, int] | None:
        return next((span for span in lines if span[0] <= fig.span[0] < span[1]), None)

    stated = [f for f in durations if line_of(f) is not None and not text[f.span[1] : line_of(f)[1]].strip().endswith("?")]
    if not stated:
        return {}
    last = line_of(stated[-1])
    final = [f for f in stated if line_of(f) == last]
    return {f.index: f"an earlier length in the thread; a later message settles on {final[-1].show()}"
            for f in durations if line_of(f) != last and round(f.value, 6) != round(final[-1].value, 6)
            and line_of(f) is not None and line_of(f)[0] < last[0]}


# Words that give the amount before them again in other terms: "2,000 a month, so that's 24k a
# year", "1.5k/mo i.e. 18k/yr", "which comes to 36k a year".
_RESTATING = re.compile(r"(?:\bso\s+(?:that(?:'s|’s| is)|thats|it(?:'s|’s| is)|its)|\bthat(?:'s|’s| is)|\bthats|\bi\.e\.?|"
                        r"\bwhich\s+(?:is|comes\s+to|makes)|\bworks\s+out\s+(?:to|at|as)|\bequals?|=|\bor)"
                        r"(?:\s+(?:about|around|roughly|like|um|uh|basically|right|call\s+it))*\s*$", re.IGNORECASE)
# A net amount worked out by the user from the figures before it: "so net it's like 2k".
_NETTED = re.compile(r"\b(?:so\s+)?net(?:\s+of\s+(?:that|this|it))?\b[\s,:]*(?:(?:it(?:'s|’s| is)|its|that(?:'s|’s| is)|thats|"
                     r"about|around|roughly|like|um|uh|comes\s+to|is)\s*)*$", re.IGNORECASE)


# An amount pointed back at: "that 9,800", "this €2k", "those 3,000".
_POINTED_AT = re.compile(r"\b(?:that|this|those|these|the\s+same)\s*$", re.IGNORECASE)


def restated_amounts(text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: an amount said again in another period right after itself ("2,000 a
    month so that's 24k a year"), and the figures a net amount the user worked out from them
    replaces ("brings in 2.4k a month but the fee is 400 a month, so net it's 2k": the 2k is used)."""
    from knowledge.figures import MONTHS_IN  # the one table of period lengths

    out: dict[int, str] = {}
    amounts = [f for f in figures if (f.unit == "money" or f.scaled or f.value >= 100) and f.unit != "duration"
               and f.unit != "percent" and not f.is_range]
    for said, again in zip(amounts, amounts[1:]):
        between = text[said.span[1] : again.span[0]]
        if len(between) > 40 or not _RESTATING.search(between) or not (said.period and again.period):
            continue
        if said.period == again.period or said.period not in MONTHS_IN or again.period not in MONTHS_IN:
            continue
        expected = said.value * MONTHS_IN[again.period] / MONTHS_IN[said.period]
        if abs(expected - again.value) <= 0.01 * abs(expected):
            out[again.index] = f"{said.show()} said again per {again.period}"
    for again in amounts:  # "spent 14k on her … so that 14k is what we saved": one amount, its role said the second time
        if not _POINTED_AT.search(text[max(0, again.span[0] - 12) : again.span[0]]):
            continue
        said = next((f for f in reversed(amounts) if f.index < again.index and f.unit == again.unit
                     and abs(f.value - again.value) <= 0.005 * max(abs(again.value), 1.0)), None)
        if said is not None:
            out.setdefault(said.index, f"the same amount as “{text[again.span[0] - 5 : again.span[1]].strip()}” below, "
                                       "where you say what it is")
    for net in amounts:
        parts = _netted_parts(text, amounts, net)
        if parts and net.period:
            for f in parts:
                out.setdefault(f.index, f"netted into {net.show()}, the net amount you worked out")
    return out


def _netted_parts(text: str, amounts: list[Figure], net: Figure) -> list[Figure]:
    """The gains and costs of one period before ``net`` that it is the difference of, when the
    words before it say it is a net amount; [] otherwise."""
    if not _NETTED.search(text[max(0, net.span[0] - 40) : net.span[0]]):
        return []
    before = [f for f in amounts if f.index < net.index and f.period and net.span[0] - f.span[1] < 200]
    periods = {f.period for f in before}
    if len(periods) != 1 or net.period not in (None, *periods):
        return []
    directions = {f.index: money_direction(f) for f in before}
    gains = [f for f in before if directions[f.index] == "in"]
    costs = [f for f in before if directions[f.index] == "out"]
    if gains and costs and abs(sum(f.value for f in gains) - sum(f.value for f in costs) - net.value) <= 0.02 * abs(
            net.value):
        return gains + costs
    return []


def netted_periods(text: str, figures: list[Figure]) -> list[Figure]:
    """``figures`` with a net amount the user worked out from amounts of one period given that
    period ("2.4k a month in, 400 a month out, so net it's like 2k": 2k a month)."""
    amounts = [f for f in figures if (f.unit == "money" or f.scaled or f.value >= 100) and f.unit not in {"duration", "percent"}
               and not f.is_range]
    out = list(figures)
    for net in amounts:
        if net.period is None:
            parts = _netted_parts(text, amounts, net)
            if parts:
                out[net.index] = dataclasses.replace(net, period=parts[0].period)
    return out
