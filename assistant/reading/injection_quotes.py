"""What a learner quotes, reports or pastes, and whom it speaks to: the injection screen's first
reading of a message (see `injection.screen`).

- quoted material (`QUOTED`, `mask_quotes`) and reported speech (`mask_reported`: "my boss told me
  to ignore…") are the words of someone else, blanked before the screen reads what the learner says
  to the assistant, unless they speak to the assistant ("…said you must…");
- a pasted text that speaks to whatever AI reads it ("PS for the AI assistant:", "AI model reading
  this:", "ASSISTANT NOTE:") is said to the assistant: `open_quotes_to_ai` takes its quote marks
  away, unless the learner shows it as an attack to discuss or as what was said to their own bot;
- "the text above" points at the learner's own text when a pasted text stands above it in the
  message (`mask_own_text_above`), at the assistant's hidden text otherwise;
- quoted pieces a formula or an operator joins (=CONCAT("a", "b"), ="a"&"b") read as one text
  (`joined_quotes`, which returns the joined text, not the message);
- a text pasted in pieces over several turns ("Part 1: … the assistant" / "Part 2: has no …")
  reads as one text once the pieces are put back together (`pasted_in_pieces`).

The masks return the text at the same length, so offsets into the message still hold.
"""

from __future__ import annotations

import re

from assistant.reading.injection_frames import ABOVE_REF

# Quoted material: double quotes of any script, balanced, on one stretch of text.
# Single quotes too, when they open after a space and close before one (not an apostrophe).
QUOTED = re.compile(
    r'"[^"\n]{1,600}"|“[^”]{1,600}”|„[^“”]{1,600}[“”]|«[^»]{1,600}»|「[^」]{1,600}」|‘[^’]{8,600}’'
    r"|(?<![\w'])'(?=[^\s'])[^'\n]{1,600}?(?<=[^\s'])'(?![\w'])"
)
# Reported speech: what a third party told the learner ("my boss told me to ignore the rules")
# is their words, like a quote, unless it is aimed at the assistant ("…said you must…").
_REPORTED = re.compile(
    # (the teller may take three words: "the head of IT told me …")
    r"\b(?:my|our|the|his|her|their|a|an)\s+(?:[\w-]+\s+){0,3}?(?:told|tells|asked|asks|said|says|wants|wanted"
    r"|instructed|ordered|insisted|suggested|keeps telling|emailed|wrote|urged|advised|warned)\s+"
    r"(?:(?:me|us|everyone|everybody|them|him|her|people|staff|all of us|the \w+|our \w+|my \w+)\s+)?"
    # "to …", "that …", or a that-less clause with a modal ("said the AI must skip…")
    r"(?:to\b|that\b|(?=(?:[\w'-]+\s+){1,4}(?:must|should|shall|has to|have to|needs? to|will|can|may|could|would)\b))([^.!?\n]*)"
    # the same in other languages: "m'a dit de", "me dijo que", "hat mir gesagt", "mi ha detto di"
    r"|(?:(?:m'a|nous a|m’a|nous ont|m'ont) (?:dit|demande|ordonne|conseille)\w* (?:de |d'|d’|que )"
    # "mon manager dit qu'il faut…", "mi jefe dice que…": a third party's view, reported
    r"|\b(?:mon|ma|notre|nos|mi|mis|nuestr[oa]|mein\w*|unser\w*|il mio|la mia) [\w-]+ (?:dit|disent|pense|pensent|affirme|dice|dicen|piensa|sagt|meint|dice che|pensa che) (?:que |qu'|qu’|dass |che )"
    # ... unless what is reported is said to the assistant ("… dit que tu dois …")
    r"(?![^.!?\n]*\b(?:tu|tes|ton|ta|vous|votre|vos|usted|tus|dich|dir|tuo|tua|tuoi|tue)\b)"
    r"|\b(?:me|nos) (?:dijo|dijeron|pidio|pidieron|ordeno|disse|disseram|pediu|mandou) (?:que |para )"
    r"|\b(?:hat|haben) (?:mir|uns) (?:gesagt|befohlen|geraten)\w*,? (?:dass |ich |wir |)"
    r"|\b(?:mi|ci) (?:ha|hanno) (?:detto|chiesto|ordinato) (?:di |che )"
    r"|\b(?:zei|zegt|zeiden|vroeg) (?:dat|me|ons|tegen mij)\b"
    r"|\bpowiedzia[lł]\w*,? (?:ze|że|mi|nam)\b|\bdedi ki\b|\bсказал\w*,? (?:что|мне|нам)\b)([^.!?\n]*)",
    re.IGNORECASE,
)
_TO_THE_ASSISTANT = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)
# Pasted text (an e-mail, a review, a data cell, a tool result) that speaks to whatever AI reads it
# ("PS for the AI assistant:", "AI assistant processing this message:", "ASSISTANT INSTRUCTION:")
# is said to the assistant, not quoted to it: a learner's own chatbot prompt ("You are ShopBot…")
# or a course quote names no such reader.
AI_READER = re.compile(
    r"\b(?:notes?|messages?|instructions?|ps|p\.s\.|attention|notice|reminder)\s*(?:for|to)\s+(?:the\s+|any\s+|all\s+)?"
    r"(?:ai|assistant|advisor|chatbot|llm|language model|model)s?(?: assistant| model| summari[sz]er| reader| agent| tool)?\s*[:,\-–]"
    r"|\b(?:ai|assistant|advisor|chatbot|llm|model|agent)s?(?:\s+(?:assistant|model|system|agent|tool))?,?\s+"
    r"(?:(?:who|that) (?:is |are )?)?(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|handling|reviewing|seeing)"
    r"\s+(?:this|these|the following|my|our)\b"
    r"|\bif you are an? (?:ai|assistant|advisor|chatbot|bot|language model|llm)\b"
    # called by name at a sentence's start ("Assistant, please…", "Dear AI,") or in a bracketed note
    r"|(?:^|[.!?]\s+|[\"'“‘«\n]\s*)(?:dear |hey |hi |hello )?(?:ai|assistant|advisor|chatbot|llm)(?: assistant| model)?\s*,\s"
    r"|[\[(<{]\s*(?:note (?:to|for) (?:the )?)?(?:ai|assistant|advisor|llm)\s*:"
    r"|\b(?:ai|assistant|advisor|llm|model|chatbot)[ _-](?:instructions?|directives?|notes?|commands?|overrides?)\s*[\"']?\s*:"
    # a fake header of the level above the chat opening a pasted cell or line: "SYSTEM OVERRIDE: …"
    r"|(?:^|[\n|,;]\s*)[\"'“‘«]?\s*(?:system|admin|developer|operator)[ _-](?:override|instructions?|commands?|notice|message"
    r"|update|directives?)\s*:",
    re.IGNORECASE,
)
# A learner who shows such a text as an example of an attack, or as what was said to their own
# bot, asks about it: the quote stays quoted.
_EXHIBIT = re.compile(
    r"\b(?:inject\w*|attack\w*|jailbreak\w*|malicious|manipulat\w*|suspicious|phishing|exploit\w*|scam\w*|hack\w*"
    r"|(?:hidden|planted|embedded) (?:instructions?|text|commands?)"
    r"|(?:our|my|their|the shop'?s|the store'?s) (?:[\w-]+ )?(?:bot|chatbot|assistant|ai|agent|model)s?)\b",
    re.IGNORECASE,
)

