"""A later turn changes exactly what it names: an amount something moves by moves that input
(it is never taken as the input's new value), the options the first message chose in words
stay chosen, and the inputs a change does not touch keep the figures the first turn computed
with, even where planning again from the state would read them otherwise.

Pure reading (reading/dialogue.py and its parts), as in tests/test_dialogue_followups.py.
"""

from __future__ import annotations

import re

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_of

PAYBACK = "Payback for the scheduler: 12,000 up front, net benefit 1,500 a month."
ROI_PARTS = "ROI: licence cost $24,000 and set-up cost $12,000, gain $60,000"


# ---- an amount something moves by ------------------------------------------------------------

@pytest.mark.parametrize(("change", "benefit"), [
    ("the net benefit rose by 100 a month", 1600),
    ("what if the net benefit dropped 250 a month?", 1250),
    ("Licensing just went up 200 a month so the net's lower now.", 1300),  # a cost of its own: the net said to fall
    ("support fees came down 100 a month, so the net benefit is higher", 1600),
])
def test_an_amount_moved_by_moves_the_input_it_names(change, benefit):
    assert call_of(read_turn(change, state_of(PAYBACK))) == (
        "payback_period", {"upfront_cost": 12000, "monthly_benefit": benefit})


def test_a_part_moved_by_an_amount_moves_that_part_only():
    turn = read_turn("what if the set-up went up by $3,000?", state_of(ROI_PARTS))
    assert call_of(turn) == ("roi", {"cost": 24000 + 15000, "gain": 60000})


@pytest.mark.parametrize("change", [
    "and if the licence rose by 50 a month?",  # names no input of this calculation, says no way it moves
    "the net benefit went up 50 a month so it's lower",  # which way: said both ways
])
def test_a_move_that_names_no_input_is_asked_about_never_taken_as_the_new_value(change):
    turn = read_turn(change, state_of(PAYBACK))
    assert turn.calculation is not None and not turn.calculation.calls
    assert turn.calculation.clarification is not None
    answered = read_turn("the net benefit goes down by 50", turn.state)
    assert call_of(answered) == ("payback_period", {"upfront_cost": 12000, "monthly_benefit": 1450})


def test_a_new_value_reached_is_no_move():
    turn = read_turn("what if the net benefit went up to 2,000 a month?", state_of(PAYBACK))
    assert call_of(turn) == ("payback_period", {"upfront_cost": 12000, "monthly_benefit": 2000})


# ---- options chosen in words stay chosen -----------------------------------------------------

def test_an_option_the_first_message_chose_stays_chosen_after_a_what_if():
    state = state_of("Rank with ICE, taking the average of the three scores:\nAlpha: I 7, C 8, E 6\nBeta: I 9, C 5, E 4")
    name, args = call_of(read_turn("and if Beta confidence went up to 9?", state))
    assert name == "prioritize" and args["ice_aggregate"] == "mean"
    assert [row["confidence"] for row in args["initiatives"]] == [8, 9]


# ---- inputs a change does not touch keep the first turn's figures ----------------------------

def test_inputs_a_change_does_not_touch_keep_the_first_turns_figures():
    state = state_of(ROI_PARTS)
    # the first turn computed a gain the figures alone do not give (a margin, a share worked out
    # by the one-message reader): planning again must not bring the raw figure back
    state.args = {"cost": 36000.0, "gain": 15000.0}
    turn = read_turn("What if the set-up had cost $8,000?", state)
    assert call_of(turn) == ("roi", {"cost": 32000, "gain": 15000})
    assert turn.state.args == {"cost": 32000, "gain": 15000}
    assert call_of(read_turn("and if the licence cost $20,000?", turn.state)) == ("roi", {"cost": 28000, "gain": 15000})


def test_a_changed_input_first_read_otherwise_is_asked_about_not_guessed():
    state = state_of(ROI_PARTS)
    state.args = {"cost": 30000.0, "gain": 60000.0}  # the cost first read otherwise: what the change does to it is unknown
    turn = read_turn("What if the set-up had cost $8,000?", state)
    assert turn.calculation is not None and not turn.calculation.calls
    assert turn.calculation.clarification is not None


