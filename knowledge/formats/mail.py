"""An e-mail course saved from a mail client (an mbox file, a thread saved as text, messages
pasted one after another), read into the Markdown the course parser understands.

An export is known by its structure, never by its words: two or more **header blocks**, each a
run of "Name: value" lines naming the message's sender or date and its subject ("From:",
"Date:", "Subject:"), at the file's start, after a blank line or under an mbox "From " line. In
a course sent by mail the message is the unit a learner finds again, by its Subject, so:

- each message is a lesson ("##") named by its **Subject**; the words every subject shares (the
  course's name, "Plant school 3/5 —") and the message's number in the series are taken off:
  the shared words name the module ("#"), the number orders the lessons (the file order where
  the subjects carry none). Reply and forward marks ("Re:", "Fwd:") are not part of a name;
- a line alone in CAPITALS, or a short line ending with a colon over text that is not a list,
  is a **sub-topic** of the message: a section ("###") whose name carries the message's own
  (``"Subject › Sub-topic"``), so a citation says which message to open and where in it;
- the **headers** (addresses, dates, the mail client's fields), the mbox separator lines, the
  greeting ("Hi there,") and the sign-off ("Cheers,\\nAna") frame a message and are left out;
- a **signature** (everything under a "-- " line) and the **footer** lines the messages repeat
  (an unsubscribe line, the sender's postal address, the signature's name) are not teaching;
  lines that repeat are dropped only where they close a message, so a sub-topic every message
  has ("YOUR TASK") stays;
- a **quoted** reply ("> " lines: a reader's question the message answers) keeps its words
  without the marks, and without the client's attribution line ("On Tue, … wrote:"); quoted
  text that repeats an earlier message is dropped (it would be indexed twice);
- "---" separators are drawing; tables in aligned columns stay as they are written (the course
  parser reads their columns), and so do "P.S." lines, which often teach.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.text import paragraphs as text_paragraphs

# "Subject: …", "X-Mailer: …": an RFC 5322 field name, a colon, a value (maybe empty).
HEADER = re.compile(r"^([A-Za-z][A-Za-z0-9-]{0,40}):[ \t]*(.*)$")
FOLDED = re.compile(r"^[ \t]+\S")  # a header's value continued on the next line
# The fields that make a run of "Name: value" lines a message's header block.
SENDER_FIELDS = frozenset({"from", "date", "sent", "to"})
SUBJECT_FIELD = "subject"
# "From ana@example.org  Mon Mar  2 08:00:00 2026": the line an mbox file opens each message with.
MBOX_FROM = re.compile(r"^From \S+.*\d{4}\s*$")
REPLY_MARK = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|sv|tr|rv)\s*(?:\[\d+\])?\s*:\s*)+", re.IGNORECASE)
LIST_TAG = re.compile(r"^\s*\[[^\]]{1,40}\]\s*")  # "[Plant School] …": a mailing list's tag
# The message's number in its series, as subjects write it: "3/7", "3 of 7", "#3", "(3/7)", "Part 3".
SERIES_NUMBER = re.compile(
    r"^[\s(\[]*(?:(?P<label>[A-Za-z]{2,12})\.?\s+)?#?\s?(?P<n>\d{1,3})(?:\s*(?:/|of)\s*\d{1,3})?[)\]]?"
    r"(?=[\s:.\-–—|,)]|$)[\s:.\-–—|,)]*")
SEPARATORS = " \t:.-–—|,·•>»"
QUOTED = re.compile(r"^[ \t]*>[ \t]?")
# The client's line over a quoted message: "On Tue, 3 Mar 2026 at 09:12, Sam <sam@…> wrote:".
ATTRIBUTION = re.compile(r"(?:\bwrote|\bschrieb|\bécrit)\s*:\s*$|^-{2,}\s*(?:original|forwarded)\s+message\s*-{2,}$",
                         re.IGNORECASE)
SIGNATURE = re.compile(r"^--[ \t]?$")  # the signature separator ("-- ")
DRAWN = re.compile(r"^[ \t]*([-=_*~#.•·])(?:[ \t]*\1){2,}[ \t]*$")  # "---", "* * *", "======"
CELL_GAP = re.compile(r"\S(?: {2,}|\t+)\S")  # two cells of an aligned table on one line
BULLET = re.compile(r"^\s*(?:[-*+•◦▪–]|\d{1,3}[.)]|\(?[a-z]\))\s+\S")
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
POSTSCRIPT = re.compile(r"^\s*P\.?\s?P?\.?\s?S\.?(?:[:\s]|$)")  # "P.S.", "PS:", "P.P.S."
SEPARATOR = "\x00"  # a drawn separator, kept between paragraphs until the sections are cut
MAX_SUBTOPIC_WORDS = 9
MAX_GREETING_WORDS = 5
MIN_MESSAGES = 2


@dataclass
class Message:
    subject: str
    body: list[str] = field(default_factory=list)
    number: int | None = None  # its number in the series, from the subject
    title: str = ""


def _header_block(lines: list[str], start: int) -> tuple[dict[str, str], int] | None:
    """The fields of a header block opening at ``start`` and the index of the line after it, or
    None when no block opens there (it needs a Subject and a sender or date field)."""
    fields: dict[str, str] = {}
    index = start
    while index < len(lines):
        line = lines[index]
        match = HEADER.match(line)
        if match:
            name = match.group(1).lower()
            value = match.group(2).strip()
            index += 1
            while index < len(lines) and FOLDED.match(lines[index]) and not HEADER.match(lines[index].strip()):
                value = f"{value} {lines[index].strip()}".strip()
                index += 1
            fields.setdefault(name, value)
            continue
        break
    if SUBJECT_FIELD not in fields or not fields.keys() & SENDER_FIELDS or len(fields) < 2:
        return None
    return fields, index


def read_messages(text: str) -> list[Message] | None:
    """The messages of a mail export, in file order, or None when ``text`` is not one (fewer than
    ``MIN_MESSAGES`` header blocks, or teaching text before the first)."""
    lines = text.splitlines()
    messages: list[Message] = []
    index = 0
    before: list[str] = []
    quoting = False  # under a forwarded or original message's marker: its headers are quoted
    while index < len(lines):
        line = lines[index]
        opens = index == 0 or not lines[index - 1].strip() or MBOX_FROM.match(lines[index - 1])
        block = _header_block(lines, index) if HEADER.match(line) and (opens or quoting) else None
        if block is not None:
            fields, index = block
            if not quoting:
                messages.append(Message(subject=fields[SUBJECT_FIELD]))
            quoting = False  # a forwarded message's own headers: not a message of the course
            continue
        if line.strip():
            quoting = line.strip().startswith("-") and bool(ATTRIBUTION.search(line.strip()))
        if MBOX_FROM.match(line) and index + 1 < len(lines) and HEADER.match(lines[index + 1]):
            index += 1
            continue
        (messages[-1].body if messages else before).append(line.rstrip())
        index += 1
    if len(messages) < MIN_MESSAGES or any(line.strip() for line in before):
        return None
    return messages


def _common_words(subjects: list[str]) -> list[str]:
    """The words every subject opens with (its separators kept on the words)."""
    split = [subject.split() for subject in subjects]
    common: list[str] = []
    for words in zip(*split):
        if len(set(words)) != 1:
            break
        common.append(words[0])
    return common


def _name_series(messages: list[Message]) -> str:
    """Sets each message's title and number from its subject; returns the module's name (the
    words every subject opens with), or "" when they share none that name anything."""
    subjects = [LIST_TAG.sub("", REPLY_MARK.sub("", message.subject)).strip() for message in messages]
    common = _common_words(subjects)
    while common and any(len(subject.split()) <= len(common) for subject in subjects):
        common.pop()  # a subject that is only the shared words keeps a word of its own
    rests = [" ".join(subject.split()[len(common):]) for subject in subjects]
    numbers = [SERIES_NUMBER.match(rest) for rest in rests]
    numbered = all(numbers)
    if numbered and common and common[-1].isalpha() and (len(common) == 1 or common[-2][-1:] in SEPARATORS):
        common.pop()  # "Lesson 3 — …", "Plant School: Part 3 — …": the word labels the number
    for message, subject, rest, number in zip(messages, subjects, rests, numbers):
        title = rest[number.end():] if numbered and number else rest
        message.title = title.strip(SEPARATORS) or subject or message.subject.strip()
        message.number = int(number.group("n")) if numbered and number else None
    return " ".join(common).strip(SEPARATORS)


def _key(line: str) -> str:
    """A line as compared across messages: letters only, digits as one mark, any case."""
    return re.sub(r"\d+", "#", " ".join(WORD.findall(line.lower())))


def _capitals(line: str) -> bool:
    """A line written in capitals ("WHY LIGHT COMES FIRST"), short, not a sentence."""
    text = line.strip().rstrip(":")
    letters = [ch for ch in text if ch.isalpha()]
    words = WORD.findall(text)
    return (len(letters) >= 3 and sum(ch.isupper() for ch in letters) >= 0.9 * len(letters)
            and 1 <= len(words) <= MAX_SUBTOPIC_WORDS and text[-1:] not in ".!?;,"
            and not CELL_GAP.search(text))


def _colon_title(line: str) -> bool:
    """A short line ending with its only colon that names what follows ("The window test:")."""
    text = line.strip()
    return (text.endswith(":") and text.count(":") == 1 and 1 <= len(WORD.findall(text)) <= MAX_SUBTOPIC_WORDS
            and (text[:1].isupper() or text[:1].isdigit()) and not BULLET.match(text)
            and not CELL_GAP.search(text))


def _is_list(lines: list[str]) -> bool:
    return bool(lines) and BULLET.match(lines[0]) is not None


def _is_table(lines: list[str]) -> bool:
    return sum(bool(CELL_GAP.search(line.strip())) or bool(DRAWN.match(line)) for line in lines) >= 2


def _greeting(paragraph: list[str]) -> bool:
    """ "Hi there,", "Hello again!": one short line that addresses the reader."""
    text = paragraph[0].strip()
    return len(paragraph) == 1 and len(WORD.findall(text)) <= MAX_GREETING_WORDS and text[-1:] in ",!"


def _sign_off(paragraph: list[str], closing: set[str]) -> bool:
    """ "Cheers,\\nAna": a short line ending in a comma over a name or two (lines that repeat
    across messages, or short lines without a sentence's end)."""
    first = paragraph[0].strip()
    if not (first.endswith(",") and len(WORD.findall(first)) <= 4) or len(paragraph) > 4:
        return False
    return all(_key(line) in closing or (len(WORD.findall(line)) <= 5 and line.strip()[-1:] not in ".!?:")
               for line in paragraph[1:])


def _body(message: Message, closing: set[str], seen: str) -> list[list[str]]:
    """The message's paragraphs without its framing: signature, greeting, sign-off, footer
    lines, drawn separators, quote marks and the client's attribution lines."""
    lines: list[str] = []
    for line in message.body:
        if SIGNATURE.match(line):
            break
        lines.append(line)
    paragraphs = []
    for paragraph in text_paragraphs(lines):
        if not _is_table(paragraph) and any(DRAWN.match(line) for line in paragraph):
            paragraphs.append([SEPARATOR])  # where the message's parts are drawn apart
        kept = [line for line in paragraph if not DRAWN.match(line) or _is_table(paragraph)]
        kept = [line for line in kept if not (ATTRIBUTION.search(line.strip()) and len(line.split()) <= 30)]
        if kept and all(QUOTED.match(line) for line in kept):
            for quoted in text_paragraphs([QUOTED.sub("", line) for line in kept]):
                if not (_key(" ".join(quoted)) and _key(" ".join(quoted)) in seen):
                    paragraphs.append(quoted)  # what an earlier message said is indexed there
            continue
        if kept:
            paragraphs.append(kept)
    while paragraphs and all(_key(line) in closing or not _key(line) for line in paragraphs[-1] if line != SEPARATOR):
        paragraphs.pop()  # the footer and signature lines every message closes with
    if paragraphs and paragraphs[0] != [SEPARATOR] and _greeting(paragraphs[0]):
        paragraphs.pop(0)
    return [p for p in paragraphs if p == [SEPARATOR] or not _sign_off(p, closing)]


def _closing_lines(messages: list[Message]) -> set[str]:
    """Lines (compared by `_key`) found in at least half the messages, and in two at least."""
    counts: dict[str, int] = {}
    for message in messages:
        for key in {_key(line) for line in message.body if _key(line)}:
            counts[key] = counts.get(key, 0) + 1
    least = max(2, (len(messages) + 1) // 2)
    return {key for key, count in counts.items() if count >= least}


def _sections(title: str, paragraphs: list[list[str]]) -> list[str]:
    """The message as Markdown: its sub-topics (a capitals line, a colon line over text that is
    not a list or table) open "###" sections named under the message's title; a drawn separator
    or a "P.S." closes a sub-topic (what follows speaks for the whole message)."""
    out: list[str] = []
    inside = closed = False  # in a sub-topic; a sub-topic just closed
    for index, paragraph in enumerate(paragraphs):
        if paragraph == [SEPARATOR]:
            closed = closed or inside
            inside = False
            continue
        first = paragraph[0]
        rest = paragraph[1:] or (paragraphs[index + 1] if index + 1 < len(paragraphs) else [])
        table = _is_table(paragraph)
        heading = not table and (_capitals(first) or (_colon_title(first) and rest and not _is_list(rest)
                                                      and not _is_table(rest) and rest != [SEPARATOR]))
        if heading:
            out.append(f"### {title} › {first.strip().rstrip(':').strip()}")
            inside, closed = True, False
            paragraph = paragraph[1:]
        elif POSTSCRIPT.match(first):
            closed, inside = closed or inside, False
        if paragraph and closed:
            out.append(f"### {title}")  # back to the message itself, after a separator or a P.S.
            closed = False
        if paragraph:
            out.append("\n".join(line.rstrip() for line in paragraph))
    return out


def mail_markdown(messages: list[Message]) -> str:
    """The export as Markdown: the module's name over one "##" lesson per message, in the
    series' order."""
    module = _name_series(messages)
    if all(m.number is not None for m in messages) and len({m.number for m in messages}) == len(messages):
        messages = sorted(messages, key=lambda m: m.number or 0)
    closing = _closing_lines(messages)
    parts: list[str] = [f"# {module}"] if module else []
    seen = ""
    for message in messages:
        paragraphs = _body(message, closing, seen)
        seen += " " + " ".join(_key(line) for paragraph in paragraphs for line in paragraph)
        parts.append(f"## {message.title}")
        parts += _sections(message.title, paragraphs)
    return "\n\n".join(parts) + "\n"


def convert_mail(text: str) -> str | None:
    """Markdown for a mail export, or None when ``text`` is not one."""
    messages = read_messages(text)
    return mail_markdown(messages) if messages else None
