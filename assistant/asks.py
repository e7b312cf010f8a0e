"""A message's asks, and follow-ups resolved against the conversation.

``split_asks`` cuts a message into the things it asks for: sentences, several question marks,
and clauses joined by "and which / and what / also". ``resolve_follow_up`` merges a short
follow-up into the previous question: the new message's own ask always wins (a message that
asks for a calculation with its own figures stands alone), and earlier turns only fill what it
leaves open ("redo it with effort 6" changes that input of the previous calculation; "and for a
jewellery shop?" adds to the previous question).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.figures import read_figures

FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|what if|now|same|redo|again|instead|also|ok(?:ay)?,?|then|but)\b",
    re.IGNORECASE,
)
QUESTION_START = re.compile(
    r"^\s*(?:which|what|how|why|when|where|who|whom|should|could|can|do|does|did|is|are|was|were|will|would"
    r"|give|list|tell|show|suggest|explain|compare|rank|prioriti[sz]e|calculate|compute|work out|help)\b",
    re.IGNORECASE,
)
# A clause boundary inside a sentence where a second ask starts: ", and which…", "; also how…".
CLAUSE_JOIN = re.compile(
    r"(?:,\s*|;\s*|\s+)(?:and|also|plus|as well as)\s*,?\s+(?=(?:also\s+)?(?:which|what|how|why|when|where|who|should|could|can|do|does|is|are)\b)"
    r"|;\s*(?=(?:which|what|how|why|when|where|who|should|could|can)\b)",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"[^.?!\n]+(?:[.?!]+|\n|$)")


@dataclass(frozen=True)
class Ask:
    text: str
    span: tuple[int, int]
    question: bool  # asks something (ends in "?" or starts like a question or request)


def split_asks(message: str) -> list[Ask]:
    """The message's sentences and joined clauses, in order, each marked ask or statement."""
    out: list[Ask] = []
    for sentence in SENTENCE.finditer(message):
        start = sentence.start()
        text = sentence.group(0)
        joins = list(CLAUSE_JOIN.finditer(text))
        pieces = zip([0, *(m.end() for m in joins)], [*(m.start() for m in joins), len(text)])
        for a, b in pieces:
            piece = text[a:b]
            stripped = piece.strip()
            if not stripped.strip(".?!"):
                continue
            lead = len(piece) - len(piece.lstrip())
            is_question = text.rstrip().endswith("?") or bool(QUESTION_START.match(stripped))
            out.append(Ask(stripped, (start + a + lead, start + a + lead + len(stripped)), is_question))
    return out


def other_asks(message: str) -> str:
    """The message without the clauses that ask for a calculation: the context sentences and
    the remaining questions, so each of them can be planned on its own."""
    from assistant.calculate import asked_specs  # calculate reads asks; this reads calculations

    asks = split_asks(message)
    if not any(ask.question and not asked_specs(ask.text) for ask in asks):
        return ""
    kept = []
    for ask in asks:
        specs = asked_specs(ask.text) if ask.question else []
        if not specs:
            kept.append(ask.text)
        elif read_figures(ask.text):  # "Our chatbot cost $20k…, was it worth it": keep the context
            text = ask.text
            for spec in specs:
                text = spec.without_asks(text)
            kept.append(re.sub(r"\s+", " ", text).strip())
    return " ".join(kept)


def resolve_follow_up(question: str, previous: str | None) -> str:
    """The question to answer, with what a follow-up leaves open filled from the previous one."""
    from assistant.calculate import read_calculation

    if not previous or len(question) > 160 or not FOLLOW_UP.match(question):
        return question
    own = read_calculation(question)
    if own is not None and own.calls:
        return question  # a complete ask of its own: earlier turns add nothing
    merged = _override_inputs(question, previous)
    if merged is not None:
        return merged
    tail = re.sub(FOLLOW_UP, "", question).strip(" ,?.")
    return f"{previous.rstrip(' ?.')} ({tail})?"


def _override_inputs(question: str, previous: str) -> str | None:
    """Previous question with the inputs the follow-up restates replaced ("effort 6")."""
    from assistant.calculate import asked_specs, assign

    new_figures = read_figures(question)
    old_figures = read_figures(previous)
    if not new_figures or not old_figures:
        return None
    replacements: dict[int, str] = {}
    for spec in asked_specs(previous):
        old_roles = assign(spec, old_figures)
        new_roles = assign(spec, new_figures)
        for new_index, field in new_roles.items():
            if not isinstance(field, str):
                continue
            for old_index, old_field in old_roles.items():
                if old_field == field:
                    replacements[old_index] = new_figures[new_index].text
    if not replacements:
        return None
    merged = previous
    for index in sorted(replacements, reverse=True):
        start, end = old_figures[index].span
        merged = merged[:start] + replacements[index] + merged[end:]
    return merged
