"""Grounding checker: is every claim of an answer backed by the evidence it was built from?

Used on every answer of the assistant, by the eval suite and by `advisor check`. An answer is
split into sentences (Markdown-aware, see `assistant.text`); each claim sentence is attributed to
the evidence unit (one sentence of a passage by default, or a whole tool result) that scores best
on embedding similarity plus content-word coverage, and is *supported* only when all hold:

1. words: 90% of its content words occur somewhere in the evidence, 75% of them in that one
   unit (or a tool result, or only in the user's message), and at most half come from the
   user's message alone, so a claim is neither invented nor stitched from scattered words;
2. numbers: every number occurs in the supporting passage, a tool result or the user's message
   (tool numbers may be rounded, or a fraction shown as a percentage);
3. names: every proper noun / acronym occurs there too;
4. negation: nothing the evidence negates is asserted, and nothing it asserts is negated;
5. answer type (only when the question is given): a "when / how many" question gets a number,
   a "who / where" question gets a name, and a wh-question gets more than its own words back.

Structural lines are not claims: headings, "Sources:"-style labels and the reference list under
them, lines ending in a colon of at most eight words, and sentences with no content word and no
number ("Yes.", "In short:"). `score` is supported claims / claims, 1.0 when there are none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol

from pydantic import BaseModel, Field

from assistant.text import (
    NEGATIONS,
    STOPWORDS,
    Segment,
    capitalised_terms,
    content_words,
    extract_numbers,
    segments,
    split_sentences,
    stem,
    words,
)

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "CheckRequest",
    "Evidence",
    "GroundingChecker",
    "GroundingReport",
    "SentenceSupport",
    "Thresholds",
    "evidence_units",
    "extract_numbers",
    "split_sentences",
]


class Evidence(BaseModel):
    """Something an answer may rest on: a course passage, a tool result, or the user's message."""

    id: str
    text: str
    kind: Literal["passage", "tool", "user"] = "passage"


class CheckRequest(BaseModel):
    """One answer to grade, with what it may rest on (see `GroundingChecker.check`)."""

    answer: str
    evidence: list[Evidence]
    question: str | None = None


class SentenceSupport(BaseModel):
    text: str
    supported: bool
    sources: list[str] = Field(default_factory=list)
    score: float = 0.0
    reason: str = ""
    claim: bool = True
    evidence: str = Field(default="", description="The evidence text the sentence matched best.")
    numbers: list[float] = Field(default_factory=list, description="Numbers the sentence states.")
    numbers_missing: list[float] = Field(default_factory=list, description="Those no source gives.")


class GroundingReport(BaseModel):
    score: float
    sentences: list[SentenceSupport]
    unsupported: list[str]

    @property
    def supported(self) -> bool:
        return not self.unsupported


class Thresholds(BaseModel):
    """The knobs of the checker; defaults are calibrated (see evals/data/CALIBRATION.md)."""

    min_coverage: float = Field(
        0.75, ge=0, le=1, description="Share of content words found in the one supporting unit."
    )
    min_found: float = Field(
        0.9, ge=0, le=1, description="Share of content words found anywhere in the evidence."
    )
    max_user_only: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Largest share of content words found only in the user's words: a claim may "
        "echo the user, but must mostly rest on passages and tool results.",
    )
    similarity_weight: float = Field(
        0.5, ge=0, le=1, description="Attribution = w*cos + (1-w)*cov."
    )
    window: int = Field(1, ge=1, le=5, description="Adjacent evidence sentences one claim may use.")
    tool_rounding: bool = Field(True, description="Accept rounded / percent forms of tool numbers.")


class Embedder(Protocol):
    def encode(self, texts: list[str]) -> np.ndarray: ...


# Words that frame a claim rather than make one ("According to the course, ..."), and light
# relation verbs a paraphrase supplies on its own ("RICE stands for ...", "X led to Y").
DISCOURSE_WORDS = frozenset(
    """according course lesson lessons module modules section sections answer summary overall
    example examples instance recommend recommends recommended suggest suggests suggested
    note notes noted say says said state states stated explain explains explained describe
    describes described mention mentions mentioned emphasize emphasizes emphasised emphasized
    highlight highlights highlighted additionally furthermore moreover however therefore also
    first second third finally following based here key points point way ways
    mean means meaning stand stands refer refers lead leads led result results resulted""".split()
)
_DISCOURSE_STEMS = frozenset(stem(w) for w in DISCOURSE_WORDS)
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


