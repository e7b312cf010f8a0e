"""An answer quotes what answers, whole: a scenario under a short label is quotable; an ask for an
example gets the example its best section gives, beside the best unit; sentences picked from one paragraph close
together are quoted with the sentences between them; a framing phrase before "which…" or a "just
list them" after the question asks for a list; a question after the asker's situation is searched
alone; "why though? isn't it…?" leans on the last turn with the objection as its context."""

from __future__ import annotations

import pytest

from assistant.answering.compose import Composer, Pick, kind_fit, passage_units
from assistant.answering.offline import asking_part
from assistant.answering.paragraphs import with_gaps_filled
from assistant.reading.elliptical import resolve
from assistant.reading.intents import question_kind
from knowledge.chunking import Unit
from knowledge.settings import Settings
from tests.word_vectors import embed


# ---- a scenario under a short label ------------------------------------------------------------
SCENARIO = ("Illustrative scenario: A bakery in Leeds swapped its paper order book for a shared sheet. "
            "Orders stopped going missing within the first week of the change. "
            "The owner now checks the sheet each morning before the ovens go on.")


def test_a_scenario_under_a_short_label_is_quoted_with_its_label():
    units = passage_units({"text": SCENARIO, "kind": "example"})
    lists = [unit for unit in units if unit.kind == "list"]
    assert lists and lists[0].parts[0] == "Illustrative scenario:"
    assert any("paper order book" in part for part in lists[0].parts[1:])


@pytest.mark.parametrize("lead", [
    "and after that, this:",  # not a label: a fragment that starts in lower case
    "Why did the oven fail?:",  # a question is no label
])
def test_a_short_lead_in_that_is_no_label_stays_unquoted(lead):
    text = f"{lead} The oven was left on overnight by the late shift. Nobody had a checklist to close with."
    units = passage_units({"text": text, "kind": "prose"})
    assert not any(unit.kind == "list" and unit.parts[0] == lead for unit in units)


@pytest.mark.parametrize("text", [
    "Typical scenario: a courier leaves parcels at the wrong door twice in one week.",
    "Hypothetical case study - a florist loses her biggest wedding client.",
])
def test_a_labelled_example_with_a_word_before_its_label_is_an_example(text):
    assert kind_fit("example", "give me an example of that", Unit((text,), "sentence")) == 1.0


def test_a_sentence_that_only_mentions_scenarios_is_not_an_example_opening():
    text = "Scenarios like these are rare in small shops, but they cost the most when they happen."
    assert kind_fit("example", "give me an example of that", Unit((text,), "sentence")) < 1.0


def test_an_ask_for_an_example_gets_the_example_of_its_best_section_beside_the_best_unit():
    topic = ("Feeding results back into the plan keeps a bakery's plan honest: results from every trial "
             "are fed back into next month's plan and the plan is changed.")
    others = ("Trial results are fed back into the weekly plan meeting. "
              "The plan meeting reviews every trial result fed back by the bakers. "
              "A plan that ignores trial results drifts from what customers buy.")
    example = ("Example: the sourdough trial sold out by noon, so the bakers doubled the morning batch "
               "for the following month.")
    passages = [
        {"text": topic, "kind": "prose", "section": "Closing the loop", "chunk_id": "a", "start": 0},
        {"text": others, "kind": "prose", "section": "Closing the loop", "chunk_id": "b", "start": 10},
        {"text": example, "kind": "example", "section": "Closing the loop", "chunk_id": "c", "start": 20},
    ]
    picks = Composer(embed, Settings()).select("example of a trial result fed back into the plan?", passages, 2,
                                               set(), kind="example")
    assert any(pick.unit.text.startswith("Example: the sourdough trial") for pick in picks)


# ---- a paragraph quoted without holes ----------------------------------------------------------
PARAGRAPH = ("Not every menu trial will sell. Making it safe to fail is what keeps the cooks trying new dishes. "
             "Write down why a dish did not sell before you drop it. Keep the notes where the whole team can read them.")


def _pick(sentence: str, text: str = PARAGRAPH, chunk: str = "p1") -> Pick:
    return Pick(Unit((sentence,), "sentence"), {"text": text, "chunk_id": chunk, "kind": "prose"}, 0.5)


def test_sentences_side_by_side_stay_two_picks():
    first, second = "Not every menu trial will sell.", "Making it safe to fail is what keeps the cooks trying new dishes."
    assert [pick.unit.parts[0] for pick in with_gaps_filled([_pick(second), _pick(first)])] == [second, first]


def test_two_sentences_of_a_paragraph_are_quoted_with_the_sentence_between_them():
    picks = [_pick("Write down why a dish did not sell before you drop it."), _pick("Not every menu trial will sell.")]
    (joined,) = with_gaps_filled(picks)
    assert joined.unit.parts[0] == ("Not every menu trial will sell. Making it safe to fail is what keeps the cooks "
                                    "trying new dishes. Write down why a dish did not sell before you drop it.")


