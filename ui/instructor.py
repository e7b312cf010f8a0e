"""The instructor tabs' handlers (no Gradio here): each first asks `Access` whether the session is
an instructor's, so the tab being hidden is a courtesy and this check is the guard — a learner
calling the same endpoint through the Gradio API gets `Forbidden`, never the function.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ui import answer_check
from ui.access import Access


class CheckView(BaseModel):
    """What the "Check answers" tab shows after a check."""

    status: str
    summary: list[list]
    sentences: list[list]
    passages: str  # Markdown: the course passages compared with, whole, numbered
    files: dict[str, str]  # "html" | "md" | "csv" -> path of the export


def _view(results: list[answer_check.CheckedAnswer], export_root: Path) -> CheckView:
    paths = answer_check.export(results, export_root / uuid.uuid4().hex)
    unsupported = sum(r.verdict == "unsupported" for r in results)
    if len(results) == 1:
        r = results[0]
        claims = r.report.claims
        status = (f"**{r.verdict.capitalize()}**: {sum(s.supported for s in claims)} of "
                  f"{len(claims)} claim sentences are supported by the course.")
    else:
        status = (f"**{len(results)} answers checked**: {len(results) - unsupported} supported, "
                  f"{unsupported} with unsupported sentences.")
    return CheckView(status=status, summary=answer_check.summary_rows(results),
                     sentences=answer_check.display_rows(results),
                     passages=answer_check.passages_markdown(results),
                     files={k: str(p) for k, p in paths.items()})


def check_pasted(access: Access, advisor: Any, export_root: Path, username: str | None,
                 question: str | None, answer: str | None) -> CheckView:
    access.require_instructor(username)
    item = answer_check.pasted_item(question, answer)
    return _view(answer_check.check_answers(advisor, [item]), export_root)


def check_file(access: Access, advisor: Any, export_root: Path, username: str | None,
               path: str | None, progress: Callable[[int, int], None] | None = None) -> CheckView:
    from assistant.errors import UserError

    access.require_instructor(username)
    if not path:
        raise UserError("no file: upload a .csv or .jsonl file of answers first",
                        code="no_file")
    file = Path(path)
    if file.stat().st_size > 5_000_000:
        raise UserError(f"{file.name} is larger than 5 MB: split it", code="file_too_large")
    items = answer_check.parse_batch(file.name, file.read_bytes())
    return _view(answer_check.check_answers(advisor, items, progress), export_root)


# ----------------------------------------------------------------------------- what learners ask

PERIODS = {"Last 7 days": 7.0, "Last 30 days": 30.0, "Last 90 days": 90.0, "All time": None}


class InsightsView(BaseModel):
    insights: Any
    sources: list[str]  # the course files the questions cite, for the module filter
    csv: str  # path of the CSV export


def learner_insights(access: Access, db: Any, export_root: Path, username: str | None,
                     period: str | None, source: str | None) -> InsightsView:
    from ui import insights

    access.require_instructor(username)
    days = PERIODS.get(period or "", None)
    chosen = "" if not source or source == "All modules" else source
    found = insights.gather(db, days=days, source=chosen)
    sources = sorted({a.source for a in insights.asked(db) if a.source})
    folder = export_root / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "what-learners-ask.csv"
    path.write_text(insights.to_csv(found), encoding="utf-8")
    return InsightsView(insights=found, sources=sources, csv=str(path))
