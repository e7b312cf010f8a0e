"""The grounding checker's contract: what it takes (evidence, requests) and what it returns.

`SentenceSupport` is the one grounding type: the checker produces it, `AnswerResult.grounding`
carries it into the JSON, the UI badge and the eval report, so nobody parses a reason back out.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

ErrorKind = Literal[
    "", "number", "name", "swap", "negation", "overclaim", "invented", "not_in_course",
    "answer_type", "user_words", "no_evidence", "misquote",
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
    """The verdict on one sentence of an answer."""

    text: str
    supported: bool
    claim: bool = Field(True, description="False for headings, labels and reference lines.")
    sources: list[str] = Field(default_factory=list)
    score: float = Field(0.0, description="Support: 1 - the model's probability of an error.")
    reason: str = Field("", description="Why unsupported: the kind, then the words or sentence.")
    kind: ErrorKind = Field("", description="The error kind when unsupported.")
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

    @property
    def claims(self) -> list[SentenceSupport]:
        return [s for s in self.sentences if s.claim]


class Thresholds(BaseModel):
    """The checker's fixed knobs; the learned weights are in `weights.json` (CALIBRATION.md)."""

    max_user_only: float = Field(
        0.5,
        ge=0,
        le=1,
        description="Largest share of content words found only in the user's words: a claim may "
        "echo the user, but must mostly rest on passages and tool results.",
    )
    similarity_weight: float = Field(
        0.5, ge=0, le=1, description="Attribution = w*cos + (1-w)*coverage."
    )
    window: int = Field(3, ge=1, le=5, description="Adjacent evidence sentences one claim may use.")
    tool_rounding: bool = Field(True, description="Accept rounded / percent forms of tool numbers.")
    qa_min_found: float = Field(
        0.9, ge=0, le=1, description="Question answering (a question is given): share of the "
        "answer's terms that must occur in the context; QA answers are extractive, not paraphrase.",
    )
    qa_min_coverage: float = Field(
        0.75, ge=0, le=1, description="Question answering: share of the answer's terms that must "
        "stand together in one context sentence.",
    )
    qa_max_terms: int = Field(
        7, ge=0, description="Question answering: the extractive rules decide an answer of at "
        "most this many terms (a phrase answer); a longer one may paraphrase and is judged by "
        "the model, which reads the same shares as features.",
    )
    decision: float | None = Field(
        None, ge=0, le=1, description="Probability of an error above which a claim is unsupported; "
        "None: the calibrated value from weights.json."
    )
