"""The KPI tool: the KPIs, leading and lagging indicators the course gives for an AI application,
and the message that says what matched (or which rows are nearest when nothing did)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tools.kpi.matching import match_rows, metric_cells, nearest_rows, row_words, telling_words
from tools.kpi.model import (
    ApplicationMatch,
    KpiEntry,
    KpiSuggestInput,
    KpiSuggestOutput,
    MetricRow,
)
from tools.kpi.rows import citation, course_kpi_rows

if TYPE_CHECKING:
    from knowledge.types import Chunk, KpiRow


def kpi_suggest(
    params: KpiSuggestInput, rows: Sequence[KpiRow], chunks: Sequence[Chunk] = ()
) -> KpiSuggestOutput:
    """KPIs, leading and lagging indicators the course gives for an application.

    `rows` are the course's metric-table rows (`knowledge.parsing.kpi_source`), handed in.
    """
    all_rows = course_kpi_rows(rows, chunks)
    matched = match_rows(params.application, all_rows)

    def entries(column: str) -> list[KpiEntry]:
        """Every metric of one column (kpis, leading, lagging) of the matched rows, cited."""
        return [
            KpiEntry(metric=metric, application=row.application, citation=citation(row, metric))
            for row, _ in matched
            for metric in getattr(row, column)
        ]

    nearest: list[str] = []
    assumptions: list[str] = []
    if not matched:
        nearest = nearest_rows(params.application, all_rows)
        asked = telling_words(params.application)
        shared = any(asked & row_words(row) for row in all_rows)
        message = (
            f"the course's metric tables have no row for '{params.application}'"
            + ("; nearest rows are " + ", ".join(nearest) if nearest else "")
            + ("" if shared or not nearest else " (by name similarity only: no row shares its words)")
        )
    else:
        names = ", ".join(dict.fromkeys(row.application for row, _ in matched))
        message = f"matched {names}"

    goal_rows: list[MetricRow] = []
    if params.goal_metric:
        for row in all_rows:
            cells = metric_cells(params.goal_metric, row)
            if cells:
                goal_rows.append(
                    MetricRow(
                        application=row.application,
                        matching_metrics=cells,
                        citation=citation(row),
                    )
                )
        listed = [m.application for m in goal_rows]
        if not listed:
            message += f"; no course row lists the metric '{params.goal_metric}'"
        elif matched and not any(row.application in listed for row, _ in matched):
            message += (
                f"; note: the matched row does not list '{params.goal_metric}'; rows that do: "
                + ", ".join(listed)
            )

    assumptions.append("the metrics are the course's general guidance: adapt them to your data")
    return KpiSuggestOutput(
        matches=[
            ApplicationMatch(
                application=row.application,
                matched_by=rule,
                citation=citation(row),
            )
            for row, rule in matched
        ],
        kpis=entries("kpis"),
        leading=entries("leading"),
        lagging=entries("lagging"),
        message=message,
        nearest=nearest,
        goal_metric_applications=goal_rows,
        inputs=params.model_dump(),
        assumptions=assumptions,
    )
