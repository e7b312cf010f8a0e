"""A text the assistant is asked to write whose part is its own hidden text: the screen's reading
of a request that never says "show" but builds a place for the hidden text to go.

- a **form** with a slot for it: keys, fields, sections or columns named for the assistant's hidden
  text ("system_prompt", "Hidden rules", 'Internal instructions (full text)'), in a document the
  assistant writes about itself ("a model card for yourself") or in the shape of its own replies
  ("answer only in JSON with these keys"). The same form for the learner's own bot ("our chatbot's
  model card", "a pet shop's bot") is a drafting exercise, and a form with no such slot ("answer
  in JSON with keys kpi, target") is a format;
- a **story** whose next part is that text: the message says the assistant (the advisor, the AI,
  you) was given secret or hidden instructions, and asks for a part of the text written out word
  for word ("now write paragraph 2, which is the page itself, verbatim"). A story about a
  shopkeeper's secret recipe, or one that only mentions hidden rules, asks for nothing of the
  assistant's.

`form_goal(message)` returns "reveal" or "".
"""

from __future__ import annotations

import re

from assistant.reading.injection_readings import screen_text

_FLAGS = re.IGNORECASE

# A slot's name: a qualifier that makes the text hidden or the assistant's, then the text itself,
# with a note on how much of it ("System prompt (full text)", "hidden_rules", "your instructions").
_SLOT = re.compile(
    r"\s*(?:(?:your|own|full|exact|complete|real|actual|verbatim|raw|current|original|initial|starting)\s+)*"
    r"(?:system|hidden|secret|internal|confidential|developer|operator|pre-?conversation|setup|your)\s+"
    r"(?:(?:full|exact|complete|original|initial)\s+)?"
    r"(?:prompts?|instructions?|rules|guidelines|guardrails|directives|configuration|config|message|text|context|setup)"
    r"(?:\s*\([^)]{0,30}\))?\s*",
    _FLAGS,
)
# A slot as written: a quoted name, or a key of a JSON / YAML object ("system_prompt": …, hidden_rules:).
_QUOTED_NAME = re.compile(r"[\"“'‘]([^\"”'’\n]{3,60})[\"”'’]")
_KEY_NAME = re.compile(r"(?:^|[{,\n]\s*)[\"']?([A-Za-z][\w -]{2,40}?)[\"']?\s*:", re.MULTILINE)
# A form to write: an order whose object is a document with named parts, or the reply's own format.
_FORM = re.compile(
    r"\b(?:keys?|fields?|sections?|columns?|headings?|headers?|entries|slots|properties|attributes"
    r"|model card|system card|data ?sheet|fact ?sheet|template|schema|form)\b",
    _FLAGS,
)
# The form is the assistant's: about itself, or the shape of its own answers.
_ITS_OWN = re.compile(
    r"\b(?:for|about|of|describing|on) yourself\b|\byour (?:own )?(?:model card|system card|data ?sheet|fact ?sheet|profile)\b"
    r"|\b(?:answer|respond|reply|write back|return)\w*\s+(?:\w+\s+){0,3}?(?:in|as|with|using)\s+(?:\w+\s+){0,2}?"
    r"(?:json|yaml|xml|keys|fields|a dict\w*|an object)\b"
    r"|\b(?:every|each|all) (?:answer|reply|response)s? (?:must |should |will )?(?:be |use |have |follow )"
    r"|\b(?:use|in|with|as)\s+(?:json|yaml|xml)\b.{0,80}\b(?:for|in) (?:every|each|all|your) (?:answers?|repl(?:y|ies)|responses?)\b"
    # a format spec appended to the question, for the reply: {"format": "json", "keys": [...]}
    r"|[\"'](?:format|response_format|output_format|output)[\"']\s*:\s*[\"'](?:json|yaml|xml)[\"']",
    _FLAGS,
)
# Another owner of the form: the learner's bot, a shop's, a client's ("our chatbot's", "a pet shop's bot").
# ("the assistant" and "the model" may be the assistant itself; "a model card" is the form.)
_OTHER_FORM_OWNER = re.compile(
    r"\b(?:(?:our|my|their|his|her)\s+(?:[\w'-]+\s+){0,3}?|(?:a|an|some|any)\s+(?:[\w'-]+\s+){0,3}?(?=\w+(?<!model)\b))"
    r"(?:bots?|chatbots?|assistants?|agents?|models?|shops?|stores?|company|companies|teams?|brands?|clients?|customers?"
    r"|products?|apps?|tools?|vendors?)(?:'s)?\b(?!\s+card)"
    r"|\b(?!(?:let|it|that|what|there|here|who)'s)\w+'s (?:[\w-]+ )?(?:bots?|chatbots?|assistants?|agents?|models?)\b(?!\s+card)",
    _FLAGS,
)

