"""A change to the conversation's calculation: "what if the set-up had cost 8k?" replaces the
set-up part only, "same but over 5 years" the horizon, "drop the maintenance line" or "if the
training were free" removes it, "double the reach" scales the input it names, "the first-year
return is 15,000" changes that period of the flows only; a figure for an input of several parts
that names none of them asks which part (all of them are never replaced), as does a removal that
names no line. Which old figure a new one names is found by reading/targets.py.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Callable

import numpy as np

from assistant.reading.calc_state import (
    names_by_number,
    fmt_value,
    naming_content,
    reply_figure,
    same_word,
    spec_named,
    value_words,
    word_figure,
    words_of,
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
    records_named,
    target_of,
)
from assistant.types import CalculationState, Clarification, FigureState
from knowledge.figures import PERIOD_WORDS, WORDS_NUMBER, Figure, read_figures, words_value
from tools.registry import SPECS
from tools.spec import ToolSpec

# Words that say a message changes something already given ("what if…", "…instead", "again").
CHANGE_WORDS = re.compile(
    r"\b(?:if|instead|again|same|now|then|rather|actually|change|changed|make it|use|with|redo|try|say|would|"
    r"back to|not|only|sorry|correction)\b",
    re.IGNORECASE,
)


# Words that name one period of an amount given per period ("the first-year return", "in year two").
ONE_PERIOD = re.compile(r"\b(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last|final)[\s-]+(?:year|month|quarter)"
                        r"|\b(?:year|month|quarter)[\s-]+(?:one|two|three|four|five|\d)\b", re.IGNORECASE)
ORDINAL_WORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
                 "fifth": 5, "5th": 5, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def period_named(text: str) -> int | None:
    """The one period a message names (1 for "the first-year return", 3 for "in year 3", -1 for
    "the final year"), or None."""
    match = ONE_PERIOD.search(text)
    if match is None:
        return None
    words = re.findall(r"[a-z0-9]+", match.group(0).lower())
    for word in words:
        if word in {"last", "final"}:
            return -1
        if word in ORDINAL_WORDS:
            return ORDINAL_WORDS[word]
        if word.isdigit():
            return int(word)
    return None


REMOVE = re.compile(r"\b(?:drop|remove|delete|exclude|without|leave out|take out|ignore|forget|skip)\b"
                    # a line that costs nothing any more: "if the vendor gave the training for free?"
                    r"|\b(?:free(?! up\b)|at no cost|at no charge|no charge|waived?|for nothing|costs? nothing)\b",
                    re.IGNORECASE)


# Words that add a figure as one more part of an input rather than replace one ("what if we
# also paid 3k a year for hosting", "plus 2k on top for training").
ADDS = re.compile(r"\b(?:also|add|adding|plus|on top|as well|in addition|another)\b", re.IGNORECASE)


ADD_VERBS = {"add", "adds", "added", "adding"}


def adds(text: str, fig: Figure) -> bool:
    """Does the figure's own clause add it as one more part ("plus 2k on top for training"), not
    another clause of the message ("bump the gain to 70k, they think Q4 will add a chunk")?"""
    start = max((m.end() for m in re.finditer(r"[,;.!?]\s|\s[-–—]\s|\sand\s", text[: fig.span[0]])), default=0)
    end = next((m.start() + fig.span[1] for m in re.finditer(r"[,;.!?](?:\s|$)|\s[-–—]\s", text[fig.span[1]:])), len(text))
    return bool(ADDS.search(text[start:end]))


# A message worded as a change of the calculation: "what if…", "and if…", "if…", "suppose…", "say…".
WHAT_IF = re.compile(r"^\s*(?:(?:and|but|so|ok(?:ay)?|hmm+|now),?\s+)?(?:(?:what|how\s+about|what\s+happens|and)\s+)?"
                     r"(?:if|suppose|supposing|imagine|assume|assuming|say|let'?s\s+say)\b", re.IGNORECASE)


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


# A figure the message names as the value it replaces: "10000, not 20000", "instead of 20000".
OLD_VALUE = re.compile(r"(?:\bnot|\binstead of|\brather than|\bfrom)\s*$", re.IGNORECASE)
# "I think you take 2 times per year": what the advisor read, not what is meant, wherever it stands
YOU_READ = re.compile(r"\byou\s+(?:take|took|read|have|had|used|use|put|got|wrote|understood|understand)\s*$",
                      re.IGNORECASE)


# A factor named in words ("double the reach", "halve the cost"), and "20% more/less".
MULTIPLIERS = {"double": 2.0, "doubled": 2.0, "doubles": 2.0, "twice": 2.0, "triple": 3.0, "tripled": 3.0,
               "treble": 3.0, "quadruple": 4.0, "halve": 0.5, "halved": 0.5, "half": 0.5}


MULTIPLIER = re.compile(r"\b(" + "|".join(MULTIPLIERS) + r")\b")


MORE = {"more", "higher", "bigger", "larger", "extra", "up", "increase", "increased", "dearer", "pricier", "costlier"}


LESS = {"less", "lower", "smaller", "fewer", "down", "decrease", "decreased", "cheaper"}


# Verbs that move an amount up or down ("rises by", "drops", "is cut by").
RISES = {"rise", "rises", "rose", "grow", "grows", "grew", "increase", "increases", "increased", "jump", "jumps",
         "jumped", "climb", "climbs", "climbed", "up"}
FALLS = {"drop", "drops", "dropped", "fall", "falls", "fell", "decrease", "decreases", "decreased", "cut", "cuts",
         "shrink", "shrinks", "shrank", "down", "reduce", "reduced", "reduces", "lose", "loses", "lost"}


def _moved(words: list[str]) -> int:
    """+1 or -1 when the words just before a percentage move an amount up or down ("drop by 20%",
    "went up 10%"), else 0."""
    words = [w for w in words if w != "by"]
    if words and words[-1] in RISES:
        return 1
    if words and words[-1] in FALLS:
        return -1
    return 0


# What links a figure to its restatement: "£25,000 is about $31,500", "40k = 45k", "25k → 31.5k".
RESTATES = re.compile(r"\s*(?:\bis|\bare|\bwould be|=|≈|~|→|->|\bequals|\b(?:comes?|came|converts?|adds? up|works? out)"
                      r"\s+(?:to|at)|\bmakes?|\bin\s+\w+\s+is)\s*(?:\babout|\broughly|\baround|"
                      r"\bapprox(?:imately)?|\bnow|\breally|\bactually)?\s*", re.IGNORECASE)


def change(state: CalculationState, text: str, answering: bool = False,
           embed: Callable[[list[str]], Any] | None = None) -> tuple[CalculationState, list[str]] | None:
    """The state with the inputs ``text`` names changed, removed or added (one message's figures
    replace exactly the figures they name), or None when it changes nothing of it. ``embed``
    (texts → vectors), when given, finds the line a removal names in other words than the user's
    first ones ("skip the onboarding sessions" for "team training 3k")."""
    spec = spec_named(state.tool)
    if spec is None:
        return None
    state = state.model_copy(deep=True)
    figures = with_cents(text, read_figures(text, value_words(spec)))
    old_values = [f for f in figures if (OLD_VALUE.search(text[max(0, f.span[0] - 14): f.span[0]])
                  and any(f2.span[0] < f.span[0] for f2 in figures)) or YOU_READ.search(text[max(0, f.span[0] - 16): f.span[0]])]
    pairs = restated(state, text, figures, old_values)
    old_values += [old for old, _new in pairs]
    named_period = ONE_PERIOD.search(text)
    if named_period is not None:  # "in year 2": the 2 names the period, it is no new value
        figures = [f for f in figures if not named_period.start() <= f.span[0] < named_period.end()]
        until = _until_period(state, spec, text, named_period)
        if until is not None and not figures:
            figures, named_period = [until], None  # "and by the end of year three?": counted over three years
    news = [f for f in figures if f not in old_values]
    news = [again(state, f) if len(news) == 1 else f for f in news]
    changes: list[str] = []
    share = share_removed(text, news)
    if share is not None:  # "waive half the fee", "drop 30% of the licence": a share of it, not a figure
        news = []
    if REMOVE.search(text) and not news:
        said = naming_content(re.findall(r"[a-z][a-z'/-]*", text[REMOVE.search(text).end():].lower())) or naming_content(
            re.findall(r"[a-z][a-z'/-]*", REMOVE.sub(" ", text).lower()))  # "the training for free": named before
        scores = [(name_score(said, item) + sum(same_word(w, item.field.replace("_", " ").split()[0]) for w in said)
                   if not item.ignored and item.field else 0.0) for item in state.figures]
        best = max(scores, default=0.0)
        if not best > 0 and embed is not None:
            meant = line_meant(state, text[REMOVE.search(text).end():], embed)
            if meant is not None:
                scores, best = [1.0 if i == meant else 0.0 for i in range(len(state.figures))], 1.0
        if best > 0 and scores.count(best) == 1:
            item = state.figures[scores.index(best)]
            if share is not None:
                return _scale(state, text, [scores.index(best)], 1 - share)
            item.ignored = True
            return state, [f"{item.field.replace('_', ' ')}: {item.figure['text']} → removed"]
        if WHAT_IF.match(text) and len(text) <= 120:  # "and if it were free?": which line, asked
            return _ask_removal(state), []
        return None
    scaled = _scaled(state, text, news, embed)
    if scaled is not None:
        return scaled if scaled[1] else None  # no change: a factor it would have to guess
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
    if len(news) == 1 and _moves_by(news[0]) and (state.args is not None or state.need == "move"):  # "hosting went up 300 a month": an amount it moves by, not a new value
        moved = _delta(state, spec, text, news[0], _moves_by(news[0]), changes, answering or bool(CHANGE_WORDS.search(text)))
        if moved is not None:
            return moved
    new_horizon = all(f.unit == "duration" for f in news) and (  # "ok and over five years?"
        state.horizon is not None or any(not x.ignored and x.field and spec.field(x.field).horizon for x in state.figures))
    if not answering and not CHANGE_WORDS.search(text) and not asked_specs(text) and period_named(text) is None \
            and not new_horizon:
        if not all(roles_of(spec, news).get(f.index) for f in news):
            return None  # figures that name no input of this calculation, in a message that changes nothing
    # "also add £5,000 for staff training": the verb that adds a part says nothing of its way
    roles = roles_of(spec, [dataclasses.replace(f, before=[w for w in f.before if w not in ADD_VERBS]) if adds(text, f)
                            else f for f in news])
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
    period = period_named(text)
    if period is not None and len(news) == 1 and news[0].unit in {"money", "count"}:
        return _one_period(state, spec, text, news[0], period, changes)
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
        elif adds(text, fig) and not old_values and isinstance(role, str) and spec.field(role).summed:
            target: int | str | None = role  # one more part of the input, the others stay
        elif outlay is not None and not old_values:
            target = outlay  # "what if the upfront was 60k", the flows listed: period 0's flow
            fig = dataclasses.replace(fig, value=-abs(fig.value)) if state.figures[outlay].figure["value"] < 0 else fig
        elif role is None and not old_values and _input_said(state, spec, text, fig, used - taken) is not None:
            target = _input_said(state, spec, text, fig, used - taken)  # "A is way easier than I said, so a 10?"
        else:
            target = target_of(state, spec, fig, role, [old for old, new in pairs if new is fig] or old_values,
                               used - taken, text)  # "the $45k is €41.5k and the £20k comes to €23.5k": each its own
            olds = [old for old, new in pairs if new is fig] or old_values
            said = naming_content(fig.before + fig.after)
            unnamed = [i for i, item in enumerate(state.figures) if not item.ignored and not item.field and i not in taken
                       and item.figure.get("unit") == fig.unit and fig.unit == "percent" and (
                           any(abs(item.figure["value"] - o.value) < 1e-9 for o in olds) if olds
                           else name_score(said, item) > 0)]
            if target is None and len(unnamed) == 1:  # "our margin is 30% not 40%": a figure no input took, that sizes one
                target = unnamed[0]
        keep_role = ""
        if isinstance(target, str) and target not in SPECIAL_TARGETS and not adds(text, fig):
            corrected = corrects(state, spec, fig, role, used - taken, text)
            if corrected is not None:  # "oh wait, it's 600 a month": the figure given before, corrected
                target, keep_role = corrected
        if target == "ask" and len(news) == 1:
            names = list(dict.fromkeys(x.field for x in state.figures if x.field and not x.ignored and compatible(fig, x)
                                       and not spec.field(x.field).horizon
                                       and (x.figure.get("period") is None) == (fig.period is None)))
            return _ask_input(state, text, fig, names), changes
        if target is None or target == "ask":
            present = [n for n in (role if isinstance(role, tuple) else ())
                       if any(x.field == n and not x.ignored for x in state.figures)]
            if len(news) == 1 and len(present) >= 2 and (answering or CHANGE_WORDS.search(text)):
                return _ask_input(state, text, fig, present), changes  # "the setup fee would be 25k": which input
            unnamed = [w for w in naming_content(fig.before + fig.after) if w not in GENERIC]
            if len(news) == 1 and WHAT_IF.match(text) and not unnamed and fig.unit in {"money", "count"}:
                asked = _ask_unnamed(state, spec, text, fig)  # "what if that part were 10k?": which, asked
                if asked is not None:
                    return asked, changes
            return None
        if target == "part" and len(news) == 1:
            return _ask_part(state, text, fig, roles.get(fig.index)), changes
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


CENTS = {"cent", "cents", "pence", "penny", "centavos", "centimes"}


def with_cents(text: str, figures: list[Figure]) -> list[Figure]:
    """An amount written with its cents in words ("1200 euros and 50 cents") as one figure
    (1,200.50), its text the user's words from the amount to the cents."""
    out: list[Figure] = []
    for fig in figures:
        last = out[-1] if out else None
        if last is not None and last.unit == "money" and fig.unit == "count" and fig.after[:1] and fig.after[0] in CENTS \
                and 0 <= fig.value < 100 and re.fullmatch(r"\s+and\s+", text[last.span[1]: fig.span[0]]):
            end = fig.span[1] + len(re.match(r"\s*\w+", text[fig.span[1]:]).group(0))
            out[-1] = dataclasses.replace(last, value=last.value + fig.value / 100, span=(last.span[0], end),
                                          text=text[last.span[0]: end], after=fig.after[1:])
            continue
        out.append(fig)
    return [_cents_in_words(text, fig) for fig in out]


