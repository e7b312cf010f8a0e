"""A message's asks.

The one home of ask splitting: one rule for where a second ask starts inside a sentence
(``CLAUSE_JOIN``: ", and which…", "; also how…", " - what…") and one list of question openings,
read at two granularities. ``split_asks`` cuts a message into sentences and joined clauses, each
marked ask or statement (the calculator reader looks for its trigger words in the asks).
``search_asks`` cuts it into the parts worth one course search each: at question marks and
joined clauses, a statement travelling with the question after it, a fragment with the part before, a remark
after the last question not at all, at most ``limit`` parts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from knowledge.figures import read_figures
from knowledge.text import content_words

# Words that open a question; a clause starting with one of them after "and"/";"/" - " is a new ask.
QUESTION_WORDS = r"which|what|how|why|when|where|who|should|could|can|do|does|is|are"
_OPENERS = r"which|what|how|why|when|where|who|should|could|can"  # enough after a bare ";" or " - "
# A question or a request: what a sentence that does not end in "?" asks with.
QUESTION_START = re.compile(
    rf"^\s*(?:{QUESTION_WORDS}|whom|did|was|were|will|would"
    r"|give|list|tell|show|suggest|explain|compare|rank|prioriti[sz]e|calculate|compute|work out|help)\b",
    re.IGNORECASE,
)
# A part of a message that asks by its opening alone (a leading "and" allowed).
ASK_START = re.compile(rf"^\s*(?:and\s+)?(?:{QUESTION_WORDS})\b", re.IGNORECASE)
# A clause boundary inside a sentence where a second ask starts: ", and which…", "; also how…",
# " - what…".
CLAUSE_JOIN = re.compile(
    rf"(?:,\s*|;\s*|\s+-\s+|\s+)(?:and|also|plus|as well as)\s*,?\s+(?=(?:also\s+)?(?:{QUESTION_WORDS})\b)"
    rf"|;\s*(?=(?:{_OPENERS})\b)"
    rf"|\s+-\s+(?=(?:{_OPENERS})\b)",
    re.IGNORECASE,
)
SENTENCE = re.compile(r"[^.?!\n]+(?:[.?!]+|\n|$)")
QUESTION_END = re.compile(r"(?<=\?)\s+")


@dataclass(frozen=True)
class Ask:
    text: str
    span: tuple[int, int]
    question: bool  # asks something (ends in "?" or starts like a question or request)


def _clauses(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` between its clause joins."""
    joins = list(CLAUSE_JOIN.finditer(text))
    yield from zip([0, *(m.end() for m in joins)], [*(m.start() for m in joins), len(text)])


def split_asks(message: str) -> list[Ask]:
    """The message's sentences and joined clauses, in order, each marked ask or statement."""
    out: list[Ask] = []
    for sentence in SENTENCE.finditer(message):
        start = sentence.start()
        text = sentence.group(0)
        for a, b in _clauses(text):
            piece = text[a:b]
            stripped = piece.strip()
            if not stripped.strip(".?!"):
                continue
            lead = len(piece) - len(piece.lstrip())
            is_question = text.rstrip().endswith("?") or bool(QUESTION_START.match(stripped))
            out.append(Ask(stripped, (start + a + lead, start + a + lead + len(stripped)), is_question))
    return out


def search_asks(message: str, limit: int = 3) -> list[str]:
    """The parts of a message to look up separately: its questions and its "…, and how…"
    clauses, each with at least two content words (shorter ones join the part before); a
    statement before a question ("we're scaling our pilot - what…") belongs to it. More than
    ``limit`` parts: the last ones are looked up together."""
    pieces = [
        chunk[a:b] for chunk in QUESTION_END.split(message.strip()) for a, b in _clauses(chunk)
    ]
    asks: list[str] = []
    context = ""
    for number, piece in enumerate(pieces, 1):
        piece = piece.strip(" ,;")
        if not piece:
            continue
        if not piece.endswith("?") and not ASK_START.match(piece) and number < len(pieces):
            context = f"{context} {piece}".strip()
            continue
        piece = f"{context} {piece}".strip() if context else piece
        context = ""
        if asks and not piece.endswith("?") and not QUESTION_START.match(piece):
            # a remark after the last question ("…? The vendor leads with it.", "…? bullet
            # list"): no ask of its own, and words that would pull the search off the question
            continue
        if asks and len(content_words(piece)) < 2:
            asks[-1] = f"{asks[-1]} {piece}"
        else:
            asks.append(piece)
    if len(asks) > limit:
        asks = asks[: limit - 1] + [" ".join(asks[limit - 1 :])]
    return asks or [message]
