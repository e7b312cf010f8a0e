"""The prompt-injection screen (OWASP LLM01) every brain shares, and the planted-text filter.

`is_injection` reads a user's message the way an attacker hopes it will not be read: it
normalises the text into a few *readings* (look-alike letters mapped to Latin, combining marks
and invisible characters dropped, letters split by separators joined, word separators turned
into spaces, line breaks inside words healed) and refuses when any reading asks the assistant
to drop its rules, reveal its prompt or take on another persona.

The patterns name what an instruction *to the assistant* looks like (a verb that drops or reveals,
an object the assistant owns, an imperative at the start of a clause), not the wording of any one
attack, so ordinary strategy questions that share words with attacks ("should my store act as a
first mover", "our checkout system prompts shoppers") still pass.

`unsafe_sentence` is the stricter filter for text the advisor might *quote* (course passages):
it also rejects sentences addressed to an AI reader or asking for payment secrets.
"""

from __future__ import annotations

import re
import unicodedata

# Things an instruction to the assistant tells it to drop ("ignore previous instructions").
_DROP_VERBS = r"ignore|forget|disregard|override|bypass|skip"
_QUALIFIERS = r"all|any|the|of|your|my|previous|prior|above|earlier|original|initial|these|those"
_RULE_NOUNS = r"instructions|rules|prompts?|directions|guidelines|guidance|programming"
# What only the assistant itself has: dropped or revealed when the message says "your ...".
_OWNED_NOUNS = (
    r"instructions|rules|configuration|config|prompt|guidelines|guidance|guardrails|safeguards"
    r"|restrictions|filters|programming|directives"
)
_REVEAL_VERBS = r"reveal|print|show|repeat|output|tell me|leak|display|dump|translate|give me|list"
# Discourse words that may precede an imperative at the start of a clause ("okay, now act as").
_LEAD_INS = r"ok(?:ay)?|now|so|then|and|also|please|alright|well|right|hey|from now on|just"
# Imperatives that switch persona when addressed to the assistant.
_PERSONA_VERBS = (
    r"act|respond|reply|behave|speak|talk|roleplay|role-play|pretend to be|pretend (?:that )?you(?:'re| are)"
    r"|play the role of"
)

INJECTION = re.compile(
    # drop the rules: "ignore (all of your previous) instructions"
    rf"\b(?:{_DROP_VERBS})\b(?:\s+(?:{_QUALIFIERS}))*\s+(?:{_RULE_NOUNS})\b(?!\s+of thumb)"
    rf"|\b(?:{_DROP_VERBS})\s+(?:all\s+)?(?:of\s+)?your\s+(?:\w+\s+)?(?:{_OWNED_NOUNS})\b(?!\s+of thumb)"
    r"|\b(?:ignore|disregard|forget)\s+everything\s+(?:above|before|you (?:were|have been) told)"
    # reveal the prompt: "show me your initial prompt"
    rf"|\b(?:{_REVEAL_VERBS})\b.{{0,30}}"
    r"\b(?:system\s*prompt|instructions you were given|hidden prompt|api key|text of your prompt"
    rf"|your\s+(?:\w+\s+){{0,2}}(?:{_OWNED_NOUNS})\b(?!\s+of thumb))"
    r"|\b(?:your|the hidden|the original|the initial)\s+system\s*prompt\b(?!s)"
    # switch persona: an imperative at the start of a clause, possibly after lead-in words
    rf"|(?:^|[.!?;:,]|\n)\s*(?:(?:{_LEAD_INS})\b[,\s]*)*(?:{_PERSONA_VERBS})\s+as\s+"
    r"(?:an?|the|if|though|my|your|someone|somebody|\w+ (?:ai|bot|assistant|model))\b"
    r"|^\s*(?:please\s+)?(?:pretend (?:to be|you are|you're)|roleplay as|play the role of)\b"
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
# Characters that may sit between single letters of a spelled-out word ("i.g.n.o.r.e").
_LETTER_SEPARATORS = r"[ .\-_·•*/|~+]"
_SPELLED_OUT = re.compile(rf"(?<![a-z])(?:[a-z]{_LETTER_SEPARATORS}){{3,}}[a-z](?![a-z])", re.IGNORECASE)
_SEPARATOR_CHARS = re.compile(_LETTER_SEPARATORS)


def _plain_letters(text: str) -> str:
    """Compatibility forms folded (fullwidth, ligatures), invisible format characters and
    combining marks (accents, strike-through overlays) dropped, look-alikes mapped to Latin."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Mn")
    return unicodedata.normalize("NFC", text).translate(CONFUSABLES)


def screen_text(text: str) -> str:
    """The text as the injection screen reads it: plain letters, spelled-out letters joined,
    word separators (``_``, ``-``) read as spaces, whitespace collapsed."""
    text = _plain_letters(text)
    text = _SPELLED_OUT.sub(lambda m: _SEPARATOR_CHARS.sub("", m.group(0)), text)
    text = re.sub(r"(?<=\w)[_-]+(?=\w)|_+", " ", text)
    return re.sub(r"[^\S\n]+", " ", text)


def readings(text: str) -> list[str]:
    """Every way the screen reads a message: as written, normalised, and normalised with line
    breaks healed (a line break may split a word as easily as it separates two)."""
    screened = screen_text(text)
    healed = re.sub(r"(?<=[a-z])[ \t]*\n\s*(?=[a-z])", "", screened, flags=re.IGNORECASE)
    return list(dict.fromkeys([text, screened, healed]))


def is_injection(text: str) -> bool:
    """Whether any reading of the message asks the assistant to drop its rules, reveal its
    prompt or change persona."""
    return any(INJECTION.search(reading) for reading in readings(text))


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
    """Whether a sentence must never be quoted as advice."""
    return is_injection(text) or bool(UNSAFE_ADVICE.search(text))
