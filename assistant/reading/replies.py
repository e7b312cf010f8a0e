"""The reply to a calculation's open question: an option by its words or number, a yes or a no
in any register ("yep", "nah"), a period in any words, a bare figure, several missing figures at
once, an end of a range the user gave (reading/ranges.py); the state with the question answered,
or None when the message is no answer to it (then reading/whatif.py reads it as a change).
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import (
    fmt_value,
    naming_content,
    reply_figure,
    same_word,
    spec_named,
    value_words,
    word_figure,
)
from assistant.reading.ranges import CHEAP, DEAR, HIGH, LOW, MIDDLE, in_range, range_end, range_value
from assistant.reading.targets import GENERIC, name_score
from assistant.reading.parts import ask_which_part, part_options, removal_options, replace_with_pending
from assistant.reading.whatif import OLD_VALUE, REMOVE
from assistant.types import CalculationState, FigureState
from assistant.reading.calculate import UNITS_ACCEPTED, assign
from assistant.reading.exchange import exchange_rate
from knowledge.figures import (
    CURRENCY_CODES,
    CURRENCY_NAMES,
    MONTHS_IN,
    PERIOD_WORDS,
    WORDS_NUMBER,
    Figure,
    read_figures,
    words_value,
)

# The input units a figure of each unit can fill (UNITS_ACCEPTED read the other way round).
UNITS_BY_FIGURE = {unit: {name for name, accepted in UNITS_ACCEPTED.items() if unit in accepted}
                   for unit in {u for accepted in UNITS_ACCEPTED.values() for u in accepted}}

ONE_OFF = re.compile(r"\b(?:one[- ]?off|one[- ]?time|once|single|upfront|up[- ]front|lump)\b", re.IGNORECASE)


# Words that make a period word more or less than one period ("a year and a half", "a few
# months"): such a reply is no "one year", and the number reader did not read it.
MORE_THAN_ONE = re.compile(r"\b(?:half|quarter|couple|few|several|many|and|plus|more|less|than|or|\d)", re.IGNORECASE)


ORDINALS = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}


# A reply that is only an option's number: "2", "#3", "option 1".
OPTION_NUMBER = re.compile(r"\s*(?:(?:option|number|no\.?|#|choice)\s*)?\d\s*[.!)]?\s*", re.IGNORECASE)


def option_chosen(options: list[str], text: str) -> int | None:
    """Which option a reply picks: by number ("option 2", "the second", "2"), by position words
    for a range ("the low one", "the middle"), or by the words it shares with one option."""
    if not options:
        return None
    lowered = text.lower()
    number = re.search(r"\b(?:option|number|no\.?|#|choice)\s*(\d+)\b", lowered) or re.fullmatch(r"\s*(\d)\s*[.!]?\s*", lowered)
    if number and 1 <= int(number.group(1)) <= len(options):
        return int(number.group(1)) - 1
    said = _bare_number_word(text)  # "two" as "2"; "thirty six" as the option "36 months"
    if said:
        value = said[0].value
        if value == int(value) and 1 <= value <= len(options):
            return int(value) - 1
        valued = [i for i, option in enumerate(options) if (found := read_figures(option)) and found[0].value == value]
        if len(valued) == 1:
            return valued[0]
    tokens = re.findall(r"[a-z0-9][a-z0-9'/-]*", lowered)
    for token in tokens:
        if token in ORDINALS and ORDINALS[token] < len(options):
            return ORDINALS[token]
    if "last" in tokens:
        return len(options) - 1
    named = [i for i, option in enumerate(options) if not option.lower().startswith("not part")]
    if len(named) == 2 and {"former", "latter"} & set(tokens):  # "the latter": of the two the question named
        return named[0] if "former" in tokens else named[1]
    if all(read_figures(option) for option in options) and len(options) >= 2:  # values: a range's ends
        money = all(read_figures(option)[0].unit == "money" for option in options)
        if (LOW | (CHEAP if money else set())) & set(tokens):
            return 0
        if (HIGH | (DEAR if money else set())) & set(tokens):
            return len(options) - 1
        if MIDDLE & set(tokens) and len(options) == 3:
            return 1
    agreed = _yes_or_no(options, tokens)
    if agreed is not None:  # "yep", "nah" to a question offering a yes and a no
        return agreed
    by_period = _option_by_period(options, tokens)
    if by_period is not None:  # "the yearly one" of "900/mo" and "9.6k/yr"
        return by_period
    said = naming_content(tokens)
    scores = []
    for option in options:
        words = naming_content(re.findall(r"[a-z0-9][a-z0-9'/-]*", option.lower()))
        scores.append(sum(any(same_word(w, s) for s in said) for w in words))
    best = max(scores)
    if best > 0 and scores.count(best) == 1:
        return scores.index(best)
    return None


# Replies that say yes or no in any register ("yep", "nah", "sure", "not really").
YES = {"yes", "yep", "yeah", "yup", "yea", "ya", "aye", "sure", "correct", "right", "exactly", "indeed", "definitely",
       "absolutely", "affirmative", "ok", "okay", "please"}
NO = {"no", "nope", "nah", "naw", "negative", "not"}
# How an option that declines opens ("no", "leave it out", "neither").
DECLINES = re.compile(r"^\s*(?:no\b|not\b|leave\b|neither\b|none\b|skip\b|don'?t\b)", re.IGNORECASE)


def _yes_or_no(options: list[str], tokens: list[str]) -> int | None:
    """The option a short yes or no picks, when the options are one that accepts and one that
    declines ("yes"/"no", "12%"/"no", "apply it"/"leave it out"); None otherwise."""
    if not tokens or len(tokens) > 4 or len(options) != 2 or not (tokens[0] in YES or tokens[0] in NO):
        return None
    declines = [i for i, option in enumerate(options) if DECLINES.match(option)]
    if len(declines) != 1:
        return None
    return declines[0] if tokens[0] in NO else 1 - declines[0]


def _option_by_period(options: list[str], tokens: list[str]) -> int | None:
    """The one option whose figure is paid per the period the reply names ("the annual one",
    "monthly"), when the options' figures are paid per different periods."""
    said = {PERIOD_WORDS[t] for t in tokens if t in PERIOD_WORDS}
    if len(said) != 1:
        return None
    periods = []
    for option in options:
        figures = read_figures(option)
        periods.append(figures[0].period if len(figures) == 1 else None)
    if len(set(periods)) != len(periods) or None in periods:
        return None
    return periods.index(said.pop()) if said <= set(periods) else None


