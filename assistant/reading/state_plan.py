"""The state of a calculation held across a conversation, and the calculation planned from it:
``start_state`` reads the state from the message a calculation starts with (each figure, its
input as the one-message reader decides it, the open question and what it is about, or the call
computed); ``plan_state`` plans the calculation again from the figures of a state (as changed by
a reply or a what-if), and ``continue_state`` stores the new question or call in it. Used by
reading/dialogue.py, which decides what a message does to the state.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from assistant.reading.calc_state import figure_state, spec_named, state_figure, value_words, word_figure
from assistant.reading.calculate import (
    Calculation,
    assign,
    fill_series as series,
    horizon_in,
    plan_figures,
    with_choices,
)
from assistant.reading.money import set_aside
from assistant.reading.ranges import alternatives
from assistant.reading.undo import first_result
from assistant.types import CalculationState, Clarification
from knowledge.figures import Figure, read_figures
from tools.registry import SPECS
from tools.spec import ToolSpec

__all__ = ["ContinuedCalculation", "continue_state", "last_call", "plan_state", "spec_of", "start_state"]


@dataclass
class ContinuedCalculation(Calculation):
    """A calculation planned from the conversation's state, with what this message changed."""

    changes: list[str] = field(default_factory=list)

    def account_lines(self) -> list[str]:
        return [f"changed: {change}" for change in self.changes] + super().account_lines()


def spec_of(calc: Calculation) -> ToolSpec | None:
    """The calculator a calculation is about: with several calls each of its own calculator (a
    total cost worked out and then the ROI on it), the last, which the others feed."""
    title = calc.titles[last_call(calc)] if calc.titles else ""
    return next((spec for spec in SPECS if spec.fields and spec.title == title), None)


def last_call(calc: Calculation) -> int:
    return len(calc.calls) - 1 if len(calc.calls) > 1 and len(calc.titles) == len(calc.calls) else 0


def start_state(text: str, calc: Calculation) -> CalculationState | None:
    """The state of a calculation read from one message (its call, or its open question)."""
    spec = spec_of(calc)
    if spec is None:
        return None
    figures = read_figures(text, value_words(spec))
    roles = _roles(spec, text, figures)
    items = []
    previous_end = 0
    for fig in figures:  # a figure is named by the words since the figure before it, and its own after it
        items.append(figure_state(text, fig, roles.get(fig.index), previous_end))
        previous_end = fig.span[1]
    sequences = {f.name for f in spec.fields if f.sequence} | {f.name for f in spec.fields if f.horizon}
    found = None if sequences & set(roles.values()) else horizon_in(figures, {i for i, role in roles.items() if role}, text)
    horizon = None
    if found is not None and found.index >= 0:
        horizon = found.index
    elif found is not None:  # "a year" in words: a figure of its own, quoting those words
        items.append(word_figure(text, found.value, "duration", found.text))
        horizon = len(items) - 1
    state = CalculationState(tool=spec.name, text=text, figures=items, horizon=horizon)
    _, need = plan_state(state)
    if calc.clarification is not None and not calc.calls:
        state.question = calc.clarification
        asked = _role_asked(spec, state, calc.clarification)
        if asked:  # the question the user sees is about that figure's input, however the state plans it
            state.need, state.about, state.fields = "role", calc.clarification.figure, asked
            item = state.figures[calc.clarification.figure]
            item.field, item.fields = "", list(asked)
        elif need is not None:
            state.need, state.about, state.fields = need.kind, need.figure, need.fields
        else:
            state.need, state.about = _asked_about(state, calc.clarification)
    elif calc.calls:
        state.call, state.args = calc.calls[last_call(calc)]
    return first_result(state)


def _role_asked(spec: ToolSpec, state: CalculationState, asked: Clarification) -> list[str]:
    """The inputs a question about one figure's role offers ("the cost", "the gain"), when the
    one-message reader asked it about a figure of the state; else []."""
    if asked.figure is None or not 0 <= asked.figure < len(state.figures):
        return []
    names = {f.name.replace("_", " "): f.name for f in spec.fields}
    offered = [names[option[4:]] for option in asked.options if option.startswith("the ") and option[4:] in names]
    return offered if len(offered) >= 2 else []


