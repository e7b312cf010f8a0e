"""The form of course text an ask wants: a figure for "how fast…", a rhythm for "how often…", a
length of time for "how long…", a reason for "why", an example, a whole list, a name, a
definition of the asked term (``kind_fit``), and the ask itself without the context a follow-up
borrowed (``own_ask``). General English only; the composer (compose.py) weighs units by it."""

from __future__ import annotations

import re

from assistant.answering.definitions import DEFINING_KINDS, MEASURED, asked_term, definition_of, defines
from assistant.text import content_words, stem
from knowledge.chunking import Unit

# Words by which a unit gives a reason, or an example.
REASON = re.compile(r"\b(?:because|since|so that|leads? to|leading to|results? in|causes?|otherwise|without|risks?|prevents?|ensures?|helps?|in order to|which means|due to|allows? for)\b", re.I)
EXAMPLE = re.compile(r"\b(?:for example|for instance|e\.g\.|such as|imagine|e\.g,|case study|like a|scenario"
                     r"|examples? (?:include|are|of this|would be)|worked example)\b|(?:^|\b)examples?\s*:", re.I)


# A unit that is itself an example: it opens with the label or the phrase that gives one.
EXAMPLE_OPENING = re.compile(
    r"^\W{0,3}(?:(?:an? |the )?(?:[A-Za-z-]+ ){0,2}(?:examples?|case stud(?:y|ies)|scenario"
    r"|illustration)\b(?:\s*\d+)?\s*[:.–—-]|examples?\b[^.:;]{0,60}?\b(?:include|includes|are|would be)\b"
    r"|for (?:example|instance),|imagine\b|e\.g\.,?\s)", re.IGNORECASE)


# The context a follow-up borrows from the turn before, after its own ask ("what goes in the
# first email (win-back flow)?", assistant/reading/elliptical.py).
CONTEXT = re.compile(r"\s*\(([^()]*)\)\s*\??\s*$")


def own_ask(question: str) -> str:
    """A follow-up's own ask, without the context it borrowed in brackets at its end."""
    context = CONTEXT.search(question)
    return question[: context.start()] if context else question


# A question that asks for a quantity, a time or a limit ("how fast…", "when should…", "what
# complaint rate is too high?"): a unit that states a figure answers it.
QUANTITY = re.compile(
    r"\bhow (?:fast|quickly|soon|often|long|much|many|high|low|big|far|warm|cold|hot)\b|\bwhen (?:should|do|does|must|to|exactly)\b"
    r"|\bwhat (?:\w+ )?(?:rate|percentage|share|level|temperature|number|threshold|limit|time|deadline|age|size)\b"
    r"|\btoo (?:high|low|many|much|long|often|late|early)\b|\bwithin how\b",
    re.IGNORECASE,
)
FIGURE = re.compile(r"\d")
# An ask for how a quantity is computed ("how do I work out…", "how is X calculated?"), and a unit
# that states a formula in words ("Litres = area × rainfall", "margin: price − cost ÷ price").
WORK_OUT = re.compile(
    r"\bhow (?:do|can|should|would|could|to|does one) (?:i |we |you |one )?(?:work out|calculate|compute|figure out|estimate)\b"
    r"|\bhow (?:is|are|do you|do i) [\w' -]{1,40}?(?:calculated|worked out|computed|estimated|figured out)\b"
    r"|\b(?:what(?:'s| is) the )?formula (?:for|to)\b", re.IGNORECASE)
FORMULA = re.compile(r"[A-Za-z)]\s*(?:=|×|÷)\s*\(?[A-Za-z]|[A-Za-z)]\s+[x*/]\s+\(?[A-Za-z]")
# Asks for a rhythm ("how often…", "how frequently…") and asks for a length of time ("how long…",
# "how much time…"): a figure alone does not answer them, a unit that states a rhythm ("every two
# weeks", "monthly or quarterly", "twice a year") or a duration ("30 minutes", "within a day") does.
HOW_OFTEN = re.compile(r"\bhow (?:often|frequently|regularly)\b|\bhow many times\b|\bat what (?:frequency|interval)\b", re.I)
HOW_LONG = re.compile(r"\bhow (?:long|much time)\b|\bfor how long\b|\bwithin how\b", re.I)
TIME_UNIT = r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|fortnights?|months?|quarters?|years?|business (?:hours?|days?))"
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
NUMBER_WORD = r"(?:\d[\d.,]*|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty|sixty|ninety|half an?|a few|several)"
RHYTHM = re.compile(
    rf"\b(?:daily|weekly|fortnightly|monthly|quarterly|yearly|annually|hourly|biweekly|bi-weekly|nightly)\b"
    rf"|\bevery\s+(?:{NUMBER_WORD}(?:\s*(?:-|–|to|or)\s*{NUMBER_WORD})?\s+|other\s+|single\s+)?(?:[\w-]+\s+)?(?:{TIME_UNIT}|{WEEKDAY})\b|\b(?:once|twice|\d+\s+times|{NUMBER_WORD} times) (?:a|an|per|each|every)\b"
    rf"|\b(?:each|per|a|an) (?:day|week|month|quarter|year|shift|season)\b|\bat least (?:once|every|annually|monthly|weekly|yearly)\b",
    re.I,
)
DURATION = re.compile(rf"\b{NUMBER_WORD}(?:\s*(?:-|to|–|or)\s*{NUMBER_WORD})?[\s-]*{TIME_UNIT}\b", re.I)


