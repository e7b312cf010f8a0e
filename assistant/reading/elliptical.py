"""Follow-ups that lean on the previous turn: "which of those…", "and for a small shop?", "why?".

A message is *elliptical* when it cannot be answered on its own: it points back ("those",
"them", "it" with almost nothing else), opens with a connector that continues the last
question ("and for…", "what about…"), or is a bare ask ("why?", "how often?", "give me an
example"). ``resolve`` turns it into a text that can be searched and answered alone — the
message's own ask first, the previous question's topic words after it — and hands back the
lines the previous answer quoted, so the composer quotes something else first and the answer
is about what was asked now, not a repeat. Small talk around an ask ("ok, back to the topic:",
"thanks! btw", "different question -") is dropped, and a message with its own topic stands
alone: a refused or unrelated previous turn never taints it. Everything here is general
English; the topic always comes from the conversation, never from a course.

Where the engine calls it: in ``Advisor.stream``, for a message that is not a calculation
follow-up (``assistant.reading.dialogue.resolve_follow_up`` changed none of its calculator
inputs), call ``resolve(text, previous_question, previous_answer)`` with the resolved text of
the last user turn *that was answered* (skip refused turns) and that turn's answer; search and
answer ``FollowUp.text`` (store it as the turn's "resolved"), and put ``FollowUp.avoid`` on the
Intent (``intent.avoid``) that the offline brain composes with. evals/devsets.py wires it this
way to measure it until the engine does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.figures import read_figures
from knowledge.text import CITATION_RE, content_words, strip_preamble

# Pointers back to the previous answer: strong ones stand for a whole list ("which of those"),
# weak ones are also idioms ("worth it"), so they count only when little else is said.
STRONG = re.compile(
    r"\b(?:those|these|them|they|the (?:first|second|third|fourth|fifth|last|next|final|other) [\w-]+|which ones?|the above"
    r"|each of them|either|both|the same)\b",
    re.IGNORECASE,
)
# "What is X?" names its own topic however short; other short asks lean on the conversation.
NAMES_A_TERM = re.compile(r"^\s*(?:what(?:'s| is| are| does)|whats|define|meaning of|who is)\b", re.IGNORECASE)
# "this"/"that" point back only as pronouns ("what's hard about that?", "is that true?"), not
# as determiners ("this course").
WEAK = re.compile(
    r"\b(?:it|its|there)\b|\b(?:that|this)\b(?=\s*(?:[?.!,]|$|is\b|was\b|does\b|would\b|will\b|means?\b|works?\b))"
    r"|\b(?:about|of|with|for|on|in|from|like|after|before) (?:that|this)\b",
    re.IGNORECASE,
)
# Openings that continue the previous question.
CONTINUES = re.compile(r"^\s*(?:and|but|or|what about|how about|what if|same (?:for|with)|and if|then|instead)\b", re.IGNORECASE)
# Asks that name no topic of their own.
BARE = re.compile(
    r"^\s*(?:(?:and|but|so|then),?\s+)?(?:why(?: (?:is|does|do|would|should) (?:that|it|this)(?: \w+)?)?|how(?: so| come| often| long| much| many| exactly)?|when|where|who"
    r"|like what|such as|for (?:example|instance)|example|examples|really|meaning|in what way|what else|anything else|more|go on|tell me more"
    r"|(?:can you |could you |please )?(?:give|show) (?:me )?(?:an? |some |another |one )?(?:concrete |real |quick |practical )?(?:examples?|case|instance|illustration)"
    r"|(?:can you |could you )?(?:explain|elaborate)(?: (?:that|it|more|further|on that))?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# Words of an ask that carry no topic: a message made only of them is elliptical however long.
GENERIC = frozenset(
    "example examples instance case concrete real practical quick give show tell explain elaborate mean meaning "
    "why how often long much many exactly usually typically really actually first second last next "
    "small big large smaller bigger shop store business company team one ones thing things way ways kind kinds "
    "work works happen happens matter matters help helps important good bad better best go goes wrong right "
    "early later late soon look looks like say says said get gets got getting stand stands usually often "
    "something anything stuff".split()
)
EXAMPLE = re.compile(r"\b(?:examples?|instance|illustrat\w*|case stud\w*)\b", re.IGNORECASE)
QUESTION_WORDS = re.compile(
    r"\b(?:what|which|how|why|when|where|who|whom|whose|do|does|did|is|are|was|were|can|could|should|would|will|shall|may|might|must)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FollowUp:
    """What to search and answer for a message, and what the previous answer already said."""

    text: str  # the ask, standing alone
    elliptical: bool = False  # whether it leaned on the previous turn
    avoid: tuple[str, ...] = ()  # lines the previous answer quoted: quote others first


def _own_words(ask: str) -> list[str]:
    return [w for w in content_words(ask) if w.lower() not in GENERIC]


def is_elliptical(message: str) -> bool:
    """Whether ``message`` needs the previous turn to be understood."""
    ask = strip_preamble(message)
    if len(ask) > 160:
        return False
    own = _own_words(ask)
    if BARE.match(ask) or not own:
        return True
    if STRONG.search(ask) and len(own) <= 4:
        return True
    if CONTINUES.match(ask) and len(own) <= 4:
        return True
    if EXAMPLE.search(ask) and len(own) <= 4:  # "an example of fixing it": of the topic at hand
        return True
    if WEAK.search(ask) and len(own) <= 2:
        return True
    return len(own) <= 2 and not NAMES_A_TERM.match(ask) and len(ask) < 60


def without_figures(text: str) -> str:
    """``text`` with its figures taken out: a follow-up borrows the previous question's words,
    never its figures, which reach a calculation only through the conversation's calculation
    state (reading/dialogue.py); borrowed, they would be computed again for a message that asks
    something else ("ok and how should we measure it?", "is that good?")."""
    out, end = [], 0
    for fig in read_figures(text):
        out.append(text[end: fig.span[0]])
        end = fig.span[1]
    out.append(text[end:])
    return re.sub(r"\s+", " ", "".join(out)).strip()


def topic(question: str) -> str:
    """The previous question's topic words, in its order (its own preamble, asks and figures dropped)."""
    ask = without_figures(strip_preamble(question))
    ask = QUESTION_WORDS.sub(" ", ask)
    kept = [w for w in re.findall(r"[\w'&/-]+", ask) if w.lower() in {c.lower() for c in content_words(w)}]
    return " ".join(kept)