def _asked_about(state: CalculationState, asked: Clarification) -> tuple[str, int | None]:
    """What a question the one-message reader asked is about, when planning from the state
    would not ask it: the ends of the one range the user gave ("between 3 and 5 person-months"),
    when the options are those ends; else "check" (the figures as read, to be given again)."""
    groups = alternatives(state)
    offered = [f.value for option in asked.options for f in read_figures(option)[:1]]
    for i, j in groups if len(groups) == 1 else ():
        ends = [state.figures[i].figure["value"], state.figures[j].figure["value"] if j is not None
                else state.figures[i].figure.get("high")]
        if len(offered) >= 2 and any(abs(v - offered[0]) < 1e-9 for v in ends if v is not None) \
                and any(abs(v - offered[-1]) < 1e-9 for v in ends if v is not None):
            return "range", i
    return "check", None


def _roles(spec: ToolSpec, text: str, figures: list[Figure]) -> dict[int, str | tuple[str, ...]]:
    """Each figure's input as the one-message reader decides it, amounts given one per period
    ("-60k now, then 25k, 25k, 30k") read as the spec's series, so planning again from the
    state computes what the message computed."""
    roles = assign(spec, figures)
    aside = set_aside(text, figures)
    decided = {i: name for i, name in roles.items() if isinstance(name, str) and i not in aside}
    before = dict(decided)
    series(spec, [f for f in figures if f.index not in aside], decided)
    for i in before.keys() - decided.keys():
        del roles[i]  # a horizon the series carries itself ("over the next three years")
    roles.update(decided)
    return roles


def plan_state(state: CalculationState, changes: list[str] | None = None):
    spec = spec_named(state.tool)
    assert spec is not None
    figures = [state_figure(item, i) for i, item in enumerate(state.figures)]
    roles: dict[int, str | tuple[str, ...]] = {}
    for i, item in enumerate(state.figures):
        if item.field:
            roles[i] = item.field
        elif len(item.fields) > 1:
            roles[i] = tuple(item.fields)
    ignored = frozenset(i for i, item in enumerate(state.figures) if item.ignored)
    horizon = figures[state.horizon] if state.horizon is not None and state.horizon < len(figures) else None
    calc, need = plan_figures(spec, state.text, figures, roles, horizon, ignored, state.settings)
    if calc.calls:  # the options the first message chose in words ("the average of the three"), as it was
        name, args = with_choices(spec, calc.calls[0], state.text)  # read alone; a what-if's choice stays
        calc.calls[0] = (name, {**args, **{k: v for k, v in state.settings.items() if k in args}})
    if need is not None and not calc.calls:  # asked before the plan got to them: the inputs already decided,
        for i, item in enumerate(state.figures):  # as decided ("16k → cost"), not "no input named next to it"
            if item.field and not item.ignored and i < len(calc.readings) and not calc.readings[i].roles:
                calc.readings[i].roles.append(item.field.replace("_", " "))
                calc.readings[i].note = ""
    continued = ContinuedCalculation(**{f.name: getattr(calc, f.name) for f in dataclasses.fields(Calculation)},
                                     changes=list(changes or []))
    return continued, need


def continue_state(state: CalculationState, changes: list[str]) -> tuple[Calculation, CalculationState]:
    """Plan the calculation again from its state; the state then holds its new question or args."""
    state = state.model_copy(deep=True)
    calc, need = plan_state(state, changes)
    if (state.need in {"part", "replace"} and state.pending is not None) or state.need in {"remove", "move"}:  # asked by the what-if
        calc.calls, calc.clarification = [], state.question
        return calc, state
    if need is not None:
        state.question, state.need, state.about, state.fields = need.clarification, need.kind, need.figure, need.fields
    else:
        state.question, state.need, state.about, state.fields = None, "", None, []
        state.call, state.args = calc.calls[0]
    return calc, first_result(state)
