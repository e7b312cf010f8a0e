"""A question is answered by the part of the course that answers it: a follow-up's own words
weigh more than those it borrowed, a table row is cut to the columns the ask names, and a
statement closing a message belongs to the question before it."""

from __future__ import annotations


import pytest

from assistant.answering.compose import Composer, printed, row_cells
from assistant.reading.asks import search_asks
from knowledge.chunking import Unit
from knowledge.settings import Settings
from knowledge.text import content_words, stem
from word_vectors import embed

ROW = Unit(("Tool: Site search on the shop pages", "Outcomes: Sales from search, fewer bounces",
            "Early signs: Search usage rate, clicks on results", "Costs: Licence, tagging work"), "row")



def test_a_row_is_cut_to_the_columns_whose_header_the_ask_names():
    cut = row_cells(ROW, {stem(w) for w in content_words("which ones show early signs?")})
    assert cut.parts == (ROW.parts[0], ROW.parts[2])


def test_a_row_whose_headers_the_ask_does_not_name_stays_whole():
    assert row_cells(ROW, {stem(w) for w in content_words("what about site search?")}) == ROW


def test_a_follow_ups_own_words_outweigh_the_question_it_continues():
    passage = {"text": ("Pitch the finance lead with projections and a payback period.\n"
                        "Pitch the operations lead with process gains and fewer manual hand-offs."),
               "kind": "prose", "section": "Winning support", "chunk_id": "c1"}
    resolved = "how should projects be pitched to the finance lead (to the operations lead)?"
    picks = Composer(embed, Settings()).select(resolved, [passage], 1, set(), typed="and to the operations lead?")
    assert "operations" in printed(picks[0].unit)[0]
    picks = Composer(embed, Settings()).select(resolved, [passage], 1, set())
    assert "finance" in printed(picks[0].unit)[0]  # without its own words: the question it continues


def test_a_remark_after_the_last_question_is_no_ask_of_its_own():
    assert search_asks("Why is accuracy not enough to report? The vendor leads with it.") == [
        "Why is accuracy not enough to report?"]
    assert search_asks("What is RICE? How do teams score reach?") == ["What is RICE?", "How do teams score reach?"]


# ---- a question that names a lesson -------------------------------------------------------
from types import SimpleNamespace  # noqa: E402

from assistant.answering.lessons import named_lesson  # noqa: E402
from knowledge.course import LessonOutline, ModuleOutline  # noqa: E402

GARDEN = SimpleNamespace(modules=[ModuleOutline("garden.md", "Running a Community Garden", (
    LessonOutline("2.1", "Planning the Plots", ("Soil Testing", "Plot Sizes and Paths")),
    LessonOutline("2.2", "Measuring Harvest Results", ("Weighing Crops", "Reporting Yields to Members")),
))])


@pytest.mark.parametrize(("question", "lesson", "gist"), [
    ("quick summary of lesson 2.2 pls, i have 10 min", "2.2", True),
    ("what does the measurement lesson actually cover?", "2.2", True),
    ("in 3 sentences, what is lesson 2.1 about?", "2.1", True),
    ("how are yields reported in lesson 2.2?", "2.2", False),  # a part of it, not its gist
])
def test_a_lesson_is_named_by_its_number_or_its_titles_words(question, lesson, gist):
    named = named_lesson(question, GARDEN)
    assert named is not None and (named.lesson, named.gist) == (lesson, gist)


@pytest.mark.parametrize("question", [
    "what lessons did the garden learn from the drought?",  # "lessons learned" names no lesson
    "we paid $2.2 per seed packet in this lesson's season, was it worth it?",  # a figure, not a number of a lesson
    "what does the course cover?",
])
def test_no_lesson_is_named_without_a_lesson_of_the_course(question):
    assert named_lesson(question, GARDEN) is None


def test_a_follow_ups_borrowed_context_is_never_read_as_the_term_to_define():
    from assistant.reading.intents import detect

    assert detect("whats the catch (raised beds)?").term == ""
    assert detect("what is the catch?").term == "catch"  # standing alone, it names its own topic
    assert detect("what is mulching (raised beds)?").term == "mulching"


def test_an_item_holding_a_template_slot_is_never_quoted_and_its_list_keeps_the_others():
    from assistant.answering.compose import passage_units

    text = ("Mini case - reporting the pilot:\n"
            "The pilot raised repeat orders by 12% in one quarter for the garden shop.\n"
            "This outweighs the $Y monthly cost of the tool, yielding an ROI of Z%.")
    quoted = [part for unit in passage_units({"text": text, "kind": "bullets"}) for part in unit.parts]
    assert any("12%" in part for part in quoted)
    assert not any("$Y" in part or "Z%" in part for part in quoted)


