"""Figures arranged: one record per project of a list (any layout), amounts given one per period
as a cash-flow series, a value repeated over years, and two full sets of inputs asked about as
options to compare rather than parts to add."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from assistant.reading.account import needs_asking
from assistant.reading.money import amount_like, money_direction
from knowledge.figures import Figure, UNIT_WORDS, words_value
from tools.spec import ToolSpec


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
    # "returns of 18k, 20k and 22k per year": a yearly period said once for a list of three or more
    # (knowledge/figures.py gives it to each item) numbers the years, it makes no recurring amount
    listed = len(amounts) >= 4 and all(f.period == "year" for f in amounts[1:]) and all(f.joined for f in amounts[2:]) \
        and sequence.period in {None, "year"}
    if any((f.period and not listed) or f.is_range for f in amounts[1:]) or any(f.value < 0 for f in amounts[1:]):
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
        if listed:
            fig.period = None  # one flow per year, not a yearly amount to count again
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


def ask_alternatives(spec: ToolSpec, figures: list[Figure], roles: dict[int, str], text: str = "") -> None:
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
                raise needs_asking(f"You gave {len(firsts)} sets of figures ({x.replace('_', ' ')}: {', '.join(firsts)}). Are they "
                           "options to compare, each worked out on its own, or parts to add up?",
                           ["compare them", "add them up"])


def flat_record(figures: list[Figure], roles: dict[int, str], swapped: dict[int, int] | None = None,
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
