"""A length of time moved by an amount ("one more year?", "two years longer", "a quarter less",
"another year") moves the calculation's one length of time (horizon, lifespan, the years a flow
repeats) by it; every other input stays. Pure reading, as in tests/test_dialogue_followups.py.
"""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from assistant.reading.lengths import moved_by
from dialogue_steps import call_of, state_of

CLV = "Lifetime value: orders average 60 euros, 2 orders a year, gross margin 40%, customers stay 3 years."
TCO = "Three-year TCO: set-up 5,000, licence 300 a month."


@pytest.mark.parametrize(("text", "months"), [
    ("one more year?", 12), ("and 2 extra years", 24), ("what if it ran a year longer", 12),
    ("two years less", -24), ("another quarter", 3), ("the gain is 40k", None), ("one year", None),
])
def test_the_move_of_a_length_of_time_is_read_in_words(text, months):
    assert moved_by(text) == months


@pytest.mark.parametrize(("reply", "years"), [("one more year?", 4), ("what if they stayed two years longer", 5),
                                             ("and a year less", 2), ("another year?", 4)])
def test_a_length_moved_by_an_amount_moves_the_lifespan_only(reply, years):
    name, args = call_of(read_turn(reply, state_of(CLV)))
    assert name == "clv" and args == {"aov": 60, "purchases_per_year": 2, "gross_margin": 0.4, "lifespan_years": years}


def test_another_year_is_no_new_subject_and_moves_the_horizon():
    name, args = call_of(read_turn("ok and for another year?", state_of(TCO)))
    assert args["horizon_years"] == 4 and args["implementation"] == 5000
