"""Rules a passage states, read from its sentences by their form, never by their topic:

- a formula: "<what> = <operand> ÷ <operand> × 100" or "<what>: <operand> divided by <operand>",
  where operands are words naming quantities (or constants);
- a worked step: "35 m² × 250 mm = 8,750 litres, minus about 20% … = about 7,000 litres", whose
  own arithmetic must check out before it is used (a misread step is dropped);
- a rate: "190 g/m² on sand", "25–50 litres per m²", "one leader per four to six volunteers".

Each rule keeps the sentence that states it and the passage it came from, so an answer quotes and
cites it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.answering.rules.quantities import (
    CURRENCY,
    NUMBER,
    QUANTITY,
    UNITS,
    VALUE,
    Quantity,
    read_quantities,
    stems,
    value_of,
)
from knowledge.text import split_sentences

# Operators as courses write them, to the four operations.
_OPS = [
    (r"÷|/|\bdivided by\b", "/"),
    (r"×|\*|(?<=\s)x(?=\s)|\bmultiplied by\b|\btimes\b", "*"),
    (r"\+|\bplus\b", "+"),
    (r"−|(?<=\s)[-–](?=\s)|\bminus\b|\bless\b", "-"),
]
OPERATOR = re.compile("|".join(f"(?:{pattern})" for pattern, _ in _OPS), re.IGNORECASE)
MAX_OPERAND_WORDS = 7


def operator_of(token: str) -> str:
    token = f" {token.strip()} "  # the patterns' own context: "x" is a sign between spaces
    for pattern, op in _OPS:
        if re.search(rf"^\s(?:{pattern})\s$", token, re.IGNORECASE):
            return op
    raise ValueError(f"not an operator: {token!r}")


@dataclass
class Operand:
    """A term of a rule: a named quantity the learner fills, or a constant of the rule."""

    label: list[str] = field(default_factory=list)  # what it names (words)
    constant: Quantity | None = None  # the rule's own value, when it is one
    example: Quantity | None = None  # a worked step's value, replaced by the learner's

    @property
    def stems(self) -> set[str]:
        return stems(self.label)

    @property
    def variable(self) -> bool:
        return self.constant is None

    def show(self) -> str:
        if self.constant is not None:
            return self.constant.text
        return " ".join(self.label)


@dataclass
class Rule:
    kind: str  # "formula", "worked" or "rate"
    output: list[str]  # words naming what it gives
    operands: list[Operand]
    operators: list[str]
    sentence: str  # as the passage states it
    passage: dict
    unit: str = ""  # the unit of what it gives, where the rule says it
    adjust: list[tuple[str, Quantity]] = field(default_factory=list)  # "minus 20%" after a step
    qualifier: list[str] = field(default_factory=list)  # "on clay": when a rate applies
    per_group: bool = False  # "one leader per N volunteers": a whole leader for each started group
    # operands a formula brackets, as [start, end) index ranges: "(price − cost) ÷ price"
    groups: list[tuple[int, int]] = field(default_factory=list)

    @property
    def output_stems(self) -> set[str]:
        return stems(self.output)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z][a-z'-]*", text.lower())


# --- formulas ---------------------------------------------------------------------------------

_FORMULA = re.compile(r"^(?P<out>[A-Za-z][^=:;]{1,70}?)\s*(?:=|:|\bequals\b|\bis\b)\s*(?P<expr>[^=;]+)$", re.IGNORECASE)


# A bracketed part of a formula: named terms and operators only ("(price − cost)"), not an aside.
_GROUP = re.compile(r"\(([^()]+)\)")


def _bracketed(expr: str) -> tuple[str, list[tuple[int, int]]]:
    """A formula's expression with its bracketed parts opened, and the operand ranges they held:
    "(net profit − cost) ÷ cost × 100" → ("net profit − cost ÷ cost × 100", [(0, 2)]). Brackets that
    hold no operator are an aside: the expression ends there, as before."""
    groups: list[tuple[int, int]] = []
    out, end = "", 0
    for match in _GROUP.finditer(expr):
        inner = match.group(1)
        if not OPERATOR.search(inner) or re.search(r"\b(?:e\.g|i\.e|for example)\b|\d", inner, re.IGNORECASE):
            return out + expr[end: match.start()], groups
        before = out + expr[end: match.start()]
        first = len(OPERATOR.findall(before))
        groups.append((first, first + len(OPERATOR.findall(inner)) + 1))
        out, end = before + inner, match.end()
    return out + expr[end:].split("(")[0], groups  # an aside cut short by its own full stop


def _formula(sentence: str, passage: dict) -> Rule | None:
    match = _FORMULA.match(sentence.strip())
    if match is None:
        return None
    expr, groups = _bracketed(re.split(r"[.;]|,\s", match.group("expr"))[0])
    tokens = OPERATOR.split(expr)
    ops = OPERATOR.findall(expr)
    if not ops or len(tokens) != len(ops) + 1:
        return None
    operands: list[Operand] = []
    for token in tokens:
        token = token.strip(" ,")
        quantities = read_quantities(token)
        words = _words(token)
        if quantities and len(quantities) == 1 and len(words) <= 2:  # a constant ("× 100", "× 2")
            operands.append(Operand(label=words, constant=quantities[0]))
        elif quantities or not words or len(words) > MAX_OPERAND_WORDS or not stems(words):
            return None  # figures inside a named term, or no term: a worked step or prose
        else:
            operands.append(Operand(label=words))
    if not any(o.variable for o in operands):
        return None
    out = _words(match.group("out"))
    if not stems(out) or len(out) > 10:
        return None
    return Rule("formula", out, operands, [operator_of(op) for op in ops], sentence.strip(), passage, groups=groups)


def compute(values: list, operators: list[str], groups: list[tuple[int, int]] = ()):
    """``values`` (Spans) combined by ``operators``, each bracketed range first."""
    from tools.arithmetic import evaluate

    starts = dict(groups)
    merged, ops, index = [], [], 0
    while index < len(values):
        end = starts.get(index, index + 1)
        merged.append(evaluate(values[index:end], operators[index:end - 1]) if end > index + 1 else values[index])
        if end < len(values):
            ops.append(operators[end - 1])
        index = end
    return evaluate(merged, ops)


# --- worked steps -------------------------------------------------------------------------------

_ADJUST = re.compile(
    rf"^\s*,?\s*(?:and\s+|then\s+)?(?P<op>minus|less|plus|add|take off|subtract)\s+(?:about\s+|roughly\s+)?"
    rf"(?P<pct>{NUMBER})\s?%[^=]*$",
    re.IGNORECASE,
)


# Where a worked step states its result: a sign, or said aloud ("$28 times two is $56").
EQUALS = re.compile(r"=|\b(?:equals|is|that's|thats|gives you|gives|makes|comes to)\b", re.IGNORECASE)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.02 * abs(b), 0.51 if abs(b) >= 10 else 0.051)


_CLAUSE = re.compile(r",\s|;\s|\band\b|\bso\b|\bthen\b", re.IGNORECASE)


def _worked(sentence: str, passage: dict) -> Rule | None:
    """The first step of ``sentence`` whose arithmetic checks out: operands, operators and a
    stated result, written with signs or said aloud."""
    parts = EQUALS.split(sentence)
    for index in range(len(parts) - 1):
        rule = _step_at(parts, index, sentence, passage)
        if rule is not None:
            return rule
    return None


def _step_at(parts: list[str], index: int, sentence: str, passage: dict) -> Rule | None:
    head = parts[index]
    lead = ""
    if ":" in head:
        lead, head = head.rsplit(":", 1)
    if not OPERATOR.search(head):
        return None
    clauses = _CLAUSE.split(head)
    last = next((c for c in reversed(clauses) if OPERATOR.search(c)), head)
    for candidate in dict.fromkeys([head, last]):
        rule = _step_from(candidate, lead, parts, index, sentence, passage)
        if rule is not None:
            return rule
    return None


def _step_from(head: str, lead: str, parts: list[str], index: int, sentence: str, passage: dict) -> Rule | None:
    from tools.arithmetic import Span, evaluate

    tokens = OPERATOR.split(head)
    ops = OPERATOR.findall(head)
    if not ops or len(tokens) != len(ops) + 1:
        return None
    operands: list[Operand] = []
    for token in tokens:
        quantities = read_quantities(token)
        if len(quantities) != 1:
            return None
        q = quantities[0]
        q.label = [w for w in _words(token) if w not in _words(q.text)][:4] or q.label
        operands.append(Operand(label=q.label, example=q))
    operators = [operator_of(op) for op in ops]
    adjust: list[tuple[str, Quantity]] = []
    if len(operands) > 1 and operators[-1] in "+-" and operands[-1].example.unit == "%":
        # "8 days, plus 20% contingency": a share of what comes before, not a sum
        adjust.append((operators.pop(), operands.pop().example))
    results = read_quantities(parts[index + 1])
    if not results:
        return None
    result = results[0]
    try:
        computed = evaluate([Span(o.example.value) for o in operands], operators).low
    except ZeroDivisionError:
        return None
    for sign, pct in adjust:
        computed *= 1 + (pct.value / 100 if sign == "+" else -pct.value / 100)
    if not _close(computed, result.value):
        return None  # the step is not arithmetic we read right
    named = list(result.label)
    if not stems(named) and index + 2 < len(parts):  # "… is $56, that's your wholesale price"
        named = _words(re.split(r"[.;!?]", parts[index + 2])[0])[:6]
    rule = Rule("worked", _words(lead) + named, operands, operators, sentence.strip(), passage, unit=result.unit,
                adjust=adjust)
    # ", minus about 20% for splash = about 7,000 litres": an adjustment the step goes on with
    running = result.value
    for tail, after in zip(parts[index + 1:-1], parts[index + 2:]):
        rest = tail[tail.find(result.text) + len(result.text):] if result.text in tail else ""
        adjust = _ADJUST.match(rest)
        following = read_quantities(after)
        if adjust is None or not following:
            break
        pct = Quantity(value=value_of(adjust.group("pct")), unit="%", text=adjust.group("pct") + "%")
        sign = "+" if adjust.group("op").lower() in {"plus", "add"} else "-"
        step = running * (1 + (pct.value / 100 if sign == "+" else -pct.value / 100))
        if not _close(step, following[0].value):
            break
        rule.adjust.append((sign, pct))
        running, result = following[0].value, following[0]
    return rule


# --- rates ----------------------------------------------------------------------------------------

_UNIT_WORDS = "|".join(sorted((re.escape(u) for u in UNITS if not u[0].isdigit() and u != "%"), key=len, reverse=True))
_RATE = re.compile(
    rf"(?P<cur>[{CURRENCY}])?(?<![\w.])(?P<num>{NUMBER})(?:\s?[–-]\s?[{CURRENCY}]?(?P<high>{NUMBER}))?\s?"
    rf"(?P<unit>{_UNIT_WORDS})?\s?(?:/|\bper\b|\ba\b|\ban\b|\beach\b|\bfor each\b)\s?(?P<den>{_UNIT_WORDS}|[a-z][a-z-]+)(?![\w²])",
    re.IGNORECASE,
)
_ONE_PER = re.compile(
    rf"(?:(?P<before>[a-z][a-z-]+(?:\s[a-z][a-z-]+)?),?\s+)?\b(?:one|1|an?)\s+(?P<x>[a-z][a-z-]+\s+)?"
    rf"(?:per|for every|to every|for each|to)\s+(?P<n>{VALUE})(?:\s?(?:[–-]|to)\s?(?P<high>{VALUE}))?\s+(?P<y>[a-z][a-z-]+)",
    re.IGNORECASE,
)
_SHARE = re.compile(
    rf"(?<![\w.])(?:(?P<low>{NUMBER})\s?[–-]\s?)?(?P<pct>{NUMBER})\s?%\s+of\s+(?:the\s+|an?\s+|your\s+|their\s+|its\s+)?"
    rf"(?P<of>[a-z][a-z-]+(?:\s(?!and\b|or\b|to\b|in\b|on\b|for\b)[a-z][a-z-]+){{0,2}})",
    re.IGNORECASE,
)
_PERIODS = {"week", "weeks", "day", "days", "year", "years", "month", "months", "season", "hour", "hours"}


def _rates(sentence: str, passage: dict) -> list[Rule]:
    rules: list[Rule] = []
    for match in _RATE.finditer(sentence):
        den = match.group("den").lower()
        unit = "money" if match.group("cur") else UNITS.get((match.group("unit") or "").lower(), "")
        if not unit or den in _PERIODS and not match.group("unit"):
            continue  # "3 times a week", "two a day": frequencies, not amounts per unit
        value = value_of(match.group("num"))
        high = float(match.group("high").replace(",", "")) if match.group("high") else None
        rate = Quantity(value=value, unit=unit, high=high, text=match.group(0).strip(), span=match.span())
        after = re.split(r"[,;.()]|\band\b|\bor\b", sentence[match.end():], maxsplit=1)[0]
        qualifier = [w for w in _words(after)[:3]]
        den_unit = UNITS.get(den, "")
        operand = Operand(label=[den] if not den_unit else [den_unit])
        # what it gives is named before the first rate of its kind in the sentence ("spread
        # ground limestone at roughly 190 g/m² on sand, 285 g/m² on loam": both give limestone)
        first = next((r for r in rules if r.unit == unit and r.operands[0].label == operand.label), None)
        if first is not None:
            out = first.output
        else:
            before = re.split(r"[;:]|\.(?!\d)", sentence[: match.start()])[-1]
            out = [w for w in _words(before)][-10:] + ([unit] if unit != "money" else [])
        rules.append(Rule("rate", out, [operand, Operand(label=[], constant=rate)], ["*"], sentence.strip(),
                          passage, unit=unit, qualifier=qualifier))
    for match in _SHARE.finditer(sentence):  # "a fee of 5% of the sale price": a share of a named amount
        low = value_of(match.group("low")) if match.group("low") else None
        high = value_of(match.group("pct"))
        share = Quantity(value=(low if low is not None else high) / 100, high=high / 100 if low is not None else None,
                         text=match.group(0)[: match.group(0).find("%") + 1])
        before = re.split(r"[;(]|\.(?!\d)", sentence[: match.start()])[-1]
        previous = list(re.finditer(NUMBER, before))
        before = before[previous[-1].end():] if previous else before
        after = re.split(r"[;(]|\.(?!\d)", sentence[match.end():])[0]
        # what the share goes to or is called, on either side ("Tax account: move 30% of each
        # payment", "put 30% of each payment into a tax account")
        out = _words(before)[-8:] + _words(after)[:8]
        if stems(out):
            rules.append(Rule("rate", out, [Operand(label=_words(match.group("of"))), Operand(constant=share)], ["*"],
                              sentence.strip(), passage))
    for match in _ONE_PER.finditer(sentence):
        x = (match.group("x") or (match.group("before") or "").split()[-1:] and match.group("before").split()[-1] or "").strip()
        if not x:
            continue
        n = Quantity(value=value_of(match.group("n")), text=match.group("n"),
                     high=value_of(match.group("high")) if match.group("high") else None)
        rules.append(Rule("rate", _words(x), [Operand(label=[match.group("y").lower()]), Operand(constant=n)], ["/"],
                          sentence.strip(), passage, per_group=True))
    return rules


def rules_in(passage: dict) -> list[Rule]:
    """The rules one passage states, in the order it states them."""
    found: list[Rule] = []
    for raw in passage.get("text", "").splitlines():  # a line break ends a formula or a table row
        for line in split_sentences(raw):
            if not QUANTITY.search(line) and not OPERATOR.search(line):
                continue
            rule = _worked(line, passage) if EQUALS.search(line) else None
            rule = rule or _formula(line, passage)
            if rule is not None:
                found.append(rule)
            found.extend(_rates(line, passage))
    return found
