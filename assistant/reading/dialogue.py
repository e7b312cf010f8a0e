"""A message read against the conversation: the answer to the open question of a calculation,
a change to the last calculation, or a message of its own.

A calculation in progress is a ``CalculationState`` (assistant/types.py) stored with the
assistant's turn: the calculator, every figure read so far with its role and the user's words it
came from, the open question and its options, and once computed its args. ``read_turn`` reads
the next message first as an answer to that question (an option by its words or number, a
period in any words, a bare figure, new figures that complete it), then as a change to the
calculation ("what if the set-up had cost 8k?" replaces the set-up part only; "same but over 5
years" the horizon; "drop the maintenance line" removes it; "what if Search had confidence 0.9"
that project's confidence only); the calculation is then planned again from the figures
(``plan_figures`` in calculate.py). A reply that is neither is asked the question again, with its
options: the calculation is never dropped silently. A reply that answers and also changes
another figure ("over 3 yrs, and the training was 8k, not 5k") does both. A figure said again
("the 1k is per month") is computed again as described (reading/restated.py), a length of time
moved ("one more year?") moves it (reading/lengths.py), and "back to the original numbers"
restores the first result (reading/undo.py), or one what-if taken back by its figure ("forget
the 5 years, back to 2") that input only. A reply giving the test group or project the question
lacked is read with the first message as one; another calculator asked "on that" or "… then?"
takes the figures just computed, and "against the total you just calculated" the last total cost
(reading/earlier_result.py). A message about another subject ("the ROI of a
different tool: 8k", reading/subjects.py) takes none of the old figures. Nothing is rewritten:
every figure keeps the words of the message it came from, so "What I read" quotes only what the
user wrote.

Anything else is a message of its own. ``resolve_follow_up`` is the seam for follow-ups that are
not calculations ("and for a jewellery shop?" adds to the previous question); the engine uses it
only when the previous turn was not a calculation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.reading.calc_state import figure_state, spec_named, value_words, verbatim
from assistant.reading.calculate import Calculation, asked_specs, assign, read_calculation
from assistant.reading.replies import answer_question, choose_figure, fill_missing, option_chosen, parallel
from assistant.reading.earlier_result import (
    held_lines_named,
    rates_carried,
    result_figure,
    said_again_blanked,
    without_pointer,
)
from assistant.reading.lengths import longer, moved_by
from assistant.reading.goal_seek import goal_sought
from assistant.reading.restated import meant_otherwise, netting, restatement
from assistant.reading.second_project import another_project
from assistant.reading.targets import record_groups
from assistant.reading.subjects import GOES_BACK, NEW_SUBJECT, REFERS_BACK, other_subject
from assistant.reading.state_plan import (
    ContinuedCalculation,
    continue_state,
    plan_state as _plan,
    spec_of as _spec_of,
    start_state,
)
from assistant.reading.undo import undone
from assistant.reading.parts import ask_input_for
from assistant.reading.whatif import CHANGE_WORDS, WHAT_IF, change
from assistant.types import CalculationState, Clarification
from assistant.reading.about_figures import asks_about_a_figure
from knowledge.figures import Figure, read_figures
from tools.spec import ToolSpec

__all__ = ["ContinuedCalculation", "DialogueTurn", "continue_state", "option_chosen", "read_conversation", "read_turn",
           "resolve_follow_up", "start_state", "verbatim"]

FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|what if|now|same|redo|again|instead|also|ok(?:ay)?,?|then|but)\b",
    re.IGNORECASE,
)


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


def read_conversation(text: str, states: list[CalculationState], embed=None) -> DialogueTurn:
    """What ``text`` does to the conversation's calculations (latest first): the latest one, or
    an earlier one the message goes back to ("back to the chatbot idea: ease is really a 7").
    ``embed`` (texts → vectors) finds a line named in other words than the user's first ones."""
    turn = read_turn(text, states[0] if states else None, embed)
    if turn.calculation is None and GOES_BACK.search(text):
        for state in states[1:]:
            earlier = read_turn(text, state, embed)
            if earlier.calculation is not None:
                return earlier
    return turn


