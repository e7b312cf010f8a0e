"""A calculation's later turns, each a general cause of a wrong or missing result: a what-if
changes exactly the figure it names (the label written after a figure names that figure, not
the next one), a share taken off a line scales it, a correction restates the figure it
corrects instead of adding one, and a reply to the advisor's question finishes the calculation.

Pure reading (reading/dialogue.py and its parts): one message starts a calculation, the next
ones are read against its state, as the engine does.
"""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_of


_state, _call = state_of, call_of  # the steps both dialogue test files use


def _then(state, *replies):
    """The last turn after each reply is read against the state the one before left."""
    turn = None
    for reply in replies:
        turn = read_turn(reply, state)
        assert turn.state is not None, reply
        state = turn.state
    return turn


# ---- a what-if changes the figure it names ---------------------------------------------------

@pytest.mark.parametrize(("change", "cost"), [
    # the label after the first figure ("… for hosting,") names it, not the figure after the comma
    ("what if hosting came to 9,000 a year?", 9000 * 2 + 20000 * 2 + 10000),
    ("and if the analysts' time were 30,000 a year?", 12000 * 2 + 30000 * 2 + 10000),
])
def test_a_label_after_a_figure_names_that_figure_not_the_next(change, cost):
    state = _state("ROI over 2 years: it earns 200,000 in those 2 years. Set-up 10,000 once, "
                   "12,000 per year for hosting, 20,000 per year of the analysts' time.")
    assert _call(read_turn(change, state)) == ("roi", {"gain": 200000, "cost": cost})


@pytest.mark.parametrize(("change", "cost"), [
    ("what if the vendor waives half the set-up fee?", 8000 / 2 + 3000),
    ("suppose they drop a quarter of the set-up fee", 8000 * 0.75 + 3000),
    ("what if they waived 25% of the set-up fee", 8000 * 0.75 + 3000),
    ("what if they waived the set-up fee?", 3000),  # the whole line: removed
])
def test_a_share_taken_off_a_line_scales_that_line_only(change, cost):
    state = _state("ROI: the set-up fee is 8,000, training 3,000, and it brings in 20,000.")
    name, args = _call(read_turn(change, state))
    assert name == "roi" and args["gain"] == 20000 and args["cost"] == pytest.approx(cost)


def test_a_line_scaled_keeps_its_name_for_the_next_change():
    state = _state("ROI: the set-up fee is 8,000, training 3,000, and it brings in 20,000.")
    turn = _then(state, "what if they waived half the set-up fee?", "and if the set-up fee were 6,000?")
    assert _call(turn) == ("roi", {"gain": 20000, "cost": 6000 + 3000})


# ---- a correction restates a figure, it adds none ---------------------------------------------

@pytest.mark.parametrize("correction", [
    "oh wait, it's 400 a month once we take off the hosting",
    "sorry, actually 400 a month",
    "400 a month instead",
])
def test_a_correction_restates_the_figure_of_its_period(correction):
    state = _state("Payback? 6,000 to set it up, it saves 500 a month.")
    assert _call(read_turn(correction, state)) == ("payback_period", {"upfront_cost": 6000, "monthly_benefit": 400})


def test_a_new_cost_in_a_correction_is_still_a_cost_of_its_own():
    state = _state("Payback? 6,000 to set it up, it saves 500 a month.")
    name, args = _call(read_turn("actually the hosting costs 100 a month on top of that, sorry", state))
    assert name == "payback_period" and args["upfront_cost"] == 6000
    assert args["monthly_benefit"] - args.get("monthly_cost", 0) == pytest.approx(400)


def test_a_correction_that_names_the_input_takes_that_input():
    # "12k" and "1k a month" with no word for the monthly amount: the reader asks what it saves;
    # "benefit 900 a month instead" names it, so it takes the monthly amount's place
    state = _state("payback: 12k upfront, 1k/mo")
    turn = read_turn("benefit 900/mo instead", state)
    assert _call(turn) == ("payback_period", {"upfront_cost": 12000, "monthly_benefit": 900})


