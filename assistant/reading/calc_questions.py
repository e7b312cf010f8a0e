"""The clarifying questions of the calculator reader, and the checks that raise them: two
currencies, inputs missing, one input said twice or offered as alternatives, a figure whose role
or input is not clear. Each question names the figures it is about."""

from __future__ import annotations

import re

from assistant.reading.account import needs_asking, fmt
from assistant.reading.scenarios import scenario_kinds
from assistant.types import Clarification
from knowledge.figures import Figure
from tools.spec import FieldSpec, ToolSpec


def same_currency(amounts: list[Figure]) -> None:
    """Amounts of one calculation in two currencies are never added or compared silently."""
    codes = sorted({f.currency for f in amounts if f.currency})
    if len(codes) > 1:
        shown = ", ".join(next(f.show() for f in amounts if f.currency == code) for code in codes)
        raise needs_asking(f"You gave amounts in {' and '.join(codes)} ({shown}). Which currency should I work in, and at "
                   "what exchange rate should I convert the others?", [f"all in {code}" for code in codes])


def missing_inputs(spec: ToolSpec, present: set[str]) -> list[str]:
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
    if scenario_kinds(text, parts) is not None:  # "20k if clean (best), 25k expected, 35k worst case"
        return True
    return all(_ALTERNATIVE.search(text[a.span[1]: b.span[0]]) for a, b in zip(ordered, ordered[1:]))


def said_twice(text: str, parts: list[Figure]) -> tuple[Figure, Figure] | None:
    """Two parts of one summed input with the same non-zero value, in different sentences (linear)."""
    seen: dict[tuple, Figure] = {}
    for part in parts:
        if part.value == 0 or part.cell:
            continue
        key = (part.value, part.period, part.unit)
        first = seen.setdefault(key, part)
        if first is not part and sentence_of(text, first) != sentence_of(text, part):
            return first, part
    return None


def said_again(parts: list[Figure], spec_field: FieldSpec) -> list[Figure]:
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
    return f"; {name.replace('_', ' ')} = {' + '.join(fmt(v) for v in values)} = {fmt(sum(values))}"


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


def sentence_of(text: str, fig: Figure) -> int:
    """Where the sentence of a figure starts."""
    return max(text.rfind(c, 0, fig.span[0]) for c in ".!?\n") + 1