def read_turn(text: str, state: CalculationState | None, embed=None) -> DialogueTurn:
    """What ``text`` does to the conversation's calculation ``state`` (see the module's doc)."""
    second = another_project(text, state) if state is not None else None
    if second is not None:  # "now the same for project B: …": its own figures, the frame kept if said
        return DialogueTurn(*second)
    if state is None or spec_named(state.tool) is None or _new_subject(text) or other_subject(text, state):
        return DialogueTurn()  # "ROI of another tool: it cost 50k": nothing of the last one carries over
    back = _back_to_first(state, text)
    if back is not None:  # "back to the original numbers (but over 5 years)"
        return back
    sought = goal_sought(state, text) if state.question is None else None
    if sought is not None:  # "what monthly saving would I need to pay it back in a year?": explained, asked
        calc = ask_again_with(state.model_copy(update={"question": sought}))
        return DialogueTurn(calc, state)
    asked = without_pointer(text, state)  # "the ROI vs that TCO": the TCO is what it builds on, not what it asks
    own = read_calculation(asked)
    others = [spec.name for spec in asked_specs(asked) if spec.name != state.tool]
    if own is None and others and not any(spec.name == state.tool for spec in asked_specs(asked)):
        return with_test_rates(text, state, None, spec_named(others[0])) \
            or carried_over(text, state, None)  # "the NPV of the same flows": no figure of its own but a rate
    if own is not None:
        spec = _spec_of(own)
        if spec is not None and spec.name != state.tool:  # another calculator: on the total just given?
            return with_test_rates(text, state, own, spec) or with_earlier_result(text, state, own) \
                or with_held_lines(text, state, own) \
                or carried_over(text, state, own)  # of the same figures?
        if not own.calls and _asked_afresh(text, state, own):  # "TCO for the chatbot, setup 8k, licence 300/mo"
            return DialogueTurn()  # after another TCO: a calculation of its own, its length asked
        if own.calls:
            # complete on its own: a new calculation, unless it is worded as a change of this one
            # and gives fewer figures than it ("what would the TCO be if the software were €10k?")
            used = sum(1 for item in state.figures if item.field and not item.ignored)
            if state.question is not None or not CHANGE_WORDS.search(text) or len(read_figures(text)) >= used \
                    or (state.call and own.calls[0][0] != state.call):  # "now one with ICE instead": a score of its own
                return DialogueTurn()
            continued = change(state, text)
            if continued is None:
                return DialogueTurn()
            calc, new_state = continue_state(*continued)
            return DialogueTurn(*only_what_moved(state, calc, new_state))
    each = each_value(state, text)
    if each is not None:  # "and at 2,000, 2,500 or 3,000 a month?": one result per value
        return each
    more = more_records(state, text)
    if more is not None:  # "the variant had 9,800 visitors and 350 orders": the group the question lacked
        return more
    # "how does that compare with the first one?": a question of its own, no pick of the first option
    continued = answer_question(state, text) if state.question is not None and not _asks_its_own(text) else None
    if continued is not None:  # "over 3 yrs. oh and the training was 8k, not 5k": the rest changes too
        continued = also_changed(state, text, continued)
    known = [item.figure["value"] for item in state.figures] + [
        v for v in (state.args or {}).values() if isinstance(v, (int, float)) and not isinstance(v, bool)]
    quoted = read_figures(text)
    if continued is None and quoted and own_question(text) and all(any(abs(f.value - v) < 1e-9 for v in known) for f in quoted):
        # "so it never earns the 80k back - should we drop it?": about the calculation, no change;
        # but a value of one line given to another ("the cart emails are more like a 9 on ease,
        # does that change the ranking?") moves that line, and the question asks for the result
        pointed = any(re.search(r"\b(?:the|that|this|those|these|your|our)\s*$", text[: f.span[0]], re.IGNORECASE)
                      for f in quoted)  # "the 20,000": the figure held, pointed at, not a new value
        continued = None if state.question is not None or pointed else _moved(change(state, text, embed=embed))
        if continued is None:
            return DialogueTurn()
    if continued is None and state.question is None:  # "the 1k is per month": said again, as it is meant
        continued = netting(state, text) or restatement(state, text) or longer(state, text) \
            or meant_otherwise(state, text)  # or "one more year?", "that was per week, not per month"
    if continued is None:  # new figures that complete it, or a change to it
        continued = change(state, text, answering=state.question is not None and not own_question(text), embed=embed)
    if continued is None and state.question is not None and looks_like_a_reply(text, state):
        return DialogueTurn(ask_again(state, text), state)  # not placed: asked again, never dropped silently
    if continued is None:
        return DialogueTurn()
    new_state, changes = continued
    calc, new_state = continue_state(new_state, changes)
    calc, new_state = _same_option_again(state, text, calc, new_state)
    calc, new_state = only_what_moved(state, calc, new_state)
    new_state.changed = [i for i, item in enumerate(new_state.figures)
                         if i >= len(state.figures) or item != state.figures[i]]
    if calc.calls and state.args is not None and calc.calls[0] == (state.call, state.args) and \
            len(new_state.figures) > len(state.figures) and any(": added " in line for line in changes):
        # a figure taken as a new input the calculation does not use: the old result again would be wrong
        asked = ask_input_for(state, new_state.figures[len(state.figures)])
        return DialogueTurn(ask_again_with(asked), asked)
    unused = [i for i in range(len(state.figures), len(new_state.figures))
              if i < len(calc.readings) and not calc.readings[i].used and not new_state.figures[i].ignored
              and i != new_state.horizon]
    if calc.calls and unused and new_state.figures[unused[0]].figure.get("unit") in {"percent", "money", "count"}:
        # a figure the reply gave that the calculation does not use: a result without it would be wrong
        asked = ask_input_for(state, new_state.figures[unused[0]])
        return DialogueTurn(ask_again_with(asked), asked)
    return DialogueTurn(calc, new_state)


