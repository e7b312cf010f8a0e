"""An answer says the specific thing asked: a fact keeps its clause when only a later clause holds
a template slot; "which one comes after the X one?" gets X and the member after it; "which
chapter covers…" says where; an ask for a thing's name fits the name written with its initials;
an ask for the gist in other words ("sum up unit 3", "what is the message of this guide?") is an
overview, and one that names the summary section still quotes that summary whole."""

from __future__ import annotations

import pytest

from assistant.answering.compose import kind_fit, neighbour, passage_units, without_slot_clause
from assistant.answering.lessons import asks_where, location_line
from assistant.reading.intents import question_kind
from knowledge.chunking import Unit
from tests.advisors import advisor_on


# ---- a template slot in a trailing clause -------------------------------------------------------
def test_a_fact_keeps_its_clause_when_only_a_later_clause_holds_a_template_slot():
    text = ("Report it plainly: the new rota cut overtime by 18% across both depots in spring, "
            "saving an extra $X per month on wages.")
    quoted = [part for unit in passage_units({"text": text, "kind": "prose"}) for part in unit.parts]
    assert any("cut overtime by 18%" in part for part in quoted)
    assert not any("$X" in part for part in quoted)
    assert without_slot_clause(text).endswith("in spring…")


@pytest.mark.parametrize("text", [
    # over-reach: a slot in the first clause, a head too short to say anything, no slot at all
    "This beats the $Y cost of the van, giving a return of Z% on the loan.",
    "Say it, saving $X a month.",
    "The rota cut overtime by 18% across both depots in spring, saving wages.",
])
def test_a_slot_clause_is_cut_only_after_a_fact_that_holds_no_slot(text):
    cut = without_slot_clause(text)
    assert cut == text


# ---- the member listed next to a named one -------------------------------------------------------
HAZARDS = Unit(("Three hazards recur on the night shift.",
                "Fatigue after midnight slows reactions on the forklifts.",
                "Poor lighting in aisle nine hides spilled oil.",
                "Blocked fire exits behind returned pallets go unnoticed."), "list")


@pytest.mark.parametrize(("question", "members"), [
    ("which one comes straight after the fatigue one?", ("Fatigue", "Poor lighting")),
    ("in that list of hazards, what is right before the fire exits one?", ("Poor lighting", "Blocked fire exits")),
    ("what's the point listed after poor lighting?", ("Poor lighting", "Blocked fire exits")),
])
def test_an_ask_for_the_member_next_to_a_named_one_gets_both(question, members):
    unit = neighbour(HAZARDS, question)
    assert unit is not None and unit.parts[0] == HAZARDS.parts[0]
    assert [part.split()[0] for part in unit.parts[1:]] == [m.split()[0] for m in members]


@pytest.mark.parametrize("question", [
    "what should I check before fatigue sets in?",  # a time, not a place in the list
    "which one comes after the forklift audit?",  # names no member
    "which comes after the fire exits one?",  # the last member has none after it
    "what are the hazards on the night shift?",
])
def test_no_neighbour_without_a_named_member_with_one_beside_it(question):
    assert neighbour(HAZARDS, question) is None


# ---- where the course covers something ------------------------------------------------------------
@pytest.mark.parametrize(("question", "where"), [
    ("which chapter talks about refunding gift cards? want to jump there", True),
    ("what section covers damp walls", True),
    ("where in the course are night shifts discussed?", True),
    ("where is cross-docking explained", True),
    # over-reach: a part of something else, a choice among parts, a place in the world
    ("which section of the warehouse gets the most spills?", False),
    ("which module should I start with?", False),
    ("where do I store the pallets?", False),
])
def test_an_ask_for_where_the_course_covers_a_topic_is_told_apart(question, where):
    assert asks_where(question) is where


