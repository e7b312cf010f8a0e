"""What the checker compares on the answer side: which sentences are claims, the claim inside a
sentence (without the text around it that asserts nothing: a post's, a clause's or a question's
number, tags, pictographs, a lead-in), their terms, their clauses and the multi-word names they
contain."""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import re

from assistant.grounding.lexicon import lexicon
from assistant.text import (
    NEGATIONS,
    STOPWORDS,
    Segment,
    capitalised_terms,
    content_words,
    extract_numbers,
    stem,
    words,
)
from knowledge.unit_words import CURRENCY_WORDS, PERIOD_WORDS, SCALES

# Clause boundaries inside a claim ("A, while B"): each clause must stand in one sentence.
CLAUSES = re.compile(r"\s*(?:;|\bwhile\b|\bwhereas\b|\bbut\b)\s*")


# Text around a claim that asserts nothing (`framed`). A thread numbers its posts ("2/",
# "(3/8)") and an answer key its questions ("Q4 —"): neither number is a figure of the claim,
# nor is "Q4" a name. Only these shapes at the sentence's edge: "2/3 of" is a fraction, "Q4
# sales" a quarter (a code is a label only before a separator).
_SEP = r"[.):\u2014\u2013-]"
_MARKER_START = re.compile(
    rf"^\s*(?:[(\[]\s*\d{{1,3}}\s*/\s*\d{{1,3}}\s*[)\]]|\d{{1,3}}/(?:n\b)?(?=\s))\s*(?:{_SEP}\s*)?"
)
# A code before a separator ("Q4 —", "A3:") opens the lead-in: the evidence decides whether it
# is a label (an answer key's) or content (a quarter the course names).
_CODE = re.compile(r"[A-Z]{1,2}\d{1,3}")
_CODE_START = re.compile(rf"^(?P<code>{_CODE.pattern})\s*{_SEP}\s*(?=\S)")
# A policy's or a contract's clause number ("2.3 Reports shall ...", "4.1.2 The company ..."): a
# dotted number of two to four levels opening the sentence before a capitalised word. A figure
# opening a sentence is followed by its unit or scale ("2.5 million", "1.5 times"), written
# small, or by a capitalised unit; neither is a clause's number.
_CLAUSE_START = re.compile(r"^\s*\d{1,3}(?:\.\d{1,3}){1,3}\.?\s+(?=(?P<word>[A-Z][A-Za-z]*))")
_UNITS = frozenset(SCALES) | frozenset(PERIOD_WORDS) | {
    "hour", "minute", "second", "percent", "point", "time", "per", "x"}
_CURRENCY = re.compile(rf"(?:{CURRENCY_WORDS})", re.IGNORECASE)


def _clause_number(said: str) -> re.Match[str] | None:
    """The clause number opening ``said``, unless the word after it is a unit ("2.5 Million")."""
    clause = _CLAUSE_START.match(said)
    if clause is None:
        return None
    unit = clause.group("word").lower()
    if unit in _UNITS or unit.removesuffix("s") in _UNITS or _CURRENCY.fullmatch(unit):
        return None
    return clause


