"""Human-in-the-loop check (Lesson 6.3, "The Ongoing Importance of Human Oversight and
Strategic Direction"): does this AI action need a person, and at which level?

The course names three levels of intervention (simple review and approval, active exception
handling, deep collaboration) and five examples, without pairing them one to one. The pairing
below is this tool's convention and is stated in every answer; the thresholds are inputs.
"""

from __future__ import annotations

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
Level = Literal["simple review and approval", "active exception handling", "deep collaboration"]
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

SECTION = "The Ongoing Importance of Human Oversight and Strategic Direction"
COURSE_EXAMPLES: dict[str, str] = {
    "content_publication": "reviewing and approving AI-generated content for sensitive product "
    "categories or high-stakes marketing campaigns",
    "price_change": "overseeing AI-driven dynamic pricing adjustments that exceed certain "
    "predefined thresholds or impact key customer segments",
    "fraud_block": "validating AI-identified fraud alerts before blocking high-value customer "
    "accounts",
    "customer_service_escalation": "handling escalated customer service issues that AI chatbots "
    "cannot resolve",
    "strategic_decision": "reviewing and sense-checking AI-suggested strategic decisions before "
    "implementation",
    "other": 'Implementing a "Human-in-the-Loop" (HITL) model is vital for critical AI '
    "applications where errors can have significant consequences",
}
LEVEL_FOR: dict[str, Level] = {
    "content_publication": "simple review and approval",
    "fraud_block": "simple review and approval",
    "price_change": "active exception handling",
    "customer_service_escalation": "active exception handling",
    "strategic_decision": "deep collaboration",
    "other": "simple review and approval",
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
    lesson: str = "6.3"
    section: str = SECTION
    quote: str


class HitlOutput(ToolOutput):
    review_required: bool
    level: Level | None = Field(description="Level of human intervention; null when not required.")
    reasons: list[str]
    recommendation: str
    source: CourseSource
    method: str = (
        "the course's HITL examples as rules; the action → level pairing and the thresholds "
        "are this tool's configurable convention"
    )


def hitl_check(params: HitlInput) -> HitlOutput:
    """Whether a person must be in the loop for this AI action, and how closely."""
    action = params.action
    reasons: list[str] = []
    assumptions = [
        (
            "the course lists the levels and the examples without pairing them; this tool pairs "
            "content and fraud blocks with review and approval, pricing and escalations with "
            "exception handling, strategic decisions with deep collaboration"
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
            reasons.append("the change affects a key customer segment")
    elif action == "content_publication":
        if params.sensitive_category:
            reasons.append("AI-generated content for a sensitive product category")
        if params.high_stakes_campaign:
            reasons.append("AI-generated content for a high-stakes marketing campaign")
    elif action == "fraud_block":
        assumptions.append(
            "policy: blocks on tiers "
            + ", ".join(params.review_tiers or ["(none)"])
            + " need a human first (review_tiers)"
        )
        if params.customer_value_tier in params.review_tiers:
            reasons.append(
                f"blocking a {params.customer_value_tier.replace('_', '-')} customer account on "
                "an AI fraud alert"
            )
    elif action == "customer_service_escalation":
        reasons.append("an escalated customer service issue the AI chatbot could not resolve")
    elif action == "strategic_decision":
        reasons.append("an AI-suggested strategic decision, before implementation")
    elif params.high_consequence:
        reasons.append("a critical AI application where errors can have significant consequences")

    required = bool(reasons)
    level = LEVEL_FOR[action] if required else None
    if required:
        recommendation = f"human in the loop: {level}, because " + "; ".join(reasons)
    else:
        recommendation = (
            "no mandatory human review under these thresholds; the AI may act, with the "
            "regular performance monitoring and periodic audits the course recommends"
        )
    return HitlOutput(
        review_required=required,
        level=level,
        reasons=reasons,
        recommendation=recommendation,
        source=CourseSource(quote=COURSE_EXAMPLES[action]),
        inputs=params.model_dump(),
        assumptions=assumptions,
    )
