"""A reply to the advisor's own question finishes the calculation: the question is stored with
the figure it asks about, so "both", "the latter", a value inside the range the user gave
("neither, it's 4") or an end of a range whose scale was written once ("between 20 and 26
thousand": the lower one is 20 thousand) completes it.

Pure reading (reading/dialogue.py and its parts), as in tests/test_dialogue_followups.py.
"""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_of

TWO_GAINS = ("ROI please: the platform cost us 20k. Gains: 25k from fewer refunds and 5k from dropping "
             "the old survey tool, not sure the second one counts.")


def test_a_question_about_one_figure_is_stored_with_that_figure():
    state = state_of(TWO_GAINS)
    assert state.question is not None and state.question.figure is not None
    assert state.need == "role" and state.about == state.question.figure
    assert state.figures[state.about].figure["value"] == 5000


@pytest.mark.parametrize("reply", ["both", "both of them", "ok both count"])
def test_both_counts_the_figure_as_the_one_it_was_given_with(reply):
    name, args = call_of(read_turn(reply, state_of(TWO_GAINS)))
    assert name == "roi" and args == {"cost": 20000, "gain": 30000}


@pytest.mark.parametrize(("reply", "gain"), [("the latter", 30000), ("not part of it", 25000)])
def test_the_latter_is_the_second_input_the_question_named(reply, gain):
    name, args = call_of(read_turn(reply, state_of(TWO_GAINS)))
    assert args == {"cost": 20000, "gain": gain}


def test_both_with_no_figure_given_alongside_is_asked_again():
    state = state_of("ROI? We spent 20k on it. There's also 5k I'm not sure about.")
    turn = read_turn("both", state)
    assert turn.calculation is None or not turn.calculation.calls


RANGE_EFFORT = "RICE for the tagger: reach 2,000 a month, impact medium, confidence 50%, effort between 2 and 6 person-months."


@pytest.mark.parametrize(("reply", "effort"), [
    ("neither, it's 3", 3),
    ("Neither. Make it 5 now that the quote is in.", 5),
    ("the upper end", 6),
])
def test_a_value_inside_the_range_or_an_end_of_it_fills_the_input(reply, effort):
    state = state_of(RANGE_EFFORT)
    assert state.need == "range"
    name, args = call_of(read_turn(reply, state))
    assert name == "rice_score" and args["effort"] == effort and args["reach"] == 2000


def test_a_value_outside_the_range_is_not_taken_as_a_point_of_it():
    turn = read_turn("neither, it's 9", state_of(RANGE_EFFORT))
    assert turn.calculation is None or not turn.calculation.calls or call_of(turn)[1]["effort"] != 6


SCALE_ONCE = "ROI check: we paid 15 thousand for the tool; the extra profit was somewhere between 20 and 26 thousand."


@pytest.mark.parametrize(("reply", "gain"), [("use the lower one", 20000), ("the higher one", 26000)])
def test_a_range_whose_scale_is_written_once_takes_it_for_both_ends(reply, gain):
    name, args = call_of(read_turn(reply, state_of(SCALE_ONCE)))
    assert name == "roi" and args == {"cost": 15000, "gain": gain}


def test_a_low_end_larger_than_the_written_number_is_not_scaled_by_guess():
    state = state_of("ROI check: we paid 15 thousand for the tool; the extra profit was somewhere between 900 and 1.5 thousand.")
    turn = read_turn("use the lower one", state)
    assert turn.calculation is None or not turn.calculation.calls or call_of(turn)[1].get("gain") != 900000


# ---- a figure said again, as it is meant ---------------------------------------------------------

PAYBACK_MONTHLY = "Payback on the label printer: 9k up front, it saves 1.5k/mo."


@pytest.mark.parametrize("reply", ["you took the 1.5k as yearly?? it's per month", "the 1.5k is monthly", "1.5k is right"])
def test_a_figure_said_again_as_read_computes_the_same_again(reply):
    name, args = call_of(read_turn(reply, state_of(PAYBACK_MONTHLY)))
    assert name == "payback_period" and args == {"upfront_cost": 9000, "monthly_benefit": 1500}


def test_a_period_claimed_for_a_figure_said_again_changes_its_period_only():
    name, args = call_of(read_turn("the 1.5k is per year, not per month", state_of(PAYBACK_MONTHLY)))
    assert args == {"upfront_cost": 9000, "monthly_benefit": 125}


def test_a_figure_written_with_a_thousands_dot_said_again_changes_nothing():
    state = state_of("RICE please: reach 3.000 users per month, impact high, confidence 60%, effort 3 person-months")
    name, args = call_of(read_turn("I think you read 3. It is three thousand, we write 3.000", state))
    assert args["reach"] == 3000 and args["effort"] == 3