def test_the_location_names_the_lesson_by_its_number_and_the_section():
    passage = {"lesson": "3.2", "lesson_title": "Night Work", "section": "Lighting the Aisles:"}
    assert location_line(passage) == "Where the course covers it: “3.2. Night Work”, section “Lighting the Aisles”."
    assert location_line({"lesson": "safety", "lesson_title": "Safety", "section": "Safety"}) == \
        "Where the course covers it: “Safety”."


# ---- a name written with its initials --------------------------------------------------------------
def test_a_name_given_with_its_initials_answers_an_ask_for_what_a_thing_is_called():
    named = Unit(("Pooling every till and web order in one store (e.g., an Order Management System - OMS) "
                  "keeps stock counts right.",), "sentence")
    plain = Unit(("Pooling every till and web order in one store keeps stock counts right.",), "sentence")
    question = "all our orders sit in different places, what's that one store called?"
    assert kind_fit("explanation", question, named) == 1.0
    assert kind_fit("explanation", question, plain) == 0.0


# ---- the gist in other words ---------------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "test tomorrow, can u sum up module 2 for me? only the core ideas",
    "what is the message of this guide in the end? what should we remember?",
    "what are the main takeaways of this handbook",
])
def test_an_ask_for_the_gist_in_other_words_is_an_overview(question):
    assert question_kind(question) == "overview"


@pytest.mark.parametrize("question", [
    "how does the message reach a customer in this course's example?",
    "what should I remember about lifting heavy boxes?",
    "what does lesson 2.1 say about ladders?",
])
def test_a_message_or_a_memory_about_one_topic_is_no_overview(question):
    assert question_kind(question) != "overview"


TEA_GUIDE = """# Brewing Tea at Home

## Choosing Leaves
Loose leaves keep their aroma longer than bags when stored in a tin away from light.

## Water and Temperature
Green tea wants water at about 80 degrees; black tea wants water just off the boil.

## Key Points to Remember
- Store leaves in an airtight tin away from light and strong smells.
- Match the water temperature to the type of tea you brew.
- Time every steep: a minute too long turns most teas bitter.
- Warm the pot with a splash of hot water before the leaves go in.
- Use soft or filtered water where the tap water is hard.
- Taste before adding milk, sugar or lemon to any new tea.
- Rinse the pot without soap so no residue spoils the next brew.
"""


def test_an_overview_that_names_the_summary_section_still_quotes_it_whole(tmp_path, embedder):
    path = tmp_path / "tea-guide.md"
    path.write_text(TEA_GUIDE, encoding="utf-8")
    advisor = advisor_on([path], tmp_path / "data", embedder)
    result = advisor.ask("Summarise the key points to remember from this guide, for a beginner brewing green tea", remember=False)
    assert result.intent == "overview"
    for line in ("airtight tin", "Match the water temperature", "Time every steep", "Warm the pot",
                 "filtered water", "Taste before adding", "Rinse the pot"):
        assert result.answer.count(line) == 1


# ---- a contrast is no turned ask -------------------------------------------------------------------
@pytest.mark.parametrize(("question", "heading", "turned"), [
    ("which tools prove a sale came from the newsletter and not from search?", "Tools for tracking newsletter sales", False),
    ("what checks matter, not just the price?", "Checks that matter before buying", False),
    # over-reach: an ask for what not to do still gives way to the section that lists it
    ("which tools should we not use for newsletter sales?", "Tools for tracking newsletter sales", True),
])
def test_a_negation_that_sets_the_ask_against_another_thing_does_not_turn_it(question, heading, turned):
    from assistant.answering.compose import turned_against

    assert turned_against(question, heading) is turned


# ---- an acronym's plural ---------------------------------------------------------------------------
def test_an_acronyms_plural_is_searched_as_the_acronym():
    from knowledge.retrieve import terms

    assert "cfo" in terms("Pitch payback periods to CFOs and uptime to CTOs.")
    assert "cto" in terms("Pitch payback periods to CFOs and uptime to CTOs.")
    # over-reach: ordinary plurals and words that end in s stay as written
    assert terms("Bus passes and gas bills") == ["bus", "passes", "gas", "bills"]
