"""Which figure of a calculation a new figure names: the old figure it replaces, by the words
around both (each word counted by how few candidates it names), the project or test group it
names, the input its unit fits, or the input's parts (then which part is asked).

Used by reading/whatif.py (a change to the calculation).
"""

from __future__ import annotations

import re

from assistant.reading.calc_state import NOT_NAMES, naming_content, same_word, state_figure, words_of
from assistant.reading.calculate import HORIZON_WORDS, UNITS_ACCEPTED, label_score
from assistant.reading.calculate import split_records as records_of
from assistant.types import CalculationState, FigureState
from knowledge.figures import Figure
from knowledge.text import STOPWORDS
from tools.spec import FieldSpec, ToolSpec


def name_score(new_words: list[str], item: FigureState, weights: dict[str, float] | None = None) -> float:
    """How well the words around a new figure name an old one: its naming words, nearest first,
    each counted by how specific the word of the message it matches is (``weights``: 1 for a word
    that names one candidate only, 1/n for one that names n of them, as "cost" names every part)."""
    naming = words_of(item)
    split = naming.index("|") if "|" in naming else len(naming)
    before, after = naming[:split], naming[split + 1:]

    def weight(word: str) -> float:
        matched = [w for w in new_words if same_word(word, w)]
        if not matched:
            return 0.0
        return max((weights or {}).get(w, 1.0) for w in matched)

    score = 0.0
    for distance, word in enumerate(reversed(naming_content(before)), 1):
        score += weight(word) / distance
    for distance, word in enumerate(naming_content(after), 1):
        score += 0.5 * weight(word) / distance
    return score


def specificity(new_words: list[str], items: list[FigureState]) -> dict[str, float]:
    """Each word of the message weighted 1/n by the n candidate figures whose naming words it
    matches: "onboarding" (one part) outweighs "cost" (every part) in "what if onboarding had cost 8k"."""
    out = {}
    for word in new_words:
        named = sum(1 for item in items if any(same_word(word, w) for w in naming_content(words_of(item))))
        out[word] = 1.0 / named if named else 1.0
    return out


def compatible(new: Figure, item: FigureState) -> bool:
    old_unit = item.figure.get("unit")
    if new.unit == old_unit:
        return True
    return {new.unit, old_unit} <= {"money", "count"} or {new.unit, old_unit} <= {"duration", "count"}


def record_groups(state: CalculationState, spec: ToolSpec) -> list[tuple[str, list[int]]]:
    """The records of a calculation over several (projects, test groups), as the planner reads
    them: each one's name and its figures' indices; [] for a calculation of one."""
    if not spec.records:
        return []
    figures = [state_figure(item, i) for i, item in enumerate(state.figures)]
    decided = {i: item.field for i, item in enumerate(state.figures) if item.field and not item.ignored}
    groups = records_of(state.text, spec, [f for f in figures if f.index in decided], decided)
    return [(str(record.get("name", "")), members) for record, members in groups]


def records_named(state: CalculationState, spec: ToolSpec, text: str) -> list[set[int]]:
    """The records (projects, test groups) ``text`` names, each as its figures' indices: a record
    is named by a word of its name that the other records' names lack ("Search", "the chatbot's",
    "project C", "variant"); a one-letter name only as written, not as a sentence's first word."""
    groups = record_groups(state, spec)
    if len(groups) < 2:
        return []
    names = [re.findall(r"[^\W_]+|&", name) + _list_label(state.text, name) for name, _ in groups]
    out = []
    for words, (_name, members) in zip(names, groups):
        others = {w.lower() for other in names if other is not words for w in other}
        own = [w for w in words if w.lower() not in others and w.lower() not in STOPWORDS | NOT_NAMES]
        if any(names_word(text, w) for w in own):
            out.append(set(members))
    return out


def _list_label(text: str, name: str) -> list[str]:
    """The letter a record was listed under before its name ("C" for a line "C: Cart emails …",
    "B" for "B) Search …"), by which the user may name it later; [] when it has none (a number
    is no such name: "what if the effort were 2" names no project "2)")."""
    if not name:
        return []
    found = re.search(r"(?:^|\n)[ \t]*\(?([A-Za-z])[:.)][ \t]+" + re.escape(name), text)
    return [found.group(1)] if found else []


def names_word(text: str, word: str) -> bool:
    if len(word) > 2:
        return any(same_word(word.lower(), w) for w in re.findall(r"[a-z][a-z&-]*", text.lower()))
    for match in re.finditer(r"(?<![\w'])" + re.escape(word) + r"(?![\w-])", text):  # "A", "B2": as written
        opening = not text[: match.start()].strip() or text[: match.start()].rstrip()[-1] in ".!?\n"
        if not opening or re.match(r"(?:'s|’s|:)", text[match.end():]):
            return True
    return False


