"""A team-wiki page exported as Markdown (Setext headings, an "On this page" list, a definition
list, footnotes, an FAQ in "Q:"/"A:" pairs, a page history) and a PDF handout (numbered headings,
numbered steps drawn as "1 Step…") are read as what they teach: the furniture stays out, each
term travels with its definition, each step is one item, and a numbered heading is cited as the
reader sees it. The modules are written here, for these tests; no course's words."""

from __future__ import annotations

import pytest

from knowledge.chunking import chunk_document
from knowledge.parsing import parse_course_file, parse_markdown, parse_text
from knowledge.types import Citation

WIKI = """Lending Tools from a Community Shed
===================================

*Volunteers wiki · Shed space*

This page is how the shed lends tools: membership, checking tools out and in, and repairs.

**On this page**

- [Lending basics](#lending-basics)
- [Checking tools in](#checking-tools-in)

Lending basics
--------------

Members borrow tools for up to a week.[^1] A deposit is taken for power tools.

### Key terms

Loan period
: The number of days a member may keep a tool, counted from the day it
  leaves the shed.

Tool steward
: The volunteer who signs tools out and inspects them on return.

> **Note**
> Deposits are returned in cash only, never by bank transfer, because the shed has no
> card reader at the counter.

Checking tools in
-----------------

The tool steward checks every tool back in the same way:

1. Match the tool number to the loan
   card.
2. Test a power tool before it goes back on the shelf.

### Frequently asked questions

**Q:** What if a tool comes back broken?

A: Tell the tool steward; accidental damage is never charged to the member.

**Q:** Can I extend a loan?

A: Once, by a week, if nobody else has booked the tool.

[^1]: Longer loans are agreed case by case for house moves.

Page history
------------

- 2026-03-02 · Coordinator · Added the deposit rule
- 2026-01-15 · Treasurer · Page created
"""


@pytest.fixture(scope="module")
def wiki():
    document = parse_markdown(WIKI, "tool-shed.md")
    return document, chunk_document(document)


def _texts(chunks) -> str:
    return "\n".join(chunk.text for chunk in chunks)


def test_a_wiki_pages_contents_list_and_history_are_not_course_text(wiki):
    document, chunks = wiki
    titles = [(lesson.lesson, lesson.title) for lesson in document.lessons if lesson.sections]
    assert titles[1:] == [("1", "Lending basics"), ("2", "Checking tools in")]  # parts counted from the first that teaches
    sections = {chunk.section for chunk in chunks}
    assert "On this page" not in sections and "Page history" not in sections
    indexed = _texts(chunks)
    assert "](#" not in indexed and "Page created" not in indexed and "2026-03-02" not in indexed


def test_a_list_of_links_to_the_pages_own_headings_is_not_course_text_whatever_its_label():
    page = ("Keeping Bees\n============\n\nA first-year guide.\n\n- [Hives](#hives)\n- [Swarms](#swarms)\n\n"
            "Hives\n-----\n\nPlace hives facing south-east.\n\nSwarms\n------\n\nCheck for queen cells weekly.\n")
    indexed = _texts(chunk_document(parse_markdown(page, "bees.md")))
    assert "](#" not in indexed and "Place hives facing south-east." in indexed


def test_a_definition_list_reads_one_term_with_its_definition_per_line(wiki):
    _, chunks = wiki
    terms = [chunk.text for chunk in chunks if chunk.section == "Key terms" and ": " in chunk.text]
    assert terms == [
        "Loan period: The number of days a member may keep a tool, counted from the day it leaves the shed.",
        "Tool steward: The volunteer who signs tools out and inspects them on return.",
    ]


def test_footnote_marks_are_dropped_and_a_footnote_keeps_its_words(wiki):
    indexed = _texts(wiki[1])
    assert "[^" not in indexed
    assert "Members borrow tools for up to a week. A deposit" in indexed
    assert "Longer loans are agreed case by case for house moves." in indexed


