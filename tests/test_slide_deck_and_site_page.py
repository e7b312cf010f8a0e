"""A slide deck's text export ("Slide N" lines, the title on the line below, tab-indented
bullets, "Notes:" paragraphs, divider slides, a table as runs of spaces, title, agenda and
closing slides) and a page saved from a course website (site header, cookie dialog, icons in
headings, a tip in an <aside> inside the article, a "Related modules" sidebar, a footer) are read
as what they teach: the slides are sections of the parts that divide them, and nothing that
frames the talk or the page is ever course text. The modules are written here, for these tests."""

from __future__ import annotations

from pathlib import Path

from knowledge.chunking import chunk_document
from knowledge.formats import read_course_file
from knowledge.parsing import parse_course_file

DECK = """Slide 1
Keeping Bicycles on the Road
\tA workshop for volunteer mechanics
\tCommunity repair café series

Slide 2
Agenda
\tPart 1 — Tyres and tubes
\tPart 2 — Brakes

Slide 3
Part 1 — Tyres and tubes

Slide 4
Finding a puncture
\tInflate the tube and listen
\t\tPass it slowly past your cheek to feel the air
\tMark the hole with chalk
Notes:
Most punctures are found by ear. Chalk the hole before the tube dries, or it disappears.

Slide 5
Tyre pressure by use
\tUse           Pressure bar     Why
\tRoad          6-8              Low rolling resistance
\tCommuting     4-6              Comfort and grip
Notes:
Read the range printed on the tyre wall; never go above it.

Slide 6
Part 2 — Brakes

Slide 7
Adjusting rim brakes
\tPads meet the rim squarely
\tToe-in of one millimetre at the front
Notes:
A squeal usually means the pads sit flat; toe them in.

Slide 8
Questions?

Slide 9
Thank you
"""

PAGE = """<!doctype html><html><head><title>Bike Club · Brakes</title>
<script>var consent = true;</script></head><body>
<header class="site-header"><a href="/">Bike Club</a>
<nav><ul><li><a href="/a">Courses</a></li><li><a href="/b">Shop</a></li></ul></nav></header>
<div id="consent" role="dialog"><span>We store a small file on your device.</span><button>Accept</button></div>
<div class="crumbs"><a href="/">Home</a> › <a href="/c">Courses</a> › Brakes</div>
<main><article>
<h1>Brakes for volunteer mechanics</h1>
<p>Brakes are checked before any other part of a donated bicycle.</p>
<section>
<h2><span class="icon" aria-hidden="true">🔧</span> Adjusting rim brakes</h2>
<p>Pads should meet the rim squarely with a slight toe-in at the front.</p>
<aside class="tip"><strong>Tip:</strong> a squeal means the pads sit flat on the rim.</aside>
</section>
</article>
<aside class="sidebar"><h2>Related modules</h2><ul><li><a href="/w">Wheels</a></li><li><a href="/g">Gears</a></li></ul></aside>
</main>
<footer class="site-footer"><p>Copyright Bike Club. All rights reserved.</p></footer>
</body></html>
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _outline(path: Path):
    document, _ = parse_course_file(path)
    return document, [(lesson.title, [section.title for section in lesson.sections]) for lesson in document.lessons
                      if lesson.sections]


def test_a_deck_export_is_read_as_parts_and_slides(tmp_path):
    document, outline = _outline(_write(tmp_path, "bikes.txt", DECK))
    assert document.module_title == "Keeping Bicycles on the Road"  # the title slide names the module
    assert outline == [
        ("Part 1 — Tyres and tubes", ["Finding a puncture", "Tyre pressure by use"]),
        ("Part 2 — Brakes", ["Adjusting rim brakes"]),
    ]


def test_the_framing_slides_and_markers_are_never_course_text(tmp_path):
    document, _ = parse_course_file(_write(tmp_path, "bikes.txt", DECK))
    text = "\n".join(chunk.text for chunk in chunk_document(document))
    for framing in ("Slide 4", "Questions?", "Thank you", "Agenda", "repair café series", "Notes:"):
        assert framing not in text
    assert "Most punctures are found by ear" in text  # the notes are the teaching


def test_a_slides_bullets_are_items_and_its_table_rows_keep_their_headers(tmp_path):
    document, _ = parse_course_file(_write(tmp_path, "bikes.txt", DECK))
    sections = {section.title: section for lesson in document.lessons for section in lesson.sections}
    puncture = sections["Finding a puncture"].blocks
    assert puncture[0].kind == "bullets"
    assert puncture[0].text.split("\n") == ["Inflate the tube and listen", "Pass it slowly past your cheek to feel the air",
                                            "Mark the hole with chalk"]
    rows = [block.text for block in sections["Tyre pressure by use"].blocks if block.kind == "table_row"]
    assert rows[0] == "Use: Road\nPressure bar: 6-8\nWhy: Low rolling resistance"
    assert len(rows) == 2


def test_plain_text_that_only_mentions_slides_is_not_a_deck(tmp_path):
    text = "Slide Rules\n\nSlide 1\n\nThis handout numbers its figures as Slide 1 and Slide 2.\n"
    converted = read_course_file(_write(tmp_path, "notes.txt", text), 10**6)
    assert converted.syntax == "text" and converted.text == text


def test_a_site_pages_chrome_is_dropped_and_its_tip_kept(tmp_path):
    converted = read_course_file(_write(tmp_path, "brakes.html", PAGE), 10**6)
    for chrome in ("Related modules", "Wheels", "Copyright", "small file on your device", "Accept",
                   "Home", "Shop", "🔧"):
        assert chrome not in converted.text
    assert "a squeal means the pads sit flat" in converted.text
    document, outline = _outline(_write(tmp_path, "brakes.html", PAGE))
    assert [section for _, sections in outline for section in sections][-1] == "Adjusting rim brakes"
