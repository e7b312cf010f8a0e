"""The members a section names by labels, read from the section's own paragraphs.

Many courses list the things a section is about as paragraphs or bullets that each open with a
short label and a colon ("Hyper-Personalization at Scale: This involves…", "Strategy First: AI
adoption must…"). The labels are the section's members: an answer that asks what the section
lists, or what a lesson covers, names them, as the course outline names sections. A label is
structure, not a claim, so it is printed as an outline line (``members_line``) with the
section's heading. A section built round a table names its rows, by their first cells, the same
way. Nothing here knows a course: the labels come from the served chunks.
"""

from __future__ import annotations

import re
from functools import lru_cache

# A paragraph's opening label: a short capitalised phrase, a colon, then its text.
LABEL = re.compile(r"^(?P<label>[A-Z][^:.!?\n]{2,70}?):\s+\S")
MOST_WORDS = 8  # a longer "label" is a sentence with a colon in it
LEAST_MEMBERS = 3


def section_members(course, source: str, section: str) -> tuple[str, ...]:
    """The labels of ``section`` (of the file ``source``) in course order, when most of its
    paragraphs open with one and there are at least three; else ()."""
    return _members(course, source, section)


# The most rows of a table named as a section's members (a longer table is a reference, not a list).
MOST_ROWS = 15


@lru_cache(maxsize=512)
def _members(course, source: str, section: str) -> tuple[str, ...]:
    labels: list[str] = []
    rows: list[str] = []  # a table's rows, by their first cells ("Species: Zebra danio / …")
    paragraphs = 0
    for chunk in course.chunks:
        if chunk.source != source or chunk.section != section:
            continue
        if chunk.kind == "table_row":
            first = chunk.text.split("\n", 1)[0]
            name = first.split(": ", 1)[1].strip() if ": " in first else first.strip()
            if name and name not in rows:
                rows.append(name)
            continue
        if chunk.kind not in {"prose", "bullets"}:
            continue
        for line in chunk.text.split("\n"):
            line = line.strip()
            if not line:
                continue
            paragraphs += 1
            label = LABEL.match(line)
            if label and len(label.group("label").split()) <= MOST_WORDS and label.group("label") not in labels:
                labels.append(label.group("label"))
    if LEAST_MEMBERS <= len(rows) <= MOST_ROWS:  # a section built round a table lists its rows
        return tuple(rows)
    return tuple(labels) if len(labels) >= LEAST_MEMBERS and len(labels) * 2 >= paragraphs else ()


@lru_cache(maxsize=512)
def built_round_a_table(course, source: str, section: str) -> bool:
    """Whether ``section`` names its members by a table's rows (``section_members``)."""
    rows = sum(1 for c in course.chunks if c.source == source and c.section == section and c.kind == "table_row")
    return LEAST_MEMBERS <= rows <= MOST_ROWS


def members_line(section: str, members: tuple[str, ...]) -> str:
    """The outline line that names a section's members."""
    return f"“{section}” covers " + "; ".join(members) + "."
