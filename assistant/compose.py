"""Extractive answer composition for the offline engine.

Every explanatory sentence is a course sentence (lightly trimmed of a leading connective) with a
numbered citation, or a template sentence filled only with tool outputs and the user's own
words. Headings and labels carry no claims. That is what makes the answers grounded by
construction; the grounding checker then verifies it on every answer.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from knowledge.chunking import split_sentences_simple

# (heading, retrieval query, sentences to keep[, pin]) per intent. "{q}" is the user's question.
# A pin is a regex: course sentences matching it are quoted first, because they carry the facts
# the facet exists for (e.g. the 3-6 month / 1-3 year horizons of a roadmap).
FACETS: dict[str, list[tuple]] = {
    "goal_strategy": [
        ("Why tie AI to your goal", "map SMART business goals to AI capabilities and AI projects", 2),
        ("How to choose", "prioritize AI initiatives impact feasibility effort RICE value vs effort matrix", 2,
         r"high potential impact and high feasibility"),
        ("Evaluating with STRIVE", "evaluate AI tools against strategic needs using frameworks like STRIVE", 2, r"STRIVE"),
        ("Governance principles to establish first", "data privacy compliance data minimization purpose limitation valid user consent", 2,
         r"data minimization|valid user consent"),
        ("", "identify monitor mitigate bias in AI models fairness audits", 1, r"Practical steps include"),
    ],
    "kpi": [
        ("What to track", "{q}", 2),
        ("Leading vs lagging", "leading indicators early metrics lagging indicators ultimate impact", 2),
        ("Isolating the AI tool's impact", "attribution A/B testing with control groups holdout groups gold standard", 2,
         r"A/B Testing with Control Groups"),
    ],
    "roi_case": [
        ("How the course frames ROI", "basic ROI formula net profit cost of AI investment total cost of ownership", 2,
         r"basic ROI formula"),
        ("Value beyond direct savings", "non-financial strategic value improved decision-making demand forecasting inventory overstock", 3,
         r"Improved Decision-Making|Competitive Advantage"),
        ("Analytics setup", "custom events goals conversions tagging strategy dashboards analytics platforms", 2,
         r"custom events|tagging strategy|dedicated dashboards"),
        ("Presenting it", "communicating ROI to non-technical stakeholders business outcomes visualizations", 1),
    ],
    "scaling": [
        ("", "{q}", 2),
        ("Plan the rollout", "plan for rolling out successful AI pilot projects risk assessment", 2),
        ("What to check before scaling", "data infrastructure technical resources change management impact on other systems budget ROI projections", 3,
         r"Data Infrastructure must|Technical Resources|Budget and ROI Projections"),
        ("Change management", "clear communication training internal champions phased rollout", 1, r"internal champions"),
        ("Governance to re-check", "compliance with regulations GDPR CCPA PIPEDA consent mechanisms", 2,
         r"GDPR|consent mechanisms must be"),
    ],
    "hitl": [
        ("", "{q}", 2),
        ("Where humans must stay in the loop", "Human-in-the-Loop HITL critical AI applications levels of human intervention", 2),
        ("Examples from the course", "review approve AI-generated content dynamic pricing thresholds fraud alerts high-value accounts", 1,
         r"fraud alerts"),
        ("Why", "human strategists set direction interpret ambiguous results nuanced judgments", 1),
    ],
    "governance": [
        ("", "{q}", 2),
        ("Privacy and consent", "data minimization purpose limitation consent mechanisms clear granular", 2),
        ("Bias", "identify monitor mitigate bias diverse training data audits fairness metrics", 2, r"Practical steps include"),
        ("Transparency", "communicating to customers how AI is used transparency controls explainable AI", 1),
        ("Frameworks", "clear internal guidelines ethical review boards codes of conduct", 1, r"ethical review boards"),
    ],
    "trends": [
        ("The trend", "{q}", 3),
        ("Readiness", "readiness factors robust data infrastructure data governance", 1),
        ("Data and ethics", "ethical challenges data privacy creepy consent management transparency", 1),
        ("Evaluate before adopting", "critically evaluate strategic fit of new developments using frameworks like STRIVE", 1, r"STRIVE"),
    ],
    "roadmap": [
        ("Short-term wins and long-term bets", "AI roadmap short-term wins 3-6 months long-term strategic bets 1-3 years", 2,
         r"3-6 months|1-3 years"),
        ("Sequencing", "project sequencing dependencies data platform prerequisite", 1, r"sequencing"),
        ("How to choose", "prioritize high impact high feasibility low effort", 1),
    ],
    "culture": [
        ("", "{q}", 2),
        ("Practical steps", "culture learn experiment share knowledge hackathons lunch-and-learns pilot projects tiger teams", 2,
         r"Practical steps to cultivate"),
        ("Managing risk", "safe-to-fail environment learning from failures low-risk pilots", 2),
    ],
    "integration": [
        ("Integrated workflow", "{q}", 2),
        ("Avoiding silos", "seamless data flow API integrations interoperability data silos CDP", 2,
         r"API integrations|Customer Data Platforms"),
    ],
    "readiness": [
        ("What readiness means", "{q}", 2),
        ("Data audit", "data audit key questions AI readiness data quality gaps", 2, r"data audit"),
    ],
    "modular": [
        ("", "{q}", 2),
        ("Why modular", "flexibility modularity microservices API-first avoid vendor lock-in", 2, r"microservices"),
        ("Benefits", "easier adaptation simpler updates integration of new technologies", 2),
    ],
    "buy_in": [
        ("Securing buy-in", "securing stakeholder buy-in communication tailored CFO financial projections ROI analyses", 2,
         r"financial projections|Securing stakeholder buy-in"),
        ("Making the case", "communicating ROI to non-technical stakeholders business outcomes pilot successes", 2,
         r"early successes"),
    ],
    "definition": [("", "{q}", 3)],
    "general": [("", "{q}", 4)],
}
for _name in ("ab_test", "sample_size"):
    FACETS[_name] = [("Why this matters", "A/B testing control groups gold standard attribution continuous testing", 2)]
FACETS["clv"] = [("What the course says", "Customer Lifetime Value CLV AOV personalization engines KPIs", 2, r"\bCLV\b")]
for _name in ("roi", "payback", "tco"):
    FACETS[_name] = [("What the course says", "ROI formula total cost of ownership software fees implementation integration training maintenance", 2)]
FACETS["prioritize"] = [("What the course says", "RICE ICE Value vs Effort matrix impact feasibility effort prioritize", 2),
                        ("Roadmap", "short-term wins 3-6 months long-term strategic bets 1-3 years", 1, r"3-6 months")]
# Extra facets when the question names a topic inside a broader intent.
TOPIC_FACETS: list[tuple[str, tuple]] = [
    (r"generative", ("Generative AI capabilities", "Generative AI expanding beyond content creation virtual stylists dynamic product configurators interactive demos synthetic data", 2,
                     r"virtual stylists|synthetic data")),
    (r"sustainab", ("How AI helps sustainability", "AI-driven sustainability supply chains carbon footprint route optimization waste", 2,
                    r"carbon footprint|reducing waste")),
    (r"international|privacy law|gdpr|ccpa", ("Privacy regulations", "compliance with regulations GDPR CCPA PIPEDA data minimization", 1, r"GDPR")),
    (r"\bframeworks?\b.{0,40}(?:develop|build|address)|(?:develop|build).{0,30}\bframeworks?\b",
     ("Building frameworks", "clear internal guidelines ethical review boards codes of conduct", 1, r"ethical review boards")),
]


def facets_for(intent: str, question: str) -> list[tuple]:
    facets = list(FACETS.get(intent, FACETS["general"]))
    for pattern, facet in TOPIC_FACETS:
        if re.search(pattern, question, re.IGNORECASE) and facet[0] not in {f[0] for f in facets}:
            facets.append(facet)
    return facets


CONNECTIVES = re.compile(
    r"^(?:However|Therefore|Furthermore|Finally|Instead|Additionally|Moreover|Crucially|Also|Thus|So),\s+",
)
SKIP_SENTENCE = re.compile(
    r"^(?:Suggested Question|Alternative Question|Reflective Prompt)|\?\s*$"
    r"|^(?:We will|We'll|This module|You'll|Furthermore, we'll|The module will|Finally, we'll)\b"
)


# A course sentence must be at least this similar to the question and facet (and within this
# share of the best candidate) to be quoted: off-topic filler is worse than a shorter answer.
MIN_RELEVANCE = 0.25
RELATIVE_RELEVANCE = 0.6


def term_coverage(term: str, passages: list[dict]) -> dict:
    """Does the course define ``term``, or only mention it? A deterministic text check."""
    pattern = re.compile(
        rf"{re.escape(term)}[\"'”]?\)?\s*(?:\([^)]*\)\s*)?(?:is|are|refers to|means|stands for|where|which|,\s*(?:the|a|an|which|where))\b",
        re.IGNORECASE,
    )
    words = [w for w in re.findall(r"[a-z0-9]+", term.lower()) if len(w) > 2]
    mentions = [
        p for p in passages
        if term.lower() in p["text"].lower() or (words and all(w in p["text"].lower() for w in words))
    ]
    expansion = re.compile(rf"\b{re.escape(term)}\b\**\s*\(([A-Z][a-z]+(?:[ ,/&-]+[A-Za-z]+)+)\)")
    defined = [p for p in mentions if pattern.search(p["text"]) or (term.isupper() and expansion.search(p["text"]))]
    return {"term": term, "mentions": len(mentions), "defined": bool(defined)}


def coverage_sentence(coverage: dict) -> str:
    if coverage["mentions"] == 0:
        return f"The course passages retrieved do not mention “{coverage['term']}”, so the course gives no definition of it."
    if coverage["defined"]:
        return ""
    return (f"The course mentions “{coverage['term']}” but gives no definition of it; "
            "the passages above are everything it says.")


@lru_cache(maxsize=1)
def course_outline() -> str:
    """One sentence listing the bundled course's lessons, built from the parsed corpus."""
    from assistant.settings import DEFAULT_CORPUS
    from knowledge.parsing import parse_file

    document, _ = parse_file(DEFAULT_CORPUS)
    lessons = [f"Lesson {l.lesson} ({l.title})" for l in document.lessons if l.lesson[:1].isdigit()]
    return "The course covers " + "; ".join(lessons) + "."


