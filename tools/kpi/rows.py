"""The course's metric rows and their citations. The rows are the course's own tables (any table
whose headers map applications to metrics, `knowledge.course.metric_rows`), handed in by the
caller: no I/O here, and no course text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tools.kpi.model import KpiCitation

if TYPE_CHECKING:
    from knowledge.types import Chunk, KpiRow


def course_kpi_rows(rows: Sequence[KpiRow], chunks: Sequence[Chunk] = ()) -> list[KpiRow]:
    """The rows the tool answers from: the course's metric-table rows as handed in (`chunks` is
    accepted for callers that hand in the course's chunks too)."""
    return list(rows)


def citation(row: KpiRow, metric: str | None = None) -> KpiCitation:
    """Where a row comes from: its table row, in its own module, lesson and section."""
    quote = " | ".join(
        part for part in (row.application, ", ".join(row.kpis), ", ".join(row.leading), ", ".join(row.lagging)) if part
    )
    return KpiCitation(
        chunk_id=row.chunk_id, lesson=row.lesson, section=row.section, quote=quote, source=row.source
    )
