"""Decides what kind of question a message is: a refusal, a calculation, or a course question
of a general kind (definition, explanation, how-to, list, comparison, example, why, follow-up).

The kind comes from the form of the question alone, in general English; what it is about is
left to retrieval over the corpus, so nothing here knows a course, and whether it is off-topic
is the corpus's call (knowledge/scope.py). Rules come first (an injection, figures read by the
calculator reader, the question's opening); when no rule decides, the question goes to the kind whose exemplars
(prompts/intents.yaml, general English) it is most similar to, or to "explanation".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from assistant.reading.calculate import Calculation, read_calculation
from assistant.reading.elliptical import CONTEXT as BORROWED
from assistant.reading.elliptical import GENERIC, THE_ONE, is_elliptical, strip_preamble
from assistant.reading.injection import is_injection, unsafe_sentence  # noqa: F401  (the screen lives there)
from assistant.settings import default
from assistant.reading.slots import Slots, extract
from assistant.text import STOPWORDS, content_words, words

PROMPTS = Path(__file__).resolve().parents[2] / "prompts"

KINDS = ("overview", "definition", "explanation", "how-to", "list", "comparison", "example", "why", "follow-up",
         "calculation", "off-topic")
# Words for a body of teaching material, in general English (what a question about "the course"
# as a whole names), and the names its format gives it (a textbook's chapter, a help centre, an
# e-book's "book").
MATERIAL = (r"(?:course|module|class|unit|programme|program|training|material|syllabus|curriculum|chapter|textbook|"
            r"handbook|workbook|booklet|manual|faq|help\s+cent(?:re|er)|knowledge\s+base|e-?book|book)")
# The material as a whole: "this module", "the whole course", "the warehouse picking module" (up to
# three words of its title between), "the whole thing", "all of it".
WHOLE = re.compile(
    rf"\b(?:(?:this|the|your|that)\s+(?:whole\s+|entire\s+)?(?:[\w-]+\s+){{0,3}}?"
    rf"(?:{MATERIAL}|document|deck|handout|guide|presentation|slides|page|part|chapter|handbook"
    r"|centre|center|knowledge base|faq)s?\b(?!\s+(?:\d|of\b))"
    r"|the (?:whole|entire) thing|all of it"
    # a module by its number ("sum up module 3"): a whole module, where "the lesson 3.2" is a part
    r"|\bmodule\s+\d+\b(?![.,]\d))",
    re.IGNORECASE)
# A topic named after the gist words ("does the course cover gift aid?", "what does it teach
# about composting?"): the question is about that topic, not the whole.
NAMED_TOPIC = re.compile(r"\b(?:about|on|regarding|cover(?:s|ed)?|into|includes?|teach(?:es)?)\s+(?=(?:(?:the|an?)\s+)?([\w-]+))",
                         re.IGNORECASE)
# Asks for the gist of what it names: its topics, main points, a summary, what it covers.
GIST = re.compile(
    r"\b(?:summary|summari[sz]e|overview|outline|rundown|recap|gist|tl;?dr|in a nutshell|in short"
    r"|sum(?:s|med|ming)? (?:[\w-]+ ){0,3}?up|boil(?:s|ed|ing)? (?:[\w-]+ ){0,3}?down"
    r"|(?:main|key|big|important|major|core|central)\s+(?:topics?|points?|ideas?|themes?|parts?|sections?|things?)"
    # what it wants remembered: its takeaways, its message ("what is the message of this module?")
    r"|takeaways?|(?:main|key|core|central) messages?|message of|what (?:[\w'-]+ ){0,4}remember"
    r"|topics|what(?:'s| is) (?:it|this|in it) about|what(?:'s| is) in|cover(?:s|ed)?|go(?:es)? through|teach(?:es)?|learn)\b",
    re.IGNORECASE)

@dataclass
class Intent:
    name: str  # the kind, or the calculator topic of a calculation ("roi", "payback", …)
    slots: Slots
    tools: list[tuple[str, dict]] = field(default_factory=list)  # planned deterministic calls
    refusal: str = ""  # "injection" | "out_of_scope" | "empty"
    term: str = ""  # for definitions
    calculation: Calculation | None = None  # figures read into calculator inputs, or a question
    undefined: list[str] = field(default_factory=list)  # terms the course uses but never defines
    kind: str = "explanation"  # one of KINDS
    # Lines an earlier answer already quoted (assistant/reading/elliptical.py): a follow-up
    # quotes other course units first, so it answers the new ask instead of repeating.
    avoid: tuple[str, ...] = ()
    # The message as the user typed it, when the text answered borrows words from an earlier
    # turn: its words are the new ask, the borrowed ones only context.
    typed: str = ""


@lru_cache(maxsize=1)
def exemplars() -> dict[str, list[str]]:
    """Kind exemplars from prompts/intents.yaml; none when the file is absent."""
    path = PROMPTS / "intents.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}


# Function words a term may hold ("cost of ownership"), and words no term holds ("what does X
# actually do").
TERM_CONNECTORS = frozenset({"of", "and", "the", "in", "for"})
NOT_IN_A_TERM = frozenset({"do", "good", "here", "actually", "really", "work", "works"})
DEFINITION = re.compile(
    r"^\s*(?:what(?:'s| is| are| does)|whats|define|meaning of|explain)\s+(?:the\s+|an?\s+)?(?:term\s+)?['\"“‘]?([A-Za-z][\w\s\-/()&']{1,60}?)['\"”’]?(?:\s+(?:stand for|mean|means))?\s*\??\s*$",
    re.IGNORECASE,
)
# The form of a question, in general English: (kind, opening or phrase), first match wins.
FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("overview", re.compile(
        rf"^\s*(?:(?:so|ok(?:ay)?|hi|hello|hey),?\s+)?(?:what(?:'s| is| does| do| will)\s+(?:this|the|your)\s+{MATERIAL}\s+(?:about|cover|covers|teach|include|go through)"
        rf"|what (?:are|will be) (?:the |its )?(?:main |key |big )?(?:topics|subjects|themes|parts|sections|lessons|chapters)(?: (?:of|in) (?:this|the) {MATERIAL})?\s*\??\s*$"
        rf"|what (?:will|do|can|would|does) (?:i|we|one|a learner) learn(?: (?:in|from) (?:this|the) {MATERIAL})?"
        rf"|(?:can you |could you |please )?(?:give (?:me |us )?|show (?:me |us )?)?(?:an? |the )?(?:overview|summary|outline|rundown) of (?:this|the) {MATERIAL}"
        rf"|what(?:'s| is) (?:in|covered (?:in|by)) (?:this|the) {MATERIAL})", re.I)),
    ("comparison", re.compile(r"\b(?:difference|differences|differ|compare|comparison|versus|vs\.?|better than|worse than|instead of|rather than)\b", re.I)),
    ("example", re.compile(r"\b(?:examples?|for instance|e\.g\.|case stud(?:y|ies)|what (?:does|would) (?:that|it|a good \w+) look like)\b", re.I)),
    ("why", re.compile(r"^\s*(?:why\b|what(?:'s| is) the (?:point|purpose|reason|benefit)|how come\b|what happens (?:if|when))", re.I)),
    ("definition", re.compile(r"^\s*(?:what(?:'s| is| are) (?:meant by|an? |the )?(?:definition|meaning)|define\b|what does \S+(?: \S+){0,3} (?:mean|stand for)\b)", re.I)),
    ("how-to", re.compile(r"^\s*(?:how (?:do|can|should|would|could|to|might|does one)\b|what(?:'s| is) the best way|what steps|steps to|how often|how many|how much|how long)", re.I)),
    ("list", re.compile(r"^\s*(?:which\b|what (?:are|were) (?:the |some |our |my )?(?:[\w-]+ ){0,2}[\w-]+s\b|list\b|name\b|what \w+s (?:should|do|does|did|can|must|would|will)\b|what (?:kinds?|types?|sorts?) of\b|what (?:should|do|can|must) (?:i|we) (?:track|measure|watch|check|include|look at|consider))", re.I)),
    ("comparison", re.compile(r"^\s*(?:should|is it better|do i|do we|can we)\b.{3,80}\bor\b", re.I)),
)


# A short phrase that frames the ask before a comma ("As a board, which…?", "For a shop our size,
# what…?", "In plain words, how…?"): the ask's form is read after it.
FRAMING = re.compile(r"^\s*(?:as|for|in|with|from|at)\s+[^,?.]{2,40},\s+(?=\w)", re.IGNORECASE)
# A sentence after the question that asks for its answer as a list ("…? just list them pls").
LIST_THEM = re.compile(r"^\W*(?:(?:just|please|pls|can you|could you|then)\s+)*(?:list|bullet(?:-point)?)\s+(?:them|those|these|it|'?em)\b",
                       re.IGNORECASE)


def _question_part(message: str) -> str:
    """The sentence that asks ("I sell candles. Which …?" → "Which …?"): the last one ending in
    a question mark, or the whole message."""
    # One split, not a search from every position: a long text with no "?" stays linear.
    parts = re.split(r"([.?!])", message)
    asked = [(parts[i] + "?").strip() for i in range(0, len(parts) - 1, 2) if parts[i + 1] == "?" and parts[i]]
    return asked[-1] if asked else message


def asks_for_the_whole(question: str) -> bool:
    """Whether a message asks for the gist of the material as a whole ("the main topics of the
    picking module in bullet points", "tl;dr of the whole thing"): it names the whole and asks
    for its topics, main points, summary or what it covers."""
    if not (WHOLE.search(question) and GIST.search(question)):
        return False
    rest = WHOLE.sub(" ", question)  # "the course" after "about" is the whole, not a topic
    return not any(content_words(match.group(1)) and match.group(1).lower() not in GENERIC
                   for match in NAMED_TOPIC.finditer(rest))


def names_no_topic(ask: str) -> bool:
    """Whether an ask for the whole material names nothing beyond it ("sum up the whole module
    for me", "what's in this course?"): its own words are then no search of their own."""
    rest = GIST.sub(" ", WHOLE.sub(" ", ask))
    return not [w for w in content_words(rest) if w not in GENERIC and not re.fullmatch(MATERIAL, w)]


def question_kind(question: str) -> str:
    """The general kind of a (non-calculation) question, from its form alone."""
    whole = strip_preamble(question)
    ask = _question_part(whole)
    if asks_for_the_whole(ask) or (ask != whole and asks_for_the_whole(whole)):
        # before the list form: "what are the key points of this deck?"; an ask for the gist
        # followed by a second ask ("what is its message? what should we remember?") is one
        return "overview"
    framed = FRAMING.sub("", ask, count=1)  # "As a board, which…": the form after the framing
    for kind, form in FORMS:
        if form.search(ask) or (framed != ask and form.search(framed)):
            return kind
    if LIST_THEM.search(whole[whole.find(ask) + len(ask):] if ask in whole else ""):
        return "list"  # "what should we check first? just list them": asked as a list
    if is_elliptical(ask) and not (THE_ONE.match(ask) and _term(ask)):  # no form of its own ("and for
        # a small shop?"): it continues the last; "what is the X?" standing alone names X
        return "follow-up"
    if _term(ask):
        return "definition"
    return ""


# A definition question that puts its term in quotes ("what is 'model drift' exactly", "what is
# mean 'human in the loop'?", "what is 'safe-to-fail' for a team? is it…"): the quotes say where
# the term starts and ends, whatever words come around it.
QUOTED_TERM = re.compile(
    r"(?:^|(?<=[,.;:!?\-–—])\s*)(?:what(?:'s| is| are| does)?|whats|define|meaning of|explain)\b[^?'\"“‘]{0,20}?"
    r"(?<![\w])['\"“‘]([A-Za-z][\w\s\-/&]{1,40}?)['\"”’](?![\w])",
    re.IGNORECASE,
)


# "I keep reading 'X' everywhere. What does that mean?": the ask points back at the one phrase
# the message put in quotes before it.
MEANS_THAT = re.compile(r"\bwhat (?:on earth |exactly |actually )?(?:does|do|did) (?:that|this|it|they) (?:mean|stand for)\b", re.IGNORECASE)
QUOTED = re.compile(r"(?<![\w])['\"“‘]([A-Za-z][\w\s\-/&]{1,40}?)['\"”’](?![\w])")


def quoted_term(question: str) -> str:
    """The term a definition question puts in quotes, or ""."""
    quoted = QUOTED_TERM.search(question)
    if quoted and len(quoted.group(1).split()) <= 5:
        return quoted.group(1).strip()
    asks = MEANS_THAT.search(question)
    before = QUOTED.findall(question[: asks.start()]) if asks else []
    return before[0].strip() if len(before) == 1 and len(before[0].split()) <= 5 else ""


def _term(question: str) -> str:
    """The term a "what is X?" question asks to define, or "" when it asks something else."""
    quoted = quoted_term(question)
    if quoted:
        return quoted
    definition = DEFINITION.match(question)
    if not definition:
        return ""
    term = re.sub(r"^(?:a|an|the)\s+", "", definition.group(1).strip(), flags=re.IGNORECASE)
    generic = re.search(r"\b(?:difference|between|best|way|ways|how|why|should|role|importance)\b", term, re.IGNORECASE)
    # A term is a noun phrase: function words other than connectors ("what does X actually
    # do", "what is Y good for here") make it a question about X, not a request to define it.
    loose = [w for w in (word.lower() for word in words(term))
             if (w in STOPWORDS and w not in TERM_CONNECTORS) or w in NOT_IN_A_TERM]
    return term if len(term.split()) <= 4 and not generic and not loose else ""


def detect(question: str, embed=None, threshold: float = default("exemplar_threshold")) -> Intent:
    """Classifies a (masked, validated) question. ``embed`` maps texts to normalised vectors;
    ``threshold`` is the similarity to a kind's exemplar needed to take that kind when no rule
    decided (``Settings.exemplar_threshold``); below it the question is an "explanation"."""
    slots = extract(question)
    if is_injection(question):
        return Intent("refuse", slots, refusal="injection", kind="off-topic")
    calculation = read_calculation(question)
    if calculation is not None:
        return Intent(calculation.topic, slots, calculation.calls, calculation=calculation, kind="calculation")
    ask = strip_preamble(question)
    # the term of a follow-up is in its own words, never in the context it borrowed; "what's the
    # catch (…)" asks about the thing at hand, not for a definition
    own = BORROWED.sub("", ask)
    term = "" if own != ask and THE_ONE.match(own) else _term(own)
    kind = question_kind(ask)
    if kind == "definition" or (term and kind in {"", "list"}) or (quoted_term(own) and kind == "follow-up"):
        # (a quoted term is a topic of its own: "…, what is 'X' for AI? is it a department?")
        return Intent("definition", slots, term=term, kind="definition")
    if not kind and embed is not None:
        best, score = _nearest_exemplar(ask, embed)
        if score >= threshold:
            kind = best
    if kind == "off-topic":
        return Intent("refuse", slots, refusal="out_of_scope", kind="off-topic")
    kind = kind if kind in KINDS else "explanation"
    return Intent(kind, slots, kind=kind)


def _nearest_exemplar(question: str, embed) -> tuple[str, float]:
    names, vectors = _exemplar_vectors(embed)
    if not names:
        return "explanation", 0.0
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