# ---- the reply to the advisor's question finishes the calculation ----------------------------

@pytest.mark.parametrize(("reply", "monthly"), [
    ("take the middle", 1750), ("the lower one, to be safe", 1000), ("go with the top of the range", 2500),
])
def test_an_end_of_a_two_figure_range_is_chosen_in_words(reply, monthly):
    # the period and currency are written once, after the second figure: both ends have them
    state = _state("Payback? Set-up was 21,000 €, and it saves us between 1,000 and 2,500 € per month.")
    assert "range" in state.question.question
    assert _call(read_turn(reply, state)) == ("payback_period", {"upfront_cost": 21000, "monthly_benefit": monthly})


@pytest.mark.parametrize(("reply", "fees"), [("the annual one", 11000), ("monthly please", 12 * 1000)])
def test_an_option_is_chosen_by_the_period_it_is_paid_per(reply, fees):
    state = _state("tco over 1 yr: setup 5k, licence 1k/mo or 11k/yr paid up front")
    assert state.need == "which"
    name, args = _call(read_turn(reply, state))
    assert name == "tco" and args["software_fees"] == fees and args["implementation"] == 5000


@pytest.mark.parametrize(("reply", "upfront", "net"), [("the second", 5000, 2000 - 900),
                                                       ("1", 10000, 2000 - 300)])
def test_an_option_picked_for_one_input_picks_the_same_option_for_the_input_given_beside_it(reply, upfront, net):
    state = _state("Payback? It saves about 2,000 a month. Either 10,000 set-up plus 300 a month, "
                   "or 5,000 set-up plus 900 a month.")
    assert state.need == "which"
    turn = read_turn(reply, state)
    name, args = _call(turn)
    assert name == "payback_period" and args["upfront_cost"] == upfront
    assert args["monthly_benefit"] - args.get("monthly_cost", 0) == net


# ---- a follow-up with no "what if" changes the length of time it names -------------------------

def test_a_bare_number_repeats_the_last_change_in_its_unit():
    state = _state("TCO? setup 10k, hosting 500 a month")
    assert state.need == "horizon"
    turn = _then(state, "2 years", "and 4?")
    assert _call(turn)[1]["horizon_years"] == 4


def test_a_bare_number_after_a_money_change_is_not_read_as_a_length_of_time():
    state = _state("TCO over 2 years: setup 10k, hosting 500 a month")
    turn = _then(state, "what if the setup were 12k?")
    assert _call(turn)[1]["horizon_years"] == 2
    after = read_turn("and 4?", turn.state)
    assert after.calculation is None or not after.calculation.calls or after.calculation.calls[0][1]["horizon_years"] == 2


@pytest.mark.parametrize(("follow_up", "years"), [("and by the end of year four?", 4), ("what about until year 2", 2)])
def test_a_horizon_named_as_the_end_of_a_year_counts_over_that_many_years(follow_up, years):
    state = _state("TCO for one year: setup 12k, licence 700/month")
    assert _call(read_turn(follow_up, state)) == ("tco", {"horizon_years": years, "implementation": 12000,
                                                          "software_fees": 8400})


def test_extending_the_years_of_a_cash_flow_extends_the_flows():
    state = _state("NPV at 10%: we put in 90k, then get 40k a year for 3 years.")
    name, args = _call(read_turn("Extend it to 4 years of returns.", state))
    assert name == "npv" and args["cash_flows"] == [-90000, 40000, 40000, 40000, 40000]


# ---- a follow-up changes a setting, a period added, a figure written like the one it changes ---

@pytest.mark.parametrize(("follow_up", "two_sided"), [
    ("we only want to know if the new page is better, so make it one-tailed", False),
    ("run it as a one sided test", False),
])
def test_a_test_made_one_sided_in_words_changes_that_setting_only(follow_up, two_sided):
    state = _state("Sample size? Our page converts at 3% today and we hope to get it to 3.5%.")
    before = _call(read_turn("what if we hoped for 3.6%?", state))[1]
    name, args = _call(read_turn(follow_up, state))
    assert name == "sample_size" and args["two_sided"] is two_sided
    assert {k: v for k, v in args.items() if k != "two_sided"} == {**before, "target_rate": 0.035}


