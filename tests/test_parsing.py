"""The course parser: every heading is a section, no text is lost, blocks get the right kind."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.settings import DEFAULT_CORPUS
from knowledge.parsing import (
    CorpusError,
    clean_markup,
    kpi_rows,
    parse_file,
    parse_markdown,
    split_cell,
)
from knowledge.types import CourseDocument

MODULE_INTRO = "Module Introduction and Description"
TABLE_SECTION = "Mapping AI Applications to KPIs (Conceptual Table)"
TABLE_HEADER = [
    "AI Application",
    "Key E-commerce KPIs Influenced",
    "Leading Indicators (Early signs of effectiveness)",
    "Lagging Indicators (Ultimate business impact)",
]


@pytest.fixture(scope="module")
def course() -> tuple[CourseDocument, str]:
    return parse_file(DEFAULT_CORPUS)


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line without its newline) for every line of the source."""
    found, pos = [], 0
    for line in text.splitlines(keepends=True):
        found.append((pos, line.rstrip("\n")))
        pos += len(line)
    return found


def _plain_heading(line: str) -> str:
    """A heading line as a reader would name it; written independently of the parser."""
    title = re.sub(r"^(#+\s*)+", "", line).replace("*", "").strip()
    return title.rstrip(":").strip()


def _sections(document: CourseDocument):
    return [section for lesson in document.lessons for section in lesson.sections]


def _blocks(document: CourseDocument, kind: str | None = None):
    return [
        block
        for section in _sections(document)
        for block in section.blocks
        if kind is None or block.kind == kind
    ]


def test_every_heading_becomes_a_section_in_source_order(course):
    document, text = course
    expected = []
    for offset, line in _lines(text):
        if not line.startswith("#"):
            continue
        title = _plain_heading(line)
        is_lesson = offset == 0 or title.startswith(("Lesson ", "Topic Page"))
        if not is_lesson:
            expected.append((offset, title))

    actual = [(s.start, s.title) for s in _sections(document) if s.title != MODULE_INTRO]

    assert actual == expected
    assert len(expected) == 27


def test_bold_module_introduction_line_is_the_first_section(course):
    document, text = course
    first = document.lessons[0].sections[0]
    assert first.title == MODULE_INTRO
    assert text[first.start :].startswith(f"**{MODULE_INTRO}:**")


def test_lessons_are_module_four_lessons_and_topic_page(course):
    document, _ = course
    assert [lesson.lesson for lesson in document.lessons] == [
        "module",
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "topic",
    ]
    assert document.module_title == (
        "Strategically Implementing, Scaling & Future-Proofing AI in E-commerce"
    )


@pytest.mark.parametrize(
    ("lesson_id", "title"),
    [
        ("6.1", "Developing an Overarching AI-Powered E-commerce Strategy & Ethical Governance"),
        ("6.2", "Strategically Measuring AI Performance & ROI in E-commerce"),
        ("6.3", "Iterative Refinement and Scaling Successful AI Initiatives Strategically"),
        ("6.4", "The Future of AI in E-commerce & Continuous Strategic Adaptation"),
        ("topic", "Topic Page"),
    ],
)
def test_lesson_titles_drop_the_duration(course, lesson_id, title):
    document, _ = course
    assert {lesson.lesson: lesson.title for lesson in document.lessons}[lesson_id] == title


def test_doubled_heading_markers_and_bold_are_cleaned(course):
    document, _ = course
    titles = [section.title for section in _sections(document)]
    assert "Key Pillars for Strategic Adaptation & Innovation in E-commerce AI" in titles
    assert (
        "Connecting to Advanced AI Marketing: Strategies & Innovations (Group Discussion Points)"
        in titles
    )
    assert not [title for title in titles if re.search(r"[#*]|:$", title)]