# What separates values listed as alternatives: "2,000, 2,500 or 3,000", "9k / 12k", "2.000 oder 3.000".
LISTED = re.compile(r"\s*(?:,\s*(?:(?:or|oder|ou|o)\s+)?|/|\s(?:or|oder|ou|o)\s)\s*", re.IGNORECASE)


def values_listed(text: str) -> list[tuple[int, int]]:
    """The spans of values a message lists as alternatives for one input ("2,000, 2,500 or 3,000
    a month"): two or more amounts of one unit in a row, the last joined by "or" (in the message's
    language), none but the last with words of its own; [] when there is no such list."""
    figures = read_figures(text)
    for start in range(len(figures) - 1):
        run = [figures[start]]
        for fig in figures[start + 1:]:
            if not LISTED.fullmatch(text[run[-1].span[1]: fig.span[0]]) or fig.unit != run[0].unit:
                break
            run.append(fig)
        joined = re.search(r"\b(?:or|oder|ou|o)\b", text[run[-2].span[1]: run[-1].span[0]], re.IGNORECASE) \
            if len(run) >= 2 else None
        if joined and run[0].unit in {"money", "count"} and all(f.period is None for f in run[:-1]):
            return [f.span for f in run]
    return []


def each_value(state: CalculationState, text: str) -> DialogueTurn | None:
    """Several what-ifs in one message: one value listed per alternative for one input after a
    result ("and at 2,000, 2,500 or 3,000 a month?"), each computed as the change of that input
    alone; the first is the state the conversation goes on from. None when there is no such list,
    or a value changes nothing or another input than the first."""
    spans = values_listed(text)
    if not spans or state.question is not None or state.args is None:
        return None
    first: tuple[Calculation, CalculationState] | None = None
    for pick in range(len(spans)):
        moved = change(state, text, one_of=(spans, pick))
        if moved is None or not any(" → " in line for line in moved[1]):
            return None
        calc, new_state = continue_state(*moved)
        calc, new_state = only_what_moved(state, calc, new_state)
        if not calc.calls or calc.calls[0][0] != state.call:
            return None
        if first is None:
            first = (calc, new_state)
            continue
        moved_keys = {k for k, v in calc.calls[0][1].items() if state.args.get(k) != v}
        if moved_keys != {k for k, v in first[0].calls[0][1].items() if state.args.get(k) != v}:
            return None  # the values move different inputs: not one list of alternatives
        first[0].calls.append(calc.calls[0])
        first[0].titles.append(calc.titles[0] if calc.titles else "")
        first[0].changes.append(f"also computed with {text[spans[pick][0]: spans[pick][1]]}")
    assert first is not None
    return DialogueTurn(*first)


