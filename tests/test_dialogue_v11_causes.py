"""Causes of the v11 dialogue failures (tune half), as specifications in other words: a share
moved by a verb said before its object ("trim the hosting by a quarter"); the rates of the test
just analysed carried into the sample size of the next one ("to pick up that difference", "the
variant's rate as our baseline"); "another" before an amount written in words adds it; one
project of a ranking taken out whole; a running cost said to be inside the amount it is taken
off, or still to come off it ("the 1,100 is already after the hosting", "the hosting does come
off"), named by the label of its line. Each has a guard it must not change. Pure reading, no engine."""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_of

TCO = "3-year TCO: set-up 12k, hosting 8k a year, support 2k a year"
TEST = "A/B result:\ncontrol: 20,000 sessions, 600 orders\nnew checkout: 20,000 sessions, 700 orders"
PAYBACK = "Payback check for the returns triage bot\nSet-up: 9,000\nSaves: 1,100 a month\nHosting: 200 a month"
ICE = ("ICE ranking: onsite quiz impact 6 confidence 5 ease 7; bundles impact 4 confidence 8 ease 6; "
       "loyalty revamp impact 8 confidence 4 ease 3")
NPV = "npv at 8%: 30,000 invested now, inflows 12,000, 12,000, 14,000"


@pytest.mark.parametrize("reply, hosting", [("trim the hosting by a quarter", 6000),
                                            ("we could push the hosting up by a quarter next year", 10000),
                                            ("cut the hosting cost by a fifth, we'd negotiate", 6400)])
def test_a_share_moves_the_input_its_verb_names_before_it(reply, hosting):
    name, args = call_of(read_turn(reply, state_of(TCO)))
    assert name == "tco" and args["implementation"] == 12000 and args["horizon_years"] == 3
    assert args["maintenance"] == hosting + 2000  # the support line stays


def test_a_share_of_a_third_party_moves_nothing():
    turn = read_turn("the hosting is run by a third party anyway", state_of(TCO))
    assert turn.calculation is None or not turn.calculation.calls or \
        turn.calculation.calls[0][1]["maintenance"] == 10000


def test_the_effect_a_test_measured_is_the_next_tests_baseline_and_target():
    turn = read_turn("how many sessions per group to reliably pick up that difference?", state_of(TEST))
    name, args = call_of(turn)
    assert name == "sample_size"
    assert args["baseline_rate"] == pytest.approx(0.03) and args["target_rate"] == pytest.approx(0.035)
    quotes = [item.quote for item in turn.state.figures]
    assert all(q in "how many sessions per group to reliably pick up that difference?" for q in quotes)


def test_a_groups_rate_named_as_the_baseline_starts_the_next_test():
    name, args = call_of(read_turn("with the new checkout's rate as our baseline, n per arm for a 5% relative lift?",
                                   state_of(TEST)))
    assert name == "sample_size"
    assert args["baseline_rate"] == pytest.approx(0.035) and args["mde"] == pytest.approx(0.05)


def test_a_next_test_with_rates_of_its_own_takes_none_of_the_old_ones():
    turn = read_turn("how many visitors per arm to go from 2% to 2.4%?", state_of(TEST))
    assert turn.calculation is None or all(
        args.get("baseline_rate") == pytest.approx(0.02) for _, args in turn.calculation.calls)


def test_another_amount_in_words_is_added_not_a_new_subject():
    name, args = call_of(read_turn("tack on a fourth year, another nine thousand", state_of(NPV)))
    assert args["cash_flows"] == [-30000, 12000, 12000, 14000, 9000]
    assert read_turn("and another project: it costs 9k, ROI?", state_of(NPV)).calculation is None


def test_one_project_of_a_ranking_is_taken_out_whole():
    name, args = call_of(read_turn("drop bundles and rank again", state_of(ICE)))
    assert [row["name"] for row in args["initiatives"]] == ["onsite quiz", "loyalty revamp"]


def test_an_input_of_one_project_or_a_group_of_a_test_is_not_taken_out_as_a_project():
    turn = read_turn("leave out the loyalty revamp's ease", state_of(ICE))
    if turn.calculation is not None and turn.calculation.calls:
        assert len(turn.calculation.calls[0][1]["initiatives"]) == 3
    turn = read_turn("remove the control", state_of(TEST))
    assert turn.calculation is None or not turn.calculation.calls


