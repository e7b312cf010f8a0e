"""Evidence, prepared once: sentences, windows of adjacent sentences, and their terms.

Everything a check compares on the evidence side (terms, numbers, negated words, clause
segments, list items) is computed here once per distinct evidence text and cached, so an answer
checked against the same course passages again only pays for its own sentences.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.grounding.lexicon import lexicon, terms
from assistant.grounding.types import Evidence
from knowledge.chunking import open_lead_in
from assistant.text import (
    NEGATIONS,
    capitalised_terms,
    content_words,
    extract_numbers,
    split_sentences,
    words,
)

# A table row arrives as "Column: value" lines; each line is one sentence and its first line (the
# row's key, e.g. "AI Application: Chatbot") belongs to every other line.
_FIELD_LINE = re.compile(r"^[^:\n]{1,80}:\s+\S")
# Clause boundaries inside one sentence, for the pairing (swap) check; a parenthesis stays with
# the clause it explains.
_CLAUSE_SPLIT = re.compile(r"\s*(?:[;:,\n]|\bwhile\b|\bwhereas\b|\bbut\b|\s[-\u2013\u2014]\s)\s*")
_PAREN = re.compile(r"\([^()]*\)")
ROOT = 6  # word-form fallback: terms sharing their first six letters ("consistent"/"consistency")


def root(term: str) -> str:
    return term[:ROOT]


@dataclass(frozen=True)
class Clause:
    """One clause of an evidence sentence: its terms and those written as names (capitalised)."""

    terms: frozenset[str]
    names: frozenset[str]
    ends: tuple[str, str] = ("", "")  # its own first and last term: the slots parallel
    # clauses fill ("A for CFOs, B for COOs")
    # Its own terms before and after the word that pairs a thing with what the source says of
    # it: "X (Y)" and "X for Y" ("data minimization (collecting only necessary data)",
    # "detailed explanations for regulators"); empty when the clause pairs nothing.
    sides: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())
    own: frozenset[str] = frozenset()  # its own terms, without the head's
    pairing: str = ""  # how the sides are joined: "(" or "for" (parallel clauses share it)


@dataclass(frozen=True)
class Sentence:
    text: str
    terms: frozenset[str]
    negated: frozenset[str]
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Prepared:
    """One evidence item, ready to compare against."""

    kind: str
    text: str
    sentences: tuple[Sentence, ...]
    terms: frozenset[str]
    roots: frozenset[str]
    numbers: tuple[float, ...]


@dataclass(frozen=True)
class Unit:
    """What a claim is attributed to: 1..window adjacent sentences of one item, or a tool result."""

    item: int
    start: int
    size: int
    text: str
    terms: frozenset[str]
    roots: frozenset[str]


# "not just / only / merely X" adds to X ("not just the fees" = the fees and more): no negation.
_ADDITIVE = frozenset({"just", "only", "merely", "simply", "solely"})


# Words that deny what follows without a "not" (the negation detector's cues, still content
# words everywhere else): "helps avoid vendor lock-in" says "no vendor lock-in", "by failing to
# prepare" says "not prepared", "flexible rather than rigid" says "not rigid".
_PRIVATIVE = frozenset({
    "avoid", "avoids", "avoided", "avoiding", "prevent", "prevents", "prevented", "preventing",
    "failing",
})
_PRIVATIVE_PAIRS = frozenset({
    ("rather", "than"), ("instead", "of"),
    # "moving beyond X" leaves X behind ("expanding beyond X" keeps it: not a denial; nor does
    # "is moving beyond X into Y", which tells of growth: see `negates`)
    ("move", "beyond"), ("moving", "beyond"), ("move", "past"), ("moving", "past"),
})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "'s", "’s"})


def negates(tokens: list[str] | tuple[str, ...], i: int) -> bool:
    """Whether the lower-cased token ``i`` is a negation cue (a "not just" is not one)."""
    token = tokens[i]
    if token in _PRIVATIVE or (i and (tokens[i - 1], token) in _PRIVATIVE_PAIRS and not (
        token in ("beyond", "past") and i > 1 and tokens[i - 2] in _BE  # "is moving beyond"
    )):
        return True
    if not (token in NEGATIONS or token.endswith("n't")):
        return False
    return not (i + 1 < len(tokens) and tokens[i + 1] in _ADDITIVE)


def negated_terms(text: str) -> frozenset[str]:
    """Terms of the first content word after each negation cue ("not feasible" -> "feasibl")."""
    return _polarity(text)[0]


def asserted_terms(text: str) -> frozenset[str]:
    """Terms of the content words no negation cue denies ("where X is not integrated ... by
    designing integrated workflows": "integrated" is both negated and asserted)."""
    return _polarity(text)[1]


@lru_cache(maxsize=65536)
def _polarity(text: str) -> tuple[frozenset[str], frozenset[str]]:
    raw = words(text)
    tokens = [t.lower() for t in raw]
    heads: set[str] = set()
    denied: set[int] = set()
    for i, token in enumerate(tokens):
        if i > 0 and raw[i][0].isupper():
            continue  # part of a title or name: "Never Shout Never", "No Fences"
        if negates(tokens, i):
            denied.add(i)
            for j, nxt in enumerate(tokens[i + 1 : i + 5], start=i + 1):
                if nxt in NEGATIONS or nxt.endswith("n't"):
                    continue
                if content_words(nxt):
                    heads.update(terms(nxt))
                    denied.add(j)
                    break
    asserted = {t for i, w in enumerate(tokens) if i not in denied for t in terms(w)}
    return frozenset(heads), frozenset(asserted)


# Where a denial's reach ends: a punctuation mark, or a word that opens a clause of its own
# ("Don't expect X to move quickly, because ..."; "not X but Y"). "and" joins the things one
# denial covers ("don't expect CLV and revenue to move quickly"), so it ends nothing.
_SCOPE_BREAK = re.compile(r"[,;:.!?()\u2013\u2014]|\s-\s")
_SCOPE_OPENERS = frozenset({
    "because", "since", "so", "but", "which", "who", "although", "though", "while", "whereas",
    "yet", "unless", "until",
})


# A clause these open ends where its comma is; without one, where it ends is not written, so a
# denial inside it reaches its first content word only ("when A is not connected to B their
# impact grows": "grows" is the main clause's).
_SUBORDINATORS = frozenset({
    "when", "whenever", "if", "because", "since", "as", "while", "although", "though",
    "unless", "once", "where", "before", "after",
})
_PLAIN_DENIALS = frozenset({"not", "no", "never", "cannot", "nor", "none", "nothing"})


@lru_cache(maxsize=65536)
def denied_spans(text: str) -> tuple[tuple[str, ...], frozenset[int], frozenset[int]]:
    """(the lower-cased words of the rewritten ``text``, the positions a denial covers, those a
    plain denial covers): every word after a negation cue up to the end of its clause ("Don't
    expect lagging figures to move *quickly*"; "numbers won't tell you *everything*"). A plain
    denial is a "not" / "no" / "never" / "-n't", not a word that denies its object ("avoided at
    any cost"). ``lexicon.raw_words`` gives the same words, so a position here is one there."""
    said: list[str] = []
    covered: set[int] = set()
    plain: set[int] = set()
    pieces = _SCOPE_BREAK.split(lexicon().rewrite(text))
    for k, piece in enumerate(pieces):
        tokens = [w.lower() for w in words(piece)]
        start, denying, by_plain = len(said), False, False
        # a subordinate clause with no comma after it: its end is not written
        open_ended = bool(tokens) and tokens[0] in _SUBORDINATORS and not any(
            words(rest) for rest in pieces[k + 1 :]
        )
        for i, token in enumerate(tokens):
            if token in _SCOPE_OPENERS:
                denying = False
            elif denying:
                covered.add(start + i)
                if by_plain:
                    plain.add(start + i)
            elif negates(tokens, i) and not open_ended:
                denying = True
                by_plain = token in _PLAIN_DENIALS or token.endswith("n't")
        said.extend(tokens)
    return tuple(said), frozenset(covered), frozenset(plain)


def denied_terms(text: str) -> frozenset[str]:
    """Terms of the words a denial covers (`denied_spans`)."""
    said, covered, _ = denied_spans(text)
    return frozenset(t for i in covered for t in terms(said[i]))


def clause_texts(text: str) -> list[str]:
    """Top-level clauses of ``text``: commas inside a parenthesis do not split it."""
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        held.append(match.group(0))
        return f"\x00{len(held) - 1}\x00"

    protected = _PAREN.sub(hold, text)
    out = []
    for part in _CLAUSE_SPLIT.split(protected):
        restored = re.sub("\x00(\\d+)\x00", lambda m: held[int(m.group(1))], part)
        if restored.strip():
            out.append(restored)
    return out


_PAIRING = re.compile(r"\s*\(|\s+for\s+", re.IGNORECASE)


def _sides(part: str, first: bool) -> tuple[frozenset[str], frozenset[str]]:
    """(what the clause names, what it says of it) split at its first "(" or "for". The first
    clause of a sentence carries the list's lead-in ("Bias can show in AI-driven
    recommendations (...)"): only its last two terms name its member."""
    pieces = _PAIRING.split(part, maxsplit=1)
    if len(pieces) < 2:
        return frozenset(), frozenset()
    head = terms(pieces[0])
    # "X (a) helps B": what follows the parenthesis is the sentence's, not X's
    said_text = pieces[1].split(")", 1)[0] if "(" in part[: len(pieces[0]) + 3] else pieces[1]
    named, said = frozenset(head[-2:] if first else head), frozenset(terms(said_text))
    return (named, said) if named and said else (frozenset(), frozenset())


def clauses(text: str, context: str = "") -> tuple[Clause, ...]:
    """The clauses of a sentence; the first clause (its head, or a table row's key) is context
    that every later clause carries: "Challenges include A, B" keeps "challenges" with B."""
    lex = lexicon()
    parts = clause_texts(text)
    head = frozenset(terms(context))
    out = []
    for i, part in enumerate(parts):
        ordered = terms(part)
        if not ordered:
            continue
        t = frozenset(ordered)
        names = frozenset(lex.term(w) for w in capitalised_terms(part))
        sides = _sides(part, i == 0)
        found = _PAIRING.search(part)
        pairing = found.group(0).strip().lower() if sides[0] and found else ""
        out.append(Clause(t | head, names, (ordered[0], ordered[-1]), sides, t, pairing))
        if i == 0:
            head = head | t
    return tuple(out)


def flatten_tool(evidence_id: str, text: str) -> str:
    """Tool results arrive as JSON, or as sentences then JSON lines (what the engine passes: the
    result told, its output, its inputs); keys and values become words so "roi_pct" matches
    "ROI", and a long value repeated in the result (one citation per KPI) is said once."""
    # The tool's name is part of what it vouches for: "rice_score" supports "RICE score".
    name = re.sub(r"[_\W]+", " ", evidence_id).strip()
    parts: list[str] = [name]
    seen: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                parts.append(str(key).replace("_", " "))
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        else:
            said = str(value)
            if len(said) < 40 or said not in seen:
                seen.add(said)
                parts.append(said)

    try:
        walk(json.loads(text))
        return " ; ".join(parts)
    except (ValueError, TypeError):
        pass
    for line in text.splitlines():
        try:
            data = json.loads(line) if line.lstrip()[:1] in ("{", "[") else None
        except ValueError:
            data = None
        if data is None:
            parts.append(line)
        else:
            walk(data)
    return " ; ".join(parts)


def _sentence(text: str, context: str = "") -> Sentence:
    return Sentence(
        text,
        frozenset(terms(text)) | frozenset(terms(context)),
        negated_terms(text),
        clauses(text, context),
    )


def _split(kind: str, text: str) -> list[Sentence]:
    if kind != "passage":
        return [_sentence(text)]
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) >= 3 and all(_FIELD_LINE.match(line) for line in lines):
        return [_sentence(lines[0])] + [_sentence(line, lines[0]) for line in lines[1:]]
    # Cut as the composer cuts (knowledge.chunking): a "Label: Sentence" lead-in is two
    # sentences, so a quoted course sentence is word for word one of the evidence's sentences.
    pieces = [p for s in split_sentences(text) for p in open_lead_in(s)]
    return [_sentence(s) for s in pieces if s.strip()] or [_sentence(text)]


