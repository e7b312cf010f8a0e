"""A message read against the conversation: the answer to the open question of a calculation,
a change to the last calculation, or a message of its own.

A calculation in progress is a ``CalculationState`` (assistant/types.py) stored with the
assistant's turn: the calculator, every figure read so far with its role and the user's words it
came from, the open question and its options, and once computed its args. ``read_turn`` reads
the next message first as an answer to that question (an option by its words or number, a
period in any words, a bare figure, new figures that complete it), then as a change to the
calculation ("what if the set-up had cost 8k?" replaces the set-up part only; "same but over 5
years" the horizon; "drop the maintenance line" removes it); the calculation is then planned
again from the figures (``plan_figures`` in calculate.py). Nothing is rewritten: every figure
keeps the words of the message it came from, so "What I read" quotes only what the user wrote.

Anything else is a message of its own. ``resolve_follow_up`` is the seam for follow-ups that are
not calculations ("and for a jewellery shop?" adds to the previous question); the engine uses it
only when the previous turn was not a calculation.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.reading.calculate import (
    HORIZON_WORDS,
    UNITS_ACCEPTED,
    Calculation,
    asked_specs,
    horizon_in,
    assign,
    plan_figures,
    read_calculation,
)
from assistant.types import CalculationState, Clarification, FigureState
from knowledge.figures import MONTHS_IN, PERIOD_WORDS, Figure, read_figures
from knowledge.text import STOPWORDS, stem
from tools.registry import SPECS
from tools.spec import ToolSpec

FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|what if|now|same|redo|again|instead|also|ok(?:ay)?,?|then|but)\b",
    re.IGNORECASE,
)
# Words that say a message changes something already given ("what if…", "…instead", "again").
CHANGE_WORDS = re.compile(
    r"\b(?:if|instead|again|same|now|then|rather|actually|change|changed|make it|use|with|redo|try|say|"
    r"back to|not|only|sorry|correction)\b",
    re.IGNORECASE,
)
REMOVE = re.compile(r"\b(?:drop|remove|delete|exclude|without|leave out|take out|ignore|forget|skip)\b", re.IGNORECASE)
# A figure the message names as the value it replaces: "10000, not 20000", "instead of 20000".
OLD_VALUE = re.compile(r"(?:\bnot|\binstead of|\brather than|\bfrom)\s*$", re.IGNORECASE)
# Words that point back at figures already given ("the same cash flows", "those numbers").
REFERS_BACK = re.compile(r"\b(?:same|these|those|them|above|previous|earlier|again|that one|the first one)\b", re.IGNORECASE)
# A factor named in words ("double the reach", "halve the cost"), and "20% more/less".
MULTIPLIERS = {"double": 2.0, "doubled": 2.0, "doubles": 2.0, "twice": 2.0, "triple": 3.0, "tripled": 3.0,
               "treble": 3.0, "quadruple": 4.0, "halve": 0.5, "halved": 0.5, "half": 0.5}
MULTIPLIER = re.compile(r"\b(" + "|".join(MULTIPLIERS) + r")\b")
MORE = {"more", "higher", "bigger", "larger", "extra", "up", "increase", "increased"}
LESS = {"less", "lower", "smaller", "fewer", "down", "decrease", "decreased", "cheaper"}
# What links a figure to its restatement: "£25,000 is about $31,500", "40k = 45k", "25k → 31.5k".
RESTATES = re.compile(r"\s*(?:\bis|\bare|\bwould be|=|≈|~|→|->|\bequals)\s*(?:\babout|\broughly|\baround|"
                      r"\bapprox(?:imately)?|\bnow|\breally|\bactually)?\s*", re.IGNORECASE)
ONE_OFF = re.compile(r"\b(?:one[- ]?off|one[- ]?time|once|single|upfront|up[- ]front|lump)\b", re.IGNORECASE)
ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
LOW = {"low", "lowest", "lower", "minimum", "min", "bottom", "conservative", "cautious", "pessimistic", "smaller", "smallest"}
HIGH = {"high", "highest", "higher", "maximum", "max", "top", "optimistic", "upper", "bigger", "biggest", "largest"}
HEDGE = {"maybe", "perhaps", "possibly", "or"}
MIDDLE = {"middle", "mid", "midpoint", "average", "between", "centre", "center", "median"}
# Words of a what-if that name no input ("what if the set-up HAD cost…").
NOT_NAMES = {"what", "if", "would", "had", "been", "was", "were", "goes", "go", "went", "up", "down", "only", "instead",
             "now", "then", "same", "again", "actually", "say", "let", "lets", "let's", "be", "more", "less", "use"}
NAME_WINDOW = 12  # words before a figure that may name it ("…the licence is €1,000 a month")


@dataclass
class ContinuedCalculation(Calculation):
    """A calculation planned from the conversation's state, with what this message changed."""

    changes: list[str] = field(default_factory=list)

    def account_lines(self) -> list[str]:
        return [f"changed: {change}" for change in self.changes] + super().account_lines()