def _asked_afresh(text: str, state: CalculationState, own: Calculation) -> bool:
    """Does ``text`` ask for the calculator of the result just given again, with figures of its
    own for every input that result used but its length of time, in no words of a change ("TCO
    for the kiosk: install 6k, support 200 a month" after another TCO)? Then it is a calculation
    of its own that the message alone leaves incomplete: what it lacks is asked, and none of the
    old figures (the old horizon included) carries over. A message that gives some of the lines
    only ("TCO with the install at 9k") is a change of the result."""
    spec = spec_named(state.tool)
    if spec is None or state.question is not None or state.args is None or CHANGE_WORDS.search(text) \
            or WHAT_IF.match(text) or not any(named.name == state.tool for named in asked_specs(text)):
        return False
    fresh = start_state(text, own)
    if fresh is None:
        return False
    held = {item.field for item in state.figures if item.field and not item.ignored and not spec.field(item.field).horizon}
    given = {item.field for item in fresh.figures if item.field and not item.ignored}
    return len(given) >= 2 and held <= given


def _new_subject(text: str) -> bool:
    """Words that start a calculation of another thing ("another tool"), other than "another"
    before an amount in any writing ("another eighteen thousand", "another 5k": a part added)."""
    starts = {f.span[0] for f in read_figures(text)}
    return any(not (m.group(0).lower() == "another" and re.match(r"\s*", text[m.end():]).end() + m.end() in starts)
               for m in NEW_SUBJECT.finditer(text))


def _moved(changed: tuple[CalculationState, list[str]] | None) -> tuple[CalculationState, list[str]] | None:
    """A change that moves a figure to another value (a line "old → new"), else None: a figure
    said again as it is ("as you describe it now") or a question asked changes nothing."""
    if changed is None or not any(" → " in line and not line.endswith("→ removed") for line in changed[1]):
        return None
    return changed


def _back_to_first(state: CalculationState, text: str) -> DialogueTurn | None:
    """The calculation back at its first result, with what the rest of the message changes on it;
    None when the message does not go back, or its change cannot be read (then read as usual)."""
    back = undone(state, text)
    if back is None:
        return None
    restored, lines, rest = back
    continued: tuple[CalculationState, list[str]] | None = (restored, [])
    if read_figures(rest) or moved_by(rest) is not None:
        continued = longer(restored, rest) or change(restored, rest, answering=True)
    if continued is None:
        return None
    calc, new_state = continue_state(continued[0], lines + continued[1])
    if not calc.calls:
        return None
    return DialogueTurn(calc, new_state)


def also_changed(state: CalculationState, text: str,
                 answered: tuple[CalculationState, list[str]]) -> tuple[CalculationState, list[str]]:
    """The answered state with what the rest of the reply changes: figures of the reply that the
    answer did not take and the calculation does not hold yet are read as a change of it (the
    figures the answer took are blanked out, the old values it names stay, for "8k, not 5k"; the
    missing input given, "4 years. And the basket is 65, not 60", too)."""
    new_state, lines = answered
    if state.need not in {"horizon", "period", "role", "which", "range", "missing"}:
        return answered  # an answer made of several figures (a rate of exchange): all its own
    figures = read_figures(text, value_words(spec_named(state.tool)))
    given = [item.figure["value"] for i, item in enumerate(new_state.figures)
             if i >= len(state.figures) or item != state.figures[i]]
    held = [item.figure["value"] for item in state.figures]
    options = len(state.question.options) if state.question else 0
    taken = [f for f in figures if any(abs(f.value - v) < 1e-9 for v in given)
             or (f.unit == "count" and not (f.scaled or f.period or f.currency) and f.value in range(1, options + 1))]
    rest = [f for f in figures if f not in taken and not any(abs(f.value - v) < 1e-9 for v in held)]
    if not rest:
        return answered
    blanked = text
    for fig in taken:
        blanked = blanked[: fig.span[0]] + " " * (fig.span[1] - fig.span[0]) + blanked[fig.span[1]:]
    more = change(new_state, blanked, answering=True)
    if more is None or not more[1]:
        return _role_of_the_rest(new_state, text, rest, lines)
    return more[0], lines + more[1]


def _role_of_the_rest(state: CalculationState, text: str, rest: list[Figure],
                      lines: list[str]) -> tuple[CalculationState, list[str]]:
    """The answered state, with the first amount of the reply that no input took ("monthly, plus
    300 a year support") held as a figure of several possible inputs, so its role is asked next:
    a figure the user gave is never dropped under a result."""
    spec = spec_named(state.tool)
    amounts = [f for f in rest if f.unit == "money" or (f.unit == "count" and (f.period or f.scaled))]
    names = [f.name for f in spec.fields if f.unit == "money" and not f.sequence] if spec is not None else []
    if not amounts or len(names) < 2:
        return state, lines
    state = state.model_copy(deep=True)
    item = figure_state(text, amounts[0], tuple(names))
    state.figures.append(item)
    return state, lines + [f"{amounts[0].text.strip()}: which input, asked"]


