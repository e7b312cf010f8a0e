"""Applies a rule the retrieved passages state to the learner's own figures.

The learner's quantities fill a rule's operands by what they measure (the same unit, the same
counted words); a result may fill the next rule (a worked step's "picker hours" feeds the formula
that divides by picker hours). The answer is the computed quantity that names what the question
asks. Where two readings fit equally, or a rate depends on a condition the question does not
state, nothing is computed: the learner is asked instead. Every figure of the working is the
learner's, the cited sentence's, or computed here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from assistant.answering.rules.book import Operand, Rule, compute, rules_in
from assistant.answering.rules.quantities import LARGER, PERIODS, UNITS, Quantity, read_quantities, stems
from tools.arithmetic import SYMBOLS, Span, evaluate, written, written_span

# A question that asks for an amount, as general English asks it.
ASKS_AMOUNT = re.compile(
    r"\bhow (?:many|much|long|big|far|often|large)\b|\bwhat(?:'s|s| is| are| will| would| should| does)\b"
    r"|\bcalculate\b|\bwork out\b"
    r"|\bfigure out\b|\bestimate\b",
    re.IGNORECASE,
)
MAX_ROUNDS = 3
# A unit named in the ask ("how many litres") says nothing about which rule is asked for.
UNIT_FORMS = frozenset(UNITS.values())
UNIT_STEMS = stems(" ".join(u for u, written in UNITS.items() if written not in PERIODS))
_APPROX = re.compile(r"\b(?:about|roughly|approximately|around|typically)\b", re.IGNORECASE)
_PERIOD_PLURAL = {"year": "years", "month": "months", "week": "weeks", "day": "days", "hour": "hours"}


@dataclass
class Step:
    rule: Rule
    inputs: list[Quantity | None]  # per operand: the quantity that filled it (None: the rule's own)
    result: Span
    unit: str
    text: str  # the arithmetic as written in the answer
    yours: int  # how many of the learner's own quantities it used, through earlier steps too


@dataclass
class Working:
    """What an answer shows: the rules used (quoted, cited), each step, and the result."""

    steps: list[Step]
    result: str
    mine: list[Quantity] = field(default_factory=list)

    @property
    def rules(self) -> list[Rule]:
        seen: list[Rule] = []
        for step in self.steps:
            if step.rule not in seen:
                seen.append(step.rule)
        return seen


@dataclass
class Question:
    """The rule applies once a condition is known: the learner is asked which one holds."""

    text: str
    rule: Rule


def asks_amount(question: str) -> bool:
    return bool(ASKS_AMOUNT.search(question)) and bool(read_quantities(question))


def plural(noun: str) -> str:
    """The plural of a counted noun as general English writes it ("coach" → "coaches")."""
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun
    if re.search(r"(?:ch|sh|ss|x|z)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def _counted(rule: Rule, span: Span) -> str:
    words = list(rule.output)
    if span.ends != (1, 1) and words:
        words[-1] = plural(words[-1])
    return f"{written_span(span)} {' '.join(words)}"


def _show(q: Quantity | Span, unit: str) -> str:
    span = q if isinstance(q, Span) else Span(q.value, q.high)
    shown = written_span(span)
    if unit == "money":
        return f"${shown}"
    if unit == "%":
        return f"{shown}%"
    return f"{shown} {unit}".strip()


def _with_larger(span: Span, unit: str) -> str:
    if unit == "ratio":  # "0.6 (60%)"
        hundred = Span(span.low * 100, None if span.high is None else span.high * 100)
        return f"{written_span(span)} ({written_span(hundred)}%)"
    shown = _show(span, unit)
    if unit in LARGER and span.low >= LARGER[unit][1]:
        bigger, factor = LARGER[unit]
        shown += f" ({_show(Span(span.low / factor, None if span.high is None else span.high / factor), bigger)})"
    return shown


def _score(operand: Operand, q: Quantity, rule: Rule) -> int:
    """How well a quantity fits an operand: 0 when it does not."""
    if operand.example is not None and operand.example.unit:
        if q.unit != operand.example.unit:
            return 0
        return 2 + len(operand.stems & q.stems)
    if operand.example is not None and q.unit:
        return 0  # the example counts things ("2 pickers"): a measure does not fill it
    overlap = operand.stems & (q.stems | ({q.unit} if q.unit else set()))
    if rule.kind == "rate" and operand.label and operand.label[0] in UNIT_FORMS:  # "per m²": that unit only
        return 2 + len(overlap) if q.unit == operand.label[0] else 0
    if q.derived and overlap and q.stems <= operand.stems:
        return len(overlap) + 1  # the course's own name for the term, from a rule it states
    return len(overlap)


def _fill(rule: Rule, pool: list[tuple[Quantity, int]], pending: list[Rule] = ()) -> list[tuple[Quantity, int] | None] | None:
    """The pool entry that fills each operand, None for the rule's own values; None when the
    rule cannot be filled, two entries fit one operand equally, or a ``pending`` rule's result
    would fit an operand at least as well (the rule waits for it: "÷ picker hours" waits for the
    step that gives picker hours)."""
    chosen: list[tuple[Quantity, int] | None] = []
    used: set[int] = set()
    named: dict[tuple[str, ...], tuple[Quantity, int] | None] = {}  # a term a formula names twice
    for operand in rule.operands:
        if operand.constant is not None:
            chosen.append(None)
            continue
        if rule.kind == "formula" and tuple(operand.label) in named:  # "(margin − cost) ÷ margin": one value
            chosen.append(named[tuple(operand.label)])
            continue
        scored = sorted(((_score(operand, q, rule), i) for i, (q, _) in enumerate(pool) if i not in used), reverse=True)
        scored = [s for s in scored if s[0] > 0]
        later = max((_score(operand, Quantity(0, unit=r.unit, label=list(r.output)), rule) for r in pending if r is not rule
                     and r.sentence != rule.sentence and _fill(r, pool) is not None), default=0)  # one that can give it
        if later and later >= (scored[0][0] if scored else 0):
            return None
        if not scored:
            # a worked step keeps its share, its rate and a bare factor ("× 2"): the rule's own
            keep = operand.example is not None and (operand.example.unit == "%" or "per" in operand.label
                                                    or not operand.example.unit and not operand.stems)
            if not keep:
                return None
            chosen.append(None)
            continue
        if len(scored) > 1 and scored[1][0] == scored[0][0] and pool[scored[1][1]][0].value != pool[scored[0][1]][0].value:
            return None  # two of the learner's figures fit equally: which one is meant is unclear
        used.add(scored[0][1])
        chosen.append(pool[scored[0][1]])
        named[tuple(operand.label)] = pool[scored[0][1]]
    if not any(c is not None for c in chosen):
        return None
    return chosen


def _value(operand: Operand, filled: tuple[Quantity, int] | None) -> Quantity:
    if filled is not None:
        return filled[0]
    return operand.constant or operand.example  # type: ignore[return-value]


def _unit(rule: Rule, values: list[Quantity]) -> str:
    if rule.kind == "rate" and rule.per_group:
        return " ".join(rule.output)
    if rule.unit:
        return rule.unit
    if rule.kind == "rate":  # a share of an amount is in the amount's unit
        return values[0].unit
    units = {v.unit for v in values if v.unit}
    if rule.kind == "formula" and len(units) == 1 and (set(rule.operators) <= {"+", "-"} or sum(1 for v in values if v.unit) == 1 and (
            values[0].unit or "/" not in rule.operators)):
        return units.pop()  # sums of one unit, or one amount scaled by plain numbers
    if rule.operators and rule.operators[-1] == "*" and values[-1].value == 100 and "/" in rule.operators:
        return "%"
    if rule.operators == ["/"]:
        divisor = rule.operands[1].label
        if "per" in divisor and divisor.index("per") + 1 < len(divisor):
            return _PERIOD_PLURAL.get(divisor[divisor.index("per") + 1], "")
    return ""


def _step(rule: Rule, filled: list[tuple[Quantity, int] | None]) -> Step | None:
    values = [_value(o, f) for o, f in zip(rule.operands, filled)]
    try:
        result = compute([Span(v.value, v.high) for v in values], rule.operators, rule.groups)
    except ZeroDivisionError:
        return None
    terms = []
    for operand, value, fill in zip(rule.operands, values, filled):
        shown = value.text if fill is None else _show(value, value.unit)
        if rule.kind == "worked" and fill is not None and not value.unit and operand.label:
            shown += " " + " ".join(operand.label)  # "3 pickers", as the example counts them
        terms.append(f"{' '.join(operand.label)} ({shown})" if rule.kind == "formula" and operand.variable else shown)
    for start, end in rule.groups:  # the formula's own brackets
        terms[start], terms[end - 1] = f"({terms[start]}", f"{terms[end - 1]})"
    text = terms[0] + "".join(f" {SYMBOLS[op]} {term}" for op, term in zip(rule.operators, terms[1:]))
    unit = _unit(rule, values)
    if _ratio(rule, values, unit):  # a share of like quantities ("discount ÷ (margin − discount)")
        unit = "ratio"
    named = f" {' '.join(rule.output)}" if rule.kind == "worked" and not unit else ""
    if rule.operators:
        text += f" = {_with_larger(result, unit if not rule.per_group else '')}{named}"
    for sign, pct in rule.adjust:
        before = result
        result = result.combine("*", Span(1 + (pct.value / 100 if sign == "+" else -pct.value / 100)))
        text += f"{'; ' if rule.operators else ''}{_show(before, unit) if rule.operators else ''} {SYMBOLS[sign]} {pct.text} = {_with_larger(result, unit)}"
    if rule.per_group and result.ends[1] != math.ceil(result.ends[1]):
        whole = Span(math.ceil(result.low), None if result.high is None else math.ceil(result.high))
        text += f", so {_counted(rule, whole)} (a whole one for each started group)"
        result = whole
    yours = sum({id(f[0]): f[1] for f in filled if f is not None}.values())  # a term named twice counts once
    return Step(rule, [f[0] if f else None for f in filled], result, unit, text, yours)


def _ratio(rule: Rule, values: list[Quantity], unit: str) -> bool:
    """Whether a formula's result is a ratio of like quantities with no unit of its own: its last
    operation outside brackets divides, and every value has one and the same unit (shares of
    shares, money over money): shown as a share too. Counts over counts stay a rate ("per hour")."""
    inside = {index for start, end in rule.groups for index in range(start, end - 1)}  # operators in brackets
    outside = [op for index, op in enumerate(rule.operators) if index not in inside]
    return (rule.kind == "formula" and not unit and bool(outside) and outside[-1] == "/"
            and len(units := {v.unit for v in values}) == 1 and "" not in units)  # counts ÷ counts: a rate


def _siblings(rule: Rule, rules: list[Rule]) -> list[Rule]:
    """Rates of the same sentence and units that differ by their condition ("on sand", "on clay")."""
    return [r for r in rules if r.kind == "rate" and r.sentence == rule.sentence and r.unit == rule.unit
            and r.operands[0].label == rule.operands[0].label and r.qualifier != rule.qualifier]


def apply_rules(question: str, passages: list[dict]) -> Working | Question | None:
    """The working for ``question`` by the rules of ``passages`` (best first), or a question to
    the learner when the rule's condition is not given, or None when no rule fits."""
    if not asks_amount(question):
        return None
    mine = read_quantities(question)
    asked = stems(question)
    rules: list[Rule] = []
    seen: set[tuple[str, str]] = set()
    for passage in passages:
        for rule in rules_in(passage):
            key = (rule.sentence, " ".join(rule.output) + repr(rule.operands[-1].constant))
            if key not in seen:
                seen.add(key)
                rules.append(rule)
    pool: list[tuple[Quantity, int]] = [(q, 1) for q in mine]
    steps: list[Step] = []
    for step in _compounds(rules, mine):  # "picker hours" from "3 pickers" and "6 hours"
        steps.append(step)
        pool.append((Quantity(value=step.result.low, unit="", label=list(step.rule.output), text=written_span(step.result),
                              derived=True), 2))
    conditional: dict[int, list[Rule]] = {}  # a step's rule applies only in a case not stated
    for _ in range(MAX_ROUNDS):
        grew = False
        for rule in rules:
            if any(s.rule is rule for s in steps):
                continue
            siblings = _siblings(rule, rules)
            stated = bool(stems(rule.qualifier) & asked)
            if siblings and not stated and any(stems(r.qualifier) & asked for r in siblings):
                continue  # the question states another case of this rate
            waiting = [r for r in rules if r is not rule and not any(s.rule is r for s in steps)]
            filled = _fill(rule, pool, waiting)
            if filled is None:
                continue
            step = _step(rule, filled)
            if step is None:
                continue
            if siblings and not stated:
                conditional[len(steps)] = siblings
            steps.append(step)
            derived = Quantity(value=step.result.low, high=step.result.high, unit=step.unit, label=list(rule.output),
                               text=written_span(step.result), derived=True)
            pool.append((derived, step.yours))
            grew = True
        if not grew:
            break
    best = _final(steps, asked, mine, passages)
    if best is None:
        return None
    chain = _chain(best, steps)
    for step in chain:
        if steps.index(step) in conditional:
            cases = "; ".join(" ".join(r.qualifier) for r in [step.rule, *conditional[steps.index(step)]] if r.qualifier)
            return Question(f"The rule depends on which case is yours ({cases}): which one applies?", step.rule)
    return Working(chain, _with_larger(best.result, best.unit) if not best.rule.per_group
                   else _counted(best.rule, best.result), mine)


