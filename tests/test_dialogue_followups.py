"""A calculation's later turns, each a general cause of a wrong or missing result: a what-if
changes exactly the figure it names (the label written after a figure names that figure, not
the next one), a share taken off a line scales it, a correction restates the figure it
corrects instead of adding one, and a reply to the advisor's question finishes the calculation.

Pure reading (reading/dialogue.py and its parts): one message starts a calculation, the next
ones are read against its state, as the engine does.
"""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from assistant.reading.dialogue import read_turn, start_state


def _state(message: str):
    calc = read_calculation(message)
    assert calc is not None, message
    state = start_state(message, calc)
    assert state is not None
    return state


def _call(turn) -> tuple[str, dict]:
    assert turn.calculation is not None and turn.calculation.calls, turn.calculation
    return turn.calculation.calls[0]


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