def test_a_schema_input_is_set_by_the_words_of_its_description():
    state = _state("A/B test: control 12,000 visitors and 480 orders, variant 12,000 visitors and 560 orders.")
    name, args = _call(read_turn("and at a 1% significance level?", state))
    assert name == "ab_test" and args["alpha"] == pytest.approx(0.01)
    assert args["variant_conversions"] == 560


@pytest.mark.parametrize(("follow_up", "flows"), [
    ("and add a 4th year of 10k", [-60000, 20000, 25000, 30000, 10000]),
    ("what if the 2nd year is 15k", [-60000, 20000, 15000, 30000]),
])
def test_a_period_after_the_last_is_added_and_one_inside_replaced(follow_up, flows):
    state = _state("NPV at 9%: -60k, 20k, 25k, 30k")
    name, args = _call(read_turn(follow_up, state))
    assert name == "npv" and args["cash_flows"] == flows and args["rate"] == pytest.approx(0.09)


def test_a_figure_written_with_a_plus_sign_changes_the_one_written_so():
    state = _state("Sample size? baseline 4%, we want to detect a +10% relative lift")
    name, args = _call(read_turn("and if we'd settle for +15%?", state))
    assert name == "sample_size" and args["mde"] == pytest.approx(0.15) and args["baseline_rate"] == pytest.approx(0.04)


@pytest.mark.parametrize("reply", [
    "in euros please: the $10k is €9k and the £5k comes to €6k",
    "use euros. $10k = €9k, £5k works out at €6k",
])
def test_amounts_restated_in_one_currency_each_replace_their_own(reply):
    state = _state("ROI? We paid $10k for the licence and £5k for the set-up, and it made €40k extra profit.")
    assert state.need == "currency"
    assert _call(read_turn(reply, state)) == ("roi", {"cost": 15000, "gain": 40000})


def test_an_input_a_record_lacked_is_added_to_that_record_not_put_in_another_inputs_place():
    state = _state("A/B result? control: 8,000 users, 240 sign-ups; variant: 280 sign-ups")
    assert state.need == "missing"
    name, args = _call(read_turn("the variant also had 8,000 users", state))
    assert name == "ab_test" and (args["variant_visitors"], args["variant_conversions"]) == (8000, 280)


# ---- a what-if names its input by a label, a direction verb, a spelling of its own -------------

@pytest.mark.parametrize(("change", "gain", "cost"), [
    ("what if the savings were 10% lower", 36000, 12000),  # "savings": a word for the gain, not its own line
    ("and if the savings drop by 25%?", 30000, 12000),
    ("what if the licence went up 50%", 40000, 7000 * 1.5 + 5000),
    ("what if the setup came to 6k", 40000, 7000 + 6000),  # "setup" is the "set-up" line
])
def test_a_what_if_moves_the_input_it_names(change, gain, cost):
    state = _state("ROI: licence 7k, set-up 5k, and it saves 40k.")
    name, args = _call(read_turn(change, state))
    assert name == "roi" and args["gain"] == pytest.approx(gain) and args["cost"] == pytest.approx(cost)


@pytest.mark.parametrize("change", ["discount at 11", "what if the rate were 11"])
def test_a_plain_number_for_a_rate_is_a_percentage(change):
    state = _state("NPV at 8%: -30k now, then 12k, 12k, 12k.")
    assert _call(read_turn(change, state))[1]["rate"] == pytest.approx(0.11)


def test_a_score_on_a_scale_of_its_own_is_not_made_a_percentage():
    state = _state("ICE score for the chatbot: impact 6, confidence 4, ease 7")
    assert _call(read_turn("I think confidence should be 8 after the pilot", state)) == \
        ("ice_score", {"impact": 6, "confidence": 8, "ease": 7})


