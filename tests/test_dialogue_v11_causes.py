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
