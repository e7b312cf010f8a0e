"""Shares of an amount: a percentage "of" something is an amount, worked out from what it is of.

"maintenance 15% of implementation per annum", "our analyst at 25% of a $96K salary", "we expect
to save 30% of this": the percentage is no input of its own (a TCO or an ROI takes amounts), and
leaving it out would state a total short by that amount. What it is of decides how it is read:

- a figure right after "of" ("25% of a $96K salary"): that amount is only the base; its share is
  the input, and the base itself is no part of the calculation;
- a pronoun ("30% of this", "of that", "of it"): the amount said just before, likewise;
- an input's name ("15% of the implementation price"): the figure that name stands next to; that
  input stays in the calculation and the share is a further amount.

The share keeps the percentage's own words (what it is: "maintenance", "save") and its period
("per annum", "annual"), else the base's period. Structure only: where the number sits and what
"of" points at; no vocabulary of costs or gains.

People's time is priced the same way: a share of a person ("0.5 FTE", "half an FTE", "a quarter
of her time") times the cost of that person said in the same sentence ("@ $80k", "whose full cost
is £60k/yr", "she costs me 28k a year") is the staff time's cost, per year unless said otherwise;
hours ("50 hours of staff time a month", "2 h/week") times an hourly rate ("$28 an hour", "@ 50/h")
are that many hours' cost, per the hours' period. The share and the rate only size the amount.

Units sold at a margin are priced alike: an amount per thing ("$4.20 profit per unit", "$9 per
order") after a count of those things in the same sentence ("180 more units a month", "25 extra
orders a month") is the count times the amount, in the count's period; the amount per thing only
prices it. Summing the two (25 + 9) or taking the per-thing amount as a monthly one is a wrong
figure. A calculator that has an input per thing (an order value) keeps both as they are.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from assistant.reading.money import amount_like, counts_nouns
from assistant.reading.revisions import replacements
from knowledge.figures import Figure, words_value

_PRONOUN = {"this", "that", "it", "these", "those", "them", "which"}
_DETERMINERS = {"a", "an", "the", "our", "their", "its", "his", "her", "my", "your", "total", "full", "current", "annual",
                "yearly", "monthly"}
_BETWEEN = re.compile(r"\s*of\s+(?:(?:a|an|the|our|their|its|his|her|my|your)\s+)?(?:(?:total|full|current|annual|yearly|"
                      r"monthly)\s+)?$", re.IGNORECASE)


# A share of a person: "0.5 FTE", "half an FTE", "a quarter of her time", "25% of his time".
_PERSON = re.compile(
    r"(?<![\w.,])(?P<n>\d+(?:[.,]\d+)?\s?%?|half|(?:a|one|three)\s+quarters?|(?:a|one|two)\s+thirds?|a\s+fifth)\s+"
    r"(?:an?\s+)?(?:of\s+)?(?:an?\s+|his\s+|her\s+|their\s+|my\s+|our\s+|your\s+)?(?P<what>FTEs?|time)\b(?![\s-]?(?:months?|mos?|days?|weeks?|years?|yrs?)\b)", re.IGNORECASE)
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3, "fifth": 0.2}
# Hours counted ("50 hours", "2 h/week") and a rate per hour ("$28 an hour", "50/h").
_HOURS = re.compile(r"(?:\s?|-)(?:hours?|hrs?|h)\b(?:\s?/\s?(?P<per>week|wk|month|mo|day|year|yr)\b"
                    r"|\s+(?:working\s+)?(?P<each>week|day|month)\b)?", re.IGNORECASE)  # "a 40-hour week"
# A part of the hours counted after it: "a third of the 90 hours", "a quarter of her 38-hour week".
_PART_OF = re.compile(r"(?P<n>half|(?:a|one|two|three)\s+(?:quarters?|thirds?|fifths?))\s+of\s+"
                      r"(?:the|her|his|their|our|my|your|its|that|this)?\s*(?:an?\s+)?$", re.IGNORECASE)
_PER = {"wk": "week", "mo": "month", "yr": "year"}
_PER_HOUR = re.compile(r"\s?(?:/\s?|an?\s+|per\s+)(?:hour|hr|h)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.;!?\n](?!\d)")
SENTENCE_REACH = 300  # characters: how far a person's cost is looked for from the share of that person
MAX_SHARES = 20  # beyond this a message lists people, it does not price one calculation's staff time


def _person_share(phrase: re.Match[str]) -> float:
    said = phrase.group("n").lower().replace(" ", "")
    if said[0].isdigit():
        value = float(said.rstrip("%").replace(",", "."))  # "0,2 FTE": a decimal comma
        return value / 100 if said.endswith("%") else value
    words = phrase.group("n").lower().split()
    unit = next(v for k, v in _FRACTIONS.items() if words[-1].startswith(k))
    return unit * (words_value(words[0]) if words[0] not in {"a", "half"} else 1.0)


@dataclass(frozen=True)
class Priced:
    """The amount at ``base`` (its index) is ``factor`` times itself: a person's share of a yearly
    cost, or hours times an hourly rate; ``used`` are the figures that only sized it."""

    base: int
    factor: float
    period: str | None
    used: tuple[int, ...]
    why: str


def _bracketed(text: str, pos: int) -> bool:
    """Whether ``pos`` stands inside brackets on its line."""
    line = text[text.rfind("\n", 0, pos) + 1 : pos]
    return line.count("(") > line.count(")")


def _same_sentence(text: str, a: int, b: int) -> bool:
    return not _SENTENCE_END.search(text[min(a, b) : max(a, b)])


# Words that restate a quantity in other units: "0.1 FTE, call it 5k/yr", "half a person, i.e. 30k",
# "0.2 FTE which is about 12k a year".
_RESTATED = re.compile(r"\b(?:call it|calling it|say|i\.e\.?|which is|that's|that is|worth|so about|so roughly|"
                       r"works out (?:at|to)|equivalent to|equals?)\b|[≈=]", re.IGNORECASE)


def find_priced(text: str, figures: list[Figure]) -> list[Priced]:
    """The staff-time amounts of ``figures``: a share of a person times that person's cost, hours
    times an hourly rate."""
    out: list[Priced] = []
    taken: set[int] = set()
    for number, phrase in enumerate(_PERSON.finditer(text)):
        if number >= MAX_SHARES:
            break
        share = _person_share(phrase)
        if not 0 < share <= 1 and phrase.group("what").lower().startswith("time"):
            continue
        inside = [f.index for f in figures if phrase.start() <= f.span[0] < phrase.end()]
        crew = _HEADCOUNT_BEFORE.search(text[max(0, phrase.start() - 30) : phrase.start()])
        counted = next((f for f in figures if crew and f.unit == "count" and not f.scaled
                        and f.span[0] == phrase.start() - len(crew.group(0)) + crew.start("n") - crew.start()), None)
        if counted is not None and 1 <= counted.value <= 50 and counted.value == int(counted.value):
            share *= counted.value  # "2 devs x 0.25 FTE x 96k": two people, each a quarter of their time
            inside.append(counted.index)
        base = next((f for f in figures if phrase.end() <= f.span[0] < phrase.end() + SENTENCE_REACH
                     and f.index not in taken and amount_like(f) and _same_sentence(text, phrase.end(), f.span[0])), None)
        base = base or next((f for f in reversed(figures) if phrase.start() - SENTENCE_REACH < f.span[1] <= phrase.start()
                             and f.index not in taken and amount_like(f)
                             and _same_sentence(text, f.span[1], phrase.start())), None)
        if base is None or not 0 < share <= 50 or base.cell or _bracketed(text, phrase.start()) and not _bracketed(
                text, base.span[0]):
            continue  # "Internal staff (0.25 FTE)  15,000 per year": the line's amount is the share's cost already
        if re.match(r"\s*\(\s*(?:[≈~=]|approx|about|around|roughly|ca\b|i\.?e\b)", text[phrase.end() : base.span[0] + 1], re.I):
            continue  # "0.25 FTE (≈15k p.a.)": the bracket gives what that share costs, not a whole person's cost
        if _RESTATED.search(text[min(phrase.end(), base.span[1]) : max(phrase.start(), base.span[0])]):
            continue  # "0.1 FTE, call it 5k/yr": the share restated as money, not a whole person's cost
        taken.add(base.index)
        people = f"{counted.show()} × " if counted is not None and counted.index in inside else ""
        out.append(Priced(base.index, share, base.period or "year", tuple(inside),
                          f"{people}{phrase.group(0).strip()} × {base.show()}"))
    for rate in figures[: MAX_SHARES * 5]:
        if rate.index in taken or not _PER_HOUR.match(text, rate.span[1]) or rate.unit not in {"money", "count"}:
            continue
        hours = [f for f in figures if f.index != rate.index and f.unit == "count" and _HOURS.match(text, f.span[1])
                 and abs(f.span[0] - rate.span[0]) < 200 and f.index not in taken]
        if not hours:
            continue
        count = min(hours, key=lambda f: abs(f.span[0] - rate.span[0]))
        unit = _HOURS.match(text, count.span[1])
        per = (unit.group("per") or unit.group("each")) if unit else None
        part = _PART_OF.search(text[max(0, count.span[0] - 40) : count.span[0]])
        share = _person_share(part) if part else 1.0
        taken.add(count.index)
        out.append(Priced(count.index, rate.value * share, count.period or (_PER.get(per.lower(), per.lower()) if per else None),
                          (rate.index,), (f"{part.group('n')} of " if part else "")
                          + f"{count.show()}{unit.group(0) if unit else ''} × {rate.show()}"))
    return out


# How many people a share of a person is for, right before it: "2 devs x 0.25 FTE", "3 agents at 0.5 FTE".
_HEADCOUNT_BEFORE = re.compile(r"(?<![\w.,])(?P<n>\d{1,2})[ \t]*(?:devs?|developers?|engineers?|people|persons?|staff|"
                               r"analysts?|designers?|agents?|FTEs?)[ \t]*(?:[x×*]|at|@|each at)?[ \t]*$", re.IGNORECASE)
# Days of someone's work, and what joins them to a day rate: "5 days × £700/day", "3 days @ €950".
_WORK_DAYS = re.compile(r"(\d+(?:\.\d+)?)\s*(?:(?:person|man|staff|developer|consultant)[\s-]?)?days?", re.IGNORECASE)
_TIMES = re.compile(r"[ \t]*(?:[x×*@à]|at)[ \t]*", re.IGNORECASE)
_PER_WORDS = {"per", "a", "an", "/"}
_PERIOD_WORDS = {"day", "week", "fortnight", "month", "quarter", "year", "annum", "mo", "yr", "qtr", "wk", "hour", "hr", "h"}
MAX_PER_WORDS = 3  # "$9 profit per order": the thing is named within three words of the amount


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _per_thing(fig: Figure) -> tuple[str, int] | None:
    """The thing an amount is per ("per unit" → "unit") and where "per" stands in its words."""
    for k, word in enumerate(fig.after[:MAX_PER_WORDS]):
        if word in _PER_WORDS and k + 1 < len(fig.after):
            thing = _singular(fig.after[k + 1])
            return (thing, k) if thing not in _PERIOD_WORDS and thing.isalpha() else None
    return None


def _labelled_per_thing(fig: Figure) -> str | None:
    """The thing a label before an amount says it is per: "cost/order: €0.40", "saving per order 0.40"."""
    last = fig.before[-1:] or [""]
    if "/" in last[0]:
        thing = _singular(last[0].rsplit("/", 1)[1])
        return thing if thing.isalpha() and thing not in _PERIOD_WORDS else None
    if len(fig.before) >= 2 and fig.before[-2] == "per" and fig.before[-1].isalpha():
        thing = _singular(fig.before[-1])
        return thing if thing not in _PERIOD_WORDS else None
    return None


def _label_words(rate: Figure) -> list[str]:
    """The label of a price per thing without the thing: "handling cost/order" → handling cost."""
    if rate.before and "/" in rate.before[-1]:
        return [*rate.before[:-1], rate.before[-1].rsplit("/", 1)[0]]
    return list(rate.before[:-2])


def _count_of(fig: Figure, thing: str) -> int | None:
    """Where (0-2) the count's words name ``thing`` ("6,000 orders/mo", "300 orders a month")."""
    return next((k for k, w in enumerate(fig.after[:3]) if _singular(w.split("/")[0]) == thing), None)