@dataclass
class DialogueTurn:
    """What a message does to the conversation's calculation: ``calculation`` is the one to answer
    with (None: read the message on its own), ``state`` the calculation to store with the answer."""

    calculation: Calculation | None = None
    state: CalculationState | None = None


def resolve_follow_up(question: str, previous: str | None) -> str:
    """The seam for follow-ups that are not calculations: the question to answer, with what a
    short follow-up ("and for a jewellery shop?") leaves open filled from the previous question."""
    if not previous or len(question) > 160 or not FOLLOW_UP.match(question):
        return question
    own = read_calculation(question)
    if own is not None and own.calls:
        return question  # a complete ask of its own: earlier turns add nothing
    tail = re.sub(FOLLOW_UP, "", question).strip(" ,?.")
    return f"{previous.rstrip(' ?.')} ({tail})?"


# ---- the state -----------------------------------------------------------------------------

def spec_named(name: str) -> ToolSpec | None:
    return next((spec for spec in SPECS if spec.name == name), None)


def _spec_of(calc: Calculation) -> ToolSpec | None:
    title = calc.titles[0] if calc.titles else ""
    return next((spec for spec in SPECS if spec.fields and spec.title == title), None)


def verbatim(text: str, fig: Figure) -> str:
    """The stretch of ``text`` the figure's context words stand in, as written (line breaks and
    double spaces kept), so a quote of it is the user's own words."""
    words = (fig.context or fig.text).split()
    if words:
        pattern = r"\s+".join(re.escape(word) for word in words)
        for match in re.finditer(pattern, text):
            if match.start() <= fig.span[0] < match.end() or len(words) == 1:
                return match.group(0)
        match = re.search(pattern, text)
        if match:
            return match.group(0)
    return text[fig.span[0]: fig.span[1]]


def _naming_words(text: str, fig: Figure, start: int) -> list[str]:
    """Content words that may name the figure: those since ``start`` (the previous figure of the
    same input) before it, nearest last, then its own words after it."""
    before = [w for w in re.findall(r"[a-z][a-z'/-]*", text[start: fig.span[0]].lower()) if w not in STOPWORDS]
    return before[-NAME_WINDOW:] + ["|"] + [w for w in fig.after if w not in STOPWORDS]


def _figure_state(text: str, fig: Figure, role: str | tuple[str, ...] | None, start: int = 0) -> FigureState:
    quote = verbatim(text, fig)
    data = dataclasses.asdict(fig)
    data["context"] = quote
    data["naming"] = _naming_words(text, fig, start)
    out = FigureState(figure=data, quote=quote)
    if isinstance(role, str):
        out.field = role
    elif isinstance(role, tuple):
        out.fields = list(role)
    return out


def _figure(item: FigureState, index: int) -> Figure:
    data = {k: v for k, v in item.figure.items() if k != "naming"}
    data["span"] = tuple(data.get("span") or (0, 0))
    fig = Figure(**data)
    fig.index = index
    fig.context = item.quote or fig.context
    return fig


def start_state(text: str, calc: Calculation) -> CalculationState | None:
    """The state of a calculation read from one message (its call, or its open question)."""
    spec = _spec_of(calc)
    if spec is None:
        return None
    figures = read_figures(text, value_words(spec))
    roles = assign(spec, figures)
    last_of: dict[str, int] = {}
    items = []
    for fig in figures:
        role = roles.get(fig.index)
        start = last_of.get(role, 0) if isinstance(role, str) else 0
        items.append(_figure_state(text, fig, role, start))
        if isinstance(role, str):
            last_of[role] = fig.span[1]
    found = horizon_in(figures, {i for i, role in roles.items() if role}, text)
    horizon = None
    if found is not None and found.index >= 0:
        horizon = found.index
    elif found is not None:  # "a year" in words: a figure of its own, quoting those words
        items.append(_word_figure(text, found.value, "duration", found.text))
        horizon = len(items) - 1
    state = CalculationState(tool=spec.name, text=text, figures=items, horizon=horizon)
    _, need = _plan(state)
    if calc.clarification is not None and not calc.calls:
        state.question = calc.clarification
        if need is not None:
            state.need, state.about, state.fields = need.kind, need.figure, need.fields
        else:
            state.need = "check"
    elif calc.calls:
        state.call, state.args = calc.calls[0]
    return state


