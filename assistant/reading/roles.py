"""Which calculator input each figure is: the label words nearest to it among the inputs its unit
fits (label_score), the direction of money no label names (assistant/reading/money.py), and
ROLE_MARGIN, how much the best input must beat the next before a figure is computed with."""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from assistant.reading.money import (
    MIN_BARE_AMOUNT,
    amount_like,
    counts_nouns,
    counted_by_label,
    counts_things,
    lowers,
    money_direction,
    unplaced_amount,
)
from knowledge.figures import Figure
from knowledge.text import STOPWORDS
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
STAFF_TIME = re.compile(r"\s*(?:fte|person|man|staff|developer|dev|engineer)s?[\s-]?(?:days?|weeks?|months?|mos?|years?)\b",
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


def token_match(label_word: str, token: str) -> bool:
    if token == label_word or token == label_word + "s":
        return True
    return len(label_word) >= 4 and token.startswith(label_word)


@lru_cache(maxsize=512)
def label_parts(label: str) -> tuple[str, ...]:
    return tuple(label.replace("-", " ").split()) if " " in label else (label,)


def _distance(words: list[str], label: str, reverse: bool) -> int | None:
    """Distance (1 = adjacent to the figure) of ``label`` in a window, or None."""
    parts = label_parts(label)
    n = len(parts)
    best = None
    for i in range(len(words) - n + 1):
        if all(token_match(p, w) for p, w in zip(parts, words[i : i + n])):
            d = len(words) - (i + n) + 1 if reverse else i + 1
            best = d if best is None else min(best, d)
    return best


# Notes shorten a label to its first letters right before the value: "imp 1", "conf 80%", "eff 2 pm",
# "impl 18k", "maint ~4k/yr". Only a shortening of three letters or more that is no word of its own
# ("run", "set", "per" are words, and say nothing of which input they are) counts.
_NO_SHORTENING = STOPWORDS | {"run", "set", "per", "con", "pro", "net", "tot", "est", "max", "min", "sub", "add", "pre",
                              "int", "ext", "dev", "ops", "all", "new", "old", "use", "get", "pay", "out", "off"}
# Shortenings that are not a label's first letters.
SHORT_FORMS = {"avg": "average", "qty": "quantity"}


def shortens(token: str, label_word: str) -> bool:
    """Whether ``token`` is a label word shortened in a note ("imp" for impact, "maint" for maintenance)."""
    return (3 <= len(token) <= len(label_word) - 2 and label_word.startswith(token) and token not in _NO_SHORTENING)


def _shortened_next_to(fig: Figure, spec_field: FieldSpec) -> bool:
    """A one-word label shortened right before the figure ("imp 1", "conf: 80%", "eff ≈ 2 pm")."""
    return bool(fig.before) and any(" " not in label and "-" not in label and shortens(fig.before[-1], label)
                                    for label in spec_field.labels)


def label_score(fig: Figure, spec_field: FieldSpec) -> float:
    """1/distance of the nearest label word; a word after the figure counts half a word
    farther, so "from 3% to 3.6%" gives 3% to "from", not to "to"."""
    best = 1.0 if _shortened_next_to(fig, spec_field) else 0.0
    window = [SHORT_FORMS.get(w, w) for w in fig.before + fig.after]
    if window != fig.before + fig.after:  # "avg order ₹1,850": the average order value
        fig = dataclasses.replace(fig, before=window[: len(fig.before)], after=window[len(fig.before) :])
    for label in spec_field.labels:
        first = label_parts(label)[0]
        if not any(token_match(first, word) for word in window):
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
    named_after = any(token_match(label_parts(label)[0], prev.after[0]) for label in spec.field(prev_role).labels)
    named_before = prev.before and any(token_match(label_parts(label)[-1], prev.before[-1])
                                       for label in spec.field(prev_role).labels)
    if not named_after or named_before:
        return fig
    return dataclasses.replace(fig, before=fig.before[1:])


def named_by_duration(figures: list[Figure], fig: Figure) -> Figure:
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
            token_match(label_parts(label)[0], fig.after[0]) for label in spec_field.labels))):
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
        counted = currency_written and (counts_things(fig, plural_money_nouns=True) or counted_by_label(fig))
        scores = {f.name: label_score(fig, f) for f in spec.fields if _fits(fig, f)
                  and not (counted and f.unit == "money")
                  and not (lowered and f.direction == "out")}
        scores = {k: v for k, v in scores.items() if v > 0}
        if not scores:
            prev = out.get(fig.index - 1)
            by_direction = None if counted else _by_direction(
                spec, named_by_duration(figures, fig), signed=signed)
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
        if fig.index in out or currency_written and counted_by_label(fig) and fig.unit == "count":
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
        out.update(_slashed_in_order(text, figures, out))
    return out