# "… euro and fifty cent per month": cents said in words, not read as a figure of their own.
CENTS_IN_WORDS = re.compile(rf"\s+and\s+({WORDS_NUMBER})\s+(?:{'|'.join(CENTS)})\b(?:\s+(?:per|a|an|each|every)\s+([a-z]+))?",
                            re.IGNORECASE)


def _cents_in_words(text: str, fig: Figure) -> Figure:
    found = CENTS_IN_WORDS.match(text, fig.span[1]) if fig.unit == "money" else None
    if found is None or not 0 < words_value(found.group(1)) < 100:
        return fig
    period = PERIOD_WORDS.get((found.group(2) or "").lower()) or fig.period
    end = found.end() if found.group(2) and PERIOD_WORDS.get(found.group(2).lower()) else found.end(1) + len(
        re.match(r"\s+\w+", text[found.end(1):]).group(0))
    return dataclasses.replace(fig, value=fig.value + words_value(found.group(1)) / 100, span=(fig.span[0], end),
                               text=text[fig.span[0]: end], period=period)


# A share of an amount named in words ("half the fee", "a third of the licence").
SHARE_WORDS = re.compile(r"\b(?:(half)|(?:a|one)\s+(third|quarter|fifth|tenth)\s+of)\b", re.IGNORECASE)
SHARES = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}


