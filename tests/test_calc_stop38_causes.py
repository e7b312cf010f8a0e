"""Causes of three readings that went wrong at the end of stop 37 (spent held-out entries
v5d-010, v6d-020, v3s-058), as specifications in other words: "up" inside a name ("the
up-front", "the down payment") is no verb of moving; a follow-up that moves one input keeps the
inputs the first result counted inside another (a staff cost first added to the fees is not
counted again beside them); a price said aloud ("forty two fifty") is one amount with its cents.
Each has a guard it must not change. Pure reading, no engine."""

from __future__ import annotations

import re

import pytest

from assistant.reading.dialogue import _moved_onto, read_turn
from assistant.reading.moves import share_move
from dialogue_steps import call_of, state_of
from knowledge.figures import WORDS_NUMBER, words_value


@pytest.mark.parametrize("said, factor", [
    ("cut the up-front by a third - the vendor hinted at a discount", 2 / 3),
    ("raise the down payment by a quarter", 1.25),
    ("lower the set-up by a third", 2 / 3),
    # guards: "up" and "down" right before "by" still say which way
    ("the fee went up by a third", 4 / 3),
    ("the cost goes down by a fifth", 0.8),
])
def test_up_and_down_inside_a_name_do_not_say_which_way_an_amount_moves(said, factor):
    found = share_move(said)
    assert found is not None and found[0] == pytest.approx(factor)


def test_cutting_the_up_front_by_a_third_lowers_it():
    state = state_of("Payback: 60k up front, net saving 7.5k/month. Payback in months?")
    name, args = call_of(read_turn("cut the up-front by a third - the vendor hinted at a discount", state))
    assert name == "payback_period" and args["upfront_cost"] == pytest.approx(40000)
    assert args["monthly_benefit"] == 7500


def test_an_input_counted_inside_another_at_first_is_not_counted_again_when_the_horizon_moves():
    first = {"horizon_years": 2, "implementation": 20000, "software_fees": 42000}
    planned_again = {"horizon_years": 2, "implementation": 20000, "software_fees": 12000,
                     "internal_resources": 30000}
    longer = {**planned_again, "horizon_years": 5}
    assert _moved_onto(first, planned_again, longer) == {**first, "horizon_years": 5}


def test_moving_an_input_the_first_result_counted_inside_another_is_not_guessed():
    first = {"horizon_years": 2, "software_fees": 42000}
    planned_again = {"horizon_years": 2, "software_fees": 12000, "internal_resources": 30000}
    moved = {**planned_again, "internal_resources": 40000}
    assert _moved_onto(first, planned_again, moved) is None
    # guard: an input the change brings in that no reading had is taken
    added = {**planned_again, "training": 5000}
    assert _moved_onto(first, planned_again, added) == {**first, "training": 5000}


@pytest.mark.parametrize("said, value", [("forty two fifty", 42.5), ("sixty nine ninety", 69.9),
                                         ("twelve fifty", 12.5),
                                         # guards: hundreds said aloud, years, splits, percentages
                                         ("six fifty", 650.0), ("twenty twenty-seven", 20.0),
                                         ("eighty twenty split", 80.0), ("fifty fifty chance", 50.0),
                                         ("thirty forty percent", 30.0)])
def test_a_price_said_aloud_is_one_amount_with_its_cents(said, value):
    found = re.search(WORDS_NUMBER, said)
    assert found is not None and words_value(found.group(0)) == pytest.approx(value)
