"""Follow-ups resolved against the conversation.

``resolve_follow_up`` merges a short follow-up into the previous question: the new message's own
ask always wins (a message that asks for a calculation with its own figures stands alone), and
earlier turns only fill what it leaves open ("redo it with effort 6" changes that input of the
previous calculation; "and for a jewellery shop?" adds to the previous question).
"""

from __future__ import annotations

import re

from assistant.reading.calculate import asked_specs, assign, read_calculation
from knowledge.figures import read_figures

FOLLOW_UP = re.compile(
    r"^\s*(?:and|what about|how about|what if|now|same|redo|again|instead|also|ok(?:ay)?,?|then|but)\b",
    re.IGNORECASE,
)


def resolve_follow_up(question: str, previous: str | None) -> str:
    """The question to answer, with what a follow-up leaves open filled from the previous one."""
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