def priced_units(text: str, figures: list[Figure], per_input) -> tuple[list[Figure], dict[int, str], dict[int, str]]:
    """``figures`` with each count of things priced by an amount per thing said after it in the
    same sentence; the amounts that only priced a count (index → why) and a note per product.
    ``per_input(thing)`` says whether the calculator has an input per that thing (then nothing is
    priced: an order value stays one)."""
    out = list(figures)
    consumed: dict[int, str] = {}
    notes: dict[int, str] = {}
    for count, price in zip(figures, figures[1:]):
        days = _WORK_DAYS.fullmatch(count.text.strip()) if count.unit == "duration" else None
        if days and price.unit == "money" and price.period in {None, "day"} and not price.is_range and not count.is_range \
                and _TIMES.fullmatch(text[count.span[1] : price.span[0]]) and not re.match(r"[ \t]*=", text[price.span[1] :]):
            # "5 days × £700/day", "3 days @ €950": days of work at a day rate are the work's price, paid once
            value = float(days.group(1)) * price.value
            out[price.index] = dataclasses.replace(price, value=value, period=None, before=list(count.before), after=["paid"],
                                                   scaled=True)
            notes[price.index] = f"; {count.show()} × {price.show()} = {value:,.0f}"
            consumed[count.index] = f"it counts the {price.show()}"
            continue
        # "one-off setup 1 x 9,600.00": a quantity times a unit price is the line's amount, named by the
        # words before the quantity (a line that also states its total, "= 1,920.00", is left as written)
        if count.unit != "count" or count.scaled or count.is_range or price.is_range or count.period or not (
                0 < count.value <= 1000 and count.value == int(count.value)) or price.unit not in {"money", "count"} \
                or not re.fullmatch(r"[ \t]*[x×*][ \t]*", text[count.span[1] : price.span[0]], re.IGNORECASE) \
                or re.match(r"[ \t]*=", text[price.span[1] :]) or count.index in consumed or price.index in consumed:
            continue
        value = count.value * price.value
        out[price.index] = dataclasses.replace(price, value=value, unit="money" if price.unit == "money" or any(
            f.unit == "money" for f in figures) else price.unit, before=list(count.before), scaled=True)
        shown = f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}"
        notes[price.index] = f"; {count.show()} × {price.show()} = {shown}"
        consumed[count.index] = f"it counts the {price.show()}"
    for rate in figures:
        said = _per_thing(rate)
        labelled = _labelled_per_thing(rate) if said is None else None
        if labelled is not None and rate.unit == "money" and not rate.is_range and not rate.period \
                and not per_input(labelled):
            # "cost/order: −€0.40" on one line, "6,000 orders/mo" on another: priced by the one count of
            # that thing in the message (two such counts: left for a question)
            counts = [f for f in figures if f.unit == "count" and f.index != rate.index and not f.is_range
                      and f.index not in consumed and f.index not in notes and _count_of(f, labelled) is not None]
            if len(counts) == 1:
                count = counts[0]
                noun = _count_of(count, labelled)
                value = count.value * rate.value
                out[count.index] = dataclasses.replace(
                    count, value=abs(value), unit="money", currency=rate.currency, scaled=True,
                    before=[*_label_words(rate), *count.before],
                    after=["down"] if value < 0 else [])  # "Δ handling cost/order: −€0.40": the cost goes down
                shown = f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}"
                notes[count.index] = f"; {count.show()} × {rate.show()} = {shown}" + (
                    f" per {count.period}" if count.period else "")
                consumed[rate.index] = f"it prices the {count.show()} {count.after[noun]}"
            continue
        each = said is None and rate.unit == "money" and not rate.is_range and not rate.period and (
            "each" in rate.before[-4:] or rate.after[:1] in (["each"], ["apiece"]))
        if each:
            # "stop about 14 chargebacks a month, each one costs us ~$85": each of the things just counted
            counted = [f for f in figures[: rate.index] if f.unit == "count" and not f.is_range and not f.scaled
                       and f.index not in consumed and f.index not in notes and rate.span[0] - f.span[1] < 120
                       and f.after[:1] and f.after[0].isalpha() and f.after[0] not in _PERIOD_WORDS]
            if counted and not per_input(_singular(counted[-1].after[0])):
                said = (_singular(counted[-1].after[0]), len(rate.after))
        if said is None or rate.unit != "money" or rate.is_range or rate.period or per_input(said[0]):
            continue
        thing, at = said
        counts = [f for f in figures[: rate.index] if f.unit == "count" and not f.is_range and f.index not in consumed
                  and f.index not in notes and (_same_sentence(text, f.span[1], rate.span[0]) or each)
                  and any(_singular(w) == thing for w in f.after[:3])]
        if not counts:
            continue
        count = counts[-1]
        noun = next(k for k, w in enumerate(count.after[:3]) if _singular(w) == thing)
        value = count.value * rate.value
        out[count.index] = dataclasses.replace(
            count, value=value, unit="money", currency=rate.currency, scaled=True,
            high=None if count.high is None else count.high * rate.value,
            before=[*count.before, *count.after[:noun]], after=list(rate.after[:at]))
        shown = f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}"
        notes[count.index] = f"; {count.show()} {count.after[noun]} × {rate.show()} = {shown}" + (
            f" per {count.period}" if count.period else "")
        consumed[rate.index] = f"it prices the {count.show()} {count.after[noun]}"
    return out, consumed, notes