def target_of(state: CalculationState, spec: ToolSpec, fig: Figure, role, old_values: list[Figure],
            free: set[int], text: str) -> int | str | None:
    """Which old figure ``fig`` replaces (its index), "horizon", an input to add it to, or None."""
    named = records_named(state, spec, text)
    if len(named) > 1:
        return None  # "what if A and B had effort 2?": not guessed which
    if named:  # "what if Search had confidence 0.9": that project's figures only
        free = free & named[0]
        fitting = [i for i in free if state.figures[i].field and fits_field(fig, spec.field(state.figures[i].field))]
        by_role = [i for i in fitting if state.figures[i].field == role]
        if len(by_role) == 1:
            return by_role[0]
        instead = [i for i in free if state.figures[i].field and alternative_to(spec, role, state.figures[i].field)]
        if not by_role and len(instead) == 1:
            return instead[0]  # "what if variant B had converted at 3.2%": the rate instead of its conversions
        if isinstance(role, str) and not by_role and not instead and label_score(fig, spec.field(role)) > 0:
            return role  # "the variant also had 10,000 visitors": an input that record lacked, given
        if len({state.figures[i].field for i in fitting}) == 1 and len(fitting) == 1:
            return fitting[0]
    if old_values:  # "10000, not 20000": the figure holding the old value
        matches = [i for i in free if any(abs(state.figures[i].figure["value"] - o.value) < 1e-9 for o in old_values)]
        if matches:
            lowered = text.lower()
            return max(matches) if re.search(r"\blast\b", lowered) else min(matches)
    asks = {w for ask in spec.asks for w in ask.lower().split()}  # "payback" names the calculator, not an input
    new_words = [w for w in naming_content(fig.before + fig.after) if w not in asks]
    scores = {}
    candidates = [i for i in free if compatible(fig, state.figures[i])
                  and (fig.unit != "duration" or not state.figures[i].field  # a length of time: only an input counted in time
                       or fits_field(fig, spec.field(state.figures[i].field)))]
    if unplaced_name(state, spec, fig, role, new_words, candidates):
        return "ask"  # "what if the upskilling part ends up at €9,000?": named, but by no word of ours
    named_line = _line_of_another_input(state, fig, role, new_words, candidates, spec)
    if named_line is not None:
        return named_line  # "make the set-up 8k": the set-up line, whatever "make" says of the money's way
    if isinstance(role, str) and any(state.figures[i].field == role for i in candidates):
        # "what if onboarding had cost 8k": one of the cost's parts, named by a word other than the input's name
        candidates = [i for i in candidates if state.figures[i].field == role]
        new_words = [w for w in new_words if not any(same_word(w, name) for name in role.split("_"))]
    weights = specificity(new_words, [state.figures[i] for i in candidates])
    for i in candidates:
        item = state.figures[i]
        score = name_score(new_words, item, weights)
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
        spans = [i for i in free if state.figures[i].field and spec.field(state.figures[i].field).horizon]
        if state.horizon is None and len(spans) == 1:
            return spans[0]  # "extend that to 5 years": the years the flows are counted over
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
    signed = signed_alike(state, fig, text, candidates)
    if signed is not None:
        return signed  # "and if we only care about +30%?": the one figure written with a sign
    if [w for w in new_words if w not in GENERIC]:
        return None  # "confidence is really 5" in a TCO: it names something, and nothing of this calculation
    fitting = [i for i in free if state.figures[i].field and fig.unit in UNITS_ACCEPTED[spec.field(state.figures[i].field).unit]
               and state.figures[i].figure.get("unit") == fig.unit
               and (state.figures[i].figure.get("period") is None) == (fig.period is None)]
    if len({state.figures[i].field for i in fitting}) == 1 and len(fitting) == 1:
        return fitting[0]
    return None


# Words of a what-if that name no line ("the upskilling PART ends up at…", "the set-up BIT").
GENERIC = {"part", "parts", "bit", "piece", "line", "item", "portion", "amount", "figure", "number", "side", "one",
           "end", "ends", "ended", "came", "comes", "come", "turns", "turned", "goes", "went", "total", "cost",
           "costs", "price", "value", "really", "just", "about", "around", "roughly"}


def unplaced_name(state: CalculationState, spec: ToolSpec, fig: Figure, role, new_words: list[str],
                  candidates: list[int]) -> bool:
    """Does the change name its line by a word that is no label of the input it would go to and
    that none of the calculation's figures was named by, while the figure fits several inputs?
    Then its input is asked, not taken from the direction of the money alone."""
    if not isinstance(role, str) or label_score(fig, spec.field(role)) > 0:
        return False
    own = [w for w in new_words if w not in GENERIC and not any(same_word(w, n) for n in role.split("_"))]
    if not own or any(same_word(w, x) for i in candidates for x in naming_content(words_of(state.figures[i])) for w in own):
        return False
    fields = {state.figures[i].field for i in candidates if state.figures[i].field
              and not spec.field(state.figures[i].field).horizon
              and (state.figures[i].figure.get("period") is None) == (fig.period is None)}
    return len(fields) > 1