def test_an_faq_question_and_its_answer_are_one_chunk(wiki):
    _, chunks = wiki
    faq = [chunk.text for chunk in chunks if chunk.section == "Frequently asked questions"]
    assert "Q: What if a tool comes back broken?\nA: Tell the tool steward; accidental damage is never charged to the member." in faq
    assert "Q: Can I extend a loan?\nA: Once, by a week, if nobody else has booked the tool." in faq


def test_a_wrapped_blockquote_line_is_joined_without_its_marker(wiki):
    indexed = _texts(wiki[1])
    assert "the shed has no card reader at the counter." in indexed and "> " not in indexed


def test_a_numbered_heading_keeps_its_number_and_its_citation_says_it_once():
    text = ("Safe Ladder Work\n\n1. Before You Climb\n\nCheck both feet of the ladder on firm ground.\n\n"
            "1.1 Choosing the Ladder\n\nPick a ladder one metre taller than the highest step you stand on.\n\n"
            "2. Working at Height\n\nKeep three points of contact at all times.\n")
    document = parse_text(text, "ladders.txt")
    assert [(lesson.lesson, lesson.title) for lesson in document.lessons][1:] == [
        ("1", "1. Before You Climb"), ("2", "2. Working at Height")]
    assert [s.title for s in document.lessons[1].sections] == ["1. Before You Climb", "1.1 Choosing the Ladder"]
    assert Citation(chunk_id="c", lesson="2", section="2. Working at Height", quote="").label == "2. Working at Height"
    assert Citation(chunk_id="c", lesson="2", section="Ladder feet", quote="").label == "Lesson 2 › Ladder feet"


def _handout(path):
    """A two-page handout as a PDF tool draws one: a numbered bold heading, a lead-in, numbered
    steps whose number stands apart from a wrapped, indented text, and a sentence that starts
    with a figure."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, "Running a Bake Sale", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 9, "1. Setting Up the Table", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, "Work through the same steps before the doors open:", new_x="LMARGIN", new_y="NEXT")
    steps = ["Label every tray with its price and a list of the allergens in each bake, in large letters "
             "that a visitor can read from a metre away without leaning over the food.",
             "Keep the cash box behind the table.",
             "Put the cakes with nuts at one end, away from the rest."]
    for number, step in enumerate(steps, 1):
        top = pdf.get_y()
        pdf.set_x(10)
        pdf.cell(6, 6, str(number))
        pdf.set_xy(16, top)
        pdf.multi_cell(0, 6, step, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "15 minutes before closing, cut the prices of what is left by half.", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.multi_cell(0, 6, "12 Volunteers ran the last sale, and none stood at the till for over an hour.",
                   new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, "Table 1. Prices by tray", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    with pdf.table() as table:
        for row in [("Tray", "Price"), ("Flapjack", "1.50"), ("Brownie", "2.00")]:
            cells = table.row()
            for cell in row:
                cells.cell(cell)
    pdf.output(str(path))
    return path


def test_a_tables_bold_caption_is_not_a_section_of_its_own(tmp_path):
    document, _ = parse_course_file(_handout(tmp_path / "bake-sale.pdf"))
    rows = {chunk.section for chunk in chunk_document(document) if chunk.kind == "table_row"}
    assert rows == {"1. Setting Up the Table"}


def test_a_pdf_numbered_list_is_one_item_per_step(tmp_path):
    document, converted = parse_course_file(_handout(tmp_path / "bake-sale.pdf"))
    lines = converted.text.split("\n")
    assert [line for line in lines if line[:2] in {"1.", "2.", "3."}] == [
        "1. Label every tray with its price and a list of the allergens in each bake, in large letters that a "
        "visitor can read from a metre away without leaning over the food.",
        "2. Keep the cash box behind the table.",
        "3. Put the cakes with nuts at one end, away from the rest.",
    ]
    assert "15 minutes before closing, cut the prices of what is left by half." in lines  # a figure, not a step
    assert "12 Volunteers ran the last sale, and none stood at the till for over an hour." in lines  # not step 12