@dataclass(frozen=True)
class Share:
    """The percentage figure ``share`` (its index) is ``base``'s amount times that percentage;
    ``consumed``: the base was given only to size the share (not an input of its own)."""

    share: int
    base: int
    consumed: bool


def _words_after_of(fig: Figure) -> list[str]:
    if fig.after[:1] != ["of"]:
        return []
    return [w for w in fig.after[1:] if w not in _DETERMINERS]


def find_shares(text: str, figures: list[Figure]) -> list[Share]:
    """The percentages of ``figures`` that are a share of an amount, and of which."""
    out: list[Share] = []
    for fig in figures:
        if fig.unit != "percent" or fig.is_range:
            continue
        following = figures[fig.index + 1] if fig.index + 1 < len(figures) else None
        if following is not None and _BETWEEN.match(text[fig.span[1] : following.span[0]]) and amount_like(following):
            out.append(Share(fig.index, following.index, True))  # "25% of a $96K salary"
            continue
        named = _words_after_of(fig)
        if not named:
            continue
        earlier = [f for f in figures[: fig.index] if amount_like(f) and not counts_nouns(f)]
        if named[0] in _PRONOUN and earlier:
            out.append(Share(fig.index, earlier[-1].index, True))  # "save 30% of this"
            continue
        for base in reversed(earlier):  # "15% of the implementation price": the figure that name labels
            if any(named[0] == w or (len(w) >= 5 and named[0].startswith(w[:5])) for w in base.before + base.after[:2]):
                out.append(Share(fig.index, base.index, False))
                break
    return out


