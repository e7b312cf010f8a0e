"""Slot extraction: the figures and names a question gives (pure functions over text).

Everything extracted here comes from the user's own words, so a template sentence filled with
these values is grounded in the user's message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20,
    "twenty-four": 24, "thirty": 30, "thirty-six": 36,
}
# Anchored at the start of a number (never inside a run of digits), so a long run of digits
# is scanned once: an unanchored \d[\d,]* backtracks quadratically (ReDoS).
NUM = r"((?<![\d,.])\d[\d,]*(?:\.\d+)?|(?<![\d.])\.\d+)"
SCALE = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "mn": 1e6, "b": 1e9, "billion": 1e9}

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


def to_number(text: str) -> float:
    return float(text.replace(",", ""))


@dataclass
class Slots:
    money: list[float] = field(default_factory=list)
    percents: list[float] = field(default_factory=list)
    months: float | None = None
    metric: str | None = None
    target_pct: float | None = None
    business: str | None = None
    applications: list[str] = field(default_factory=list)
    ab_counts: tuple[int, int, int, int] | None = None
    initiatives: list[dict] = field(default_factory=list)
    named: dict[str, float] = field(default_factory=dict)


def money_amounts(text: str) -> list[float]:
    amounts = []
    pattern = rf"(?:[$€£]\s?{NUM}\s*(k|m|mn|million|thousand|b|billion)?\b)|(?:{NUM}\s*(k|m|mn|million|thousand)?\s*(?:dollars|usd|eur|euros|gbp|pounds)\b)"
    for match in re.finditer(pattern, text, re.IGNORECASE):
        number = match.group(1) or match.group(3)
        unit = (match.group(2) or match.group(4) or "").lower()
        amounts.append(to_number(number) * SCALE.get(unit, 1))
    return amounts


def percents(text: str) -> list[float]:
    return [to_number(m) for m in re.findall(rf"{NUM}\s*(?:%|percent\b)", text, re.IGNORECASE)]


def months(text: str) -> float | None:
    match = re.search(
        rf"(?:in|within|over|next|by|of)\s+(?:the\s+next\s+)?({NUM[1:-1]}|{'|'.join(WORD_NUMBERS)})[\s-]*(month|year|week|quarter)s?",
        text,
        re.IGNORECASE,
    )
    if not match:
        match = re.search(rf"\b({NUM[1:-1]}|{'|'.join(WORD_NUMBERS)})[\s-]*(month|year|quarter)s?\b", text, re.IGNORECASE)
    if not match:
        return None
    raw, unit = match.group(1).lower(), match.group(2).lower()
    value = WORD_NUMBERS.get(raw) or to_number(raw)
    return value * {"month": 1, "year": 12, "week": 12 / 52, "quarter": 3}[unit]


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


def ab_counts(text: str) -> tuple[int, int, int, int] | None:
    """(control visitors, control conversions, variant visitors, variant conversions)."""
    pairs = re.findall(rf"{NUM}\s*(?:conversions?|orders?|purchases?|sales)?\s*(?:out of|of|/|from)\s*{NUM}\s*(?:visitors?|users?|sessions?)?", text, re.IGNORECASE)
    if len(pairs) >= 2:
        (c_conv, c_vis), (v_conv, v_vis) = pairs[0], pairs[1]
        return int(to_number(c_vis)), int(to_number(c_conv)), int(to_number(v_vis)), int(to_number(v_conv))
    visitors = re.findall(rf"{NUM}\s*(?:visitors|users|sessions)", text, re.IGNORECASE)
    conversions = re.findall(rf"{NUM}\s*(?:conversions|orders|purchases|converted)", text, re.IGNORECASE)
    if len(visitors) >= 2 and len(conversions) >= 2:
        return (int(to_number(visitors[0])), int(to_number(conversions[0])),
                int(to_number(visitors[1])), int(to_number(conversions[1])))
    if len(visitors) == 1 and len(conversions) >= 2 and re.search(r"each|per (?:arm|group|variant)", text, re.IGNORECASE):
        n = int(to_number(visitors[0]))
        return n, int(to_number(conversions[0])), n, int(to_number(conversions[1]))
    return None


FIELD_WORDS = {"reach": "reach", "impact": "impact", "confidence": "confidence", "effort": "effort", "ease": "ease"}


def initiatives(text: str) -> list[dict]:
    """Projects described as "NAME: reach 1000, impact 2, confidence 80%, effort 3" (or ICE)."""
    found = []
    segments = re.split(r";|\n|(?<=\d)\.\s+|(?<=%)\.\s+", text)
    for segment in segments:
        values = {}
        for word, key in FIELD_WORDS.items():
            match = re.search(rf"\b{word}\b\s*(?:of|=|:|is)?\s*{NUM}\s*(%)?", segment, re.IGNORECASE)
            if match:
                value = to_number(match.group(1))
                if match.group(2) and key == "confidence":
                    value = value / 100
                values[key] = value
        if len(values) < 3:
            continue
        first = min(m.start() for m in re.finditer(r"\b(?:reach|impact|confidence|effort|ease)\b", segment, re.IGNORECASE))
        head = segment[:first]
        name_match = re.search(r"['\"‘“]([^'\"’”]{1,60})['\"’”]", head)
        if name_match:
            name = name_match.group(1)
        else:
            name = re.sub(r"^.*\b(?:rice|ice|prioriti[sz]e|rank|projects?|initiatives?|compare)\b[:\s]*", "", head, flags=re.IGNORECASE)
            name = re.sub(r"^\s*(?:and|,|add|with|\d+[.)])\s*", "", name).strip(" :,-–(")
            name = re.sub(r"\s+(?:has|with)$", "", name).strip() or f"Initiative {len(found) + 1}"
        values["name"] = name[:60]
        found.append(values)
    return found


MONEY_KEYS = {
    "gain": r"(?:gain|net profit|profit|savings|saves?|return|benefit|revenue|earn(?:s|ed)?|generat(?:es|ed))",
    "cost": r"(?:cost|costs|investment|invest|spend|price|tco)",
    "aov": r"(?:aov|average order value|order value)",
}


TCO_KEYS = {
    "implementation": r"\bimplementation\b",
    "data_integration": r"\b(?:data )?integration\b",
    "training": r"\btraining\b",
    "software_fees": r"\b(?:software|platform|licen[cs]e|subscription)(?: fees?)?\b",
    "maintenance": r"\bmaintenance\b",
    "internal_resources": r"\binternal (?:resources?|staff|team)\b",
}


def _money_after(text: str, keyword: str, window: int = 30) -> float | None:
    """The first money amount ($, €, £, k/m or "dollars") within ``window`` chars after a keyword."""
    for match in re.finditer(keyword, text, re.IGNORECASE):
        amounts = money_amounts(text[match.end() : match.end() + window])
        if amounts:
            return amounts[0]
    return None


def named_values(text: str) -> dict[str, float]:
    """Finance inputs named in the question: gain, cost, monthly benefit, AOV, lifespan…

    Money needs a currency sign or unit, so "2-3 other metrics" never becomes a cost of 2.
    """
    out: dict[str, float] = {}
    for key, keyword in MONEY_KEYS.items():
        value = _money_after(text, rf"\b{keyword}\b")
        if value is None:  # "$52k in net profit": the amount comes first
            before = re.search(rf"([$€£]\s?{NUM}\s*(?:k|m|million|thousand)?)\s+(?:\w+\s+){{0,3}}{keyword}\b", text, re.IGNORECASE)
            value = money_amounts(before.group(1))[0] if before else None
        if value is not None:
            out[key] = value
    monthly = re.search(rf"([$€£]\s?{NUM}\s*(k|m|million|thousand)?)\s*(?:a|per|/|each)\s*month", text, re.IGNORECASE)
    if monthly:
        out["monthly_benefit"] = money_amounts(monthly.group(1))[0]
    counts = {
        "purchases_per_year": NUM + r"\s*(?:x\s*)?(?:purchases|orders|times)\s*(?:a|per)\s*year",
        "lifespan_years": NUM + r"\s*[- ]?years?\s*(?:customer\s+)?(?:lifespan|lifetime|of (?:a )?customer|as customers?)",
    }
    for key, pattern in counts.items():
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            out[key] = to_number(match.group(1))
    lifespan = re.search(r"(?:lifespan|lifetime|stay)\D{0,12}?" + NUM + r"\s*years?", text, re.IGNORECASE)
    if "lifespan_years" not in out and lifespan:
        out["lifespan_years"] = to_number(lifespan.group(1))
    for key, keyword in TCO_KEYS.items():
        value = _money_after(text, keyword, window=25)
        if value is not None:
            out[key] = value
    horizon = re.search(r"(?:over|for|across)\s+" + NUM + r"\s*years?", text, re.IGNORECASE)
    if horizon:
        out["horizon_years"] = to_number(horizon.group(1))
    margin = re.search(r"(?:gross )?margin\D{0,10}?" + NUM + r"\s*%", text, re.IGNORECASE)
    if margin:
        out["gross_margin"] = to_number(margin.group(1)) / 100
    return out


def extract(text: str) -> Slots:
    pcts = percents(text)
    found_metric = metric(text)
    return Slots(
        money=money_amounts(text),
        percents=pcts,
        months=months(text),
        metric=found_metric,
        target_pct=pcts[0] if pcts and found_metric else None,
        business=business(text),
        applications=applications(text),
        ab_counts=ab_counts(text),
        initiatives=initiatives(text),
        named=named_values(text),
    )
