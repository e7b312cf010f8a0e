"""Chunks: stable ids, table rows with their header, section boundaries and the size limit."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.settings import DEFAULT_CORPUS
from knowledge.chunking import chunk_document, embedding_text, split_sentences_simple
from knowledge.parsing import parse_file, parse_markdown
from knowledge.types import Chunk

SOURCE = DEFAULT_CORPUS.read_text(encoding="utf-8")
TABLE_HEADER = [
    "AI Application",
    "Key E-commerce KPIs Influenced",
    "Leading Indicators (Early signs of effectiveness)",
    "Lagging Indicators (Ultimate business impact)",
]
ANALYTICS = "Leveraging e-commerce analytics platforms (e.g., Glew.io, Daasity, Peel,"


def _chunks(text: str = SOURCE, max_chars: int = 1200) -> list[Chunk]:
    return chunk_document(parse_markdown(text, DEFAULT_CORPUS.name), max_chars)


@pytest.fixture(scope="module")
def chunks() -> list[Chunk]:
    return _chunks()


def test_parsing_twice_gives_the_same_ids(chunks):
    document, _ = parse_file(DEFAULT_CORPUS)
    assert [c.chunk_id for c in chunk_document(document)] == [c.chunk_id for c in chunks]


def test_ids_are_unique(chunks):
    ids = [chunk.chunk_id for chunk in chunks]
    assert len(ids) == len(set(ids)) == 91


def test_editing_one_paragraph_changes_only_its_own_id(chunks):
    edited = SOURCE.replace(ANALYTICS, ANALYTICS.replace("Peel,", "Peel, Triple Whale,"), 1)
    assert edited != SOURCE
    before = {chunk.chunk_id for chunk in chunks}
    after = {chunk.chunk_id for chunk in _chunks(edited)}
    (gone,) = before - after
    assert len(after - before) == 1
    assert [c.section for c in chunks if c.chunk_id == gone] == [
        "Strategic Use of Analytics Platforms"
    ]


def test_inserting_a_paragraph_elsewhere_keeps_every_existing_id(chunks):
    # Every offset after the insertion moves; ids must not depend on offsets.
    anchor = "## Strategic Use of Analytics Platforms\n\n"
    edited = SOURCE.replace(anchor, anchor + "A brand new opening paragraph.\n\n", 1)
    after = _chunks(edited)
    assert {c.chunk_id for c in chunks} < {c.chunk_id for c in after}
    assert len(after) == len(chunks) + 1


def test_identical_paragraphs_in_one_section_get_distinct_ids():
    text = "# Lesson 1.1: Basics\n\n## Goals\n\nSame words.\n\nSame words.\n"
    first, second = chunk_document(parse_markdown(text, "notes.md"))
    assert first.content_hash == second.content_hash
    assert first.chunk_id != second.chunk_id


def test_each_table_row_is_one_chunk_that_repeats_the_header(chunks):
    rows = [chunk for chunk in chunks if chunk.kind == "table_row"]
    assert len(rows) == 6
    for row in rows:
        lines = row.text.split("\n")
        assert [line.split(": ", 1)[0] for line in lines] == TABLE_HEADER
        assert row.section == "Mapping AI Applications to KPIs (Conceptual Table)"
    assert rows[0].text.startswith("AI Application: AI Personalization Engine\n")


def test_table_rows_stay_whole_under_the_smallest_limit():
    rows = [chunk for chunk in _chunks(max_chars=200) if chunk.kind == "table_row"]
    assert len(rows) == 6
    assert all(len(row.text.split("\n")) == 4 for row in rows)


def _heading_offsets(text: str) -> list[int]:
    offsets, pos = [], 0
    for line in text.splitlines(keepends=True):
        if line.startswith("#") or re.fullmatch(r"\*\*[^*]+:\*\*\s*", line):
            offsets.append(pos)
        pos += len(line)
    return offsets


@pytest.mark.parametrize("max_chars", [200, 500, 1200, 8000])
def test_chunks_never_cross_a_heading(max_chars):
    headings = _heading_offsets(SOURCE)
    document = parse_markdown(SOURCE, DEFAULT_CORPUS.name)
    section_start = {
        (lesson.lesson, section.title): section.start
        for lesson in document.lessons
        for section in lesson.sections
    }
    for chunk in chunk_document(document, max_chars):
        assert section_start[(chunk.lesson, chunk.section)] < chunk.start < chunk.end
        crossed = [h for h in headings if chunk.start <= h < chunk.end]
        assert crossed == [], chunk.chunk_id


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=200, max_value=3000))
def test_no_chunk_exceeds_the_limit_unless_it_is_one_sentence(max_chars):
    for chunk in _chunks(max_chars=max_chars):
        assert len(chunk.text) <= max_chars or len(split_sentences_simple(chunk.text)) == 1, (
            chunk.kind,
            len(chunk.text),
        )


def test_long_examples_and_questions_are_split_at_sentences_keeping_their_kind():
    split = _chunks(max_chars=300)
    examples = [
        c for c in split if c.kind == "example" and c.section == "Aligning AI with Business Goals"
    ]
    assert len(examples) > 1
    assert examples[0].text.startswith("Hypothetical Scenario:")
    questions = [c for c in split if c.kind == "question"]
    assert len(questions) > 8
    assert (
        sum(c.text.startswith(("Suggested Question", "Alternative Question")) for c in questions)
        == 8
    )


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Costs rise, e.g. Hosting. Then fall.", ["Costs rise, e.g. Hosting.", "Then fall."]),
        ('He said "Stop." Then left.', ['He said "Stop."', "Then left."]),
        ("Ask why? Because.", ["Ask why?", "Because."]),
        ("lowercase. after a stop stays", ["lowercase. after a stop stays"]),
    ],
)
def test_split_sentences_simple(text, sentences):
    assert split_sentences_simple(text) == sentences


def test_consecutive_bullets_merge_while_they_fit(chunks):
    first, second = [c for c in chunks if c.section == "Module 6: Key Strategic Takeaways"]
    assert (first.kind, second.kind) == ("bullets", "bullets")
    assert [len(first.text.split("\n")), len(second.text.split("\n"))] == [7, 1]
    assert len(first.text) <= 1200 < len(first.text) + 1 + len(second.text)


def test_embedding_text_leads_with_the_section_title(chunks):
    row = next(chunk for chunk in chunks if chunk.kind == "table_row")
    assert embedding_text(row).startswith("Mapping AI Applications to KPIs (Conceptual Table). ")