def value_words(spec: ToolSpec | None) -> dict[str, float] | None:
    """The words the spec's inputs take as values ("impact medium" → 1), as ``read_calculation``
    reads them, so the state holds every input the message gave."""
    return {word: value for f in spec.fields for word, value in f.value_words} or None if spec else None


def _plan(state: CalculationState, changes: list[str] | None = None):
    spec = spec_named(state.tool)
    assert spec is not None
    figures = [_figure(item, i) for i, item in enumerate(state.figures)]
    roles: dict[int, str | tuple[str, ...]] = {}
    for i, item in enumerate(state.figures):
        if item.field:
            roles[i] = item.field
        elif len(item.fields) > 1:
            roles[i] = tuple(item.fields)
    ignored = frozenset(i for i, item in enumerate(state.figures) if item.ignored)
    horizon = figures[state.horizon] if state.horizon is not None and state.horizon < len(figures) else None
    calc, need = plan_figures(spec, state.text, figures, roles, horizon, ignored, state.settings)
    continued = ContinuedCalculation(**{f.name: getattr(calc, f.name) for f in dataclasses.fields(Calculation)},
                                     changes=list(changes or []))
    return continued, need


def continue_state(state: CalculationState, changes: list[str]) -> tuple[Calculation, CalculationState]:
    """Plan the calculation again from its state; the state then holds its new question or args."""
    state = state.model_copy(deep=True)
    calc, need = _plan(state, changes)
    if state.need == "part" and state.pending is not None:  # asked by the what-if itself: which part
        calc.calls, calc.clarification = [], state.question
        return calc, state
    if need is not None:
        state.question, state.need, state.about, state.fields = need.clarification, need.kind, need.figure, need.fields
    else:
        state.question, state.need, state.about, state.fields = None, "", None, []
        state.call, state.args = calc.calls[0]
    return calc, state


# ---- reading a message against the state -----------------------------------------------------

def read_turn(text: str, state: CalculationState | None) -> DialogueTurn:
    """What ``text`` does to the conversation's calculation ``state`` (see the module's doc)."""
    if state is None or spec_named(state.tool) is None:
        return DialogueTurn()
    own = read_calculation(text)
    others = [spec.name for spec in asked_specs(text) if spec.name != state.tool]
    if own is None and others and not any(spec.name == state.tool for spec in asked_specs(text)):
        return carried_over(text, state, None)  # "the NPV of the same flows": no figure of its own but a rate
    if own is not None:
        spec = _spec_of(own)
        if spec is not None and spec.name != state.tool:
            return carried_over(text, state, own)  # another calculator: of the same figures?
        if own.calls:
            # complete on its own: a new calculation, unless it is worded as a change of this one
            # and gives fewer figures than it ("what would the TCO be if the software were €10k?")
            used = sum(1 for item in state.figures if item.field and not item.ignored)
            if state.question is not None or not CHANGE_WORDS.search(text) or len(read_figures(text)) >= used:
                return DialogueTurn()
            continued = change(state, text)
            if continued is None:
                return DialogueTurn()
            calc, new_state = continue_state(*continued)
            return DialogueTurn(calc, new_state)
    continued = answer_question(state, text) if state.question is not None else None
    if continued is None:  # new figures that complete it, or a change to it
        continued = change(state, text, answering=state.question is not None)
    if continued is None:
        return DialogueTurn()
    new_state, changes = continued
    calc, new_state = continue_state(new_state, changes)
    return DialogueTurn(calc, new_state)


def carried_over(text: str, state: CalculationState, own: Calculation | None) -> DialogueTurn:
    """Another calculator asked of the figures already given ("ok then the NPV of the same cash
    flows at 9%"): when the message alone lacks inputs and refers back, it is read together with
    the message the calculation started from (each figure keeps its own message's words)."""
    if (own is not None and own.calls) or not REFERS_BACK.search(text) or not state.text:
        return DialogueTurn()
    joined = f"{state.text}\n{text}"
    calc = read_calculation(joined, ask_text=text)
    if calc is None or not calc.calls:
        return DialogueTurn()
    return DialogueTurn(calc, start_state(joined, calc))


def _content(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and w not in NOT_NAMES and w != "|"]


def _same_word(a: str, b: str) -> bool:
    if a == b or stem(a) == stem(b):
        return True
    return len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]


