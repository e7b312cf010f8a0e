"""The same calculation for a second project: "now do the same for project B: set-up 35k,
licence 4k a year", "same for the kiosk: 9k up front, saves 600 a month", "other option: 15k up,
1.5k/mo". The new message's figures are the new project's, read on their own with the calculator
of the conversation's calculation (the message need not name it); none of the first project's
amounts leak into it. What frames the calculation rather than describing a project carries over
only when the message says "the same": the length of time it is counted over ("do the same",
"same horizon") and an input named with "same" ("same rate", "same margin"). Anything else the
new project lacks is asked. Used by reading/dialogue.py.
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import naming_content, same_word, spec_named, words_of
from assistant.reading.calculate import Calculation, asked_specs, read_calculation
from assistant.reading.state_plan import continue_state, start_state
from assistant.types import CalculationState, FigureState
from knowledge.figures import read_figures

# Words that ask for the calculation just done, of another thing: "(do) the same for …", "same
# again for …", "the same calculation with …", "and now for the second one".
SAME_FOR = re.compile(r"\b(?:the\s+)?same(?:\s+(?:thing|again|calculation|sum|maths|math|numbers?\s+crunch|exercise))?"
                      r"\s+(?:for|with|on)\b(?!\s+(?:the\s+)?(?:same|that|this|it|those|these)\b)", re.IGNORECASE)
# Words that name another project, option or quote, with a label of its own ("project B",
# "option 2", "the other option:", "second vendor", "alternative:").
ANOTHER = re.compile(r"(?i:\b(?:the\s+)?(?:other|second|alternative|2nd)\s+"
                     r"(?:option|project|quote|offer|vendor|supplier|proposal|tool|idea|alternative|bid)\b)"
                     r"|(?i:\b(?:project|option|quote|offer|vendor|proposal|scenario|bid))\s+(?:[A-Z]|\d+|(?i:two|b))\b"
                     r"|^\W*(?i:alternative)\b", re.MULTILINE)
# "same rate", "the same discount rate", "same horizon", "same 3 years": an input kept on purpose.
SAME_NAMED = re.compile(r"\bsame\s+((?:[a-z-]+\s+){0,2}[a-z-]+)", re.IGNORECASE)
# A change worded as one ("what if", "instead"): a what-if of this project, not another project.
CHANGE = re.compile(r"^\W*(?:and\s+|but\s+|so\s+)?(?:what\s+if|if|suppose|say|instead)\b", re.IGNORECASE)


def names_another_project(text: str, state: CalculationState) -> bool:
    """Does ``text`` ask for the calculation just done of another project, option or quote, naming
    it by a label the calculation was not about ("project B" after project A)?"""
    if CHANGE.match(text):
        return False
    same = SAME_FOR.search(text)
    found = ANOTHER.search(text)
    if same is None and found is None:
        return False
    if found is not None:  # "project B" said before: that one again, not a second one
        label = found.group(0).lower().split()
        said = state.text.lower()
        if len(label) == 2 and label[0] in {"project", "option", "quote", "offer", "vendor", "proposal", "scenario", "bid"} \
                and re.search(rf"\b{re.escape(label[0])}\s+{re.escape(label[1])}\b", said):
            return False
    return same is not None or found is not None


def another_project(text: str, state: CalculationState) -> tuple[Calculation, CalculationState] | None:
    """The calculation of the conversation done for the project ``text`` describes (see the
    module's doc), or None when ``text`` is no such message: it names no other project, gives no
    amount of its own, or asks for another calculator."""
    spec = spec_named(state.tool)
    if spec is None or state.args is None or not names_another_project(text, state):
        return None
    if not any(f.unit in {"money", "count"} for f in read_figures(text)):
        return None  # "and how does that compare with the other one?": no project described
    named = asked_specs(text)
    if named and all(other.name != spec.name for other in named):
        return None  # another calculator asked: read as such
    asker = _asks_for(spec, state)
    if asker is None:
        return None
    calc = read_calculation(text, ask_text=asker)
    if calc is None:
        return None
    fresh = start_state(text, calc)
    if fresh is None or fresh.tool != spec.name:
        return None
    label = ANOTHER.search(text)
    named = False
    for i, item in enumerate(fresh.figures):  # "option 2": the project's name, not a figure of it
        start, end = (item.figure.get("span") or (-1, -1))[:2]
        if label is not None and label.start() <= start and end <= label.end():
            item.ignored, item.field, item.fields, named = True, "", [], True
            fresh.horizon = None if fresh.horizon == i else fresh.horizon
    if named:
        calc, fresh = continue_state(fresh, [])
    lines: list[str] = []
    if fresh.question is not None:  # "other option: 15k up, 1.5k/mo" after "24k up, 2k/mo saving"
        lines = _as_the_first(state, fresh)
    kept = _kept(text, state, fresh)
    if not kept and not lines:
        return calc, fresh
    for item, is_horizon in kept:
        fresh.figures.append(item.model_copy(deep=True))
        if is_horizon:
            fresh.horizon = len(fresh.figures) - 1
        lines.append(f"{item.field.replace('_', ' ') if item.field else 'length of time'}: "
                     f"{item.figure['text'].strip()} kept from the first calculation (“same”)")
    fresh.question, fresh.need, fresh.about, fresh.fields = None, "", None, []
    return continue_state(fresh, lines)


def _kind(item: FigureState) -> tuple[str, str]:
    return item.figure.get("unit") or "", item.figure.get("period") or ""


def _as_the_first(state: CalculationState, fresh: CalculationState) -> list[str]:
    """The new project's amounts given the inputs of the first project's amounts of the same kind
    (one-off money, money a month, a count…), when the new message leaves their roles open and
    each kind has one amount in each project: the new project is written like the first. The
    lines saying so; [] (nothing changed) when a kind has two amounts in either, or any differs."""
    spec = spec_named(state.tool)
    assert spec is not None
    amounts = {"money", "count"}
    old = [item for i, item in enumerate(state.figures) if item.field and not item.ignored and i != state.horizon
           and item.figure.get("unit") in amounts and not spec.field(item.field).horizon]
    new = [item for i, item in enumerate(fresh.figures) if not item.ignored and i != fresh.horizon
           and item.figure.get("unit") in amounts]
    old_kinds, new_kinds = [_kind(item) for item in old], [_kind(item) for item in new]
    if not new or len(set(old_kinds)) != len(old_kinds) or sorted(old_kinds) != sorted(new_kinds):
        return []
    pairs = [(item, old[old_kinds.index(_kind(item))]) for item in new]
    if any(item.field and item.field != first.field and _labelled(spec, item) for item, first in pairs):
        return []  # the new message names one otherwise: not read as the first
    lines = []
    for item, first in pairs:
        item.field, item.fields = first.field, []
        lines.append(f"{item.figure['text'].strip()}: the {first.field.replace('_', ' ')}, "
                     f"as {first.figure['text'].strip()} was for the first")
    return lines


def _labelled(spec, item: FigureState) -> bool:
    """Do the words around the figure name its input by one of the input's labels ("15k set-up")?
    A figure whose input was only inferred ("1.5k/mo", read as a cost by default) is not."""
    words = naming_content([w.lower() for w in words_of(item) if w != "|"])
    labels = [x.lower() for x in spec.field(item.field).labels]
    return any(same_word(w, x) or (len(x) > 3 and w.startswith(x)) for w in words for x in labels if " " not in x) \
        or any(x in " ".join(words) for x in labels if " " in x)


def _asks_for(spec, state: CalculationState) -> str | None:
    """Words that ask for ``spec`` alone: the first message's, or the calculator's own."""
    if [s.name for s in asked_specs(state.text)] == [spec.name]:
        return state.text
    for word in sorted(spec.asks, key=len, reverse=True):
        if [s.name for s in asked_specs(word)] == [spec.name]:
            return word
    return None


def _kept(text: str, state: CalculationState, fresh: CalculationState) -> list[tuple[FigureState, bool]]:
    """The first calculation's figures this message keeps by saying "the same": its length of
    time ("do the same for …"), and each input named after "same" ("same rate"), when the new
    project gives none of its own."""
    spec = spec_named(state.tool)
    assert spec is not None
    given = {item.field for item in fresh.figures if item.field and not item.ignored}
    named = [naming_content(m.group(1).lower().split()) for m in SAME_NAMED.finditer(text)]
    out: list[tuple[FigureState, bool]] = []
    horizon_given = fresh.horizon is not None or any(spec.field(f).horizon for f in given if f)
    frame = SAME_FOR.search(text) or _says_same_of(named, "horizon")
    if state.horizon is not None and not horizon_given and frame:
        out.append((state.figures[state.horizon], True))
    for i, item in enumerate(state.figures):
        if not item.field or item.ignored or i == state.horizon or item.field in given:
            continue
        field = spec.field(item.field)
        if field.horizon and frame and not horizon_given:  # "TCO over 3 yrs" read as the input itself
            out.append((item, False))
            continue
        if field.unit not in {"percent", "fraction"}:
            continue  # an amount describes the project: never carried
        words = [*item.field.split("_"), *(w for label in field.labels for w in label.split())]
        if any(any(same_word(w, x) for x in words) for group in named for w in group):
            out.append((item, False))
    return out


def _says_same_of(named: list[list[str]], word: str) -> bool:
    return any(word in group or "period" in group or "years" in group for group in named)
