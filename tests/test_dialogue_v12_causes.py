"""Causes of the v12 dialogue failures (tune half), as specifications in other words: a what-if
on one line of a total cost named by the user's own (even misspelt) word keeps that line's input
(a total made of any of its lines has no two inputs that stand in for each other); a share word
inside a figure ("half a person-month") is its value, not a factor on another input; a message
that asks for the calculator again with figures of its own for every line the calculation holds
is a calculation of its own (its length asked, none carried over). Each has a guard it must not
change. Pure reading, no engine."""

from __future__ import annotations

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_of

TCO = "total cost over 2 years: hardware install 20k, data migraton 8k, staff training 2k, subscription 6k/yr"
RICE = ("prioritise with RICE: Gift quiz reach 3000 impact high confidence 70% effort 2; "
        "Size guide reach 5000 impact low confidence 90% effort 3")


def _project(args: dict, name: str) -> dict:
    return next(row for row in args["initiatives"] if row["name"] == name)


def test_a_line_named_in_the_users_own_spelling_keeps_its_input():
    name, args = call_of(read_turn("what if the migraton part ended up 11k?", state_of(TCO)))
    assert name == "tco"
    assert args["data_integration"] == 11000 and args["implementation"] == 20000
    assert args["training"] == 2000 and args["software_fees"] == 6000 and args["horizon_years"] == 2


def test_guard_a_line_named_by_its_input_still_moves_that_input_only():
    name, args = call_of(read_turn("and if the install came to 25k?", state_of(TCO)))
    assert args["implementation"] == 25000 and args["data_integration"] == 8000


def test_a_share_word_inside_a_figure_is_its_value_not_a_factor():
    name, args = call_of(read_turn("turns out the size guide needs only half a person-month", state_of(RICE)))
    size = _project(args, "Size guide")
    assert size["effort"] == 0.5 and size["reach"] == 5000  # not the reach halved
    assert _project(args, "Gift quiz") == {"reach": 3000, "impact": 2, "confidence": 0.7, "effort": 2, "name": "Gift quiz"}


def test_guard_a_share_word_before_the_input_still_scales_it():
    name, args = call_of(read_turn("cut the size guide reach by half", state_of(RICE)))
    assert _project(args, "Size guide")["reach"] == 2500 and _project(args, "Size guide")["effort"] == 3


HOSTED = "3-year TCO: install 12k, hosting 400 a month"


def test_the_calculator_asked_again_with_every_line_of_its_own_is_a_calculation_of_its_own():
    turn = read_turn("Next: TCO, set-up 6k and support 200 a month", state_of(HOSTED))
    assert turn.calculation is None  # read on its own: its length is asked, the 3 years do not carry over


def test_guard_the_calculator_asked_again_with_one_line_changed_is_a_change():
    name, args = call_of(read_turn("TCO with the install at 9k", state_of(HOSTED)))
    assert args["implementation"] == 9000 and args["maintenance"] == 4800 and args["horizon_years"] == 3
    name, args = call_of(read_turn("and the TCO if install were 6k and hosting 200 a month?", state_of(HOSTED)))
    assert args["implementation"] == 6000 and args["maintenance"] == 2400 and args["horizon_years"] == 3


def test_how_often_said_without_a_number_is_once_per_that_period():
    state = state_of("customer value for the candle club? average order £22")
    turn = read_turn("they buy quarterly", state)
    assert turn.calculation is not None and not turn.calculation.calls  # the lifespan is still asked
    name, args = call_of(read_turn("members stay about 3 years", turn.state))
    assert name == "clv" and args["purchases_per_year"] == 4 and args["lifespan_years"] == 3 and args["aov"] == 22


def test_guard_how_often_fills_no_input_that_counts_nothing_per_period():
    turn = read_turn("monthly", state_of("ROI please, the set-up cost us 10k"))
    assert turn.calculation is None or not turn.calculation.calls
    state = state_of("customer value for the candle club? average order £22")
    turn = read_turn("we look at the numbers monthly but I really don't know how often they buy", state)
    assert turn.calculation is None or not turn.calculation.calls


CLV = "lifetime value please: basket $40, 3 purchases a year"


def test_a_reply_that_leaves_the_figure_to_the_advisor_gets_the_question_again():
    for reply in ("just use the usual one for a pet store", "you pick", "whatever's normal in retail"):
        turn = read_turn(reply, state_of(CLV))
        assert turn.calculation is not None and not turn.calculation.calls, reply
        assert turn.calculation.clarification is not None and "not assume" in turn.calculation.clarification.question


def test_guard_a_figure_given_with_the_same_words_is_taken():
    name, args = call_of(read_turn("the typical figure for us is 4 years", state_of(CLV)))
    assert args["lifespan_years"] == 4 and args["aov"] == 40
    turn = read_turn("how is the lifespan usually measured?", state_of(CLV))
    assert turn.calculation is None  # a question of its own, read on its own


PAYBACK = "payback on the label printer: 6,000 up front, it saves 500 a month"


def test_several_values_listed_for_one_input_are_each_computed():
    turn = read_turn("and at 600, 750 or 1,000 a month?", state_of(PAYBACK))
    assert turn.calculation is not None
    benefits = [args["monthly_benefit"] for _, args in turn.calculation.calls]
    assert benefits == [600, 750, 1000]
    assert all(args["upfront_cost"] == 6000 for _, args in turn.calculation.calls)
    assert turn.state.args["monthly_benefit"] == 600  # the conversation goes on from the first


def test_a_bare_amount_per_the_one_period_of_the_calculation_replaces_that_amount():
    name, args = call_of(read_turn("and at 650 a month?", state_of(PAYBACK)))
    assert args == {"upfront_cost": 6000, "monthly_benefit": 650}


def test_guard_a_list_over_two_inputs_or_an_amount_that_names_a_line_is_not_a_list_of_alternatives():
    turn = read_turn("and at 650 a month for the ink refills?", state_of(PAYBACK))
    assert turn.calculation is None or not turn.calculation.calls or \
        turn.calculation.calls[0][1].get("monthly_benefit") != 650
    turn = read_turn("what if it cost 7,000 and saved 550 or so a month?", state_of(PAYBACK))
    assert turn.calculation is None or len(turn.calculation.calls) <= 1


def test_a_missing_amount_given_for_the_first_year_fills_it():
    state = state_of("ROI on the returns chatbot? it cost 18k")
    name, args = call_of(read_turn("savings came to about 40k in the first year", state))
    assert name == "roi" and args == {"cost": 18000, "gain": 40000}


def test_guard_a_period_of_a_series_still_changes_that_period_only():
    name, args = call_of(read_turn("the second-year inflow is 9k", state_of("NPV at 6%: 20k now, inflows 8k, 8k, 8k")))
    assert args["cash_flows"] == [-20000, 8000, 9000, 8000]
