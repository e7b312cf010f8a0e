"""What in a course file is document furniture rather than teaching content.

Procedures, policies and handbooks carry the marks of document control around their text: a
title block of "Field: value" lines (document number, version, owner, review dates), rules of
repeated characters between parts, an end marker ("END OF DOCUMENT"), page lines ("Page 3 of
12"), and sections that record the document rather than teach (a revision history, a change
log, the sign-off, a table of contents or a wiki's "On this page" list of in-page links, a page
history, a wiki page's comments and links to related pages), and a change-record table wherever it stands. A learner never asks about them, and a passage quoted
from them answers nothing, so the course parser (`knowledge.parsing`) keeps them out of the
index. The title block's own title field names the module.

The rules read a line's shape, not its subject: a field line is a short label, a colon and a
value; a section is furniture when its heading names a record of the document itself.
"""

from __future__ import annotations

import re

# "Document No.:   SOP-PH-004", "Approved by: Operations Manager" (a short label, a colon, a value)
FIELD_LINE = re.compile(r"^[ \t]*([A-Z][A-Za-z.&/()\- ]{0,28}?[A-Za-z.)])[ \t]*:[ \t]+(\S.*?)[ \t]*$")
# The field of a title block that names the document (the first one found wins).
TITLE_FIELDS = ("title", "document title", "procedure title", "policy title", "course title", "module title",
                "course", "module", "subject", "procedure", "policy", "name")
MIN_FIELDS = 3  # fewer "Field: value" lines are a short list in the text, not a title block
# A line of one repeated character ("-----", "=====", "*****"): a rule drawn between parts.
RULE = re.compile(r"^[ \t]*([-=_*~#+.])\1{4,}[ \t]*$")
# "END OF DOCUMENT", "— End of procedure —", "*** END ***"
END_MARK = re.compile(
    r"^[\W_]*(?:the\s+)?end(?:\s+of\s+(?:the\s+)?(?:document|procedure|sop|policy|module|course|"
    r"file|text|notes|handbook|manual|guide))?[\W_]*$",
    re.IGNORECASE,
)
PAGE_LINE = re.compile(r"^[\W_]*page\s+\d+(?:\s*(?:of|/)\s*\d+)?[\W_]*$", re.IGNORECASE)
# Headings of sections that record the document itself, not its subject.
RECORD_HEADING = re.compile(
    r"^(?:(?:document|revision|version|change|amendment|review|edit|page)\s+(?:history|log|record|control|"
    r"table|list)s?|change\s*log|changelog|record\s+of\s+(?:changes|revisions|amendments)|"
    r"(?:document\s+)?approvals?(?:\s+and\s+sign[- ]?off)?|sign[- ]?offs?|distribution(?:\s+list)?|"
    r"(?:table\s+of\s+)?contents|(?:on|in)\s+this\s+(?:page|article|document)|"
    r"comments?|related(?:\s+(?:pages?|articles?|links?|docs?|notes?|reading|content))?|see\s+also|backlinks)$",
    re.IGNORECASE,
)
# Headings of a textbook's learner apparatus: what the chapter promises ("Learning outcomes"),
# questions put to the reader without their answers, and where to read on. They name every
# topic of the chapter, so they draw questions away from the sections that teach them.
APPARATUS_HEADING = re.compile(
    r"^(?:learning|lesson|chapter|module|unit|course|session)\s+(?:outcomes|objectives|aims|goals)|"
    r"what\s+you(?:'ll|\s+will)\s+learn|by\s+the\s+end\s+of\s+this\s+\w+|"
    r"(?:review|revision|self[- ]?check|self[- ]?test|discussion|study|practice|end[- ]of[- ]chapter)\s+questions|"
    r"questions\s+for\s+(?:review|discussion|reflection)|check\s+your\s+(?:understanding|learning|knowledge)|"
    r"test\s+yourself|self[- ]?assessment|quiz|further\s+reading|references|bibliography$",
    re.IGNORECASE,
)
# A help page's request for a rating: "Was this article helpful? Yes / No", "Did this page answer
# your question?" (with its buttons as text). It asks about the page, not the subject.
FEEDBACK = re.compile(
    r"^[\W_]*(?:(?:was|is|were|did)\s+(?:this|the)\s+(?:help\s+)?(?:article|page|answer|post|guide|faq|"
    r"information|content|section)\s+|did\s+this\s+)"
    r"(?:helpful|useful|clear|help(?:\s+you)?|answer\s+your\s+question)\s*[?:]?"
    r"[\s/|·,.()\-]*(?:(?:yes|no|\d+|[\U0001F44D\U0001F44E])[\s/|·,.()\-]*)*$",
    re.IGNORECASE,
)
# "Related:", "See also:", "Read next:" — a label whose text is only links to other pages.
LINKS_LABEL = re.compile(
    r"^[\W_]*(?:related(?:\s+(?:articles?|pages?|links?|topics?|questions?|reading|help))?|see\s+also|"
    r"read\s+next|more\s+help|you\s+may\s+also\s+like)\s*:\s*",
    re.IGNORECASE,
)
LINK = re.compile(r"\[[^\]]*\]\([^)\s]*\)|<?https?://\S+>?")
NUMBER_PREFIX = re.compile(r"^(?:[A-Za-z]+\s+)?\d{1,3}(?:\.\d{1,3})*[.)]?\s+")