def test_a_running_cost_said_inside_the_saving_is_not_taken_off_again():
    state = state_of(PAYBACK)
    assert state.args == {"upfront_cost": 9000, "monthly_benefit": 900}
    turn = read_turn("no wait, the 1,100 is already after the hosting", state)
    assert call_of(turn)[1] == {"upfront_cost": 9000, "monthly_benefit": 1100}
    name, args = call_of(read_turn("sorry, the hosting does come off it", turn.state))
    assert args == {"upfront_cost": 9000, "monthly_benefit": 900}


def test_an_amount_pointed_at_as_before_a_line_is_that_amount_not_a_new_input():
    state = state_of(PAYBACK)
    name, args = call_of(read_turn("right, that 1,100 is before the hosting", state))
    assert args == {"upfront_cost": 9000, "monthly_benefit": 900}  # never 1,100 as the set-up


def test_a_question_with_before_in_it_changes_nothing():
    assert read_turn("what is a good payback before we scale?", state_of(PAYBACK)).calculation is None


LICENCE_TCO = "tco: set-up 15k, licence 4k/yr, 2 yrs"


def test_going_back_to_a_first_value_takes_back_the_what_if_that_moved_it():
    moved = read_turn("what if 4 yrs", state_of(LICENCE_TCO)).state
    name, args = call_of(read_turn("ok go back to 2", moved))
    assert args == {"implementation": 15000, "software_fees": 4000, "horizon_years": 2}
    assert read_turn("ok go back to 7", moved).calculation is None  # no first value of any line


NETS = "payback: 30k upfront, nets 2.5k a month"


def test_a_part_said_with_too_is_added_to_its_input():
    name, args = call_of(read_turn("there's a 5k migration fee upfront too", state_of(NETS)))
    assert args == {"upfront_cost": 35000, "monthly_benefit": 2500}
    name, args = call_of(read_turn("forgot to mention the 4k onboarding fee upfront", state_of(NETS)))
    assert args == {"upfront_cost": 34000, "monthly_benefit": 2500}


def test_too_before_a_judgement_adds_nothing():
    turn = read_turn("the 2.5k is too optimistic", state_of(NETS))
    assert turn.calculation is None or call_of(turn)[1] == {"upfront_cost": 30000, "monthly_benefit": 2500}


MARGIN = "roi: extra margin 45k, spend 15k"


@pytest.mark.parametrize("reply, args", [
    ("lower the margin by 5k", {"gain": 40000, "cost": 15000}),  # the verb before what it moves, "by" before the amount
    ("bump the spend by 3k", {"gain": 45000, "cost": 18000}),
    ("what if spend was 2k lower", {"gain": 45000, "cost": 13000}),
    ("shave 20% off the spend", {"gain": 45000, "cost": 12000}),
    ("margin +10%", {"gain": 49500, "cost": 15000}),
    ("margin -20%", {"gain": 36000, "cost": 15000}),
    ("margin x2", {"gain": 90000, "cost": 15000}),
    ("spend times 1.5", {"gain": 45000, "cost": 22500}),
])
def test_a_move_written_in_shorthand_or_with_its_verb_first_moves_that_input(reply, args):
    assert call_of(read_turn(reply, state_of(MARGIN)))[1] == args


def test_an_amount_a_verb_moves_is_never_the_inputs_new_value():
    name, args = call_of(read_turn("cut the margin by 5k", state_of(MARGIN)))
    assert args["gain"] == 40000  # never 5,000


RUNNING = "payback: setup 12k, saves 2k a month, hosting 300 a month"


def test_a_move_of_the_cost_of_a_payback_asks_which_cost():
    turn = read_turn("what if cost were 1k more", state_of(RUNNING))
    assert turn.calculation is not None and not turn.calculation.calls and turn.calculation.clarification is not None


def test_times_a_year_is_a_frequency_not_a_factor():
    state = state_of("clv: basket 40, 3 times a year, 2 years, margin 50%")
    turn = read_turn("what if they bought 4 times a year", state)
    assert call_of(turn)[1]["purchases_per_year"] == 4


FLOWS = "npv please: put in 40k, back 15k, 17k and 19k over three years"
MONTHLY = "roi? the kiosk saves $1,500 a month and cost $9,000 to install"


@pytest.mark.parametrize("reply, rate", [("eleven", 0.11), ("go with six", 0.06), ("let's say eight please", 0.08),
                                         ("six and a half", 0.065)])
