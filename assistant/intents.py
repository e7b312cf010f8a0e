"""Decides what a question is asking for: a refusal, a calculation, or a course topic.

Rules come first (figures and explicit keywords are unambiguous); otherwise the question goes to
the intent whose exemplars (prompts/intents.yaml) it is most similar to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.injection import is_injection, unsafe_sentence  # noqa: F401  (the screen lives there)
from assistant.slots import Slots, extract

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"


OFF_TOPIC = re.compile(
    r"\b(?:recipe|cook|bake|weather|forecast for (?:today|tomorrow)|stock tips?|which stocks?|crypto(?:currency)?|bitcoin"
    r"|football|soccer|movie|song|lyrics|poem|joke|horoscope|diet|medical|diagnos|lawsuit"
    r"|python code|javascript|write (?:me )?(?:a |some )?code|debug|sql query|homework|capital of)\b",
    re.IGNORECASE,
)
DOMAIN = re.compile(
    r"\b(?:ai|e-?commerce|store|shop|customer|kpi|roi|tco|strategy|personali[sz]|chatbot|pricing|conversion"
    r"|aov|clv|a/b|rice|ice|governance|privacy|bias|pilot|scal|marketing|sales|product|data|model)",
    re.IGNORECASE,
)


@dataclass
class Intent:
    name: str
    slots: Slots
    tools: list[tuple[str, dict]] = field(default_factory=list)  # planned deterministic calls
    refusal: str = ""  # "injection" | "out_of_scope" | "empty"
    term: str = ""  # for definitions


@lru_cache(maxsize=1)
def exemplars() -> dict[str, list[str]]:
    return yaml.safe_load((PROMPTS / "intents.yaml").read_text(encoding="utf-8"))


def _has(text: str, *patterns: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


def rule_intent(question: str, slots: Slots) -> tuple[str, list[tuple[str, dict]]]:
    """(intent, planned tool calls) from unambiguous signals, or ("", []) when none fires."""
    q = question
    named = slots.named
    if slots.ab_counts:
        cv, cc, vv, vc = slots.ab_counts
        return "ab_test", [("ab_test", {"control_visitors": cv, "control_conversions": cc,
                                         "variant_visitors": vv, "variant_conversions": vc})]
    if _has(q, r"sample size", r"how many (?:visitors|users|sessions)") and slots.percents:
        rates = [p / 100 for p in slots.percents]
        args = {"baseline_rate": rates[0]}
        if len(rates) > 1:
            args["target_rate"] = rates[1]
        else:
            args.update({"mde": 0.1, "mde_type": "relative"})
        return "sample_size", [("sample_size", args)]
    if len(slots.initiatives) >= 2 or (slots.initiatives and _has(q, r"\brice\b", r"\bice\b", r"priorit")):
        items = slots.initiatives
        method = "ice" if all("ease" in item for item in items) else "rice"
        if len(items) == 1:
            item = items[0]
            if method == "rice":
                return "prioritize", [("rice_score", {k: item[k] for k in ("reach", "impact", "confidence", "effort") if k in item})]
            return "prioritize", [("ice_score", {k: item[k] for k in ("impact", "confidence", "ease") if k in item})]
        return "prioritize", [("prioritize", {"initiatives": items, "method": method})]
    if _has(q, r"pay ?back", r"break[- ]even") and "monthly_benefit" in named:
        cost = named.get("cost") or (slots.money[0] if slots.money else None)
        if cost is not None:
            calls = [("payback_period", {"upfront_cost": cost, "monthly_benefit": named["monthly_benefit"]})]
            if _has(q, r"\broi\b", r"return on investment") and "gain" in named and named["gain"] != named["monthly_benefit"]:
                calls.insert(0, ("roi", {"gain": named["gain"], "cost": cost}))
            return "payback", calls
    if _has(q, r"\bclv\b", r"lifetime value") and {"aov", "purchases_per_year", "lifespan_years"} <= named.keys():
        args = {k: named[k] for k in ("aov", "purchases_per_year", "lifespan_years")}
        if "gross_margin" in named:
            args["gross_margin"] = named["gross_margin"]
        return "clv", [("clv", args)]
    tco_parts = [k for k in ("implementation", "data_integration", "training", "software_fees", "maintenance", "internal_resources") if k in named]
    if _has(q, r"\btco\b", r"total cost of ownership") and len(tco_parts) >= 2:
        args = {k: named[k] for k in tco_parts}
        if "horizon_years" in named:
            args["horizon_years"] = named["horizon_years"]
        return "tco", [("tco", args)]
    if _has(q, r"\broi\b", r"return on investment") and ("gain" in named and "cost" in named):
        return "roi", [("roi", {"gain": named["gain"], "cost": named["cost"]})]
    if _has(q, r"\broi\b", r"return on investment") and len(slots.money) >= 2 and not _has(q, r"per month|a month|monthly"):
        return "roi", [("roi", {"gain": max(slots.money), "cost": min(slots.money)})]
    if _has(q, r"human[- ]in[- ]the[- ]loop", r"\bhitl\b", r"human (?:review|oversight|approval|check)",
            r"\bhuman\b.{0,25}\b(?:approve|review|check|sign off|oversee)", r"\bmanual(?:ly)? (?:review|approv)"):
        return "hitl", []
    if _has(q, r"roi case", r"business case", r"justify", r"build(?:ing)? (?:a|an) .{0,20}case"):
        return "roi_case", []
    if _has(q, r"\bkpis?\b", r"metrics?\b", r"indicators?", r"\bmeasure\b", r"\btrack\b") and slots.applications:
        return "kpi", []
    if _has(q, r"\bscal(?:e|ing)\b", r"roll(?:ing)? ?out") and _has(q, r"pilot", r"all ", r"across", r"segments", r"markets", r"\d+\s*%", r"from .{1,40} to "):
        return "scaling", []
    if _has(q, r"smart (?:business )?goal", r"business goal") and _has(q, r"strateg", r"priorit", r"applications?"):
        return "goal_strategy", []
    if _has(q, r"high impact") and _has(q, r"feasib") and _has(q, r"strateg", r"applications?", r"priorit"):
        return "goal_strategy", []
    if _has(q, r"buy-?in", r"\bcfo\b", r"\bcoo\b", r"\bcmo\b", r"convince", r"the board\b", r"stakeholders? (?:support|approval)"):
        return "buy_in", []
    if _has(q, r"short-term (?:ai )?win", r"long-term (?:strategic )?(?:ai )?bet", r"\broadmap\b"):
        return "roadmap", []
    return "", []


# Cosine similarity to an intent exemplar needed to route there; below it the question gets the
# general course answer, which is always safe (a wrong specialised plan is not).
EXEMPLAR_THRESHOLD = 0.65

def topic_intent(q: str) -> str:
    """Broad topic keywords: consulted after the specific rules and after definitions."""
    if _has(q, r"readiness", r"\bready for\b", r"data audit"):
        return "readiness"
    if _has(q, r"\btrends?\b", r"next \d(?:-\d)? years", r"emerging", r"hyper-?personali", r"generative ai",
            r"voice (?:commerce|search)", r"metaverse", r"web3", r"sustainab"):
        return "trends"
    if _has(q, r"\bsilos?\b", r"interoperab", r"integrated (?:ai )?workflow", r"\bintegrat\w* (?:my|our|the|different) "):
        return "integration"
    if _has(q, r"\bbias", r"privacy", r"consent", r"\bgdpr\b", r"\bethic", r"transparen", r"governance", r"\bfair(?:ness)?\b"):
        return "governance"
    if _has(q, r"\bculture\b", r"hackathon", r"experimentation", r"safe-to-fail"):
        return "culture"
    if _has(q, r"modular", r"vendor lock-?in", r"microservices"):
        return "modular"
    return ""


DEFINITION = re.compile(
    r"^\s*(?:what(?:'s| is| are| does)|define|meaning of|explain)\s+(?:the\s+|an?\s+)?(?:term\s+)?['\"“]?([A-Za-z][\w\s\-/()&']{1,60}?)['\"”]?(?:\s+(?:stand for|mean|means))?\s*\??\s*$",
    re.IGNORECASE,
)


def detect(question: str, embed=None) -> Intent:
    """Classifies a (masked, validated) question. ``embed`` maps texts to normalised vectors."""
    slots = extract(question)
    if is_injection(question):
        return Intent("refuse", slots, refusal="injection")
    name, tools = rule_intent(question, slots)
    if name:
        return Intent(name, slots, tools)
    if OFF_TOPIC.search(question) and not re.search(r"\b(?:ai|e-?commerce|kpi|roi)\b", question, re.IGNORECASE):
        return Intent("refuse", slots, refusal="out_of_scope")
    definition = DEFINITION.match(question)
    if definition:
        term = re.sub(r"^(?:a|an|the)\s+", "", definition.group(1).strip(), flags=re.IGNORECASE)
        generic = re.search(r"\b(?:difference|between|best|way|ways|how|why|should|role|importance)\b", term, re.IGNORECASE)
        if len(term.split()) <= 6 and not generic:
            return Intent("definition", slots, term=term)
    topic = topic_intent(question)
    if topic:
        return Intent(topic, slots)
    if embed is not None:
        best, score = _nearest_exemplar(question, embed)
        if score >= EXEMPLAR_THRESHOLD:
            return Intent(best, slots)
    return Intent("general", slots)


def _nearest_exemplar(question: str, embed) -> tuple[str, float]:
    names, vectors = _exemplar_vectors(embed)
    query = embed([question])[0]
    scores = vectors @ query
    index = int(scores.argmax())
    return names[index], float(scores[index])


_EXEMPLAR_CACHE: dict[int, tuple[list[str], object]] = {}


def _exemplar_vectors(embed):
    key = id(embed)
    if key not in _EXEMPLAR_CACHE:
        names, texts = [], []
        for intent, examples in exemplars().items():
            for example in examples:
                names.append(intent)
                texts.append(example)
        _EXEMPLAR_CACHE[key] = (names, embed(texts))
    return _EXEMPLAR_CACHE[key]