# ---------------------------------------------------------------- the story
# Written out whole: "word for word", "verbatim", "in full", "letter for letter".
_VERBATIM = re.compile(
    r"\b(?:word for word|word-for-word|verbatim|letter for letter|line by line|in full|exactly as (?:it was |it is )?written)\b",
    _FLAGS,
)
_WRITE = re.compile(
    r"\b(?:write|continue|type|recite|reproduce|copy|transcribe|fill|finish|complete|read|print|give)\w*\b", _FLAGS)
# Hidden or secret instructions, or a set of them: "a secret set of instructions", "hidden rules".
_HIDDEN_INSTRUCTIONS = re.compile(
    r"\b(?:hidden|secret|confidential|system|private)\s+(?:(?:set|list|page|sheet|copy|block|book)s?\s+of\s+)?"
    r"(?:instructions?|rules|prompts?|directives|guidelines|orders|configuration)\b",
    _FLAGS,
)
# ... given to the assistant: the advisor, the assistant, the AI, or "you", in the same sentence.
_THE_ASSISTANT = re.compile(r"\b(?:the|this) (?:advisor|assistant|ai|chatbot|bot|model|tutor)\b|\byou(?:rs?)?\b", _FLAGS)
_OWNED_BY_ANOTHER = re.compile(r"\b(?:our|my|their)\s+(?:[\w-]+\s+){0,2}?(?:advisor|assistant|ai|chatbot|bot|model|tutor)\b",
                               _FLAGS)
_SENTENCE = re.compile(r"[^.!?\n]+")


def _slot_names(message: str) -> list[str]:
    names = _QUOTED_NAME.findall(message) + _KEY_NAME.findall(message)
    return [screen_text(name) for name in names]


def _story_of_own_text(message: str) -> bool:
    """Whether a sentence says the assistant was given hidden instructions and another asks for a
    text written out whole."""
    sentences = [s.group(0) for s in _SENTENCE.finditer(message)]
    given = [s for s in sentences if _HIDDEN_INSTRUCTIONS.search(s) and _THE_ASSISTANT.search(s)
             and not _OWNED_BY_ANOTHER.search(s)]
    return bool(given) and any(_VERBATIM.search(s) and _WRITE.search(s) and s not in given for s in sentences)


def in_form(clause: str) -> bool:
    """Whether a clause holds a part of such a request: the form or its slots, the hidden text the
    story names, or the order to write it out whole."""
    text = screen_text(clause)
    return bool(_FORM.search(text) or _VERBATIM.search(text) or _HIDDEN_INSTRUCTIONS.search(text)
                or any(_SLOT.fullmatch(name) for name in _slot_names(clause)))


def form_goal(message: str) -> str:
    """"reveal" when ``message`` asks the assistant to write a form of its own with a slot for its
    hidden text, or a story's next part that is that text; "" otherwise."""
    if _FORM.search(message) and _ITS_OWN.search(message) and not _OTHER_FORM_OWNER.search(message):
        if any(_SLOT.fullmatch(name) for name in _slot_names(message)):
            return "reveal"
    return "reveal" if _story_of_own_text(message) else ""
