"""A plain-text procedure (tests/data/formats/cold-room-sop.txt, test data only): its document
control is not course text, its hard-wrapped lines are read as the sentences they are, its
lettered steps as one list, and its drawn tables (a bordered grid with wrapped cells, tab-separated
rows) as rows labelled by their headers."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunking import chunk_document, units
from knowledge.furniture import is_decoration, records_the_document, title_block
from knowledge.parsing import parse_text, unwrap
from knowledge.text_tables import grid_run, read_grid, read_tabs, tab_run

SOP = Path(__file__).parent / "data" / "formats" / "cold-room-sop.txt"


@pytest.fixture(scope="module")
def sop():
    text = SOP.read_text(encoding="utf-8")
    document = parse_text(text, SOP.name)
    return text, document, chunk_document(document)


def _section(chunks, title):
    return [chunk for chunk in chunks if chunk.section == title]


def test_the_title_block_names_the_module_and_is_not_indexed(sop):
    _, document, chunks = sop
    assert document.module_title == "Cleaning and Sanitising the Walk-In Cold Room"
    indexed = "\n".join(chunk.text for chunk in chunks)
    assert "Hygiene Supervisor" not in indexed and "Version" not in indexed


def test_the_revision_history_and_end_marker_are_not_sections(sop):
    _, document, chunks = sop
    titles = [lesson.title for lesson in document.lessons] + [s.title for lesson in document.lessons for s in lesson.sections]
    assert "REVISION HISTORY" not in titles and "END OF DOCUMENT" not in titles
    assert chunks[-1].section == "5. CHECKS AND RECORDS"  # the last part that teaches


def test_a_hard_wrapped_sentence_is_one_quotable_unit(sop):
    _, _, chunks = sop
    [purpose] = _section(chunks, "1. PURPOSE")
    sentences = [unit.text for unit in units(purpose.text, purpose.kind)]
    assert ("This procedure sets out how the walk-in cold room is emptied, cleaned and sanitised so that "
            "chilled stock stays below 5 C and no residue is left on shelves or door seals.") in sentences


def test_lettered_steps_with_wrapped_lines_are_one_list_of_whole_steps(sop):
    _, _, chunks = sop
    [steps] = [c for c in _section(chunks, "3.1 Moving the Stock") if c.kind == "bullets"]
    assert steps.text.split("\n") == [
        "a) Move all stock to the reserve chiller before starting, oldest items at the front.",
        "b) Check every label while moving it and throw away anything past its use-by date, "
        "recording the item on the waste sheet.",
        "c) Keep the door closed between trips so the reserve chiller stays below 5 C.",
    ]


def test_definitions_wrapped_under_their_bullet_stay_with_it(sop):
    _, _, chunks = sop
    [terms] = [c for c in _section(chunks, "2. SCOPE") if c.kind == "bullets"]
    assert "Sanitiser: a chemical that reduces bacteria on a clean surface to a safe level; it does not remove dirt." \
        in terms.text.split("\n")


def test_a_grid_row_joins_its_wrapped_cells_and_its_offsets_point_at_the_source(sop):
    text, document, _ = sop
    rows = [b for lesson in document.lessons for s in lesson.sections for b in s.blocks
            if b.kind == "table_row" and s.title == "3.2 Chemicals and Dilution"]
    assert [b.text for b in rows] == [
        "Chemical: Degreaser\nDilution: 1 part to 20 parts warm water\nContact time: 2 minutes",
        "Chemical: Sanitiser\nDilution: 1 part to 100 parts cold water\nContact time: 5 minutes, then air dry",
    ]
    assert text[rows[1].start:rows[1].end].startswith("| Sanitiser")
    assert text[rows[1].start:rows[1].end].rstrip().endswith("air dry          |")


@pytest.mark.parametrize("line, decoration", [
    ("-----------------", True), ("=====", True), ("END OF DOCUMENT", True), ("— End of procedure —", True),
    ("Page 3 of 12", True), ("End the session by switching off the lights.", False), ("---", False),
    ("Pages of notes", False),
])
def test_decoration_lines(line, decoration):
    assert is_decoration(line) is decoration


@pytest.mark.parametrize("heading, record", [
    ("9. REVISION HISTORY", True), ("Change log", True), ("Document Control", True), ("Table of Contents", True),
    ("Version history", True), ("Approvals", True), ("Revising the Menu", False), ("Controlling Costs", False),
    ("History of the Craft", False),
])
def test_sections_that_record_the_document(heading, record):
    assert records_the_document(heading) is record


def test_a_title_block_needs_three_field_lines_and_gives_its_title_field():
    assert title_block("Title: Welding Basics\nOwner: Workshop\nVersion: 2") == "Welding Basics"
    assert title_block("Document No.: W-1\nOwner: Workshop\nVersion: 2") == ""  # a block without a title
    assert title_block("Owner: Workshop\nVersion: 2") is None  # two lines: a short list in the text
    assert title_block("Title: Welding Basics\nWear gloves at all times, and keep the area clear.\nVersion: 2") is None


def test_a_grid_without_borders_between_rows_reads_a_row_a_line():
    lines = ["+------+-------+", "| Tool | Use   |", "+======+=======+", "| Saw  | Cut   |",
             "|      | wood  |", "| File | Shape |", "+------+-------+", "after the table"]
    assert grid_run(lines, 0) == 7
    table = read_grid(lines[:7])
    assert table.header == ["Tool", "Use"]
    assert [row.cells for row in table.rows] == [["Saw", "Cut wood"], ["File", "Shape"]]


def test_tab_rows_need_a_header_and_keep_ragged_rows():
    lines = ["Item\tQty\tNote", "Gloves\t2", "Mask\t1\tFFP2", "Not a row"]
    assert tab_run(lines, 0) == 3
    assert [row.cells for row in read_tabs(lines[:3]).rows] == [["Gloves", "2"], ["Mask", "1", "FFP2"]]
    assert tab_run(["One\ttwo", "plain line"], 0) == 0


@pytest.mark.parametrize("raw, lines", [
    # broken mid-sentence: joined
    ("Check every label while moving it and throw away\nanything past its date.", 1),
    # a sentence ends at the break, a lead-in, a short label: kept
    ("Move all stock to the reserve chiller first.\nThen clean.", 2),
    ("Keep these at hand during the clean:\n- gloves", 2),
    ("Owner\nStudio", 2),
    # an item's indented line joins it; the next item does not
    ("a) Set up the lights and tripod\n   on their marks.\nb) Test.", 2),
])
def test_unwrap(raw, lines):
    assert len(unwrap(raw).split("\n")) == lines


def write_procedure_docx(path: Path, block_as_table: bool) -> Path:
    """A Word procedure: a title block (a two-column table, or "Field: value" paragraphs), a
    table of contents, numbered "Heading 1" parts, a table with a cell merged across two columns,
    and a revision history."""
    import docx

    document = docx.Document()
    block = [("Document title", "Handling Returned Parcels"), ("Reference", "WH-RET-07"), ("Version", "1.4")]
    if block_as_table:
        table = document.add_table(rows=3, cols=2)
        for r, (label, value) in enumerate(block):
            table.cell(r, 0).text, table.cell(r, 1).text = label, value
    else:
        for label, value in block:
            document.add_paragraph(f"{label}: {value}")
    document.add_paragraph("Contents", style="TOC Heading")
    document.add_heading("1. Receiving a Return", 1)
    document.add_paragraph("Open every returned parcel at the returns bench, never at a packing station.")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([("Condition", "Action", "Who"), ("Unopened", "Back to stock", "Returns clerk"),
                             ("Damaged", "", "")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 1).merge(table.cell(2, 2)).text = "Quarantine shelf and photo"
    document.add_heading("2. Refunds", 1)
    document.add_paragraph("Refunds are issued within five working days of the parcel being checked.")
    document.add_heading("Revision History", 1)
    history = document.add_table(rows=2, cols=2)
    history.cell(0, 0).text, history.cell(0, 1).text = "Version", "Change"
    history.cell(1, 0).text, history.cell(1, 1).text = "1.4", "Added quarantine shelf"
    document.save(str(path))
    return path


@pytest.mark.parametrize("block_as_table", [True, False])
def test_a_word_procedure_is_titled_by_its_title_block_and_keeps_its_document_control_out(tmp_path, block_as_table):
    from knowledge.parsing import parse_course_file

    document, _ = parse_course_file(write_procedure_docx(tmp_path / "returns.docx", block_as_table))
    chunks = chunk_document(document)
    assert document.module_title == "Handling Returned Parcels"
    assert [(lesson.lesson, lesson.title) for lesson in document.lessons if lesson.sections] == [
        ("1", "1. Receiving a Return"), ("2", "2. Refunds")]
    indexed = "\n".join(chunk.text for chunk in chunks)
    assert "WH-RET-07" not in indexed and "Added quarantine shelf" not in indexed and "Contents" not in indexed
    rows = [chunk.text for chunk in chunks if chunk.kind == "table_row"]
    assert rows[-1] == "Condition: Damaged\nAction: Quarantine shelf and photo"  # the merged cell once


def test_a_change_record_table_is_not_course_text_wherever_it_stands():
    text = ("Lifting Safely\n\n1. Before You Lift\n\nTest the weight of the load by tipping one corner "
            "before you lift it.\n\nVersion\tDate\tChange\n1.0\t2025-01-10\tFirst issue\n1.1\t2025-06-01\tAdded trolleys\n\n"
            "Load\tMaximum for one person\nBox of paper\t15 kg\nCrate of drinks\t12 kg\n")
    document = parse_text(text, "lifting.txt")
    rows = [b.text for lesson in document.lessons for s in lesson.sections for b in s.blocks if b.kind == "table_row"]
    assert rows == ["Load: Box of paper\nMaximum for one person: 15 kg", "Load: Crate of drinks\nMaximum for one person: 12 kg"]
