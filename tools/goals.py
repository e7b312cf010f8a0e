"""SMART goal check (Lesson 6.1, "Aligning AI with Business Goals").

Detects, with keyword and pattern rules, whether a goal names a metric (specific), a target
number (measurable) and a deadline (time-bound). Achievable and relevant cannot be read off a
sentence, so they come back as questions for the user. The suggested rewrite is a template
with placeholders; it reuses the user's own numbers and never invents one.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from knowledge.figures import NUMBER, WORD_NUMBERS
from tools.base import ToolInput, ToolOutput

# Numbers are found as the figure reader reads them (knowledge/figures.py: its digits and its
# number words, "twenty-four" also with a space). A goal's deadline or target may also say "a",
# "an", "several", or one of the other number words below, which the figure reader does not list.
_DEADLINE_WORDS = ("a", "an", "several", "fifteen", "forty", "fifty", "sixty", "ninety")
NUMBER_WORDS = (
    "(?:"
    + "|".join(re.escape(w).replace(r"\-", "[- ]") for w in [*WORD_NUMBERS, *_DEADLINE_WORDS])
    + ")"
)
_DIGITS = f"(?:{NUMBER})"
_UNIT = r"(?:day|week|month|quarter|year)s?"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_WHEN = (
    rf"(?:q[1-4](?:\s+(?:fy)?'?\d{{2,4}})?|h[12](?:\s+\d{{4}})?|(?:fy)?20\d\d|{_MONTH}(?:\s+20\d\d)?|"
    r"(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year|quarter|month|q[1-4]|20\d\d)|year[- ]end|"
    r"next\s+(?:year|quarter|month)|this\s+(?:year|quarter|month)|black\s+friday|christmas|"
    r"the\s+holidays?|the\s+holiday\s+season|peak\s+season)"
)
TIME_PATTERNS: tuple[str, ...] = (
    (
        rf"\b(?:in|within|over|during|after|for)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?"
        rf"(?:{_DIGITS}|{NUMBER_WORDS})[\s-]+{_UNIT}\b"
    ),
    rf"\b(?:in|within|over|during)\s+(?:the\s+)?(?:next|coming)\s+{_UNIT}\b",
    rf"\b(?:by|before|until|through|in|during)\s+{_WHEN}\b",
    r"\bq[1-4]\s+(?:fy)?20\d\d\b",
    rf"\b(?:{_DIGITS}|{NUMBER_WORDS})-(?:day|week|month|quarter|year)\b",
    (
        r"\b(?:annually|yearly|quarterly|per\s+(?:year|quarter|month)|each\s+(?:year|quarter|month)|"
        r"every\s+(?:year|quarter|month)|year[- ]over[- ]year|month[- ]over[- ]month)\b"
    ),
)

TARGET_PATTERNS: tuple[str, ...] = (
    rf"\bfrom\s+[$€£]?{_DIGITS}\s*%?\s+to\s+[$€£]?{_DIGITS}\s*%?",
    rf"[+-]?{_DIGITS}\s*(?:%|percent\b|per\s+cent\b|pp\b|percentage\s+points?\b)",
    rf"\b{NUMBER_WORDS}\s+(?:percent|per\s+cent|percentage\s+points?)\b",
    rf"[$€£¥]\s?{_DIGITS}(?:\s*(?:k|m|bn|million|thousand|billion)\b)?",
    rf"\b{_DIGITS}\s*(?:usd|eur|gbp|dollars|euros|pounds)\b",
    rf"\b(?:double|triple|halve|quadruple)\b|\b{_DIGITS}x\b",
    (
        rf"\b(?:to|by|of|at|reach|hit|below|above|under|over)\s+[$€£]?{_DIGITS}"
        r"(?:\s*(?:k|m|points?|orders|customers|leads|visitors|sales|hours|minutes|seconds|stars))?\b"
    ),
)

# (canonical name, pattern); earlier entries win where matches overlap.
METRIC_PATTERNS: tuple[tuple[str, str], ...] = (
    ("cart abandonment rate", r"(?:cart|checkout) abandonment|abandon\w* (?:carts?|checkouts?)"),
    ("first contact resolution", r"first[- ]contact resolution|\bfcr\b"),
    ("customer lifetime value (CLV)", r"\bclv\b|\bltv\b|lifetime value"),
    ("average order value (AOV)", r"\baov\b|average order value|order value|basket size"),
    ("customer satisfaction (CSAT)", r"\bcsat\b|customer satisfaction|satisfaction scores?"),
    ("net promoter score (NPS)", r"\bnps\b|net promoter"),
    ("repeat purchase rate", r"repeat (?:purchase|order|customer)s?(?: rate)?"),
    ("conversion rate", r"conversion(?:s| rates?)?|\bconvert\w*"),
    ("resolution time", r"resolution times?|time to resol\w+"),
    ("average handle time", r"handle time|\baht\b"),
    (
        "support costs",
        (
            r"support costs?|cost per (?:resolution|interaction|ticket|contact)|"
            r"support tickets|ticket volume"
        ),
    ),
    ("organic traffic", r"organic (?:traffic|sessions|visits)"),
    ("keyword rankings", r"(?:keyword|search) rankings?|\brankings?\b"),
    ("click-through rate (CTR)", r"click[- ]?through|\bctr\b"),
    ("email open rate", r"open rates?"),
    ("bounce rate", r"bounce rates?"),
    ("market share", r"market share"),
    ("customer acquisition cost (CAC)", r"acquisition costs?|\bcac\b"),
    ("return on ad spend (ROAS)", r"\broas\b|return on ad spend"),
    ("inventory costs (overstock/stockout)", r"stock-?outs?|overstock|inventory costs?|spoilage"),
    ("return rate", r"return rates?|product returns"),
    ("retention / churn", r"retention|\bchurn\w*"),
    ("profit / margin", r"\bprofit\w*|\bmargins?\b"),
    ("revenue / sales", r"\brevenue\b|\bsales\b|\bturnover\b|\bgmv\b"),
    ("traffic", r"\btraffic\b|\bsessions\b|\bvisits\b"),
    ("engagement", r"\bengagement\b"),
    ("leads", r"\bleads?\b"),
    ("content production time", r"time to market|production time|time spent"),
)

_PREPOSITIONS = {"to", "by", "of", "at", "reach", "hit", "below", "above", "under", "over"}
UP_VERBS = r"increas|rais|boost|grow|improv|lift|doubl|tripl|maximi|expand|gain"
DOWN_VERBS = r"reduc|decreas|cut|lower|minimi|halv|shrink|drop"

ELEMENT_NAMES = {
    "specific": "specific metric",
    "measurable": "measurable target",
    "time_bound": "time bound",
}


class SmartInput(ToolInput):
    goal: str = Field(
        min_length=3,
        max_length=2000,
        description="The goal as one sentence, e.g. 'cut complaints to under 2% of orders by the end of June'.",
    )


class Element(BaseModel):
    present: bool
    found: list[str] = Field(description="The words in the goal that satisfy this element.")
    note: str


class SmartOutput(ToolOutput):
    specific: Element
    measurable: Element
    time_bound: Element
    achievable: str = Field(description="A question for the user; the tool cannot judge this.")
    relevant: str = Field(description="A question for the user; the tool cannot judge this.")
    present: list[Literal["specific", "measurable", "time_bound"]]
    missing: list[Literal["specific", "measurable", "time_bound"]]
    is_smart: bool = Field(
        description="True when specific, measurable and time-bound are all present."
    )
    suggested_rewrite: str
    method: str = (
        "keyword and pattern rules: a named e-commerce metric (specific), a % / money / "
        "number target (measurable), a deadline or period (time-bound); achievable and "
        "relevant are returned as questions"
    )


def _find(patterns: tuple[str, ...], text: str) -> list[tuple[int, int, str]]:
    """Non-overlapping matches, earlier patterns first, in text order."""
    spans: list[tuple[int, int, str]] = []
    for pattern in patterns:
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            if m.group().strip() and not any(m.start() < e and s < m.end() for s, e, _ in spans):
                spans.append((m.start(), m.end(), m.group().strip()))
    return sorted(spans)


def _blank(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, _ in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def _element(found: list[str], present: str, missing: str) -> Element:
    """One SMART element: present when something was found, with the note for either case."""
    return Element(present=bool(found), found=found, note=present if found else missing)


def smart_check(params: SmartInput) -> SmartOutput:
    """Which SMART elements a goal has, which are missing, and a template to fix it."""
    goal = " ".join(params.goal.split())
    times = _find(TIME_PATTERNS, goal)
    without_times = _blank(goal, times)
    targets = _find(TARGET_PATTERNS, without_times)
    metrics: list[tuple[int, int, str]] = []
    for name, pattern in METRIC_PATTERNS:
        for m in re.finditer(pattern, without_times, flags=re.IGNORECASE):
            if not any(m.start() < e and s < m.end() for s, e, _ in metrics):
                metrics.append((m.start(), m.end(), name))
    metric_names = list(dict.fromkeys(name for _, _, name in sorted(metrics)))

    specific = _element(
        metric_names,
        "names a metric",
        "no e-commerce metric named: say what you will measure, e.g. conversion rate, AOV, "
        "CLV, CSAT, cart abandonment rate, support cost per resolution",
    )
    measurable = _element(
        [t for _, _, t in targets],
        "has a numeric target",
        "no numeric target: state how much, e.g. '[target %]' or 'from [baseline] to [target]'",
    )
    time_bound = _element(
        [t for _, _, t in times],
        "has a deadline or period",
        "no deadline: add one, e.g. 'within [N months]' or 'by [quarter/date]'",
    )
    elements = {"specific": specific, "measurable": measurable, "time_bound": time_bound}
    present = [k for k, e in elements.items() if e.present]
    missing = [k for k, e in elements.items() if not e.present]

    metric = metric_names[0] if metric_names else None
    target: str | None = None
    asked: str | None = None
    if targets:
        start, _, target = targets[0]
        asked = target
        # Keep the user's own preposition: "to $400" and "by $400" are different goals.
        before = re.search(r"(\w+)\s*$", goal[:start])
        if before and before.group(1).lower() in _PREPOSITIONS:
            target = f"{before.group(1)} {target}"
    deadline = times[0][2] if times else None
    return SmartOutput(
        specific=specific,
        measurable=measurable,
        time_bound=time_bound,
        achievable=(
            f"Is {asked or 'the target'} achievable {deadline or 'in the time available'} "
            "given your current baseline, budget, data and team? Compare it with past "
            "performance or a pilot; this tool cannot judge it."
        ),
        relevant=(
            f"Which business objective does {metric or 'this goal'} serve, and which AI "
            "capability and project will move it? The course maps strategic objectives to AI "
            "capabilities, then to projects."
        ),
        present=present,  # type: ignore[arg-type]
        missing=missing,  # type: ignore[arg-type]
        is_smart=not missing,
        suggested_rewrite=_rewrite(goal, metric, target, deadline),
        inputs=params.model_dump(),
        assumptions=[
            "detection is by keywords and patterns, not understanding: check the elements found",
            "placeholders in [brackets] are for you to fill; no numbers are invented",
        ],
    )


def _rewrite(goal: str, metric: str | None, target: str | None, deadline: str | None) -> str:
    lowered = goal.lower()
    if re.search(rf"\b(?:{DOWN_VERBS})", lowered):
        verb = "Reduce"
    elif re.search(rf"\b(?:{UP_VERBS})", lowered):
        verb = "Increase"
    else:
        verb = "[Increase/Reduce]"
    what = metric or "[metric, e.g. conversion rate or AOV]"
    if target is None:
        how_much = "from [current baseline] to [target %]"
    elif target.lower().startswith("from "):
        how_much = target
    elif target.split()[0].lower() in _PREPOSITIONS:
        how_much = f"{target} (from [current baseline])"
    else:
        how_much = f"by {target} (from [current baseline])"
    when = deadline or "within [N months]"
    return f"{verb} {what} {how_much} {when}, measured in [analytics source, e.g. GA4 dashboard]."
