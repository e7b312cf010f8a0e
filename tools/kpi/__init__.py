"""KPIs for an AI application, taken from the course and only from the course.

The source is Lesson 6.2's "Mapping AI Applications to KPIs" table (parsed by
`knowledge.parsing.kpi_source` and handed in: this package does no I/O), plus two applications
the course discusses outside the table: demand forecasting ("Beyond ROI") and cart-abandonment
tools (the KPI list in "Defining E-commerce Specific KPIs for AI"). Nothing here invents a KPI:
every metric returned carries the course text it came from.

One job per module: `model` (the tool's input and output), `rows` (the course's rows and their
citations), `matching` (which rows an application or a goal metric names) and `suggest` (the
tool itself and its message).
"""

from tools.kpi.matching import (
    MATCH_RULES,
    METRIC_ALIASES,
    applications_for_metric,
    match_rows,
    metric_cells,
    nearest_rows,
)
from tools.kpi.model import (
    ApplicationMatch,
    KpiCitation,
    KpiEntry,
    KpiSuggestInput,
    KpiSuggestOutput,
    MetricRow,
)
from tools.kpi.rows import OUTSIDE_TABLE, CoursePassage, course_kpi_rows, passage_chunk_ids
from tools.kpi.suggest import kpi_suggest

__all__ = [
    "MATCH_RULES", "METRIC_ALIASES", "OUTSIDE_TABLE", "ApplicationMatch", "CoursePassage",
    "KpiCitation", "KpiEntry", "KpiSuggestInput", "KpiSuggestOutput", "MetricRow",
    "applications_for_metric", "course_kpi_rows", "kpi_suggest", "match_rows", "metric_cells",
    "nearest_rows", "passage_chunk_ids",
]
