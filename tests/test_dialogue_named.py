"""Which figure a later message names, across a conversation: the words after a figure name it,
not the figure joined after it ("…for onboarding and 9k for hosting"); a length moved by an
amount is the input counted in time when the calculator has no horizon; a figure said again in
words with its cents, beside the misreading it denies, changes nothing; a price "dearer" by a
share scales its line; a reply to a question about the figures that names an input held changes
that input, and a figure a reply gives that the calculation would not use is asked about, never
dropped under an old result. Pure reading, as in tests/test_dialogue_followups.py."""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_of

ROI = "ROI please: we expect 90,000 extra profit, against 12,000 for onboarding and 9,000 for hosting."
CLV = "Lifetime value: baskets of 40 euros, 5 orders in a year, clients stay 2 years, margin 25%."
TCO = "Two-year TCO: subscription 800,25 € a month and 3.000 € to set it up."
TCO_GBP = "Four-year TCO: £6,000 to install and hosting of £700 per month."
RICE = ("RICE please. Alpha: reach 5,000 users per quarter, high impact, confidence 70%, four person-months. "
        "Beta: reach 9,000, low impact, confidence 50%, two person-months.")


@pytest.mark.parametrize(("reply", "cost"), [("what if the onboarding came to 15,000?", 24000),
                                             ("and if hosting were 4,000?", 16000)])
def test_the_words_after_a_figure_name_it_not_the_figure_joined_after_it(reply, cost):
    assert state_of(ROI).args == {"gain": 90000, "cost": 21000}
    name, args = call_of(read_turn(reply, state_of(ROI)))
    assert name == "roi" and args == {"gain": 90000, "cost": cost}


def test_a_length_moved_is_the_input_counted_in_time_not_the_period_of_a_rate():
    name, args = call_of(read_turn("and if clients stay a year longer?", state_of(CLV)))
    assert name == "clv" and args == {"aov": 40, "purchases_per_year": 5, "lifespan_years": 3, "gross_margin": 0.25}


def test_a_figure_said_again_in_words_with_its_cents_beside_the_misreading_it_denies_changes_nothing():
    state = state_of(TCO)
    reply = "You misread the subscription: it is eight hundred euro and twenty-five cents a month, not 0,8 euro."
    name, args = call_of(read_turn(reply, state))
    assert args == state.args


@pytest.mark.parametrize(("reply", "fees"), [("if hosting gets 10% dearer, what is the total?", 9240),
                                             ("what if hosting were 10% cheaper?", 7560)])
def test_a_price_dearer_or_cheaper_by_a_share_scales_its_line(reply, fees):
    state = state_of(TCO_GBP)
    line = next(name for name, value in state.args.items() if value == 8400)  # the hosting, whichever input holds it
    name, args = call_of(read_turn(reply, state))
    assert args == {**state.args, line: fees}


def test_a_reply_to_a_question_about_the_figures_that_names_a_held_input_changes_that_input():
    state = state_of(RICE)
    assert state.question is not None and not state.args  # the reach's period is asked
    turn = read_turn("The board now puts its confidence in Beta at 30%. Re-rank please.", state)
    name, args = call_of(turn)
    beta = next(item for item in args["initiatives"] if item["name"] == "Beta")
    alpha = next(item for item in args["initiatives"] if item["name"] == "Alpha")
    assert beta["confidence"] == 0.3 and alpha["confidence"] == 0.7


def test_a_figure_a_reply_gives_that_the_calculation_would_not_use_is_asked_about():
    turn = read_turn("make it 45%", state_of(RICE))
    assert turn.calculation is not None and not turn.calculation.calls
    assert turn.calculation.clarification is not None


TCO_PARTS = "Three-year TCO: set-up 20,000, licence 1,000 a month, support 3,000 a year."


@pytest.mark.parametrize("reply", ["Now the ROI if it brings 90,000 in savings, against the total you just worked out.",
                                   "and the ROI with 90,000 of profit set against that total?"])
def test_another_calculator_on_the_total_just_given_takes_it_as_its_cost(reply):
    state = state_of(TCO_PARTS)
    assert state.call == "tco"
    turn = read_turn(reply, state)
    name, args = call_of(turn)
    assert name == "roi" and args == {"gain": 90000, "cost": 20000 + 3 * (12000 + 3000)}
    quoted = [item.quote for item in turn.state.figures]
    assert all(quote in reply or quote in TCO_PARTS for quote in quoted)  # only the user's words



TCO_YEARS = "TCO: 6k to install, 250 a month, 900 a year for support, over 4 yrs"
TCO_MONTHS = "TCO: 6k to install, 250 a month, 900 a year for support, over 4 months"


def test_a_bare_number_said_again_as_a_length_points_at_the_figure_written_with_it():
    state = state_of(TCO_YEARS)
    name, args = call_of(read_turn("no, the 4 is four years not four months, the contract runs 4 years", state))
    assert args == state.args  # said again as it was read: nothing moves, no set-up of 4


