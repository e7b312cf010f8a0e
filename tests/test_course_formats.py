"""Any course, any format: what a module's own structure gives (sections, tables, outline, metric
rows) whatever its format, and nothing of a module that is not served."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge import course
from knowledge.chunking import chunk_document
from knowledge.course import Course, column_roles, metric_rows
from knowledge.parsing import parse_markdown, parse_text

PLAIN = """Running a Community Bike Workshop

This module covers how a volunteer workshop takes in bikes, repairs them and tracks its work.

1. Taking In Donated Bikes

Every bike that arrives is logged before anyone works on it.

1.1 Checking the Frame

Look for cracks at the joints before you accept a bike:

* check the head tube and the bottom bracket;
* reject any frame with a crack, whatever the brand.

1.2 Recording a Donation

Write down the following for each bike:

(a) the donor's name, unless they ask not to be named;
(b) the frame number;
(c) the condition grade.

2. Measuring the Workshop's Work

The coordinator reviews these figures every month:

Service line              Main measure                 Early signal               Longer-term result
-----------------------   --------------------------   ------------------------   ----------------------------
Repair sessions           Bikes fixed per session      Volunteers booked          Returning riders after a year
Refurbished bike sales    Income per bike sold         Bikes graded ready         Share of buyers who come back

Figures go to the trustees each quarter.
"""

PARTS = """# Bee-keeping for Beginners

An introduction for first-year keepers.

## Part 1: Setting Up an Apiary

### Choosing a site

Put hives where the entrance faces away from paths.

#### Checking the ground

The ground should drain well after rain.

## Part 2: Inspections

### What to look for

Look for eggs, larvae and capped brood on each frame.