def _same_option_again(state: CalculationState, text: str, calc: Calculation,
                       new_state: CalculationState) -> tuple[Calculation, CalculationState]:
    """An option picked for one input ("option 2") picks the same option for the next input
    given in parallel with it (each quote a set-up fee and a monthly fee): not asked again."""
    while state.need == "which" and new_state.need == "which" and state.fields and new_state.fields \
            and new_state.fields[0] != state.fields[0] and parallel(new_state, state.fields[0], new_state.fields[0]):
        picked = option_chosen(state.question.options if state.question else [], text)
        chosen = choose_figure(new_state.model_copy(deep=True), picked) if picked is not None else None
        if chosen is None:
            break
        state = new_state
        calc, new_state = continue_state(chosen[0], [*getattr(calc, "changes", []), *chosen[1]])
    return calc, new_state


def only_what_moved(state: CalculationState, calc: Calculation,
                    new_state: CalculationState) -> tuple[Calculation, CalculationState]:
    """The new call with the last computed call's args wherever the change moved nothing.

    The state is planned again from its figures; where that reads an untouched input otherwise
    than the message it came from did (a share, a margin, a table of flows the one-message reader
    worked out), the input stays as first computed: the args that differ between the old state
    planned again and the new one are the ones the change moved, and only those are taken. A
    moved list that cannot be matched item by item with the old one is asked about, not guessed."""
    if not calc.calls or state.args is None or not state.call:
        return calc, new_state
    name, args = calc.calls[0]
    before, _need = _plan(state)
    if not before.calls or before.calls[0][0] != name or state.call != name or before.calls[0][1] == state.args:
        return calc, new_state  # planned again, the old state gives what it gave: the new call stands as planned
    merged = _moved_onto(state.args, before.calls[0][1], args)
    if merged is None:
        asked = new_state.model_copy(deep=True)
        asked.question = Clarification(
            question="I read some of your first message's figures differently when I plan the calculation again, "
                     "so I would rather not guess what this changes. Could you give the figures again, with the change?")
        asked.need, asked.about, asked.fields = "check", None, []
        calc.calls, calc.clarification = [], asked.question
        return calc, asked
    calc.calls[0] = (name, merged)
    new_state.args = merged
    return calc, new_state


def _moved_onto(first: object, before: object, after: object) -> object | None:
    """``first`` with what differs between ``before`` and ``after`` taken from ``after``: dicts
    key by key, lists of the same length item by item; None where a moved value cannot be placed."""
    if _alike(before, after):
        return first
    if isinstance(first, dict) and isinstance(before, dict) and isinstance(after, dict):
        out = {}
        for key in first.keys() | after.keys():
            if key not in after:
                if key not in before:
                    out[key] = first[key]  # read the first time only: it stays
                continue  # removed by the change
            if key not in first and key in before:
                if _alike(before[key], after[key]):
                    continue  # planned again it reads an input the first result did not use: it stays out
                return None  # the change moves an input the first result counted inside another: not guessed
            if key not in first or key not in before:
                out[key] = after[key]
                continue
            moved = _moved_onto(first[key], before[key], after[key])
            if moved is None:
                return None
            out[key] = moved
        return out
    if isinstance(first, list) and isinstance(before, list) and isinstance(after, list):
        if _alike(first, before):
            return after
        if len(first) == len(before) == len(after):
            items = [_moved_onto(f, b, a) for f, b, a in zip(first, before, after)]
            return None if any(item is None for item in items) else items
        return None
    return after if _alike(first, before) else None  # moved, but first read otherwise: not guessed


def _alike(a: object, b: object) -> bool:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))
    return a == b


def ask_again_with(state: CalculationState) -> ContinuedCalculation:
    """The calculation planned from ``state`` with no call, asking ``state``'s question."""
    calc, _need = _plan(state)
    calc.calls, calc.clarification = [], state.question
    return calc


# Words that end or acknowledge a turn; a reply made of them only is not an attempt to answer.
COURTESY = {"thanks", "thank", "you", "ok", "okay", "great", "cool", "fine", "bye", "cheers", "nice", "good",
            "perfect", "sure", "alright", "never", "mind", "nevermind", "forget", "it", "that"}