def test_every_line_of_text_lies_inside_a_block(course):
    document, text = course
    blocks = _blocks(document)
    section_starts = {section.start for section in _sections(document)}
    rows = _blocks(document, "table_row")
    lost = []
    for offset, line in _lines(text):
        if not line.strip() or line.startswith("#") or offset in section_starts:
            continue
        end = offset + len(line)
        if any(block.start <= offset and end <= block.end for block in blocks):
            continue
        if re.fullmatch(r"\|[\s:|-]+\|?", line.strip()):
            continue  # the table's |---| rule carries no text
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells == TABLE_HEADER:
            # The header line is not a block of its own: it is repeated in every row block.
            assert all(
                [pair.split(": ", 1)[0] for pair in row.text.split("\n")] == TABLE_HEADER
                for row in rows
            )
            continue
        lost.append(line)
    assert lost == []


def test_block_text_is_its_source_span_without_markup(course):
    document, text = course
    for block in _blocks(document):
        if block.kind == "table_row":
            assert "\n" not in text[block.start : block.end]
            assert text[block.start : block.end].startswith("|")
        else:
            assert clean_markup(text[block.start : block.end]) == block.text


def test_hypothetical_scenario_paragraph_is_an_example(course):
    document, _ = course
    (scenario,) = [b for b in _blocks(document) if b.text.startswith("Hypothetical Scenario:")]
    assert scenario.kind == "example"
    assert "GadgetGo" in scenario.text


def test_examples_are_the_scenario_case_study_and_illustrations(course):
    document, _ = course
    openings = sorted(block.text.split(":")[0] for block in _blocks(document, "example"))
    assert openings == [
        "Conceptual Example",
        "Example",
        "Hypothetical Scenario",
        "Mini Case Study - ROI Communication",
        "Visionary Statement",
    ]


def test_suggested_and_alternative_questions_are_questions(course):
    document, _ = course
    questions = _blocks(document, "question")
    assert len(questions) == 8
    assert sum(q.text.startswith("Suggested Question for Link:") for q in questions) == 4
    assert sum(q.text.startswith("Alternative Question:") for q in questions) == 4


def test_reflective_prompts_and_discussion_points(course):
    document, _ = course
    reflective = _blocks(document, "reflective")
    assert len(reflective) == 2
    assert all(block.text.startswith("Reflective Prompt:") for block in reflective)

    discussion = [
        (section.title, block)
        for section in _sections(document)
        for block in section.blocks
        if block.kind == "discussion"
    ]
    assert len(discussion) == 5
    assert {title for title, _ in discussion} == {
        "Connecting to Advanced AI Marketing: Strategies & Innovations (Group Discussion Points)"
    }
    assert all(block.text.endswith("?") for _, block in discussion)


def test_table_rows_are_blocks_of_header_value_pairs(course):
    document, _ = course
    (table,) = [s for s in _sections(document) if s.title == TABLE_SECTION]
    rows = [block for block in table.blocks if block.kind == "table_row"]
    assert len(rows) == 6
    assert rows[1].text.split("\n")[0] == "AI Application: AI Chatbot (Support)"


