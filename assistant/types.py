"""The answer contract shared by the CLI (`advisor ask --json`), the UI and the evals."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.grounding.types import SentenceSupport
from knowledge.types import Citation

Role = Literal["learner", "instructor", "planner"]
# The key under which a brain's final message carries its Draft (one typed object).
DRAFT = "draft"


class ToolCallRecord(BaseModel):
    name: str
    args: dict[str, Any]
    result: dict[str, Any] | str


# One grounding type end to end: the checker's verdict per sentence (with `claim`, `kind` and
# `reason`) is what the JSON, the UI badge and the eval report read.
SentenceGrounding = SentenceSupport


class Grounding(BaseModel):
    score: float
    sentences: list[SentenceSupport] = Field(default_factory=list)

    @property
    def claims(self) -> list[SentenceSupport]:
        """The sentences that state something (not headings, labels or reference lines)."""
        return [s for s in self.sentences if s.claim]


class Clarification(BaseModel):
    """A short question asked instead of computing from a figure whose role is not clear."""

    question: str
    options: list[str] = Field(default_factory=list)
    figure: int | None = None  # the figure it asks about (its index among the message's figures), if one


class Evidence(BaseModel):
    """Text besides course passages and tool results that an answer may rest on (a coverage
    note, the assumptions behind default figures, the course outline)."""

    id: str
    text: str


class Plan(BaseModel):
    """What a brain decided to do with a question."""

    intent: str = ""
    refusal: str = ""  # "" or the refusal kind ("injection", "out_of_scope")
    clarification: Clarification | None = None  # asked instead of computing from unclear figures


class Draft(BaseModel):
    """What every brain returns for one question: the answer text, the passages it cites (chunk
    ids, in citation-number order), the exact course text it quoted from each, any extra
    evidence, and its plan. The engine grounds and records a Draft the same way for every
    brain; an LLM brain's Draft is read from its text (``[n]`` references)."""

    answer: str
    citations: list[str] = Field(default_factory=list)
    quotes: dict[str, list[str]] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)
    plan: Plan = Field(default_factory=Plan)
    extractive: bool = False  # every sentence is course text or a calculator template

    @property
    def refused(self) -> bool:
        return bool(self.plan.refusal)


class AnswerResult(BaseModel):
    id: str | int | None = None
    question: str
    answer: str
    refused: bool = False
    citations: list[Citation] = Field(default_factory=list)
    tool_calls: list[ToolCallRecord] = Field(default_factory=list)
    grounding: Grounding = Field(default_factory=lambda: Grounding(score=1.0))
    engine: str = "offline"
    latency_ms: float = 0.0
    conversation_id: str | None = None
    intent: str = ""
    role: Role = "learner"
    clarification: Clarification | None = None  # set when the answer is a clarifying question


class StreamEvent(BaseModel):
    """What `Advisor.stream` yields: tool calls as they happen, answer text, then the result."""

    type: Literal["tool_call", "token", "final"]
    tool_call: ToolCallRecord | None = None
    text: str = ""
    result: AnswerResult | None = None


class FigureState(BaseModel):
    """One figure of a calculation held across a conversation: the figure as read
    (``knowledge.figures.Figure``'s fields), the input it fills ("" while undecided), and the
    user's words it came from, verbatim."""

    figure: dict[str, Any]
    field: str = ""  # the calculator input; "" while the role is open
    fields: list[str] = Field(default_factory=list)  # the inputs it fits equally (the role is asked)
    ignored: bool = False  # the user said it is not part of this calculation
    quote: str = ""  # a stretch of one user message, as written


class CalculationState(BaseModel):
    """A calculation a conversation is in the middle of, stored with the assistant's turn (so it
    survives a reload and is shared by replicas): the calculator, the figures read so far with
    their roles and words, the open question (None once computed) and, once computed, its args."""

    tool: str  # the spec's name in tools/registry.py
    text: str = ""  # the user message the calculation started from (record names are read in it)
    figures: list[FigureState] = Field(default_factory=list)
    horizon: int | None = None  # the figure (index into ``figures``) per-period amounts are counted over
    settings: dict[str, Any] = Field(default_factory=dict)  # schema inputs chosen in words
    question: Clarification | None = None
    need: str = ""  # what the open question is about: role, period, horizon, range, which, missing, check, share
    about: int | None = None  # the figure (index into ``figures``) the question is about
    fields: list[str] = Field(default_factory=list)  # the inputs the question is about
    pending: FigureState | None = None  # a what-if's figure waiting for the answer "which part?"
    args: dict[str, Any] | None = None  # the last computed call's args
    call: str = ""  # the last computed call's tool name
    changed: list[int] = Field(default_factory=list)  # the figures the last reply gave or changed ("and 5?" changes them again)
    # the figures, horizon and choices of the first result, for "back to the original figures"
    original: list[FigureState] = Field(default_factory=list)
    original_horizon: int | None = None
    original_settings: dict[str, Any] = Field(default_factory=dict)
