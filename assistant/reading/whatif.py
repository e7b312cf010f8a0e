"""A change to the conversation's calculation: "what if the set-up had cost 8k?" replaces the
set-up part only, "same but over 5 years" the horizon, "drop the maintenance line" or "if the
training were free" removes it, "double the reach" scales the input it names, "the first-year
return is 15,000" changes that period of the flows only; a figure for an input of several parts
that names none of them asks which part (all of them are never replaced), as does a removal that
names no line. Which old figure a new one names is found by reading/targets.py; a move by a factor or
an amount by reading/moves.py; one period of a series by reading/periods.py; the questions that ask
which line or part by reading/parts.py.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable

from assistant.reading.calc_state import (
    names_by_number,
    naming_content,
    reply_figure,
    same_word,
    spec_named,
    value_words,
)
from assistant.reading.calculate import asked_specs, assign
from assistant.reading.targets import (
    GENERIC,
    SPECIAL_TARGETS,
    alternative_to,
    compatible,
    corrects,
    name_score,
    of_record,
    record_groups,
    records_named,
    target_of,
)
from assistant.types import CalculationState, FigureState
from knowledge.figures import PERIOD_WORDS, Figure, read_figures
from tools.spec import ToolSpec
from assistant.reading.cents import with_cents
from assistant.reading.moves import SHARE_WORDS, SHARES, delta, moves_by, points_moved, scale, scaled
from assistant.reading.parts import ask_input, ask_part, ask_removal, ask_unnamed, line_meant
from assistant.reading.periods import (
    MONTHS_PER,
    ONE_PERIOD,
    ORDINAL_WORDS,
    last_period_removed,
    one_period,
    period_named,
    until_period,
)

# Words that say a message changes something already given ("what if…", "…instead", "again").
CHANGE_WORDS = re.compile(
    r"\b(?:if|instead|again|same|now|then|rather|actually|change|changed|make it|use|with|redo|try|say|would|"
    r"back to|not|only|sorry|correction)\b",
    re.IGNORECASE,
)


REMOVE = re.compile(r"\b(?:drop|remove|delete|exclude|without|leave out|take out|ignore|forget|skip|scrap|ditch|cancel|"
                    r"get rid of|cross (?:off|out)|strike (?:off|out)|(?:take|leave|cut|keep)\s+(?:[a-z'-]+\s+){1,3}?out"
                    r"|(?:no longer|won'?t|don'?t|do not|will not|doesn'?t|does not)\s+(?:need|pay)"
                    r"|(?:isn'?t|is not|aren'?t|are not|not|no longer)\s+(?:needed|necessary|required)"
                    # a line someone else pays: "the training is covered by the vendor"
                    r"|(?:is|are|gets?|will be)\s+covered\s+by(?!\s+(?:the\s+|our\s+)?[\d$€£])"
                    # a line that goes: "the agency part is falling away", "the hosting goes away"
                    r"|(?:falls?|falling|fell|goes|going|went|gone) away)\b"
                    # a line that costs nothing any more: "if the vendor gave the training for free?"
                    r"|\b(?:free(?! up\b)|at no cost|at no charge|no charge|waived?|for nothing|costs? nothing)\b",
                    re.IGNORECASE)


# Words that add a figure as one more part of an input rather than replace one ("what if we
# also paid 3k a year for hosting", "plus 2k on top for training").
# Words that add a part: "also", "plus", "on top"; "forgot to mention …"; "too" ending the clause
# ("there's a 4k integration fee too"; not "8 is too optimistic").
ADDS = re.compile(r"\b(?:also|add|adding|plus|on top|as well|in addition|another|forgot(?:\s+to\s+(?:mention|say|add))?)\b"
                  r"|\btoo\s*[.!?]*\s*$", re.IGNORECASE)


ADD_VERBS = {"add", "adds", "added", "adding"}


# A verb that gives a line its new value, just before the figure: "the licence goes up to 8k",
# "the software becomes 12.000", "hosting is now 400".
SETS_TO = re.compile(r"\b(?:(?:becomes?|became|goes|go|going|went|gone|rises?|rose|risen|climbs?|climbed|jumps?|jumped|"
                     r"falls?|fell|fallen|drops?|dropped|increases?|increased|decreases?|decreased|moves?|moved)"
                     r"(?:\s+(?:up|down))?\s+to|becomes?|became|is|are|was|were|be|now)"
                     r"\s+(?:just\s+|about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)


# A verb that moves a line, its object, then "to" just before the figure: "raise the licence to 12k",
# "raise the licence to 8k", "change the set-up to 12k", "put the gain to 70k" (the line is set
# to the figure; "add 2k to the set-up" names the line after the figure, a part added).
SETS_LINE_TO = re.compile(r"\b(?:bump(?:s|ed)?|raise[sd]?|lift(?:s|ed)?|push(?:es|ed)?|boost(?:s|ed)?|increase[sd]?|"
                          r"cut(?:s)?|lower(?:s|ed)?|reduce[sd]?|drop(?:s|ped)?|trim(?:s|med)?|decrease[sd]?|"
                          r"change[sd]?|set(?:s)?|put(?:s)?|move[sd]?|update[sd]?|adjust(?:s|ed)?|bring(?:s)?|brought)"
                          r"\s+(?:[a-z'/-]+\s+){1,4}?to\s+(?:just\s+|about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)


def adds(text: str, fig: Figure, state: CalculationState | None = None) -> bool:
    """Does the figure's own clause add it as one more part ("plus 2k on top for training"), not
    another clause of the message ("bump the gain to 70k, they think Q4 will add a chunk")? A
    clause that sets a line the calculation holds to the figure ("on top of that the licence goes
    up to 8k", "and if also the software becomes 12k"): its "also" adds this change to the last
    one, not a part to the line, so the figure replaces the line."""
    start = max((m.end() for m in re.finditer(r"[,;.!?]\s|\s[-–—]\s|\sand\s", text[: fig.span[0]])), default=0)
    end = next((m.start() + fig.span[1] for m in re.finditer(r"[,;.!?](?:\s|$)|\s[-–—]\s", text[fig.span[1]:])), len(text))
    if not ADDS.search(text[start:end]):
        return False
    sets = SETS_TO.search(text[start: fig.span[0]]) or SETS_LINE_TO.search(text[start: fig.span[0]])
    if state is None or sets is None:
        return True
    subject = naming_content(re.findall(r"[a-z][a-z'/-]*", text[start: start + sets.start()].lower()))
    if sets.re is SETS_LINE_TO:  # "raise the licence to": the line is named between the verb and "to"
        subject = naming_content(re.findall(r"[a-z][a-z'/-]*", sets.group(0).lower())[1:-1])
    return not names_line(state, [w for w in subject if not ADDS.fullmatch(w)])


def names_line(state: CalculationState, words: list[str]) -> bool:
    """Does a word of ``words`` name a line the calculation holds: by the user's words for it, the
    input's name or one of the input's labels in its spec ("licence" for the software fees)?"""
    spec = spec_named(state.tool)
    for item in state.figures:
        if item.ignored or not item.field or spec is None:
            continue
        labels = [x for x in spec.field(item.field).labels if " " not in x and len(x) > 3]
        if name_score(words, item) > 0 or any(same_word(w, x) or (len(x) > 3 and w.startswith(x))
                                              for w in words for x in [*item.field.split("_"), *labels]):
            return True
    return False


# A message worded as a change of the calculation: "what if…", "and if…", "if…", "suppose…", "say…".
WHAT_IF = re.compile(r"^\s*(?:(?:and|but|so|ok(?:ay)?|hmm+|now),?\s+)?(?:(?:what|how\s+about|what\s+happens|and)\s+)?"
                     r"(?:if|suppose|supposing|imagine|assume|assuming|say|let'?s\s+say)\b", re.IGNORECASE)


# A figure the message names as the value it replaces: "10000, not 20000", "instead of 20000".
OLD_VALUE = re.compile(r"(?:\bnot|\binstead of|\bin place of|\brather than|\bfrom)\s*$", re.IGNORECASE)
# "I think you take 2 times per year": what the advisor read, not what is meant, wherever it stands
YOU_READ = re.compile(r"\byou\s+(?:take|took|read|have|had|used|use|put|got|wrote|understood|understand)\s*$",
                      re.IGNORECASE)


# What links a figure to its restatement: "£25,000 is about $31,500", "40k = 45k", "25k → 31.5k".
RESTATES = re.compile(r"\s*(?:\bis|\bare|\bwould be|=|≈|~|→|->|\bequals|\b(?:comes?|came|converts?|adds? up|works? out)"
                      r"\s+(?:to|at)|\bmakes?|\bin\s+\w+\s+is)\s*(?:\babout|\broughly|\baround|"
                      r"\bapprox(?:imately)?|\bnow|\breally|\bactually)?\s*", re.IGNORECASE)


def change(state: CalculationState, text: str, answering: bool = False,
           embed: Callable[[list[str]], Any] | None = None,
           one_of: tuple[list[tuple[int, int]], int] | None = None) -> tuple[CalculationState, list[str]] | None:
    """The state with the inputs ``text`` names changed, removed or added (one message's figures
    replace exactly the figures they name), or None when it changes nothing of it. ``embed``
    (texts → vectors), when given, finds the line a removal names in other words than the user's
    first ones ("skip the onboarding sessions" for "team training 3k"). ``one_of`` (the spans of
    values the message lists as alternatives, and which one) reads the message with that value
    only, paid per the period the list ends with ("2,000, 2,500 or 3,000 a month")."""
    spec = spec_named(state.tool)
    if spec is None:
        return None
    state = state.model_copy(deep=True)
    figures = [f for f in with_cents(text, read_figures(text, value_words(spec))) if not judged(f)]
    if one_of is not None:
        spans, pick = one_of
        period = next((f.period for f in figures if f.span == spans[-1]), None)
        # "the cost ends up 50k, 70k or 80k": each value is named by the words before the first
        first = next((f for f in figures if f.span == spans[0]), None)
        named = {"before": first.before, "lead": first.lead} if first is not None and pick > 0 else {}
        figures = [dataclasses.replace(f, period=f.period or period, **named) if f.span == spans[pick] else f
                   for f in figures if f.span not in spans or f.span == spans[pick]]
    old_values = [f for f in figures if (OLD_VALUE.search(text[max(0, f.span[0] - 14): f.span[0]])
                  and any(f2.span[0] < f.span[0] for f2 in figures)) or YOU_READ.search(text[max(0, f.span[0] - 16): f.span[0]])]
    pairs = restated(state, text, figures, old_values)
    old_values += [old for old, _new in pairs]
    named_period = ONE_PERIOD.search(text)
    if named_period is not None:  # "in year 2": the 2 names the period, it is no new value
        figures = [f for f in figures if not named_period.start() <= f.span[0] < named_period.end()]
        until = until_period(state, spec, text, named_period)
        if until is not None and not figures:
            figures, named_period = [until], None  # "and by the end of year three?": counted over three years
    news = [f for f in figures if f not in old_values]
    news = [again(state, f) if len(news) == 1 else f for f in news]
    changes: list[str] = []
    share = share_removed(text, news)
    if share is not None:  # "waive half the fee", "drop 30% of the licence": a share of it, not a figure
        news = []
    if REMOVE.search(text) and not news:
        found = REMOVE.search(text)
        gone = _record_removed(state, spec, text, found) or last_period_removed(state, spec, text)
        if gone is not None:  # "remove chatbot, rerank": that project, the others ranked again; "drop year 3"
            return gone
        scores = [0.0] * len(state.figures)
        for said in _removal_words(text, found):  # after the verb, inside it ("take X out"), then before it
            scores = [(name_score(said, item) + sum(same_word(w, item.field.replace("_", " ").split()[0]) for w in said)
                       if not item.ignored and item.field else 0.0) for item in state.figures]
            if max(scores, default=0.0) > 0:
                break
        best = max(scores, default=0.0)
        if not best > 0 and embed is not None:
            meant = line_meant(state, text[REMOVE.search(text).end():], embed)
            if meant is not None:
                scores, best = [1.0 if i == meant else 0.0 for i in range(len(state.figures))], 1.0
        if best > 0 and _fewer_lines_than_ordinal(text, scores):
            return None  # "forget the second licence" of one licence line: that line counts several, not guessed
        if best > 0 and scores.count(best) == 1:
            item = state.figures[scores.index(best)]
            if share is not None:
                return scale(state, text, [scores.index(best)], 1 - share)
            item.ignored = True
            return state, [f"{item.field.replace('_', ' ')}: {item.figure['text']} → removed"]
        if WHAT_IF.match(text) and len(text) <= 120:  # "and if it were free?": which line, asked
            return ask_removal(state), []
        return None
    by_points = points_moved(state, text, news)
    if by_points is not None:  # "the rate went up 2 points": added to the percentage, not a factor
        return by_points
    by_factor = scaled(state, text, news, embed)
    if by_factor is not None:
        return by_factor if by_factor[1] else None  # no change: a factor it would have to guess
    settings = _settings_named(state, text)
    for fig, name, default, value in _described(state, spec, news):  # "at a 1% significance level"
        settings[name] = (state.settings.get(name, default), value)
        news = [f for f in news if f is not fig]
    for name, (was, value) in settings.items():
        changes.append(f"{name.replace('_', ' ')}: {was} → {value}")
        state.settings[name] = value
    if changes and news:  # "the averaged version, the 1 to 10 one": figures that name no input describe the choice
        placed = roles_of(spec, news)
        news = [f for f in news if placed.get(f.index)]
    if not news:
        return (state, changes) if changes else None
    if len(news) == 1 and moves_by(news[0]) and (state.args is not None or state.need == "move"):  # "hosting went up 300 a month": an amount it moves by, not a new value
        moved = delta(state, spec, text, news[0], moves_by(news[0]), changes, answering or bool(CHANGE_WORDS.search(text)))
        if moved is not None:
            return moved
    new_horizon = all(f.unit == "duration" for f in news) and (  # "ok and over five years?"
        state.horizon is not None or any(not x.ignored and x.field and spec.field(x.field).horizon for x in state.figures))
    if not answering and not CHANGE_WORDS.search(text) and not asked_specs(text) and period_named(text) is None \
            and not new_horizon:
        held = {i for i, item in enumerate(state.figures) if not item.ignored and item.field}
        if not all(roles_of(spec, news).get(f.index) for f in news) and not (
                len(news) == 1 and _one_of_its_period(state, spec, text, news[0], held) is not None):
            return None  # figures that name no input of this calculation, in a message that changes nothing
    # "also add £5,000 for staff training": the verb that adds a part says nothing of its way
    roles = roles_of(spec, [dataclasses.replace(f, before=[w for w in f.before if w not in ADD_VERBS],
                                                lead=[w for w in f.lead if w not in ADD_VERBS])
                            if adds(text, f, state) else f for f in news])  # "add 1,000 for plugins": no gain
    for fig in list(news):  # "40k is the gain": the figure already given, now with its role
        role = roles.get(fig.index)
        same = [item for item in state.figures if not item.ignored and not item.field
                and item.figure.get("unit") in {"money", "count"} and fig.unit in {"money", "count"}
                and abs(item.figure["value"] - fig.value) < 1e-9]  # not "one person-month" for a level "(medium)"
        if isinstance(role, str) and len(same) == 1:
            same[0].field, same[0].fields = role, []
            changes.append(f"{same[0].figure['text']}: the {role.replace('_', ' ')}")
            news.remove(fig)
    if not news:
        return state, changes
    period = period_named(text)
    if period is not None and len(news) == 1 and news[0].unit in {"money", "count"} and not (
            answering and state.need == "missing" and not any(f.sequence for f in spec.fields)):
        return one_period(state, spec, text, news[0], period, changes)  # (a missing amount "in that first year": given)
    used = {i for i, item in enumerate(state.figures) if not item.ignored and (item.field or item.fields)}
    taken: set[int] = set()
    placed: list[Figure] = []
    for fig in news:
        if fig.unit == "duration" and any(f.unit == fig.unit and abs(f.value - fig.value) < 1e-9 for f in placed):
            continue  # "three years …, we sign for 3 years": the same figure said twice in the message
        placed.append(fig)
        role = roles.get(fig.index)
        outlay = _first_flow(state, spec, role)
        restating = [i for i, item in enumerate(state.figures) if not item.ignored and not item.field and i not in taken
                     and fig.unit == "percent" == item.figure.get("unit") and abs(item.figure["value"] - fig.value) < 1e-9]
        if len(restating) == 1 and fig not in old_values and naming_content(fig.after):
            target = restating[0]  # "the 12% is their margin on that revenue": the figure no input took, now named
        elif adds(text, fig, state) and not old_values and isinstance(role, str) and spec.field(role).summed:
            target: int | str | None = role  # one more part of the input, the others stay
        elif adds(text, fig, state) and not old_values and role is None and len(_summed_money(spec, fig)) > 1:
            # "the search also brought in 6k elsewhere": one more part of an input its words do
            # not name; which input is asked, and no line is replaced for a word it shares
            new = reply_figure(text, fig)
            new.field, new.fields = "", _summed_money(spec, fig)
            state.figures.append(new)
            changes.append(f"{fig.text.strip()}: one more part, which input asked")
            continue
        elif outlay is not None and not old_values:
            target = outlay  # "what if the upfront was 60k", the flows listed: period 0's flow
            fig = dataclasses.replace(fig, value=-abs(fig.value)) if state.figures[outlay].figure["value"] < 0 else fig
        elif role is None and not old_values and _input_said(state, spec, text, fig, used - taken) is not None:
            target = _input_said(state, spec, text, fig, used - taken)  # "A is way easier than I said, so a 10?"
        else:
            olds = [old for old, new in pairs if new is fig] or same_sentence(text, fig, old_values)
            target = target_of(state, spec, fig, role, olds,
                               used - taken, text)  # "the $45k is €41.5k and the £20k comes to €23.5k": each its own
            said = naming_content(fig.before + fig.after)
            unnamed = [i for i, item in enumerate(state.figures) if not item.ignored and not item.field and i not in taken
                       and item.figure.get("unit") == fig.unit and fig.unit == "percent" and (
                           any(abs(item.figure["value"] - o.value) < 1e-9 for o in olds) if olds
                           else name_score(said, item) > 0)]
            if target is None and len(unnamed) == 1:  # "our margin is 30% not 40%": a figure no input took, that sizes one
                target = unnamed[0]
        if target is None and len(news) == 1 and not old_values and not adds(text, fig, state):
            target = _one_of_its_period(state, spec, text, fig, used - taken)  # "and at 2,000 a month?"
        keep_role = ""
        if isinstance(target, str) and target not in SPECIAL_TARGETS and not adds(text, fig, state):
            corrected = corrects(state, spec, fig, role, used - taken, text)
            if corrected is not None:  # "oh wait, it's 600 a month": the figure given before, corrected
                target, keep_role = corrected
        if target == "ask" and len(news) == 1:
            names = list(dict.fromkeys(x.field for x in state.figures if x.field and not x.ignored and compatible(fig, x)
                                       and not spec.field(x.field).horizon
                                       and (x.figure.get("period") is None) == (fig.period is None)))
            return ask_input(state, text, fig, names), changes
        if target is None or target == "ask":
            present = [n for n in (role if isinstance(role, tuple) else ())
                       if any(x.field == n and not x.ignored for x in state.figures)]
            if len(news) == 1 and len(present) >= 2 and (answering or CHANGE_WORDS.search(text)):
                return ask_input(state, text, fig, present), changes  # "the setup fee would be 25k": which input
            unnamed = [w for w in naming_content(fig.before + fig.after) if w not in GENERIC]
            if len(news) == 1 and WHAT_IF.match(text) and not unnamed and fig.unit in {"money", "count"}:
                asked = ask_unnamed(state, spec, text, fig)  # "what if that part were 10k?": which, asked
                if asked is not None:
                    return asked, changes
            return None
        if target == "part" and len(news) == 1:
            return ask_part(state, text, fig, roles.get(fig.index)), changes
        if target == "part":
            return None
        if isinstance(target, int) and state.figures[target].figure.get("period") and ONE_PERIOD.search(text):
            return None  # "the first-year return is 15,000": one period of a recurring amount, not all of them
        if isinstance(target, int):
            taken.add(target)
            old = state.figures[target]
            new = reply_figure(text, fig)
            if fig.period is None and old.figure.get("period") and fig.unit != "duration":
                new.figure["period"] = old.figure["period"]  # "what if saving is only 3 000?" keeps "per month"
            new.figure["span"] = old.figure["span"]  # its place among the figures (records are read in order)
            new.field = keep_role or old.field or (old.fields[0] if len(old.fields) == 1 else "")
            if alternative_to(spec, role, new.field):
                new.field = role  # the rate given in place of the conversions it stands for
            new.fields = [] if new.field else list(old.fields)
            as_percent(new, spec, old)
            label = (new.field or "figure").replace("_", " ") + of_record(state, spec, target)
            if abs(old.figure["value"] - fig.value) < 1e-9 and old.figure.get("unit") == fig.unit:
                changes.append(f"{fig.text.strip()}: as you describe it now (“{new.quote}”)")  # restated, not changed
            else:
                changes.append(f"{label}: {old.figure['text']} → {fig.text.strip()}")
            state.figures[target] = new
        elif target == "every" and len(news) > 1:
            return None  # several inputs for every project at once: a project of its own, not guessed
        elif target == "every":
            name = roles.get(fig.index)
            for i, old in enumerate(state.figures):
                if old.field == name and not old.ignored:
                    new = reply_figure(text, fig)
                    new.field = name
                    new.figure["span"], new.figure["index"] = old.figure["span"], old.figure["index"]  # its record's place
                    label = name.replace("_", " ") + of_record(state, spec, i)
                    changes.append(f"{label}: {old.figure['text']} → {fig.text.strip()}")
                    state.figures[i] = new
        elif target == "horizon":
            new = reply_figure(text, fig)
            if state.horizon is not None and state.horizon < len(state.figures):
                old = state.figures[state.horizon]
                changes.append(f"horizon: {old.figure['text']} → {fig.text.strip()}")
                state.figures[state.horizon] = new
            else:
                state.figures.append(new)
                state.horizon = len(state.figures) - 1
                changes.append(f"counted over {fig.text.strip()}")
        else:
            new = reply_figure(text, fig)
            new.field = target
            as_percent(new, spec)
            record = records_named(state, spec, text)
            if len(record) == 1:  # its place is in the record it names (records are read in order)
                last = state.figures[max(record[0])].figure
                new.figure["span"], new.figure["index"] = last.get("span"), last.get("index")
            state.figures.append(new)
            label = target.replace("_", " ") + (of_record(state, spec, len(state.figures) - 1) if len(record) == 1 else "")
            changes.append(f"{label}: added {fig.text.strip()}")
    return state, changes


# A follow-up that opens as a change of the result: "and at …", "and with …", "what about …"; in
# another language its short words ("und bei …", "et à …").
OPENS_AS_CHANGE = re.compile(r"^\W*(?:and|so|ok(?:ay)?|now|then|what about|how about|und|et|y|e|en)\b", re.IGNORECASE)


def _one_of_its_period(state: CalculationState, spec: ToolSpec, text: str, fig: Figure, free: set[int]) -> int | None:
    """The one figure of the calculation paid per the same period as a bare amount that names
    nothing ("and at 2,000 a month?" of a payback with one monthly amount), in a message that opens
    as a change; None when its words name anything (words of four letters or more, in any language:
    "2,000 a month for hosting" is a line of its own) or several figures have that period."""
    if fig.period is None or fig.unit not in {"money", "count"} or not (OPENS_AS_CHANGE.match(text) or WHAT_IF.match(text)):
        return None
    said = [w for w in naming_content(fig.before + fig.after) if w not in GENERIC and w not in PERIOD_WORDS
            and w not in {"or", "oder", "ou"} and not re.fullmatch(r"[\d.,]+\w{0,2}", w)]  # a list's other values
    if any(len(w) > 3 for w in said) or len(re.findall(r"[a-z]{4,}", text.lower())) > 6:
        return None
    held = [i for i in free if state.figures[i].field and not state.figures[i].ignored]
    same = [i for i in held if state.figures[i].figure.get("period") == fig.period and compatible(fig, state.figures[i])]
    periodic = [i for i in held if state.figures[i].figure.get("period")]
    return same[0] if len(same) == 1 and len(periodic) == 1 else None


def _record_removed(state: CalculationState, spec: ToolSpec, text: str,
                    found: re.Match) -> tuple[CalculationState, list[str]] | None:
    """One record of a calculation over several taken out whole ("remove chatbot, rerank",
    "drop project B from the list"): every figure of it, when the words after the removal's verb
    name that record and no input of it, and as many records as the calculator needs stay (a test
    keeps its two groups); else None (a line of one record is removed as any line)."""
    groups = record_groups(state, spec) if spec.records else []
    rest = re.split(r"[,;.!?]", text[found.end():])[0]
    named = records_named(state, spec, rest)
    if len(named) != 1 or len(groups) - 1 < spec.records:
        return None
    inputs = {w for f in spec.fields for w in [*f.name.split("_"), *(x for x in f.labels if " " not in x)]}
    if any(same_word(w, x) for w in naming_content(re.findall(r"[a-z][a-z'-]*", rest.lower())) for x in inputs):
        return None  # "drop search's effort estimate": an input of it, not the project
    name = next((name for name, members in groups if set(members) == named[0]), "")
    for i in named[0]:
        state.figures[i].ignored = True
    return state, [f"{name or 'that record'}: removed"]


def _removal_words(text: str, found: re.Match) -> list[list[str]]:
    """The words that may name the line a removal takes out, most likely first: those after its
    verb ("drop the hosting"), inside it ("take the hosting out"), the rest of the message but the
    verb ("the training for free"), and those of its clause before it ("the agency part is
    falling away", "the licence is no longer needed", "the training cost nothing in the end")."""
    def words(part: str) -> list[str]:
        return naming_content(re.findall(r"[a-z][a-z'/-]*", part.lower()))
    verb = found.group(0).lower()
    inside = [w for w in words(verb) if w not in GENERIC | {"take", "leave", "cut", "keep", "out"}] \
        if verb.split()[0] in {"take", "leave", "cut", "keep"} else []
    before = [w for w in words(re.split(r"[,;.!?]", text[: found.start()])[-1]) if w not in GENERIC]
    if found.group(0).lower().endswith("away"):
        return [before]
    return [words(text[found.end():]), inside, words(REMOVE.sub(" ", text)), before]


def _summed_money(spec: ToolSpec, fig: Figure) -> list[str]:
    """The inputs a money figure given as one more part may add to: those summed from parts, of
    its period (a one-off amount to a total, "6k a month" to a monthly input)."""
    if fig.unit != "money" and not (fig.unit == "count" and (fig.scaled or fig.value >= 100)):
        return []  # an amount, with a currency or too large for a score ("spared us 2,500")
    return [f.name for f in spec.fields if f.unit == "money" and f.summed and not f.sequence
            and (f.period is None) == (fig.period is None)]


def same_sentence(text: str, fig: Figure, old_values: list[Figure]) -> list[Figure]:
    """The old values a message names in the sentence of ``fig`` ("… is 200, not 180"): an old
    value of another sentence ("5 years. And the order is 200, not 180") names no figure ``fig``
    replaces (in a message of one sentence, that is every old value it names)."""
    bounds = [0, *(m.end() for m in re.finditer(r"[.!?;\n]+\s", text)), len(text) + 1]

    def sentence(f: Figure) -> int:
        return max(n for n, start in enumerate(bounds) if start <= f.span[0])
    return [old for old in old_values if sentence(old) == sentence(fig)]


def judged(fig: Figure) -> bool:
    """Is a level said in words a judgement of a figure given, not a value ("the confidence is too
    low", "that's way too high")? A level after "too" says how a figure compares with what it
    should be, never what it is."""
    return not any(c.isdigit() for c in fig.text) and fig.before[-1:] == ["too"]


# "the second licence", "the 3rd seat": one of several things of a kind, by its place (not a period).
ORDINAL_THING = re.compile(r"\b(second|third|fourth|fifth|2nd|3rd|4th|5th)\s+"
                           r"(?!(?:year|month|quarter|week|day|period)s?\b)[a-z]", re.IGNORECASE)


def _fewer_lines_than_ordinal(text: str, scores: list[float]) -> bool:
    """Does a removal name the n-th thing of a kind ("forget the second licence") when the
    calculation holds fewer than n lines its words name? Then the one line counts several at once
    ("two licences at 6k each"), and taking it out whole would drop the others too."""
    match = ORDINAL_THING.search(text)
    if match is None:
        return False
    return sum(1 for score in scores if score > 0) < ORDINAL_WORDS[match.group(1).lower()]


def share_removed(text: str, news: list[Figure]) -> float | None:
    """The share of a line a removal takes off ("waive half the onboarding fee": 0.5, "drop 30%
    of the licence": 0.3), or None when the message removes no share."""
    if not REMOVE.search(text):
        return None
    word = SHARE_WORDS.search(text)
    if word is not None and not news:
        return SHARES[(word.group(1) or word.group(2)).lower()]
    if len(news) == 1 and news[0].unit == "percent" and news[0].after[:1] == ["of"] and 0 < news[0].value < 100:
        return news[0].value / 100
    return None


def again(state: CalculationState, fig: Figure) -> Figure:
    """A bare number that names nothing ("and 5?", "what about 4?") is a new value for what the
    last reply gave or changed: counted in its unit ("3 yrs" then "and 5?": five years)."""
    if fig.unit != "count" or fig.currency or fig.period or fig.scaled or naming_content(fig.before + fig.after) \
            or len(state.changed) != 1 or state.changed[0] >= len(state.figures):
        return fig
    last = state.figures[state.changed[0]].figure
    if last.get("unit") != "duration":
        return fig
    words = re.findall(r"[a-z]+", last.get("text", "").lower())
    units = {PERIOD_WORDS.get(w) or PERIOD_WORDS.get(w.rstrip("s")) for w in words} - {None}
    per = MONTHS_PER.get(units.pop()) if len(units) == 1 else None
    if per is None:  # counted in no unit the reader knows: not guessed
        return fig
    return dataclasses.replace(fig, unit="duration", value=fig.value * per)


def as_percent(item: FigureState, spec: ToolSpec, old: FigureState | None = None) -> None:
    """A plain number between 1 and 100 given for a rate that was, or is asked for, as a
    percentage ("discount at 12" after "at 8%") is a percentage: 12%, never 1,200%. A rate on a
    scale of its own (an ICE confidence of 7) stays as written."""
    if not item.field or spec.field(item.field).unit != "fraction" or item.figure.get("unit") != "count" \
            or not 1 < item.figure["value"] <= 100:
        return
    if (old.figure.get("unit") == "percent") if old is not None else "%" in spec.field(item.field).question:
        item.figure["unit"] = "percent"


def roles_of(spec: ToolSpec, figures: list[Figure]) -> dict[int, str | tuple[str, ...]]:
    """``assign`` for some of a message's figures (those left once the old values it restates
    are set aside): numbered afresh for the reader, keyed by their own index again."""
    renumbered = [dataclasses.replace(fig, index=n) for n, fig in enumerate(figures)]
    return {figures[n].index: role for n, role in assign(spec, renumbered).items()}


def _first_flow(state: CalculationState, spec: ToolSpec, role) -> int | None:
    """The period-0 flow a new outlay replaces when the calculation holds its flows as a list
    ("yr0 -50,000 | yr1 15,000 …" then "what if the upfront was 60k"), else None."""
    sequence = next((f.name for f in spec.fields if f.sequence), None)
    if sequence is None or not isinstance(role, str) or role == sequence:
        return None
    field = spec.field(role)
    if field.direction != "out" or field.period is not None or any(x.field == role and not x.ignored for x in state.figures):
        return None
    return next((i for i, x in enumerate(state.figures) if x.field == sequence and not x.ignored), None)


def _input_said(state: CalculationState, spec: ToolSpec, text: str, fig: Figure, free: set[int]) -> int | None:
    """The figure of the one record a message names whose input a word of the message names by
    its stem, a comparative included ("the returns prediction is way easier than I said, so a 10?":
    that project's ease), when the bare figure names no input itself; else None."""
    if not spec.records:
        return None
    named = records_named(state, spec, text)
    if len(named) != 1:
        return None
    said = naming_content(re.findall(r"[a-z][a-z'/-]*", text.lower()))
    hits = [i for i in named[0] & free if state.figures[i].field and compatible(fig, state.figures[i])
            and any(same_word(w, state.figures[i].field) or (len(state.figures[i].field) >= 4
                    and w.startswith(state.figures[i].field.rstrip("e"))) for w in said)]
    return hits[0] if len(hits) == 1 else None


def restated(state: CalculationState, text: str, figures: list[Figure],
             old_values: list[Figure]) -> list[tuple[Figure, Figure]]:
    """Figures a message names as the old value it restates, each with the figure that restates
    it: "the £25,000 is about $31,500" (a figure equal to one of the calculation's, linked to the
    next figure by a short "is" or "comes to")."""
    out = []
    for fig, nxt in zip(figures, figures[1:]):
        between = text[fig.span[1]: nxt.span[0]].lower()
        if fig in old_values or not RESTATES.fullmatch(between):
            continue
        if any(not item.ignored and ((item.figure.get("unit") == fig.unit and abs(item.figure["value"] - fig.value) < 1e-9
               and item.figure.get("currency") == fig.currency) or names_by_number(fig, item)) for item in state.figures):
            out.append((fig, nxt))
    return out


def _described(state: CalculationState, spec: ToolSpec, news: list[Figure]) -> list[tuple[Figure, str, Any, Any]]:
    """Figures for schema inputs of the last call that no input of the spec reads, each named
    by the words its description opens with ("alpha: Significance level (default 0.05)" is set
    by "at a 1% significance level"); a percentage for an input whose default is a fraction is
    read as one (1% → 0.01)."""
    called = spec_named(state.call) if state.call else None
    if called is None:
        return []
    read = {f.name for f in spec.fields} | set(state.args or {})
    out: list[tuple[Figure, str, Any, Any]] = []
    for name, prop in called.json_schema().get("properties", {}).items():
        default = prop.get("default")
        if name in read or prop.get("type") != "number" or not isinstance(default, (int, float)):
            continue
        head = re.split(r"[(:;,.]", prop.get("description", ""))[0].lower()
        words = naming_content(re.findall(r"[a-z][a-z'-]*", head))
        for fig in news:
            near = fig.before[-3:] + fig.after[:3]
            if words and all(any(same_word(w, x) for x in near) for w in words) and all(f is not fig for f, *_ in out):
                value = fig.value / 100 if fig.unit == "percent" and 0 < default < 1 else fig.value
                out.append((fig, name, default, value))
    return out


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
        values = prop.get("enum") or defs.get(ref, {}).get("enum") or ([True, False] if prop.get("type") == "boolean" else [])
        current = (state.args or {}).get(name, prop.get("default"))
        # "the mean instead of the product": the value named that is not the current one
        named = [v for v in values if isinstance(v, str) and v.lower() in words and v != current]
        # or by the spec's words for a value ("the average instead of multiplying" → mean)
        own = spec_named(state.tool)
        named = named or list(dict.fromkeys(
            value for arg, value, said in (own.choices if own else ()) if arg == name and value in values
            and value != current and any(re.search(rf"\b{re.escape(w)}\b", text, re.IGNORECASE) for w in said)))
        if len(named) == 1:
            out[name] = (state.settings.get(name, current), named[0])
    return out