# --- evidence preprocessing -----------------------------------------------------------------


@dataclass
class _Item:
    evidence: Evidence
    stems: set[str]
    numbers: list[float]
    sentences: list[str]


@dataclass
class _Unit:
    item: int
    text: str
    stems: set[str]
    sentences: list[str] = field(default_factory=list)


def content_stems(text: str) -> set[str]:
    """Stems of the content words of ``text``: what coverage and co-location compare."""
    return {stem(w) for w in content_words(text)}


def _evidence_text(evidence: Evidence) -> str:
    """Tool results arrive as JSON; flatten keys and values to words so "roi_pct" matches "ROI"."""
    if evidence.kind != "tool":
        return evidence.text
    # The tool's name is part of what it vouches for: "rice_score" supports "RICE score".
    name = re.sub(r"[_\W]+", " ", evidence.id).strip()
    try:
        data = json.loads(evidence.text)
    except (ValueError, TypeError):
        return f"{name} ; {evidence.text}"
    parts: list[str] = [name]

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, inner in value.items():
                parts.append(str(key).replace("_", " "))
                walk(inner)
        elif isinstance(value, list):
            for inner in value:
                walk(inner)
        else:
            parts.append(str(value))

    walk(data)
    return " ; ".join(parts)


def _prepare(evidence: list[Evidence], window: int) -> tuple[list[_Item], list[_Unit]]:
    items: list[_Item] = []
    units: list[_Unit] = []
    for index, ev in enumerate(evidence):
        text = _evidence_text(ev)
        sentences = split_sentences(text) if ev.kind == "passage" else [text]
        sentences = [s for s in sentences if s.strip()] or [text]
        items.append(
            _Item(
                ev,
                content_stems(text),
                extract_numbers(text, words=True, references=True),
                sentences,
            )
        )
        if ev.kind == "user":
            continue  # the user's words support claims as a pool, never as the primary source
        if ev.kind == "tool":
            units.append(_Unit(index, text, content_stems(text), sentences))
            continue
        for start in range(len(sentences)):
            for size in range(1, window + 1):
                if start + size > len(sentences):
                    break
                chunk = sentences[start : start + size]
                joined = " ".join(chunk)
                units.append(_Unit(index, joined, content_stems(joined), chunk))
    return items, units


def evidence_units(evidence: Evidence, window: int | None = None) -> list[str]:
    """The texts the checker embeds for ``evidence`` (embed them ahead of time to warm a cache)."""
    _, units = _prepare([evidence], window or Thresholds().window)
    return [u.text for u in units]


# --- individual checks ----------------------------------------------------------------------


def _negated_heads(text: str) -> set[str]:
    """Stems of the first content word after each negation cue ("not feasible" -> "feasibl")."""
    raw = words(text)
    tokens = [t.lower() for t in raw]
    heads: set[str] = set()
    for i, token in enumerate(tokens):
        if i > 0 and raw[i][0].isupper():
            continue  # part of a title or name: "Never Shout Never", "No Fences"
        if token in NEGATIONS or token.endswith("n't"):
            for nxt in tokens[i + 1 : i + 5]:
                if nxt in NEGATIONS or nxt.endswith("n't"):
                    continue
                if content_words(nxt):
                    heads.add(stem(nxt))
                    break
    return heads


def _negation_conflict(sentence: str, evidence_sentence: str) -> str:
    s_neg, e_neg = _negated_heads(sentence), _negated_heads(evidence_sentence)
    s_all, e_all = content_stems(sentence), content_stems(evidence_sentence)
    if hit := sorted(s_neg & (e_all - e_neg)):
        return f"negation mismatch: the answer negates '{hit[0]}', the source does not"
    if hit := sorted(e_neg & (s_all - s_neg)):
        return f"negation mismatch: the source negates '{hit[0]}', the answer does not"
    return ""


def _number_supported(
    value: float, pool: list[float], tool_pool: list[float], rounding: bool
) -> bool:
    if any(abs(value - m) <= 1e-9 * max(1.0, abs(m)) for m in pool + tool_pool):
        return True
    if not rounding:
        return False
    for m in tool_pool:
        # Tool results are exact; answers show them rounded and fractions as percentages.
        for candidate in (m, m * 100, m / 100):
            for digits in range(4):
                if abs(round(candidate, digits) - value) <= 1e-9 * max(1.0, abs(value)):
                    return True
    return False