def _compounds(rules: list[Rule], mine: list[Quantity]) -> list[Step]:
    """A formula's term named by a count and a unit ("picker hours", "staff days") is their
    product, when the learner gave exactly one count of that thing and one amount in that unit."""
    steps: list[Step] = []
    for rule in rules:
        if rule.kind != "formula":
            continue
        for operand in rule.operands:
            at = [(i, u) for i, word in enumerate(operand.label) for u in PERIODS if stems([word]) & stems([u])]
            if not at or at[-1][0] == 0:
                continue
            label, unit = operand.label[: at[-1][0] + 1], at[-1][1]
            counts = [q for q in mine if not q.unit and q.label and stems(label[:-1]) & stems(q.label[:1])]
            amounts = [q for q in mine if q.unit == unit]
            if len(counts) != 1 or len(amounts) != 1:
                continue
            name = [w for w in label[:-1] if stems([w]) & stems(counts[0].label[:1])] + [label[-1]]
            if any(s.rule.output == name for s in steps):
                continue
            product = Rule("product", name, [Operand(label=counts[0].label[:1]), Operand(label=[])], ["*"], "", rule.passage)
            value = Span(counts[0].value * amounts[0].value)
            text = f"{_show(counts[0], '')} {counts[0].label[0]} × {_show(amounts[0], unit)} = {written_span(value)} {' '.join(name)}"
            steps.append(Step(product, [counts[0], amounts[0]], value, "", text, 2))
    return steps