# ---- a message about another thing takes none of the old figures ------------------------------

@pytest.mark.parametrize("message", [
    "And the ROI of the newsletter tool? It cost 6k.",
    "now do the ROI for our inventory plugin, which cost 6k",
    "and for the kiosk? 6k",
    "Next one: the translation engine cost 6k",
])
def test_a_message_about_another_thing_takes_none_of_the_old_figures(message):
    state = _state("ROI for the chatbot: it cost 20k and saved 35k.")
    assert read_turn(message, state).calculation is None


@pytest.mark.parametrize(("message", "cost"), [
    ("what if the chatbot cost 25k?", 25000),
    ("and if the tool had cost 25k?", 25000),
    ("what if the licence for the chatbot were 25k", 25000),
])
def test_a_change_that_names_the_same_thing_or_none_still_changes_it(message, cost):
    state = _state("ROI for the chatbot: it cost 20k and saved 35k.")
    assert _call(read_turn(message, state)) == ("roi", {"cost": cost, "gain": 35000})


# ---- more replies that finish the calculation --------------------------------------------------

@pytest.mark.parametrize(("reply", "monthly"), [("1.8k", 1800), ("let's say 1,750 a month", 1750), ("go with 2.5k", 2500)])
def test_a_value_inside_the_range_given_is_an_answer_to_the_range_question(reply, monthly):
    state = _state("Payback? Set-up was 21,000 €, and it saves us between 1,000 and 2,500 € per month.")
    name, args = _call(read_turn(reply, state))
    assert name == "payback_period" and args == {"upfront_cost": 21000, "monthly_benefit": monthly}


def test_a_value_outside_the_range_is_not_taken_for_it():
    state = _state("Payback? Set-up was 21,000 €, and it saves us between 1,000 and 2,500 € per month.")
    turn = read_turn("4k", state)
    assert turn.calculation is None or not turn.calculation.calls


@pytest.mark.parametrize("reply", ["that's our savings", "what we earned from it"])
def test_a_role_is_answered_by_a_word_for_the_input(reply):
    state = _state("ROI? We spent 40k and there's 25k.")
    assert state.need == "role"
    assert _call(read_turn(reply, state)) == ("roi", {"cost": 40000, "gain": 25000})


@pytest.mark.parametrize(("reply", "cost"), [("the set-up", 24000 + 10000), ("licences", 10000 + 6000)])
def test_a_what_if_naming_no_line_asks_which_and_the_line_named_in_the_reply_is_replaced(reply, cost):
    state = _state("ROI: licences 24k, set-up 6k, and it saves 50k over the year.")
    turn = read_turn("what if that bit were 10k?", state)
    assert turn.calculation is not None and not turn.calculation.calls and turn.calculation.clarification
    assert _call(read_turn(reply, turn.state)) == ("roi", {"cost": cost, "gain": 50000})


@pytest.mark.parametrize(("change", "cost", "gain"), [
    ("make the set-up 9k", 24000 + 9000 + 3000, 50000),  # "make" is a word for a gain; the set-up line is named
    ("lower the training to 2k", 24000 + 6000 + 2000, 50000),
    ("we negotiated the licences down to 20k", 20000 + 6000 + 3000, 50000),
    ("bump the savings to 55k", 24000 + 6000 + 3000, 55000),
])
def test_the_line_a_change_names_wins_over_the_way_its_verb_points(change, cost, gain):
    state = _state("ROI over 2 years: licences 24k, set-up 6k, training 3k, and it saves 50k.")
    assert _call(read_turn(change, state)) == ("roi", {"cost": cost, "gain": gain})


def test_an_input_named_right_after_its_figure_keeps_it():
    state = _state("sample size: baseline 3%, we want to detect a 15% relative lift, alpha 0.05, power 80%")
    name, args = _call(read_turn("what if we want 85% power", state))
    assert name == "sample_size" and args["power"] == pytest.approx(0.85) and args["mde"] == pytest.approx(0.15)