@lru_cache(maxsize=4096)
def prepare(kind: str, evidence_id: str, text: str) -> Prepared:
    """The evidence item with its sentences and terms (cached per distinct text)."""
    flat = flatten_tool(evidence_id, text) if kind == "tool" else text
    sentences = tuple(_split(kind, flat))
    all_terms = frozenset().union(*(s.terms for s in sentences))
    return Prepared(
        kind=kind,
        text=flat,
        sentences=sentences,
        terms=all_terms,
        roots=_roots(all_terms),
        numbers=tuple(extract_numbers(flat, words=True, references=True)),
    )


def prepare_evidence(evidence: Evidence) -> Prepared:
    return prepare(evidence.kind, evidence.id if evidence.kind == "tool" else "", evidence.text)


def _roots(items: frozenset[str]) -> frozenset[str]:
    return frozenset(root(x) for x in items if len(x) >= ROOT)


@lru_cache(maxsize=4096)
def _windows(prepared: Prepared, window: int) -> tuple[tuple, ...]:
    if prepared.kind == "tool":
        return ((0, 1, prepared.text, prepared.terms, _roots(prepared.terms)),)
    out = []
    sents = prepared.sentences
    for start in range(len(sents)):
        for size in range(1, window + 1):
            if start + size > len(sents):
                break
            chunk = sents[start : start + size]
            joined = frozenset().union(*(s.terms for s in chunk))
            out.append((start, size, " ".join(s.text for s in chunk), joined, _roots(joined)))
    return tuple(out)