def trim(sentence: str) -> str:
    sentence = CONNECTIVES.sub("", sentence.strip())
    return sentence[:1].upper() + sentence[1:]


def candidate_sentences(text: str) -> list[str]:
    """The sentences of a passage the composer may quote: trimmed, long enough, not questions,
    and never an instruction planted in a course file (to the assistant, or to hand over card
    numbers or passwords)."""
    from assistant.intents import unsafe_sentence

    out = []
    for sentence in split_sentences_simple(text):
        sentence = trim(sentence)
        if len(sentence) >= 40 and not SKIP_SENTENCE.search(sentence) and not unsafe_sentence(sentence):
            out.append(sentence)
    return out


class Composer:
    """Picks the course sentences that best answer each facet of a question."""

    def __init__(self, embed) -> None:
        self.embed = embed  # texts -> normalised vectors (the Advisor's memo: each text once)

    def _vectors(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.embed(list(texts))) if texts else np.zeros((0, 384))

    def select(
        self, question: str, facet_query: str, passages: list[dict], count: int, used: set[str],
        pin: str | None = None,
    ) -> list[tuple[str, dict]]:
        candidates: list[tuple[str, dict]] = []
        for passage in passages:
            if passage.get("kind") in {"question", "table_row"}:
                continue
            for sentence in candidate_sentences(passage["text"]):
                if sentence not in used:
                    candidates.append((sentence, passage))
        if not candidates:
            return []
        vectors = self._vectors([c[0] for c in candidates])
        query_vec, facet_vec = self._vectors([question, facet_query])
        scores = 0.5 * vectors @ query_vec + 0.5 * vectors @ facet_vec
        floor = max(MIN_RELEVANCE, float(scores.max()) * RELATIVE_RELEVANCE)
        if pin:
            pinned = np.array([bool(re.search(pin, c[0])) for c in candidates])
            scores = scores + pinned * 1.0
        chosen = []
        for index in np.argsort(-scores):
            sentence, passage = candidates[int(index)]
            if scores[int(index)] < floor:
                break
            if sentence in used:
                continue
            chosen.append((sentence, passage))
            used.add(sentence)
            if len(chosen) >= count:
                break
        return chosen