# A list item that only links to a place in the same page ("- [Returns basics](#returns-basics)").
ANCHOR_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+\[[^\]]+\]\(#[^)\s]*\)\s*$")


# "3. Feeding fish ........ 7", "Introduction · · · · 1": a typed table of contents' entry, its
# title led by dots (or a run of "_") to a page number.
CONTENTS_ENTRY = re.compile(r"^\S.{0,150}?\S[ \t]*(?:[.·…_][ \t]?){4,}[ \t]*(?:\d{1,4}|[ivxlc]{1,7})$", re.IGNORECASE)


def contents_entry(line: str) -> bool:
    """A line of a typed table of contents: a title, a dotted leader and its page number."""
    return bool(CONTENTS_ENTRY.match(line.strip()))


def is_page_contents(paragraph: str) -> bool:
    """A list every item of which links to a heading of the same page: the page's own table of
    contents ("On this page"), or a typed one (every line a title, a dotted leader and a page
    number), which repeats the headings and teaches nothing."""
    lines = [line for line in paragraph.split("\n") if line.strip()]
    return (len(lines) >= 2 and all(ANCHOR_ITEM.match(line) for line in lines)) or (
        bool(lines) and all(contents_entry(line) for line in lines))


def is_decoration(line: str) -> bool:
    """A line that only draws (a rule), ends the document, numbers its page, or asks the reader
    to rate the page."""
    text = line.strip()
    return bool(text) and bool(RULE.match(text) or END_MARK.match(text) or PAGE_LINE.match(text)
                               or FEEDBACK.match(text))


def links_elsewhere(paragraph: str) -> bool:
    """A "Related:" or "See also:" paragraph that holds nothing but links to other pages: where
    to read next, not what to know."""
    label = LINKS_LABEL.match(paragraph.strip())
    if not label:
        return False
    rest = LINK.sub(" ", paragraph.strip()[label.end():])
    rest = re.sub(r"(?m)^\s*(?:[-*+•]|\d{1,3}[.)])\s+", " ", rest)  # list markers before the links
    return not re.sub(r"[\s,;·|/•\-]+|\band\b", "", rest)


def records_the_document(heading: str) -> bool:
    """Whether a heading ("9. REVISION HISTORY", "Change log") opens a section about the
    document itself rather than its subject."""
    title = NUMBER_PREFIX.sub("", heading.strip()).strip().rstrip(":").strip()
    title = re.sub(r"\s*[(\[]\d+[)\]]$", "", title)  # "Comments (3)": a count of them
    return bool(RECORD_HEADING.match(title))


def frames_the_teaching(heading: str) -> bool:
    """Whether a heading ("Learning outcomes", "7.10 Review questions") opens a textbook's
    apparatus around its teaching rather than teaching itself."""
    title = NUMBER_PREFIX.sub("", heading.strip()).strip().rstrip(":").strip()
    return bool(APPARATUS_HEADING.fullmatch(title))


def field_lines(paragraph: str) -> list[tuple[str, str]] | None:
    """The (label, value) pairs of a paragraph written wholly as "Field: value" lines, at least
    ``MIN_FIELDS`` of them; None for any other paragraph."""
    lines = [line for line in paragraph.split("\n") if line.strip()]
    pairs = []
    for line in lines:
        match = FIELD_LINE.match(line)
        if not match or len(match.group(1).split()) > 4:
            return None
        pairs.append((match.group(1).strip(), match.group(2).strip()))
    return pairs if len(pairs) >= MIN_FIELDS else None


def title_block(paragraph: str) -> str | None:
    """A title block's title: "Title: Product Photography…" → "Product Photography…"; "" for a
    block without a title field; None when the paragraph is not a title block."""
    pairs = field_lines(paragraph)
    if pairs is None:
        return None
    named = {label.lower().rstrip("."): value for label, value in pairs}
    return next((named[field] for field in TITLE_FIELDS if named.get(field)), "")


VERSION_COLUMNS = frozenset({"version", "ver", "rev", "revision", "issue", "edition"})


def records_changes(headers: list[str]) -> bool:
    """Whether a table's headers are those of a change record (a version column and a date
    column: "Version | Date | Author | Change"), wherever the table stands."""
    names = {header.strip().lower().rstrip(".:") for header in headers}
    return bool(names & VERSION_COLUMNS) and any("date" in name for name in names)