def _final(steps: list[Step], asked: set[str], mine: list[Quantity], passages: list[dict]) -> Step | None:
    """The step whose result names what the question asks, among those that use every measure
    the learner gave (a left-out measure means the rule does not fit their figures); a worked
    example redone with all of the learner's figures when none names it. None when two fit
    equally."""
    measures = {id(q) for q in mine if q.unit}
    fitting = [s for s in steps if measures <= {id(q) for q in _inputs(s, steps)}]
    ranked = sorted(((len(s.rule.output_stems & asked - UNIT_STEMS), s.yours, steps.index(s)) for s in fitting), reverse=True)
    if ranked and ranked[0][0] > 0:
        first, second = steps[ranked[0][2]], steps[ranked[1][2]] if len(ranked) > 1 else None
        if (second is not None and ranked[1][:2] == ranked[0][:2] and second.result != first.result
                and second.rule.sentence != first.rule.sentence):  # cases of one rate: asked below
            return None
        return first
    # no result names the ask ("how much more do I need to sell?"): the one formula of the most
    # relevant section that every figure the learner gave fills, and nothing else
    lead = passages[0].get("section") if passages else None
    filled = [s for s in fitting if s.rule.kind == "formula" and s.yours == len(mine) and len(mine) >= 2
              and s.rule.passage.get("section") == lead and all(q is not None for q in s.inputs)]
    if len(filled) == 1:
        return filled[0]
    # no result names the ask: a worked example of the most relevant passage, redone with all
    # of the learner's figures
    lead = passages[0].get("section") if passages else None
    whole = [s for s in fitting if s.rule.kind == "worked" and s.yours == len(mine) and s.rule.passage.get("section") == lead
             and all(q.stems & _setting(s.rule, passages) for q in s.inputs if q is not None)]
    return whole[0] if len(whole) == 1 else None


def _setting(rule: Rule, passages: list[dict]) -> set[str]:
    """The words of a worked example's setting: its own section's passages, where an example
    says what its figures are ("a shed roof of 20 m²"); the learner's figures must measure the
    same things for the example to be redone with them."""
    section = rule.passage.get("section")
    texts = [p.get("text", "") for p in passages if p.get("section") == section and p.get("source") == rule.passage.get("source")]
    return stems(" ".join(texts or [rule.passage.get("text", "")]))


def _inputs(step: Step, steps: list[Step]) -> list[Quantity]:
    """The learner's quantities a step rests on, through the steps before it."""
    return [q for s in _chain(step, steps) for q in s.inputs if q is not None]


def _chain(final: Step, steps: list[Step]) -> list[Step]:
    """The steps the final one rests on, in order."""
    needed = [final]
    for step in reversed(steps[: steps.index(final)]):
        if any(q is not None and q.label == list(step.rule.output) and q.value == step.result.low
               for later in needed for q in later.inputs):
            needed.insert(0, step)
    return needed
