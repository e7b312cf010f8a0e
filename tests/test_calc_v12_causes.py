"""Stop 38 (v12 sets): causes of the calculator singles' tune failures, as specifications in our
own words (other figures, topics and wording than the set entries), each with a guard against
over-reach."""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from assistant.reading.spelling import correction, respelled
from knowledge.figures import read_figures


def _calls(text: str) -> list:
    calc = read_calculation(text)
    return [] if calc is None else calc.calls


# --- typed slips in the words a message is read by ------------------------------------------------

@pytest.mark.parametrize("text, tool, want", [
    ("2 year tco: onbording 3k, subscripton 200 a montth", "tco", {"horizon_years": 2.0, "software_fees": 2400.0}),
    ("we'd save three thousnd a month; the setup is 24 thousnd. payback?", "payback_period",
     {"monthly_benefit": 3000.0, "upfront_cost": 24000.0}),
    ("ice it: impcat 6, confidnece 7, ease 5", "ice_score", {"impact": 6.0, "confidence": 7.0, "ease": 5.0}),
    ("payback? setup 2O k, saves 2k a month", "payback_period", {"upfront_cost": 20000.0, "monthly_benefit": 2000.0}),
])
def test_a_slipped_label_or_period_word_is_read_as_meant(text, tool, want):
    calls = _calls(text)
    assert calls and calls[0][0] == tool
    assert {k: calls[0][1].get(k) for k in want} == want


def test_what_i_read_quotes_the_words_as_typed():
    calc = read_calculation("2 year tco: onbording 3k, subscripton 200 a montth")
    lines = " ".join(calc.account_lines())
    assert "subscripton 200 a montth" in lines and "subscription" not in lines


@pytest.mark.parametrize("word", ["early", "scales", "priorities", "orders", "order", "salary", "persona", "sets",
                                  "uses", "prevent", "overnight", "drivers", "retrain", "monthly", "licensed"])
def test_everyday_words_and_forms_of_the_vocabulary_are_not_slips(word):
    assert correction(word) is None


def test_a_message_without_slips_is_left_as_written():
    text = "Early adopters drove sales; the scales of our older orders differ. Retrain it in 2 weeks."
    assert respelled(text).text == text


# --- a plus sign on a figure says money comes in -------------------------------------------------

def test_plus_signed_amounts_after_an_outlay_are_the_flows():
    calls = _calls("NPV at 9%: new scanner, 45k upfront, then +12k, +20k and +22k over three years")
    assert calls and calls[0][1]["cash_flows"] == [-45000.0, 12000.0, 20000.0, 22000.0]


def test_a_plus_between_two_amounts_still_adds_them():
    figures = read_figures("setup 5k +2k for the workshop")
    assert [f.plus for f in figures] == [False, False]


# --- numbers that are no quantities ---------------------------------------------------------------

@pytest.mark.parametrize("text, want", [
    ("on my 4th call today; the tool costs 9k", ["9k"]),
    ("compare these 4 options by ICE", []),
    ("the 2nd year brings 12k", ["2", "12k"]),  # an ordinal before a period noun is still read on
    ("we have 4 left by now", ["4"]),
])
def test_ordinals_and_the_count_of_a_list_are_not_figures(text, want):
    assert [f.text for f in read_figures(text)] == want