KPI_TABLE = {
    "AI Personalization Engine": (
        [
            "Conversion Rate",
            "AOV",
            "CLV",
            "Time on Site",
            "Pages per Visit",
            "Product Discovery Rate",
        ],
        ["Recommendation CTR", "Engagement Score with personalized content", "Wishlist additions"],
        ["Sales Uplift", "Increased CLV", "Higher Retention Rate"],
    ),
    "AI Chatbot (Support)": (
        [
            "Customer Satisfaction (CSAT)",
            "First Contact Resolution",
            "Avg. Handle Time",
            "Support Cost Reduction",
        ],
        ["Chat Completion Rate", "Issue Resolution Rate by Bot", "User CSAT with Bot"],
        ["Reduced Support Tickets", "Lower Cost per Interaction", "Higher overall CSAT"],
    ),
    "AI Chatbot (Sales Assist)": (
        ["Lead Generation Rate", "Conversion Rate from Chat", "AOV"],
        ["Qualified Leads from Chat", "Engagement Duration", "Add-to-Cart via Chat"],
        ["Sales from Chat", "Revenue per Chat Interaction", "Higher AOV for assisted sales"],
    ),
    "AI-Powered Site Search": (
        ["Search-to-Conversion Rate", 'Reduced "No Results"', "AOV from Search"],
        ["Search Usage Rate", "CTR on Search Results", "Reduced Query Refinement Rate"],
        ["Sales from Search", "Reduced Site Bounce Rate", "Improved Product Findability"],
    ),
    "AI for Dynamic Pricing": (
        ["Revenue", "Profit Margin", "Conversion Rate", "Market Share"],
        ["Price Elasticity", "Competitive Price Index", "Click-through on priced items"],
        ["Revenue Uplift", "Margin Improvement", "Market Share Gain/Loss"],
    ),
    "AI for Content Generation/SEO": (
        ["Organic Traffic", "Keyword Rankings", "Content Engagement", "Lead Gen from Content"],
        ["Content Production Speed", "SEO Audit Score Improvement", "Time on Page for AI content"],
        ["Organic Traffic Growth", "Higher Rankings", "Conversions from SEO Content"],
    ),
}


def test_kpi_rows_are_the_six_applications_in_course_order():
    rows = kpi_rows()
    assert [row.application for row in rows] == list(KPI_TABLE)
    assert {(row.lesson, row.section) for row in rows} == {("6.2", TABLE_SECTION)}
    assert all(row.chunk_id for row in rows)


@pytest.mark.parametrize("application", list(KPI_TABLE))
def test_kpi_row_columns(application):
    kpis, leading, lagging = KPI_TABLE[application]
    (row,) = [row for row in kpi_rows() if row.application == application]
    assert (row.kpis, row.leading, row.lagging) == (kpis, leading, lagging)


@pytest.mark.parametrize(
    ("cell", "items"),
    [
        ("Revenue, Profit Margin", ["Revenue", "Profit Margin"]),
        (
            'Search-to-Conversion Rate, Reduced "No Results," AOV from Search',
            ["Search-to-Conversion Rate", 'Reduced "No Results"', "AOV from Search"],
        ),
        ('"a, b", c', ['"a, b"', "c"]),
        (
            "Customer Satisfaction (CSAT, overall), AOV",
            ["Customer Satisfaction (CSAT, overall)", "AOV"],
        ),
        ("Sales Uplift", ["Sales Uplift"]),
        (" , ", []),
    ],
)
def test_split_cell_splits_on_commas_outside_quotes_and_brackets(cell, items):
    assert split_cell(cell) == items


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "the file is empty"),
        ("  \n\n\t\n", "the file is empty"),
        ("# Title\n\nsome\x00binary", "looks binary"),
        ("Just a paragraph.\n\nAnother paragraph.", "no Markdown headings found"),
    ],
)
def test_parse_markdown_rejects_text_it_cannot_index(text, why):
    with pytest.raises(CorpusError, match=why) as raised:
        parse_markdown(text, "notes.md")
    assert str(raised.value).startswith("notes.md: ")


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789", min_size=1, max_size=8)
MARKED = st.tuples(st.sampled_from(["", "*", "**"]), WORD).map(lambda m: f"{m[0]}{m[1]}{m[0]}")


@given(
    st.lists(st.lists(MARKED, min_size=1, max_size=6), min_size=1, max_size=4),
    st.lists(st.sampled_from(["", "- ", "* ", "+ "]), min_size=4, max_size=4),
)
def test_clean_markup_keeps_every_word(lines, bullets):
    source = "\n".join(f"{bullet}{' '.join(words)}" for bullet, words in zip(bullets, lines))
    words = [re.sub(r"\*", "", word) for line in lines for word in line]
    assert clean_markup(source).split() == words
