"""Answer-quality metrics for the eval suite: pure functions over one `AnswerResult`.

Every metric returns a `Score`: ``value`` in [0, 1] (``None`` when the metric does not apply to
this answer, e.g. numeric fidelity of an answer without numbers), the counts it was computed
from, and ``problems``, one line per thing that lowered it, for the report. Definitions:

faithfulness
    Share of the answer's *claim* sentences that are supported by the evidence the answer was
    built from: its cited course passages, its tool results and the user's message. Which
    sentences are claims, and when one is supported, is decided by the shared grounding checker
    (`assistant.grounding`, the same one `Advisor` runs on every answer), so the suite and the
    product can never disagree. An answer from the `Advisor` already carries that verdict in
    ``result.grounding``; for a pasted answer (no per-sentence grounding) pass a checker and
    the score is recomputed against the cited passages, tool calls and question. Refusals: not
    applicable.

citation validity
    Share of the answer's citation references that are valid. The references are each listed
    citation and each distinct ``[n]`` marker in the answer. A listed citation is valid when its
    ``chunk_id`` exists in the course index, its section is that chunk's section, its quote
    (without the trailing "…") occurs in the chunk's text and, when the ids retrieved for this
    answer are known, it is one of them (the `Advisor` builds citations only from passages it
    retrieved, so for its answers this holds by construction). A marker ``[n]`` is valid when
    1 <= n <= len(citations), i.e. it points at a listed citation. Not applicable when there are
    no references.

citation support
    Share of the answer's sentences carrying ``[n]`` markers whose cited chunk(s) support them:
    the sentence alone is checked by the grounding checker against only the text of the chunks
    its markers point to (no tool results, no question). A marker that points nowhere makes its
    sentence unsupported. Not applicable when no sentence carries a marker.

numeric fidelity
    Share of the numbers in the answer (digits, as `assistant.text.extract_numbers` reads them:
    "15%" -> 15, "$1,200" -> 1200; citation markers, list numbering and course locators such as
    "Lesson 6.2" are not numbers) that equal a number of the evidence: a tool call's input or
    output (which the answer may round to the decimals it shows, or show x100 as a percentage), a figure
    the user gave, or a figure in a cited passage (these must match exactly; number words such
    as "two" count as figures of the evidence). Not applicable when the answer has no numbers.

context relevance
    Mean cosine similarity between the question's embedding and each cited passage's vector in
    the course index (the vector retrieval ranks it by; a passage without one is embedded). Not
    applicable without citations.

section precision
    Share of cited passages whose section title contains one of the case's expected sections
    (case-insensitive substring). Not applicable without citations or expected sections.

retrieval recall@k
    Share of the case's expected sections matched (case-insensitive substring of the section
    title) by at least one of the top-k passages the retriever returns for the question.

figure accounting
    Share of the figures in the question (as `knowledge.figures.read_figures` reads them) that
    the answer accounts for: each is shown, as the user wrote it, in the answer's "What I read"
    list, with its role or the reason it was not used. Applies to answers that ran a calculator
    or asked a clarifying question about figures; not applicable otherwise or without figures.

refusal accuracy
    Per case 1.0 when ``result.refused`` equals the expectation (the case's ``refuses``
    assertion, else False: an in-scope question should be answered), 0.0 otherwise.

Aggregates (see `evals.runner`) are means of the per-case values over the cases where a metric
applies.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from assistant.text import CITATION_RE, extract_numbers, segments
from assistant.types import AnswerResult

if TYPE_CHECKING:
    from assistant.grounding import Evidence, GroundingChecker

__all__ = [
    "ChunkInfo",
    "MarkedSentence",
    "Score",
    "citation_support",
    "citation_validity",
    "context_relevance",
    "evidence_for",
    "faithfulness",
    "figure_accounting",
    "marked_sentences",
    "number_matches",
    "numeric_fidelity",
    "refusal_correct",
    "result_numbers",
    "retrieval_recall",
    "section_matches",
    "section_precision",
]


class Score(BaseModel):
    """One metric on one answer."""

    value: float | None = Field(description="In [0, 1]; None when the metric does not apply.")
    passed: int = 0
    total: int = 0
    problems: list[str] = Field(default_factory=list)

    @classmethod
    def ratio(cls, passed: int, total: int, problems: list[str] | None = None) -> Score:
        return cls(
            value=passed / total if total else None,
            passed=passed,
            total=total,
            problems=problems or [],
        )


class ChunkInfo(BaseModel):
    """What the metrics need to know about an indexed chunk."""

    text: str
    section: str = ""


ChunkLookup = Mapping[str, ChunkInfo]


def section_matches(section: str, expected: Iterable[str]) -> bool:
    low = section.lower()
    return any(e.lower() in low for e in expected)


# --- faithfulness ---------------------------------------------------------------------------


def evidence_for(result: AnswerResult, chunks: ChunkLookup) -> list[Evidence]:
    """The evidence a pasted answer is graded against: cited passages, tool calls, question."""
    from assistant.grounding import Evidence

    evidence = [
        Evidence(
            id=c.chunk_id,
            text=chunks[c.chunk_id].text if c.chunk_id in chunks else c.quote,
            kind="passage",
        )
        for c in result.citations
    ]
    for index, call in enumerate(result.tool_calls):
        body = call.result if isinstance(call.result, str) else json.dumps(call.result)
        evidence.append(
            Evidence(
                id=f"tool:{call.name}:{index}", text=f"{body}\n{json.dumps(call.args)}", kind="tool"
            )
        )
    evidence.append(Evidence(id="user", text=result.question, kind="user"))
    return evidence


def faithfulness(
    result: AnswerResult, checker: GroundingChecker | None = None, chunks: ChunkLookup | None = None
) -> Score:
    if result.refused:
        return Score(value=None)
    sentences = result.grounding.sentences
    if not sentences and checker is not None:
        report = checker.check(result.answer, evidence_for(result, chunks or {}))
        claims = [s for s in report.sentences if s.claim]
        problems = [f"{s.text} — {s.reason}" for s in claims if not s.supported]
        return Score.ratio(sum(s.supported for s in claims), len(claims), problems)
    if not sentences:
        return Score(value=result.grounding.score)
    claims = result.grounding.claims
    problems = [f"{s.text} — {s.reason}" for s in claims if not s.supported]
    score = Score.ratio(sum(s.supported for s in claims), len(claims), problems)
    score.value = result.grounding.score if claims else None
    return score


# --- citations ------------------------------------------------------------------------------

_MARK_OPEN, _MARK_CLOSE = "\u27e6", "\u27e7"
_MARKER_RUN = re.compile(r"([.!?\u2026]?)([\"')\u201d\u2019*]*)((?:" + CITATION_RE.pattern + r")+)")
_REFERENCE_LINE = re.compile(r"^\s*(?:[-*+]\s+)?(?:\[\^?\d+\]|\u3010\d+\u3011)")
_TOKEN_RE = re.compile(rf"\s*{_MARK_OPEN}([\d,]+){_MARK_CLOSE}")


def _marker_numbers(marker: str) -> list[int]:
    """ "[1]" -> [1]; "[2, 3]" -> [2, 3]; "[1-3]" -> [1, 2, 3]."""
    out: list[int] = []
    for part in re.split(r"\s*[,;]\s*", marker.strip(" []\u3010\u3011^")):
        bounds = [int(n) for n in re.findall(r"\d+", part)]
        if len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 50:
            out.extend(range(bounds[0], bounds[1] + 1))
        else:
            out.extend(bounds)
    return out


class MarkedSentence(BaseModel):
    text: str
    markers: list[int]


def marked_sentences(answer: str) -> list[MarkedSentence]:
    """The answer's sentences with the citation numbers attached to each.

    A marker belongs to the sentence it closes ("... churn. [2]" and "... churn [2]." both cite
    [2] for that sentence). Markers are swapped for tokens that survive Markdown stripping and
    sit before the sentence's final punctuation, so the shared sentence splitter keeps them in
    the right sentence.
    """

    def to_tokens(match: re.Match[str]) -> str:
        numbers = [
            n for m in CITATION_RE.finditer(match.group(3)) for n in _marker_numbers(m.group(0))
        ]
        token = f" {_MARK_OPEN}{','.join(map(str, numbers))}{_MARK_CLOSE}"
        return token + match.group(1) + match.group(2)

    # Reference-list lines ("[1] Lesson 6.2 — ...") are sources, not sentences citing them.
    tokenised = "\n".join(
        line if _REFERENCE_LINE.match(line) else _MARKER_RUN.sub(to_tokens, line)
        for line in answer.splitlines()
    )
    out = []
    for segment in segments(tokenised):
        if segment.kind in ("reference", "label"):
            continue
        numbers = [
            int(n) for group in _TOKEN_RE.findall(segment.text) for n in group.split(",") if n
        ]
        text = re.sub(r"\s+([.!?,;:])", r"\1", _TOKEN_RE.sub("", segment.text)).strip()
        out.append(MarkedSentence(text=text, markers=list(dict.fromkeys(numbers))))
    return out


def citation_validity(
    result: AnswerResult, chunks: ChunkLookup, retrieved: Iterable[str] | None = None
) -> Score:
    retrieved_ids = set(retrieved) if retrieved is not None else None
    passed = total = 0
    problems: list[str] = []
    for number, cite in enumerate(result.citations, 1):
        total += 1
        chunk = chunks.get(cite.chunk_id)
        if chunk is None:
            problems.append(f"citation [{number}] {cite.chunk_id}: no such chunk in the index")
            continue
        if retrieved_ids is not None and cite.chunk_id not in retrieved_ids:
            problems.append(f"citation [{number}] {cite.chunk_id}: not retrieved for this answer")
            continue
        if chunk.section and cite.section != chunk.section:
            problems.append(
                f"citation [{number}] {cite.chunk_id}: section '{cite.section}' "
                f"but the chunk is in '{chunk.section}'"
            )
            continue
        # A quote may join several excerpts with "…"; each excerpt must be verbatim chunk text.
        body = " ".join(chunk.text.split())
        pieces = [" ".join(piece.split()) for piece in cite.quote.split("\u2026")]
        if any(piece and piece not in body for piece in pieces):
            problems.append(f"citation [{number}] {cite.chunk_id}: quote not found in the chunk")
            continue
        passed += 1
    markers = sorted({n for s in marked_sentences(result.answer) for n in s.markers})
    for n in markers:
        total += 1
        if 1 <= n <= len(result.citations):
            passed += 1
        else:
            problems.append(
                f"marker [{n}] points at no listed citation ({len(result.citations)} listed)"
            )
    return Score.ratio(passed, total, problems)


def citation_support(result: AnswerResult, chunks: ChunkLookup, checker: GroundingChecker) -> Score:
    from assistant.grounding import Evidence

    passed = total = 0
    problems: list[str] = []
    for sentence in marked_sentences(result.answer):
        if not sentence.markers:
            continue
        total += 1
        evidence = []
        for n in sentence.markers:
            cite = result.citations[n - 1] if 1 <= n <= len(result.citations) else None
            chunk = chunks.get(cite.chunk_id) if cite else None
            if chunk is not None:
                evidence.append(Evidence(id=cite.chunk_id, text=chunk.text, kind="passage"))
        marks = "".join(f"[{n}]" for n in sentence.markers)
        if len(evidence) < len(sentence.markers):
            problems.append(f"{sentence.text} {marks} — a marker points at no indexed citation")
            continue
        verdict = checker.check(sentence.text, evidence)
        claims = [s for s in verdict.sentences if s.claim]
        if all(s.supported for s in claims):
            passed += 1
        else:
            reason = "; ".join(s.reason for s in claims if not s.supported)
            problems.append(f"{sentence.text} {marks} — {reason}")
    return Score.ratio(passed, total, problems)


# --- numbers --------------------------------------------------------------------------------


def _walk_numbers(value: Any) -> list[float]:
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        return [float(value)] if math.isfinite(value) else []
    if isinstance(value, str):
        return extract_numbers(value, words=True, references=True)
    if isinstance(value, Mapping):
        return [n for inner in value.values() for n in _walk_numbers(inner)]
    if isinstance(value, (list, tuple)):
        return [n for inner in value for n in _walk_numbers(inner)]
    return []


def result_numbers(result: AnswerResult) -> list[float]:
    """Every number of the result's tool calls, inputs and outputs."""
    return [
        n
        for call in result.tool_calls
        for n in _walk_numbers(call.args) + _walk_numbers(call.result)
    ]


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def _decimals(value: float) -> int:
    """Decimal places the answer showed: 0.0047 -> 4, 2.6 -> 1, 150.0 -> 0."""
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _matches_tool(value: float, tool: float) -> bool:
    """A tool value shown exactly, rounded to the decimals the answer shows, or x100 / /100."""
    digits = _decimals(value)
    return any(
        _close(candidate, value) or _close(round(candidate, digits), value)
        for candidate in (tool, tool * 100, tool / 100)
    )