def test_a_connective_trimmed_from_a_picked_sentence_is_kept_in_the_stretch():
    text = "Stock drifts when nobody counts it. Therefore, count the fridge every Friday before close. Log the count."
    (joined,) = with_gaps_filled([_pick("Stock drifts when nobody counts it.", text),
                                  _pick("Count the fridge every Friday before close.", text)])
    assert joined.unit.parts[0] == "Stock drifts when nobody counts it. Therefore, count the fridge every Friday before close."


@pytest.mark.parametrize(("first", "second", "text"), [
    # three sentences between: too far apart to be one thought
    ("Not every menu trial will sell.", "Read them before planning.", PARAGRAPH + " Read them before planning."),
    # another paragraph
    ("Trials are cheap.", "Notes are kept.", "Trials are cheap.\nNobody minds a flop.\nNotes are kept."),
    # a question between them
    ("Trials are cheap.", "Notes are kept.", "Trials are cheap. Why not try more? Notes are kept."),
])
def test_sentences_far_apart_or_across_paragraphs_stay_as_picked(first, second, text):
    picks = [_pick(first, text), _pick(second, text)]
    assert [pick.unit.parts[0] for pick in with_gaps_filled(picks)] == [first, second]


def test_sentences_of_two_passages_are_never_joined():
    picks = [_pick("Not every menu trial will sell."), _pick("Write down why a dish did not sell before you drop it.",
                                                            chunk="p2")]
    assert len(with_gaps_filled(picks)) == 2


# ---- asked as a list ---------------------------------------------------------------------------
@pytest.mark.parametrize("question", [
    "As a parent, which snacks are fine for a school trip?",
    "For a two-person team, which tools matter most?",
    "what do we need to sort out before opening the cafe? just list them pls",
])
def test_a_framing_phrase_or_a_list_them_does_not_hide_a_list_question(question):
    assert question_kind(question) == "list"


@pytest.mark.parametrize("question", [
    "As I said, the oven broke again?",
    "what is a list price?",
    "how do we open the cafe on time? I will list the tasks later",
])
def test_no_list_is_read_into_other_questions(question):
    assert question_kind(question) != "list"


# ---- the question after the asker's situation ----------------------------------------------------
def test_the_question_after_the_askers_situation_is_searched_alone():
    ask = "we're two sisters running a dog-grooming van in Kent. how should we choose which booking tool to try first?"
    assert asking_part(ask) == "how should we choose which booking tool to try first?"


@pytest.mark.parametrize("ask", [
    "we groom dogs from a van. does that apply to us?",  # the question leans on the situation
    "how should we choose a booking tool?",  # no situation before it
    "we groom dogs. is it ok? what should we choose?",  # two questions: not a situation and its ask
    "our van is 4 x 2 m inside. how many dog crates should we choose to fit in it?",  # a measured figure it needs
    "my sourdough starter smells of nail varnish. what is going on inside it, is it dying?",  # "it": the starter
    "our two vans keep breaking down in winter. why do they fail so often and what should we check?",
])
def test_an_ask_that_leans_on_its_situation_stays_whole(ask):
    assert asking_part(ask) == ask


# ---- an objection after a bare "why" -------------------------------------------------------------
BEFORE = "Which dishes need a second cook to check them before they go out?"
ANSWERED = ("### What the course says\n\n#### Second checks\n"
            "- Dishes for guests with allergies need a second cook's check, since one slip can hurt someone. [1]\n")


def test_an_objection_after_a_bare_why_leans_on_the_last_turn():
    follow = resolve("How come? Doesn't that slow the kitchen down?", BEFORE, ANSWERED)
    assert follow.elliptical
    assert follow.text.startswith("How come (")
    assert "dishes" in follow.text and "slow the kitchen" in follow.text


def test_a_new_question_after_a_bare_why_is_not_read_as_an_objection():
    follow = resolve("Why? What does the guide say about tipping staff?", BEFORE, ANSWERED)
    assert "; What does the guide" not in follow.text


def test_a_stretch_holding_a_line_the_previous_answer_quoted_is_not_quoted_again_whole():
    picks = [_pick("Not every menu trial will sell."), _pick("Write down why a dish did not sell before you drop it.")]
    said = frozenset({"Making it safe to fail is what keeps the cooks trying new dishes."})
    assert len(with_gaps_filled(picks, said)) == 2


# ---- how a quantity is worked out ----------------------------------------------------------------
FORMULA_LINE = Unit(("Feed needed = flock size × daily ration × days between deliveries",), "sentence")
WORKED_ROW = Unit(("Coop: North run; Hens: 12; Days: 14; Feed kg: 20",), "row")


@pytest.mark.parametrize("question", [
    "how do I work out how much feed my hens need?",
    "how is the feed order calculated?",
    "whats the formula for the feed order",
])
def test_an_ask_for_how_a_quantity_is_worked_out_fits_the_formula(question):
    assert kind_fit("how-to", question, FORMULA_LINE) == 1.0


def test_a_worked_row_is_no_formula_and_other_asks_do_not_favour_formulas():
    assert kind_fit("how-to", "how do I work out which feeder to buy?", WORKED_ROW) == 0.0
    assert kind_fit("how-to", "how do I clean the feeder?", FORMULA_LINE) == 0.0
    assert kind_fit("why", "why do hens need grit?", FORMULA_LINE) == 0.0