_SLASH = re.compile(r"[ \t]*/[ \t]*")


def _slashed_in_order(text: str, figures: list[Figure], roles: dict[int, str | tuple[str, ...]]) -> dict[int, str]:
    """A record given as bare numbers between slashes after records that named their inputs
    ("chatbot: impact 7, confidence 6, ease 8 … pricing 9 / 4 / 3"): the numbers in the order the
    records before them gave, when at least two of them gave it and each in that order (after one
    record only, the order is a guess: asked)."""
    out: dict[int, str] = {}
    named = [(f.index, roles[f.index]) for f in figures if isinstance(roles.get(f.index), str)]
    k = 0
    while k < len(figures):
        run = [figures[k]]
        while k + len(run) < len(figures) and _SLASH.fullmatch(text[run[-1].span[1] : figures[k + len(run)].span[0]]):
            run.append(figures[k + len(run)])
        k += len(run)
        if len(run) < 2 or any(f.index in roles or f.unit not in {"count", "percent"} for f in run):
            continue
        earlier = [name for index, name in named if index < run[0].index]
        order = earlier[-len(run) :]
        if len(earlier) < 2 * len(run) or len(set(order)) != len(order) or len(earlier) % len(run) or any(
                earlier[j : j + len(run)] != order for j in range(0, len(earlier), len(run))):
            continue
        out.update({f.index: name for f, name in zip(run, order)})
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


# A line of a pasted export: an identifier key and its value ("run_id=88213", "customerCount: 1800").
_KEY_LINE = re.compile(r"^[ \t]*([A-Za-z][A-Za-z0-9]*(?:[_.][A-Za-z0-9]+)+|[a-z]+(?:[A-Z][a-z0-9]*)+)[ \t]*[:=][ \t]*(\S[^\n]*)$",
                       re.MULTILINE)
# The last part of a key that says its value identifies or counts something: no amount.
_METADATA_KEYS = {"id", "uuid", "count", "no", "num", "number", "version", "ts", "at", "date", "code", "ref", "rev",
                  "seq", "index", "idx", "hash", "timestamp"}


def metadata_keys(spec: ToolSpec, text: str, figures: list[Figure]) -> dict[int, str]:
    """figure index → why: in an export of several ``key=value`` lines, the value of a key whose
    last part says it identifies or counts something ("run_id=88213", "customer_count=1800") and
    whose words name no input of ``spec``."""
    keys = [(m.start(2), m.end(2), m.group(1)) for m in _KEY_LINE.finditer(text)]
    if len(keys) < 2:
        return {}
    out: dict[int, str] = {}
    for fig in figures:
        key = next((k for start, end, k in keys if start <= fig.span[0] < end), None)
        last = re.split(r"[_.]|(?=[A-Z])", key)[-1].lower() if key else ""
        if last in _METADATA_KEYS and fig.period_index is None and not any(label_score(fig, f) > 0 for f in spec.fields):
            out[fig.index] = f"its key ({key}) identifies or counts something: no input of {spec.title}"
    return out