def test_a_bare_number_said_again_as_another_length_changes_that_length_only():
    state = state_of(TCO_MONTHS)
    name, args = call_of(read_turn("no, the 4 is four years not four months, the contract runs 4 years", state))
    assert args == {**state.args, "horizon_years": 4}


def test_a_what_if_taken_back_by_its_figure_restores_that_input_and_the_rest_still_changes():
    state = state_of("TCO over 3 years: set-up 8,000, training 1,000, licence 400 a month")
    moved = read_turn("and over 6 years?", state)
    assert call_of(moved)[1]["horizon_years"] == 6
    name, args = call_of(read_turn("ok scrap the 6 years, back to 3, and training rose to 1,800", moved.state))
    assert args == {**state.args, "training": 1800}


AB_ONE = "A/B test on the checkout: control saw 12,000 visitors and 360 orders. Did the new checkout win?"


@pytest.mark.parametrize("reply", ["the new checkout had 11,500 visitors and 414 orders",
                                   "Sorry! Variant: 11,500 visitors, 414 orders."])
def test_a_reply_giving_the_group_the_question_lacked_completes_the_test_and_keeps_the_first_group(reply):
    state = state_of(AB_ONE)
    assert state.question is not None and state.args is None
    name, args = call_of(read_turn(reply, state))
    assert name == "ab_test" and args == {"control_visitors": 12000, "control_conversions": 360,
                                          "variant_visitors": 11500, "variant_conversions": 414}


def test_a_reply_about_the_group_given_before_is_no_second_group():
    turn = read_turn("sorry, control had 360 orders from 12,500 visitors", state_of(AB_ONE))
    calls = turn.calculation.calls if turn.calculation is not None else []
    assert not any(args.get("variant_visitors") == 12500 for _name, args in calls)


@pytest.mark.parametrize(("options", "reply", "chosen"), [
    (["yes", "no"], "yep", 0), (["yes", "no"], "nah", 1), (["9%", "no"], "yeah", 0), (["9%", "no"], "nope", 1),
    (["apply it", "leave it out"], "sure", 0), (["apply it", "leave it out"], "nah", 1),
    (["the cost", "the gain"], "yep", None),  # no option declines: a yes picks nothing
])
def test_a_yes_or_no_in_any_register_picks_the_option_that_accepts_or_declines(options, reply, chosen):
    from assistant.reading.replies import option_chosen

    assert option_chosen(options, reply) == chosen


def test_a_yes_to_is_it_a_percentage_reads_the_bare_rate_as_one():
    state = state_of("NPV with a discount rate of 9: we put in 30,000 now and it returns 12,000 a year for 3 years")
    assert state.question is not None and "9%" in state.question.options
    name, args = call_of(read_turn("yep", state))
    assert name == "npv" and args == {"cash_flows": [-30000, 12000, 12000, 12000], "rate": 0.09}
    turn = read_turn("nah", state)
    assert turn.calculation is None or not turn.calculation.calls  # not a percentage: never guessed what else


@pytest.mark.parametrize(("reply", "tool"), [("and the payback on that?", "payback_period"),
                                             ("what's the NPV at 10% over 2 years then?", "npv")])
def test_another_calculator_asked_of_what_was_just_computed_takes_its_figures(reply, tool):
    state = state_of("Payback: set-up 5,000, it saves 800 a month")
    if tool == "payback_period":
        state = state_of("ROI over 2 years: set-up 5,000, it saves 800 a month")
    name, args = call_of(read_turn(reply, state))
    assert name == tool
    if tool == "npv":
        assert args == {"cash_flows": [-5000, 9600, 9600], "rate": 0.1}
    else:
        assert args["upfront_cost"] == 5000 and args["monthly_benefit"] == 800


CLV_HALF = "Customer lifetime value please: baskets of 45 euros, margin 35%"


@pytest.mark.parametrize("reply", ["they buy 6 times a year and stay 2 years", "6 a year, 2 years"])
def test_a_reply_giving_two_missing_inputs_at_once_fills_both(reply):
    state = state_of(CLV_HALF)
    assert state.question is not None and len(state.fields) == 2
    name, args = call_of(read_turn(reply, state))
    assert args == {"aov": 45, "gross_margin": 0.35, "purchases_per_year": 6, "lifespan_years": 2}


PAYBACK_OPEN = "Payback please: it cost 9,000 and saves 1,200"


def test_a_period_answered_beside_an_amount_of_its_own_answers_and_adds_the_amount():
    state = state_of(PAYBACK_OPEN)
    assert state.need == "period"
    name, args = call_of(read_turn("per month, and there's 150 a month hosting on top", state))
    assert args == {"upfront_cost": 9000, "monthly_benefit": 1050}


