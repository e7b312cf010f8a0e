"""Two formats read by their shape: a module written in reStructuredText (saved as .txt or .rst)
and a Word document formatted by hand (no heading styles: bold lines in larger sizes, a typed
table of contents, shaded one-cell callouts, a running header and footer). Their sections are
the ones the reader sees, tables stay tables, and the furniture stays out. The modules are
written here, for these tests, on topics of their own; no course's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.formats.rst import convert_rst, looks_like_rst
from knowledge.furniture import contents_entry
from knowledge.parsing import parse_course_file

RST = """\
###########################
Keeping Houseplants Healthy
###########################

:Owner: Green Thumb Club
:Revision: 3
:Reviewed: 2 March 2025

.. contents:: On this page
   :depth: 2

This guide covers watering, light and repotting for plants kept indoors.

Watering
********

Most indoor plants die from too much water, not too little [#]_.

.. [#] Roots sitting in wet compost cannot take in oxygen and begin to rot within a week.

Words used here
^^^^^^^^^^^^^^^

Drainage hole
    An opening in the base of a pot that lets surplus water escape.

Bottom watering
    Standing the pot in a saucer of water for 20 minutes so the compost draws it up.

The finger test
^^^^^^^^^^^^^^^

Push a finger into the compost before watering. Run through it like this::

    [ ] 1. Compost dry 3 cm down: water now
    [ ] 2. Compost damp 3 cm down: wait two days
    [ ] 3. Compost wet on top: check the drainage hole

.. caution::
   Cacti and succulents want the compost completely dry between waterings.

.. image:: images/finger-test.png
   :alt: a finger pushed into a pot

.. a comment for the editors: add the photo credit here

Light
*****

Match the plant to the window, using the ``lux`` guide below.

=================  ===========  ====================
Window faces        Light        Suits
=================  ===========  ====================
South               Strong       Cacti, herbs
East or west        Medium       Ferns, peace lilies
North               Weak         Snake plants
=================  ===========  ====================

Repotting
*********

#. Water the plant the day before.
#. Ease it out and tease the outer roots loose.
#. Set it in a pot one size larger, no more than 5 cm wider.

.. csv-table:: Pot sizes
   :header: "Plant height", "Pot width"

   "Under 30 cm", "12 cm"
   "30 to 60 cm", "17 cm"
"""


def _sections(document) -> list[tuple[str, str]]:
    return [(lesson.title, section.title) for lesson in document.lessons for section in lesson.sections]


def _blocks(document, section_title: str):
    return [block for lesson in document.lessons for section in lesson.sections
            if section.title == section_title for block in section.blocks]


def _all_text(document) -> str:
    return "\n".join(block.text for lesson in document.lessons for section in lesson.sections
                     for block in section.blocks)


@pytest.fixture(scope="module")
def rst_module(tmp_path_factory) -> object:
    path = tmp_path_factory.mktemp("rst") / "houseplants.txt"
    path.write_text(RST, encoding="utf-8")
    return parse_course_file(path)[0]


def test_adorned_titles_are_the_sections_ranked_by_the_order_their_styles_appear(rst_module):
    assert rst_module.module_title == "Keeping Houseplants Healthy"
    sections = _sections(rst_module)
    assert ("Watering", "Words used here") in sections
    assert ("Watering", "The finger test") in sections
    assert ("Light", "Light") in sections
    assert ("Repotting", "Repotting") in sections


def test_bibliographic_fields_contents_images_and_comments_are_not_taught(rst_module):
    text = _all_text(rst_module)
    for furniture in ("Green Thumb Club", "Revision", "On this page", "finger-test.png", "photo credit"):
        assert furniture not in text


def test_a_definition_list_keeps_each_term_with_its_definition(rst_module):
    texts = [block.text for block in _blocks(rst_module, "Words used here")]
    assert "Drainage hole: An opening in the base of a pot that lets surplus water escape." in texts


def test_a_literal_block_keeps_its_lines_apart_and_an_admonition_its_label(rst_module):
    blocks = [block.text for block in _blocks(rst_module, "The finger test")]
    listing = next(text for text in blocks if "Compost dry" in text)
    assert listing.split("\n") == ["1. Compost dry 3 cm down: water now", "2. Compost damp 3 cm down: wait two days",
                                   "3. Compost wet on top: check the drainage hole"]
    assert "Caution: Cacti and succulents want the compost completely dry between waterings." in blocks
    assert "Run through it like this:" in blocks[0]


def test_a_footnote_keeps_its_text_and_loses_its_mark(rst_module):
    texts = [block.text for block in _blocks(rst_module, "Watering")]
    assert "Most indoor plants die from too much water, not too little." in texts
    assert any(text.startswith("Roots sitting in wet compost") for text in texts)


def test_simple_and_csv_tables_become_rows_with_their_headers(rst_module):
    rows = [block.text for block in _blocks(rst_module, "Light") if block.kind == "table_row"]
    assert "Window faces: North\nLight: Weak\nSuits: Snake plants" in rows
    assert "using the lux guide below" in _all_text(rst_module)
    sizes = [block.text for block in _blocks(rst_module, "Repotting") if block.kind == "table_row"]
    assert "Plant height: 30 to 60 cm\nPot width: 17 cm" in sizes
    steps = next(block.text for block in _blocks(rst_module, "Repotting") if "Water the plant" in block.text)
    assert steps.startswith("1. Water the plant") and "\n3. Set it in a pot" in steps


def test_a_rst_suffix_is_read_the_same_way(tmp_path):
    path = tmp_path / "houseplants.rst"
    path.write_text(RST, encoding="utf-8")
    assert _sections(parse_course_file(path)[0])[1] == ("Watering", "Watering")


def test_plain_text_that_is_not_rst_keeps_its_own_reading():
    plain = ("1. Opening the Shop\n\nUnlock the door at eight.\n\n=====================\n\n"
             "2. Closing the Shop\n\nCount the till before you leave.\n")
    assert not looks_like_rst(plain)
    assert convert_rst(plain) is None
    one_title = "Shop Rota\n=========\n\nThe rota is pinned by the till.\n"
    assert convert_rst(one_title) is None  # one underlined line is not yet a structure


# --- a Word document formatted by hand -------------------------------------------------------


def _write_hand_formatted(path: Path, sized: bool = True) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "Pond Club handbook · internal"
    document.sections[0].footer.paragraphs[0].text = "Printed copies are not controlled"

    def bold(text: str, size: int | None) -> None:
        run = document.add_paragraph().add_run(text)
        run.bold = True
        if size and sized:
            run.font.size = Pt(size)

    bold("Looking After a Garden Pond", 22)
    document.add_paragraph("A short guide for new members.")
    document.add_paragraph("")
    bold("Contents", None)
    document.add_paragraph("1. Water quality .......... 2")
    document.add_paragraph("2. Planting ………… 4")
    document.add_paragraph("")
    bold("1. Water quality", 15)
    document.add_paragraph("Clear water is a balance of plants, light and fish.")
    bold("1.1 testing the water", 12)
    document.add_paragraph("Test for nitrite every fortnight in summer.")
    bold("The safe range", None)
    document.add_paragraph("Nitrite should read below 0.1 mg per litre.")
    callout = document.add_table(rows=1, cols=1)
    callout.cell(0, 0).text = "Tip: test in the morning, before the sun warms the water."
    bold("2. Planting", 15)
    document.add_paragraph("Plants shade the water and starve algae of light.")
    bold("2.1 Marginal Plants", 12)
    document.add_paragraph("Set marginal plants on a shelf 10 cm below the surface.")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def pond(tmp_path_factory):
    path = _write_hand_formatted(tmp_path_factory.mktemp("docx") / "pond.docx")
    return parse_course_file(path)


def test_bold_lines_in_larger_sizes_are_headings_ranked_by_size(pond):
    document, _ = pond
    assert document.module_title == "Looking After a Garden Pond"
    sections = _sections(document)
    assert ("1. Water quality", "1.1 testing the water") in sections
    assert ("2. Planting", "2.1 Marginal Plants") in sections
    assert all(section != "The safe range" for _, section in sections)


def test_a_bold_label_at_body_size_is_read_with_the_text_it_introduces(pond):
    document, _ = pond
    texts = [block.text for block in _blocks(document, "1.1 testing the water")]
    assert "The safe range: Nitrite should read below 0.1 mg per litre." in texts
    assert any("test in the morning" in text for text in texts)  # a one-cell callout is text


def test_a_typed_table_of_contents_and_the_running_header_are_not_taught(pond):
    document, converted = pond
    text = _all_text(document)
    assert ".........." not in converted.text and "…………" not in converted.text
    assert all(section != "Contents" for _, section in _sections(document))
    assert "Pond Club handbook" not in text and "not controlled" not in text


def test_without_sizes_a_bold_line_is_still_a_heading(tmp_path):
    document, _ = parse_course_file(_write_hand_formatted(tmp_path / "pond-plain.docx", sized=False))
    assert any(section == "The safe range" for _, section in _sections(document))


def test_a_contents_entry_needs_a_dotted_leader_and_a_page_number():
    assert contents_entry("3. Feeding fish ........ 7")
    assert contents_entry("Appendix · · · · · xii")
    assert not contents_entry("Count slowly to ten... 10")
    assert not contents_entry("Add 2 drops per 10 litres.")


def test_a_heading_line_over_a_checklist_leads_it_in_and_the_items_keep_their_numbers():
    text = ("Closing Up\n==========\n\nDo this every evening::\n\n    EVENING ROUND\n    [ ] 1. Windows latched\n"
            "    [x] 2. Heater off\n\nAfterwards\n==========\n\nGo home.\n")
    listing = next(piece for piece in convert_rst(text).split("\n\n") if "Windows" in piece)
    assert listing.split("\n") == ["EVENING ROUND:", "1. Windows latched", "2. Heater off"]


def test_topics_line_blocks_and_list_tables_are_read_as_text_and_rows():
    text = ("Opening the Hall\n================\n\n.. topic:: Keys\n\n   The caretaker holds the spare set.\n\n"
            "| Unlock the side door\n| Switch on the foyer lights\n\n"
            ".. list-table::\n   :header-rows: 1\n\n   * - Room\n     - Capacity\n   * - Main hall\n     - 120\n\n"
            "Locking Up\n==========\n\nCheck every window.\n")
    pieces = convert_rst(text).split("\n\n")
    assert "Keys: The caretaker holds the spare set." in pieces
    assert "- Unlock the side door\n- Switch on the foyer lights" in pieces
    assert "| Main hall | 120 |" in convert_rst(text)


def test_a_short_line_set_larger_but_not_bold_is_a_heading_and_a_long_one_is_not(tmp_path):
    import docx
    from docx.shared import Pt

    document = docx.Document()

    def sized(text: str, size: int) -> None:
        document.add_paragraph().add_run(text).font.size = Pt(size)

    sized("Caring for Violins", 20)
    sized("Strings", 14)
    document.add_paragraph("Change the strings every six months if you play daily.")
    document.add_paragraph("Wipe rosin dust off the strings after every practice session.")
    sized("Never leave the instrument in a parked car in summer, whatever the case it sits in", 14)
    sized("The Bow", 14)
    document.add_paragraph("Loosen the hair before you put the bow away.")
    path = tmp_path / "violin.docx"
    document.save(str(path))
    parsed, _ = parse_course_file(path)
    assert parsed.module_title == "Caring for Violins"
    titles = [section for _, section in _sections(parsed)]
    assert "Strings" in titles and "The Bow" in titles
    assert not any(title.startswith("Never leave") for title in titles)