def option_chosen(options: list[str], text: str) -> int | None:
    """Which option a reply picks: by number ("option 2", "the second", "2"), by position words
    for a range ("the low one", "the middle"), or by the words it shares with one option."""
    if not options:
        return None
    lowered = text.lower()
    number = re.search(r"\b(?:option|number|no\.?|#|choice)\s*(\d+)\b", lowered) or re.fullmatch(r"\s*(\d)\s*[.!]?\s*", lowered)
    if number and 1 <= int(number.group(1)) <= len(options):
        return int(number.group(1)) - 1
    tokens = re.findall(r"[a-z0-9][a-z0-9'/-]*", lowered)
    for token in tokens:
        if token in ORDINALS and ORDINALS[token] < len(options):
            return ORDINALS[token]
    if "last" in tokens:
        return len(options) - 1
    if all(read_figures(option) for option in options) and len(options) >= 2:  # values: a range's ends
        if LOW & set(tokens):
            return 0
        if HIGH & set(tokens):
            return len(options) - 1
        if MIDDLE & set(tokens) and len(options) == 3:
            return 1
    said = _content(tokens)
    scores = []
    for option in options:
        words = _content(re.findall(r"[a-z0-9][a-z0-9'/-]*", option.lower()))
        scores.append(sum(any(_same_word(w, s) for s in said) for w in words))
    best = max(scores)
    if best > 0 and scores.count(best) == 1:
        return scores.index(best)
    return None


def _period_in(text: str) -> str | None:
    """'month', 'year'… or 'one-off' when a reply says how often an amount is paid."""
    found = {PERIOD_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in PERIOD_WORDS}
    if ONE_OFF.search(text) and not found:
        return "one-off"
    return found.pop() if len(found) == 1 else None


def _reply_figure(text: str, fig: Figure) -> FigureState:
    return _figure_state(text, fig, None)


def _word_figure(text: str, value: float, unit: str, shown: str) -> FigureState:
    """A figure a reply gives in words ("the yearly one" → 12 months): its quote is the reply."""
    quote = text.strip()
    fig = Figure(value=value, unit=unit, span=(0, len(text)), text=shown, context=quote)  # type: ignore[arg-type]
    return FigureState(figure=dataclasses.asdict(fig), quote=quote)