def _fmt(value: float) -> str:
    return f"{value:g}" if abs(value) < 1e15 else str(value)


AnswerType = Literal["number", "name", "open", "choice", "yesno"]

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
_HOW_NUMBER = frozenset("many much long far old tall big large high often fast".split())
_CHOICE_RE = re.compile(r"\bor\b|\bwhich one\b|\beither\b|\bbetween\b", re.IGNORECASE)


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
    q_stems = content_stems(question)
    answer_words = words(answer)
    q_numbers = set(extract_numbers(question, words=True))
    new_number = any(n not in q_numbers for n in extract_numbers(answer, words=True)) or any(
        w.lower() in _MONTHS and stem(w) not in q_stems for w in answer_words
    )
    new_words = [w for w in content_words(answer) if stem(w) not in q_stems]
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


# --- the checker ----------------------------------------------------------------------------


class GroundingChecker:
    """Checks answers against evidence; one instance can be reused (embeddings are cached)."""

    def __init__(
        self, embedder: Embedder | None = None, thresholds: Thresholds | None = None
    ) -> None:
        from knowledge.embeddings import memoised

        self._embedder = memoised(embedder) if embedder is not None else None
        self.thresholds = thresholds or Thresholds()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            from knowledge.embeddings import get_embedder, memoised

            self._embedder = memoised(get_embedder())
        return self._embedder

    def embed(self, texts: list[str]) -> np.ndarray:
        """Normalised embeddings, each text computed once (the embedder is the one memo)."""
        import numpy as np

        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.asarray(self.embedder.encode(list(texts)), dtype=np.float32)

    def check(
        self, answer: str, evidence: list[Evidence], question: str | None = None
    ) -> GroundingReport:
        """Grade ``answer`` sentence by sentence against ``evidence``.

        ``question``, when given, enables the answer-type check only: a question asserts
        nothing, so its words are not evidence. Statements the user made ("my AOV is $48") are
        evidence: pass them as ``Evidence(kind="user")``. Pass tool results as
        ``Evidence(kind="tool", text=<JSON or text>)``.
        """
        return self.check_many([CheckRequest(answer=answer, evidence=evidence, question=question)])[
            0
        ]

    def check_many(self, requests: list[CheckRequest]) -> list[GroundingReport]:
        """`check` for many answers at once: every text is embedded in one batch."""
        prepared = []
        for request in requests:
            pieces = segments(request.answer)
            claims = [p.text for p in pieces if _is_claim(p)]
            items, units = _prepare(list(request.evidence), self.thresholds.window)
            prepared.append((request, pieces, claims, items, units))
        self.embed(
            [
                t
                for _, _, claims, _, units in prepared
                if units
                for t in claims + [u.text for u in units]
            ]
        )
        return [self._report(*p) for p in prepared]

    def _report(
        self,
        request: CheckRequest,
        pieces: list[Segment],
        claims: list[str],
        items: list[_Item],
        units: list[_Unit],
    ) -> GroundingReport:
        question = request.question
        type_problem = answer_type_problem(question, " ".join(claims)) if question else ""
        sims = None
        if claims and units:
            sims = self.embed(claims) @ self.embed([u.text for u in units]).T

        results: list[SentenceSupport] = []
        claim_index = 0
        for piece in pieces:
            if not _is_claim(piece):
                results.append(
                    SentenceSupport(
                        text=piece.text,
                        supported=True,
                        claim=False,
                        score=1.0,
                        reason=f"not a claim ({piece.kind})",
                    )
                )
                continue
            row = sims[claim_index] if sims is not None else None
            claim_index += 1
            support = self._judge(piece.text, items, units, row)
            if type_problem and support.supported:
                support.supported = False
                support.reason = type_problem
            results.append(support)

        claim_results = [r for r in results if r.claim]
        supported = sum(r.supported for r in claim_results)
        score = supported / len(claim_results) if claim_results else 1.0
        return GroundingReport(
            score=round(score, 4),
            sentences=results,
            unsupported=[r.text for r in claim_results if not r.supported],
        )

    def _judge(
        self, sentence: str, items: list[_Item], units: list[_Unit], sims
    ) -> SentenceSupport:
        t = self.thresholds
        numbers = extract_numbers(sentence, words=True)
        if not units:
            return SentenceSupport(
                text=sentence,
                supported=False,
                score=0.0,
                numbers=numbers,
                reason="no evidence to check against",
            )
        user_items = [i for i, it in enumerate(items) if it.evidence.kind == "user"]
        tool_items = [i for i, it in enumerate(items) if it.evidence.kind == "tool"]
        user_stems = set().union(*(items[i].stems for i in user_items)) if user_items else set()
        tool_stems = set().union(*(items[i].stems for i in tool_items)) if tool_items else set()

        tokens = [
            s
            for s in dict.fromkeys(stem(w) for w in content_words(sentence))
            if s not in _DISCOURSE_STEMS
        ]
        source_pool = set().union(*(it.stems for it in items if it.evidence.kind != "user"))
        # Words only the user wrote are taken as given; every other word must sit in ONE unit
        # (or a tool result), so a claim cannot be stitched from words scattered over a passage.
        echoed = {s for s in tokens if s in user_stems and s not in source_pool}

        best, best_score, best_cov = 0, -1.0, 0.0
        for u, unit in enumerate(units):
            pool = unit.stems | tool_stems | echoed
            cov = sum(s in pool for s in tokens) / len(tokens) if tokens else 1.0
            sim = float(sims[u]) if sims is not None else 0.0
            score = t.similarity_weight * sim + (1 - t.similarity_weight) * cov
            if score > best_score:
                best, best_score, best_cov = u, score, cov
        unit = units[best]
        primary = items[unit.item]
        missing = [s for s in tokens if s not in unit.stems | tool_stems | echoed]

        sources = [primary.evidence.id]
        for i in user_items + tool_items:
            it = items[i]
            if i != unit.item and (set(tokens) & it.stems or set(numbers) & set(it.numbers)):
                sources.append(it.evidence.id)

        reasons: list[str] = []
        found = (
            sum(s in source_pool or s in user_stems for s in tokens) / len(tokens)
            if tokens
            else 1.0
        )
        user_only = len(echoed) / len(tokens) if tokens else 0.0
        unknown = [s for s in tokens if s not in source_pool and s not in user_stems]
        if found < t.min_found:
            reasons.append(f"words not in any source: {', '.join(unknown[:6])}")
        elif best_cov < t.min_coverage:
            reasons.append(
                f"words not found together in one source passage: {', '.join(missing[:6])}"
            )
        elif user_only > t.max_user_only:
            reasons.append(
                f"rests on the user's words, not the sources: {', '.join(sorted(echoed)[:6])}"
            )

        pool = list(primary.numbers) + [n for i in user_items for n in items[i].numbers]
        tool_pool = [n for i in tool_items for n in items[i].numbers]
        if primary.evidence.kind == "tool":
            tool_pool += primary.numbers
        bad_numbers = [
            n for n in numbers if not _number_supported(n, pool, tool_pool, t.tool_rounding)
        ]
        if bad_numbers:
            reasons.append(f"number {_fmt(bad_numbers[0])} not in any source")

        entity_pool = primary.stems | user_stems | tool_stems
        bad_entities = [
            e
            for e in capitalised_terms(sentence)
            if stem(e) not in entity_pool and stem(e) not in _DISCOURSE_STEMS
        ]
        if bad_entities:
            reasons.append(f"name '{bad_entities[0]}' not in the sources")

        if not reasons:
            matched = max(unit.sentences, key=lambda s: len(content_stems(s) & set(tokens)))
            if conflict := _negation_conflict(sentence, matched):
                reasons.append(conflict)

        return SentenceSupport(
            text=sentence,
            supported=not reasons,
            sources=sources,
            score=round(max(0.0, best_score), 4),
            reason="; ".join(reasons),
            evidence=unit.text,
            numbers=numbers,
            numbers_missing=bad_numbers,
        )


def _is_claim(piece: Segment) -> bool:
    if piece.kind in ("heading", "label", "reference"):
        return False
    text = piece.text.strip()
    if text.endswith(":") and len(text.split()) <= 8:
        return False
    if text.endswith("?"):
        return False  # a question asserts nothing (e.g. a coaching prompt to the learner)
    return bool(content_words(text) or extract_numbers(text))