# A percentage said as a change from an amount: "the licence goes up 20% from 500/month", "AOV is up
# 8% on last year's €50", "a fee cut by 10% from 2,000". The words before the percentage say which
# way; the words between it and the amount say the amount is where the change starts.
_UP = {"up", "increase", "increases", "increased", "increasing", "raise", "raises", "raised", "raising", "rise",
       "rises", "rising", "rose", "higher", "more", "hike", "hikes", "hiked"}
_DOWN = {"down", "cut", "cuts", "cutting", "reduce", "reduces", "reduced", "reducing", "lower", "lowered", "less",
         "drop", "drops", "dropped", "fall", "falls", "fell", "decrease", "decreases", "decreased", "discount",
         "discounted", "off"}
_FROM_AMOUNT = re.compile(r"\s*(?:(?:up|down|higher|lower|more|less)\s+)?(?:from|on)\s+"
                          r"(?:(?:the|our|its|their|current|old|previous|existing|today's|last\s+year's|"
                          r"this\s+year's|last\s+month's)\s+)*$", re.IGNORECASE)


@dataclass(frozen=True)
class Move:
    """The percentage figure ``pct`` (its index) moves the amount ``base`` by ``sign`` × itself."""

    pct: int
    base: int
    sign: int


def find_moves(text: str, figures: list[Figure]) -> list[Move]:
    """The percentages of ``figures`` said as a change from the amount right after them."""
    out: list[Move] = []
    for fig in figures[:-1]:
        base = figures[fig.index + 1]
        if fig.unit != "percent" or fig.is_range or base.is_range or not (
                base.unit == "money" or amount_like(base)) or counts_nouns(base):
            continue
        between = text[fig.span[1] : base.span[0]]
        if not _FROM_AMOUNT.match(between):
            continue
        words = [w.lower() for w in fig.before[-3:]] + [w.lower() for w in between.split()[:1]]
        up, down = bool(_UP & set(words)), bool(_DOWN & set(words))
        if up != down and 0 < fig.value < 1000:
            out.append(Move(fig.index, base.index, 1 if up else -1))
    return out


