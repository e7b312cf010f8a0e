"""Human-in-the-loop check: does this AI action need a person, and at which level?

Three levels of intervention (review and approval, exception handling, joint decision) paired
with five kinds of action. The pairing is this tool's convention and is stated in every answer;
the thresholds are inputs. What the course says about oversight is not quoted here: the caller
hands in the course's chunks and `oversight_passage` finds the one that speaks of human review.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from tools.base import Range, ToolInput, ToolOutput
from tools.errors import ToolInputError

Action = Literal[
    "price_change",
    "content_publication",
    "fraud_block",
    "customer_service_escalation",
    "strategic_decision",
    "other",
]
Level = Literal["review and approval", "exception handling", "joint decision"]
Tier = Literal["standard", "high_value", "vip"]

ACTION_SYNONYMS: dict[str, str] = {
    "price change": "price_change",
    "pricing": "price_change",
    "dynamic pricing": "price_change",
    "price": "price_change",
    "content": "content_publication",
    "content publication": "content_publication",
    "publish content": "content_publication",
    "publication": "content_publication",
    "fraud": "fraud_block",
    "fraud block": "fraud_block",
    "block account": "fraud_block",
    "escalation": "customer_service_escalation",
    "customer service": "customer_service_escalation",
    "support escalation": "customer_service_escalation",
    "strategy": "strategic_decision",
    "strategic": "strategic_decision",
    "strategic decision": "strategic_decision",
}

LEVEL_FOR: dict[str, Level] = {
    "content_publication": "review and approval",
    "fraud_block": "review and approval",
    "price_change": "exception handling",
    "customer_service_escalation": "exception handling",
    "strategic_decision": "joint decision",
    "other": "review and approval",
}


class HitlInput(ToolInput):
    action: Action = Field(
        description="What the AI wants to do: price_change, content_publication, fraud_block, "
        "customer_service_escalation, strategic_decision or other."
    )
    price_change_pct: (
        Annotated[
            float,
            Range(
                ge=-100,
                le=10_000,
                fix="price_change_pct is a percentage: a 12% rise is 12, a 5% cut is -5.",
            ),
        ]
        | None
    ) = Field(default=None, description="Proposed price change in percent (price_change).")
    price_change_threshold_pct: Annotated[
        float, Range(ge=0, le=10_000, fix="The threshold is a percentage, e.g. 10.")
    ] = Field(
        default=10,
        description="Policy: price changes larger than this (either direction) need a human.",
    )
    affects_key_segment: bool = Field(
        default=False, description="price_change: does it hit a key customer segment?"
    )
    customer_value_tier: Tier = Field(
        default="standard", description="fraud_block: the customer's value tier."
    )
    review_tiers: list[Tier] = Field(
        default_factory=lambda: ["high_value", "vip"],
        description="Policy: fraud blocks on these tiers need a human first.",
    )
    sensitive_category: bool = Field(
        default=False, description="content_publication: a sensitive product category?"
    )
    high_stakes_campaign: bool = Field(
        default=False, description="content_publication: part of a high-stakes campaign?"
    )
    high_consequence: bool = Field(
        default=False, description="other: could an error have significant consequences?"
    )

    @field_validator("action", mode="before")
    @classmethod
    def _action_synonyms(cls, value: Any) -> Any:
        if isinstance(value, str):
            key = " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())
            return ACTION_SYNONYMS.get(key, key.replace(" ", "_"))
        return value

    @model_validator(mode="after")
    def _magnitude_for_price(self) -> HitlInput:
        if self.action == "price_change" and self.price_change_pct is None:
            raise ToolInputError(
                "price_change_pct is required for a price_change, e.g. 12 for a 12% rise "
                "or -5 for a 5% cut",
                ["price_change_pct"],
            )
        return self


class CourseSource(BaseModel):
    chunk_id: str = ""
    lesson: str = ""
    section: str = ""
    quote: str = ""


# General English for people checking machines' work: what an oversight passage talks about.
OVERSIGHT_WORDS = frozenset(
    "human humans person people oversight review reviewing reviewed approve approval approving "
    "manual intervene intervention escalate escalated escalation sign-off check checks loop "
    "supervise supervision accountable accountability".split()
)
ACTION_WORDS: dict[str, tuple[str, ...]] = {
    "price_change": ("price", "prices", "pricing"),
    "content_publication": ("content", "publish", "publication", "copy"),
    "fraud_block": ("fraud", "block", "blocking", "account", "accounts"),
    "customer_service_escalation": ("customer", "service", "escalated", "chatbot", "support"),
    "strategic_decision": ("strategic", "strategy", "decision", "decisions"),
    "other": (),
}


def oversight_passage(chunks: Sequence[Any], action: str) -> CourseSource | None:
    """The course chunk that speaks most of human review (and of this kind of action), with its
    sentence that does; None when the course says nothing about it. Pure: chunks are handed in."""
    wanted = set(ACTION_WORDS.get(action, ()))
    best, best_score = None, 0.0
    for chunk in chunks:
        if getattr(chunk, "kind", "prose") in {"question", "reflective", "discussion"}:
            continue
        tokens = re.findall(r"[a-z][a-z\-]+", chunk.text.lower())
        if not tokens:
            continue
        oversight = sum(token in OVERSIGHT_WORDS for token in tokens)
        if oversight < 2:
            continue
        score = oversight + 0.5 * sum(token in wanted for token in tokens)
        score += 2 * sum(token in OVERSIGHT_WORDS for token in re.findall(r"[a-z]+", chunk.section.lower()))
        if score > best_score:
            best, best_score = chunk, score
    if best is None:
        return None
    sentences = re.split(r"(?<=[.!?])\s+", best.text.replace("\n", " "))
    quote = max(
        sentences,
        key=lambda sentence: sum(w in OVERSIGHT_WORDS for w in re.findall(r"[a-z]+", sentence.lower()))
        + 0.5 * sum(w in wanted for w in re.findall(r"[a-z]+", sentence.lower())),
    )
    return CourseSource(chunk_id=best.chunk_id, lesson=best.lesson, section=best.section, quote=quote.strip()[:400])


class HitlOutput(ToolOutput):
    review_required: bool
    level: Level | None = Field(description="Level of human intervention; null when not required.")
    reasons: list[str]
    recommendation: str
    source: CourseSource | None = Field(
        default=None, description="The course passage on human oversight, when the course has one."
    )
    method: str = (
        "rules per kind of action; the action → level pairing and the thresholds are this "
        "tool's configurable convention"
    )


def hitl_check(params: HitlInput, chunks: Sequence[Any] = ()) -> HitlOutput:
    """Whether a person must be in the loop for this AI action, and how closely; `chunks` (the
    course's, handed in) give the passage on oversight it cites."""
    action = params.action
    reasons: list[str] = []
    assumptions = [
        (
            "the level per kind of action is this tool's convention: content and fraud blocks "
            "get review and approval, pricing and escalations exception handling, strategic "
            "decisions a joint decision"
        ),
    ]
    if action == "price_change":
        change = params.price_change_pct or 0.0
        assumptions.append(
            f"policy: price changes beyond ±{params.price_change_threshold_pct:g}% need a human "
            "(price_change_threshold_pct)"
        )
        if abs(change) > params.price_change_threshold_pct:
            reasons.append(
                f"a {change:+g}% price change exceeds the ±{params.price_change_threshold_pct:g}% "
                "threshold"
            )
        if params.affects_key_segment:
            reasons.append("the change touches a key customer segment (affects_key_segment)")
    elif action == "content_publication":
        if params.sensitive_category:
            reasons.append("the content is in a category marked sensitive (sensitive_category)")
        if params.high_stakes_campaign:
            reasons.append("the content is part of a campaign marked high-stakes (high_stakes_campaign)")
    elif action == "fraud_block":
        assumptions.append(
            "policy: blocks on tiers "
            + ", ".join(params.review_tiers or ["(none)"])
            + " need a human first (review_tiers)"
        )
        if params.customer_value_tier in params.review_tiers:
            reasons.append(
                f"the block hits a {params.customer_value_tier.replace('_', '-')} customer, a tier "
                "in review_tiers"
            )
    elif action == "customer_service_escalation":
        reasons.append("an escalation: the AI could not settle the case itself")
    elif action == "strategic_decision":
        reasons.append("a strategic decision proposed by the AI, before it is carried out")
    elif params.high_consequence:
        reasons.append("an error here could have serious consequences (high_consequence)")

    required = bool(reasons)
    level = LEVEL_FOR[action] if required else None
    if required:
        recommendation = f"human in the loop: {level}, because " + "; ".join(reasons)
    else:
        recommendation = (
            "no mandatory human review under these thresholds; the AI may act, and its results "
            "should still be monitored"
        )
    return HitlOutput(
        review_required=required,
        level=level,
        reasons=reasons,
        recommendation=recommendation,
        source=oversight_passage(chunks, action),
        inputs=params.model_dump(),
        assumptions=assumptions,
    )