# ---- the reply to "which currency, at what rate?" --------------------------------------------

MIXED = "ROI please: the licence was £20,000, and it saved us $40,000."


@pytest.mark.parametrize(("reply", "args"), [
    ("all in dollars, at 1.25 dollars to the pound", {"cost": 25000, "gain": 40000}),
    ("$1 = £0.80, work in pounds", {"cost": 20000, "gain": 32000}),
    ("Take 1 GBP = 1,25 USD, I want it in dollars.", {"cost": 25000, "gain": 40000}),
])
def test_a_rate_and_a_currency_in_the_reply_convert_the_other_amounts(reply, args):
    state = state_of(MIXED)
    assert state.question is not None and not state.args
    assert call_of(read_turn(reply, state)) == ("roi", args)


@pytest.mark.parametrize("reply", ["1.25", "in dollars please"])  # the rate's direction, or the rate, not said
def test_a_currency_reply_missing_the_rate_or_its_direction_is_asked_again(reply):
    turn = read_turn(reply, state_of(MIXED))
    assert turn.calculation is not None and not turn.calculation.calls
    assert turn.calculation.clarification is not None


# ---- a period past the last of the flows, a factor for one project ---------------------------

def test_a_period_after_the_last_adds_one_more_flow():
    state = state_of("NPV at 6%: we invest 20k now and get 9k back each year for three years.")
    turn = read_turn("ok, the deal actually runs a fourth year at the same 9k", state)
    assert call_of(turn) == ("npv", {"cash_flows": [-20000, 9000, 9000, 9000, 9000], "rate": 0.06})


RICE_TWO = ("Prioritise with RICE:\n- Alpha: reach 9,000/qtr, impact 1, confidence 80%, 2 person-months\n"
            "- Beta: reach 6,000/qtr, impact 2, confidence 50%, 4 person-months")


@pytest.mark.parametrize(("change", "efforts"), [
    ("cut the effort on Beta by half, we can reuse the model", [2, 2]),
    ("halve Alpha's effort", [1, 4]),
])
def test_a_factor_for_one_project_scales_that_projects_input_only(change, efforts):
    name, args = call_of(read_turn(change, state_of(RICE_TWO)))
    assert name == "prioritize" and [row["effort"] for row in args["initiatives"]] == efforts
    assert [row["reach"] for row in args["initiatives"]] == [9000, 6000]


@pytest.mark.parametrize(("change", "flows"), [
    ("Halve the year-one inflow.", [-200000, 30000, 70000, 80000, 90000]),
    ("double the final year", [-200000, 60000, 70000, 80000, 180000]),
])
def test_a_factor_for_one_period_scales_that_flow_only(change, flows):
    state = state_of("IRR on the following: -200k at t0, then 60k, 70k, 80k, 90k.")
    assert call_of(read_turn(change, state)) == ("irr", {"cash_flows": flows})


# ---- a margin that sizes the gain --------------------------------------------------------------

MARGIN = "Our upsell widget generated €1.2M in extra revenue this year at a 40% margin. Total cost was €300k. ROI?"


@pytest.mark.parametrize("change", ["hmm, actually our margin is 30% not 40%", "sorry, the margin is 30%"])
def test_a_corrected_margin_resizes_the_gain_it_sizes(change):
    state = state_of(MARGIN)
    assert state.args == {"gain": 480000, "cost": 300000}
    turn = read_turn(change, state)
    assert call_of(turn) == ("roi", {"gain": 360000, "cost": 300000})
    # and planned again from the state, the gain stays revenue at that margin
    assert call_of(read_turn("what if the cost were €250k?", turn.state)) == ("roi", {"gain": 360000, "cost": 250000})


