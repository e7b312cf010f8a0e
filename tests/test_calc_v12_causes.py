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


# --- a pasted chat: a later line corrects a figure -------------------------------------------------

def test_a_later_speaker_corrects_a_figure_past_the_line_start():
    text = ("[09:14] Priya: the kiosk pilot saved us 18k this year\n"
            "[09:15] Marc: total cost incl setup was 9k\n"
            "[09:17] Marc: wait no, 11k, forgot the installer\n"
            "[09:20] Priya: ROI for the year?")
    assert _calls(text) == [("roi", {"gain": 18000.0, "cost": 11000.0})]


def test_a_percentage_revised_as_a_bare_number_stays_a_percentage():
    text = ("[10:01] Sam: loyalty app, reaches 4,000 members a quarter\n[10:02] Jo: impact medium\n"
            "[10:03] Sam: confidence 90%?\n[10:04] Jo: more like 50, we never tried it\n"
            "[10:05] Sam: effort 2 person-months. RICE?")
    calls = _calls(text)
    assert calls and calls[0][1]["confidence"] == pytest.approx(0.5)


def test_a_later_line_with_a_new_figure_of_its_own_is_no_correction():
    text = ("[08:00] Ana: the scanner cost 9k\n[08:05] Ben: it saves 14k a year\n[08:06] Ana: ROI over one year?")
    assert _calls(text) == [("roi", {"cost": 9000.0, "gain": 14000.0})]


# --- a record given as bare numbers between slashes ------------------------------------------------

def test_slashed_numbers_follow_the_order_two_records_gave():
    text = ("score these with ICE: voice search: impact 6, confidence 5, ease 4; "
            "gift finder: impact 8, confidence 7, ease 6; loyalty quiz 3 / 9 / 9")
    calls = _calls(text)
    assert calls and calls[0][0] == "prioritize"
    quiz = [r for r in calls[0][1]["initiatives"] if "quiz" in r["name"]]
    assert quiz and (quiz[0]["impact"], quiz[0]["confidence"], quiz[0]["ease"]) == (3.0, 9.0, 9.0)


def test_slashed_numbers_after_one_named_record_are_not_guessed():
    text = "which first? voice search: impact 6, confidence 5, ease 4, loyalty quiz 3/9/9"
    calc = read_calculation(text)
    assert calc is not None and not calc.calls


# --- a dashboard's counts beside amounts with their currency ---------------------------------------

def test_a_count_labelled_before_it_is_no_cost_part():
    text = ("Invoice summary\nHelpdesk seats £620/mo\nSet-up (one-off) £3,000\nTickets handled 9,450\n\n"
            "1-year TCO?")
    calls = _calls(text)
    assert calls and calls[0][0] == "tco"
    assert sum(v for k, v in calls[0][1].items() if k != "horizon_years") == pytest.approx(3000 + 7440)


def test_an_amount_labelled_by_a_money_word_is_still_a_cost():
    text = "Invoice summary\nHelpdesk seats £620/mo\nSet-up (one-off) £3,000\nOrder routing fee 900\n\n1-year TCO?"
    calls = _calls(text)
    assert calls and sum(v for k, v in calls[0][1].items() if k != "horizon_years") == pytest.approx(3000 + 7440 + 900)


# --- an amount that grows each period --------------------------------------------------------------

def test_an_amount_growing_each_period_is_asked_about_not_counted_flat():
    text = "The kiosk costs 9k. It brings in 1,500 a month at first, rising 4% per month. Payback?"
    calc = read_calculation(text)
    assert calc is not None and not calc.calls and calc.clarification is not None
    assert "4%" in calc.clarification.question


def test_a_growth_said_of_the_past_is_no_growth_of_an_input():
    assert _calls("ROI: the kiosk cost 9k and brought 15k; our sales grew 12% last year") == [
        ("roi", {"cost": 9000.0, "gain": 15000.0})]