# A message that opens as a question of its own, with or without its question mark ("btw what's
# model drift", "and how do we measure it").
ASKS = re.compile(r"^\W*(?:(?:btw|by the way|and|also|ok(?:ay)?|so|but|unrelated|quick question)\W+)*"
                  r"(?:what|what's|whats|how|why|when|which|who|where|can|could|should|would|is|are|does|do|tell|explain)\b",
                  re.IGNORECASE)


def own_question(text: str) -> bool:
    """Does ``text`` end on a question of its own about the calculation ("so it never earns the 80k
    back - does that mean we should drop it?"), not a what-if nor a calculator asked for? Its
    figures then point back at the calculation's; they are no answer to the open question."""
    last = re.split(r"(?<=[.!?;])\s+|\s+[-–—]+\s+", text.strip())[-1]
    return text.rstrip().endswith("?") and bool(ASKS.match(last)) and not WHAT_IF.match(last) and not asked_specs(last)


def _asks_its_own(text: str) -> bool:
    """Is ``text`` a question of its own in a sentence ("and how does that compare with the first
    one?", "which of the two pays back sooner?"), with no figure: no answer to the open question,
    though it names an option ("the first one") or a word of one?"""
    return own_question(text) and len(text.split()) >= 5 and not read_figures(text)


# A reply that leaves the figure asked for to the advisor: "whatever is typical", "the usual for
# a shop our size", "you pick", "up to you", "use an industry average".
LEAVES_IT = re.compile(r"\b(?:whatever(?:'s| is)?\s+(?:typical|usual|normal|standard|common|average|reasonable)"
                       r"|(?:the\s+)?(?:typical|usual|normal|standard)\s+(?:one|figure|value|number|for)\b"
                       r"|(?:industry|market|sector)\s+(?:average|norm|standard|benchmark)"
                       r"|you\s+(?:pick|choose|decide|tell me)|up to you|your call)", re.IGNORECASE)


def leaves_it_to_us(text: str) -> bool:
    """Does a short reply with no figure leave the figure asked for to the advisor ("whatever is
    typical for a fashion shop", "you pick")? The advisor has no figure of the user's to take:
    the question is asked again, and no typical value is invented."""
    return bool(LEAVES_IT.search(text)) and not read_figures(text) and len(text.split()) <= 14


def looks_like_a_reply(text: str, state: CalculationState) -> bool:
    """Is ``text`` meant as the answer to the open question, though it could not be placed? A
    short message with no question of its own, or a few words with figures in them; a question
    ("how does CLV relate to …?") or a longer message is read on its own."""
    words = re.findall(r"[a-z0-9][a-z0-9'%.,/-]*", text.lower())
    if leaves_it_to_us(text):  # "whatever is typical for a shop like ours": no figure, never one invented
        return True
    if not words or text.rstrip().endswith("?") or set(words) <= COURTESY or ASKS.match(text):
        return False
    if len(words) <= 6:
        return True
    return len(words) <= 15 and bool(read_figures(text, value_words(spec_named(state.tool))))


def ask_again(state: CalculationState, text: str) -> ContinuedCalculation:
    """The open question again, saying the reply could not be placed, with the same options."""
    calc, _need = _plan(state)
    asked = state.question
    assert asked is not None
    quoted = " ".join(text.split())
    quoted = quoted if len(quoted) <= 60 else quoted[:57].rstrip() + "…"
    calc.calls = []
    opening = (f"I would rather not assume a typical figure for you (“{quoted}”): the calculation needs yours."
               if leaves_it_to_us(text) else f"I could not place “{quoted}” as an answer.")
    calc.clarification = Clarification(
        question=f"{opening} {asked.question}"
                 + (" You can pick one of the options." if asked.options else ""), options=list(asked.options))
    return calc