def alternative_to(spec: ToolSpec, role, field: str) -> bool:
    """Does input ``role`` stand in for ``field`` (the spec's two ways of giving the same thing:
    visitors and conversions, or visitors and a rate)? Two alternatives of one input each (a
    total cost made of any of its lines) are no such pair: they share nothing the one completes."""
    if not isinstance(role, str) or role == field:
        return False
    for with_role in (alt for alt in spec.requires if role in alt and field not in alt):
        for with_field in (alt for alt in spec.requires if field in alt and role not in alt):
            if set(with_field) - set(with_role) == {field} and set(with_role) - set(with_field) == {role} \
                    and set(with_role) & set(with_field):
                return True
    return False


def of_record(state: CalculationState, spec: ToolSpec, index: int) -> str:
    """" of Search": the record a figure belongs to, for the line that says what changed."""
    groups = record_groups(state, spec)
    name = next((name for name, members in groups if index in members), "") if len(groups) > 1 else ""
    return f" of {name}" if name else ""


def fits_field(fig: Figure, spec_field: FieldSpec) -> bool:
    """Can ``fig`` be a value of the input? A length of time only of one counted in time
    ("took 2 months": the effort, never the reach)."""
    if fig.unit not in UNITS_ACCEPTED[spec_field.unit]:
        return False
    return fig.unit != "duration" or spec_field.unit == "duration"


# What target_of returns that is no input's name.
SPECIAL_TARGETS = {"ask", "part", "every", "horizon"}


# Words that say a message corrects a figure already given rather than adds one ("oh wait",
# "actually", "sorry", "… instead").
CORRECTION = re.compile(r"\b(?:instead|actually|wait|sorry|correction|corrected|oops|i meant|mistake|typo|rather)\b",
                        re.IGNORECASE)


def corrects(state: CalculationState, spec: ToolSpec, fig: Figure, role, free: set[int], text: str) -> tuple[int, str] | None:
    """The figure a correction restates, when ``fig`` would otherwise be added as a new input:
    the one used figure of its unit and period ("payback: 9k, saves 750/mo" then "oh wait, it's
    600 a month": the 750), with the input it keeps (the one the correction names by a label,
    "benefit 2k/mo instead", when the old figure's own words named none of its input; else the
    old one's). None when the message is no correction, or more than one figure could be meant."""
    if not CORRECTION.search(text):
        return None
    same = [i for i in free if state.figures[i].field and compatible(fig, state.figures[i])
            and not spec.field(state.figures[i].field).horizon and i != state.horizon
            and state.figures[i].figure.get("period") == fig.period]
    if len(same) != 1:
        return None
    old = state.figures[same[0]]
    named = isinstance(role, str) and label_score(fig, spec.field(role)) > 0
    if not named:
        return same[0], old.field
    if role != old.field and labelled(old, spec.field(old.field)):
        return None  # "hosting costs 600 a month instead" beside "saves 750 a month": a cost of its own
    return same[0], role


def labelled(item: FigureState, field: FieldSpec) -> bool:
    """Do the figure's own naming words hold a label of ``field``?"""
    words = naming_content(words_of(item))
    return any(w.startswith(label) or same_word(w, label) for label in field.labels if " " not in label for w in words)


def signed_alike(state: CalculationState, fig: Figure, text: str, candidates: list[int]) -> int | None:
    """A figure written with a plus sign ("+30%") restates the one figure of its unit that was
    written with one too ("a +20% lift"): a change is written as the change was; None otherwise."""
    if not text[: fig.span[0]].endswith("+"):
        return None
    alike = [i for i in candidates if state.figures[i].field and state.figures[i].figure.get("unit") == fig.unit
             and re.search(r"\+\s?" + re.escape(state.figures[i].figure.get("text", "")), state.figures[i].quote or "")]
    return alike[0] if len(alike) == 1 else None


def _line_of_another_input(state: CalculationState, fig: Figure, role, new_words: list[str], candidates: list[int],
                           spec: ToolSpec) -> int | None:
    """The one figure the change names by its own words ("the set-up", "the training") when that
    figure fills another input than the one the message's verb points to ("make", "lower … to"):
    the line named wins over a direction read from a word not right next to the figure."""
    if not isinstance(role, str) or label_score(fig, spec.field(role)) > 0.5:
        return None  # "savings 40k", "90% power": the input named right next to the figure
    own = [w for w in new_words if w not in GENERIC and not any(same_word(w, x) for x in role.split("_"))]
    if not own:
        return None
    weights = specificity(own, [state.figures[i] for i in candidates])
    scores = {i: name_score(own, state.figures[i], weights) for i in candidates}
    best = max(scores.values(), default=0.0)
    named = [i for i, score in scores.items() if score == best]
    if best <= 0 or len(named) != 1 or state.figures[named[0]].field == role:
        return None
    return named[0]
