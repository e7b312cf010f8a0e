"""The course's KPI rows: the Lesson 6.2 table as parsed and handed in, plus the applications the
course gives KPIs for outside it, each cited by the course text it comes from. No I/O: the caller
hands in what `knowledge.parsing.kpi_source` parsed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tools.kpi.model import KpiCitation

if TYPE_CHECKING:
    from knowledge.types import Chunk, KpiRow


@dataclass(frozen=True)
class CoursePassage:
    """An application the course gives KPIs for outside the table, with its exact sentence."""

    application: str
    kpis: tuple[str, ...]
    lesson: str
    section: str
    quote: str


OUTSIDE_TABLE: tuple[CoursePassage, ...] = (
    CoursePassage(
        application="AI Demand Forecasting",
        kpis=("Reduction in overstock/stockout costs",),
        lesson="6.2",
        section="Beyond ROI: Measuring Strategic Value",
        quote="AI demand forecasting leading to more accurate inventory purchasing decisions, "
        "quantifiable by a reduction in overstock/stockout costs by X%",
    ),
    CoursePassage(
        application="AI Demand Forecasting",
        kpis=("Reductions in spoilage (cost savings)",),
        lesson="6.2",
        section="Beyond ROI: Measuring Strategic Value",
        quote="Beyond potential reductions in spoilage (cost savings)",
    ),
    CoursePassage(
        application="AI Cart Abandonment Tools",
        kpis=("Reductions in cart abandonment rates",),
        lesson="6.2",
        section="Defining E-commerce Specific KPIs for AI",
        quote="reductions in cart abandonment rates",
    ),
)


def course_kpi_rows(rows: Sequence[KpiRow], chunks: Sequence[Chunk] = ()) -> list[KpiRow]:
    """The table rows plus the outside-table passages, each cited by the chunk of `chunks`
    that holds its quote (no chunk id when `chunks` is empty). No I/O: the caller hands in what
    `knowledge.parsing.kpi_source` parsed."""
    from knowledge.types import KpiRow

    chunk_ids = passage_chunk_ids(chunks)
    extra = [
        KpiRow(
            application=p.application,
            kpis=list(p.kpis),
            leading=[],
            lagging=[],
            chunk_id=chunk_ids.get(p.quote, ""),
            lesson=p.lesson,
            section=p.section,
        )
        for p in OUTSIDE_TABLE
    ]
    return list(rows) + extra


def passage_chunk_ids(chunks: Sequence[Chunk]) -> dict[str, str]:
    """Chunk ids of the outside-table passages, found in the given course chunks."""
    found: dict[str, str] = {}
    squashed = [(chunk.chunk_id, _squash(chunk.text)) for chunk in chunks]
    for passage in OUTSIDE_TABLE:
        quote = _squash(passage.quote)
        for chunk_id, text in squashed:
            if quote in text:
                found[passage.quote] = chunk_id
                break
    return found


def _squash(text: str) -> str:
    return re.sub(r"[\s*_]+", " ", text).strip().lower()


def is_table_row(row: KpiRow) -> bool:
    """A row of the course's KPI table, not one of the passages outside it."""
    return row.application not in {p.application for p in OUTSIDE_TABLE}


def citation(row: KpiRow, metric: str | None = None) -> KpiCitation:
    """Where a row (or one metric of it) comes from: the table row, or the passage's sentence."""
    if not is_table_row(row):
        for passage in OUTSIDE_TABLE:
            if passage.application == row.application and (
                metric is None or metric in passage.kpis
            ):
                quote = passage.quote
                break
        else:
            quote = ""
    else:
        quote = " | ".join(
            [row.application, ", ".join(row.kpis), ", ".join(row.leading), ", ".join(row.lagging)]
        )
    return KpiCitation(chunk_id=row.chunk_id, lesson=row.lesson, section=row.section, quote=quote)
