"""KPIs for an AI application, taken from the course and only from the course.

The source is every table of the ingested course whose headers map applications (programmes,
channels) to metrics, leading or lagging indicators (found by `knowledge.course.metric_rows` and
handed in: this package does no I/O). Nothing here invents a KPI: every metric returned carries
the table row it came from, in its own module, lesson and section.

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
from tools.kpi.rows import course_kpi_rows
from tools.kpi.suggest import kpi_suggest

__all__ = [
    "MATCH_RULES", "METRIC_ALIASES", "ApplicationMatch",
    "KpiCitation", "KpiEntry", "KpiSuggestInput", "KpiSuggestOutput", "MetricRow",
    "applications_for_metric", "course_kpi_rows", "kpi_suggest", "match_rows", "metric_cells",
    "nearest_rows",
]
