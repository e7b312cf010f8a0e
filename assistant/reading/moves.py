"""An input moved rather than replaced: by a factor in words ("double the reach", "halve the
cost", "a third more visitors", "20% more gain") or by an amount ("hosting went up 300 a month",
"take 2k off the set-up"); the input or the one part its words name moves, in its own period.
Which one, or which way, when the words do not say: asked, never guessed. Used by reading/whatif.py.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from assistant.reading.calc_state import (
    fmt_value,
    naming_content,
    same_word,
    spec_named,
    word_figure,
    words_of,
)
from assistant.reading.parts import line_meant
from assistant.reading.periods import one_period, period_named
from assistant.reading.targets import GENERIC, compatible, name_score, of_record, records_named
from assistant.types import CalculationState, Clarification
from knowledge.figures import Figure
from tools.registry import SPECS
from tools.spec import ToolSpec


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


# A share of an amount named in words ("half the fee", "a third of the licence").
SHARE_WORDS = re.compile(r"\b(?:(half)|(?:a|one)\s+(third|quarter|fifth|tenth)\s+of)\b", re.IGNORECASE)
SHARES = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}


# A change by a share of the input itself: "a third more visitors", "a quarter less", "grew by a
# fifth", "cut the licence cost by a third" (the verb that moves it may stand before its object).
SHARE_MOVE = re.compile(r"\b(?:(?:a|one)\s+)?(half|third|quarter|fifth|tenth)\s+(more|less|fewer|higher|lower|bigger|"
                        r"smaller|larger|cheaper|extra)\b|\bby\s+(?:a|one)\s+(third|quarter|fifth|tenth)\b(?![- ]part)",
                        re.IGNORECASE)


# Verbs said to an amount that move it ("raise the fee by a fifth", "trim the effort by a quarter"),
# beside the ones a figure moves by (RISES, FALLS).
RAISES = {"raise", "raised", "raising", "lift", "lifted", "boost", "boosted", "bump", "bumped", "grow", "increase",
          "increasing", "push", "pushed"}
LOWERS = {"cut", "cutting", "trim", "trimmed", "slash", "slashed", "lower", "lowered", "lowering", "reduce",
          "reducing", "shave", "shaved", "decrease", "decreasing", "drop", "knock", "knocked"}
MOVER_REACH = 7  # words before "by a third" within which the verb that moves the amount is looked for


def share_move(text: str) -> tuple[float, re.Match] | None:
    """The factor a share said in words moves an input by ("a third more" → 4/3, "cut by a
    quarter" → 3/4, "cut the licence by a third" → 2/3), with its match; None when no share
    moves anything (no verb of moving in the clause before "by a third")."""
    match = SHARE_MOVE.search(text)
    if match is None:
        return None
    if match.group(1):
        sign = 1 if match.group(2).lower() in MORE | {"extra"} else -1
        return 1 + sign * SHARES[match.group(1).lower()], match
    clause = re.split(r"[,;.!?\n]| - | – ", text[: match.start()])[-1]
    sign = 0
    # "up-front", "down payment": "up" and "down" move the amount only as the last word before
    # "by" ("went up by a third"); elsewhere they are part of a name
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", clause.lower())[-MOVER_REACH:]
    for place, word in reversed(list(enumerate(words))):
        if word in {"up", "down"} and place != len(words) - 1:
            continue
        if word in RISES | RAISES or word in FALLS | LOWERS:
            sign = 1 if word in RISES | RAISES else -1
            break
    return (1 + sign * SHARES[match.group(3).lower()], match) if sign else None


# Verbs that take a share off an amount: "knock 10% off the licence", "take 15% off the set-up".
TAKES_OFF = {"knock", "knocking", "take", "taking", "shave", "shaving", "cut", "cutting", "trim", "trimming"}


# A factor written as a multiplication: "gain x2", "reach ×1.5", "gain times 1.5", "2x the reach",
# "three times the traffic" (not "3 times a year": a frequency).
TIMES_SIGN = re.compile(r"(?:(?<![\w.])[x×]|\btimes)\s*(\d+(?:[.,]\d+)?)\b(?!\s*(?:%|[a-z]))", re.IGNORECASE)
MAX_FACTOR = 20.0  # a larger "times" is no what-if factor but a figure of its own


def times_factor(text: str, news: list[Figure]) -> tuple[float, str, list[Figure]] | None:
    """A factor written as a multiplication, the words before it that name what it scales, and
    the message's figures less the factor itself; None when the message writes no such factor."""
    found = TIMES_SIGN.search(text)
    if found is not None:
        value = float(found.group(1).replace(",", "."))
        rest = [f for f in news if not found.start() <= f.span[0] < found.end()]
        if 0 < value <= MAX_FACTOR and not rest:
            return value, text[: found.start()].lower(), rest
    for fig in news:  # "2x the reach", "three times the traffic"
        if fig.unit == "count" and fig.after[:1] == ["times"] and fig.after[1:2] and fig.after[1] in {"the", "our", "its", "as"} \
                and 0 < fig.value <= MAX_FACTOR and len(news) == 1:
            return fig.value, " ".join(fig.after[2:]), []
    return None


def scaled(state: CalculationState, text: str, news: list[Figure],
            embed: Callable[[list[str]], Any] | None = None) -> tuple[CalculationState, list[str]] | None:
    """An input changed by a factor the message names in words: "double the reach", "halve the
    cost", "with 20% more gain" (the input is the one its words name best, all its parts when the
    words name it by its own name; one part when they name a part, by the user's words or by
    meaning: "if the fee went up 20%" of a cost made of set-up, training and a yearly fee)."""
    lowered = text.lower()
    factor, rest = None, lowered
    shared = share_move(lowered)
    if shared is not None:  # "a quarter less": the share is no figure of its own (no period of three months)
        news = [f for f in news if not (shared[1].start() <= f.span[0] < shared[1].end())]
    # a multiplier word inside a figure is its value ("half a person-month" is 0.5 of one), no factor
    word = next((m for m in MULTIPLIER.finditer(lowered)
                 if not any(f.span[0] <= m.start() < f.span[1] for f in news)), None)
    if word and news and all(any(abs(x.figure["value"] - f.value) < 1e-9 and x.figure.get("unit") == f.unit
                                 for x in state.figures) for f in news):
        news = []  # "halve the search impact, 8 is too optimistic": the figures it quotes are the old ones
    if word and not news:
        factor, rest = MULTIPLIERS[word.group(1)], lowered[word.end():]
    elif not news and shared is not None:  # "if it reached a third more people"
        factor, found = shared
        rest = lowered[found.end():] if found.group(1) else lowered[: found.start()]
    elif len(news) == 1 and news[0].unit == "percent" and news[0].after[:1] and news[0].after[0] in MORE | LESS:
        sign = 1 if news[0].after[0] in MORE else -1
        factor, rest = 1 + sign * news[0].value / 100, " ".join(news[0].after[1:])
    elif len(news) == 1 and news[0].unit == "percent" and _moved(news[0].before[-2:]) and 0 < news[0].value < 100:
        # "the savings drop by 20%", "if the fee went up 10%": the verb before it says which way
        sign = _moved(news[0].before[-2:])
        factor, rest = 1 + sign * news[0].value / 100, " ".join(news[0].before)
    elif len(news) == 1 and news[0].unit == "percent" and news[0].before[-1:] and news[0].before[-1] in TAKES_OFF \
            and news[0].after[:1] == ["off"] and 0 < news[0].value < 100:  # "knock 10% off the licence"
        factor, rest = 1 - news[0].value / 100, " ".join(news[0].after[1:])
    elif len(news) == 1 and news[0].unit == "percent" and 0 < abs(news[0].value) < 100 and news[0].before \
            and (news[0].value < 0 or text[: news[0].span[0]].rstrip().endswith("+")) \
            and not _points(news[0]):  # "cost +10%", "gain -20%" (not "+2pp": points, reading/moves.points_moved)
        factor, rest = 1 + news[0].value / 100, " ".join(news[0].before[-3:])
    else:
        times = times_factor(text, news)
        if times is not None:  # "gain x2", "reach ×1.5", "3 times the traffic"
            factor, rest, news = times
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
        return one_period(state, spec, text, fig, period, []) or (state, [])
    named = records_named(state, spec, text) if spec is not None and spec.records else []
    if len(named) > 1:
        return state, []  # "halve the effort of A and B": not guessed
    part = _part_named(state, said) if not named else None  # a project's inputs have no parts
    if part is not None:  # "what if support doubled": that part only, the input's other parts stay
        return scale(state, text, [part], factor)
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
        return scale(state, text, [meant], factor) if meant is not None else (state, [])  # else not guessed
    return scale(state, text, [i for i, item in enumerate(state.figures) if item.field == names[0] and not item.ignored
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


def _names_an_input(state: CalculationState, said: list[str]) -> bool:
    """Does a word of ``said`` name an input of the calculation, by its name or by the user's words?"""
    return any(item.field and not item.ignored and (
        any(same_word(w, x) for w in said for x in item.field.split("_")) or name_score(said, item) > 0)
        for item in state.figures)


# Verbs before "up"/"down" that say where an amount lands, not that it moves ("it ends up 32k").
ENDS_UP = {"end", "ends", "ended", "ending", "wind", "winds", "wound", "winding"}


# Words that stand between a verb that moves an amount and the amount ("went up BY 300").
MOVE_FILLERS = {"by", "just", "another", "further", "a", "roughly", "about", "around", "some"}


def moves_by(fig: Figure) -> int:
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
    if words[-2:-1] and words[-2] in ENDS_UP:
        return 0  # "if it ends up 32k", "wound up 9k": where it lands, a new value
    if fig.before[-1:] == ["by"] and not (words[-1:] and words[-1] in RISES | FALLS):
        # "reduce the gain by 10k", "raise the set-up by 2k": the verb stands before what it moves
        for word in reversed(fig.before[-MOVER_REACH:-1]):
            if word in RISES | RAISES | FALLS | LOWERS:
                return 1 if word in RISES | RAISES else -1
    return 1 if words[-1:] and words[-1] in RISES else -1 if words[-1:] and words[-1] in FALLS else 0


def _label_said(spec: ToolSpec, name: str, words: list[str]) -> bool:
    """Is a word of ``words`` one of the input's own labels in its spec ("set-up" for the
    implementation), though the user named the figure otherwise?"""
    def said(field_name: str, word: str) -> bool:
        labels = [x for x in spec.field(field_name).labels if " " not in x and len(x) > 3]
        return any(same_word(word, x) or word.startswith(x) for x in labels)

    # a label of this input only: "licensing" names every cost of a payback, "set-up" one of a TCO
    return any(said(name, w) and not any(said(f.name, w) for f in spec.fields if f.name != name) for w in words)


def delta(state: CalculationState, spec: ToolSpec, text: str, fig: Figure, sign: int,
           changes: list[str], asks: bool = True) -> tuple[CalculationState, list[str]] | None:
    """An input moved by an amount: the figure the words before it name (or, when the message
    says which way an input goes, "so the net's lower now", that input) plus or minus the amount,
    in its own period. Which input, or which way, when the words do not say: asked, never guessed
    (the amount is never taken as the input's new value); None when it names no input and ``asks``
    is False (a message that is no change of the calculation)."""
    moved_words = [w for w in naming_content(fig.before) if w not in RISES | FALLS | RAISES | LOWERS | GENERIC]
    if fig.after[:1] in (["to"], ["off"], ["from"]):  # "add 2k to the set-up": the line is named after it
        moved_words = [w for w in naming_content(fig.after[1:6]) if w not in RISES | FALLS | RAISES | LOWERS | GENERIC]
    after = re.findall(r"[a-z]+", text[fig.span[1]:].lower())
    way = {1 for w in after if w in MORE | RISES} | {-1 for w in after if w in LESS | FALLS}
    candidates = [i for i, item in enumerate(state.figures)
                  if item.field and not item.ignored and i != state.horizon and item.figure.get("unit") in {"money", "count"}
                  and not spec.field(item.field).horizon and compatible(fig, item)]
    scores = {i: name_score(moved_words, state.figures[i]) + sum(
        any(same_word(w, x) for x in state.figures[i].field.split("_")) for w in moved_words)
        + 0.5 * _label_said(spec, state.figures[i].field, moved_words) for i in candidates}  # "add 2k to the set-up"
    best = max(scores.values(), default=0.0)
    if best == 0:  # "what if cost were 5k more": an input named by its own name, a word every part shares
        said = [w for w in naming_content(fig.before[-MOVER_REACH:]) if w not in RISES | FALLS | RAISES | LOWERS]
        scores = {i: float(sum(any(same_word(w, x) for x in state.figures[i].field.split("_")) for w in said))
                  for i in candidates}
        best = max(scores.values(), default=0.0)
        if len({state.figures[i].field for i, score in scores.items() if score == best}) > 1:
            best = 0.0  # "the cost" of a payback: the upfront or the running one, asked
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


def scale(state: CalculationState, text: str, indices: list[int], factor: float) -> tuple[CalculationState, list[str]]:
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


# A percentage moved by points ("the rate went up 2 points", "confidence -10pp", "raise the margin
# by 3 percentage points"): the points are added to or taken off the percentage, never a factor.
POINTS = {"point", "points", "pts", "pt", "pp", "ppt", "ppts"}


def _points(fig: Figure) -> bool:
    written = fig.text.lower()
    return (fig.unit == "count" and bool(fig.after[:1]) and fig.after[0] in POINTS) or (
        fig.unit == "percent" and bool(re.search(r"\bpoints?\b|pp|pts?\b", written)))


def points_moved(state: CalculationState, text: str, news: list[Figure]) -> tuple[CalculationState, list[str]] | None:
    """The percentage input a move by points names (its own name or the user's words for it; the
    only percentage, when the words name none) moved by them, up or down as the verb or sign says;
    None when the message moves nothing by points. Which one, or which way, when unsaid: asked."""
    if len(news) != 1 or not _points(news[0]):
        return None
    fig = news[0]
    before = text[: fig.span[0]].rstrip()
    after = fig.after[1:] if fig.unit == "count" else fig.after
    sign = -1 if fig.value < 0 or before.endswith(("-", "−")) else 1 if before.endswith("+") else 0
    if not sign:
        sign = 1 if after[:1] and after[0] in MORE | {"up"} else -1 if after[:1] and after[0] in LESS | {"down"} else 0
    if not sign:
        for word in reversed(fig.before[-MOVER_REACH:]):
            if word in RISES | RAISES | FALLS | LOWERS:
                sign = 1 if word in RISES | RAISES else -1
                break
    percents = [i for i, item in enumerate(state.figures) if item.field and not item.ignored
                and item.figure.get("unit") == "percent"]
    said = [w for w in naming_content(fig.before[-MOVER_REACH:]) if w not in RISES | FALLS | RAISES | LOWERS]
    def names(i: int) -> bool:
        item = state.figures[i]
        return bool(item.field) and not item.ignored and (
            name_score(said, item) > 0 or any(same_word(w, x) for w in said for x in item.field.split("_")))

    named = [i for i in percents if names(i)]
    other = any(names(i) for i in range(len(state.figures)) if i not in percents)  # "reach up 2 points": no percentage
    target = named if len(named) == 1 else percents if len(percents) == 1 and not named and not other else []
    if not sign or len(target) != 1:
        state.need, state.about, state.fields, state.pending = "move", None, [], None
        state.question = Clarification(question=f"You say a percentage moves by {fig.text.strip()} points: which input "
                                                 "should change by that many points, and does it go up or down?")
        return state, []
    item = state.figures[target[0]]
    value = round(item.figure["value"] + sign * abs(fig.value), 6)
    new = word_figure(text, value, "percent", fmt_value(value) + "%")
    for key in ("period", "span", "index"):
        new.figure[key] = item.figure.get(key)
    new.figure["naming"] = words_of(item)
    new.field = item.field
    line = f"{item.field.replace('_', ' ')}: {item.figure['text']} → {new.figure['text']} ({'+' if sign > 0 else '−'}{fmt_value(abs(fig.value))} points)"
    state.figures[target[0]] = new
    return state, [line]
