"""A slide deck exported to PDF (one landscape slide per page, a big title and bullets drawn as
their own glyphs, divider slides carrying only a part's name, a footer "… slide n / N" on every
page, title, agenda, questions and thank-you slides, a ruled table) is read as what it teaches:
the dividers are the parts, each teaching slide a section under its part, bullets are list
items, and none of the deck's framing is indexed. The deck is drawn here, for these tests; no
course's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunking import chunk_document
from knowledge.parsing import parse_course_file
from tests.format_fixtures import _font_folder

WRAPPED = ("Spin the wheel slowly and run a thumb around the inside of the tyre, because a thorn that stays "
           "in the tyre punctures the new tube within the first kilometre")
SLIDES = [
    ("frame", "Fixing a Bicycle at Home", ["A workshop for new riders", "Community Bike Hub"]),
    ("slide", "Agenda", [(1, "Tyres and punctures"), (1, "Brakes"), (1, "Chains and gears")]),
    ("frame", "Tyres and punctures", []),
    ("slide", "Finding the leak", [(1, "Pump the tube and listen for the hiss"),
                                   (2, "Hold the tube near your cheek to feel the air"),
                                   (1, "Dip the tube in water: bubbles mark the hole"), (1, WRAPPED)]),
    ("slide", "Why tubes fail", [(0, "Most punctures come from glass and thorns picked up in the wet, when the rubber is "
                                     "soft and grit sticks to the tyre; a worn tread lets them through")]),
    ("table", "Tyre pressure by bike", [["Bike", "Pressure", "Check every"], ["Road", "6-8 bar", "week"],
                                        ["Mountain", "2 bar", "month"]]),
    ("frame", "Brakes", []),
    ("slide", "Rim brake pads", [(1, "Replace pads when the grooves are gone"), (1, "Toe the pads in by one millimetre")]),
    ("slide", "Cable tension", [(1, "Turn the barrel adjuster half a turn at a time")]),
    ("frame", "Chains and gears", []),
    ("slide", "Cleaning the chain", [(1, "Degrease the chain every few hundred kilometres"), (1, "Dry it before you oil it")]),
    ("slide", "Indexing the gears", [(1, "Shift to the smallest cog first")]),
    ("frame", "Questions?", []),
    ("slide", "Thank you", [(0, "Community Bike Hub")]),
    ("frame", "Keep in touch", ["@bikehub on every network"]),
]


def write_deck(path: Path) -> Path:
    """The deck as a presentation tool exports it: A4 landscape, the framing slides' titles set
    larger and centred, bullets drawn as glyphs of their own, a footer with the slide number."""
    from fpdf import FPDF

    fonts = _font_folder()
    pdf = FPDF(orientation="L")
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(False)
    for number, (kind, title, body) in enumerate(SLIDES, 1):
        pdf.add_page()
        if kind == "frame":
            pdf.set_font("DejaVu", "B", 34)
            pdf.set_xy(20, 80)
            pdf.cell(257, 16, title, align="C")
            pdf.set_font("DejaVu", "", 18)
            for index, line in enumerate(body):
                pdf.set_xy(20, 105 + 10 * index)
                pdf.cell(257, 10, line, align="C")
        else:
            pdf.set_font("DejaVu", "B", 26)
            pdf.set_xy(15, 15)
            pdf.cell(0, 14, title)
            if kind == "table":
                pdf.set_font("DejaVu", "", 16)
                pdf.set_xy(15, 45)
                with pdf.table(width=200) as table:
                    for row in body:
                        cells = table.row()
                        for cell in row:
                            cells.cell(cell)
            else:
                y = 45.0
                for depth, text in body:
                    left = 15 + 14 * depth
                    if depth:
                        pdf.set_font("DejaVu", "", 9)
                        pdf.set_xy(left - 7, y + 1.5)
                        pdf.cell(5, 6, "•" if depth == 1 else "–")
                    pdf.set_font("DejaVu", "", 18 if depth < 2 else 15)
                    pdf.set_xy(left, y)
                    pdf.multi_cell(267 - left - 10, 9, text)
                    y = pdf.get_y() + 4
        pdf.set_font("DejaVu", "", 9)
        pdf.set_xy(15, 198)
        pdf.cell(0, 5, f"Community Bike Hub · spring 2026 · slide {number} / {len(SLIDES)}")
    pdf.output(str(path))
    return path


@pytest.fixture(scope="module")
def chunks(tmp_path_factory):
    path = write_deck(tmp_path_factory.mktemp("deck") / "bike-repair.pdf")
    document, _ = parse_course_file(path)
    return document, chunk_document(document)


def test_the_dividers_are_the_parts_and_the_slides_their_sections(chunks) -> None:
    document, _ = chunks
    assert document.module_title == "Fixing a Bicycle at Home"
    outline = {lesson.title: [section.title for section in lesson.sections] for lesson in document.lessons
               if lesson.sections}
    assert outline == {
        "Tyres and punctures": ["Finding the leak", "Why tubes fail", "Tyre pressure by bike"],
        "Brakes": ["Rim brake pads", "Cable tension"],
        "Chains and gears": ["Cleaning the chain", "Indexing the gears"],
    }


def test_each_bullet_is_a_passage_with_its_sub_items_and_a_wrapped_one_is_whole(chunks) -> None:
    _, found = chunks
    leak = [chunk.text for chunk in found if chunk.section == "Finding the leak"]
    assert len(leak) == 3
    assert leak[0] == "Pump the tube and listen for the hiss\nHold the tube near your cheek to feel the air"
    assert WRAPPED in leak
    assert not [text for text in leak if "(cid:" in text or "•" in text or "–" in text]


def test_a_wrapped_paragraph_is_one_block(chunks) -> None:
    _, found = chunks
    (why,) = [chunk for chunk in found if chunk.section == "Why tubes fail"]
    assert why.text.startswith("Most punctures") and why.text.endswith("lets them through")


def test_table_rows_keep_their_headers(chunks) -> None:
    _, found = chunks
    rows = [chunk.text for chunk in found if chunk.kind == "table_row"]
    assert any("Bike: Mountain" in row and "Pressure: 2 bar" in row for row in rows)


@pytest.mark.parametrize("framing", ["slide 3", "spring 2026", "Community Bike Hub", "A workshop for new riders",
                                     "@bikehub", "Questions", "Thank you", "Keep in touch", "Agenda"])
def test_the_decks_framing_is_not_indexed(chunks, framing: str) -> None:
    _, found = chunks
    assert not [chunk.text for chunk in found if framing in chunk.text or framing in chunk.section]
