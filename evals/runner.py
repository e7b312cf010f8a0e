"""Runs eval cases through the Advisor, checks their assertions, scores and gates the suite.

The run is: for each case, ask the engine (``remember=False``: cases never share a
conversation), evaluate the case's assertions, compute the per-answer metrics of
`evals.metrics`, then average every metric over the cases it applies to and compare the
averages with the suite's thresholds.

Besides its written assertions a case gets implicit checks: ``refuses: false`` unless it says
otherwise (an in-scope question must be answered), and the suite's thresholds for the
per-answer metrics (faithfulness, citation validity, citation support when gated, numeric
fidelity) applied to its own answer. So an answer with an invented figure fails its case, and
the report names it, instead of only lowering an average.

Known engine failures are marked ``xfail`` in the cases file: such a case is reported as
"xfail" when it fails and "xpass" when it unexpectedly passes, and it is left out of the
gated averages (the report shows the averages over all cases too), so the gate keeps meaning
"nothing new is broken" while the engine's open bugs stay visible.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field

from assistant.text import extract_numbers
from assistant.types import AnswerResult
from evals import metrics as m
from evals.cases import Assertion, Case, Suite, GateThresholds

if TYPE_CHECKING:
    from assistant.engine import Advisor

Status = Literal["pass", "fail", "xfail", "xpass", "error"]
METRICS = (
    "faithfulness",
    "citation_validity",
    "citation_support",
    "numeric_fidelity",
    "refusal_accuracy",
    "recall_at_k",
    "context_relevance",
    "section_precision",
    "figure_accounting",
)


class AssertionOutcome(BaseModel):
    check: str
    passed: bool
    detail: str = ""
    implicit: bool = Field(
        default=False, description="Added by the runner, not written in the case."
    )


class CaseOutcome(BaseModel):
    id: str
    question: str
    status: Status
    xfail: str | None = None
    line: int = 0
    expect_sections: list[str] = Field(default_factory=list)
    assertions: list[AssertionOutcome] = Field(default_factory=list)
    metrics: dict[str, m.Score] = Field(default_factory=dict)
    retrieved_sections: list[str] = Field(default_factory=list)
    result: AnswerResult | None = None
    error: str = ""
    seconds: float = 0.0

    @property
    def failed_checks(self) -> list[AssertionOutcome]:
        return [a for a in self.assertions if not a.passed]


class MetricSummary(BaseModel):
    name: str
    value: float | None = Field(description="Mean over the gated (non-xfail) cases it applies to.")
    cases: int = 0
    value_all: float | None = Field(
        default=None, description="Mean over every case, xfail included."
    )
    threshold: float | None = None
    passed: bool = True


class SuiteReport(BaseModel):
    source: str
    engine: str
    k: int
    cases: list[CaseOutcome]
    metrics: list[MetricSummary]
    counts: dict[str, int]
    passed: bool
    failures: list[str] = Field(default_factory=list, description="Why the gate failed.")
    wall_s: float = 0.0

    def metric(self, name: str) -> MetricSummary:
        return next(s for s in self.metrics if s.name == name)


class Judge:
    """What the metrics need from the engine: the index's chunks, the checker, the embedder."""

    def __init__(self, advisor: Advisor) -> None:
        self.advisor = advisor
        self.chunks = {
            cid: m.ChunkInfo(text=text, section=str(meta.get("section", "")))
            for cid, (text, meta) in advisor.retriever.chunk_map.items()
        }

    @cached_property
    def vectors(self) -> dict[str, Any]:
        """The index's own chunk embeddings: relevance needs no second pass of the model."""
        got = self.advisor.retriever.index.collection().get(include=["embeddings"])
        return dict(zip(got["ids"], got["embeddings"], strict=True))

    def retrieved_sections(self, question: str, k: int) -> list[str]:
        return [p.citation.section for p in self.advisor.retriever.search(question, k=k)]

    def score(self, case: Case, result: AnswerResult, retrieved: list[str]) -> dict[str, m.Score]:
        answered = not result.refused
        scores = {
            "faithfulness": m.faithfulness(result, self.advisor.checker, self.chunks),
            "citation_validity": m.citation_validity(result, self.chunks),
            "citation_support": (
                m.citation_support(result, self.chunks, self.advisor.checker)
                if answered
                else m.Score(value=None)
            ),
            "numeric_fidelity": m.numeric_fidelity(result, self.chunks),
            "refusal_accuracy": m.refusal_correct(result, case.should_refuse),
            "recall_at_k": m.retrieval_recall(retrieved, case.expect_sections),
            # The checker's embed caches per text: chunks embedded once for the whole run.
            "context_relevance": (
                m.context_relevance(result, self.chunks, self.advisor.checker.embed, self.vectors)
                if answered
                else m.Score(value=None)
            ),
            "section_precision": m.section_precision(result, case.expect_sections),
            "figure_accounting": m.figure_accounting(result),
        }
        return scores