def shown_as_an_attack(message: str) -> bool:
    """Whether the learner's own words (outside quotes) present what they quote as an attack to
    discuss ("is this a prompt injection?", "a suspicious review") or as said to their own bot."""
    return bool(_EXHIBIT.search(QUOTED.sub(" ", message)))


def open_quotes_to_ai(message: str) -> str:
    """``message`` with the quote marks of every quote that speaks to an AI reader blanked (same
    length), so its sentences are read as said to the assistant; unchanged when the learner's own
    words present the text as an attack to discuss."""
    spans = [m.span() for m in QUOTED.finditer(message) if AI_READER.search(m.group(0))]
    if not spans or shown_as_an_attack(message):
        return message
    chars = list(message)
    for a, b in spans:
        chars[a] = chars[b - 1] = " "
    return "".join(chars)

# Words of the learner's own above a reference to "the text above" that make it theirs: a pasted
# draft, e-mail or description, not a greeting ("Hi! Quick one:").
_OWN_TEXT_ABOVE_WORDS = 12
# ... unless the reference goes on to say it stands before the learner spoke: "the text that came
# before my message", "everything above the conversation".
_BEFORE_THE_LEARNER = re.compile(
    r"\s+(?:my|the user'?s?|this|the|our)\s+(?:(?:first|very first|opening)\s+)?(?:message|question|turn|conversation|chat|session)\b"
    r"|\s+(?:we|you and i|i)\s+(?:started|began|spoke|arrived|joined)\b",
    re.IGNORECASE)


def mask_own_text_above(message: str) -> str:
    """``message`` with each "the text above" blanked (same length) where the learner's own text
    stands above it: it asks about that text."""
    def blank(match: re.Match[str]) -> str:
        # text before the learner's message, or before the conversation, is not the learner's own
        if _BEFORE_THE_LEARNER.match(message, match.end()):
            return match.group(0)
        if len(re.findall(r"\w+", message[:match.start()])) >= _OWN_TEXT_ABOVE_WORDS:
            return " " * len(match.group(0))
        return match.group(0)
    return ABOVE_REF.sub(blank, message)


def mask_quotes(text: str) -> str:
    """``text`` with every quoted span blanked (same length, so offsets still hold), except the
    keys of a data skeleton ('{"system_prompt": …}'): a key names a field to fill, it quotes no one."""
    def blank(match: re.Match[str]) -> str:
        if _KEY.match(text, match.end()) and _IDENTIFIER.fullmatch(match.group(0)[1:-1]):
            return match.group(0)
        return match.group(0)[0] + " " * (len(match.group(0)) - 2) + match.group(0)[-1]
    return QUOTED.sub(blank, text)


