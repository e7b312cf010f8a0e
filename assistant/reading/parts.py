"""The lines of a calculation's inputs as the user named them ("set-up 5k", "6000 for training"),
the line that words mean (by their own words or by embedding similarity), and the clarifying
questions that ask which line, part or input a figure or a removal is about (never guessed).
Used by reading/whatif.py (a change) and reading/replies.py (the answer to such a question).
"""

from __future__ import annotations

import re
from typing import Any, Callable

import numpy as np

from assistant.reading.calc_state import naming_content, reply_figure, spec_named, words_of
from assistant.reading.targets import GENERIC, compatible
from assistant.types import CalculationState, Clarification, FigureState
from knowledge.figures import Figure
from tools.spec import ToolSpec


# How near in meaning a removal's words must be to one line, and how much nearer than to any other.
MEANT_AT, MEANT_BY = 0.3, 0.1


def line_meant(state: CalculationState, said: str, embed: Callable[[list[str]], Any],
               among: list[int] | None = None) -> int | None:
    """The one line of the calculation that words said of it mean ("the onboarding sessions" for
    "team training 3k"), by embedding similarity with the line as the user named it and with its
    input's name (of the removable lines, or of the lines ``among``); None when no line is near
    enough, or two are about as near (then asked)."""
    clause = re.split(r"[,;.!?]|\s[-–—]\s", said, maxsplit=1)[0]
    words = [w for w in naming_content(re.findall(r"[a-z][a-z'/-]*", clause.lower()))
             if w not in GENERIC and not w.endswith("ly")]
    lines = removal_options(state) if among is None else [(i, part_label(state.figures[i])) for i in among]
    if not words or len(lines) < 2:
        return None
    texts = [" ".join(words)]
    for i, shown in lines:
        texts += [re.sub(r"[^A-Za-z' -]+", " ", shown).strip() or shown, state.figures[i].field.replace("_", " ")]
    vectors = np.asarray(embed(texts), dtype=float)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    near = [max(float(vectors[0] @ vectors[1 + 2 * n]), float(vectors[0] @ vectors[2 + 2 * n])) for n in range(len(lines))]
    ranked = sorted(near, reverse=True)
    if ranked[0] < MEANT_AT or ranked[0] - ranked[1] < MEANT_BY:
        return None
    return lines[near.index(ranked[0])][0]


def ask_input_for(state: CalculationState, pending: FigureState) -> CalculationState:
    """A figure read as a change that would change nothing as the calculation stands: which input
    it replaces is asked, with the calculation's inputs as options."""
    names = list(dict.fromkeys(x.field for i, x in enumerate(state.figures)
                               if x.field and not x.ignored and i != state.horizon))
    state = state.model_copy(deep=True)
    state.pending = pending
    labels = [name.replace("_", " ") for name in names]
    state.need, state.about, state.fields = "replace", None, names
    state.question = Clarification(
        question=f"I read {pending.figure['text'].strip()}, but as I have the calculation it would change nothing. "
                 f"Which input should it replace: the {' or the '.join(labels)}?", options=[f"the {x}" for x in labels])
    return state


def part_options(state: CalculationState, name: str) -> list[tuple[int, str]]:
    """The parts of input ``name`` (figure index, the part as the user named it: "set-up 5k")."""
    return [(i, part_label(item)) for i, item in enumerate(state.figures) if item.field == name and not item.ignored]


# Words that join a part to the one before it and name nothing ("… plus 6000 for training").
JOINERS = {"plus", "and", "then", "also", "another", "further", "extra", "additional", "more", "on", "top"}


def part_label(item: FigureState) -> str:
    """A figure as the user named it: "set-up cost 5k", "6000 for training" (its own words when
    short, else the two words nearest before it, or those after it when the words before only
    join it to the last)."""
    quote = re.split(r"[:;]", item.quote)[-1].strip(" ,.-–—")
    words = quote.split()
    while words and words[0].lower() in JOINERS:
        words.pop(0)
    if 1 < len(words) <= 5 and item.figure["text"].strip() in quote:
        return " ".join(words)
    naming = words_of(item)
    split = naming.index("|") if "|" in naming else len(naming)
    before = [w for w in naming_content(naming[:split]) if w not in JOINERS][-2:]
    if before:
        return f"{' '.join(before)} {item.figure['text']}".strip()
    after = naming_content(naming[split + 1:])[:3]
    return f"{item.figure['text']} {' '.join(after)}".strip()