# --- assertions -------------------------------------------------------------------------------


def _shown(values: list[Any], limit: int = 12) -> str:
    text = ", ".join(f"{v:g}" if isinstance(v, float) else str(v) for v in values[:limit])
    return text + (", …" if len(values) > limit else "") if values else "none"


def evaluate_assertion(
    assertion: Assertion, result: AnswerResult, scores: dict[str, m.Score]
) -> AssertionOutcome:
    kind, value = assertion.kind, assertion.value
    answer = result.answer.lower()
    check = assertion.describe()
    if kind == "cites_section":
        labels = [c.label for c in result.citations]  # "Lesson 6.2 › Section title"
        ok = any(value.lower() in label.lower() for label in labels)
        return AssertionOutcome(
            check=check,
            passed=ok,
            detail=""
            if ok
            else f"cited sections: {_shown(list(dict.fromkeys(c.section for c in result.citations)), 8)}",
        )
    if kind == "contains_any":
        hits = [s for s in value if s.lower() in answer]
        return AssertionOutcome(
            check=check,
            passed=bool(hits),
            detail=f"found '{hits[0]}'" if hits else "none of them is in the answer",
        )
    if kind == "not_contains":
        haystacks = {
            "the answer": result.answer,
            "the recorded question": result.question,
            "the tool calls": json.dumps(
                [c.model_dump(mode="json") for c in result.tool_calls], ensure_ascii=False
            ),
        }
        found = [
            (s, where)
            for s in value
            for where, text in haystacks.items()
            if s.lower() in text.lower()
        ]
        return AssertionOutcome(
            check=check,
            passed=not found,
            detail=f"'{found[0][0]}' appears in {found[0][1]}" if found else "",
        )
    if kind == "number":
        ok = m.number_matches(result, value.value, value.tolerance)
        detail = (
            ""
            if ok
            else (
                f"numbers in the answer: {_shown(extract_numbers(result.answer))}; "
                f"in tool results: {_shown(sorted(set(m.result_numbers(result))))}"
            )
        )
        return AssertionOutcome(check=check, passed=ok, detail=detail)
    if kind == "refuses":
        ok = result.refused == value
        return AssertionOutcome(
            check=check, passed=ok, detail="" if ok else ("answered" if value else "refused")
        )
    if kind == "min_faithfulness":
        score = scores["faithfulness"].value
        ok = score is not None and score >= value
        detail = "no claims to grade" if score is None else f"faithfulness {score:.2f}"
        return AssertionOutcome(check=check, passed=ok, detail="" if ok else detail)
    if kind == "uses_tool":
        names = [c.name for c in result.tool_calls]
        ok = value in names
        return AssertionOutcome(
            check=check, passed=ok, detail="" if ok else f"tools called: {_shown(names)}"
        )
    raise AssertionError(f"unhandled assertion kind {kind}")  # Assertion's validator forbids it


# --- running ----------------------------------------------------------------------------------


# Per-answer metrics whose suite threshold every answer must meet too (an answer with one
# invented figure fails its case, not only the average).
PER_ANSWER = ("faithfulness", "citation_validity", "citation_support", "numeric_fidelity")


def metric_checks(scores: dict[str, m.Score], thresholds: GateThresholds) -> list[AssertionOutcome]:
    checks = []
    for name in PER_ANSWER:
        threshold, score = getattr(thresholds, name), scores.get(name)
        if threshold is None or score is None or score.value is None:
            continue
        ok = score.value >= threshold - 1e-9
        detail = "" if ok else f"{score.value:.2f}: " + "; ".join(score.problems[:2])
        checks.append(
            AssertionOutcome(
                check=f"{name} ≥ {threshold:g}", passed=ok, detail=detail, implicit=True
            )
        )
    return checks