def more_records(state: CalculationState, text: str) -> DialogueTurn | None:
    """A reply that gives the records (test groups, projects) an open question lacks: the first
    message and the reply read as one, as if written together (each figure keeps its own
    message's words), when that computes what the first message alone could not; else None."""
    spec = spec_named(state.tool)
    figures = read_figures(text, value_words(spec)) if spec is not None else []
    if spec is None or not spec.records or not state.text or not figures:
        return None
    if state.question is None or state.args is not None:  # after a result: a whole project of its own only
        roles = assign(spec, figures)
        if len({role for role in roles.values() if isinstance(role, str)}) < 2:
            return None
    said = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}
    for name, _members in record_groups(state, spec):
        if {w.lower() for w in re.findall(r"[^\W\d_]{3,}", name)} & said:
            return None  # "control had 11,000 visitors": a record given before, changed (read as a change)
    joined = f"{state.text}\n{text}"
    calc = read_calculation(joined, ask_text=state.text)
    if calc is None or not calc.calls or calc.calls[0][0] != state.tool:
        return None
    if state.args is not None and len(_records_in(calc.calls[0][1])) <= len(_records_in(state.args)):
        return None  # no project more than before: a change, read as one
    new_state = start_state(joined, calc)
    return DialogueTurn(calc, new_state) if new_state is not None else None


def _records_in(args: dict) -> list:
    return next((v for v in args.values() if isinstance(v, list) and v and isinstance(v[0], dict)), [])


def with_earlier_result(text: str, state: CalculationState, own: Calculation) -> DialogueTurn | None:
    """Another calculator on the total the last one gave ("the ROI of 160k savings against the
    total you just calculated"): the total fills its cost input (reading/earlier_result.py), the
    message's own figures the rest; None when the message points at no such total."""
    spec = _spec_of(own)
    placed = result_figure(text, state, spec) if spec is not None else None
    new_state = start_state(text, own) if placed is not None else None
    if placed is None or new_state is None:
        return None
    item, line = placed
    if any(fig.field == item.field and not fig.ignored for fig in new_state.figures):
        return None  # a cost of its own as well: not guessed whether the total is added to it
    for fig in new_state.figures:  # a figure that was the cost or another input: now the other one
        if not fig.field and item.field in fig.fields:
            rest = [name for name in fig.fields if name != item.field]
            fig.field, fig.fields = (rest[0], []) if len(rest) == 1 else ("", rest)
    new_state.figures.append(item)
    new_state.question, new_state.need, new_state.about, new_state.fields = None, "", None, []
    calc, new_state = continue_state(new_state, [line])
    return DialogueTurn(calc, new_state)


def with_test_rates(text: str, state: CalculationState, own: Calculation | None,
                    spec: ToolSpec | None) -> DialogueTurn | None:
    """A new test planned from the one just analysed ("n per group to detect that uplift?", "the
    variant's rate as the new baseline"): the groups' rates fill the rates the message points at
    (reading/earlier_result.py), its own figures the rest; None when it points at none."""
    new_state = start_state(text, own) if own is not None else None
    if spec is None or (own is not None and new_state is None):
        return None
    if new_state is None:
        new_state = CalculationState(tool=spec.name, text=text)
    filled = {item.field for item in new_state.figures if item.field and not item.ignored}
    placed = rates_carried(text, state, spec, sorted(filled))
    if placed is None:
        return None
    items, lines = placed
    new_state.figures.extend(items)
    new_state.question, new_state.need, new_state.about, new_state.fields = None, "", None, []
    calc, new_state = continue_state(new_state, lines)
    return DialogueTurn(calc, new_state)


def with_held_lines(text: str, state: CalculationState, own: Calculation) -> DialogueTurn | None:
    """Another calculator whose message says an amount net or gross of a line of the last
    calculation and gives no figure for it ("saves 2k a month before the hosting, how many months
    to pay back the set-up?"): read with the message the calculation started from, each figure
    with its own message's words, the figures it points back at ("the 14k set-up") counted once.
    None when it names no such line (then it is a calculation of its own)."""
    spec = _spec_of(own)
    if spec is None or not state.text or not held_lines_named(text, state):
        return None
    joined = f"{state.text}\n{said_again_blanked(text, state)}"
    calc = read_calculation(joined, ask_text=text)
    if calc is None or _spec_of(calc) is not spec:
        return None
    new_state = start_state(joined, calc)
    return DialogueTurn(calc, new_state) if new_state is not None else None


# A calculator asked of what was just computed: "the payback on that?"; with a figure of its own,
# "the NPV at 8% then?" (without one, "what's a good payback period then?" asks about the idea).
ON_THAT = re.compile(r"\b(?:on|of|for|from)\s+(?:that|it|this)\b(?!\s+\w)", re.IGNORECASE)
THEN = re.compile(r"\bthen\s*[?.!]*\s*$", re.IGNORECASE)


