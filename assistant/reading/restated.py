"""A message that says again a figure the calculation already holds ("the 1k is per month", "it
is five thousand, 5.000 is how we write it"): the user checks or corrects how it was read, and
changes no value. The calculation is computed again with the figure as now described: the same
input, its period the one the message claims (a period it questions or denies — "you read it as
per year??", "not yearly" — is not the claim). Two claims that disagree are asked about, never
guessed. A message naming another input ("what if the gain were 40k too") is not a restatement, nor
one naming a figure as the old value that another replaces ("20000, not 2000"), nor one naming
a project whose figure it gives another project's value ("B is more like a 9 on ease").
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import naming_content, reply_figure, spec_named, value_words
from assistant.reading.moves import MULTIPLIER, SHARE_WORDS
from assistant.reading.targets import GENERIC, name_score, records_named
from assistant.reading.whatif import OLD_VALUE, REMOVE, WHAT_IF, roles_of
from assistant.types import CalculationState
from knowledge.figures import MONTHS_IN, PERIOD_WORDS, Figure, read_figures

# Words just before a period that deny it or say it is what was read, not what is meant.
DENIED = re.compile(r"\b(?:not|instead of|rather than|as|read|took|taken|understood|thought)\s+(?:a\s+|per\s+|an?\s+|the\s+)?$",
                    re.IGNORECASE)
# A figure pointed at as one already given: "that 3.5k is before the subscription".
POINTED = re.compile(r"\b(?:the|that|this|those|these|your|our)\s*$", re.IGNORECASE)
# Scales a thousands separator read as a decimal point moves a figure by ("5.000" read as 5).
MISREAD = (1e3, 1e-3)


def claimed_period(text: str) -> str | None | bool:
    """The period the message claims for an amount: 'month', 'year'…; None when it names none;
    False when it claims two that differ (then the period is asked, not guessed)."""
    claims = set()
    for match in re.finditer(r"[a-z]+(?:-[a-z]+)?", text.lower()):
        period = PERIOD_WORDS.get(match.group(0))
        if period is None:
            continue
        questioned = re.match(r"[^.!;\n]*?\?", text[match.end():]) is not None and \
            "?" in text[match.end(): match.end() + 4]  # "as per year??": the reading it asks about
        if questioned or DENIED.search(text[max(0, match.start() - 24): match.start()]):
            continue
        claims.add(period)
    if not claims:
        return None
    return claims.pop() if len(claims) == 1 else False


def _per_other_period(held: dict, fig: Figure) -> bool:
    """Is ``fig`` the held amount counted per another period ("49 a month" said as "588 a year")?"""
    was, now = held.get("period"), fig.period
    if not was or not now or was == now or was not in MONTHS_IN or now not in MONTHS_IN:
        return False
    value = held["value"] * MONTHS_IN[now] / MONTHS_IN[was]
    return abs(value - fig.value) <= 0.005 * max(abs(value), 1.0)


def restatement(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """The state with the figures ``text`` says again described as it now says (the same values,
    the period it claims), or None when the message is not only a restatement."""
    spec = spec_named(state.tool)
    if spec is None or state.args is None or WHAT_IF.match(text) or REMOVE.search(text) \
            or MULTIPLIER.search(text.lower()) or SHARE_WORDS.search(text):
        return None  # "halve the impact, 8 is too much": the 8 is named to be scaled, not said again
    figures = read_figures(text, value_words(spec))
    if not figures:
        return None
    if any(OLD_VALUE.search(text[max(0, f.span[0] - 14): f.span[0]]) and any(
            abs(g.value - f.value) > 1e-9 for g in figures[: n]) for n, f in enumerate(figures)):
        return None  # "the last one is 20000 too, not 2000": a new value for the old one it names, a correction
    held = [(i, item) for i, item in enumerate(state.figures) if item.field and not item.ignored]
    named = records_named(state, spec, text)
    if len(named) == 1:  # "the cart emails are more like a 9 on ease": that project's figures only
        held = [(i, item) for i, item in held if i in named[0]]
    matched: dict[int, Figure] = {}
    converted = []
    for fig in figures:
        alike = [i for i, item in held
                 if item.figure.get("unit") == fig.unit or {item.figure.get("unit"), fig.unit} <= {"money", "count"}]
        same = [i for i in alike if abs(state.figures[i].figure["value"] - fig.value) < 1e-9]
        per = [i for i in alike if _per_other_period(state.figures[i].figure, fig)]
        if len(same) == 1:
            matched.setdefault(same[0], fig)
        elif len(per) == 1 and not same:
            converted.append(fig)  # "the 49 is monthly, so 588 a year": the same amount, counted per year
        elif not same and not any(abs(item.figure["value"] - fig.value * scale) < 1e-9 for _, item in held for scale in MISREAD):
            return None  # a figure of its own: a change, not the same figure said again
    for fig in converted:  # its period is the conversion's, no claim of the figure's period
        text = text[: fig.span[0]] + " " * (fig.span[1] - fig.span[0]) + text[fig.span[1]:]
    if not matched:
        return None
    roles = roles_of(spec, list(matched.values()))
    if any(isinstance(roles.get(fig.index), str) and roles[fig.index] != state.figures[i].field
           for i, fig in matched.items()):
        return None  # named as another input: a change of that one
    claim = claimed_period(text)
    state = state.model_copy(deep=True)
    changes = []
    for i, fig in matched.items():
        old = state.figures[i]
        field = spec.field(old.field)
        period = old.figure.get("period")
        if claim is False or (claim and not field.per_period and field.period is None and claim != period):
            return None  # periods that disagree, or a period for a one-off input: not guessed here
        new = reply_figure(text, fig)
        new.field = old.field
        new.figure.update(value=old.figure["value"], unit=old.figure.get("unit"), span=old.figure.get("span"),
                          index=old.figure.get("index"), period=claim or period)
        if (claim or period) != period:
            changes.append(f"{old.figure['text']}: per {claim} (you said so)")
        else:
            changes.append(f"{old.figure['text']}: as you describe it now (“{new.quote}”)")
        state.figures[i] = new
    return state, changes


# Whether a running cost is already inside the amount it is taken off ("the 1,800 is after the
# fee", "net of the subscription", "the fee is already taken off") or still to come off it ("that
# 3.5k is before the subscription", "the fee comes off", "the hosting is on top"). General English
# for net and gross, said of a line the calculation holds.
ALREADY_IN = re.compile(r"\b(?:after|net\s+of|already\s+(?:net|taken\s+(?:off|out)|deducted|subtracted|included|"
                        r"in(?:side)?|accounted\s+for|off)|includ(?:es|ing|ed))\b", re.IGNORECASE)
STILL_OFF = re.compile(r"\b(?:before|gross\s+of|excluding|comes?\s+off|(?:has|have|needs?)\s+to\s+come\s+off|"
                       r"(?:is|are)\s+on\s+top|on\s+top\s+of|still\s+(?:to\s+)?(?:come\s+off|be\s+taken\s+off|be\s+deducted))\b",
                       re.IGNORECASE)


def netting(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """The state with a running cost taken off the amount it is counted against, or not, as the
    message says of it by name ("nope, the fee comes off", "that 3.5k is after the subscription"):
    the same figures, computed again; None when the message names no such line of the calculation,
    says both, gives a figure of its own, or the calculator takes no cost off a gain of its period."""
    spec = spec_named(state.tool)
    if spec is None or state.args is None or WHAT_IF.match(text) or REMOVE.search(text):
        return None
    said_in, said_off = ALREADY_IN.search(text), STILL_OFF.search(text)
    if (said_in is None) == (said_off is None):
        return None
    held = [item.figure["value"] for item in state.figures]
    if any(not POINTED.search(text[: f.span[0]]) or all(abs(v - f.value) > 1e-9 for v in held) for f in read_figures(text)):
        return None  # a figure of its own: a change, not how the ones given are meant
    gains = {f.period for f in spec.fields if f.direction == "in" and f.period}
    running = [i for i, item in enumerate(state.figures) if item.field and spec.field(item.field).direction == "out"
               and spec.field(item.field).period in gains]
    words = [w for w in naming_content(re.findall(r"[a-z][a-z'-]*", text.lower())) if w not in GENERIC]
    scores = {i: name_score(words, state.figures[i]) for i in running}
    best = max(scores.values(), default=0.0)
    named = [i for i, score in scores.items() if score == best and score > 0]
    if len(named) != 1:
        return None
    state = state.model_copy(deep=True)
    item = state.figures[named[0]]
    item.ignored = said_in is not None
    label = item.field.replace("_", " ")
    if said_in is not None:
        return state, [f"{label}: {item.figure['text']} already taken off (you said so), not taken off again"]
    return state, [f"{label}: {item.figure['text']} taken off (you said so)"]


# A correction of how the figures were meant that gives no figure: "that was per week, not per
# month", "sorry, I meant weekly", "oh, those are in thousands", "I meant thousands".
MEANT_SCALE = re.compile(r"\b(?:i\s+meant|meant|(?:those|these|they|that|it|the\s+(?:figures|numbers|amounts))\s+"
                         r"(?:are|were|is|was)(?:\s+all)?(?:\s+in)?|(?:all\s+)?in)\s+(thousands|millions|k)\b",
                         re.IGNORECASE)
CORRECTS = re.compile(r"\b(?:sorry|oops|oh|no|not|meant|actually|wrong|mistake|correction|i\s+was\s+reading|my\s+bad)\b",
                      re.IGNORECASE)
SCALE_OF = {"thousands": 1e3, "k": 1e3, "millions": 1e6}


def meant_otherwise(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """The state with its amounts as the message says they were meant, when it gives no figure of
    its own and words a correction: the period of the one amount it denies ("that was per week,
    not per month": the amount given per month is per week; with no period denied, the one amount
    given per a period other than the claimed one), or the scale of every amount written without
    one ("sorry, I meant thousands": 25 → 25,000). None when the message gives a figure, says no
    such thing, or could mean several amounts (then it is read as usual and never guessed)."""
    spec = spec_named(state.tool)
    if spec is None or state.args is None or WHAT_IF.match(text) or read_figures(text) or not CORRECTS.search(text):
        return None
    held = [(i, item) for i, item in enumerate(state.figures)
            if item.field and not item.ignored and i != state.horizon and item.figure.get("unit") in {"money", "count"}
            and not spec.field(item.field).horizon]
    scale = MEANT_SCALE.search(text)
    if scale is not None:
        factor = SCALE_OF[scale.group(1).lower()]
        plain = [(i, item) for i, item in held if not item.figure.get("scaled") and item.figure.get("unit") == "money"
                 or (not item.figure.get("scaled") and item.figure.get("currency"))]
        if not plain:
            return None
        state = state.model_copy(deep=True)
        changes = []
        for i, _item in plain:
            item = state.figures[i]
            old = item.figure["value"]
            item.figure["value"] = old * factor
            changes.append(f"{item.figure['text'].strip()}: in {scale.group(1).lower()}, so {old * factor:,.0f} (you said so)")
        return state, changes
    claim = claimed_period(text)
    if not claim:
        return None
    denied = {PERIOD_WORDS[m.group(1).lower()] for m in re.finditer(r"\b(?:not|instead\s+of|rather\s+than)\s+(?:a\s+|per\s+|an?\s+|the\s+)?([a-z-]+)", text, re.IGNORECASE)
              if m.group(1).lower() in PERIOD_WORDS}
    periodic = [(i, item) for i, item in held if item.figure.get("period") and item.figure.get("period") != claim]
    if denied:
        periodic = [(i, item) for i, item in periodic if item.figure.get("period") in denied]
    if len(periodic) != 1:
        return None
    i, _item = periodic[0]
    state = state.model_copy(deep=True)
    item = state.figures[i]
    was = item.figure["period"]
    item.figure["period"] = claim
    return state, [f"{item.figure['text'].strip()}: per {claim}, not per {was} (you said so)"]
