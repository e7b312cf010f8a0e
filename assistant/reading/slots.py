"""Topic slots of a question: the metric, the AI applications and the business it names.

Pure functions over text. Figures are not read here: knowledge/figures.py is the one reader,
and assistant/reading/calculate.py turns figures into calculator inputs. Everything extracted comes from
the user's own words, so a template sentence filled with these values is grounded in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.figures import read_figures

METRICS = {
    "aov": "AOV", "average order value": "AOV", "order value": "AOV", "basket size": "AOV",
    "conversion": "Conversion Rate", "conversion rate": "Conversion Rate",
    "clv": "CLV", "lifetime value": "CLV", "ltv": "CLV",
    "csat": "CSAT", "customer satisfaction": "CSAT", "satisfaction": "CSAT",
    "retention": "Retention Rate", "repeat purchase": "Retention Rate",
    "cart abandonment": "Cart Abandonment Rate", "abandonment": "Cart Abandonment Rate",
    "organic traffic": "Organic Traffic", "seo": "Organic Traffic",
    "revenue": "Revenue", "sales": "Revenue", "profit": "Profit Margin", "margin": "Profit Margin",
    "market share": "Market Share", "support cost": "Support Cost Reduction",
    "resolution time": "First Contact Resolution", "open rate": "Open Rate",
}

APPLICATIONS = {
    "personalization engine": ("personaliz", "personalis", "recommendation", "recommender"),
    "support chatbot": ("support chatbot", "customer service chatbot", "support bot", "chatbot", "chat bot"),
    "site search": ("site search", "search engine", "product search", "ai search"),
    "dynamic pricing": ("dynamic pricing", "pricing", "price optimi"),
    "content generation/SEO": ("content generation", "seo", "product description", "copywriting", "generative"),
    "demand forecasting": ("demand forecast", "forecasting", "inventory"),
    "cart abandonment": ("cart abandonment", "abandoned cart", "cart recovery"),
    "email personalization": ("email personali", "email campaign", "email marketing", "subject line", "newsletter"),
}


@dataclass
class Slots:
    """Topic words of a question (figures come from knowledge/figures.py, the one reader)."""

    money: list[float] = field(default_factory=list)
    percents: list[float] = field(default_factory=list)
    # percentages set as a limit ("any change over 10%", "more than 10 per cent"): a policy's
    # line, not a figure of the case it is applied to
    limits: list[float] = field(default_factory=list)
    metric: str | None = None
    business: str | None = None
    applications: list[str] = field(default_factory=list)
    # whether the case touches the business's most important customers: True when named ("our key
    # accounts"), False when excluded ("not key customers", "excluding key accounts"), None when unsaid
    key_segment: bool | None = None


# The most important customers, in ordinary words; a negation just before excludes them.
# Notes shorten the nouns: "key seg", "VIP accts", "top custs".
_KEY_SEGMENT = re.compile(r"\b(?:key|top|strategic|vip|most important)\s+(?:customers?|segments?|accounts?|clients?|"
                          r"segs?|accts?|custs?)\b",
                          re.IGNORECASE)
_EXCLUDED = re.compile(r"\b(?:not|no|excluding|except|without|never|but not|apart from)\s+(?:(?:on|for|to|the|our)\s+)?$",
                       re.IGNORECASE)


def key_segment(text: str) -> bool | None:
    """True when the text says the case touches key customers, False when it says it does not."""
    match = _KEY_SEGMENT.search(text)
    if match is None:
        return None
    return not _EXCLUDED.search(text[max(0, match.start() - 20) : match.start()])


def metric(text: str) -> str | None:
    lowered = text.lower()
    best = None
    for key, name in sorted(METRICS.items(), key=lambda kv: -len(kv[0])):
        position = lowered.find(key)
        if position >= 0 and (best is None or position < best[0]):
            best = (position, name)
    return best[1] if best else None


def applications(text: str) -> list[str]:
    lowered = re.sub(r"\[[a-z ]+ removed\]", " ", text.lower())  # masked PII is not a topic
    found = []
    for name, keys in APPLICATIONS.items():
        if any(key in lowered for key in keys):
            found.append(name)
    if "support chatbot" in found and re.search(r"sales|lead|assist", lowered) and "support" not in lowered:
        found[found.index("support chatbot")] = "sales assist chatbot"
    return found


def business(text: str) -> str | None:
    match = re.search(r"(?:sell(?:s|ing)?|business|store|shop)\s+\[e\.g\.,?\s*['\"‘“]?([^'\"’”\]]+)['\"’”]?\]", text)
    if match:
        return match.group(1).strip()
    match = re.search(
        r"\b(?:selling|sells|sell)\s+([a-z][a-z\s\-]{2,40}?)(?=[,.?;!]|\s+(?:with|and|in|that|who|online)\b|$)",
        text,
        re.IGNORECASE,
    )
    if match:
        return match.group(1).strip()
    match = re.search(r"\b(?:for|run|own|have)\s+an?\s+([a-z][a-z\s\-]{2,30}?)\s+(shop|store|business|brand|retailer)\b", text, re.IGNORECASE)
    if match:
        return f"{match.group(1).strip()} {match.group(2)}"
    return None


# A comparison before a percentage makes it a line drawn, not an amount: "over 10%", "more than
# 10 per cent", "above 5%", "in excess of 8%" ("up to 15%" bounds the case itself).
_OVER = {"over", "above", "beyond", "exceeding", "exceeds", "exceed"}
_THAN = {"more", "greater", "larger", "bigger", "higher"}


# A percentage named as the line itself: "our threshold is 10%", "the limit: 15%", "a cap of 5%".
_LIMIT_NOUNS = {"threshold", "thresholds", "thresh", "limit", "limits", "cap", "ceiling", "maximum", "max", "rule", "policy",
                "guardrail", "cutoff", "cut-off", "tolerance"}  # "thresh": notes
_LINKING = {"is", "was", "of", "at", "are", "be", "set", "sits", "stands", "currently", "to"}


def _is_limit(before: list[str]) -> bool:
    last = before[-1:]
    named = next((k for k in range(len(before) - 1, max(-1, len(before) - 4), -1) if before[k] in _LIMIT_NOUNS), None)
    if named is not None and all(w in _LINKING for w in before[named + 1 :]) and "to" not in before[named + 1 : named + 2]:
        return True
    return bool(last) and (last[0] in _OVER or last[0] == "than" and bool(_THAN & set(before[-2:-1]))
                           or before[-3:] == ["in", "excess", "of"])


def extract(text: str) -> Slots:
    figures = read_figures(text)
    return Slots(
        money=[f.value for f in figures if f.unit == "money"],
        percents=[f.value for f in figures if f.unit == "percent" and not _is_limit(f.before)],
        limits=[f.value for f in figures if f.unit == "percent" and _is_limit(f.before)],
        metric=metric(text),
        business=business(text),
        applications=applications(text),
        key_segment=key_segment(text),
    )