# A short message that asks for another calculator and gives no amount: "payback?", "and the IRR?",
# "cool, and what's that as an ROI over two years", "how many months to break even then?".
ASKS_ONLY = 80  # characters: longer messages say more than "that one too"
OPENER = re.compile(r"^\W*(?:(?:cool|great|nice|thanks|thank you|ok(?:ay)?|right|so|and|now|then)\b\W*)*", re.IGNORECASE)
AS_ANOTHER = re.compile(r"\b(?:that|this)\s+(?:as|in)\b", re.IGNORECASE)  # "what's that as an ROI"
FILLERS = {"the", "a", "an", "what", "whats", "what's", "is", "its", "it's", "then", "too", "pls", "please", "now"}


def _just_asks(text: str) -> bool:
    """Does ``text`` only ask another calculator of what was just computed (no amount of its own,
    no question about what a figure is worth)? Read with the first message's figures then:
    "payback?", "and the IRR?", "what's that as an ROI over two years", "… break even then?";
    not "what is ROI?" (what it is), nor "what's a good payback then?" (what a figure is worth)."""
    if len(text) > ASKS_ONLY or asks_about_a_figure(text):
        return False
    if any(f.unit == "money" or (f.unit == "count" and (f.scaled or f.currency)) for f in read_figures(text)):
        return False  # an amount of its own: a calculation of its own
    rest = OPENER.sub("", text).strip(" ?!.")
    named = asked_specs(rest)
    if not named:
        return False
    names = "|".join(re.escape(a) for spec in named for a in sorted(spec.asks, key=len, reverse=True))
    leftover = re.findall(r"[a-z']+", re.sub(rf"\b(?:{names})\b", " ", rest.lower()))
    opened = bool(OPENER.match(text).group(0).strip(" "))  # "and the IRR?", "ok, payback then"
    return not leftover or (opened and all(w in FILLERS for w in leftover)) or bool(AS_ANOTHER.search(rest)) \
        or bool(THEN.search(text))


def _new_ask_wins(state: CalculationState, start: int) -> bool:
    """In a message read with the one the calculation started from (joined at ``start``), an input
    the new message gives a figure for takes that figure only: the first message's figures for it
    are set aside ("ROI for year one: savings 21k" after "saves 1,750/month" is 21k, not both).
    Whether any was set aside."""
    spec = spec_named(state.tool)
    given = {item.field for item in state.figures
             if item.field and not item.ignored and (item.figure.get("span") or (0,))[0] >= start}
    moved = False
    for item in state.figures:
        if item.field in given and not item.ignored and (item.figure.get("span") or (start,))[0] < start \
                and spec is not None and not spec.field(item.field).sequence:
            item.ignored, moved = True, True
    return moved


def carried_over(text: str, state: CalculationState, own: Calculation | None) -> DialogueTurn:
    """Another calculator asked of the figures already given ("ok then the NPV of the same cash
    flows at 9%"): when the message alone lacks inputs and refers back, it is read together with
    the message the calculation started from (each figure keeps its own message's words)."""
    points = REFERS_BACK.search(text) or ON_THAT.search(text) or (
        read_figures(text) and (FOLLOW_UP.match(text) or THEN.search(text))) or _just_asks(text)  # "ok now as a 3-year TCO"
    if (own is not None and own.calls) or not points or not state.text:
        return DialogueTurn()
    joined = f"{state.text}\n{text}"
    calc = read_calculation(joined, ask_text=text)
    if calc is None:
        return DialogueTurn()
    new_state = start_state(joined, calc)
    if new_state is not None and _new_ask_wins(new_state, len(state.text) + 1):
        calc, new_state = continue_state(new_state, [])
    if calc.calls and new_state is not None and any(f.unit == "duration" for f in read_figures(text)):
        for i, item in enumerate(new_state.figures):  # what the other calculator does not use stays out of it
            if i < len(calc.readings) and not calc.readings[i].used and i != new_state.horizon:
                item.ignored = True
        moved = change(new_state, text, answering=True)  # "ok now as a 3-year TCO": the length it says now
        if moved is not None and moved[1]:
            calc, new_state = continue_state(*moved)
    if calc.calls or new_state is None:
        return DialogueTurn(calc, new_state) if calc.calls else DialogueTurn()
    filled = fill_missing(new_state, len(state.text) + 1)  # "… with 9%": the rate no label named
    if filled:
        calc, new_state = continue_state(new_state, [])
    return DialogueTurn(calc, new_state)  # computed, or its one question: never a dead end
