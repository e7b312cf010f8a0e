"""Answers quote what answers the question: the term a question puts in quotes is the one defined,
a fill-in slot in an aside does not cost the fact its sentence, a section that names its members
by labels is answered with them, and a section the question names by its heading is read whole."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.answering.agent import section_passages
from assistant.answering.compose import Composer, announced_lists, passage_units, without_slot_asides
from assistant.answering.definitions import definition_of, term_coverage
from assistant.answering.lessons import named_sections
from assistant.answering.members import members_line, section_members
from assistant.reading.intents import detect
from knowledge.course import LessonOutline, ModuleOutline
from knowledge.settings import Settings
from word_vectors import embed


# ---- a term in quotes ------------------------------------------------------------------------
@pytest.mark.parametrize(("question", "term"), [
    ("quick one, what is 'soil creep' exactly", "soil creep"),
    ("what is mean 'raised bed'? in my language we dont have this word", "raised bed"),
    ("sorry for simple question, what is 'Plot Warden' for a garden? is it a job?", "Plot Warden"),
    ("so what's “no-dig” then", "no-dig"),
])
def test_a_definition_question_that_quotes_its_term_asks_about_the_quoted_words(question, term):
    intent = detect(question)
    assert (intent.name, intent.term) == ("definition", term)


def test_quotes_do_not_make_a_comparison_a_definition():
    assert detect("what's the difference between 'mulch' and 'compost'?").kind == "comparison"


def test_a_term_followed_by_where_is_defined_hyphens_or_spaces():
    text = 'Beds can suffer "soil creep" where the edges slump as the frame rots.'
    assert definition_of("soil creep").search(text)
    assert definition_of("raised bed").search("A raised-bed is a frame filled with soil.")
    assert term_coverage("soil creep", [{"text": text}])["defined"]


def test_the_sentence_that_defines_the_quoted_term_is_quoted_first():
    passage = {"text": ("Watch closely for soil creep on steep slopes after storms. "
                        'Beds can suffer "soil creep" where the edges slump as the frame rots.'),
               "kind": "prose", "section": "Bed upkeep", "chunk_id": "c1"}
    picks = Composer(embed, Settings()).select("quick one, what is 'soil creep' exactly", [passage], 1, set(),
                                               kind="definition", term="soil creep")
    assert "slump" in picks[0].unit.text


# ---- a fill-in slot in an aside --------------------------------------------------------------
def test_an_aside_holding_a_template_slot_is_dropped_and_the_sentence_kept():
    sentence = "Better Yields, leading to fuller harvests (e.g., raising kilos per bed by X%)."
    # the cut is marked, so each side of it is still the course's own words (a quote must be verbatim)
    assert without_slot_asides(sentence) == "Better Yields, leading to fuller harvests…"
    assert all(piece in sentence for piece in without_slot_asides(sentence).split("…"))
    units = passage_units({"text": "Plots thrive when members weed them every single week. " + sentence + " Members stay longer.", "kind": "prose"})
    assert any(u.text == "Better Yields, leading to fuller harvests…" for u in units)


def test_a_short_lead_in_with_its_first_member_after_the_colon_is_a_list():
    text = ("Shared plots bring more than food. These include: Friendships, built over seasons of shared work. "
            "Skills, passed from older members to new ones. Calm, found in an hour of weeding after work.")
    (unit,) = announced_lists(text)
    assert unit.parts[0] == "These include:" and len(unit.parts) == 4
    assert unit.parts[1].startswith("Friendships")


# ---- members named by labels -----------------------------------------------------------------
def _chunk(section, text, start, kind="prose", source="garden.md"):
    return SimpleNamespace(section=section, text=text, start=start, kind=kind, source=source)


class FakeCourse(SimpleNamespace):
    __hash__ = object.__hash__  # a served course is hashed by identity


COURSE = FakeCourse(chunks=[
    _chunk("Planning", "Start with a soil test before anything else.", 0),
    _chunk("Garden Roles", "Plot Warden: keeps the waiting list and assigns plots.", 10),
    _chunk("Garden Roles", "Tool Keeper: checks tools out and in each weekend.", 20),
    _chunk("Garden Roles", "Water Lead: runs the watering rota in dry weeks.", 30),
    _chunk("Garden Roles", "Every role rotates once a year.", 40),
], modules=[ModuleOutline("garden.md", "Running a Community Garden", (
    LessonOutline("1", "Setting Up", ("Planning", "Garden Roles", "Soil Testing Basics")),
    LessonOutline("2", "Running the Season", ("Watering Rota Rules", "Harvest Sharing")),
))])


def test_a_section_whose_paragraphs_open_with_labels_names_them_as_members():
    members = section_members(COURSE, "garden.md", "Garden Roles")
    assert members == ("Plot Warden", "Tool Keeper", "Water Lead")
    assert members_line("Garden Roles", members) == "“Garden Roles” covers Plot Warden; Tool Keeper; Water Lead."


def test_a_section_of_plain_sentences_has_no_members():
    assert section_members(COURSE, "garden.md", "Planning") == ()


@pytest.mark.parametrize(("question", "sections"), [
    ("what are the watering rota rules again?", ("Watering Rota Rules",)),
    ("list the garden roles pls", ("Garden Roles",)),
    ("when should I water in a heatwave?", ()),  # one word of a heading is no name for it
])
def test_a_section_is_named_by_most_of_its_headings_own_words(question, sections):
    assert named_sections(question, COURSE) == sections


def test_a_named_section_is_read_in_course_order_whatever_a_query_would_rank():
    retriever = SimpleNamespace(chunk_map={
        "b": ("Tool Keeper: checks tools.", {"section": "Garden Roles", "start": 20, "kind": "prose", "source": "g"}),
        "a": ("Plot Warden: keeps the list.", {"section": "Garden Roles", "start": 10, "kind": "prose", "source": "g"}),
        "q": ("Which role suits you?", {"section": "Garden Roles", "start": 5, "kind": "question", "source": "g"}),
        "c": ("Start with a soil test.", {"section": "Planning", "start": 0, "kind": "prose", "source": "g"}),
    })
    assert [cid for cid, _, _ in section_passages(retriever, "Garden Roles", 4)] == ["a", "b"]