def _moved(text: str, figures: list[Figure], out: list[Figure], consumed: dict[int, str],
           notes: dict[int, str]) -> None:
    """Each change from an amount worked out as the amount after it, in the percentage's place
    (with its label words); the amount before it only sized it. When the message also gives the
    amount after the change ("600/month now, up 20% from 500"), both only explain that figure."""
    for move in find_moves(text, figures):
        pct, base = figures[move.pct], figures[move.base]
        value = base.value * (1 + move.sign * pct.value / 100)
        said = next((f for f in figures if f.index not in (pct.index, base.index) and _same_sentence(text, f.span[0], pct.span[0])
                     and abs(f.value - value) <= 0.005 * max(abs(value), 1.0)), None)
        if said is not None:
            consumed[pct.index] = consumed[base.index] = f"it explains {said.show()}, the amount after the change"
            continue
        out[pct.index] = dataclasses.replace(
            pct, value=value, unit=base.unit, currency=base.currency, period=pct.period or base.period, scaled=True,
            ratio=None, after=list(base.after))
        shown = f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}"
        notes[pct.index] = f"; {base.show()} {'+' if move.sign > 0 else '−'} {pct.show()} = {shown}"
        consumed[base.index] = f"the amount before the change of {pct.show()}"


def with_shares(text: str, figures: list[Figure]) -> tuple[list[Figure], dict[int, str], dict[int, str]]:
    """``figures`` with each share worked out as an amount (same index and words), the bases
    that only sized a share (index → why they are no input), and a note per share."""
    priced = find_priced(text, figures)
    sized = {i for p in priced for i in p.used}
    shares = [s for s in find_shares(text, figures) if s.share not in sized]
    moves = find_moves(text, figures)
    if not shares and not priced and not moves:
        return figures, {}, {}
    out = list(figures)
    consumed: dict[int, str] = {}
    notes: dict[int, str] = {}
    _moved(text, figures, out, consumed, notes)
    revisions = replacements(text, figures)
    for item in priced:
        base = named = figures[item.base]
        revised = figures[revisions[base.index]] if base.index in revisions else None
        if revised is not None and revised.unit == base.unit and revised.period == item.period and not revised.is_range:
            # "20 hrs a month at £18/hr. UPDATE: more like 15 hrs/month, not 20": the revised hours are priced
            item = dataclasses.replace(item, base=revised.index, why=item.why.replace(base.show(), revised.show(), 1))
            base = revised
        rate = next((figures[i] for i in item.used if figures[i].unit == "money"), None)
        value = base.value * item.factor
        high = None if base.high is None else base.high * item.factor  # "10 to 25 hours a month at $30"
        if rate is not None and rate.high is not None and item.factor == rate.value:
            high = (base.high or base.value) * rate.high  # "120 hours at £11–£15/h": a range, asked about
        out[item.base] = dataclasses.replace(
            base, value=value, period=item.period, scaled=True, after=[], before=[*named.before, "staff"],
            high=high,
            unit="money" if rate is not None or base.unit == "money" else base.unit,
            currency=base.currency or (rate.currency if rate is not None else None))
        notes[item.base] = f"; {item.why} = {value:,.0f}" + (f" per {item.period}" if item.period else "")
        for index in item.used:
            consumed[index] = f"it sizes the staff time ({item.why})"
    for share in shares:
        pct, base = figures[share.share], figures[share.base]
        value = pct.value / 100 * base.value
        out[share.share] = dataclasses.replace(
            pct, value=value, unit="money" if base.unit == "money" else "count", currency=base.currency,
            period=pct.period or base.period, scaled=True, ratio=None,
            after=list(base.after) if share.consumed else [])
        shown = f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.2f}"
        notes[share.share] = f"; {pct.show()} of {base.show()} = {shown}"
        if share.consumed:
            consumed[share.base] = f"only the base of {pct.show()} of it"
    return out, consumed, notes