def test_prose_that_announces_its_members_is_quoted_as_a_list_of_them():
    from assistant.answering.compose import passage_units

    text = ("Plots are shared between members. Several checks matter before a plot is doubled. "
            "Soil must be tested for lead before planting. Water access must reach the new beds. "
            "Volunteers must be found for the extra weeding.")
    lists = [unit for unit in passage_units({"text": text, "kind": "prose"}) if unit.kind == "list"]
    assert [unit.parts for unit in lists] == [(
        "Several checks matter before a plot is doubled.", "Soil must be tested for lead before planting.",
        "Water access must reach the new beds.", "Volunteers must be found for the extra weeding.")]
    assert not [u for u in passage_units({"text": "Plots are shared. Soil is tested. Beds are watered often.",
                                          "kind": "prose"}) if u.kind == "list"]


@pytest.mark.parametrize("question", [
    "what do they call it when a plot is left empty for a season?", "is there a word for resting a bed?",
])
def test_a_question_asking_for_a_name_fits_the_unit_that_gives_one(question):
    from assistant.answering.compose import kind_fit

    named = Unit(('Leaving a bed unplanted for a season, known as "fallowing", restores the soil.',), "sentence")
    plain = Unit(("Leaving a bed unplanted for a season restores the soil.",), "sentence")
    assert kind_fit("explanation", question, named) == 1.0
    assert kind_fit("explanation", question, plain) == 0.0


def test_a_follow_up_gets_the_columns_it_names_a_first_question_the_whole_row():
    passage = {"text": "\n".join(ROW.parts), "kind": "table_row", "section": "Tools", "chunk_id": "r1"}
    composer = Composer(embed, Settings())
    follow = composer.select("which ones show early signs (site search)?", [passage], 1, set(),
                             kind="follow-up", typed="which ones show early signs?")
    assert follow[0].unit.parts == (ROW.parts[0], ROW.parts[2])
    first = composer.select("what are the early signs for site search?", [passage], 1, set(), kind="list")
    assert first[0].unit == ROW


def test_prose_read_as_a_list_is_quoted_whole_only_for_a_list_question():
    passage = {"text": ("Several checks matter before a plot is doubled. Soil must be tested for lead before planting. "
                        "Water access must reach the new beds. Volunteers must be found for the extra weeding."),
               "kind": "prose", "section": "Doubling a plot", "chunk_id": "p1"}
    composer = Composer(embed, Settings())
    listed = composer.select("which checks matter before a plot is doubled?", [passage], 4, set(), kind="list")
    assert [pick.unit.kind for pick in listed] == ["list"]  # the whole list, its lead-in not again
    why = composer.select("why must soil be tested before a plot is doubled?", [passage], 4, set(), kind="why")
    quoted = [line for pick in why for line in printed(pick.unit)]
    assert "Soil must be tested for lead before planting." in quoted
    # not the whole list: the members the ask does not name stay out
    assert not {"Water access must reach the new beds.", "Volunteers must be found for the extra weeding."} & set(quoted)
    # the announcing sentence says nothing alone: it comes only as the lead-in of a member it announced
    lone = [pick for pick in why if pick.unit.parts == ("Several checks matter before a plot is doubled.",)]
    assert not lone


def test_a_how_often_ask_quotes_only_the_units_that_state_a_rhythm_when_its_section_has_one():
    passage = {"text": ("Raised beds dry out quickly in the long summer heat waves. Check the beds every two days in July and water deeply. "
                        "Mulch keeps the water in the beds for longer in summer."),
               "kind": "prose", "section": "Watering beds", "chunk_id": "w1"}
    picks = Composer(embed, Settings()).select("how often (watering beds in summer)?", [passage], 4, set(), kind="how-to")
    assert [pick.unit.parts[0] for pick in picks] == ["Check the beds every two days in July and water deeply."]


def test_a_how_often_ask_keeps_its_answer_when_no_unit_of_its_topic_states_a_rhythm():
    passage = {"text": ("Raised beds dry out quickly in the long summer heat waves. Water the beds deeply in the evening, after sunset. "
                        "Mulch keeps the water in the beds for longer in summer."),
               "kind": "prose", "section": "Watering beds", "chunk_id": "w1"}
    other = {"text": "The committee meets every month to plan the shared plots.", "kind": "prose",
             "section": "Committee", "chunk_id": "c1"}
    picks = Composer(embed, Settings()).select("how often (watering beds in summer)?", [passage, other], 4, set(),
                                               kind="how-to")
    assert picks and all(pick.passage["chunk_id"] == "w1" for pick in picks)


@pytest.mark.parametrize("question, kind", [
    ("what mistakes does the course warn about?", "list"),
    ("what risks did the guide name for new beds?", "list"),
    ("what does the course say about mulch?", "explanation"),
])
def test_what_things_a_text_names_is_a_list_question(question, kind):
    from assistant.reading.intents import question_kind

    assert (question_kind(question) or "explanation") == kind