def _option_by_label(state: CalculationState, options: list[str], text: str) -> int | None:
    """The one option naming an input that a word of the reply is a label of ("that's savings",
    "what we earned": the gain), or None."""
    spec = spec_named(state.tool)
    if spec is None:
        return None
    said = naming_content(re.findall(r"[a-z][a-z'/-]*", text.lower()))
    hits = []
    for n, option in enumerate(options):
        name = next((f.name for f in spec.fields if f.name.replace("_", " ") in option.lower()), None)
        labels = [x for x in spec.field(name).labels if " " not in x] if name else []
        if any(w == x or (len(x) >= 4 and w.startswith(x)) or same_word(w, x) for w in said for x in labels):
            hits.append(n)
    return hits[0] if len(hits) == 1 else None


# A reply that takes every figure asked about together ("both", "both of them count", "all of them").
BOTH = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:both|all(?: of them| three| two)?)\b(?!.*\b(?:not|neither|none)\b)",
                  re.IGNORECASE)


def _with_its_pair(state: CalculationState, about: FigureState) -> tuple[CalculationState, list[str]] | None:
    """"Both" to a question about one figure's input: the figure counts as the one it was given
    with ("30k saved in agent time and 6k from the old tool": the gain both), when that one's
    input is decided and among the question's options; else None (asked again)."""
    index = state.figures.index(about)
    pairs = []
    if about.figure.get("joined") and index > 0:
        pairs.append(state.figures[index - 1])
    if index + 1 < len(state.figures) and state.figures[index + 1].figure.get("joined"):
        pairs.append(state.figures[index + 1])
    names = {p.field for p in pairs if p.field and not p.ignored}
    if len(names) != 1 or not names <= set(state.fields):
        return None
    about.field, about.fields = names.pop(), []
    return state, [f"{about.figure['text']}: the {about.field.replace('_', ' ')} too"]


