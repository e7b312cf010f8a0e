"""Decides what a question is asking for: a refusal, a calculation, or a course topic.

Rules come first (figures and explicit keywords are unambiguous); otherwise the question goes to
the intent whose exemplars (prompts/intents.yaml, optional course data) it is most similar to,
or to the general answer, which works for any course.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.reading.calculate import Calculation, read_calculation
from assistant.reading.injection import is_injection, unsafe_sentence  # noqa: F401  (the screen lives there)
from assistant.settings import default
from assistant.reading.slots import Slots, extract
from assistant.text import STOPWORDS, words

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"


OFF_TOPIC = re.compile(
    r"\b(?:recipe|cook|bake|weather|forecast for (?:today|tomorrow)|stock tips?|which stocks?|crypto(?:currency)?|bitcoin"
    r"|football|soccer|movie|song|lyrics|poem|joke|horoscope|diet|medical|diagnos|lawsuit"
    r"|python code|javascript|write (?:me )?(?:a |some )?code|debug|sql query|homework|capital of)\b",
    re.IGNORECASE,
)


@dataclass
class Intent:
    name: str
    slots: Slots
    tools: list[tuple[str, dict]] = field(default_factory=list)  # planned deterministic calls
    refusal: str = ""  # "injection" | "out_of_scope" | "empty"
    term: str = ""  # for definitions
    calculation: Calculation | None = None  # figures read into calculator inputs, or a question
    undefined: list[str] = field(default_factory=list)  # terms the course uses but never defines


@lru_cache(maxsize=1)
def exemplars() -> dict[str, list[str]]:
    """Intent exemplars from prompts/intents.yaml; none when the file is absent."""
    path = PROMPTS / "intents.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


def _has(text: str, *patterns: str) -> bool:
    return any(re.search(p, text, re.IGNORECASE) for p in patterns)


def rule_intent(question: str, slots: Slots) -> tuple[str, list[tuple[str, dict]]]:
    """(intent, planned tool calls) from unambiguous signals, or ("", []) when none fires.
    Calculations are read before this, by assistant/reading/calculate.py from the tool specs."""
    q = question
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


# Function words a term may hold ("cost of ownership"), and words no term holds ("what does X
# actually do").
TERM_CONNECTORS = frozenset({"of", "and", "the", "in", "for"})
NOT_IN_A_TERM = frozenset({"do", "good", "here", "actually", "really", "work", "works"})
DEFINITION = re.compile(
    r"^\s*(?:what(?:'s| is| are| does)|define|meaning of|explain)\s+(?:the\s+|an?\s+)?(?:term\s+)?['\"“]?([A-Za-z][\w\s\-/()&']{1,60}?)['\"”]?(?:\s+(?:stand for|mean|means))?\s*\??\s*$",
    re.IGNORECASE,
)


def detect(question: str, embed=None, threshold: float = default("exemplar_threshold")) -> Intent:
    """Classifies a (masked, validated) question. ``embed`` maps texts to normalised vectors;
    ``threshold`` is the similarity to an intent exemplar needed to route there
    (``Settings.exemplar_threshold``): below it the question gets the general course answer,
    which is always safe (a wrong specialised plan is not)."""
    slots = extract(question)
    if is_injection(question):
        return Intent("refuse", slots, refusal="injection")
    calculation = read_calculation(question)
    if calculation is not None:
        return Intent(calculation.topic, slots, calculation.calls, calculation=calculation)
    name, tools = rule_intent(question, slots)
    if name:
        return Intent(name, slots, tools)
    if OFF_TOPIC.search(question) and not re.search(r"\b(?:ai|e-?commerce|kpi|roi)\b", question, re.IGNORECASE):
        return Intent("refuse", slots, refusal="out_of_scope")
    definition = DEFINITION.match(question)
    if definition:
        term = re.sub(r"^(?:a|an|the)\s+", "", definition.group(1).strip(), flags=re.IGNORECASE)
        generic = re.search(r"\b(?:difference|between|best|way|ways|how|why|should|role|importance)\b", term, re.IGNORECASE)
        # A term is a noun phrase: function words other than connectors ("what does X actually
        # do", "what is Y good for here") make it a question about X, not a request to define it.
        loose = [w for w in (word.lower() for word in words(term))
                 if (w in STOPWORDS and w not in TERM_CONNECTORS) or w in NOT_IN_A_TERM]
        if len(term.split()) <= 4 and not generic and not loose:
            return Intent("definition", slots, term=term)
    if embed is not None:
        best, score = _nearest_exemplar(question, embed)
        if score >= threshold:
            return Intent(best, slots)
    return Intent("general", slots)


def _nearest_exemplar(question: str, embed) -> tuple[str, float]:
    names, vectors = _exemplar_vectors(embed)
    if not names:
        return "general", 0.0
    query = embed([question])[0]
    scores = vectors @ query
    index = int(scores.argmax())
    return names[index], float(scores[index])


def _exemplar_vectors(embed):
    # No memo here: `embed` is the Advisor's memoising embedder, which holds every vector once.
    names, texts = [], []
    for intent, examples in exemplars().items():
        for example in examples:
            names.append(intent)
            texts.append(example)
    return names, embed(texts)