# A change by a share of the input itself: "a third more visitors", "a quarter less", "grew by a fifth".
SHARE_MOVE = re.compile(r"\b(?:(?:a|one)\s+)?(half|third|quarter|fifth|tenth)\s+(more|less|fewer|higher|lower|bigger|"
                        r"smaller|larger|cheaper|extra)\b|\b([a-z]+)\s+by\s+(?:a|one)\s+(third|quarter|fifth|tenth)\b",
                        re.IGNORECASE)


def _share_move(text: str) -> tuple[float, re.Match] | None:
    """The factor a share said in words moves an input by ("a third more" → 4/3, "cut by a
    quarter" → 3/4), with its match; None when no share moves anything."""
    match = SHARE_MOVE.search(text)
    if match is None:
        return None
    if match.group(1):
        sign = 1 if match.group(2).lower() in MORE | {"extra"} else -1
        return 1 + sign * SHARES[match.group(1).lower()], match
    sign = _moved([match.group(3).lower()])
    return (1 + sign * SHARES[match.group(4).lower()], match) if sign else None


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


UNTIL = re.compile(r"\b(?:by|until|till|through|to|after|end of)\s+(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)
MONTHS_PER = {"year": 12, "quarter": 3, "month": 1}


def _until_period(state: CalculationState, spec: ToolSpec, text: str, match: re.Match) -> Figure | None:
    """"by the end of year three" in a calculation counted over a horizon: a length of time
    (three years) that the horizon takes; None when the message names one period for itself
    ("in year two") or the calculation counts no horizon."""
    counted = state.horizon is not None or any(x.field and not x.ignored and spec.field(x.field).horizon
                                               for x in state.figures)
    number = period_named(match.group(0))
    unit = next((w for w in MONTHS_PER if w in match.group(0).lower()), None)
    if not counted or not UNTIL.search(text[: match.start()]) or not number or number < 1 or unit is None:
        return None
    return Figure(value=float(number * MONTHS_PER[unit]), unit="duration", span=match.span(), text=match.group(0),
                  context=match.group(0))


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


def _one_period(state: CalculationState, spec: ToolSpec, text: str, fig: Figure, period: int,
                changes: list[str]) -> tuple[CalculationState, list[str]] | None:
    """One period of a series changed ("sorry, the first-year return is 15,000"): the flows as
    computed become one figure per period (each quoting the words it came from), and only the
    named period takes the new figure; a calculation with no series changes nothing."""
    sequence = next((f.name for f in spec.fields if f.sequence), None)
    flows = next((v for v in (state.args or {}).values() if isinstance(v, list)), None)
    appended = period == len(flows or [])  # "and add a 5th year of 20k", "it runs a fourth year": one more period
    if sequence is None or not flows or not (-len(flows) < period < len(flows) or appended) or period == 0:
        return None
    used = [i for i, item in enumerate(state.figures) if not item.ignored and item.field
            and item.figure.get("unit") in {"money", "count"} and i != state.horizon]
    sources = []  # which figure each period's flow came from: one, or one repeated per period
    for i in used:
        item = state.figures[i]
        count = 1 if not item.figure.get("period") else len(flows) - len(used) + 1
        sources += [item] * count
    if len(sources) != len(flows):
        return None  # flows not read one by one from the figures: not guessed
    unit = next((w for w in ("year", "month", "quarter") if w in ONE_PERIOD.search(text).group(0).lower()), "period")
    series = []
    for n, (value, item) in enumerate(zip(flows, sources)):
        if not appended and n == period % len(flows):
            new = reply_figure(text, fig)
            new.figure["span"] = item.figure["span"]
            changes.append(f"{sequence.replace('_', ' ')}, {unit} {n}: {fmt_value(value)} → {fig.text.strip()}")
        else:
            new = item.model_copy(deep=True)
            new.figure.update(value=value, period=None, high=None)
        new.field, new.fields = sequence, []
        series.append(new)
    if appended:
        new = reply_figure(text, fig)
        new.figure["span"] = series[-1].figure["span"]
        new.field = sequence
        series.append(new)
        changes.append(f"{sequence.replace('_', ' ')}, {unit} {period}: added {fig.text.strip()}")
    horizon = state.figures[state.horizon] if state.horizon is not None else None
    before = [item for i, item in enumerate(state.figures) if i < used[0] and i not in used]
    after = [item for i, item in enumerate(state.figures) if i > used[0] and i not in used]
    state.figures = before + series + after
    state.horizon = next((i for i, item in enumerate(state.figures) if item is horizon), None)
    state.about = None
    return state, changes


def _scaled(state: CalculationState, text: str, news: list[Figure],
            embed: Callable[[list[str]], Any] | None = None) -> tuple[CalculationState, list[str]] | None:
    """An input changed by a factor the message names in words: "double the reach", "halve the
    cost", "with 20% more gain" (the input is the one its words name best, all its parts when the
    words name it by its own name; one part when they name a part, by the user's words or by
    meaning: "if the fee went up 20%" of a cost made of set-up, training and a yearly fee)."""
    lowered = text.lower()
    factor, rest = None, lowered
    shared = _share_move(lowered)
    if shared is not None:  # "a quarter less": the share is no figure of its own (no period of three months)
        news = [f for f in news if not (shared[1].start() <= f.span[0] < shared[1].end())]
    word = MULTIPLIER.search(lowered)
    if word and news and all(any(abs(x.figure["value"] - f.value) < 1e-9 for x in state.figures) for f in news):
        news = []  # "halve the search impact, 8 is too optimistic": the figures it quotes are the old ones
    if word and not news:
        factor, rest = MULTIPLIERS[word.group(1)], lowered[word.end():]
    elif not news and shared is not None:  # "if it reached a third more people"
        factor, found = shared
        rest = lowered[found.end():] if found.group(1) else lowered[: found.start()] + " " + found.group(3)
    elif len(news) == 1 and news[0].unit == "percent" and news[0].after[:1] and news[0].after[0] in MORE | LESS:
        sign = 1 if news[0].after[0] in MORE else -1
        factor, rest = 1 + sign * news[0].value / 100, " ".join(news[0].after[1:])
    elif len(news) == 1 and news[0].unit == "percent" and _moved(news[0].before[-2:]) and 0 < news[0].value < 100:
        # "the savings drop by 20%", "if the fee went up 10%": the verb before it says which way
        sign = _moved(news[0].before[-2:])
        factor, rest = 1 + sign * news[0].value / 100, " ".join(news[0].before)
    if factor is None:
        return None
    if word and factor == 0.5 and set(re.findall(r"[a-z]+", lowered[: word.start()])) & (RISES | MORE):
        factor = 1.5  # "increase the reach by half"
    clause = next((c for c in re.split(r"[,;.!?]", lowered) if word and word.group(1) in c), "") if word else ""
    said = naming_content(re.findall(r"[a-z][a-z'/-]*", rest)) or naming_content(re.findall(r"[a-z][a-z'/-]*", lowered))
    if not word and not _names_an_input(state, said):  # "a third more people": the verb names it ("reached")
        said = naming_content(re.findall(r"[a-z][a-z'/-]*", lowered))
    if clause:  # "cut the effort on Beta by half, we can reuse it": the input is named in the factor's clause
        said = [w for w in naming_content(re.findall(r"[a-z][a-z'/-]*", clause)) if w not in MULTIPLIERS]
    spec = spec_named(state.tool)
    period = period_named(text)
    flows = next((v for v in (state.args or {}).values() if isinstance(v, list) and v and not isinstance(v[0], dict)), None)
    if spec is not None and period is not None and flows and word and -len(flows) <= period < len(flows) and period:
        value = round(flows[period] * factor, 6)  # "halve the year-one inflow": that period's flow only
        fig = Figure(value=value, unit="money", span=(0, len(text)), text=fmt_value(value), context=text.strip())
        return _one_period(state, spec, text, fig, period, []) or (state, [])
    named = records_named(state, spec, text) if spec is not None and spec.records else []
    if len(named) > 1:
        return state, []  # "halve the effort of A and B": not guessed
    part = _part_named(state, said) if not named else None  # a project's inputs have no parts
    if part is not None:  # "what if support doubled": that part only, the input's other parts stay
        return _scale(state, text, [part], factor)
    scores: dict[str, float] = {}
    for i, item in enumerate(state.figures):  # the input named by its own name ("the reach") or the user's word for it ("support")
        if item.field and not item.ignored and (not named or i in named[0]):  # "double pricing conf": that project's
            label = item.field.replace("_", " ").split()
            labels = [x for x in spec_named(state.tool).field(item.field).labels if " " not in x] if spec_named(state.tool) else []
            score = sum(any(same_word(w, s) for s in said) for w in label) + name_score(said, item) \
                + 0.5 * any(same_word(s, x) or s.startswith(x) for s in said for x in labels)  # "the savings": a label of the gain
            scores[item.field] = max(scores.get(item.field, 0.0), score)
    best = max(scores.values(), default=0)
    names = [name for name, score in scores.items() if score == best]
    if best == 0 or len(names) != 1:
        return None
    if word is None and any(x.field == names[0] and x.figure.get("unit") == "percent" for x in state.figures):
        return state, []  # "20% more confidence": 20 points or a fifth more? Not guessed
    parts = [i for i, item in enumerate(state.figures) if item.field == names[0] and not item.ignored
             and (not named or i in named[0])]
    if len(parts) > 1 and not named and not any(same_word(w, x) for w in said for x in names[0].split("_")):
        # an input of several parts named by another word than its own name ("the fee" of the cost): which part
        meant = part_by_input_name(state, said, parts)
        if meant is None and embed is not None:
            meant = line_meant(state, " ".join(said), embed, parts)
        return _scale(state, text, [meant], factor) if meant is not None else (state, [])  # else not guessed
    return _scale(state, text, [i for i, item in enumerate(state.figures) if item.field == names[0] and not item.ignored
                                and (not named or i in named[0])], factor)  # "halve Beta's effort": that project's only


def part_by_input_name(state: CalculationState, said: list[str], parts: list[int]) -> int | None:
    """The one part of an input that words name through the name of an input of another calculator
    ("the fee" of a cost whose parts are set-up, training and "the software is 6k a year": a total
    cost counts software fees, and the software line is that part); None when not exactly one."""
    bridges = {word for spec in SPECS for f in spec.fields if f.unit == "money"
               if any(same_word(w, x) for w in said for x in f.name.split("_")) for word in f.name.split("_")}
    bridges -= {w for w in bridges if any(same_word(w, x) for x in ("cost", "costs", "benefit", "gain", "monthly", "upfront"))}
    named = [i for i in parts if any(same_word(w, x) for w in bridges for x in naming_content(words_of(state.figures[i])))]
    return named[0] if len(named) == 1 else None


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


def _names_an_input(state: CalculationState, said: list[str]) -> bool:
    """Does a word of ``said`` name an input of the calculation, by its name or by the user's words?"""
    return any(item.field and not item.ignored and (
        any(same_word(w, x) for w in said for x in item.field.split("_")) or name_score(said, item) > 0)
        for item in state.figures)


# Words that stand between a verb that moves an amount and the amount ("went up BY 300").
MOVE_FILLERS = {"by", "just", "another", "further", "a", "roughly", "about", "around", "some"}


def _moves_by(fig: Figure) -> int:
    """+1 or -1 when an amount is what something moves by ("went up 300 a month", "was cut by
    2k", "costs 300 more"), else 0; "went up to 2,500" gives the new value, not a move."""
    if fig.unit not in {"money", "count"} or fig.is_range:
        return 0
    if fig.after[:1] and fig.after[0] in {"more", "higher"}:
        return 1
    if fig.before[-1:] and fig.before[-1] in {"add", "adding", "added"} and fig.after[:1] == ["to"]:
        return 1  # "add 2k to the set-up": that line moves up by it, no new line
    if fig.before[-1:] and fig.before[-1] in {"take", "taking", "knock", "knocking", "shave", "subtract"} \
            and fig.after[:1] in (["off"], ["from"]):
        return -1  # "take 2k off the set-up"
    if fig.after[:1] and fig.after[0] in {"less", "lower", "cheaper", "fewer"}:
        return -1
    words = [w for w in fig.before[-4:] if w not in MOVE_FILLERS]
    return 1 if words[-1:] and words[-1] in RISES else -1 if words[-1:] and words[-1] in FALLS else 0


def _label_said(spec: ToolSpec, name: str, words: list[str]) -> bool:
    """Is a word of ``words`` one of the input's own labels in its spec ("set-up" for the
    implementation), though the user named the figure otherwise?"""
    def said(field_name: str, word: str) -> bool:
        labels = [x for x in spec.field(field_name).labels if " " not in x and len(x) > 3]
        return any(same_word(word, x) or word.startswith(x) for x in labels)

    # a label of this input only: "licensing" names every cost of a payback, "set-up" one of a TCO
    return any(said(name, w) and not any(said(f.name, w) for f in spec.fields if f.name != name) for w in words)


def _delta(state: CalculationState, spec: ToolSpec, text: str, fig: Figure, sign: int,
           changes: list[str], asks: bool = True) -> tuple[CalculationState, list[str]] | None:
    """An input moved by an amount: the figure the words before it name (or, when the message
    says which way an input goes, "so the net's lower now", that input) plus or minus the amount,
    in its own period. Which input, or which way, when the words do not say: asked, never guessed
    (the amount is never taken as the input's new value); None when it names no input and ``asks``
    is False (a message that is no change of the calculation)."""
    moved_words = [w for w in naming_content(fig.before) if w not in RISES | FALLS | GENERIC]
    if fig.after[:1] in (["to"], ["off"], ["from"]):  # "add 2k to the set-up": the line is named after it
        moved_words = [w for w in naming_content(fig.after[1:6]) if w not in RISES | FALLS | GENERIC]
    after = re.findall(r"[a-z]+", text[fig.span[1]:].lower())
    way = {1 for w in after if w in MORE | RISES} | {-1 for w in after if w in LESS | FALLS}
    candidates = [i for i, item in enumerate(state.figures)
                  if item.field and not item.ignored and i != state.horizon and item.figure.get("unit") in {"money", "count"}
                  and not spec.field(item.field).horizon and compatible(fig, item)]
    scores = {i: name_score(moved_words, state.figures[i]) + sum(
        any(same_word(w, x) for x in state.figures[i].field.split("_")) for w in moved_words)
        + 0.5 * _label_said(spec, state.figures[i].field, moved_words) for i in candidates}  # "add 2k to the set-up"
    best = max(scores.values(), default=0.0)
    named = [i for i, score in scores.items() if score == best and score > 0]
    target: int | None = named[0] if len(named) == 1 else None
    asks = asks or bool(named)
    if target is None and len(way) == 1:  # "hosting went up 300 a month, so the net's lower": the input said to move
        said = [w for w in naming_content(after) if w not in MORE | LESS | RISES | FALLS | GENERIC]
        by_name = {i: name_score(said, state.figures[i]) + sum(any(same_word(w, x) for x in state.figures[i].field.split("_"))
                                                                for w in said) for i in candidates}
        top = max(by_name.values(), default=0.0)
        told = [i for i, score in by_name.items() if score == top and score > 0]
        if len(told) == 1:
            target, sign = told[0], way.pop()
    elif target is not None and len(way) == 1 and way != {sign}:
        target = None  # "the fee went up 300 so it costs less": which way, asked
    item = state.figures[target] if target is not None else None
    if item is None or (fig.period and item.figure.get("period") and fig.period != item.figure.get("period")):
        if not asks:
            return None  # names no input, in a message that changes nothing: read on its own
        shown = fig.text.strip()
        state.need, state.about, state.fields, state.pending = "move", None, [], None
        state.question = Clarification(
            question=f"You say something moves by {shown}: which input of the calculation should change by {shown}, "
                     "and does it go up or down?")
        return state, changes
    value = round(item.figure["value"] + sign * fig.value, 6)
    new = word_figure(text, value, item.figure.get("unit") or "count", fmt_value(value))
    for key in ("period", "currency", "span", "index"):
        new.figure[key] = item.figure.get(key)
    new.figure["naming"] = words_of(item)
    new.field = item.field
    label = item.field.replace("_", " ")
    shown = " ".join([fmt_value(value), *([new.figure["currency"]] if new.figure.get("currency") else []),
                      *([f"a {new.figure['period']}"] if new.figure.get("period") else [])])
    changes.append(f"{label}: {item.figure['text']} → {shown} ({'+' if sign > 0 else '−'}{fig.text.strip()})")
    state.figures[target] = new
    if state.need == "move":  # the question it answers
        state.need, state.question = "", None
    return state, changes


def _part_named(state: CalculationState, said: list[str]) -> int | None:
    """The one part of an input of several parts that the words name by a word of its own (not
    the input's name: "double the cost" names every part of the cost, "support" one of them)."""
    scores = {}
    for i, item in enumerate(state.figures):
        if not item.field or item.ignored or sum(1 for x in state.figures if x.field == item.field and not x.ignored) < 2:
            continue
        own = [w for w in said if not any(same_word(w, name) for name in item.field.split("_"))]
        scores[i] = name_score(own, item) if own else 0.0
    best = max(scores.values(), default=0.0)
    named = [i for i, score in scores.items() if score == best]
    return named[0] if best > 0 and len(named) == 1 else None


def _scale(state: CalculationState, text: str, indices: list[int], factor: float) -> tuple[CalculationState, list[str]]:
    """The figures at ``indices`` times ``factor``, each keeping its period, currency and place."""
    changes = []
    for i in indices:
        item = state.figures[i]
        value = round(item.figure["value"] * factor, 6)
        unit = item.figure.get("unit") or "count"
        new = word_figure(text, value, unit, fmt_value(value) + ("%" if unit == "percent" else ""))
        for key in ("period", "currency", "span", "index"):
            new.figure[key] = item.figure.get(key)
        new.figure["naming"] = words_of(item)  # still the line the user named: "the licence" finds it again
        new.field = item.field
        spec = spec_named(state.tool)
        label = item.field.replace("_", " ") + (of_record(state, spec, i) if spec is not None else "")
        changes.append(f"{label}: {item.figure['text']} → {new.figure['text']}")
        state.figures[i] = new
    return state, changes


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


def _ask_removal(state: CalculationState) -> CalculationState:
    """A removal that names no line ("and if it were free?"): which one is asked, never guessed."""
    options = [shown for _, shown in removal_options(state)]
    state.need, state.about, state.fields, state.pending = "remove", None, [], None
    state.question = Clarification(question="Which of these should I take out of the calculation?", options=options)
    return state


def _ask_part(state: CalculationState, text: str, fig: Figure, role) -> CalculationState:
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


def _ask_unnamed(state: CalculationState, spec: ToolSpec, text: str, fig: Figure) -> CalculationState | None:
    """A what-if whose one figure names no line: which input (or which part of the one input it
    fits) it replaces is asked, never guessed; None when no input of the calculation fits it."""
    names = list(dict.fromkeys(x.field for i, x in enumerate(state.figures)
                               if x.field and not x.ignored and i != state.horizon and compatible(fig, x)
                               and not spec.field(x.field).horizon and not spec.field(x.field).sequence
                               and (x.figure.get("period") is None) == (fig.period is None)))
    if len(names) == 1 and len(part_options(state, names[0])) > 1:
        return _ask_part(state, text, fig, names[0])
    return _ask_input(state, text, fig, names) if names else None


def _ask_input(state: CalculationState, text: str, fig: Figure, names: list[str]) -> CalculationState:
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
