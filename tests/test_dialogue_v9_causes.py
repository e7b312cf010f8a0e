"""Causes behind calculation dialogues that went wrong, each as a specification in its own words:
a correction naming the old value is no restatement; "also"/"on top of that" before a line set to
a new value replaces that line; one end of a move ("4.2% -> 4.6%") is never filled into an input
on its own; a removal of "the second" of one line is not a removal of the line; a removal of the
very figure a question asks about answers it; a level after "too" is a judgement, not a value; a
project listed under a letter is named by that letter; a reply to "I still need …" may also
correct an input in a sentence of its own; a period named for itself answers no "how often?".
Each comes with a guard: a message of the same kind the rule must not change. Pure reading, as in
tests/test_dialogue_undo.py.
"""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_after, state_of


_after = state_after  # the state after a first message and the replies to it


def _planned(turn) -> tuple[str, dict] | None:
    return turn.calculation.calls[0] if turn.calculation is not None and turn.calculation.calls else None


# -- a correction that names the old value is no restatement --------------------------------------

NPV_FLOWS = "NPV at 10%: -40,000 now, then 15,000, 15,000, 1,500"


@pytest.mark.parametrize("fix", ["typo, the final one is also 15,000, not 1,500",
                                 "sorry the last flow is 15,000 as well, not 1,500"])
def test_a_value_equal_to_others_given_instead_of_an_old_one_corrects_it(fix):
    name, args = call_of(read_turn(fix, state_of(NPV_FLOWS)))
    assert args["cash_flows"] == [-40000, 15000, 15000, 15000]


def test_guard_a_figure_said_again_with_no_old_value_changes_nothing():
    name, args = call_of(read_turn("yes, the last one really is 1,500", state_of(NPV_FLOWS)))
    assert args["cash_flows"] == [-40000, 15000, 15000, 1500]


# -- "also" / "on top of that" before a line set to a new value ------------------------------------

TCO = "TCO over 3 years: setup 8,000, hosting 2,000 a year, licence 5,000 a year"


@pytest.mark.parametrize("what_if", ["and if the hosting also goes up to 3,000 a year?",
                                     "on top of that the hosting rises to 3,000 a year",
                                     "what if also the hosting becomes 3,000 a year"])
def test_also_before_a_line_set_to_a_value_replaces_that_line(what_if):
    name, args = call_of(read_turn(what_if, _after(TCO, "what about 4 years?")))
    assert args["maintenance"] == 3000 and args["horizon_years"] == 4 and args["software_fees"] == 5000


@pytest.mark.parametrize("what_if", ["what if we also pay 1,500 a year for support?",
                                     "and on top of that another 1,500 a year for support"])
def test_guard_also_with_a_new_line_still_adds_a_part(what_if):
    name, args = call_of(read_turn(what_if, state_of(TCO)))
    assert args["maintenance"] == 3500 and args["software_fees"] == 5000


# -- one end of a move is no input of its own ------------------------------------------------------

AB = "A/B on checkout: control 8,000 visitors / 240 orders, variant 8,000 visitors / 272 orders"


def test_the_start_of_a_move_is_not_filled_in_as_the_rate_today_with_the_end_as_a_lift():
    turn = read_turn("ok and if that's not enough, how many visitors per arm to pick up a 4.2% -> 4.6% change?",
                     state_of(AB))
    planned = _planned(turn)
    assert planned is None or planned[1].get("target_rate") == pytest.approx(0.046), planned


def test_guard_a_rate_given_alone_for_another_calculator_is_still_filled_in():
    state = state_of("NPV of -20,000 now then 9,000 a year for 3 years at 6%")
    name, args = call_of(read_turn("and the IRR of those same flows?", state))
    assert name == "irr"


# -- "the second X" of one line ---------------------------------------------------------------------

ROI = "ROI: licences 12,000, onboarding 5,000, gain 30,000"


def test_removing_the_second_of_a_kind_the_calculation_holds_once_is_not_guessed():
    planned = _planned(read_turn("drop the second licence", state_of(ROI)))
    assert planned is None or planned[1]["cost"] != 5000


def test_guard_a_removal_naming_a_line_still_removes_it():
    name, args = call_of(read_turn("drop the onboarding", state_of(ROI)))
    assert args == {"cost": 12000, "gain": 30000}


# -- a removal of the figure a question asks about -------------------------------------------------

PAYBACK = ("payback on the helpdesk bot? core licence €18k + the voice module €4k, both one-off. "
           "savings ~€1.5k/mo net")


