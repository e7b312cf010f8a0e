"""A textbook chapter set in two columns reads as a person reads it.

Specification: on a page set in two columns, the left column is read to its foot before the right
one (no line of one column is glued to the line beside it); bold numbered headings ("4.2",
"4.2.1") open sections whatever the case of their words; a footnote follows the paragraph that
calls it (never a numbered step, never cut into the text where the page broke); a boxed sidebar's
title labels its text inside the section it stands in; a chapter's learning outcomes and review
questions are not indexed; the running head and page numbers are dropped. Guards: single-column
pages and slide decks are read as before.

The chapter is typeset here by reportlab (tests/format_fixtures.py), on a topic of its own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # whatever pytest's import mode
from format_fixtures import Chapter, Module, Part, write_columns_pdf, write_pdf  # noqa: E402

from knowledge.chunking import chunk_document  # noqa: E402
from knowledge.formats import read_course_file  # noqa: E402
from knowledge.parsing import parse_course_file  # noqa: E402

CHAIN = ("A chain that runs dry wears its rollers and the teeth of the sprockets, and a worn chain "
         "skips under load when the rider stands on the pedals.")
GRIT = ("Road grit mixed with old oil forms a grinding paste that shortens the life of every moving "
        "part it touches, so cleaning matters more than the brand of lubricant.")
NOTE = "Wax-based lubricants pick up less grit but need applying twice as often."
BOX_TEXT = "Clean first, then lubricate: oil on a dirty chain only carries the grit deeper."
WEAR = ("Chain wear is measured with a checker gauge dropped between the rollers; at 0.5 percent "
        "elongation a light chain should be replaced, and at 0.75 percent any chain should go.")


def _filler(topic: str, count: int) -> list[tuple[str, object]]:
    return [("p", f"{topic} detail {index}: riders who check this every few weeks find that small "
                  f"adjustments made early save a costly repair later in the season, and the "
                  f"workshop notes for {topic.lower()} record each check with its date.")
            for index in range(count)]


CHAPTER = Chapter(
    number="4",
    title="Looking after a bicycle",
    header="Cycling for Everyone: A Course Reader",
    notes={"1": NOTE},
    blocks=[
        ("box", ("Learning outcomes", "By the end of this chapter you should be able to clean a "
                                      "drivetrain, measure chain wear and choose a lubricant.")),
        ("h1", "4.1 Keeping the drivetrain clean"),
        ("h2", "4.1.1 Why grit matters"),
        ("p", GRIT),
        ("p", CHAIN + " Dry lubricant suits summer roads best.[1]"),
        *_filler("Drivetrain", 12),
        ("box", ("Remember", BOX_TEXT)),
        ("h2", "4.1.2 A quick clean"),
        ("li", "Brush the chain with a stiff brush while turning the cranks backwards."),
        ("li", "Wipe each roller run with a rag until the rag comes away grey, not black."),
        ("li", "Drip one drop of lubricant on each roller and wipe off the excess."),
        *_filler("Cleaning", 12),
        ("h1", "4.2 Checking chain wear"),
        ("h2", "4.2.1 Measuring with a gauge"),
        ("p", WEAR),
        ("table", [["Elongation", "Light chain", "Heavy chain"],
                   ["0.5 percent", "Replace", "Keep riding"],
                   ["0.75 percent", "Replace", "Replace"]]),
        *_filler("Gauge", 16),
        ("h1", "Review questions"),
        ("p", "Why does a chain that runs dry skip under load, and what would you check first?"),
    ],
)


@pytest.fixture(scope="module")
def chapter_pdf(tmp_path_factory) -> Path:
    return write_columns_pdf(CHAPTER, tmp_path_factory.mktemp("columns") / "bicycle-care.pdf")


@pytest.fixture(scope="module")
def converted(chapter_pdf) -> str:
    return read_course_file(chapter_pdf, 10_000_000).text


@pytest.fixture(scope="module")
def chunks(chapter_pdf):
    document, _ = parse_course_file(chapter_pdf, 10_000_000)
    return chunk_document(document)


def test_the_fixture_really_is_set_in_two_columns(chapter_pdf):
    import pdfplumber

    with pdfplumber.open(chapter_pdf) as pdf:
        assert len(pdf.pages) >= 2
        lines = pdf.pages[0].extract_text_lines()
        # read across the page, some line joins the two columns: what the reader must undo
        assert any(line["x0"] < 200 and line["x1"] > 400 for line in lines)


@pytest.mark.parametrize("sentence", [GRIT, CHAIN, WEAR, BOX_TEXT])
def test_a_sentence_of_one_column_comes_out_whole(converted, sentence):
    assert sentence in " ".join(converted.split())


def test_the_columns_are_read_in_order(converted):
    text = " ".join(converted.split())
    assert text.index(GRIT) < text.index("4.1.2 A quick clean") < text.index("4.2 Checking chain wear") < text.index(WEAR)


def test_bold_numbered_headings_open_sections_whatever_their_case(chunks):
    sections = {chunk.section for chunk in chunks}
    assert {"4.1.1 Why grit matters", "4.1.2 A quick clean", "4.2.1 Measuring with a gauge"} <= sections
    by_text = {chunk.text: chunk.section for chunk in chunks}
    assert next(section for text, section in by_text.items() if GRIT in text) == "4.1.1 Why grit matters"
    assert next(section for text, section in by_text.items() if WEAR in text) == "4.2.1 Measuring with a gauge"


def test_a_footnote_follows_the_paragraph_that_calls_it(converted):
    paragraphs = [" ".join(p.split()) for p in converted.split("\n\n")]
    called = next(index for index, p in enumerate(paragraphs) if CHAIN in p)
    assert paragraphs[called + 1] == NOTE  # right after it, without its number
    assert not any(p.startswith(("1. Wax", "1 Wax")) for p in paragraphs)


def test_a_sidebar_title_labels_its_text_in_the_section_it_stands_in(chunks):
    assert "Remember" not in {chunk.section for chunk in chunks}
    boxed = next(chunk for chunk in chunks if BOX_TEXT in chunk.text)
    assert boxed.section.startswith("4.1.")
    assert boxed.text.startswith("Remember:")


def test_bullets_drawn_in_the_columns_are_list_items(converted):
    assert "- Brush the chain with a stiff brush while turning the cranks backwards." in converted


def test_a_table_in_one_column_is_rows_and_its_words_are_not_prose(chunks):
    rows = [chunk for chunk in chunks if chunk.kind == "table_row"]
    assert len(rows) == 2 and all(row.section == "4.2.1 Measuring with a gauge" for row in rows)
    prose = " ".join(chunk.text for chunk in chunks if chunk.kind != "table_row")
    assert "Keep riding" not in prose


def test_outcomes_review_questions_and_page_furniture_are_not_indexed(chunks):
    text = " ".join(chunk.text for chunk in chunks)
    assert "you should be able to" not in text
    assert "what would you check first" not in text
    assert "Cycling for Everyone" not in text
    assert not any(chunk.section in ("Learning outcomes", "Review questions") for chunk in chunks)


# --- guards: what must not change ---------------------------------------------------------------

SINGLE = Module(
    title="Storing Garden Tools",
    parts=[Part(heading="Drying And Oiling", paragraphs=[
        "Wipe each blade dry before it goes on the rack, because damp steel rusts overnight in a "
        "closed shed and pitted metal never takes a clean edge again. " * 3],
        table=[("Tool", "Oil", "Interval in weeks"), ("Spade", "Linseed", "6"), ("Shears", "Light machine", "2")]),
        Part(heading="Hanging Tools", paragraphs=["Hang long tools by the handle so the blade stays off the floor."])],
)


def test_a_single_column_page_has_no_columns(tmp_path):
    import pdfplumber

    from knowledge.formats.pdf_columns import regions

    path = write_pdf(SINGLE, tmp_path / "tools.pdf")
    with pdfplumber.open(path) as pdf:
        assert all(regions(page) is None for page in pdf.pages)
    text = read_course_file(path, 10_000_000).text
    assert "| Spade | Linseed | 6 |" in text
    assert "Wipe each blade dry before it goes on the rack" in text


def test_a_paragraph_numbered_like_a_footnote_in_body_type_stays_in_place(tmp_path):
    from knowledge.formats.pdf_asides import footnotes

    body = [{"text": "2 Hang long tools by the handle.", "size": 10.0, "top": 700.0, "bottom": 710.0,
             "x0": 50.0, "x1": 300.0, "pos": (0, 700.0)},
            {"text": "2", "size": 6.0, "top": 300.0, "bottom": 306.0, "x0": 200.0, "x1": 204.0, "pos": (0, 300.0)}]
    notes = footnotes([body], 10.0)
    assert not notes.lines and not notes.calls  # the same size as the body: a numbered line, no note


def test_lines_with_a_figure_set_far_right_are_not_two_columns(tmp_path):
    """A price list or a CV sets a short figure at the right margin of each line: one column."""
    import pdfplumber
    from fpdf import FPDF

    from knowledge.formats.pdf_columns import regions

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for index in range(14):
        pdf.cell(120, 8, f"Service item {index}: a tune-up of the gears and brakes")
        pdf.cell(0, 8, f"EUR {20 + index}.00", align="R", new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "price-list.pdf"
    pdf.output(str(path))
    with pdfplumber.open(path) as document:
        assert regions(document.pages[0]) is None
    text = read_course_file(path, 10_000_000).text
    assert "Service item 3: a tune-up of the gears and brakes EUR 23.00" in " ".join(text.split())