_MARKER_END = re.compile(r"\s+(?:[(\[]\s*\d{1,3}\s*/\s*\d{1,3}\s*[)\]]|\d{1,3}/\d{0,3})\s*$")
# Pictographs (emoji, their joiners and variation selectors) carry no words.
_PICTOGRAPHS = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+")
# Tags: a run of them closing a post labels it; one inside a sentence is the word it tags.
_TAGS_END = re.compile(r"(?:\s*#[A-Za-z]\w*)+\s*[.!]?\s*$")
_TAG = re.compile(r"#([A-Za-z]\w*)")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A lead-in: a short opening phrase closed by a colon or a spaced dash ("Team —", "Key takeaway:",
# "What this means for us:", "correct:"), with a clause after it. No digits: a figure is content.
_LEAD_IN = re.compile(
    r"^(?P<lead>[^:;.!?\d\u2014\u2013]{1,60}?)\s*(?::|\s[\u2014\u2013-]\s|\u2014)\s*(?=\S)"
)
LEAD_MAX_WORDS = 6  # a lead-in is a phrase, not a clause of its own
BODY_MIN_WORDS = 4  # ... and what follows it is a claim of its own
# A lead-in that denies what follows ("false:", "myth —", "not quite:") is part of the claim.
_DENIALS = frozenset({"false", "incorrect", "wrong", "untrue", "myth", "myths", "wrongly"})


def _opener(text: str) -> re.Match[str] | None:
    """ "In short, X": an opening before a comma that says how the writer puts it."""
    opener = lexicon().opener
    return opener.match(text) if opener else None


class Framed(NamedTuple):
    text: str  # the sentence without a post's or question's number, closing tags, pictographs
    lead: str  # its lead-in ("" when it has none)
    body: str  # what follows the lead-in (the text itself when there is none)


def framed(text: str) -> Framed:
    """One sentence with the text around its claim that asserts nothing taken off (a post's, a
    policy clause's or a question's number, closing tags, pictographs, a summing-up opener: "In
    short, X"), and an opening phrase closed by a colon or a spaced dash split off as its
    lead-in. Whether the lead-in is only a frame depends on the evidence (the checker decides:
    see `is_frame`)."""
    said = _PICTOGRAPHS.sub(" ", text)
    said = _MARKER_END.sub("", _MARKER_START.sub("", said, count=1))
    if clause := _clause_number(said):
        said = said[clause.end():]
    said = _TAGS_END.sub("", said) or said
    said = _TAG.sub(lambda m: _CAMEL.sub(" ", m.group(1)), said)
    said = re.sub(r"\s+", " ", said).strip() or text
    if (opener := _opener(said)) and len(words(said[opener.end():])) >= BODY_MIN_WORDS:
        said = said[opener.end():]  # "In short, X" says X
    whole = said
    lead = ""
    if (code := _CODE_START.match(said)) and len(words(said[code.end():])) >= BODY_MIN_WORDS:
        lead, said = code.group("code"), said[code.end():]
    for _ in range(2):  # "Team — key takeaway: ..."
        m = _LEAD_IN.match(said)
        if not m:
            break
        body = said[m.end():]
        if len(words(m.group("lead"))) > LEAD_MAX_WORDS or len(words(body)) < BODY_MIN_WORDS:
            break
        lead, said = f"{lead} {m.group('lead')}".strip(), body
    return Framed(whole, lead, said)


def is_frame(lead: str, pool: frozenset[str] | set[str]) -> bool:
    """A lead-in is only a frame (the writer's, not the course's) when none of its terms is a
    word of the evidence, it names nothing (a name is checked as a name: "Acme's pitch:") and
    it does not deny what follows; one that names a course thing ("Leading indicators:") is
    part of the claim."""
    said = {w.lower() for w in words(lead)}
    if " ".join(w.lower() for w in words(lead)) in lexicon().replies:
        return True  # "Not quite:", "Yes —": it answers what was asked; what follows is the claim
    names = [t for t in capitalised_terms(lead) if not _CODE.fullmatch(t)]
    return not (set(claim_terms(lead)) & pool) and not (said & (_DENIALS | NEGATIONS)) and not names


# An acronym a source writes ("MMM", "CDPs"): three to six capitals, maybe a plural "s". Two
# letters are too few: the initials of any two words ("always include") would spell "AI".
_ACRONYM = re.compile(r"\b([A-Z]{3,6})s?\b")


def abbreviated(claim: str, evidence_texts: tuple[str, ...]) -> str:
    """``claim`` with a name it writes out in full put back as the acronym its source uses
    ("marketing mix modelling" -> "MMM" where the source writes only "MMM"): the same thing,
    so its words are no words the course lacks. Only where the initials of as many adjacent
    words as the acronym has letters spell it, and the source never writes those words."""
    acronyms = {a for text in evidence_texts for a in _acronyms(text)}
    out = claim
    for acronym in sorted(acronyms, key=len, reverse=True):
        run = _spelled(acronym)
        if not run.search(out) or any(run.search(text) for text in evidence_texts):
            continue  # not written out, or the source spells it out too: its words are there
        out = run.sub(lambda m: acronym if _written_out(m.group(0)) else m.group(0), out)
    return out


@lru_cache(maxsize=4096)
def _acronyms(text: str) -> frozenset[str]:
    return frozenset(m.group(1) for m in _ACRONYM.finditer(text))


@lru_cache(maxsize=4096)
def _spelled(acronym: str) -> re.Pattern[str]:
    """As many adjacent words as ``acronym`` has letters, each opening with its letter."""
    return re.compile(
        r"\b" + r"[\s-]+".join(rf"{c}[a-z']*" for c in acronym) + r"\b", re.IGNORECASE
    )


# Words a name may hold between its other words ("point of sale", "research and development").
_NAME_LINKS = frozenset({"of", "and", "for"})


def _written_out(said: str) -> bool:
    """Words that can spell out a name: no function word but a link inside it ("make more
    money" is no "MMM", "A and I" no "AI"; "point of sale" is "POS")."""
    said_words = [w.lower() for w in re.split(r"[\s-]+", said)]
    return all(
        (len(w) > 2 and w not in STOPWORDS) or (0 < i < len(said_words) - 1 and w in _NAME_LINKS)
        for i, w in enumerate(said_words)
    )


# The unit of a number in words ("five percent" for "5%"): the number check judges it.
_NUMBER_UNITS = frozenset({"percent", "percents"})


def claim_words(text: str) -> list[str]:
    """The claim's content words, minus words that frame a claim rather than make one ("the
    module argues", "basically")."""
    lex = lexicon()
    return [w for w in content_words(lex.attributions(lex.rewrite(text)))
            if stem(w) not in lex.discourse]


def claim_terms(text: str) -> list[str]:
    """The terms of `claim_words` (synonyms folded), each once, minus number words ("five",
    "percent"): a number is judged by the number check, written as digits or in words alike."""
    lex = lexicon()
    return list(dict.fromkeys(
        lex.term(word) for word in claim_words(text)
        if not (word.lower() in _NUMBER_UNITS or extract_numbers(word, words=True))
    ))


@lru_cache(maxsize=8192)
def plain(text: str) -> str:
    return " " + " ".join(w.lower() for w in words(text)) + " "


def name_groups(text: str) -> dict[str, frozenset[str]]:
    """Term -> the other terms of the multi-word name it belongs to ("Owen Wilson")."""
    lex = lexicon()
    out: dict[str, frozenset[str]] = {}
    run: list[str] = []
    for word in [*words(text), ""]:
        if word[:1].isupper() and word.lower() not in STOPWORDS:
            run.append(lex.term(word))
            continue
        if len(run) >= 2:
            for term in run:
                out[term] = frozenset(run) - {term}
        run = []
    return out


# What may stand around a courtesy without making it a claim: "Oh, what a great question!",
# "That's a really good point.", "I'm glad you asked."
_COURTESY_FRAME = re.compile(
    r"^(?:(?:oh|ah|well|ok|okay|so|and)\s+)*(?:(?:what|that's|that is|thats|such|it's|it is|"
    r"i'm|i am)\s+)?(?:(?:a|an)\s+)?(?:(?:really|very|truly|such|so)\s+)?"
)


def is_courtesy(text: str) -> bool:
    """A sentence said to the asker, not about the subject ("Great question!", "Hope this
    helps.", "Sure thing!"): it asserts nothing the evidence could back or contradict."""
    said = " ".join(w.lower() for w in words(text.replace("\u2019", "'")))
    return bool(said) and _COURTESY_FRAME.sub("", said, count=1) in lexicon().courtesies


def is_claim(piece: Segment) -> bool:
    if piece.kind in ("heading", "label", "reference"):
        return False
    text = piece.text.strip()
    if text.endswith(":") and len(text.split()) <= 8:
        return False
    if text.endswith("?"):
        return False  # a question asserts nothing (e.g. a coaching prompt to the learner)
    if is_courtesy(text):
        return False  # "Great question!": said to the asker, not about the course
    return bool(content_words(text) or extract_numbers(text))