@pytest.mark.parametrize("reply", ["and without the voice module?", "leave out the voice module"])
def test_taking_out_the_figure_a_question_asks_about_answers_it(reply):
    state = state_of(PAYBACK)
    assert state.need == "role"
    name, args = call_of(read_turn(reply, state))
    assert args == {"upfront_cost": 18000, "monthly_benefit": 1500}


def test_guard_taking_out_another_figure_is_no_answer_about_the_one_asked():
    planned = _planned(read_turn("without the core licence", state_of(PAYBACK)))
    assert planned is None or planned[1].get("upfront_cost") != 18000


# -- a level after "too" --------------------------------------------------------------------------

RICE = ("rank by RICE:\n| Idea | Reach | Impact | Confidence | Effort |\n|---|---|---|---|---|\n"
        "| Wishlist | 5,000 | 1 | 60% | 2 |\n| Gift cards | 3,000 | 2 | 70% | 4 |")


def test_a_level_after_too_is_a_judgement_and_the_figure_after_it_is_the_change():
    turn = read_turn("Sam finds the wishlist confidence too high, he'd go with 40%. again?", state_of(RICE))
    name, args = call_of(turn)
    by_name = {i["name"]: i for i in args["initiatives"]}
    assert by_name["Wishlist"]["confidence"] == pytest.approx(0.4)
    assert by_name["Gift cards"] == {"name": "Gift cards", "reach": 3000, "impact": 2, "confidence": 0.7, "effort": 4}


def test_guard_a_level_named_as_the_new_value_is_still_read():
    name, args = call_of(read_turn("what if the gift cards impact were high?", state_of(RICE)))
    by_name = {i["name"]: i for i in args["initiatives"]}
    assert by_name["Gift cards"]["impact"] == 2 and by_name["Wishlist"]["impact"] == 1


# -- a project listed under a letter ---------------------------------------------------------------

LETTERED = ("Rank by RICE (reach per month, effort in person-months):\n"
            "A: Loyalty app  reach 2000  impact 2 (high)  confidence 60%  effort 5\n"
            "B: Size guide  reach 9000  impact 1 (medium)  confidence 80%  effort 2\n"
            "C: Live chat  reach 4000  impact 0.5 (low)  confidence 90%  effort 3")


@pytest.mark.parametrize("what_if", ["what if B only needs one person-month?", "and if B took 1 person-month"])
def test_a_project_listed_under_a_letter_is_named_by_it(what_if):
    name, args = call_of(read_turn(what_if, state_of(LETTERED)))
    efforts = {i["name"]: i["effort"] for i in args["initiatives"]}
    assert efforts == {"Loyalty app": 5, "Size guide": 1, "Live chat": 3}


def test_guard_a_letter_no_project_was_listed_under_names_none():
    plain = LETTERED.replace("A: ", "").replace("B: ", "").replace("C: ", "")
    planned = _planned(read_turn("what if B only needs one person-month?", state_of(plain)))
    assert planned is None or {i["name"]: i["effort"] for i in planned[1]["initiatives"]} != {
        "Loyalty app": 5, "Size guide": 1, "Live chat": 3}


# -- the answer to "I still need …" with a correction of its own -----------------------------------

CLV = "CLV: basket 60 €, customers order 5 times a year"


@pytest.mark.parametrize("reply", ["4 years. Also the basket is 65 €, not 60",
                                   "they stay 4 years. And the basket was 65 €, not 60 €"])
def test_a_reply_gives_the_missing_input_and_corrects_another_in_its_own_sentence(reply):
    name, args = call_of(read_turn(reply, state_of(CLV)))
    assert args == {"aov": 65, "purchases_per_year": 5, "lifespan_years": 4}


def test_guard_the_missing_input_alone_is_still_the_answer():
    name, args = call_of(read_turn("4 years", state_of(CLV)))
    assert args == {"aov": 60, "purchases_per_year": 5, "lifespan_years": 4}


# -- a period named for itself is no "how often" ---------------------------------------------------

PAYBACK_UNSAID = "payback: setup 9,000, saves 700"


def test_a_period_named_for_itself_answers_no_how_often_question():
    state = state_of(PAYBACK_UNSAID)
    assert state.need == "period"
    turn = read_turn("the setup is 9,500, not 9,000, I read last week's quote", state)
    planned = _planned(turn)
    assert planned is None or planned[1].get("monthly_benefit") != pytest.approx(700 * 52 / 12)


def test_guard_a_period_said_as_how_often_beside_another_figure_still_answers():
    name, args = call_of(read_turn("a month. The setup is 9,000 though", state_of(PAYBACK_UNSAID)))
    assert args == {"upfront_cost": 9000, "monthly_benefit": 700}