def removal_options(state: CalculationState) -> list[tuple[int, str]]:
    """The lines a removal may take out (figure index, the line as the user named it)."""
    spec = spec_named(state.tool)
    lines = [i for i, item in enumerate(state.figures)
             if item.field and not item.ignored and i != state.horizon and item.figure.get("unit") in {"money", "count"}]
    gains = spec is not None and any(f.direction == "in" for f in spec.fields)  # a total cost: every line is a cost
    costs = [i for i in lines if gains and spec.field(state.figures[i].field).direction != "in"]
    return [(i, part_label(state.figures[i])) for i in costs or lines]


def ask_removal(state: CalculationState) -> CalculationState:
    """A removal that names no line ("and if it were free?"): which one is asked, never guessed."""
    options = [shown for _, shown in removal_options(state)]
    state.need, state.about, state.fields, state.pending = "remove", None, [], None
    state.question = Clarification(question="Which of these should I take out of the calculation?", options=options)
    return state


def ask_part(state: CalculationState, text: str, fig: Figure, role) -> CalculationState:
    """A what-if giving one figure for an input made of several parts, naming none of them:
    which part it replaces is asked, with the parts as options (all of them are never replaced)."""
    name = role if isinstance(role, str) else next(n for n in role if any(x.field == n for x in state.figures))
    state.pending = reply_figure(text, fig)
    return ask_which_part(state, name)


def ask_which_part(state: CalculationState, name: str) -> CalculationState:
    """Which part of input ``name`` the pending figure replaces, asked with the parts as options."""
    assert state.pending is not None
    state.pending.field = name
    options = [shown for _, shown in part_options(state, name)]
    state.need, state.about, state.fields = "part", None, [name]
    state.question = Clarification(
        question=f"The {name.replace('_', ' ')} has {len(options)} parts ({', '.join(options)}): which one "
                 f"is {state.pending.figure['text'].strip()}?", options=options)
    return state


def ask_unnamed(state: CalculationState, spec: ToolSpec, text: str, fig: Figure) -> CalculationState | None:
    """A what-if whose one figure names no line: which input (or which part of the one input it
    fits) it replaces is asked, never guessed; None when no input of the calculation fits it."""
    names = list(dict.fromkeys(x.field for i, x in enumerate(state.figures)
                               if x.field and not x.ignored and i != state.horizon and compatible(fig, x)
                               and not spec.field(x.field).horizon and not spec.field(x.field).sequence
                               and (x.figure.get("period") is None) == (fig.period is None)))
    if len(names) == 1 and len(part_options(state, names[0])) > 1:
        return ask_part(state, text, fig, names[0])
    return ask_input(state, text, fig, names) if names else None


def ask_input(state: CalculationState, text: str, fig: Figure, names: list[str]) -> CalculationState:
    """A change whose figure fits several inputs of the calculation equally: which one it
    replaces is asked (never guessed), with the inputs as options."""
    state.pending = reply_figure(text, fig)
    labels = [name.replace("_", " ") for name in names]
    state.need, state.about, state.fields = "replace", None, list(names)
    state.question = Clarification(question=f"Which input should {fig.text.strip()} replace: the {' or the '.join(labels)}?",
                                   options=[f"the {label}" for label in labels])
    return state


def replace_with_pending(state: CalculationState, index: int) -> str:
    """The figure at ``index`` replaced by the pending one (which keeps the old period when it
    says none, and the old figure's place); returns the line saying what changed."""
    assert state.pending is not None
    old, new = state.figures[index], state.pending
    if new.figure.get("period") is None and old.figure.get("period"):
        new.figure["period"] = old.figure["period"]
    new.figure["span"] = old.figure["span"]
    new.field, new.fields = old.field, []
    state.figures[index], state.pending, state.need = new, None, ""
    return f"{old.field.replace('_', ' ')}: {old.figure['text']} → {new.figure['text']}"
