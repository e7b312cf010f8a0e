"""What a definition question asks and what defines it, for any course.

The term a "what is X / how is X measured" question asks about (``asked_term``), whether a unit
says what that term is (``defines``: a sentence whose subject is the term, a table row named by
it, the term followed by "is", "means", "where…" — ``definition_of``), and whether the retrieved
course defines a term at all or only mentions it (``term_coverage``, ``coverage_sentence``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.text import content_words, stem
from knowledge.chunking import Unit

# How a sentence says what its subject is ("Churn rate is…", "CTR measures…", "X — the share of…").
DEFINES = re.compile(
    r"^(?P<subject>[^.;:?!]{2,80}?)\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*)?(?:is|are|refers to|means|measures|tracks|"
    r"is (?:calculated|measured|defined|computed|the)|are (?:calculated|measured|defined)|represents|describes|:|—|–|=)\s",
    re.IGNORECASE,
)


@lru_cache(maxsize=256)
def definition_of(term: str) -> re.Pattern[str]:
    """How a text says what ``term`` is: the term, then "is", "means", "where…" ("models can
    experience "model drift" where their performance degrades…")."""
    name = r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", term.strip())))  # "human-in-the-loop" too
    return re.compile(
        name + r"[\"'”]?\)?\s*(?:\([^)]*\)\s*)?(?:is|are|refers to|means|stands for|where|which|,\s*(?:the|a|an|which|where))\b",
        re.IGNORECASE,
    )


def term_coverage(term: str, passages: list[dict], undefined: bool = False) -> dict:
    """Does the course define ``term``, or only mention it? A deterministic text check.

    ``undefined``: the corpus-wide rule already found that the course never spells out this
    acronym (knowledge/scope.py); a mention is then never taken for a definition."""
    pattern = definition_of(term)
    parts = [w for w in content_words(term) if len(w) > 2]
    mentions = [
        p for p in passages
        if term.lower() in p["text"].lower() or (parts and all(w in p["text"].lower() for w in parts))
    ]
    if undefined:
        return {"term": term, "mentions": len(mentions), "defined": False}
    from knowledge.scope import spelled_out

    defined = [p for p in mentions if pattern.search(p["text"]) or (term.isupper() and spelled_out(term, p["text"]))]
    return {"term": term, "mentions": len(mentions), "defined": bool(defined)}


def coverage_sentence(coverage: dict) -> str:
    if coverage["mentions"] == 0:
        return f"The course passages retrieved do not mention “{coverage['term']}”, so the course gives no definition of it."
    if coverage["defined"]:
        return ""
    return (f"The course mentions “{coverage['term']}” but gives no definition of it; "
            "the passages above are everything it says.")


MEASURED = re.compile(
    r"\bhow (?:is|are|do (?:you|we|i)|does one|to|should (?:we|i))\s+(?:\w+\s+){0,1}(?P<term>[\w\s'-]{2,50}?)\s+"
    r"(?:measured|calculated|computed|defined|tracked|worked out)\b|\b(?:measure|calculate|compute|define|track)\s+(?P<term2>[\w\s'-]{2,40}?)\s*\??$",
    re.IGNORECASE,
)
DEFINING_KINDS = frozenset({"definition"})


def asked_term(question: str) -> set[str]:
    """Stems of the term a "what is X" / "how is X measured" question asks about (empty: none)."""
    match = MEASURED.search(question)
    if match:
        return {stem(w) for w in content_words(match.group("term") or match.group("term2") or "")}
    match = re.match(r"^\s*(?:what(?:'s| is| are)|whats|define|meaning of)\s+(?:an?\s+|the\s+)?(?P<term>[^?]{2,60}?)\s*\??$",
                     question, re.IGNORECASE)
    return {stem(w) for w in content_words(match.group("term"))} if match else set()


def defines(unit: Unit, term: set[str]) -> bool:
    """Whether ``unit`` says what the asked term is: a sentence whose subject is the term, or a
    table row whose first cell names it."""
    if not term:
        return False
    if unit.kind == "row":
        subject = unit.parts[0].split(":", 1)[-1]  # the first cell, without its header
        return bool(term & {stem(w) for w in content_words(subject)}) and len(content_words(subject)) <= 6
    match = DEFINES.match(unit.parts[0])
    if not match:
        return False
    subject = content_words(match.group("subject"))
    return len(subject) <= 8 and bool(term & {stem(w) for w in subject})


def names_term(term: str, text: str) -> bool:
    """Whether ``text`` names ``term`` (hyphens or spaces between its words alike)."""
    name = r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", term.strip())))
    return bool(term.strip()) and re.search(rf"(?<!\w){name}(?!\w)", text, re.IGNORECASE) is not None


def continuation(term: str, unit: Unit, units: list[Unit], text: str) -> Unit | None:
    """The sentence that goes on about a term after the sentence naming it, in the same paragraph
    of ``text`` ("… avoid 'vanity metrics' that look good but change nothing. Examples of metrics
    that matter include …"): a course introduces a term, then says what it covers. None when
    ``unit`` does not name the term, or the next unit is no sentence of that paragraph."""
    if unit.kind != "sentence" or not names_term(term, unit.text) or unit not in units:
        return None
    index = units.index(unit)
    if index + 1 >= len(units):
        return None
    after = units[index + 1]
    start, end = text.find(unit.parts[0]), text.find(after.parts[0])
    if after.kind != "sentence" or start < 0 or end <= start or "\n" in text[start + len(unit.parts[0]):end]:
        return None
    return after