def numeric_fidelity(result: AnswerResult, chunks: ChunkLookup) -> Score:
    if result.refused:
        return Score(value=None)
    numbers = extract_numbers(result.answer)
    exact = extract_numbers(result.question, words=True, references=True)
    for cite in result.citations:
        chunk = chunks.get(cite.chunk_id)
        exact += extract_numbers(chunk.text if chunk else cite.quote, words=True, references=True)
    tool = result_numbers(result)
    problems = []
    passed = 0
    for value in numbers:
        if any(_close(value, e) for e in exact) or any(_matches_tool(value, t) for t in tool):
            passed += 1
        else:
            problems.append(f"{value:g} is in no tool result, user figure or cited passage")
    return Score.ratio(passed, len(numbers), problems)


# Words of a result field's name that say nothing about which figure it is.
_UNIT_WORDS = {"pct", "percent", "value", "rate", "months", "years", "days", "weeks", "total",
               "per", "the", "and"}


def _fields_holding(value: Any, target: float, slack: float, path: str = "") -> list[str]:
    """Paths (``ranking.0.score``) of the numeric fields of a tool result that hold ``target``,
    as it is or shown x100 / /100."""
    if isinstance(value, bool):
        return []
    if isinstance(value, (int, float)):
        hit = math.isfinite(value) and any(
            abs(v - target) <= slack for v in (value, value * 100, value / 100))
        return [path] if hit else []
    if isinstance(value, Mapping):
        return [p for k, v in value.items() for p in _fields_holding(v, target, slack,
                                                                     f"{path}.{k}")]
    if isinstance(value, (list, tuple)):
        return [p for i, v in enumerate(value) for p in _fields_holding(v, target, slack,
                                                                        f"{path}.{i}")]
    return []


