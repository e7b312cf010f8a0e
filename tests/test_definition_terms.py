"""A definition question names its term however it is worded, and its answer says what the term
covers: the sentence that names it and the one that goes on about it."""

from __future__ import annotations

import pytest

from assistant.answering.compose import passage_units
from assistant.answering.definitions import continuation
from assistant.reading.intents import detect

PARAGRAPH = ("Bakers proof dough in a warm place before it goes in the oven. Many recipes also call for a "
             "'bench rest' that lets gluten relax between shaping steps. A rest of ten to twenty minutes "
             "under a cloth is usually enough for a bread roll.\n\nOvens vary: use a thermometer.")


@pytest.mark.parametrize(("message", "term"), [
    ("the recipe keeps saying 'bench rest' between steps. What on earth does that mean?", "bench rest"),
    ("Sorry, my English - what means 'bench rest' for bread?", "bench rest"),
])
def test_a_quoted_phrase_the_ask_points_back_at_is_the_term(message, term):
    intent = detect(message)
    assert intent.kind == "definition" and intent.term == term


def test_two_quoted_phrases_leave_the_term_open():
    assert detect("the recipe says 'proof' and 'bench rest' - what does that mean?").term == ""


def test_the_sentence_after_the_one_naming_the_term_goes_on_about_it():
    passage = {"text": PARAGRAPH, "kind": "prose"}
    units = passage_units(passage)
    naming = next(u for u in units if "bench rest" in u.text)
    after = continuation("bench rest", naming, units, PARAGRAPH)
    assert after is not None and after.text.startswith("A rest of ten to twenty minutes")


def test_no_continuation_across_a_paragraph_or_from_a_sentence_not_naming_the_term():
    passage = {"text": PARAGRAPH, "kind": "prose"}
    units = passage_units(passage)
    last = next(u for u in units if u.text.startswith("A rest of ten"))
    assert continuation("bench rest", last, units, PARAGRAPH) is None  # names no term
    proof = next(u for u in units if u.text.startswith("Bakers proof"))
    assert continuation("bench rest", proof, units, PARAGRAPH) is None
    final = next(u for u in units if "bench rest" in u.text)
    assert continuation("oven", final, units, PARAGRAPH) is None