def answer_lines(answer: str) -> tuple[str, ...]:
    """The quoted lines of an answer ("- text [1]"), without bullets and citation numbers."""
    lines = []
    for line in answer.splitlines():
        line = line.strip()
        if line.startswith("- "):
            text = CITATION_RE.sub("", line[2:]).strip()
            if text:
                lines.append(text)
    return tuple(lines)


def resolve(question: str, previous_question: str | None, previous_answer: str | None = None) -> FollowUp:
    """The text to search and answer for ``question`` after the previous answered turn.

    A message with a topic of its own is that ask, small talk dropped. An elliptical one keeps
    its own ask first and borrows the previous question's topic: a continuation ("and for a
    small shop?") refines the previous question, any other ("which of those…", "why?", "give me
    an example") gets the topic in brackets. Either way the previous answer's lines come back in
    ``avoid``, so the new answer is not a repeat of it."""
    ask = strip_preamble(question)
    if not previous_question or not is_elliptical(question):
        return FollowUp(ask)
    subject = topic(previous_question)
    if not subject:
        return FollowUp(ask)
    avoid = answer_lines(previous_answer or "")
    own = ask.rstrip(" ?.!")
    if CONTINUES.match(ask) and not BARE.match(ask):
        tail = CONTINUES.sub("", own, count=1).strip(" ,")
        base = without_figures(strip_preamble(previous_question)).rstrip(" ?.!")
        return FollowUp(f"{base} ({tail})?", True, avoid)
    return FollowUp(f"{own} ({subject})?", True, avoid)
