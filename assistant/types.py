"""The answer contract shared by the CLI (`advisor ask --json`), the UI and the evals."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from assistant.grounding.types import SentenceSupport
from knowledge.types import Citation

Role = Literal["learner", "instructor", "planner"]


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


class StreamEvent(BaseModel):
    """What `Advisor.stream` yields: tool calls as they happen, answer text, then the result."""

    type: Literal["tool_call", "token", "final"]
    tool_call: ToolCallRecord | None = None
    text: str = ""
    result: AnswerResult | None = None
