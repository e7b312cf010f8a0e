"""Formats the engine was not written against: an HTML page exported from a course site (menus,
breadcrumbs, sidebar and footer around the text, tables), slide-deck speaker notes in plain text
("Slide 7 — Title", bullets, "Notes:" paragraphs, a table in space-aligned columns without a
rule, pipe rows without a separator line), Markdown with setext headings, a Word document
whose page header and footer are not course text, and a plain-text procedure (a title block,
numbered headings in capitals, hard-wrapped lines, lettered steps, a bordered grid and a
tab-separated table, a revision history and an end marker). Each comes out as sections named by its own
headings, tables as rows, and an outline of its own parts, alone and beside the bundled course.
The modules are test data (tests/data/formats/); nothing from them is in product code."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import course
from knowledge.chunking import chunk_document
from knowledge.course import Course
from knowledge.parsing import parse_course_file
from knowledge.settings import DEFAULT_CORPUS

FORMATS = Path(__file__).parent / "data" / "formats"


def write_docx(path: Path) -> Path:
    """A Word module: Title, "Heading 1" parts, "Heading 2" sections, a bold line standing as a
    heading, bullets, a table, and a page header and footer that are not course text."""
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Northwind Logistics internal training"
    section.footer.paragraphs[0].text = "Confidential. Printed copies are uncontrolled."
    document.add_heading("Forklift Safety in the Warehouse", 0)
    document.add_paragraph("This module is for every operator who drives a counterbalance truck.")
    document.add_heading("Before Each Shift", 1)
    document.add_heading("The Pre-Use Check", 2)
    document.add_paragraph("Walk around the truck and look for hydraulic leaks under the mast.")
    for item in ("Test the horn and the lights", "Check the forks for cracks", "Fasten the seat belt"):
        document.add_paragraph(item, style="List Bullet")
    bold = document.add_paragraph()
    bold.add_run("Reporting a Fault").bold = True
    document.add_paragraph("A truck that fails the check is tagged out and the keys go to the supervisor.")
    document.add_heading("Driving Safely", 1)
    document.add_heading("Speed Limits", 2)
    document.add_paragraph("Speed limits depend on where the truck is driven:")
    rows = [("Area", "Limit", "Horn"), ("Loading bay", "5 km/h", "At every door"),
            ("Main aisle", "10 km/h", "At junctions")]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    document.save(str(path))
    return path


def _module(name: str, tmp_path: Path) -> Path:
    return write_docx(tmp_path / name) if name.endswith(".docx") else FORMATS / name


# file → (module title, its parts in order, sections under them, table rows as "Header: value" runs)
EXPECTED = {
    "composting-course-page.html": (
        "Community Composting",
        ["Choosing a Site", "The Browns-to-Greens Ratio", "Turning and Monitoring", "Measuring the Site's Success"],
        ["Permissions"],
        ["Material: Dry leaves\nType: Brown\nHow to add it: Shred first, store in a leaf cage",
         "Measure: Waste diverted from landfill\nTarget: 2 tonnes a year\nChecked: Quarterly"],
    ),
    "phishing-slide-notes.txt": (
        "Spotting Phishing at Work — Speaker Notes",
        ["Why Phishing Still Works", "Five Warning Signs", "What To Do When You Click", "Reporting Times",
         "Measuring Awareness"],
        [],
        ["Incident type: Entered a password\nReport within: 15 minutes\nWho to call: IT desk and line manager",
         "Measure: Staff who click a test phish\nTarget: under 5%\nHow often: Every quarter"],
    ),
    "youth-coaching.md": (
        "Coaching Youth Football",
        ["Planning a Session", "Warm-Up Games", "Keeping Players Safe"],
        ["Head Injuries", "Heat and Water"],
        ["Age group: Under 12\nSession length: 75 minutes\nWater breaks: Every 20 minutes"],
    ),
    "cold-room-sop.txt": (
        "Cleaning and Sanitising the Walk-In Cold Room",
        ["1. PURPOSE", "2. SCOPE", "3. PREPARATION", "4. CLEANING PROCEDURE", "5. CHECKS AND RECORDS"],
        ["3.1 Moving the Stock", "3.2 Chemicals and Dilution", "4.2 Door Seals and Drains"],
        ["Chemical: Sanitiser\nDilution: 1 part to 100 parts cold water\nContact time: 5 minutes, then air dry",
         "Part: Evaporator fins\nTool: Engineer only\nHow often: Every three months"],
    ),
    "forklift-safety.docx": (
        "Forklift Safety in the Warehouse",
        ["Before Each Shift", "Driving Safely"],
        ["The Pre-Use Check", "Reporting a Fault", "Speed Limits"],
        ["Area: Loading bay\nLimit: 5 km/h\nHorn: At every door"],
    ),
}
# Words of each file that are page furniture, not course text: they must not be indexed.
FURNITURE = {
    "composting-course-page.html": ["All rights reserved", "Sign in", "Privacy policy", "Soil Basics",
                                    "In this course", "Home", "dataLayer"],
    "phishing-slide-notes.txt": [],
    "youth-coaching.md": ["=====", "-----"],
    "forklift-safety.docx": ["Northwind Logistics internal training", "Printed copies are uncontrolled"],
    # a procedure's document control: its title block, rules, revision history and end marker
    "cold-room-sop.txt": ["QA-CR-012", "Approved by", "Effective date", "REVISION HISTORY", "Added swab test",
                          "END OF DOCUMENT", "+---", "====", "-----"],
}


@pytest.fixture
def chunks_of(tmp_path):
    def read(name: str):
        document, _ = parse_course_file(_module(name, tmp_path))
        return document, chunk_document(document)

    return read


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections_are_named_by_the_files_own_headings(name, chunks_of):
    title, parts, sections, _ = EXPECTED[name]
    document, chunks = chunks_of(name)
    assert document.module_title == title
    lesson_titles = [lesson.title for lesson in document.lessons]
    section_titles = [s.title for lesson in document.lessons for s in lesson.sections]
    for part in parts:
        assert part in lesson_titles or part in section_titles
    assert [p for p in parts if p in lesson_titles + section_titles] == parts  # in file order
    for heading in sections:
        assert heading in section_titles
    cited = {chunk.section for chunk in chunks}
    assert Path(name).stem not in cited and name not in cited  # no section named after the file


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_tables_are_rows_and_furniture_is_dropped(name, chunks_of):
    *_, rows = EXPECTED[name]
    _, chunks = chunks_of(name)
    table_rows = [chunk.text for chunk in chunks if chunk.kind == "table_row"]
    for row in rows:
        assert row in table_rows
    assert all(": " in line for row in table_rows for line in row.split("\n"))  # every cell labelled
    indexed = "\n".join(chunk.text + "\n" + chunk.section + "\n" + chunk.lesson_title for chunk in chunks)
    for words in FURNITURE[name]:
        assert words not in indexed


def test_slide_notes_keep_bullets_and_notes_apart_from_the_table(chunks_of):
    _, chunks = chunks_of("phishing-slide-notes.txt")
    by_text = {chunk.text.split("\n")[0]: chunk for chunk in chunks}
    notes = [chunk for chunk in chunks if chunk.text.startswith("Notes:")]
    assert len(notes) == 5 and all(chunk.kind == "prose" for chunk in notes)
    assert by_text["The sender's address does not match the display name"].kind == "bullets"
    assert not any("Notes:" in chunk.text for chunk in chunks if chunk.kind == "table_row")
    warning = by_text["The sender's address does not match the display name"]
    assert warning.section == "Five Warning Signs" and warning.lesson == "2"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_outline_lists_the_modules_own_parts_alone_and_beside_the_bundled_course(name, chunks_of, monkeypatch):
    from assistant.answering.compose import course_outline

    title, parts, _, _ = EXPECTED[name]
    _, chunks = chunks_of(name)
    bundled = chunk_document(parse_course_file(DEFAULT_CORPUS)[0])
    bundled_title = bundled[0].module_title
    monkeypatch.setattr(course, "_served", Course(chunks))
    alone = course_outline()
    assert alone.startswith(f"“{title}” covers ")
    assert all(part in alone for part in parts)
    assert bundled_title not in alone
    monkeypatch.setattr(course, "_served", Course(bundled + chunks))
    beside = course_outline()
    assert f"“{bundled_title}”" in beside and f"“{title}” covers " in beside
    assert all(part in beside for part in parts)


def test_what_does_this_course_cover_is_answered_from_slide_notes_alone(tmp_path, embedder):
    from assistant.engine import Advisor
    from assistant.settings import Settings
    from knowledge.index import CourseIndex

    path = FORMATS / "phishing-slide-notes.txt"
    settings = Settings(data_dir=tmp_path / "data", corpus_paths=[path])
    CourseIndex(settings, embedder=embedder).ingest([path])
    result = Advisor(settings, embedder=embedder).ask("What does this course cover?", remember=False)
    assert not result.refused
    title, parts, _, _ = EXPECTED[path.name]
    assert title in result.answer and all(part in result.answer for part in parts)
    assert {c.source for c in result.citations} <= {path.name}


DECK = """Slide 1 — Running a Bicycle Repair Cafe
- A half-day workshop for volunteer organisers
Notes:
Welcome everyone; this deck is the organisers' handbook.

