"""Markdown extensions that wikis and documentation sites write, read into plain course text.

- **Definition lists** (PHP Markdown Extra, Pandoc, most wikis): a term on its own line, its
  definition on the next line after ": ", continuation lines indented. Read as one line per term,
  "Term: definition", so the term travels with what defines it (a definition quoted alone would
  not say what it defines).
- **Footnotes**: the reference marks ("[^2]") are dropped from the text; a footnote's own line
  ("[^2]: Chargeback deadlines vary…") keeps its words.
- **Question and answer pairs** ("Q: …?" then "A: …", as FAQs are written): one block, so the
  question's words find the answer.

Each rule reads a line's shape (a leading ": ", a "[^…]" mark, a "Q:"/"A:" label), never its words.
"""

from __future__ import annotations

import re

DEFINITION = re.compile(r"^ {0,3}:[ \t]+(\S.*)$")  # ": The number of days a customer has…"
CONTINUATION = re.compile(r"^(?: {2,}|\t)(\S.*)$")
FOOTNOTE_MARK = re.compile(r"\[\^[^\]\s]{1,20}\](?!:)")
FOOTNOTE_LINE = re.compile(r"^\s*\[\^[^\]\s]{1,20}\]:\s*", re.MULTILINE)
QUESTION = re.compile(r"^\W*(?:q|question)\W*:\W*\s*\S.*\?\W*$", re.IGNORECASE | re.DOTALL)
ANSWER = re.compile(r"^\W*(?:a|answer)\W*:", re.IGNORECASE)


def definitions(paragraph: str) -> str | None:
    """A paragraph written as a definition list, one "Term: definition" line per term (a
    definition wrapped over indented lines is joined); None for any other paragraph."""
    lines = [line.rstrip() for line in paragraph.split("\n") if line.strip()]
    if len(lines) < 2 or DEFINITION.match(lines[0]) or not DEFINITION.match(lines[1]):
        return None
    entries: list[list[str]] = []  # [term, definition pieces…]
    for line in lines:
        definition = DEFINITION.match(line)
        continued = CONTINUATION.match(line)
        if definition and entries:
            entries[-1].append(definition.group(1).strip())
        elif continued and entries and len(entries[-1]) > 1:
            entries[-1][-1] += f" {continued.group(1).strip()}"
        elif not definition and not continued:
            entries.append([line.strip()])
        else:
            return None
    if any(len(entry) < 2 for entry in entries):
        return None  # a line with no definition under it: not a definition list
    return "\n".join(f"{entry[0].rstrip(':')}: {' '.join(entry[1:])}" for entry in entries)


def drop_footnote_marks(text: str) -> str:
    """The text without footnote reference marks, and a footnote's line without its label."""
    return FOOTNOTE_LINE.sub("", FOOTNOTE_MARK.sub("", text))


def is_question(text: str) -> bool:
    """A labelled FAQ question ("Q: How long do I have…?")."""
    return bool(QUESTION.match(text.strip()))


def is_answer(text: str) -> bool:
    """A labelled FAQ answer ("A: 30 days from delivery…")."""
    return bool(ANSWER.match(text.strip()))
