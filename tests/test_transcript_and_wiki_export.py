"""A recorded talk's transcript (a header with a chapter list, "[mm:ss] SPEAKER:" paragraphs,
stage and slide cues, spoken fillers, a table shown on screen) and a wiki page's Markdown export
(front matter, a breadcrumb, emoji in headings, callouts, a toggle, a checklist, an edit line,
"Related pages" and "Comments") are read as what they teach: the chapters are the parts, the
furniture stays out, each table row keeps its headers. The modules are written here, for these
tests; no course's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.chunking import chunk_document
from knowledge.formats import read_course_file
from knowledge.formats.transcript import convert_transcript
from knowledge.parsing import parse_course_file

TALK = """Sharpening Kitchen Knives at Home — Evening Class Recording
Duration: 41:07
Recorded live at the Riverside Makers Hall

Chapters:
00:00 Welcome
02:30 Choosing a Whetstone
09:45 The Sharpening Angle
18:20 Questions from the Room

[00:00] TOM: Okay, um, hi everyone, welcome. [laughter] So tonight we're, uh, we're going to sharpen knives. A dull knife is, you know, the dangerous one.

[01:10] TOM: Bring your dullest knife, the the one you hate.

[02:40] TOM: Right, okay, next thing. A whetstone comes in grits. [slide: Coarse 400, medium 1000, fine 6000] Start coarse only when the edge is chipped.

[05:00] TOM: Here is what each grit is for.

[ON SCREEN]
Grit | Use | Soak time
400 | Repair chips | 10 minutes
1000 | Everyday sharpening | 5 minutes
6000 | Polishing | none

[09:40] TOM: The angle is the thing everyone gets wrong. Hold the blade at fifteen degrees for a Japanese knife and twenty for a German one.

[12:30] STUDENT (Priya): What if I can't judge fifteen degrees?

[12:41] TOM: Stack two coins under the spine, um, that gives you roughly fifteen.

[ON SCREEN]
Three habits that dull an edge
1. Cutting on glass boards
2. Putting knives in the dishwasher
3. Storing them loose in a drawer

[18:30] STUDENT: How often should I sharpen?

[18:40] TOM: Every two or three months for a home cook; hone weekly in between.

[19:30] TOM: That's it for tonight. If this helped, hit like and subscribe! Thanks for watching, see you in the next one.
"""

WIKI = """---
title: "Running a Junior Chess Club"
space: Clubs
last_updated: 2025-03-02
---

[Home](../index.md) > [Clubs](../clubs.md) > Junior Chess

Running a Junior Chess Club
===========================

**Table of contents**