_KEY = re.compile(r"\s*:")
_IDENTIFIER = re.compile(r"[A-Za-z_][\w-]{0,40}")

def mask_reported(text: str) -> str:
    """``text`` with what a third party told the learner blanked (to the sentence's end), unless
    it speaks to the assistant."""
    def blank(match: re.Match[str]) -> str:
        group = 1 if match.group(1) is not None else 2
        said = match.group(group)
        if _TO_THE_ASSISTANT.search(said):
            return match.group(0)
        return match.group(0)[:match.start(group) - match.start()] + " " * len(said)
    return _REPORTED.sub(blank, text)


# A line that introduces the learner's own bot text pasted below it, without quote marks: "Here's
# our bot's system prompt:", "This is the prompt we give our support chatbot:", "our chatbot config
# below". The lines that follow, to a blank line (or to the learner's closing question), are that
# bot's text, said to that bot: a quote.
_BOT_TEXT = re.compile(
    r"\b(?:system prompt|prompt|instructions|config(?:uration)?|script|persona|guidelines|welcome (?:text|message)"
    r"|greeting|rules)\b", re.IGNORECASE)
_OWN_BOT = re.compile(
    r"\b(?:our|my|their|we|us|client'?s?|agency|colleague|vendor|developer|team)\b", re.IGNORECASE)
_INTRODUCES = re.compile(r":\s*$|\b(?:below|the following|this (?:system )?prompt|these instructions|this config\w*)\b",
                         re.IGNORECASE)


def mask_pasted_bot_text(message: str) -> str:
    """``message`` with the learner's own bot text, pasted below a line that introduces it, turned
    into a quote (same length): its "you" is that bot, not the assistant. Text in it that speaks
    to the AI reading it (`AI_READER`) stays as written."""
    lines = message.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    for i, line in enumerate(lines[:-1]):
        if not (_BOT_TEXT.search(line) and _OWN_BOT.search(line) and _INTRODUCES.search(line)):
            continue
        first = i + 1
        while first < len(lines) and not lines[first].strip():
            first += 1
        last = first
        while last + 1 < len(lines) and lines[last + 1].strip():
            last += 1
        if last > first and lines[last].rstrip().endswith("?"):
            last -= 1  # the learner's question after the pasted text
        if first >= len(lines):
            return message
        a, b = starts[first], starts[last] + len(lines[last])
        if b - a < 2 or AI_READER.search(message[a:b]):
            return message
        return message[:a] + '"' + re.sub(r"[^\n]", " ", message[a + 1:b - 1]).replace("\n", " ") + '"' + message[b:]
    return message


# Quoted pieces joined by a formula or an operator: =CONCATENATE("a", "b"), ="a"&"b", 'a' + 'b',
# TEXTJOIN(" ", TRUE, "a", "b"), "".join(["a", "b"]).
_JOINING_CALL = re.compile(r"\b(?:concatenate|concat|textjoin|join|cat)\s*\(", re.IGNORECASE)
_JOINED_BY_OPERATOR = re.compile(rf"(?:{QUOTED.pattern})\s*(?:&|\+|\|\||\.)\s*(?:{QUOTED.pattern})")


def joined_quotes(clause: str) -> str:
    """The quoted pieces of ``clause`` joined, when a formula or an operator joins them (a text
    spread over the cells of a formula reads as one); "" otherwise."""
    if not (_JOINING_CALL.search(clause) or _JOINED_BY_OPERATOR.search(clause)):
        return ""
    pieces = [q[1:-1] for q in QUOTED.findall(clause)]
    if len(pieces) < 2:
        return ""
    # pieces carry their own spaces ("reveal ", "your "); where none do, a space between them
    glue = "" if any(p != p.strip() for p in pieces) else " "
    return re.sub(r"\s+", " ", glue.join(pieces)).strip()


# A piece's label at the start of a line: "Part 2:", "Section B.", "(3/3)", "Chunk 1 of 3 -".
_PIECE_LABEL = re.compile(
    r"^\s*(?:(?:part|section|piece|chunk|fragment|page|block|segment)\s*[\w]{1,3}(?:\s*(?:of|/)\s*\w{1,3})?|\(?\d{1,2}\s*/\s*\d{1,2}\)?)"
    r"\s*[:.)\]–—-]\s*",
    re.IGNORECASE | re.MULTILINE,
)


def pasted_in_pieces(turns: list[str]) -> str:
    """The turns put back together as one text: pieces' labels dropped, a turn that stops mid-sentence
    (no closing punctuation) run on into the next."""
    text = ""
    for turn in turns:
        piece = _PIECE_LABEL.sub("", turn).strip()
        text += (" " if not text or text[-1] not in ".!?:" else "\n") + piece
    return text.strip()
