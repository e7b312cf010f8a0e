"""What learners ask (the instructors' "What learners ask" tab; no Gradio here).

Read from the stored conversations and feedback: questions per course section and week, refused
questions grouped by shared words (what the course does not cover), thumbs-down with their
notes, answers whose grounding was low, and calculations left at a clarifying question (the
advisor asked back and the calculation was never completed). Nothing identifies a learner: no owner or
conversation id leaves this module, stored text is already masked for e-mails, cards, IBANs and
phone numbers, and `mask_names` masks person names at their common cues on top.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel

from assistant.grounding import content_terms
from assistant.reading.privacy import mask_pii
from assistant.storage import Database, tables

NAME_MASK = "[name]"
LOW_GROUNDING = 0.5
SIMILAR = 0.34  # share of content words two refused questions must share to be grouped
ENDED_THERE = "the conversation ended"
MOVED_ON = "asked something else"
_NAME = r"[A-Z][a-z'\-]+(?:\s+[A-Z][a-z'\-]+)?"
_NAME_CUES = [
    # "my name is Ana", "I'm Ana Silva", "I am Ana", "call me Ana", "this is Ana"
    re.compile(rf"(?i:\b(?:my name is|my name's|i'm|i am|call me|this is)\s+)(?P<name>{_NAME})"),
    # "customer Ana complained", "client Bo Lee said", "colleague Ana"
    re.compile(rf"(?i:\b(?:customer|client|colleague|manager|boss|employee|user|student)\s+)"
               rf"(?P<name>{_NAME})"),
    # "Mr Smith", "Dr. Ana Silva"
    re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?P<name>{_NAME})"),
    # a signature: "Thanks, Ana" / "Regards,\nAna Silva" / "— Ana" at the end
    re.compile(rf"(?i:\b(?:thanks|thank you|regards|best|cheers|sincerely)),?\s+(?P<name>{_NAME})"
               r"\s*[.!]?\s*$"),
    re.compile(rf"(?:^|\s)[—–-]\s*(?P<name>{_NAME})\s*$"),
]
# Words a cue may be followed by that are not names ("I'm Looking", "this is Important").
_NOT_NAMES = {"a", "an", "the", "not", "looking", "trying", "working", "new", "sure", "in",
              "on", "at", "interested", "planning", "going", "using", "building", "running",
              "important", "about", "how", "what", "why", "when", "we", "our", "my", "your",
              "this", "that", "it", "ai"}


def mask_names(text: str) -> str:
    """`text` with the person names that follow a common cue replaced by [name]."""
    for cue in _NAME_CUES:
        def replace(match: re.Match) -> str:
            name = match.group("name")
            words = name.split()
            if words[0].lower() in _NOT_NAMES:
                return match.group(0)
            kept = [w for w in words[1:] if w.lower() in _NOT_NAMES]
            start, end = match.span("name")
            tail = (" " + " ".join(kept)) if kept else ""
            return match.string[match.start():start] + NAME_MASK + tail + match.string[end:match.end()]

        text = cue.sub(replace, text)
    return text


def anonymous(text: str) -> str:
    return mask_names(mask_pii(text or ""))


class Asked(BaseModel):
    """One question a learner asked and what its answer came to (no owner, no ids)."""

    question: str
    at: float
    section: str  # the first citation's "Lesson … › section", "" when none
    source: str  # the course file of that citation
    refused: bool
    grounding: float


def _turns(db: Database, since: float | None = None, until: float | None = None) -> list[Any]:
    """Every stored turn in the period, conversation by conversation, in the order said."""
    t = tables.turns
    query = sa.select(t.c.conversation_id, t.c.role, t.c.content, t.c.payload, t.c.created)
    if since is not None:
        query = query.where(t.c.created >= since)
    if until is not None:
        query = query.where(t.c.created <= until)
    with db.read() as conn:
        return conn.execute(query.order_by(t.c.conversation_id, t.c.id)).all()


def _exchanges(rows: list[Any]) -> list[tuple[Any, Any, dict]]:
    """(user turn, assistant turn, the answer's payload) in the order of `rows`."""
    out = []
    pending: dict[str, Any] = {}
    for row in rows:
        if row.role == "user":
            pending[row.conversation_id] = row
            continue
        question = pending.pop(row.conversation_id, None)
        if question is not None:
            out.append((question, row, json.loads(row.payload or "{}")))
    return out


def _first_source(payload: dict) -> tuple[str, str]:
    """("Lesson … › section", course file) of an answer's first citation ("" when none)."""
    cites = payload.get("citations") or []
    if not cites:
        return "", ""
    first = cites[0]
    section = (f"{first.get('lesson_title') or first.get('lesson', '')} › "
               f"{first.get('section', '')}")
    return section.strip(" ›"), first.get("source", "")


def asked(db: Database, since: float | None = None, until: float | None = None) -> list[Asked]:
    """Every question with its answer, oldest first, masked."""
    out: list[Asked] = []
    for question, _, payload in _exchanges(_turns(db, since, until)):
        section, source = _first_source(payload)
        out.append(Asked(question=anonymous(question.content), at=question.created,
                         section=section, source=source, refused=bool(payload.get("refused")),
                         grounding=float((payload.get("grounding") or {}).get("score", 1.0))))
    return sorted(out, key=lambda a: a.at)


def _asked_back(payload: dict) -> str:
    """The clarifying question an answer asks instead of computing ("" when it computes)."""
    calculation = payload.get("calculation") or {}
    asked_back = payload.get("clarification") or calculation.get("question") or {}
    return str(asked_back.get("question") or "")


def unanswered_calculations(db: Database, since: float | None = None,
                            source: str = "") -> list[list]:
    """[date, question, calculator, asked back, replies, then] of every calculation the advisor
    asked about and never completed: after its clarifying question (or questions) no answer of
    that conversation carried a calculator result. `replies`: the learner's answers to the
    questions back; `then`: the conversation ended there, or the learner asked something else."""
    by_conversation: dict[str, list[tuple[Any, Any, dict]]] = {}
    for exchange in _exchanges(_turns(db, since)):
        by_conversation.setdefault(exchange[0].conversation_id, []).append(exchange)
    out: list[tuple[float, list]] = []
    for exchanges in by_conversation.values():
        start: int | None = None  # the exchange whose answer first asked back
        for k, payload in enumerate([e[2] for e in exchanges] + [None]):
            if payload is not None and payload.get("tool_calls"):
                start = None  # computed: the calculation was completed
            elif payload is not None and _asked_back(payload):
                start = k if start is None else start
            elif start is not None:
                question, _, first = exchanges[start]
                last = exchanges[k - 1][2]
                if not source or _first_source(first)[1] in ("", source):
                    calculator = (last.get("calculation") or {}).get("tool", "")
                    out.append((question.created, [
                        _date(question.created), anonymous(question.content), calculator,
                        anonymous(_asked_back(last)), k - 1 - start,
                        ENDED_THERE if payload is None else MOVED_ON]))
                start = None
    return [row for _, row in sorted(out, key=lambda item: item[0])]


def _week(at: float) -> str:
    year, week, _ = datetime.fromtimestamp(at, timezone.utc).isocalendar()
    return f"{year}-W{week:02d}"


def by_section(items: list[Asked]) -> list[list]:
    """[week, section, questions] for every week and section asked about."""
    counts: dict[tuple[str, str], int] = {}
    for a in items:
        if a.refused:
            continue
        key = (_week(a.at), a.section or "(no citation)")
        counts[key] = counts.get(key, 0) + 1
    return [[week, section, n] for (week, section), n in sorted(counts.items())]


def refused_groups(items: list[Asked]) -> list[list]:
    """[questions, example, others] per group of refused questions sharing most of their words
    (greedy: each joins the first group whose first question it resembles)."""
    groups: list[tuple[set[str], list[str]]] = []
    for a in items:
        if not a.refused:
            continue
        terms = content_terms(a.question)
        for seed, members in groups:
            union = terms | seed
            if union and len(terms & seed) / len(union) >= SIMILAR:
                members.append(a.question)
                break
        else:
            groups.append((terms, [a.question]))
    groups.sort(key=lambda g: -len(g[1]))
    return [[len(m), m[0], " · ".join(dict.fromkeys(m[1:]))[:500]] for _, m in groups]


def thumbs_down(db: Database, since: float | None = None) -> list[list]:
    """[date, question, note, answer] of every thumbs-down, newest first."""
    f = tables.ui_feedback
    query = sa.select(f.c.question, f.c.note, f.c.answer, f.c.created).where(f.c.rating == "down")
    if since is not None:
        query = query.where(f.c.created >= since)
    with db.read() as conn:
        rows = conn.execute(query.order_by(f.c.created.desc())).all()
    return [[_date(r.created), anonymous(r.question), anonymous(r.note),
             anonymous(r.answer)[:400]] for r in rows]


def low_grounding(items: list[Asked], threshold: float = LOW_GROUNDING) -> list[list]:
    """[date, question, grounding, section] of answered questions grounded below threshold."""
    return [[_date(a.at), a.question, round(a.grounding, 2), a.section] for a in items
            if not a.refused and a.grounding < threshold]


def _date(at: float) -> str:
    return datetime.fromtimestamp(at, timezone.utc).strftime("%Y-%m-%d")


class Insights(BaseModel):
    sections: list[list]
    refused: list[list]
    thumbs_down: list[list]
    low_grounding: list[list]
    unanswered: list[list]


HEADERS = {
    "sections": ["week", "section", "questions"],
    "refused": ["questions", "example", "similar questions"],
    "thumbs_down": ["date", "question", "note", "answer"],
    "low_grounding": ["date", "question", "grounding", "section"],
    "unanswered": ["date", "question", "calculator", "asked back", "replies", "then"],
}


def gather(db: Database, days: float | None = None, source: str = "",
           now: float | None = None) -> Insights:
    """The five views over the last `days` (all when None), for one course file or all."""
    since = None if not days else (now or time.time()) - days * 86400
    items = asked(db, since=since)
    if source:
        items = [a for a in items if a.source == source or a.refused]
    return Insights(sections=by_section(items), refused=refused_groups(items),
                    thumbs_down=thumbs_down(db, since), low_grounding=low_grounding(items),
                    unanswered=unanswered_calculations(db, since, source))


def to_csv(insights: Insights) -> str:
    """One CSV: a `view` column, then the view's own columns."""
    out = io.StringIO()
    writer = csv.writer(out)
    for view, headers in HEADERS.items():
        writer.writerow(["view", *headers])
        for row in getattr(insights, view):
            writer.writerow([view, *[f"'{c}" if isinstance(c, str) and c[:1] in "=+-@" else c
                                     for c in row]])
    return out.getvalue()
