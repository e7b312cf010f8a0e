"""The answer contract shared by the CLI (`advisor ask --json`), the UI and the evals."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field

from knowledge.types import Citation

Role = Literal["learner", "instructor", "planner"]


class ToolCallRecord(BaseModel):
    name: str
    args: dict[str, Any]
    result: dict[str, Any] | str


class SentenceGrounding(BaseModel):
    text: str
    supported: bool
    sources: list[str] = Field(default_factory=list)
    score: float = 0.0
    reason: str = ""


class Grounding(BaseModel):
    score: float
    sentences: list[SentenceGrounding] = Field(default_factory=list)


class Clarification(BaseModel):
    """A short question asked instead of computing from a figure whose role is not clear."""

    question: str
    options: list[str] = Field(default_factory=list)


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