def number_matches(result: AnswerResult, value: float, tolerance: float) -> bool:
    """Whether the answer states ``value`` (within ``tolerance``) as the figure a tool computed.

    The figure must be in the answer, in a sentence that the tool call holding it backs: the
    sentence also names the result field (a word of its name other than a unit: "payback" for
    ``payback_months``) or shows another figure of the same call (an input or another output).
    A figure only in a tool result does not count, nor does a small number the answer quotes
    from elsewhere ("within 8 weeks") while a tool happened to compute 8.
    """
    slack = max(tolerance, 1e-9 * max(1.0, abs(value)))
    for segment in segments(result.answer):
        numbers = extract_numbers(segment.text)
        stated = [n for n in numbers if abs(n - value) <= slack]
        if not stated:
            continue
        others = list(numbers)
        others.remove(stated[0])
        words = set(re.findall(r"[a-z]+", segment.text.lower()))
        for call in result.tool_calls:
            fields = _fields_holding(call.result, value, slack)
            if not fields:
                continue
            labels = {w for f in fields for w in re.split(r"[^a-z]+", f.lower())
                      if len(w) > 2 and w not in _UNIT_WORDS}
            figures = _walk_numbers(call.args) + _walk_numbers(call.result)
            if labels & words or any(_matches_tool(o, f) for o in others for f in figures):
                return True
    return False


