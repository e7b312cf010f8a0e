"""kpi_suggest and applications_for_metric: only the course's KPIs, each with its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.types import KpiRow
from tools.kpi import (
    KpiSuggestInput,
    applications_for_metric,
    kpi_suggest,
)

CORPUS = Path(__file__).resolve().parent.parent / "knowledge" / "corpus" / "module-6-ai-strategy.md"
SECTION = "Mapping AI Applications to KPIs (Conceptual Table)"


def row(app: str, kpis: str, leading: str, lagging: str, chunk: str) -> KpiRow:
    split = lambda cell: [c.strip() for c in cell.split(";")]
    return KpiRow(
        application=app,
        kpis=split(kpis),
        leading=split(leading),
        lagging=split(lagging),
        chunk_id=chunk,
        lesson="6.2",
        section=SECTION,
    )


# The course's table, typed in by hand so these tests do not depend on the parser.
TABLE = [
    row(
        "AI Personalization Engine",
        "Conversion Rate; AOV; CLV; Time on Site; Pages per Visit; Product Discovery Rate",
        "Recommendation CTR; Engagement Score with personalized content; Wishlist additions",
        "Sales Uplift; Increased CLV; Higher Retention Rate",
        "c-pers",
    ),
    row(
        "AI Chatbot (Support)",
        "Customer Satisfaction (CSAT); First Contact Resolution; Avg. Handle Time; "
        "Support Cost Reduction",
        "Chat Completion Rate; Issue Resolution Rate by Bot; User CSAT with Bot",
        "Reduced Support Tickets; Lower Cost per Interaction; Higher overall CSAT",
        "c-support",
    ),
    row(
        "AI Chatbot (Sales Assist)",
        "Lead Generation Rate; Conversion Rate from Chat; AOV",
        "Qualified Leads from Chat; Engagement Duration; Add-to-Cart via Chat",
        "Sales from Chat; Revenue per Chat Interaction; Higher AOV for assisted sales",
        "c-sales",
    ),
    row(
        "AI-Powered Site Search",
        'Search-to-Conversion Rate; Reduced "No Results"; AOV from Search',
        "Search Usage Rate; CTR on Search Results; Reduced Query Refinement Rate",
        "Sales from Search; Reduced Site Bounce Rate; Improved Product Findability",
        "c-search",
    ),
    row(
        "AI for Dynamic Pricing",
        "Revenue; Profit Margin; Conversion Rate; Market Share",
        "Price Elasticity; Competitive Price Index; Click-through on priced items",
        "Revenue Uplift; Margin Improvement; Market Share Gain/Loss",
        "c-pricing",
    ),
    row(
        "AI for Content Generation/SEO",
        "Organic Traffic; Keyword Rankings; Content Engagement; Lead Gen from Content",
        "Content Production Speed; SEO Audit Score Improvement; Time on Page for AI content",
        "Organic Traffic Growth; Higher Rankings; Conversions from SEO Content",
        "c-content",
    ),
]


def suggest(application: str, goal_metric: str | None = None):
    return kpi_suggest(
        KpiSuggestInput(application=application, goal_metric=goal_metric), rows=TABLE
    )


@pytest.mark.parametrize(
    ("application", "expected"),
    [
        ("personalization engine", ["AI Personalization Engine"]),
        ("product recommendations", ["AI Personalization Engine"]),
        ("support bot", ["AI Chatbot (Support)"]),
        ("customer service chatbot", ["AI Chatbot (Support)"]),
        ("chatbot for FAQs", ["AI Chatbot (Support)"]),
        ("sales assistant chatbot", ["AI Chatbot (Sales Assist)"]),
        ("chatbot", ["AI Chatbot (Support)", "AI Chatbot (Sales Assist)"]),
        ("site search", ["AI-Powered Site Search"]),
        ("visual search", ["AI-Powered Site Search"]),
        ("dynamic pricing", ["AI for Dynamic Pricing"]),
        ("content generation/SEO", ["AI for Content Generation/SEO"]),
        ("SEO", ["AI for Content Generation/SEO"]),
        ("AI product descriptions", ["AI for Content Generation/SEO"]),
        ("copywriting", ["AI for Content Generation/SEO"]),
    ],
)
def test_kpi_suggest_maps_synonyms_to_course_rows(application, expected):
    out = suggest(application)
    assert list(dict.fromkeys(m.application for m in out.matches)) == expected


def test_kpi_suggest_returns_the_row_s_kpis_leading_and_lagging_each_with_its_citation():
    out = suggest("recommendations")
    assert [k.metric for k in out.kpis] == TABLE[0].kpis
    assert [k.metric for k in out.leading] == TABLE[0].leading
    assert [k.metric for k in out.lagging] == TABLE[0].lagging
    for entry in [*out.kpis, *out.leading, *out.lagging]:
        assert entry.citation.chunk_id == "c-pers"
        assert entry.citation.lesson == "6.2"
        assert entry.citation.section == SECTION
        assert entry.metric in entry.citation.quote


def test_kpi_suggest_is_honest_when_the_table_has_no_row():
    out = suggest("fraud detection")
    assert out.matches == [] and out.kpis == []
    assert out.message.startswith(
        "the course's metric tables have no row for 'fraud detection'; nearest rows are"
    )
    assert len(out.nearest) == 3
    assert set(out.nearest) <= {r.application for r in TABLE}


def test_kpi_suggest_nearest_rows_prefer_shared_words():
    unmatched = suggest("bounce reduction")
    assert unmatched.matches == []
    assert (
        unmatched.nearest[0] == "AI-Powered Site Search"
    )  # its lagging KPI: Reduced Site Bounce Rate


def test_kpi_suggest_answers_from_any_table_whose_rows_map_to_metrics():
    """Another module's table (programmes → measures) feeds the same tool, each row cited to
    its own module, lesson and section."""
    other = KpiRow(
        application="Welcome series",
        kpis=["First-purchase conversion rate"],
        leading=["Click rate on emails 1-2"],
        lagging=["90-day repeat purchase rate"],
        chunk_id="c-welcome", lesson="5", section="Matching Metrics to Programmes", source="retention.md",
    )
    out = kpi_suggest(KpiSuggestInput(application="our welcome emails"), [*TABLE, other])
    assert [m.application for m in out.matches] == ["Welcome series"]
    assert [k.metric for k in out.kpis] == ["First-purchase conversion rate"]
    assert out.kpis[0].citation.source == "retention.md" and out.kpis[0].citation.lesson == "5"


def test_kpi_suggest_with_goal_metric_lists_rows_that_track_it():
    out = suggest("support chatbot", goal_metric="AOV")
    apps = [m.application for m in out.goal_metric_applications]
    assert apps == [
        "AI Personalization Engine",
        "AI Chatbot (Sales Assist)",
        "AI-Powered Site Search",
    ]
    assert out.goal_metric_applications[2].matching_metrics == ["AOV from Search"]
    assert "does not list 'AOV'" in out.message


@pytest.mark.parametrize(
    ("metric", "expected"),
    [
        (
            "AOV",
            ["AI Personalization Engine", "AI Chatbot (Sales Assist)", "AI-Powered Site Search"],
        ),
        (
            "average order value",
            ["AI Personalization Engine", "AI Chatbot (Sales Assist)", "AI-Powered Site Search"],
        ),
        ("CSAT", ["AI Chatbot (Support)"]),
        ("customer satisfaction", ["AI Chatbot (Support)"]),
        (
            "conversion rate",
            [
                "AI Personalization Engine",
                "AI Chatbot (Sales Assist)",
                "AI-Powered Site Search",
                "AI for Dynamic Pricing",
                "AI for Content Generation/SEO",
            ],
        ),
        ("NPS", []),
    ],
)
def test_applications_for_metric(metric, expected):
    assert [r.application for r in applications_for_metric(metric, rows=TABLE)] == expected


def test_kpi_suggest_over_the_course_table_parsed_by_knowledge():
    from knowledge.parsing import kpi_source

    source = kpi_source(CORPUS)
    out = kpi_suggest(KpiSuggestInput(application="site search"), *source)
    assert out.matches[0].application == "AI-Powered Site Search"
    assert out.matches[0].citation.chunk_id  # a real chunk of the course index
    assert "Search-to-Conversion Rate" in [k.metric for k in out.kpis]
    assert len(source[0]) == 6  # the bundled course's one metric table


def test_kpi_suggest_rejects_an_empty_application():
    from tools.errors import ToolInputError
    from tools.registry import run_tool

    with pytest.raises(ToolInputError) as err:
        run_tool("kpi_suggest", {"application": " "})
    assert err.value.fields == ["application"]
