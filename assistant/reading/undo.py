"""Back to the original figures after what-ifs ("back to the original numbers", "undo all the changes"):
the calculation's figures, horizon and choices as they were at its first result; what the rest
of the message changes ("… but over 5 years") is then changed on those (reading/dialogue.py).
One what-if taken back by the figure it gave ("forget the 5 years, back to 2") or by the line it
moved ("keep the new rent but go back to the old insurance", "hosting back to what it was")
restores that input only, as it was at the first result.
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import naming_content, same_word, spec_named, written_number
from assistant.reading.targets import GENERIC, name_score
from assistant.types import CalculationState
from knowledge.figures import read_figures

FIGURES = r"(?:numbers|figures|inputs|values|version|case|scenario|assumptions|ones|data|baseline|plan|setup|set-up)"
FIRST = r"(?:orig(?:inal)?|first|initial|starting|old|earlier|previous|beginning|base)"
# "back to the original (numbers)", "return to my first figures", "revert to the initial values", "the
# original numbers", "undo all the changes", "as it was at first"; not "back to the first one", which
# goes back to an earlier calculation of the conversation
UNDO = re.compile(
    rf"\b(?:(?:(?:go|going|went|get|come|switch|jump)\s+)?(?:back|return|returning|revert|reverting|reset|resetting)"
    rf"\s+(?:back\s+)?to\s+(?:the\s+|my\s+|our\s+|your\s+|those\s+|these\s+)?"
    rf"(?:original(?:\s+{FIGURES})?|{FIRST}\s+{FIGURES}|baseline|start|how it was|what (?:i|we) (?:had|said|gave)(?: at first| first| originally)?)"
    rf"|(?:the\s+)?orig(?:inal)?\s+{FIGURES}|restore\s+(?:the\s+|my\s+|our\s+)?{FIRST}(?:\s+{FIGURES})?"
    r"|undo\s+(?:all|everything|(?:all\s+)?(?:the\s+|my\s+|those\s+|these\s+)?(?:changes|what-?ifs))"
    r"|(?:scrap|drop|forget|ignore|discard)\s+(?:all\s+)?(?:the\s+|my\s+|those\s+|these\s+)?(?:changes|what-?ifs)"
    r"|as\s+(?:it|they)\s+(?:was|were)\s+(?:at\s+first|originally|to\s+begin\s+with))\b",
    re.IGNORECASE)


def first_result(state: CalculationState) -> CalculationState:
    """``state`` remembering its figures as they are now, when it has computed and remembers none."""
    if state.args is not None and not state.original:
        state.original = [item.model_copy(deep=True) for item in state.figures]
        state.original_horizon, state.original_settings = state.horizon, dict(state.settings)
    return state


def undone(state: CalculationState, text: str) -> tuple[CalculationState, list[str], str] | None:
    """The state back at its first result, the change line, and the rest of the message to read
    as a change of it; None when the message goes back to nothing or nothing is remembered."""
    match = UNDO.search(text)
    last = LAST_CHANGE.search(text)
    if match is None and last is not None and state.original and _only_the_last_change(state):
        match = last  # "undo that" after one what-if: the first figures, exactly
    if match is None and state.original:
        return _one_undone(state, text) or _line_undone(state, text) or _value_back(state, text)
    if match is None or not state.original:
        return None
    back = state.model_copy(deep=True)
    back.figures = [item.model_copy(deep=True) for item in state.original]
    back.horizon, back.settings = state.original_horizon, dict(state.original_settings)
    back.question, back.need, back.about, back.fields, back.pending = None, "", None, [], None
    rest = (text[: match.start()] + " " + text[match.end():]).strip()
    return back, ["back to your first figures"], rest


# "forget the 5 years", "scrap that 8k", "drop the 20%": a figure a what-if gave, taken back.
TAKEN_BACK = re.compile(r"\b(?:forget|scrap|drop|ignore|undo|cancel|never\s+mind)\s+(?:about\s+)?(?:the|that|those|this)\s+$",
                        re.IGNORECASE)
# "back to 2", "back to the 3 years": the first value named again.
BACK_TO = re.compile(r"\b(?:back|return|revert)\s+to\s+(?:the\s+)?$", re.IGNORECASE)


def _one_undone(state: CalculationState, text: str) -> tuple[CalculationState, list[str], str] | None:
    """The state with the one figure a what-if gave, which the message takes back by its value,
    as it was at the first result; None when no such figure, or several, are named."""
    figures = read_figures(text)
    taken = [f for f in figures if TAKEN_BACK.search(text[: f.span[0]])]
    if len(taken) != 1:
        return None
    fig = taken[0]
    moved = [i for i, item in enumerate(state.figures[: len(state.original)])
             if item != state.original[i] and item.figure.get("unit") == fig.unit
             and abs(item.figure["value"] - fig.value) < 1e-9]
    if len(moved) != 1:
        return None
    index = moved[0]
    back = state.model_copy(deep=True)
    first = state.original[index].model_copy(deep=True)
    back.figures[index] = first
    back.question, back.need, back.about, back.fields, back.pending = None, "", None, [], None
    spans = [fig.span]
    for other in figures:  # "back to 2": the first value said again, no new figure
        if other is not fig and BACK_TO.search(text[: other.span[0]]) and (
                written_number(first) == other.value or abs(first.figure["value"] - other.value) < 1e-9):
            spans.append(other.span)
    rest = text
    for start, end in sorted(spans, reverse=True):
        rest = rest[:start] + " " * (end - start) + rest[end:]
    label = (first.field or "figure").replace("_", " ")
    return back, [f"{label}: {state.figures[index].figure['text']} → {first.figure['text']} (as at first)"], rest


# "undo that", "scrap the last change", "forget that what-if": the change just made, taken back.
LAST_CHANGE = re.compile(r"\b(?:undo|revert|reverse|scrap|drop|forget|cancel|ignore|take\s+back)\s+"
                         r"(?:that|it|this|the\s+last\s+(?:change|one|what-?if)|my\s+last\s+(?:change|one)|"
                         r"that\s+(?:change|last\s+one|what-?if))\b(?!\s+[\d$€£])", re.IGNORECASE)


def _only_the_last_change(state: CalculationState) -> bool:
    """Do the figures differ from the first result's only where the last reply changed them (so
    the first figures are exactly the ones before that change)?"""
    if len(state.figures) < len(state.original) or state.horizon != state.original_horizon \
            or state.settings != state.original_settings:
        return False
    moved = {i for i, item in enumerate(state.figures) if i >= len(state.original) or item != state.original[i]}
    return bool(moved) and moved <= set(state.changed)


# "go back to the old maintenance cost", "revert to the original hosting fee", "restore the first
# licence price": one line named after the word for its first value; "the hosting back to what it
# was", "put the licence back to the original": one line named before "back to" what it was.
LINE_BACK = re.compile(rf"\b(?:back|return|returning|revert|reverting|reset|resetting|restore|restoring)\s+(?:back\s+)?"
                       rf"(?:to\s+)?(?:the\s+|my\s+|our\s+|your\s+)?{FIRST}\s+(?P<after>[a-z][a-z' -]*)", re.IGNORECASE)
BACK_AS_IT_WAS = re.compile(rf"(?P<before>[a-z][a-z' -]*?)\s+(?:goes\s+|going\s+|go\s+)?back\s+to\s+(?:what\s+(?:it|they)\s+"
                            rf"(?:was|were)|how\s+(?:it|they)\s+(?:was|were)|before|the\s+{FIRST}(?:\s+(?:value|figure|one|amount))?)\b",
                            re.IGNORECASE)


def _line_undone(state: CalculationState, text: str) -> tuple[CalculationState, list[str], str] | None:
    """The state with the one line a what-if moved, named by its words, as it was at the first
    result; None when the message names no such line, or several, or the line never moved."""
    spec = spec_named(state.tool)
    if spec is None:
        return None
    for pattern, group in ((LINE_BACK, "after"), (BACK_AS_IT_WAS, "before")):
        for match in pattern.finditer(text):
            said = [w for w in naming_content(re.findall(r"[a-z][a-z'/-]*", match.group(group).lower())) if w not in GENERIC]
            said = said[:3] if group == "after" else said[-3:]  # the words nearest the "back to"
            moved = [i for i, item in enumerate(state.figures[: len(state.original)])
                     if item != state.original[i] and not state.original[i].ignored and state.original[i].field]
            named = [i for i in moved if _names(said, state.original[i], spec)]
            if len(named) != 1:
                continue
            index = named[0]
            back = state.model_copy(deep=True)
            back.figures[index] = state.original[index].model_copy(deep=True)
            back.question, back.need, back.about, back.fields, back.pending = None, "", None, [], None
            rest = (text[: match.start()] + " " + text[match.end():]).strip()
            first = back.figures[index]
            label = (first.field or "figure").replace("_", " ")
            return back, [f"{label}: {state.figures[index].figure['text']} → {first.figure['text']} (as at first)"], rest
    return None


def _names(said: list[str], item, spec) -> bool:
    """Do the words name the line: its user's words, its input's name or one of the input's labels?"""
    labels = [x for x in spec.field(item.field).labels if " " not in x and len(x) > 3]
    return name_score(said, item) > 0 or any(same_word(w, x) or (len(x) > 3 and w.startswith(x))
                                             for w in said for x in [*item.field.split("_"), *labels])


