"""KPIs for an AI application, taken from the course and only from the course.

The source is Lesson 6.2's "Mapping AI Applications to KPIs" table (parsed by
`knowledge.parsing.kpi_source` and handed in: this module does no I/O), plus two applications the course discusses outside the table:
demand forecasting ("Beyond ROI") and cart-abandonment tools (the KPI list in "Defining
E-commerce Specific KPIs for AI"). Nothing here invents a KPI: every metric returned carries
the course text it came from.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from collections.abc import Sequence
from typing import TYPE_CHECKING

from pydantic import BaseModel, Field

from knowledge.text import STOPWORDS, words
from tools.base import ToolInput, ToolOutput

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

# (what the rule is, patterns on the user's text, pattern that picks the course row).
# Order matters only for ties: the first rule that matches names the match.
_W = r"(?:\W+\w+){0,3}?\W*"
MATCH_RULES: tuple[tuple[str, tuple[str, ...], str], ...] = (
    (
        "personalization engine",
        (
            r"personali[sz]",
            r"recommend",
            r"product suggestions?",
            r"cross-?sell",
            r"upsell",
            r"next[- ]best",
        ),
        r"personali[sz]ation",
    ),
    (
        "support chatbot",
        (
            rf"(support|service|help ?desk|faq|care|ticket){_W}(chat|bot|assistant|agent)",
            rf"(chat|bot|assistant|conversational)\w*{_W}(support|service|faq|help)",
        ),
        r"chatbot.*support",
    ),
    (
        "sales chatbot",
        (
            rf"(sales?|shopping|purchase|buying|checkout){_W}(chat|bot|assistant|agent)",
            rf"(chat|bot|assistant)\w*{_W}(sales?|selling|shopping|lead)",
            r"conversational commerce",
        ),
        r"chatbot.*sales",
    ),
    (
        "site search",
        (
            r"(?<!engine )\bsearch\b(?! engine)(?!.*\b(seo|rank))",
            r"findability",
            r"auto-?complete",
            r"product discovery",
        ),
        r"search",
    ),
    (
        "dynamic pricing",
        (r"\bpric(e|es|ing)\b", r"markdowns?", r"repricing"),
        r"pric",
    ),
    (
        "content generation/SEO",
        (
            r"\bseo\b",
            r"search engine",
            r"content (generation|creation|writing|marketing)",
            r"(generat|writ|creat)\w* (\w+ )?content",
            r"ai content",
            r"product descriptions?",
            r"copy ?writ",
            r"\bcopy\b",
            r"\bblog",
            r"\barticles?\b",
            r"subject lines?",
            r"generative",
        ),
        r"content|seo",
    ),
    (
        "demand forecasting",
        (
            r"demand",
            r"forecast",
            r"inventory",
            r"stock ?outs?",
            r"overstock",
            r"replenish",
            r"supply chain",
            r"spoilage",
        ),
        r"demand forecasting",
    ),
    (
        "cart abandonment",
        (r"abandon", r"cart recovery", r"abandoned carts?"),
        r"cart abandonment",
    ),
)
# "chatbot" alone: the course has a support row and a sales row, so return both.
_GENERIC_CHATBOT = r"chat ?bot|\bchat\b|\bbot\b|virtual assistant|conversational ai"

# Metric names and the words the course uses for them, for goal_metric matching.
METRIC_ALIASES: dict[str, tuple[str, ...]] = {
    "aov": ("aov", "average order value"),
    "conversion rate": ("conversion",),
    "clv": ("clv", "customer lifetime value", "lifetime value", "ltv"),
    "csat": ("csat", "customer satisfaction"),
    "revenue": ("revenue", "sales"),
    "sales": ("revenue", "sales"),
    "cart abandonment": ("cart abandonment",),
    "organic traffic": ("organic traffic",),
    "traffic": ("traffic",),
    "ctr": ("ctr", "click-through", "click through"),
    "click-through rate": ("ctr", "click-through", "click through"),
    "retention": ("retention",),
    "profit": ("profit", "margin"),
    "margin": ("margin",),
    "market share": ("market share",),
    "support cost": ("support cost", "cost per interaction", "support tickets"),
    "first contact resolution": ("first contact resolution",),
    "handle time": ("handle time",),
    "bounce rate": ("bounce",),
    "leads": ("lead",),
    "rankings": ("ranking",),
    "engagement": ("engagement",),
    "stockout": ("stockout", "overstock"),
    "time on site": ("time on site",),
}


class KpiSuggestInput(ToolInput):
    application: str = Field(
        min_length=2,
        max_length=300,
        description="The AI application in plain words, e.g. 'product recommendations', "
        "'support chatbot', 'site search', 'dynamic pricing', 'SEO product descriptions', "
        "'demand forecasting', 'cart abandonment emails'.",
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


class KpiEntry(BaseModel):
    metric: str
    application: str
    citation: KpiCitation


class ApplicationMatch(BaseModel):
    application: str
    in_table: bool = Field(description="True for a row of the course's KPI table.")
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
        "keyword and synonym rules map the application to rows of the course's 'Mapping AI "
        "Applications to KPIs' table (Lesson 6.2) or to course passages outside it"
    )


# ----------------------------------------------------------------------------- rows


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


def _is_table_row(row: KpiRow) -> bool:
    return row.application not in {p.application for p in OUTSIDE_TABLE}


def _citation(row: KpiRow, metric: str | None = None) -> KpiCitation:
    if not _is_table_row(row):
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


# ----------------------------------------------------------------------------- matching


def match_rows(application: str, rows: list[KpiRow]) -> list[tuple[KpiRow, str]]:
    """Course rows for an application description, each with the rule that matched it."""
    text = " ".join(application.lower().split())
    wanted: list[tuple[str, str]] = []  # (row pattern, rule name)
    for name, patterns, row_pattern in MATCH_RULES:
        if any(re.search(p, text) for p in patterns):
            wanted.append((row_pattern, name))
    if not any(name.endswith("chatbot") for _, name in wanted) and re.search(
        _GENERIC_CHATBOT, text
    ):
        wanted += [(r"chatbot.*support", "chatbot"), (r"chatbot.*sales", "chatbot")]
    matched: list[tuple[KpiRow, str]] = []
    for row in rows:
        for row_pattern, name in wanted:
            if re.search(row_pattern, row.application.lower()):
                matched.append((row, name))
                break
    return matched


# Words every application name shares, so they say nothing about which row is nearest.
_APPLICATION_NOISE = frozenset({"ai", "tool", "tools"})


def _words(text: str) -> set[str]:
    return {
        w
        for w in (word.lower() for word in words(text))
        if w.isalpha() and len(w) > 2 and w not in STOPWORDS and w not in _APPLICATION_NOISE
    }


def nearest_rows(application: str, rows: list[KpiRow], k: int = 3) -> list[str]:
    """Table rows sharing the most words with the text (name similarity breaks ties)."""
    query = _words(application)

    def closeness(row: KpiRow) -> float:
        vocabulary = _words(" ".join([row.application, *row.kpis, *row.leading, *row.lagging]))
        ratio = difflib.SequenceMatcher(None, application.lower(), row.application.lower()).ratio()
        return len(query & vocabulary) + ratio

    table = [row for row in rows if _is_table_row(row)]
    return [row.application for row in sorted(table, key=closeness, reverse=True)[:k]]


def _aliases(metric: str) -> tuple[str, ...]:
    key = " ".join(metric.lower().split())
    if key in METRIC_ALIASES:
        return METRIC_ALIASES[key]
    for aliases in METRIC_ALIASES.values():
        if key in aliases:
            return aliases
    return (key,)


def _mentions(cell: str, alias: str) -> bool:
    # Acronyms must be whole words ("aov", not "favorite"); words may take a suffix
    # ("conversion" matches "Conversions from SEO Content").
    tail = r"\b" if len(alias) <= 4 else ""
    return re.search(rf"\b{re.escape(alias)}{tail}", cell.lower()) is not None


def metric_cells(metric: str, row: KpiRow) -> list[str]:
    aliases = _aliases(metric)
    cells = [*row.kpis, *row.leading, *row.lagging]
    return [cell for cell in cells if any(_mentions(cell, alias) for alias in aliases)]


def applications_for_metric(
    metric: str, rows: Sequence[KpiRow], chunks: Sequence[Chunk] = ()
) -> list[KpiRow]:
    """Course rows (table and outside-table passages) that list `metric`, e.g. 'AOV'."""
    return [row for row in course_kpi_rows(rows, chunks) if metric_cells(metric, row)]


# ----------------------------------------------------------------------------- the tool


def kpi_suggest(
    params: KpiSuggestInput, rows: Sequence[KpiRow], chunks: Sequence[Chunk] = ()
) -> KpiSuggestOutput:
    """KPIs, leading and lagging indicators the course gives for an AI application.

    `rows` is the course's KPI table and `chunks` the course chunks that cite the passages
    outside it, both parsed by `knowledge.parsing.kpi_source` and handed in by the caller.
    """
    all_rows = course_kpi_rows(rows, chunks)
    matched = match_rows(params.application, all_rows)
    kpis: list[KpiEntry] = []
    leading: list[KpiEntry] = []
    lagging: list[KpiEntry] = []
    for row, _ in matched:
        for metric in row.kpis:
            kpis.append(
                KpiEntry(
                    metric=metric, application=row.application, citation=_citation(row, metric)
                )
            )
        for metric in row.leading:
            leading.append(
                KpiEntry(
                    metric=metric, application=row.application, citation=_citation(row, metric)
                )
            )
        for metric in row.lagging:
            lagging.append(
                KpiEntry(
                    metric=metric, application=row.application, citation=_citation(row, metric)
                )
            )

    nearest: list[str] = []
    assumptions: list[str] = []
    if not matched:
        nearest = nearest_rows(params.application, all_rows)
        shared = any(
            _words(params.application)
            & _words(" ".join([row.application, *row.kpis, *row.leading, *row.lagging]))
            for row in all_rows
        )
        message = (
            f"the course's table has no row for '{params.application}'; nearest rows are "
            + ", ".join(nearest)
            + ("" if shared else " (by name similarity only: no row shares its words)")
        )
    else:
        names = ", ".join(dict.fromkeys(row.application for row, _ in matched))
        message = f"matched {names}"
        if any(not _is_table_row(row) for row, _ in matched):
            message += " (not a row of the course's KPI table: KPIs quoted from the course text)"
            assumptions.append(
                "demand forecasting and cart abandonment are not rows of the course's table; "
                "their KPIs are quoted from the course passage that names them, and the course "
                "does not split them into leading and lagging indicators"
            )

    goal_rows: list[MetricRow] = []
    if params.goal_metric:
        for row in all_rows:
            cells = metric_cells(params.goal_metric, row)
            if cells:
                goal_rows.append(
                    MetricRow(
                        application=row.application,
                        matching_metrics=cells,
                        citation=_citation(row, cells[0] if not _is_table_row(row) else None),
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

    assumptions.append("the course calls its KPI table conceptual: adapt the metrics to your data")
    return KpiSuggestOutput(
        matches=[
            ApplicationMatch(
                application=row.application,
                in_table=_is_table_row(row),
                matched_by=rule,
                citation=_citation(row),
            )
            for row, rule in matched
        ],
        kpis=kpis,
        leading=leading,
        lagging=lagging,
        message=message,
        nearest=nearest,
        goal_metric_applications=goal_rows,
        inputs=params.model_dump(),
        assumptions=assumptions,
    )
