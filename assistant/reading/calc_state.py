"""The state of a calculation in a conversation, as figures: each figure with the user's own words
it came from (quoted verbatim), the words that name it, and the small readers the dialogue's
other parts share (which spec a state is for, words a reply names an input by).

Used by reading/dialogue.py (a message read against the state), reading/replies.py (the answer
to the open question) and reading/whatif.py (a change to the calculation).
"""

from __future__ import annotations

import dataclasses
import re

from assistant.types import FigureState
from knowledge.figures import Figure
from knowledge.text import STOPWORDS, stem
from tools.registry import SPECS
from tools.spec import ToolSpec

# Words of a what-if that name no input ("what if the set-up HAD cost…").
NOT_NAMES = {"what", "if", "would", "had", "been", "was", "were", "goes", "go", "went", "up", "down", "only", "instead",
             "now", "then", "same", "again", "actually", "say", "let", "lets", "let's", "be", "more", "less", "use"}


# Words that join two figures' phrases in one clause: what comes before one names the figure before.
JOINS = re.compile(r"\b(?:and|plus|but|while|whereas)\b|\s[+&]\s?")  # "8k hardware + 4k setup": "hardware" is the 8k's

NAME_WINDOW = 12  # words before a figure that may name it ("…the licence is €1,000 a month")


def spec_named(name: str) -> ToolSpec | None:
    return next((spec for spec in SPECS if spec.name == name), None)


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


def naming_words(text: str, fig: Figure, start: int) -> list[str]:
    """Content words that may name the figure: those since ``start`` (the previous figure of the
    same input) before it, nearest last, then its own words after it."""
    sentences = re.split(r"[.!?]\s|\n", text[start: fig.span[0]].lower() + " ")  # a line ends its sentence
    stretch = sentences[-1]  # its own sentence
    clauses = re.split(r"[,;:]", stretch)
    clause = clauses[-1]  # "…for training, and it saves 1,000": its own clause
    if [w for w in re.findall(r"[a-z][a-z'/-]*", clause) if w not in STOPWORDS and w not in NOT_NAMES]:
        stretch = clause
    elif start > 0 and len(sentences) == 1 and len(clauses) > 1:
        # "35,000 a year for the subscription, 15,000 a year of staff time": the words that follow
        # the figure before, up to the comma, name that figure; this one is named after it
        stretch = " ".join(clauses[1:])
    if start > 0:
        # "£35,000 for implementation and £25,000 for the licence": the words before the joining
        # word follow the figure before and name it; only those after it name this one
        stretch = JOINS.split(stretch)[-1]
    before = [w for w in re.findall(r"[a-z][a-z'/-]*", stretch) if w not in STOPWORDS]
    return before[-NAME_WINDOW:] + ["|"] + [w for w in fig.after if w not in STOPWORDS]


def figure_state(text: str, fig: Figure, role: str | tuple[str, ...] | None, start: int = 0) -> FigureState:
    quote = verbatim(text, fig)
    data = dataclasses.asdict(fig)
    data["context"] = quote
    data["naming"] = naming_words(text, fig, start)
    out = FigureState(figure=data, quote=quote)
    if isinstance(role, str):
        out.field = role
    elif isinstance(role, tuple):
        out.fields = list(role)
    return out


def state_figure(item: FigureState, index: int) -> Figure:
    data = {k: v for k, v in item.figure.items() if k != "naming"}
    data["span"] = tuple(data.get("span") or (0, 0))
    fig = Figure(**data)
    fig.index = index
    fig.context = item.quote or fig.context
    return fig


def value_words(spec: ToolSpec | None) -> dict[str, float] | None:
    """The words the spec's inputs take as values ("impact medium" → 1), as ``read_calculation``
    reads them, so the state holds every input the message gave."""
    return {word: value for f in spec.fields for word, value in f.value_words} or None if spec else None


def reply_figure(text: str, fig: Figure) -> FigureState:
    return figure_state(text, fig, None)


def word_figure(text: str, value: float, unit: str, shown: str) -> FigureState:
    """A figure a reply gives in words ("the yearly one" → 12 months): its quote is the reply."""
    quote = text.strip()
    fig = Figure(value=value, unit=unit, span=(0, len(text)), text=shown, context=quote)  # type: ignore[arg-type]
    return FigureState(figure=dataclasses.asdict(fig), quote=quote)


def naming_content(words: list[str]) -> list[str]:
    return [w for w in words if w not in STOPWORDS and w not in NOT_NAMES and w != "|"]


def same_word(a: str, b: str) -> bool:
    a, b = a.replace("-", ""), b.replace("-", "")  # "setup" is "set-up"
    if a == b or stem(a) == stem(b):
        return True
    return len(a) >= 4 and len(b) >= 4 and a[:4] == b[:4]


def fmt_value(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.4f}".rstrip("0").rstrip(".")


def words_of(item: FigureState) -> list[str]:
    naming = item.figure.get("naming")
    if naming is None:
        naming = list(item.figure.get("before") or []) + ["|"] + list(item.figure.get("after") or [])
    return naming


def written_number(item: FigureState) -> float | None:
    """The number a figure was written with ("3 yrs" → 3, "7k" → 7), whatever its value in the
    calculator's units (36 months); None when it was written without digits."""
    found = re.match(r"\D*?(\d+(?:[.,]\d+)?)", item.figure.get("text") or "")
    return float(found.group(1).replace(",", ".")) if found and found.group(1).count(",") == 0 else None


def names_by_number(fig: Figure, item: FigureState) -> bool:
    """Does a bare number ("the 3 is three years") point at the figure written with it ("3 yrs")?"""
    bare = fig.unit == "count" and not (fig.scaled or fig.period or fig.currency)
    return bare and item.figure.get("unit") != "count" and written_number(item) == fig.value