- [🕒 Session plan](#session-plan)
- [Ratings](#ratings)

## 🕒 Session Plan

> 💡 **Tip:** Start every session with a ten-minute puzzle so latecomers miss nothing important.

A session lasts ninety minutes: puzzles, a lesson, then games.

- [ ] Set out the boards before the children arrive
- [x] Check the clocks have batteries

<details>
<summary>Worked example: a club of 14 players</summary>

With 14 players you need 7 boards and one spare clock.

</details>

♟️ Ratings
----------

> [!WARNING]
> Never publish a child's rating without a parent's consent.

| Level | Rating band | Puzzles per week |
|---|---|---|
| Beginner | under 800 | 5 |
| Improver | 800-1200 | |

_Last edited by @maria.k on 2 March 2025_

## 🔗 Related pages

- [Tournament rules](tournaments.md)
- [Safeguarding policy](safeguarding.md)

## 💬 Comments (2)

**@dave**: Great page, thanks! Could we add a blitz night?
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _sections(path: Path) -> dict[str, list]:
    document, _ = parse_course_file(path)
    return {section.title: section.blocks for lesson in document.lessons for section in lesson.sections}


def _course_text(path: Path) -> str:
    document, _ = parse_course_file(path)
    return "\n".join(chunk.text for chunk in chunk_document(document))


@pytest.fixture
def talk(tmp_path):
    return _write(tmp_path, "knives.txt", TALK)


@pytest.fixture
def wiki(tmp_path):
    return _write(tmp_path, "chess.md", WIKI)


def test_a_transcripts_chapter_list_opens_its_parts_where_the_talk_reaches_them(talk):
    document, _ = parse_course_file(talk)
    assert document.module_title == "Sharpening Kitchen Knives at Home — Evening Class Recording"
    sections = _sections(talk)
    assert list(sections) == ["Welcome", "Choosing a Whetstone", "The Sharpening Angle", "Questions from the Room"]
    # the talk turns to the chapter listed at 09:45 in the paragraph spoken at 09:40
    assert sections["The Sharpening Angle"][0].text.startswith("The angle is the thing")
    chunk = next(c for c in chunk_document(document) if "Stack two coins" in c.text)
    assert chunk.section == "The Sharpening Angle"


def test_stamps_labels_cues_fillers_and_the_recordings_details_are_not_course_text(talk):
    text = _course_text(talk)
    for noise in ("[", "00:00", "12:41", "TOM", "laughter", " um", "uh,", "the the", "Duration", "Riverside",
                  "Chapters", "ON SCREEN", "subscribe", "watching"):
        assert noise not in text
    assert "Coarse 400, medium 1000, fine 6000" in text  # what a slide cue shows is kept
    assert "Bring your dullest knife, the one you hate." in text
    assert "A dull knife is the dangerous one." in text
    assert "next thing" not in text  # a sentence that only moves the talk along
    assert "A whetstone comes in grits." in text


def test_a_table_shown_on_screen_is_rows_with_their_headers(talk):
    rows = [block.text for block in _sections(talk)["Choosing a Whetstone"] if block.kind == "table_row"]
    assert rows == ["Grit: 400\nUse: Repair chips\nSoak time: 10 minutes",
                    "Grit: 1000\nUse: Everyday sharpening\nSoak time: 5 minutes",
                    "Grit: 6000\nUse: Polishing\nSoak time: none"]


def test_a_list_shown_on_screen_is_one_item_a_line(talk):
    shown = next(block.text for block in _sections(talk)["The Sharpening Angle"] if "dishwasher" in block.text)
    assert shown.split("\n") == ["Three habits that dull an edge", "1. Cutting on glass boards",
                                  "2. Putting knives in the dishwasher", "3. Storing them loose in a drawer"]


def test_a_question_from_the_room_travels_with_its_answer(talk):
    blocks = _sections(talk)["The Sharpening Angle"]
    asked = next(block.text for block in blocks if "judge fifteen degrees" in block.text)
    assert asked.startswith("Student (Priya): What if")
    assert "Stack two coins under the spine" in asked


def test_text_with_a_few_times_in_it_is_not_a_transcript(tmp_path):
    text = "Opening Hours\n\n10:00 to 12:00 weekdays.\n\n14:00 to 16:00 on Saturdays.\n\nClosed on Sundays.\n"
    assert convert_transcript(text) is None
    schedule = "Open Day Plan\n\n" + "".join(f"{hour:02d}:00 Guests arrive at hall {hour}\n\n" for hour in range(9, 16))
    assert convert_transcript(schedule) is None  # a day's schedule: times, but nobody speaking
    assert read_course_file(_write(tmp_path, "hours.txt", text), 10**6).text == text


def test_a_wiki_exports_furniture_is_not_course_text(wiki):
    text = _course_text(wiki)
    for furniture in ("space: Clubs", "last_updated", "Home", "Clubs", "Table of contents", "Last edited",
                      "maria", "Related pages", "Tournament rules", "Comments", "blitz night", "🕒", "💡"):
        assert furniture not in text
    assert "Never publish a child's rating" in text


def test_a_wiki_exports_headings_are_sections_without_their_emoji(wiki):
    document, _ = parse_course_file(wiki)
    assert document.module_title == "Running a Junior Chess Club"
    assert list(_sections(wiki)) == ["Session Plan", "Ratings"]


def test_a_toggle_a_checklist_and_a_callout_keep_their_teaching(wiki):
    session = _sections(wiki)["Session Plan"]
    toggle = next(block.text for block in session if "7 boards" in block.text)
    assert toggle.startswith("Worked example: a club of 14 players")  # its summary leads into its text
    checklist = next(block for block in session if "boards before" in block.text)
    assert checklist.kind == "bullets"
    assert checklist.text.split("\n") == ["Set out the boards before the children arrive",
                                          "Check the clocks have batteries"]
    assert any(block.text.startswith("Tip: Start every session") for block in session)
    rows = [block.text for block in _sections(wiki)["Ratings"] if block.kind == "table_row"]
    assert rows == ["Level: Beginner\nRating band: under 800\nPuzzles per week: 5",
                    "Level: Improver\nRating band: 800-1200"]


def test_an_ordered_lists_items_are_never_run_together():
    from knowledge.parsing import parse_markdown

    document = parse_markdown("# Kiln Care\n\n## Firing\n\n1. Load the shelves from the bottom up\n"
                              "2. Leave a finger's gap between pieces\n3. Vent the lid for the first hour\n", "kiln.md")
    text = document.lessons[0].sections[0].blocks[0].text
    assert text.split("\n") == ["1. Load the shelves from the bottom up", "2. Leave a finger's gap between pieces",
                                "3. Vent the lid for the first hour"]
