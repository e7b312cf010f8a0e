"""A correction replaces the figure it names wherever that figure was said: a later line that
corrects an earlier one ("… not 6k" after "6k" was given in full), a bare number standing for an
amount or a length said with its unit, a sentence that starts with "Not …", and a plain "no,"
between the old figure and the new. An amount is never "corrected" by a length of time."""

import pytest

from assistant.reading.calculate import read_calculation


def _call(text):
    calc = read_calculation(text)
    assert calc is not None and calc.clarification is None, calc and calc.clarification
    [call] = calc.calls
    return call


CORRECTED_LATER = [
    ("ROI of the scheduler? it cost 9k and brought about 20k profit.\nsorry, profit was 22k not 20",
     {"cost": 9000.0, "gain": 22000.0}),
    ("ROI? Cost came to €15k, we had left out the hosting bill. Not €12k.\nProfit was €30k. Earlier note: cost €12k.",
     {"cost": 15000.0, "gain": 30000.0}),
    ("ROI: licence 8k, no, 9k, and it returned 20k in margin", {"cost": 9000.0, "gain": 20000.0}),
]


@pytest.mark.parametrize(("text", "args"), CORRECTED_LATER, ids=[c[0][:30] for c in CORRECTED_LATER])
def test_a_correction_replaces_the_figure_wherever_it_was_said(text, args):
    assert _call(text) == ("roi", args)


def test_a_length_corrected_by_a_bare_number_takes_the_new_horizon():
    name, args = _call("4yr tco: setup 5k, licence 2k/yr\nwait make that 2 yrs not 4")
    assert name == "tco" and args["horizon_years"] == 2 and args["software_fees"] == 2000


def test_a_recurring_amount_is_not_corrected_by_a_length_of_time():
    name, args = _call("tco: setup 5k, licence 2k/yr, support 1k/yr\nmake that 2 yrs")
    assert args["software_fees"] + args.get("maintenance", 0) == 3000 and args["horizon_years"] == 2


def test_a_revised_estimate_and_a_settled_bare_number_take_the_old_scale():
    name, args = _call("payback? upfront was 8k, maybe 8.5k with the set-up day, ok call it 8.5. saves 500 a month")
    assert name == "payback_period" and args == {"upfront_cost": 8500.0, "monthly_benefit": 500.0}


def test_the_same_amount_said_again_in_another_sentence_is_asked_not_added():
    calc = read_calculation("anna: the scheduler is 12k upfront\nanna: saves us about 2k a month in overtime\n"
                            "tom: net of its fee?\nanna: yes net, 2k/mo after the fee\ntom: so how many months till it pays back")
    assert not calc.calls and "same amount" in calc.clarification.question


@pytest.mark.parametrize("text", [
    "After how many months is the investment amortised? 9.000 € one-time, it saves 1.500 € monthly.",
    "How many months is the amortisation time? Setup 9,000, savings 1,500 per month.",
    "We pay 9 thousand dollars at the start, it saves 1.5 thousand dollars a month. How many months until we get back the cost?",
])
def test_the_time_to_recover_an_outlay_asked_in_other_words_is_a_payback(text):
    name, args = _call(text)
    assert name == "payback_period" and args["upfront_cost"] == 9000 and args["monthly_benefit"] == 1500


def test_return_of_the_investment_asks_for_an_roi():
    assert _call("We spent 10.000 euros on it and it gave 14.000 euros of margin. Which is the return of the investment?")[0] == "roi"