def test_a_period_answered_beside_an_amount_no_input_takes_asks_about_the_amount():
    turn = read_turn("monthly, plus 250 a year upkeep", state_of(PAYBACK_OPEN))
    assert turn.calculation is not None and not turn.calculation.calls  # never a result without the 250
    assert "250" in turn.calculation.clarification.question


def test_a_what_if_that_adds_a_cost_part_and_changes_the_gain_does_each_once():
    state = state_of("ROI for the first year: profit £80,000, cost £30,000")
    reply = "Suppose we also add £4,000 for onboarding and the profit ends up at £70,000 - what's the ROI?"
    name, args = call_of(read_turn(reply, state))
    assert args == {"gain": 70000, "cost": 34000}


def test_another_calculator_with_its_own_length_counts_over_that_length():
    state = state_of("ROI: set-up 7,000, licence 250 a month, it saves 1,000 a month, over 2 years")
    name, args = call_of(read_turn("ok now as a 4-year TCO", state))
    assert name == "tco" and args == {"implementation": 7000, "software_fees": 3000, "horizon_years": 4}


TCO_TWO = "TCO over 2 years: set-up 7,000, licence 250 a month"


@pytest.mark.parametrize("reply", ["undo that", "scrap the last change"])
def test_undo_that_after_one_what_if_restores_the_figures_before_it(reply):
    state = state_of(TCO_TWO)
    moved = read_turn("what if the licence were 350 a month?", state)
    name, args = call_of(read_turn(reply, moved.state))
    assert args == state.args


def test_undo_that_after_two_what_ifs_does_not_guess_which_figures_were_before():
    state = state_of(TCO_TWO)
    first = read_turn("what if the licence were 350 a month?", state)
    second = read_turn("and if set-up were 9,000?", first.state)
    turn = read_turn("undo that", second.state)
    calls = turn.calculation.calls if turn.calculation is not None else []
    assert not any(args == state.args for _name, args in calls)  # the first figures are not the ones before the last change


TABLE = ("RICE for these:\n- Gift finder: reach 20000, impact 2, confidence 80%, effort 5\n"
         "- Size advisor: reach 8000, impact 1, confidence 90%, effort 2")


def test_a_whole_project_given_after_a_ranking_is_ranked_with_the_others():
    state = state_of(TABLE)
    name, args = call_of(read_turn("- Visual search: reach 10000, impact 2, confidence 60%, effort 3", state))
    assert [row["name"] for row in args["initiatives"]] == ["Gift finder", "Size advisor", "Visual search"]
    assert args["initiatives"][:2] == state.args["initiatives"]


def test_several_inputs_named_by_no_project_never_replace_every_projects_inputs():
    state = state_of(TABLE)
    turn = read_turn("add one more, reach 10000, impact 2, confidence 60%, effort 3", state)
    calls = turn.calculation.calls if turn.calculation is not None else []
    assert not any(all(row["reach"] == 10000 for row in args["initiatives"]) for _name, args in calls)


@pytest.mark.parametrize("reply", ["ok, what's a good payback period?", "and what is NPV exactly?",
                                   "what's a usual payback period then?"])
def test_a_question_about_another_calculators_idea_is_no_calculation_of_the_figures(reply):
    turn = read_turn(reply, state_of("ROI over 2 years: set-up 5,000, it saves 800 a month"))
    assert turn.calculation is None or not turn.calculation.calls


def test_a_thing_brought_in_with_an_indefinite_article_is_a_calculation_of_its_own():
    state = state_of("ROI over 2 years: set-up 5,000, it saves 800 a month")
    turn = read_turn("and the ROI of a chatbot that costs 3k?", state)
    assert turn.calculation is None  # read on its own: none of the old figures carry over
    assert read_turn("and the ROI of a chatbot that costs 3k?", state_of(
        "ROI of our chatbot over 2 years: set-up 5,000, it saves 800 a month")).calculation is not None


def test_an_amount_added_to_a_line_named_by_its_inputs_label_moves_that_line():
    state = state_of("TCO, 2 yrs: implementation 10k, data integration 4k, SaaS fee $700/mo")
    name, args = call_of(read_turn("add 3k to the set-up, the agency wants more", state))
    assert args == {**state.args, "implementation": 13000}


def test_a_figure_the_user_says_was_misread_is_no_new_value():
    state = state_of("CLV please: average order 80 euros, customers buy 4 times a year, stay 3 years, margin 25%.")
    reply = "Hmm, I think you read 3 times a year. It is 4 times a year, and 3 years is how long they stay."
    name, args = call_of(read_turn(reply, state))
    assert args == state.args


def test_a_thing_described_with_an_indefinite_article_is_still_the_same_subject():
    from assistant.reading.subjects import other_subject

    state = state_of("ROI over 2 years for our returns helper: set-up 5,000, it saves 800 a month")
    assert not other_subject("um, actually the set-up is way lower, it's basically a plug-in, so 2,000?", state)
    assert other_subject("and the ROI of a plug-in that costs 2,000?", state)