# --- retrieval and relevance ----------------------------------------------------------------


def context_relevance(
    result: AnswerResult,
    chunks: ChunkLookup,
    embed: Callable[[list[str]], Any],
    vectors: Mapping[str, Any] | None = None,
) -> Score:
    """``vectors`` holds chunk embeddings already computed (the index's), by chunk id."""
    cited = [c.chunk_id for c in result.citations if c.chunk_id in chunks]
    if not cited:
        return Score(value=None)
    import numpy as np

    vectors = vectors or {}
    missing = [cid for cid in cited if cid not in vectors]
    fresh = (
        dict(zip(missing, embed([chunks[cid].text for cid in missing]), strict=True))
        if missing
        else {}
    )
    matrix = np.asarray(
        [embed([result.question])[0], *(vectors.get(cid, fresh.get(cid)) for cid in cited)],
        dtype=float,
    )
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True).clip(min=1e-12)
    sims = matrix[1:] @ matrix[0]
    return Score(value=round(float(sims.mean()), 4), passed=len(cited), total=len(cited))


def section_precision(result: AnswerResult, expected: list[str]) -> Score:
    if not expected or not result.citations:
        return Score(value=None)
    off = [c.section for c in result.citations if not section_matches(c.section, expected)]
    problems = [f"cited '{s}', not an expected section" for s in dict.fromkeys(off)]
    return Score.ratio(len(result.citations) - len(off), len(result.citations), problems)


def retrieval_recall(retrieved_sections: list[str], expected: list[str]) -> Score:
    if not expected:
        return Score(value=None)
    missed = [e for e in expected if not any(e.lower() in s.lower() for s in retrieved_sections)]
    problems = [f"'{e}' not among the retrieved sections" for e in missed]
    return Score.ratio(len(expected) - len(missed), len(expected), problems)


def refusal_correct(result: AnswerResult, should_refuse: bool) -> Score:
    if result.refused == should_refuse:
        return Score(value=1.0, passed=1, total=1)
    problem = (
        "refused an in-scope question" if result.refused else "answered a question it should refuse"
    )
    return Score(value=0.0, passed=0, total=1, problems=[problem])


def figure_accounting(result: AnswerResult) -> Score:
    """Every figure of the question is used or listed as unused in a calculated answer."""
    from knowledge.figures import read_figures

    calculated = any(call.name != "search_course" for call in result.tool_calls) or result.clarification
    figures = read_figures(result.question)
    if result.refused or not calculated or not figures:
        return Score(value=None)
    answer = result.answer
    missing = [f.show() for f in figures if f.show() not in answer]
    return Score.ratio(len(figures) - len(missing), len(figures), [f"figure {m!r} not accounted for" for m in missing])