Slide 2 — Part 1: Before the Day

Slide 3 — Finding a venue
- A hall with tables, daylight and a sink
Notes:
Community centres often lend a room for free on a weekday evening.

Slide 4 — Part 2: On the Day

Slide 5 — Who does what
Role | Arrives | Looks after
Host | 9:00 | Sign-in desk and queue
Mechanic | 9:30 | Repairs at one stand
Notes:
Pair every new mechanic with an experienced one for the first session.
"""


def test_a_deck_is_titled_by_its_first_slide_and_divided_by_its_part_slides():
    from knowledge.parsing import parse_text

    document = parse_text(DECK, "repair-cafe.txt")
    assert document.module_title == "Running a Bicycle Repair Cafe"
    parts = {lesson.title: [s.title for s in lesson.sections] for lesson in document.lessons}
    assert parts["Part 1: Before the Day"] == ["Finding a venue"]
    assert parts["Part 2: On the Day"] == ["Who does what"]
    rows = [b.text for lesson in document.lessons for s in lesson.sections for b in s.blocks if b.kind == "table_row"]
    assert rows == ["Role: Host\nArrives: 9:00\nLooks after: Sign-in desk and queue",
                    "Role: Mechanic\nArrives: 9:30\nLooks after: Repairs at one stand"]


def test_a_label_line_over_a_slides_notes_is_not_part_of_their_text():
    from knowledge.parsing import parse_text

    document = parse_text(DECK, "repair-cafe.txt")
    blocks = [b for lesson in document.lessons for s in lesson.sections for b in s.blocks]
    notes = [b for b in blocks if b.text.startswith("Community centres")]
    assert len(notes) == 1 and notes[0].kind == "prose"
    assert not any(b.text.startswith("Notes:") for b in blocks)
    assert DECK[notes[0].start:notes[0].end] == notes[0].text  # offsets still point at the source