def test_a_rate_said_as_a_number_word_alone_answers_the_rate_question(reply, rate):
    state = state_of(FLOWS)
    assert state.question is not None and state.args is None
    name, args = call_of(read_turn(reply, state))
    assert args["rate"] == pytest.approx(rate)
    assert all(item.quote in reply for item in read_turn(reply, state).state.figures if item.field == "rate")


def test_a_number_word_picks_the_option_of_that_number_or_that_value():
    state = state_of(MONTHLY)
    assert [o for o in state.question.options] == ["12 months", "24 months", "36 months"]
    assert call_of(read_turn("thirty six", state))[1] == {"gain": 54000, "cost": 9000}
    assert call_of(read_turn("two", state))[1] == call_of(read_turn("2", state))[1]


@pytest.mark.parametrize("reply", ["no idea", "forty"])
def test_a_reply_that_is_no_option_and_no_value_asks_again(reply):
    turn = read_turn(reply, state_of(MONTHLY))
    assert turn.calculation is not None and not turn.calculation.calls and turn.calculation.clarification is not None


@pytest.mark.parametrize("reply", ["payback?", "and the payback?", "how many months to break even then?"])
def test_another_calculator_asked_alone_takes_the_figures_just_computed(reply):
    state = state_of("roi over 3 yrs: 18k upfront, saves 1.5k/mo net")
    name, args = call_of(read_turn(reply, state))
    assert (name, args) == ("payback_period", {"upfront_cost": 18000, "monthly_benefit": 1500})


def test_what_that_is_as_another_calculator_takes_the_figures_and_its_length():
    state = state_of("payback please: eighteen thousand upfront and it nets one and a half thousand a month")
    name, args = call_of(read_turn("great, and what's that as an ROI over three years", state))
    assert (name, args) == ("roi", {"cost": 18000, "gain": 54000})


@pytest.mark.parametrize("reply", ["what is ROI?", "what's a good payback period then?", "what does irr mean?",
                                   "how is ROI calculated, is it gain minus cost?"])
def test_a_question_about_a_calculator_or_a_figure_computes_nothing(reply):
    state = state_of("roi over 3 yrs: 18k upfront, saves 1.5k/mo net")
    assert read_turn(reply, state).calculation is None


SERIES = "npv at 7%: -60k now, then 20k, 25k, 30k"


@pytest.mark.parametrize("reply", ["drop year 3", "forget the final year"])
def test_the_last_period_of_a_series_is_taken_out(reply):
    assert call_of(read_turn(reply, state_of(SERIES)))[1] == {"cash_flows": [-60000, 20000, 25000], "rate": 0.07}


def test_a_period_in_the_middle_is_not_taken_out_by_guess():
    turn = read_turn("drop year 2", state_of(SERIES))
    assert turn.calculation is None or not turn.calculation.calls


@pytest.mark.parametrize("reply, rate", [("what if the discount rate went up 2 points", 0.09), ("rate +2pp", 0.09),
                                         ("lower the rate by 3 percentage points", 0.04), ("rate 1 point higher", 0.08)])
def test_a_percentage_moved_by_points_adds_the_points(reply, rate):
    assert call_of(read_turn(reply, state_of(SERIES)))[1]["rate"] == pytest.approx(rate)


def test_points_said_of_an_input_that_is_no_percentage_are_asked_about():
    state = state_of("RICE: reach 2,000 users a month, impact 1, confidence 50%, effort 2")
    turn = read_turn("what if reach went up 3 points", state)
    assert turn.calculation is not None and not turn.calculation.calls
    assert call_of(read_turn("confidence up 20 points", state))[1]["confidence"] == pytest.approx(0.7)


CLV_TWO_MARGINS = "CLV please: basket 48, 5 orders a year, 2 years, margin 30% or 45%"


@pytest.mark.parametrize("reply, margin", [("the first one", 0.30), ("the second", 0.45), ("45%", 0.45)])
def test_two_percentages_offered_for_one_input_are_asked_and_chosen(reply, margin):
    state = state_of(CLV_TWO_MARGINS)
    assert state.args is None and state.question is not None  # never one of them by guess
    assert call_of(read_turn(reply, state))[1]["gross_margin"] == pytest.approx(margin)


def test_percentages_of_two_inputs_are_no_alternatives():
    state = state_of("sample size: baseline 3%, detect a 10% relative lift")
    assert state.args == {"baseline_rate": 0.03, "mde": 0.1, "mde_type": "relative"}
