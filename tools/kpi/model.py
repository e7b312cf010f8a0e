"""The KPI tool's contract: what it is asked (an application, optionally a goal metric) and what
it answers (course metrics, each with the course text it came from)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from tools.base import ToolInput, ToolOutput


class KpiSuggestInput(ToolInput):
    application: str = Field(
        min_length=2,
        max_length=300,
        description="The application, programme or channel in plain words, as the course's "
        "metric tables name it, e.g. 'product recommendations', 'support chatbot', "
        "'welcome email series'.",
    )
    goal_metric: str | None = Field(
        default=None,
        max_length=100,
        description="Optional goal metric, e.g. 'AOV', 'conversion rate', 'CSAT': also lists "
        "which course rows track it.",
    )


class KpiCitation(BaseModel):
    chunk_id: str = Field(description="Chunk id in the course index; empty if not indexed.")
    lesson: str
    section: str
    quote: str = Field(description="The course text the metric comes from.")
    source: str = Field(default="", description="The course file the row is in.")


class KpiEntry(BaseModel):
    metric: str
    application: str
    citation: KpiCitation


class ApplicationMatch(BaseModel):
    application: str
    in_table: bool = Field(default=True, description="True for a row of one of the course's metric tables.")
    matched_by: str
    citation: KpiCitation


class MetricRow(BaseModel):
    application: str
    matching_metrics: list[str]
    citation: KpiCitation


class KpiSuggestOutput(ToolOutput):
    matches: list[ApplicationMatch]
    kpis: list[KpiEntry]
    leading: list[KpiEntry]
    lagging: list[KpiEntry]
    message: str
    nearest: list[str] = Field(description="Closest table rows when nothing matched.")
    goal_metric_applications: list[MetricRow] = Field(
        default_factory=list, description="Rows that list goal_metric (when one was given)."
    )
    method: str = (
        "keyword, synonym and shared-word rules map the application to rows of the course's "
        "tables whose columns list metrics or indicators"
    )