# An ask for who does something ("and who owns that?", "who signs it off?"), and the words by which a
# unit names people: a team, a role, a group (general English, no course's roles).
WHO_ASK = re.compile(r"^\W*(?:(?:and|but|so|ok(?:ay)?|then),?\s+)*who\b(?!\s+(?:else|knows)\b)", re.I)
PEOPLE = re.compile(
    r"\b(?:teams?|staff|managers?|owners?|leads?|leaders?|officers?|committees?|boards?|departments?|specialists?"
    r"|analysts?|experts?|engineers?|scientists?|executives?|directors?|heads? of|members?|employees?|people|humans?"
    r"|coordinators?|champions?|volunteers?|stakeholders?|colleagues?|supervisors?|administrators?|admins?"
    r"|cross-functional|in-house|yourself|someone|whoever)\b", re.I)


def strict_form(question: str) -> re.Pattern[str] | None:
    """The form a unit must have to answer the ask at all, when its words demand one: a rhythm
    for "how often…", a length of time for "how long…"; None for other asks."""
    ask = own_ask(question)
    if HOW_OFTEN.search(ask):
        return RHYTHM
    if HOW_LONG.search(ask):
        return DURATION
    return None


def kind_fit(kind: str, question: str, unit: Unit, term: str = "") -> float:
    """1 when the unit has the form the question's kind asks for, else 0: a definition of the
    asked term (what is X, how is X measured), a figure (how fast, when, what rate), the people
    (who), a reason (why), an example (example), a whole list (list)."""
    text = unit.text
    if names_a_figure_of(own_ask(question), text):
        return 1.0
    if NAMING.search(question):  # "what do they call it when…": a unit that gives a thing its name
        return float(bool(NAMES.search(text)))
    if WHO_ASK.search(own_ask(question)):  # "who owns that?": a unit that names the people
        return float(bool(PEOPLE.search(text)))
    if kind in DEFINING_KINDS or MEASURED.search(question):
        if term and definition_of(term).search(text):
            return 1.0
        return float(defines(unit, asked_term(question) or {stem(w) for w in content_words(term)}))
    if WORK_OUT.search(own_ask(question)) and FORMULA.search(text):  # "how do I work out X?": the
        # rule that computes it, before the worked figures that illustrate it
        return 1.0
    if HOW_OFTEN.search(own_ask(question)):
        return float(bool(RHYTHM.search(text)))
    if HOW_LONG.search(own_ask(question)):
        return float(bool(DURATION.search(text)))
    if QUANTITY.search(question):
        return float(bool(FIGURE.search(text)))
    if kind == "why":
        return float(bool(REASON.search(text)))
    if kind == "example":  # a unit that is an example ("Example: in March…") over one that
        # only names some in passing ("…personal data, such as phone numbers")
        return 1.0 if EXAMPLE_OPENING.match(text) else 0.5 * bool(EXAMPLE.search(text))
    if kind == "list":  # "which segments…", "list the rules…": a lead-in with its whole list, or
        # a prose sentence that names the members itself ("… include A, B and C")
        return 1.0 if unit.kind == "list" else float(unit.kind == "sentence" and enumerates(text))
    return 0.0


NUMBER = re.compile(r"(?<![\w.,])\d[\d,]*(?:\.\d+)?")
# A question that describes a thing and asks for its name ("what do they call it when…", "is
# there a word for…"), and how a unit gives a name: a quoted term, or an acronym in brackets.
NAMING = re.compile(
    r"\bwhat(?:'s| is| are) (?:it|this|that|they) called\b|\bwhat do (?:they|you|we|people|experts) call\b"
    r"|\b(?:is there an?|what(?:'s| is) the) (?:name|term|word|phrase) for\b|\bcalled\?",
    re.IGNORECASE,
)
NAMES = re.compile(r"[\"“][^\"”]{3,40}[\"”]|\([A-Z][A-Za-z]{1,6}\)"
                   # a capitalised name with its initials after a dash ("Order Management Systems - OMSs")
                   r"|\b(?:[A-Z][a-z]+ ){1,4}[A-Z][a-z]+\s+[-–]\s+[A-Z]{2,6}s?\b")


def names_a_figure_of(question: str, text: str) -> bool:
    """Whether ``text`` holds a figure the question itself names ("why divide by 0.7?", "what
    are the 90-day numbers for?"): the unit that holds the figure is the one being asked about."""
    asked = {n.replace(",", "") for n in NUMBER.findall(question)}
    return bool(asked) and bool(asked & {n.replace(",", "") for n in NUMBER.findall(text)})


# A sentence that lists members in its own words: a cue ("include", "such as", "like", a colon)
# followed by at least three members separated by commas or semicolons.
ENUMERATION_CUE = re.compile(r"\b(?:includ(?:e|es|ing)|such as|like|namely|consists? of|comprises?)\b|:", re.IGNORECASE)


def enumerates(text: str) -> bool:
    """Whether a prose sentence enumerates three or more members after a listing cue."""
    cue = ENUMERATION_CUE.search(text)
    if not cue:
        return False
    tail = re.sub(r"\([^()]*\)", "", text[cue.end():])  # an aside in brackets is not a member
    return len(re.findall(r"[,;]", tail)) >= 2