def run_case(
    case: Case,
    advisor: Advisor,
    judge: Judge,
    k: int,
    thresholds: GateThresholds | None = None,
    line: int = 0,
) -> CaseOutcome:
    from assistant.engine import InputProblem

    started = time.perf_counter()
    outcome = CaseOutcome(
        id=case.id,
        question=case.prompt,
        status="fail",
        xfail=case.xfail,
        line=line,
        expect_sections=case.expect_sections,
    )
    try:
        result = advisor.ask(case.prompt, role=case.role, question_id=case.id, remember=False)
    except InputProblem as exc:
        outcome.status = "xfail" if case.xfail else "error"
        outcome.error = f"{exc.code}: {exc.message}"
        outcome.seconds = round(time.perf_counter() - started, 2)
        return outcome
    retrieved = judge.retrieved_sections(case.prompt, k) if case.expect_sections else []
    scores = judge.score(case, result, retrieved)
    checks = [evaluate_assertion(a, result, scores) for a in case.assertions]
    if not any(a.refuses is not None for a in case.assertions):
        implicit = evaluate_assertion(Assertion(refuses=False), result, scores)
        implicit.implicit = True
        checks.insert(0, implicit)
    checks += metric_checks(scores, thresholds or GateThresholds())
    ok = all(c.passed for c in checks)
    outcome.status = ("xpass" if ok else "xfail") if case.xfail else ("pass" if ok else "fail")
    outcome.assertions, outcome.metrics, outcome.result = checks, scores, result
    outcome.retrieved_sections = retrieved
    outcome.seconds = round(time.perf_counter() - started, 2)
    return outcome


def _mean(outcomes: list[CaseOutcome], name: str) -> tuple[float | None, int]:
    values = [
        o.metrics[name].value
        for o in outcomes
        if name in o.metrics and o.metrics[name].value is not None
    ]
    return (round(sum(values) / len(values), 4), len(values)) if values else (None, 0)


def summarize(
    outcomes: list[CaseOutcome], thresholds: GateThresholds
) -> tuple[list[MetricSummary], list[str]]:
    """Gated averages (xfail cases left out) and the reasons the gate fails, if any."""
    gated = [o for o in outcomes if not o.xfail]
    summaries, failures = [], []
    for name in METRICS:
        value, count = _mean(gated, name)
        threshold = getattr(thresholds, name)
        ok = threshold is None or value is None or value >= threshold - 1e-9
        summaries.append(
            MetricSummary(
                name=name,
                value=value,
                cases=count,
                value_all=_mean(outcomes, name)[0],
                threshold=threshold,
                passed=ok,
            )
        )
        if not ok:
            failures.append(f"{name} {value:.4f} is under its threshold {threshold:g}")
    bad = [o.id for o in outcomes if o.status in ("fail", "error")]
    if bad:
        failures.insert(0, f"{len(bad)} case(s) failed: {', '.join(bad)}")
    return summaries, failures


def run_suite(
    suite: Suite,
    advisor: Advisor,
    thresholds: GateThresholds | None = None,
    on_case: Callable[[CaseOutcome], None] | None = None,
) -> SuiteReport:
    started = time.perf_counter()
    thresholds = thresholds or suite.thresholds
    judge = Judge(advisor)
    outcomes = []
    for case in suite.cases:
        outcome = run_case(case, advisor, judge, suite.k, thresholds, suite.lines.get(case.id, 0))
        outcomes.append(outcome)
        if on_case is not None:
            on_case(outcome)
    summaries, failures = summarize(outcomes, thresholds)
    counts = {
        status: sum(o.status == status for o in outcomes)
        for status in ("pass", "fail", "xfail", "xpass", "error")
    }
    return SuiteReport(
        source=suite.source,
        engine=advisor.engine_name,
        k=suite.k,
        cases=outcomes,
        metrics=summaries,
        counts=counts,
        passed=not failures,
        failures=failures,
        wall_s=round(time.perf_counter() - started, 1),
    )
