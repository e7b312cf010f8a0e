"""Answer-type rules for question answering (calibrated on HaluEval QA's Wikipedia questions).

Only used when the checker is given the question: a "when / how many" question needs a number
or date, a "who / where / which city" question a name, and a wh-answer must add something to
the question. The noun lists below are about general-knowledge questions, not about the course.
"""

from __future__ import annotations

import re
from typing import Literal

from assistant.text import STOPWORDS, content_words, extract_numbers, stem, words

AnswerType = Literal["number", "frequency", "name", "open", "choice", "yesno"]

_AUX_VERBS = frozenset(
    "is are was were do does did can could has have had will would should".split()
)
_PREPOSITIONS = frozenset("in of at on for from by to with during into under about than".split())
_NUMBER_NOUNS = frozenset(
    "year years decade century date percentage percent number age amount population total size "
    "length height cost price".split()
)
_NAME_NOUNS = frozenset(
    "city country county state town village region province team company band person man woman "
    "actor actress singer player director university college school club label labels "
    "organization organisation island river nationality".split()
)
_HOW_NUMBER = frozenset("many much long far old tall big large high fast".split())
# "How often": a number ("twice a year") or a frequency said in words ("regularly", "every
# quarter", "continuously") answers it.
_FREQUENCY_WORDS = frozenset(
    "always often regular regularly routinely periodic periodically continuous continuously "
    "continual continually constant constantly ongoing frequent frequently occasional "
    "occasionally rarely seldom never every each annual annually yearly quarterly monthly weekly "
    "daily hourly biannual biannually once twice repeatedly recurring iterative iteratively "
    "sometimes usually whenever cadence".split()
)
_CHOICE_RE = re.compile(r"\bor\b|\bwhich one\b|\beither\b|\bbetween\b", re.IGNORECASE)
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


def expected_answer_type(question: str) -> AnswerType:
    """What kind of answer a question asks for, from its interrogative word.

    The focus is the question-opening wh-word, else the first mid-sentence one that is not a
    relative pronoun ("the man *who* sang" is relative; "directed by *who*" and "plays in *what*
    position" are not).
    """
    if _CHOICE_RE.search(question):
        return "choice"
    raw = words(question)
    if raw and raw[0].lower() == "q":
        raw = raw[1:]
    tokens = [w.lower() for w in raw]
    if not tokens:
        return "open"
    if tokens[0] in _AUX_VERBS:
        return "yesno"
    focus = None
    for i, token in enumerate(tokens):
        if token not in ("who", "whom", "whose", "what", "which", "where", "when", "how"):
            continue
        prev = tokens[i - 1] if i else ""
        nxt_raw = raw[i + 1] if i + 1 < len(raw) else ""
        # "in which Lucy had a role" / "in which he starred" open a relative clause.
        opens_clause = not nxt_raw or nxt_raw.lower() in STOPWORDS or nxt_raw[0].isupper()
        if (
            i == 0
            or token in ("what", "how")
            or token == "which"
            and not (opens_clause and (prev in _PREPOSITIONS or prev == "that"))
            or token in ("who", "whom", "where", "when")
            and (prev in _PREPOSITIONS or i == len(tokens) - 1)
        ):
            focus = i
        if focus is not None:
            break
    if focus is None:
        return "open"
    word, rest = tokens[focus], tokens[focus + 1 : focus + 6]
    nxt = rest[0] if rest else ""
    if word == "how":
        if nxt == "often":
            return "frequency"
        return "number" if nxt in _HOW_NUMBER else "open"
    if word == "when":
        return "number"
    if word in ("who", "whom", "whose", "where"):
        return "name"
    # what/which: "what year", "what was the 2011 population", "which county"
    if nxt in _NUMBER_NOUNS or (nxt in _AUX_VERBS and any(t in _NUMBER_NOUNS for t in rest[1:4])):
        return "number"
    if any(t in _NAME_NOUNS for t in rest[:2]):
        return "name"
    return "open"


def answer_type_problem(question: str, answer: str) -> str:
    """Why ``answer`` cannot answer ``question`` by its type alone; "" when it can."""
    kind = expected_answer_type(question)
    if kind in ("choice", "yesno"):
        return ""
    q_stems = {stem(w) for w in content_words(question)}
    answer_words = words(answer)
    q_numbers = set(extract_numbers(question, words=True))
    new_number = any(n not in q_numbers for n in extract_numbers(answer, words=True)) or any(
        w.lower() in _MONTHS and stem(w) not in q_stems for w in answer_words
    )
    new_words = [w for w in content_words(answer) if stem(w) not in q_stems]
    if kind == "frequency" and not new_number and not any(
        w.lower() in _FREQUENCY_WORDS for w in answer_words
    ):
        return "answer-type mismatch: the question asks how often, the answer gives no frequency"
    if kind == "number" and not new_number:
        return "answer-type mismatch: the question asks for a number or date, the answer gives none"
    if kind == "name":
        names = [
            w
            for w in answer_words
            if w[0].isupper() and content_words(w) and stem(w) not in q_stems
        ]
        if not names and not new_number:
            return "answer-type mismatch: the question asks for a name, the answer gives none"
    if not new_words and not new_number:
        return "answer-type mismatch: the answer only restates the question"
    return ""