# A period said as how often ("per month", "a year", "every quarter", "monthly"), not a period
# named for itself ("I looked at the wrong month").
HOW_OFTEN = re.compile(r"\b(?:per|a|an|each|every|/)\s*(?:" + "|".join(w for w in PERIOD_WORDS if " " not in w) + r")\b"
                       r"|\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annual|annually|half-yearly|"
                       r"semi-annual|semi-annually|one[- ]?off|one[- ]?time|once|upfront|up[- ]front)\b", re.IGNORECASE)


def _period_in(text: str) -> str | None:
    """'month', 'year'… or 'one-off' when a reply says how often an amount is paid."""
    found = {PERIOD_WORDS[w] for w in re.findall(r"[a-z]+", text.lower()) if w in PERIOD_WORDS}
    if ONE_OFF.search(text) and not found:
        return "one-off"
    return found.pop() if len(found) == 1 else None


def answer_question(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """The state with the open question answered by ``text``, or None when it is no answer."""
    assert state.question is not None
    state = state.model_copy(deep=True)
    options = state.question.options
    figures = read_figures(text, value_words(spec_named(state.tool)))
    about = state.figures[state.about] if state.about is not None and state.about < len(state.figures) else None
    kind = state.need
    picked = range_end(state, text) or range_value(state, text, figures)
    if picked is not None:
        return picked
    if kind == "role" and about is not None:
        if any(f.unit in {"money", "count"} and (f.scaled or f.unit == "money" or f.value >= 100) for f in figures):
            return None  # "40k is the gain, 25k is what we paid": figures with their roles, read as such
        chosen = option_chosen(options, text)
        if chosen is None:
            chosen = _option_by_label(state, options, text)  # "that's savings": a word for the gain
        if chosen is None and BOTH.search(text):
            return _with_its_pair(state, about)  # "both": it counts as the figure it was given with does
        if chosen is None and _removes(state, text, about):
            chosen = next((n for n, o in enumerate(options) if o.lower().startswith("not part")), None)
        if chosen is None:
            return None
        option = options[chosen].lower()
        if option.startswith("not part") or option in {"no", "neither", "none"}:
            about.ignored, about.field, about.fields = True, "", []
            return state, [f"{about.figure['text']}: not part of this calculation"]
        name = next((f for f in state.fields if f.replace("_", " ") in option), None)
        if name is None:
            return None
        meant = _other_figure_named(state, text, about) or about  # "it's a cost, those are the staff hours"
        meant.field, meant.fields = name, []
        return state, [f"{meant.figure['text']}: the {name.replace('_', ' ')}"]
    if kind == "period" and about is not None:
        chosen = option_chosen(options, text)
        others = [f for f in figures if abs(f.value - about.figure["value"]) > 1e-9]
        if others and not OPTION_NUMBER.fullmatch(text):
            if any(f.period and not _period_in(text[f.span[0]: f.span[1]]) for f in others):
                return None  # "3 times a year": a figure of its own, not how often the one asked about is paid
            rest = text  # "monthly, plus 300 a year support": the period said outside the other amounts
            for f in others:
                rest = rest[: f.span[0]] + " " * (f.span[1] - f.span[0]) + rest[f.span[1]:]
            period = _period_in(" ".join(m.group(0) for m in HOW_OFTEN.finditer(rest)))
            if period is None:
                return None  # "I looked at the wrong month": a period named, not how often it is paid
            about.figure["period"] = period
            return state, [f"{about.figure['text']}: per {period}"]
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
    if kind == "share" and about is not None:  # "is 8 for the rate a percentage (8%)?"
        chosen = option_chosen(options, text)
        if chosen is None or DECLINES.match(options[chosen]):
            return None  # not a percentage: what it is instead is asked again, never guessed
        about.figure["unit"] = "percent"
        return state, [f"{about.figure['text']}: {options[chosen]}"]
    if kind == "horizon":
        durations = [f for f in figures if f.unit == "duration"]
        if not durations and any(f.unit == "money" or (f.unit == "count" and (f.period or f.scaled)) for f in figures):
            return None  # new amounts ("we expect 5k profit each month"): they complete it, not a horizon
        if durations:
            item = reply_figure(text, durations[0])
        else:
            chosen = option_chosen(options, text)
            period = _period_in(text)
            if chosen is not None and read_figures(options[chosen]):
                fig = read_figures(options[chosen])[0]
                item = word_figure(text, fig.value, "duration", options[chosen])
            elif period in MONTHS_IN and period != "day" and not MORE_THAN_ONE.search(text):
                item = word_figure(text, MONTHS_IN[period], "duration", f"one {period}")
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
        if chosen is None and about.figure.get("high") is not None and not in_range(new_value, [about.figure]):
            return None  # "4k" for "between 1,000 and 2,500": not a point of the range, so ask again
        was = about.figure["text"]
        about.figure.update(value=new_value, high=None, text=f"{was} (you chose {fmt_value(new_value)})")
        return state, [f"{was} → {fmt_value(new_value)}"]
    if kind == "part" and state.pending is not None and state.fields:
        chosen = option_chosen(options, text)
        parts = part_options(state, state.fields[0])
        if chosen is None or chosen >= len(parts):
            return None
        line = replace_with_pending(state, parts[chosen][0])
        return state, [f"{parts[chosen][1]}: {line.split(': ', 1)[1]}"]
    if kind == "replace" and state.pending is not None and state.fields:
        chosen = option_chosen(options, text)
        if chosen is None:  # "the set-up": a line of one of the inputs, named by its own words
            line = _line_named(state, text)
            return (state, [replace_with_pending(state, line)]) if line is not None else None
        if chosen >= len(state.fields):
            return None
        parts = part_options(state, state.fields[chosen])
        if len(parts) > 1:  # that input has parts: which one, asked next
            return ask_which_part(state, state.fields[chosen]), []
        return state, [replace_with_pending(state, parts[0][0])]
    if kind == "missing" and state.fields:
        given = figures or _bare_number_word(text)
        return _missing_given(state, text, given) if given else _once_per_period(state, text)
    if kind == "remove":
        chosen = option_chosen(options, text)
        lines = removal_options(state)
        if chosen is None or chosen >= len(lines):
            return None
        item = state.figures[lines[chosen][0]]
        item.ignored, state.need = True, ""
        return state, [f"{item.field.replace('_', ' ')}: {item.figure['text']} → removed"]
    if kind == "currency":
        return _converted(state, text, figures)
    if kind == "check":
        return _rates_given(state, text, figures)
    if kind == "which" and about is not None:
        offered = [f.value for option in options for f in read_figures(option)]
        numbers = [f for f in figures if f.unit == "count" and not (f.scaled or f.period or f.currency)
                   and f.value in range(1, len(options) + 1)]  # "1", "option 2": an option's number
        if any(not any(abs(f.value - v) < 1e-9 for v in offered) for f in figures if f not in numbers):
            return None  # "the 49 is monthly, so it's 588 a year": figures of its own, no pick of one given
        chosen = option_chosen(options, text)
        return None if chosen is None else choose_figure(state, chosen)
    return None


def _rates_given(state: CalculationState, text: str, figures: list[Figure]) -> tuple[CalculationState, list[str]] | None:
    """A reply to a question about the figures as read that gives a percentage of its own ("the
    margin on those is about 35%" to "what margin should I apply?"): it joins the figures, with
    its own words, for the calculation to be planned again; None when it gives none."""
    held = [item.figure["value"] for item in state.figures if item.figure.get("unit") == "percent"]
    rates = [f for f in figures if f.unit == "percent" and not any(abs(f.value - v) < 1e-9 for v in held)]
    if len(rates) != 1 or len(figures) != 1:
        return None
    spec = spec_named(state.tool)
    said = re.findall(r"[a-z][a-z'/-]*", text.lower())
    held_inputs = {item.field for item in state.figures if item.field and not item.ignored}
    if spec is not None and any(same_word(w, part) for name in held_inputs for part in name.split("_")
                                if len(part) > 3 and spec.field(name).unit in {"percent", "fraction"} for w in said):
        return None  # "lowered its confidence in the e-mail project to 50%": a change of an input held, not a rate of its own
    state.figures.append(reply_figure(text, rates[0]))
    return state, [f"{rates[0].text.strip()}: added"]


def _currency_said(text: str, figures: list[Figure]) -> str | None:
    """The one currency the reply names in words outside its amounts ("I want it in euro",
    "all in USD"), as a code, or None."""
    rest = text
    for fig in sorted(figures, key=lambda f: -f.span[0]):
        rest = rest[: fig.span[0]] + " " + rest[fig.span[1]:]
    def code(word: str) -> str | None:
        return CURRENCY_NAMES.get(word, word.upper()) if word in CURRENCY_NAMES or word in CURRENCY_CODES else None

    wanted = {code(w) for w in re.findall(r"\b(?:in|into|to)\s+([a-z]+|[$€£¥₹])", rest.lower())} - {None}
    codes = wanted or {code(w) for w in re.findall(r"[a-z]+|[$€£¥₹]", rest.lower())} - {None}
    return codes.pop() if len(codes) == 1 else None


def _rate(text: str, figures: list[Figure]) -> tuple[str, str, float] | None:
    """The exchange rate the reply gives (assistant/reading/exchange.py, the one reader of rates)."""
    found = exchange_rate(text, figures)
    return found[:3] if found else None


def _converted(state: CalculationState, text: str, figures: list[Figure]) -> tuple[CalculationState, list[str]] | None:
    """The answer to "which currency, at what rate?": every amount in the other currency
    converted at the rate the reply gives, into the currency it names or picks (each figure keeps
    the user's words; what it was converted from is shown with it); None without both."""
    rate = _rate(text, figures)
    chosen = option_chosen(state.question.options if state.question else [], text)
    target = _currency_said(text, figures) or (
        _currency_said(state.question.options[chosen], []) if chosen is not None and state.question else None)
    if rate is None or target is None or target not in rate[:2]:
        return None
    source, into, worth = rate
    factor = worth if target == into else 1 / worth
    other = source if target == into else into
    changes = []
    for item in state.figures:
        if item.ignored or item.figure.get("unit") != "money" or item.figure.get("currency") in {None, target}:
            continue
        if item.figure.get("currency") != other:
            return None  # a third currency: no rate for it
        was, value = item.figure["text"], round(item.figure["value"] * factor, 6)
        item.figure.update(value=value, currency=target, text=f"{was} (= {fmt_value(value)} {target})")
        changes.append(f"{was} → {fmt_value(value)} {target} at {fmt_value(worth)} {into} per {source}")
    return (state, changes) if changes else None


def choose_figure(state: CalculationState, chosen: int) -> tuple[CalculationState, list[str]] | None:
    """The state with the ``chosen`` one of the figures given for one input (the open "which
    one should I use?" question) kept and the others set aside; None when there is no such one."""
    about = state.figures[state.about] if state.about is not None and state.about < len(state.figures) else None
    if about is None:
        return None
    name = state.fields[0] if state.fields else about.field
    parts = [item for item in state.figures if item.field == name and not item.ignored]
    if chosen >= len(parts):
        return None
    spec = spec_named(state.tool)
    if spec is not None and spec.field(name).horizon and parts[chosen].figure.get("unit") != "duration":
        return None  # "49 a month" is no length of time: never counted as the horizon
    for i, item in enumerate(parts):
        if i != chosen:
            item.ignored = True
    return state, [f"{name.replace('_', ' ')}: {parts[chosen].figure['text']}"]


def alternatives_of(state: CalculationState, name: str) -> list[int]:
    """The indices of the figures given for input ``name``, set aside or not, in order."""
    return [i for i, item in enumerate(state.figures) if item.field == name]


def parallel(state: CalculationState, first: str, second: str) -> bool:
    """Are the figures of two inputs given as the same alternatives, one of each per option
    ("option 1 is 9,000 set-up with 400 a month, option 2 is 4,000 set-up with 700 a month")?
    Both inputs have as many figures, and in the message they alternate."""
    a, b = alternatives_of(state, first), alternatives_of(state, second)
    if len(a) != len(b) or len(a) < 2:
        return False
    merged = sorted([(i, 0) for i in a] + [(i, 1) for i in b])
    sides = [side for _, side in merged]
    return all(x != y for x, y in zip(sides, sides[1:]))


# A reply that is a number in words and nothing else but words that hand it over: "twelve", "go
# with seven", "let's say nine please" (the reader reads a number word alone as no figure).
HANDING = r"(?:(?:let'?s\s+)?(?:say|go\s+with|use|take|try|make\s+it|maybe|about|around|roughly|ok(?:ay)?|then|just|please)[\s,]+)*"
BARE_NUMBER_WORD = re.compile(rf"^\s*{HANDING}(?P<number>{WORDS_NUMBER})(?:[\s,]+(?:then|please|pls|thanks))*\s*[.!]?\s*$",
                              re.IGNORECASE)


def _bare_number_word(text: str) -> list[Figure]:
    """The number a reply says in words alone ("twelve" → 12), as a figure quoting it; [] else."""
    found = BARE_NUMBER_WORD.match(text)
    if found is None:
        return []
    words = found.group("number")
    value = words_value(words)
    if not value:
        return []
    fig = Figure(value=value, unit="count", span=found.span("number"), text=words, context=text.strip())  # type: ignore[arg-type]
    fig.index = 0
    return [fig]


def _missing_given(state: CalculationState, text: str, figures: list[Figure]) -> tuple[CalculationState, list[str]] | None:
    """A reply to "I still need …" that gives a figure without naming it ("35,000", "about 4k"):
    the missing input it fits, when only one fits (the period the question asked for, when it
    says none); when it fits several, the next question asks which. Figures the reply names
    ("the gain was 35k") are left to reading/whatif.py."""
    spec = spec_named(state.tool)
    if spec is not None and len(figures) > 1:
        return _several_missing_given(state, text, figures)
    if spec is None or len(figures) != 1:
        return None
    fig = figures[0]
    if isinstance(assign(spec, figures).get(fig.index), str):
        return None
    fits = _fitting(state, fig.unit)
    if not fits:
        return None
    item = reply_figure(text, fig)
    if fig.unit == "count" and 1 < fig.value <= 100 and all(spec.field(name).unit == "fraction" for name in fits):
        item.figure["unit"] = "percent"  # "8" to "what rate (e.g. 8%)?": 8%, never 800%
    if len(fits) == 1:
        field = spec.field(fits[0])
        item.field = fits[0]
        if fig.period is None and field.period and fig.unit != "duration":
            item.figure["period"] = field.period  # the question asked for it per month
        change = f"{fits[0].replace('_', ' ')}: {fig.text.strip()}"
    else:
        item.fields = fits
        change = f"{fig.text.strip()}: which input, asked"
    state.figures.append(item)
    return state, [change]


# How often something happens, said with no number: "monthly", "they order weekly", "every quarter".
ONCE_PER = re.compile(r"\b(?:(daily|weekly|fortnightly|monthly|quarterly|yearly|annually)"
                      r"|(?:every|each)\s+(day|week|fortnight|month|quarter|year))\b", re.IGNORECASE)


def _once_per_period(state: CalculationState, text: str) -> tuple[CalculationState, list[str]] | None:
    """A short reply to "I still need …" that says how often with no number ("they order
    monthly", "every week"): once per that period, for the one missing input that counts how
    many times per period (a customer's purchases a year); None when no such input is missing,
    the reply names several periods, or it says more than how often."""
    spec = spec_named(state.tool)
    found = list(ONCE_PER.finditer(text))
    if spec is None or len(found) != 1 or len(re.findall(r"[a-z']+", text.lower())) > 8:
        return None
    counts = [name for name in state.fields if spec.field(name).unit == "count" and spec.field(name).period]
    if len(counts) != 1:
        return None
    word = (found[0].group(1) or found[0].group(2)).lower()
    fig = Figure(value=1.0, unit="count", span=found[0].span(), text=found[0].group(0), context=text.strip(),
                 period=PERIOD_WORDS[word])  # type: ignore[arg-type]
    fig.index = 0
    item = reply_figure(text, fig)
    item.field = counts[0]
    state.figures.append(item)
    return state, [f"{counts[0].replace('_', ' ')}: once per {PERIOD_WORDS[word]} (“{found[0].group(0)}”)"]


def _several_missing_given(state: CalculationState, text: str,
                           figures: list[Figure]) -> tuple[CalculationState, list[str]] | None:
    """A reply that gives several of the missing inputs at once ("4 a year, 3 years", "they order
    4 times a year and stay 3 years"): each figure the input its words name, or the one missing
    input its unit and period fit that no other figure took. None unless every figure finds its
    own missing input (then the reply is read as a change, reading/whatif.py)."""
    spec = spec_named(state.tool)
    assert spec is not None
    missing = [name for name in state.fields if not spec.field(name).horizon or spec.field(name).unit == "duration"]
    named = assign(spec, figures)
    figures = _without_changes(state, text, figures, named, missing)
    if not figures:
        return None
    placed: dict[int, str] = {}
    for fig in figures:
        role = named.get(fig.index)
        if isinstance(role, str):
            if role not in missing:
                return None  # "the margin is 35% and they stay 3 years": a change of a figure given
            placed[fig.index] = role
    for fig in figures:
        if fig.index in placed:
            continue
        fits = [name for name in missing if name not in placed.values() and _fits(spec.field(name), fig)]
        if len(fits) != 1:
            return None
        placed[fig.index] = fits[0]
    if len(set(placed.values())) != len(figures):
        return None
    changes = []
    for fig in figures:
        item = reply_figure(text, fig)
        item.field = placed[fig.index]
        field = spec.field(item.field)
        if fig.period is None and field.period and fig.unit != "duration":
            item.figure["period"] = field.period  # the question asked for it per month
        state.figures.append(item)
        changes.append(f"{item.field.replace('_', ' ')}: {fig.text.strip()}")
    return state, changes


def _without_changes(state: CalculationState, text: str, figures: list[Figure], named: dict,
                     missing: list[str]) -> list[Figure]:
    """The figures of a reply to "I still need …" less a sentence of its own that corrects an input
    already given ("5 years. And actually the average order is 200, not 180"): a sentence whose
    figures name inputs the calculation holds, one of them as the old value it replaces, is left to
    be read as a change once the answer is in (reading/dialogue.py ``also_changed``). The figures
    unchanged when there is no such sentence, or nothing is left to answer with."""
    held = {item.field for item in state.figures if item.field and not item.ignored}
    corrected: set[int] = set()
    for sentence in re.finditer(r"[^.!?;\n]+", text):
        inside = [f for f in figures if sentence.start() <= f.span[0] < sentence.end()]
        olds = [f for f in inside if OLD_VALUE.search(text[max(0, f.span[0] - 14): f.span[0]])]
        if olds and all(isinstance(named.get(f.index), str) and named[f.index] in held - set(missing)
                        or f in olds for f in inside):
            corrected |= {f.index for f in inside}
    rest = [f for f in figures if f.index not in corrected]
    return rest if corrected and rest else figures


def _fits(field, fig: Figure) -> bool:
    """Can ``fig`` fill the input by its unit, and by its period where both have one ("4 a year":
    a count per year; "3 years": a length of time)?"""
    if field.unit not in UNITS_BY_FIGURE.get(fig.unit, ()):
        return False
    if fig.unit == "duration" or field.unit == "duration":
        return fig.unit == "duration" and field.unit == "duration"
    return not (fig.period and field.period and fig.period != field.period and not field.per_period)


def _line_named(state: CalculationState, text: str) -> int | None:
    """The one used figure of the asked inputs that the reply names by the words it was given
    with ("the set-up" for "set-up 6k"), or None."""
    said = [w for w in naming_content(re.findall(r"[a-z][a-z'/-]*", text.lower())) if w not in GENERIC]
    scores = {i: name_score(said, item) for i, item in enumerate(state.figures)
              if item.field in state.fields and not item.ignored}
    best = max(scores.values(), default=0.0)
    named = [i for i, score in scores.items() if score == best]
    return named[0] if said and best > 0 and len(named) == 1 else None


def _other_figure_named(state: CalculationState, text: str, about: FigureState) -> FigureState | None:
    """The figure a role answer names by its own words when that is not the one asked about
    ("it's a cost, they spend these hours" names the staff hours, not the total asked about)."""
    spec = spec_named(state.tool)
    inputs = {w for f in spec.fields for w in f.name.split("_")} if spec else set()
    said = [w for w in naming_content(re.findall(r"[a-z][a-z'/-]*", text.lower()))
            if w not in GENERIC and not any(same_word(w, x) for x in inputs)]
    if not said:
        return None
    scores = {i: name_score(said, item) for i, item in enumerate(state.figures) if not item.ignored}
    best = max(scores.values(), default=0.0)
    named = [i for i, score in scores.items() if score == best]
    if best <= 0 or len(named) != 1 or state.figures[named[0]] is about:
        return None
    return state.figures[named[0]]


def _fitting(state: CalculationState, unit: str) -> list[str]:
    """The missing inputs the open question asks for that a figure of ``unit`` can fill."""
    spec = spec_named(state.tool)
    if spec is None:
        return []
    return [name for name in state.fields if spec.field(name).unit in UNITS_BY_FIGURE.get(unit, ())
            and not spec.field(name).horizon]


def fill_missing(state: CalculationState, since: int) -> list[str]:
    """Figures of the latest message (quoted from offset ``since`` of the state's text on) that no
    label placed, each put in the one missing input it fits ("the NPV of the same flows with 9%":
    the rate); returns what was filled."""
    if state.need != "missing":
        return []
    filled = []
    for item in state.figures:
        if item.field or item.fields or item.ignored or (item.figure.get("span") or (0, 0))[0] < since:
            continue
        fits = [name for name in _fitting(state, item.figure.get("unit", "")) if name not in filled]
        if len(fits) == 1 and not _end_of_a_move(state, item):
            item.field = fits[0]
            filled.append(fits[0])
    return [f"{name.replace('_', ' ')}: {item.figure['text']}" for name in filled
            for item in state.figures if item.field == name][: len(filled)]


def _removes(state: CalculationState, text: str, about: FigureState) -> bool:
    """Does a reply to "what is this figure for?" take that very figure out ("and without the
    add-on?" when asked about "the add-on $6k"): its words after the removal name it, by the
    words the user gave it, at least as well as any other figure?"""
    found = REMOVE.search(text)
    if found is None or read_figures(text[found.end():]):
        return False
    said = naming_content(re.findall(r"[a-z][a-z'/-]*", text[found.end():].lower()))
    own = name_score(said, about)
    others = [item for item in state.figures if item is not about and not item.ignored]
    return own > 0 and all(name_score(said, item) <= own for item in others)


# What joins the two ends of one move: "3.1% -> 3.5%", "from 3.1% to 3.5%", "3.1 → 3.5%".
MOVE_ARROW = re.compile(r"\s*(?:->|→|=>|⇒|to|up to|down to)\s*", re.IGNORECASE)


def _end_of_a_move(state: CalculationState, item: FigureState) -> bool:
    """Is ``item`` one end of a move written as two figures ("a 3.1% -> 3.5% change") whose other
    end an input already holds? The two say one thing together: half of it is no input of its own
    (the start read as the rate today would make the end a lift on it), so it is asked, not filled."""
    span = item.figure.get("span")
    if not span:
        return False
    for other in state.figures:
        end = other.figure.get("span")
        if other is item or not end or not (other.field or other.fields) or other.ignored:
            continue
        between = state.text[span[1]: end[0]] if span[1] <= end[0] else state.text[end[1]: span[0]]
        if other.figure.get("unit") == item.figure.get("unit") and MOVE_ARROW.fullmatch(between):
            return True
    return False