def test_a_figure_no_input_took_said_again_with_its_meaning_takes_that_meaning():
    state = state_of("NPV for a client: 90k investment now, extra revenue of 50k a year for 3 years, 10%.")
    assert state.question is not None  # the revenue's margin, asked
    turn = read_turn("the 10% is their margin on that revenue, not the discount rate - discount at 7%", state)
    assert call_of(turn) == ("npv", {"cash_flows": [-90000, 5000, 5000, 5000], "rate": 0.07})
    quoted = [line for line in turn.calculation.account_lines() if "10%" in line]
    assert quoted and "the 10% is their margin on that revenue" in quoted[0]


# ---- "What I read" quotes only the user's words ---------------------------------------------------

@pytest.mark.parametrize(("first", "reply"), [
    (PAYBACK, "Licensing just went up 200 a month so the net's lower now."),
    (MIXED, "Take 1 GBP = 1,25 USD, I want it in dollars."),
    (RICE_TWO, "cut the effort on Beta by half, we can reuse the model"),
    ("IRR on the following: -200k at t0, then 60k, 70k, 80k, 90k.", "Halve the year-one inflow."),
    (MARGIN, "hmm, actually our margin is 30% not 40%"),
])
def test_every_quote_after_a_change_is_the_users_own_words(first, reply):
    turn = read_turn(reply, state_of(first))
    lines = turn.calculation.account_lines()
    quotes = [q for line in lines for q in re.findall(r"“([^”]*)”", line)]
    assert quotes
    assert all(q in first or q in reply for q in quotes), lines


# ---- a question about the result is no change of it ---------------------------------------------

@pytest.mark.parametrize("question", [
    "is $60,000 a good gain for $36,000, should we go ahead?",  # the gain and the total cost, quoted back
    "so the $12,000 set-up is never earned back - does that mean we should drop it?",
])
def test_a_question_quoting_the_calculations_figures_changes_nothing(question):
    turn = read_turn(question, state_of(ROI_PARTS))
    assert turn.calculation is None  # read on its own: the course answers it


def test_a_question_giving_a_new_value_still_changes_it():
    assert call_of(read_turn("is the gain $70,000 then?", state_of(ROI_PARTS))) == ("roi", {"cost": 36000, "gain": 70000})


def test_a_question_about_the_result_is_no_answer_to_the_open_question():
    state = state_of("ROI? the chatbot saves $3,000 a month and cost $20,000 to set up")
    assert state.question is not None
    assert read_turn("so the 20,000 is never earned back - does that mean we should drop it?", state).calculation is None
    assert call_of(read_turn("24 months", state)) == ("roi", {"gain": 72000, "cost": 20000})


# ---- a factor for one project, named by a short word ---------------------------------------------

ICE_CSV = "ice ranking\nname,impact,conf,ease\nbanners,6,5,7\nbundles,8,3,4\nalerts,4,7,8"


def test_a_factor_for_one_projects_input_named_by_its_short_word_scales_only_that():
    name, args = call_of(read_turn("double bundles conf", state_of(ICE_CSV)))
    rows = {row["name"]: row for row in args["initiatives"]}
    assert rows["bundles"]["confidence"] == 6 and rows["bundles"]["impact"] == 8
    assert rows["banners"] == {"name": "banners", "impact": 6, "confidence": 5, "ease": 7}


def test_a_factor_with_the_old_value_quoted_beside_it_still_scales():
    name, args = call_of(read_turn("halve the bundles impact, 8 is too optimistic", state_of(ICE_CSV)))
    rows = {row["name"]: row for row in args["initiatives"]}
    assert rows["bundles"]["impact"] == 4 and rows["alerts"]["impact"] == 4 and rows["banners"]["impact"] == 6


def test_an_option_chosen_in_words_beside_figures_that_only_describe_it_is_taken():
    state = state_of("ICE score for the upsell widget: impact 6, confidence 5, ease 9")
    name, args = call_of(read_turn("now the mean as well please, the one on the 1-10 scale", state))
    assert args == {"impact": 6, "confidence": 5, "ease": 9, "aggregate": "mean"}