def units(items: list[Prepared], window: int) -> list[Unit]:
    """Every unit a claim may be attributed to; the user's words are never a unit."""
    out: list[Unit] = []
    for index, item in enumerate(items):
        if item.kind == "user":
            continue  # the user's words support claims as a pool, never as the primary source
        out.extend(Unit(index, *w) for w in _windows(item, window))
    return out


@lru_cache(maxsize=4096)
def tool_pieces(text: str) -> tuple[str, ...]:
    """What a tool result is compared with for similarity: the sentences of its prose lines.

    A tool result is one unit for coverage (all its words, JSON keys and values included), but
    embedding it whole would compare a claim with the first 256 word pieces of a flattened JSON
    dump, and costs a long encode per answer. Its claims are its own sentences ("ROI = … = 50%"),
    which the answer repeats, so a claim is as similar to the result as to its closest sentence;
    JSON lines carry no prose to compare and are left to the term coverage.
    """
    pieces: list[str] = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if line[0] in "{[":
            try:
                json.loads(line)
                continue
            except ValueError:
                pass
        pieces.extend(s.strip() for s in split_sentences(line) if s.strip())
    return tuple(dict.fromkeys(pieces)) or (text.strip() or text,)


def evidence_units(evidence: Evidence, window: int | None = None) -> list[str]:
    """The texts the checker embeds for ``evidence`` (embed them ahead of time to warm a cache)."""
    from assistant.grounding.types import Thresholds

    if evidence.kind == "user":
        return []
    if evidence.kind == "tool":
        return list(tool_pieces(evidence.text))
    texts = [w[2] for w in _windows(prepare_evidence(evidence), window or Thresholds().window)]
    # The passage's words too: the checker aligns a claim's words with its unit's by meaning.
    return texts + list(dict.fromkeys(w.lower() for w in content_words(evidence.text)))