| Hive task | Key indicator | Leading indicator | Lagging indicator |
|---|---|---|---|
| Spring inspection | Brood frames, Queen seen | Eggs present | Honey harvested |
"""


def _titles(document):
    return [(lesson.lesson, lesson.title, [s.title for s in lesson.sections]) for lesson in document.lessons]


def test_plain_text_numbered_title_case_headings_become_lessons_and_sections():
    document = parse_text(PLAIN, "bike-workshop.txt")
    assert document.module_title == "Running a Community Bike Workshop"
    titles = _titles(document)
    assert titles[1] == ("1", "1. Taking In Donated Bikes", ["1. Taking In Donated Bikes", "1.1 Checking the Frame", "1.2 Recording a Donation"])
    assert titles[2][:2] == ("2", "2. Measuring the Workshop's Work")


def test_plain_text_bullets_and_enumerations_are_lists_and_aligned_tables_are_rows():
    document = parse_text(PLAIN, "bike-workshop.txt")
    blocks = {s.title: s.blocks for lesson in document.lessons for s in lesson.sections}
    assert [b.kind for b in blocks["1.1 Checking the Frame"]] == ["prose", "bullets"]
    assert [b.kind for b in blocks["1.2 Recording a Donation"]] == ["prose", "bullets"]
    rows = [b for b in blocks["2. Measuring the Workshop's Work"] if b.kind == "table_row"]
    assert rows[0].text == (
        "Service line: Repair sessions\nMain measure: Bikes fixed per session\n"
        "Early signal: Volunteers booked\nLonger-term result: Returning riders after a year"
    )
    assert len(rows) == 2 and PLAIN[rows[1].start : rows[1].end].startswith("Refurbished")


def test_a_plain_text_file_without_headings_is_one_section_named_after_it():
    document = parse_text("Just one paragraph of notes.\n\nAnd a second one.\n", "notes.txt")
    assert [(l.title, [s.title for s in l.sections]) for l in document.lessons] == [("notes", ["notes"])]


def test_markdown_parts_under_one_title_become_lessons_and_deeper_headings_sections():
    document = parse_markdown(PARTS, "bees.md")
    titles = _titles(document)
    assert document.module_title == "Bee-keeping for Beginners"
    assert titles[1] == ("1", "Part 1: Setting Up an Apiary", ["Choosing a site", "Checking the ground"])
    assert titles[2][0] == "2"


@pytest.mark.parametrize(
    ("headers", "roles"),
    [
        (["AI Application", "Key KPIs Influenced", "Leading Indicators", "Lagging Indicators"],
         {1: "kpis", 2: "leading", 3: "lagging"}),
        (["Programme or channel", "Main measure", "Early signal (first 2-6 weeks)", "Longer-term result"],
         {1: "kpis", 2: "leading", 3: "lagging"}),
        (["Food category", "Safe storage temperature", "Maximum storage time", "How to check"], {}),
        (["Segment", "Working definition", "Typical share of file", "Main ask"], {}),
    ],
)
def test_metric_columns_are_recognised_by_their_headers(headers, roles):
    assert column_roles(headers) == roles


def test_metric_rows_come_from_any_module_each_cited_to_its_own_section():
    chunks = chunk_document(parse_text(PLAIN, "bike-workshop.txt")) + chunk_document(parse_markdown(PARTS, "bees.md"))
    rows = metric_rows(chunks)
    assert [(r.application, r.source, r.lesson, r.section) for r in rows] == [
        ("Repair sessions", "bike-workshop.txt", "2", "2. Measuring the Workshop's Work"),
        ("Refurbished bike sales", "bike-workshop.txt", "2", "2. Measuring the Workshop's Work"),
        ("Spring inspection", "bees.md", "2", "What to look for"),
    ]
    assert rows[0].kpis == ["Bikes fixed per session"] and rows[0].leading == ["Volunteers booked"]
    assert rows[2].kpis == ["Brood frames", "Queen seen"]


def test_the_outline_and_refusal_describe_every_served_module_and_no_other(monkeypatch):
    from assistant.answering.compose import course_outline
    from assistant.answering.offline import REFUSALS

    served = chunk_document(parse_text(PLAIN, "bike-workshop.txt"))
    monkeypatch.setattr(course, "_served", Course(served))
    outline = course_outline()
    assert outline.startswith("“Running a Community Bike Workshop” covers 1. Taking In Donated Bikes; 2.")
    refusal = REFUSALS["out_of_scope"]
    assert "Running a Community Bike Workshop" in refusal and "Taking In Donated Bikes" in refusal
    bundled = Path(course.__file__).parent / "corpus" / "module-6-ai-strategy.md"
    bundled_title = parse_markdown(bundled.read_text(encoding="utf-8"), bundled.name).module_title
    assert bundled_title not in outline + refusal

    both = served + chunk_document(parse_markdown(PARTS, "bees.md"))
    monkeypatch.setattr(course, "_served", Course(both))
    assert "Bee-keeping for Beginners" in course_outline() and "Running a Community" in course_outline()


def test_the_sidecar_is_read_only_for_a_served_course(tmp_path, monkeypatch):
    from assistant.answering.offline import answer_texts, load_assumptions

    module = tmp_path / "bike-workshop.txt"
    module.write_text(PLAIN, encoding="utf-8")
    (tmp_path / "bike-workshop.advisor.yaml").write_text(
        "titles: {kpi: Workshop measures}\nassumptions: {Repair sessions: {impact: 9, confidence: 8, ease: 7}}\n",
        encoding="utf-8",
    )
    chunks = chunk_document(parse_text(PLAIN, module.name))
    monkeypatch.setattr(course, "_served", Course(chunks, [module]))
    assert answer_texts()["titles"]["kpi"] == "Workshop measures"
    assert load_assumptions() == {"Repair sessions": {"impact": 9, "confidence": 8, "ease": 7}}
    monkeypatch.setattr(course, "_served", Course(chunks, []))  # no sidecar: general texts, equal estimates
    assert answer_texts()["titles"]["kpi"] == "KPIs to track"
    assert load_assumptions() == {
        "Repair sessions": {"impact": 5, "confidence": 5, "ease": 5},
        "Refurbished bike sales": {"impact": 5, "confidence": 5, "ease": 5},
    }
