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

from assistant.calculate import Calculation, read_calculation
from assistant.slots import Slots, extract

PROMPTS = Path(__file__).resolve().parent.parent / "prompts"

INJECTION = re.compile(
    r"\b(?:ignore|forget|disregard|override|bypass|skip)\b(?:\s+(?:all|any|the|of|your|my|previous|prior|above|earlier|original|these|those))*"
    r"\s+(?:instructions|rules|prompts?|directions|guidelines|programming)(?!\s+of thumb)"
    r"|\b(?:ignore|disregard|forget)\s+everything\s+(?:above|before|you (?:were|have been) told)"
    r"|(?:reveal|print|show|repeat|output|tell me|leak|display|dump|translate|give me|list)\b.{0,30}"
    r"\b(?:system\s*prompt|instructions you were given|your (?:instructions|rules|configuration|config|prompt)|"
    r"hidden prompt|api key|text of your prompt)"
    r"|\b(?:your|the hidden|the original)\s+system\s*prompt\b(?!s)"
    r"|^\s*(?:please\s+)?(?:act as|pretend (?:to be|you are|you're)|roleplay as|play the role of)\b"
    r"|\byou are now\b|\bpretend you are\b|\bjailbreak|developer mode|\bDAN\b|\bfrom now on,? you\b"
    r"|\b(?:take on|adopt|switch to|your) (?:a )?new persona|\blet'?s roleplay"
    r"|\bnew instructions\s*:|the course says you must|\bsystem override\b",
    re.IGNORECASE | re.MULTILINE,
)
# Look-alike letters and digits attackers use to slip past the screen (screening only).
CONFUSABLES = str.maketrans({
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
    "ѕ": "s", "ԁ": "d", "ɡ": "g", "ο": "o", "α": "a", "ε": "e", "ι": "i", "κ": "k", "ν": "v",
    "ρ": "p", "τ": "t", "υ": "u", "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a",
})


def screen_text(text: str) -> str:
    """The text as the injection screen reads it: NFKC, no invisible characters, look-alikes
    mapped to Latin letters, spelled-out letters joined, whitespace collapsed."""
    import unicodedata

    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = text.translate(CONFUSABLES)
    text = re.sub(r"\b(?:[a-z] ){3,}[a-z]\b", lambda m: m.group(0).replace(" ", ""), text, flags=re.I)
    return re.sub(r"\s+", " ", text)


def is_injection(text: str) -> bool:
    return bool(INJECTION.search(text) or INJECTION.search(screen_text(text)))


# Sentences no advice may contain, whatever file they come from: instructions to the assistant,
# or to hand over payment data or passwords.
UNSAFE_ADVICE = re.compile(
    r"\b(?:send|email|e-mail|share|give|post|text)\b.{0,40}\b(?:card numbers?|passwords?|cvv|pins?|bank details)\b"
    r"|\bassistant\s*:|\btell (?:the )?(?:users?|customers?|shoppers?) to\b|\byou must now\b"
    # text addressed to an AI reader rather than to learners
    r"|\b(?:for|to) AI (?:assistants?|models?|systems?|agents?)\b|\bif you are an AI\b"
    r"|\bAI (?:assistants?|models?|systems?|agents?)\b.{0,40}\b(?:reading|summari[sz]ing|processing)\b"
    r"|\bmust (?:say|state|answer|reply)\b"
    # collecting payment secrets, in any word order
    r"|\b(?:ask|request|collect)\w*\b.{0,40}\b(?:card numbers?|card details|cvv|passwords?)\b"
    r"|\b(?:card numbers?|card details|cvv|passwords?)\b.{0,40}\b(?:by e-?mail|via e-?mail|read (?:them )?out|over the phone)\b",
    re.IGNORECASE,
)


def unsafe_sentence(text: str) -> bool:
    return is_injection(text) or bool(UNSAFE_ADVICE.search(text))


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
    Calculations are read before this, by assistant/calculate.py from the tool specs."""
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


# Cosine similarity to an intent exemplar needed to route there; below it the question gets the
# general course answer, which is always safe (a wrong specialised plan is not).
EXEMPLAR_THRESHOLD = 0.65

DEFINITION = re.compile(
    r"^\s*(?:what(?:'s| is| are| does)|define|meaning of|explain)\s+(?:the\s+|an?\s+)?(?:term\s+)?['\"“]?([A-Za-z][\w\s\-/()&']{1,60}?)['\"”]?(?:\s+(?:stand for|mean|means))?\s*\??\s*$",
    re.IGNORECASE,
)


def detect(question: str, embed=None) -> Intent:
    """Classifies a (masked, validated) question. ``embed`` maps texts to normalised vectors."""
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
        from assistant.text import STOPWORDS

        loose = [w for w in re.findall(r"[a-z']+", term.lower()) if w in STOPWORDS and w not in {"of", "and", "the", "in", "for"}]
        loose += [w for w in re.findall(r"[a-z']+", term.lower()) if w in {"do", "good", "here", "actually", "really", "work", "works"}]
        if len(term.split()) <= 4 and not generic and not loose:
            return Intent("definition", slots, term=term)
    if embed is not None:
        best, score = _nearest_exemplar(question, embed)
        if score >= EXEMPLAR_THRESHOLD:
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