def _value_back(state: CalculationState, text: str) -> tuple[CalculationState, list[str], str] | None:
    """The state with the one line a what-if moved whose first value the message goes back to by
    that value alone ("nah go back to 3" after "what if 5 yrs"), as it was at the first result;
    None when the value is no first value of a moved line, or of several."""
    for fig in read_figures(text):
        if not BACK_TO.search(text[: fig.span[0]]):
            continue
        moved = [i for i, item in enumerate(state.figures[: len(state.original)])
                 if item != state.original[i] and not state.original[i].ignored
                 and (state.original[i].field or i == state.original_horizon)
                 and (written_number(state.original[i]) == fig.value
                      or abs(state.original[i].figure["value"] - fig.value) < 1e-9)
                 and (fig.unit == "count" or fig.unit == state.original[i].figure.get("unit"))]
        if len(moved) != 1:
            return None
        index = moved[0]
        back = state.model_copy(deep=True)
        back.figures[index] = state.original[index].model_copy(deep=True)
        back.question, back.need, back.about, back.fields, back.pending = None, "", None, [], None
        rest = text[: fig.span[0]] + " " * (fig.span[1] - fig.span[0]) + text[fig.span[1]:]
        first = back.figures[index]
        label = (first.field or ("horizon" if index == state.original_horizon else "figure")).replace("_", " ")
        return back, [f"{label}: {state.figures[index].figure['text']} → {first.figure['text']} (as at first)"], rest
    return None