def test_two_claimed_periods_that_disagree_are_not_guessed():
    turn = read_turn("the 1.5k is per year. or per month", state_of(PAYBACK_MONTHLY))
    assert turn.calculation is None or not turn.calculation.calls or call_of(turn)[1]["monthly_benefit"] == 1500


# ---- a complete calculation of another kind is a calculation of its own --------------------------

def test_a_complete_score_of_another_method_is_not_a_change_of_the_last_one():
    state = state_of("RICE for the size guide: reach 3,000 a month, high impact, 70% confidence, 2 person-months.")
    turn = read_turn("ok, now an ICE one instead: impact 6, confidence 7, ease 5", state)
    assert turn.calculation is None  # read on its own: the ICE score of its three figures, no RICE input carried


# ---- a pick among figures is a pick, and a horizon is a length of time ---------------------------

def _two_horizons():
    """A "which one?" question about the horizon whose options include an amount per month (as a
    misreading could offer it)."""
    from assistant.types import Clarification

    state = state_of("TCO over 2 years: setup 600, the plan is 49 a month")
    years = next(i for i, x in enumerate(state.figures) if x.field == "horizon_years")
    plan = next(i for i, x in enumerate(state.figures) if x.figure["value"] == 49)
    state.figures[plan].field = "horizon_years"
    state.question = Clarification(question="Which horizon?", options=["2 years", "49 a month"])
    state.need, state.about, state.fields, state.args, state.call = "which", years, ["horizon_years"], None, ""
    return state


@pytest.mark.parametrize("reply", ["no wait, the 49 is monthly, so it's 588 a year for the plan", "the second", "49 a month"])
def test_an_amount_per_month_is_never_counted_as_the_horizon(reply):
    turn = read_turn(reply, _two_horizons())
    assert turn.calculation is None or not turn.calculation.calls or call_of(turn)[1]["horizon_years"] == 2


def test_a_reply_with_figures_of_its_own_is_no_pick_of_an_option():
    from assistant.reading.replies import answer_question

    assert answer_question(_two_horizons(), "the 49 is monthly, so it's 588 a year") is None


def test_an_amount_said_again_per_another_period_is_the_same_amount():
    name, args = call_of(read_turn("no, the 49 is monthly, so 588 a year", state_of("TCO over 2 years: setup 600, the plan is 49 a month")))
    assert args["software_fees"] == 588 and args["implementation"] == 600


# ---- a reply that answers and also changes another figure ----------------------------------------

TCO_OPEN = "TCO for the scanner app: build 40k, onboarding 6k, licence 10k a year."


@pytest.mark.parametrize("reply", ["over 2 years. oh and the onboarding was 9k, not 6k",
                                   "two years - and actually onboarding is 9k"])
def test_a_reply_that_also_changes_another_figure_changes_it_too(reply):
    state = state_of(TCO_OPEN)
    assert state.need == "horizon"
    name, args = call_of(read_turn(reply, state))
    assert args == {"implementation": 40000, "training": 9000, "software_fees": 10000, "horizon_years": 2}


# ---- "add" in another clause adds nothing ---------------------------------------------------------

def test_a_new_value_beside_another_clause_with_add_replaces_the_input():
    state = state_of("ROI: total cost 22k for the year, extra profit 58k.")
    name, args = call_of(read_turn("what if the profit were 70k? the holidays will add a chunk", state))
    assert args == {"cost": 22000, "gain": 70000}


def test_a_part_added_in_its_own_clause_is_still_added():
    state = state_of("ROI: licence 24k, set-up 12k, gain 60k")
    name, args = call_of(read_turn("plus 2k on top for hosting, what then?", state))
    assert args == {"cost": 38000, "gain": 60000}


def test_a_calculation_fed_by_a_total_it_worked_out_is_the_one_a_change_changes():
    state = state_of("ROI check: total cost 30k this year, extra profit 45k.")
    assert state.tool == "roi"
    name, args = call_of(read_turn("Update: the profit came in at 52k in the end.", state))
    assert (name, args) == ("roi", {"cost": 30000, "gain": 52000})


def test_the_figures_of_an_exchange_rate_answer_change_nothing_else():
    state = state_of("TCO for one year: the licence is 500 USD per month and the setup 4.000 EUR.")
    assert state.need == "currency"
    name, args = call_of(read_turn("Use 1 USD = 0,90 EUR, in euro please.", state))
    assert args == {"implementation": 4000, "software_fees": 5400, "horizon_years": 1}