def answer_question(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """The state with the open question answered by ``text``, or None when it is no answer."""
    assert state.question is not None
    state = state.model_copy(deep=True)
    options = state.question.options
    figures = read_figures(text, value_words(spec_named(state.tool)))
    about = state.figures[state.about] if state.about is not None and state.about < len(state.figures) else None
    kind = state.need
    picked = _range_end(state, text)
    if picked is not None:
        return picked
    if kind == "role" and about is not None:
        if any(f.unit in {"money", "count"} and (f.scaled or f.unit == "money" or f.value >= 100) for f in figures):
            return None  # "40k is the gain, 25k is what we paid": figures with their roles, read as such
        chosen = option_chosen(options, text)
        if chosen is None:
            return None
        option = options[chosen].lower()
        if option.startswith("not part") or option in {"no", "neither", "none"}:
            about.ignored, about.field, about.fields = True, "", []
            return state, [f"{about.figure['text']}: not part of this calculation"]
        name = next((f for f in state.fields if f.replace("_", " ") in option), None)
        if name is None:
            return None
        about.field, about.fields = name, []
        return state, [f"{about.figure['text']}: the {name.replace('_', ' ')}"]
    if kind == "period" and about is not None:
        chosen = option_chosen(options, text)
        period = _period_in(options[chosen]) if chosen is not None else _period_in(text)
        if period is None:
            return None
        if period == "one-off":
            spec = spec_named(state.tool)
            one_off = next((f.name for f in spec.fields if f.unit == "money" and f.period is None), None) if spec else None
            if one_off is None:
                return None
            about.field = one_off
            return state, [f"{about.figure['text']}: one-off, so the {one_off.replace('_', ' ')}"]
        about.figure["period"] = period
        return state, [f"{about.figure['text']}: per {period}"]
    if kind == "horizon":
        durations = [f for f in figures if f.unit == "duration"]
        if not durations and any(f.unit == "money" or (f.unit == "count" and (f.period or f.scaled)) for f in figures):
            return None  # new amounts ("we expect 5k profit each month"): they complete it, not a horizon
        if durations:
            item = _reply_figure(text, durations[0])
        else:
            chosen = option_chosen(options, text)
            period = _period_in(text)
            if chosen is not None and read_figures(options[chosen]):
                fig = read_figures(options[chosen])[0]
                item = _word_figure(text, fig.value, "duration", options[chosen])
            elif period in MONTHS_IN and period != "day":
                item = _word_figure(text, MONTHS_IN[period], "duration", f"one {period}")
            else:
                return None
        state.figures.append(item)
        state.horizon = len(state.figures) - 1
        return state, [f"counted over {item.figure['text']}"]
    if kind == "range" and about is not None:
        chosen = option_chosen(options, text)
        if chosen is not None:
            value = read_figures(options[chosen])
            new_value = value[0].value if value else None
        else:
            new_value = figures[0].value if len(figures) == 1 else None
        if new_value is None:
            return None
        was = about.figure["text"]
        scale = 1.0
        about.figure.update(value=new_value * scale, high=None, text=f"{was} (you chose {_fmt(new_value)})")
        return state, [f"{was} → {_fmt(new_value)}"]
    if kind == "part" and state.pending is not None and state.fields:
        chosen = option_chosen(options, text)
        parts = _part_options(state, state.fields[0])
        if chosen is None or chosen >= len(parts):
            return None
        index = parts[chosen][0]
        old, new = state.figures[index], state.pending
        if new.figure.get("period") is None and old.figure.get("period"):
            new.figure["period"] = old.figure["period"]
        new.figure["span"] = old.figure["span"]
        state.figures[index], state.pending = new, None
        return state, [f"{parts[chosen][1]}: {old.figure['text']} → {new.figure['text']}"]
    if kind == "which" and about is not None:
        chosen = option_chosen(options, text)
        if chosen is None:
            return None
        name = state.fields[0] if state.fields else about.field
        parts = [item for item in state.figures if item.field == name and not item.ignored]
        if chosen >= len(parts):
            return None
        for i, item in enumerate(parts):
            if i != chosen:
                item.ignored = True
        return state, [f"{name.replace('_', ' ')}: {parts[chosen].figure['text']}"]
    return None


def _alternatives(state: CalculationState) -> list[tuple[int, int | None]]:
    """Figures the user gave as the ends of a range or as alternatives for one input: a range
    ("50-70k": (i, None)), or two figures in a row that are hedged alike ("maybe 50k maybe 70k"),
    joined ("between 30 and 40k") or offered as "or", with at most one input between them."""
    items = state.figures
    out: list[tuple[int, int | None]] = [(i, None) for i, item in enumerate(items)
                                         if item.figure.get("high") is not None and not item.ignored]
    for i in range(len(items) - 1):
        a, b = items[i].figure, items[i + 1].figure
        if items[i].ignored or items[i + 1].ignored or a.get("unit") == "duration" or b.get("unit") == "duration":
            continue
        fields = {items[i].field, items[i + 1].field} - {""}
        if len(fields) > 1 or a.get("unit") == "percent" != (b.get("unit") == "percent"):
            continue
        before_a, before_b = a.get("before") or [], b.get("before") or []
        hedged = bool(HEDGE & set(before_a[-2:])) and bool(HEDGE & set(before_b[-2:]))
        joined = b.get("joined") and before_a[-1:] == ["between"]
        if hedged or joined or before_b[-1:] == ["or"]:
            out.append((i, i + 1))
    return out


def _range_end(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """A reply choosing an end of the range the user gave, in words ("take the low one", "the top
    of the range", "go with the middle"): the chosen value fills the input, the other is set aside."""
    tokens = set(re.findall(r"[a-z]+", text.lower()))
    end = "low" if LOW & tokens else "high" if HIGH & tokens else "middle" if MIDDLE & tokens else None
    groups = _alternatives(state)
    if end is None or len(groups) != 1 or read_figures(text):
        return None
    state = state.model_copy(deep=True)
    i, j = groups[0]
    item = state.figures[i]
    if j is None:  # one figure holding both ends
        low, high = item.figure["value"], item.figure["high"]
        value = low if end == "low" else high if end == "high" else (low + high) / 2
        was = item.figure["text"]
        item.figure.update(value=value, high=None, text=f"{was} (you chose {_fmt(value)})")
        return state, [f"{(item.field or 'figure').replace('_', ' ')}: {was} → {_fmt(value)}"]
    a, b = state.figures[i], state.figures[j]
    if end == "middle":
        return None
    small, large = sorted((a, b), key=lambda x: x.figure["value"])
    if end == "low" and not small.figure.get("scaled") and large.figure.get("scaled"):
        return None  # "between 30 and 40k": the low end's scale is not written; ask rather than guess
    chosen, other = (small, large) if end == "low" else (large, small)
    chosen.field = chosen.field or other.field or _only_free_field(state, chosen)
    chosen.fields = []
    other.ignored, other.field, other.fields = True, "", []
    label = (chosen.field or "figure").replace("_", " ")
    return state, [f"{label}: {small.figure['text']} to {large.figure['text']} → {chosen.figure['text']}"]


def _only_free_field(state: CalculationState, item: FigureState) -> str:
    """The input a one-off amount the user has just confirmed fills when only one is left: the one
    empty money input without a period ("between 30 and 40k" → the up-front cost), or ""."""
    spec = spec_named(state.tool)
    if spec is None or item.figure.get("unit") not in {"money", "count"} or item.figure.get("period"):
        return ""
    filled = {x.field for x in state.figures if x.field and not x.ignored}
    free = [f.name for f in spec.fields if f.unit == "money" and f.period is None and f.name not in filled]
    return free[0] if len(free) == 1 else ""


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.4f}".rstrip("0").rstrip(".")


def _words_of(item: FigureState) -> list[str]:
    naming = item.figure.get("naming")
    if naming is None:
        naming = list(item.figure.get("before") or []) + ["|"] + list(item.figure.get("after") or [])
    return naming


def _name_score(new_words: list[str], item: FigureState) -> float:
    """How well the words around a new figure name an old one: its naming words, nearest first."""
    naming = _words_of(item)
    split = naming.index("|") if "|" in naming else len(naming)
    before, after = naming[:split], naming[split + 1:]
    score = 0.0
    for distance, word in enumerate(reversed(_content(before)), 1):
        if any(_same_word(word, w) for w in new_words):
            score += 1.0 / distance
    for distance, word in enumerate(_content(after), 1):
        if any(_same_word(word, w) for w in new_words):
            score += 0.5 / distance
    return score


def _compatible(new: Figure, item: FigureState) -> bool:
    old_unit = item.figure.get("unit")
    if new.unit == old_unit:
        return True
    return {new.unit, old_unit} <= {"money", "count"} or {new.unit, old_unit} <= {"duration", "count"}


def change(state: CalculationState, text: str, answering: bool = False) -> tuple[CalculationState, list[str]] | None:
    """The state with the inputs ``text`` names changed, removed or added (one message's figures
    replace exactly the figures they name), or None when it changes nothing of it."""
    spec = spec_named(state.tool)
    if spec is None:
        return None
    state = state.model_copy(deep=True)
    figures = read_figures(text, value_words(spec))
    old_values = [f for f in figures if OLD_VALUE.search(text[max(0, f.span[0] - 14): f.span[0]])
                  and any(f2.span[0] < f.span[0] for f2 in figures)]
    old_values += restated(state, text, figures, old_values)
    news = [f for f in figures if f not in old_values]
    changes: list[str] = []
    if REMOVE.search(text) and not news:
        said = _content(re.findall(r"[a-z][a-z'/-]*", text[REMOVE.search(text).end():].lower()))
        scores = [(_name_score(said, item) + sum(_same_word(w, item.field.replace("_", " ").split()[0]) for w in said)
                   if not item.ignored and item.field else 0.0) for item in state.figures]
        best = max(scores, default=0.0)
        if best > 0 and scores.count(best) == 1:
            item = state.figures[scores.index(best)]
            item.ignored = True
            return state, [f"{item.field.replace('_', ' ')}: {item.figure['text']} → removed"]
        return None
    scaled = _scaled(state, text, news)
    if scaled is not None:
        return scaled if scaled[1] else None  # no change: a factor it would have to guess
    settings = _settings_named(state, text)
    for name, (was, value) in settings.items():
        changes.append(f"{name.replace('_', ' ')}: {was} → {value}")
        state.settings[name] = value
    if not news:
        return (state, changes) if changes else None
    if not answering and not CHANGE_WORDS.search(text) and not asked_specs(text):
        if not all(assign(spec, news).get(f.index) for f in news):
            return None  # figures that name no input of this calculation, in a message that changes nothing
    roles = assign(spec, news)
    for fig in list(news):  # "40k is the gain": the figure already given, now with its role
        role = roles.get(fig.index)
        same = [item for item in state.figures if not item.ignored and not item.field
                and item.figure.get("unit") in {"money", "count"} and abs(item.figure["value"] - fig.value) < 1e-9]
        if isinstance(role, str) and len(same) == 1:
            same[0].field, same[0].fields = role, []
            changes.append(f"{same[0].figure['text']}: the {role.replace('_', ' ')}")
            news.remove(fig)
    if not news:
        return state, changes
    used = {i for i, item in enumerate(state.figures) if not item.ignored and (item.field or item.fields)}
    taken: set[int] = set()
    for fig in news:
        target = _target(state, spec, fig, roles.get(fig.index), old_values, used - taken, text)
        if target is None:
            return None
        if target == "part" and len(news) == 1:
            return _ask_part(state, text, fig, roles.get(fig.index)), changes
        if target == "part":
            return None
        if isinstance(target, int):
            taken.add(target)
            old = state.figures[target]
            new = _reply_figure(text, fig)
            if fig.period is None and old.figure.get("period") and fig.unit != "duration":
                new.figure["period"] = old.figure["period"]  # "what if saving is only 3 000?" keeps "per month"
            new.figure["span"] = old.figure["span"]  # its place among the figures (records are read in order)
            new.field = old.field or (old.fields[0] if len(old.fields) == 1 else "")
            new.fields = [] if new.field else list(old.fields)
            label = (new.field or "figure").replace("_", " ")
            changes.append(f"{label}: {old.figure['text']} → {fig.text.strip()}")
            state.figures[target] = new
        elif target == "every":
            name = roles.get(fig.index)
            for i, old in enumerate(state.figures):
                if old.field == name and not old.ignored:
                    new = _reply_figure(text, fig)
                    new.field = name
                    new.figure["span"], new.figure["index"] = old.figure["span"], old.figure["index"]  # its record's place
                    changes.append(f"{name.replace('_', ' ')}: {old.figure['text']} → {fig.text.strip()}")
                    state.figures[i] = new
        elif target == "horizon":
            new = _reply_figure(text, fig)
            if state.horizon is not None and state.horizon < len(state.figures):
                old = state.figures[state.horizon]
                changes.append(f"horizon: {old.figure['text']} → {fig.text.strip()}")
                state.figures[state.horizon] = new
            else:
                state.figures.append(new)
                state.horizon = len(state.figures) - 1
                changes.append(f"counted over {fig.text.strip()}")
        else:
            new = _reply_figure(text, fig)
            new.field = target
            state.figures.append(new)
            changes.append(f"{target.replace('_', ' ')}: added {fig.text.strip()}")
    return state, changes


def _scaled(state: CalculationState, text: str, news: list[Figure]) -> tuple[CalculationState, list[str]] | None:
    """An input changed by a factor the message names in words: "double the reach", "halve the
    cost", "with 20% more gain" (the input is the one its words name best, all its parts)."""
    lowered = text.lower()
    factor, rest = None, lowered
    word = MULTIPLIER.search(lowered)
    if word and not news:
        factor, rest = MULTIPLIERS[word.group(1)], lowered[word.end():]
    elif len(news) == 1 and news[0].unit == "percent" and news[0].after[:1] and news[0].after[0] in MORE | LESS:
        sign = 1 if news[0].after[0] in MORE else -1
        factor, rest = 1 + sign * news[0].value / 100, " ".join(news[0].after[1:])
    if factor is None:
        return None
    said = _content(re.findall(r"[a-z][a-z'/-]*", rest)) or _content(re.findall(r"[a-z][a-z'/-]*", lowered))
    scores = {}
    for item in state.figures:
        if item.field and not item.ignored and item.field not in scores:
            label = item.field.replace("_", " ").split()
            scores[item.field] = sum(any(_same_word(w, s) for s in said) for w in label)
    best = max(scores.values(), default=0)
    names = [name for name, score in scores.items() if score == best]
    if best == 0 or len(names) != 1:
        return None
    if word is None and any(x.field == names[0] and x.figure.get("unit") == "percent" for x in state.figures):
        return state, []  # "20% more confidence": 20 points or a fifth more? Not guessed
    changes = []
    for i, item in enumerate(state.figures):
        if item.field == names[0] and not item.ignored:
            value = item.figure["value"] * factor
            unit = item.figure.get("unit") or "count"
            new = _word_figure(text, value, unit, _fmt(value) + ("%" if unit == "percent" else ""))
            for key in ("period", "currency", "span", "index"):
                new.figure[key] = item.figure.get(key)
            new.field = item.field
            changes.append(f"{item.field.replace('_', ' ')}: {item.figure['text']} → {new.figure['text']}")
            state.figures[i] = new
    return state, changes


def _part_options(state: CalculationState, name: str) -> list[tuple[int, str]]:
    """The parts of input ``name`` (figure index, the part as the user named it: "set-up 5k")."""
    out = []
    for i, item in enumerate(state.figures):
        if item.field == name and not item.ignored:
            before = _words_of(item)[: _words_of(item).index("|")] if "|" in _words_of(item) else []
            words = _content(before)[-2:]
            out.append((i, f"{' '.join(words)} {item.figure['text']}".strip()))
    return out


def _ask_part(state: CalculationState, text: str, fig: Figure, role) -> CalculationState:
    """A what-if giving one figure for an input made of several parts, naming none of them:
    which part it replaces is asked, with the parts as options (all of them are never replaced)."""
    name = role if isinstance(role, str) else next(n for n in role if any(x.field == n for x in state.figures))
    options = [shown for _, shown in _part_options(state, name)]
    pending = _reply_figure(text, fig)
    pending.field = name
    state.pending = pending
    state.need, state.about, state.fields = "part", None, [name]
    state.question = Clarification(
        question=f"The {name.replace('_', ' ')} has {len(options)} parts ({', '.join(options)}): which one "
                 f"is {fig.text.strip()}?", options=options)
    return state


def restated(state: CalculationState, text: str, figures: list[Figure], old_values: list[Figure]) -> list[Figure]:
    """Figures a message names as the old value it restates: "the £25,000 is about $31,500" (a
    figure equal to one of the calculation's, linked to the next figure by a short "is")."""
    out = []
    for fig, nxt in zip(figures, figures[1:]):
        between = text[fig.span[1]: nxt.span[0]].lower()
        if fig in old_values or not RESTATES.fullmatch(between):
            continue
        if any(not item.ignored and item.figure.get("unit") == fig.unit and abs(item.figure["value"] - fig.value) < 1e-9
               and item.figure.get("currency") == fig.currency for item in state.figures):
            out.append(fig)
    return out


def _target(state: CalculationState, spec: ToolSpec, fig: Figure, role, old_values: list[Figure],
            free: set[int], text: str) -> int | str | None:
    """Which old figure ``fig`` replaces (its index), "horizon", an input to add it to, or None."""
    if old_values:  # "10000, not 20000": the figure holding the old value
        matches = [i for i in free if any(abs(state.figures[i].figure["value"] - o.value) < 1e-9 for o in old_values)]
        if matches:
            lowered = text.lower()
            return max(matches) if re.search(r"\blast\b", lowered) else min(matches)
    asks = {w for ask in spec.asks for w in ask.lower().split()}  # "payback" names the calculator, not an input
    new_words = [w for w in _content(fig.before + fig.after) if w not in asks]
    scores = {}
    for i in free:
        item = state.figures[i]
        if _compatible(fig, item):
            score = _name_score(new_words, item)
            if score and (item.figure.get("period") is None) == (fig.period is None):
                score += 0.1  # "9k/month" is more likely the monthly figure than the one-off one
            scores[i] = score
    best = max(scores.values(), default=0.0)
    named = [i for i, score in scores.items() if score == best]
    if best > 0 and len(named) == 1:
        return named[0]
    field_name = role if isinstance(role, str) else None
    if isinstance(role, tuple):
        present = [name for name in role if any(state.figures[i].field == name for i in free)]
        field_name = present[0] if len(present) == 1 else None
    if fig.unit == "duration" and (field_name is None or spec.field(field_name).unit != "duration"):
        if state.horizon is not None or HORIZON_WORDS & set(fig.before[-3:]):
            return "horizon"
    if field_name is not None:
        parts = [i for i in free if state.figures[i].field == field_name]
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return field_name
        same_period = [i for i in parts if state.figures[i].figure.get("period") == fig.period]
        if len(same_period) == 1:
            return same_period[0]
        if spec.records:
            return "every"  # "redo the RICE with effort 6": every project's effort
        return "part" if spec.field(field_name).summed else None  # which part: asked, never all of them
    fitting = [i for i in free if state.figures[i].field and fig.unit in UNITS_ACCEPTED[spec.field(state.figures[i].field).unit]
               and state.figures[i].figure.get("unit") == fig.unit
               and (state.figures[i].figure.get("period") is None) == (fig.period is None)]
    if len({state.figures[i].field for i in fitting}) == 1 and len(fitting) == 1:
        return fitting[0]
    return None


def _settings_named(state: CalculationState, text: str) -> dict[str, tuple[Any, Any]]:
    """Schema inputs of the last call chosen in words, each as (before, after): an enum value
    named in the message ("use the mean instead" → aggregate: (product, mean))."""
    called = spec_named(state.call) if state.call else None
    if called is None:
        return {}
    schema = called.json_schema()
    defs = schema.get("$defs", {})
    words = set(re.findall(r"[a-z][a-z_-]*", text.lower()))
    out: dict[str, Any] = {}
    for name, prop in schema.get("properties", {}).items():
        ref = prop.get("$ref", "").split("/")[-1]
        values = prop.get("enum") or defs.get(ref, {}).get("enum") or []
        current = (state.args or {}).get(name, prop.get("default"))
        # "the mean instead of the product": the value named that is not the current one
        named = [v for v in values if isinstance(v, str) and v.lower() in words and v != current]
        if len(named) == 1:
            out[name] = (state.settings.get(name, current), named[0])
    return out
