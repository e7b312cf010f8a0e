"""Back to the original figures after what-ifs: the calculation's first result comes back (every
input as first computed), and what the rest of the message changes is changed on it ("back to
the original numbers but over 5 years"). Pure reading, as in tests/test_dialogue_followups.py.
"""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_after

ROI = "ROI: licence 24k, set-up 12k, gain 60k"
NPV = "NPV, 8% rate: -30,000 now, then 12,000 per year for 3 years"


_after = state_after  # the state after a first message and the replies to it


@pytest.mark.parametrize("undo", ["back to the original figures please", "ok go back to the original numbers",
                                  "undo all the changes"])
def test_back_to_the_original_restores_every_input_after_several_what_ifs(undo):
    state = _after(ROI, "what if the set-up had cost 20k?", "and if the gain were 80k")
    name, args = call_of(read_turn(undo, state))
    assert args == {"cost": 36000, "gain": 60000}


def test_back_to_the_original_with_a_change_changes_only_that_on_the_first_figures():
    state = _after(NPV, "what about a 12% rate?")
    name, args = call_of(read_turn("fine, back to the original numbers but over 5 years", state))
    assert args == {"rate": 0.08, "cash_flows": [-30000, 12000, 12000, 12000, 12000, 12000]}


def test_the_original_is_the_first_result_not_the_first_message_when_a_question_came_first():
    first = "RICE for the tagger: reach 2,000 a month, impact medium, confidence 50%, effort between 2 and 6 person-months."
    state = _after(first, "neither, it's 3", "what if the reach were 4,000 a month")
    name, args = call_of(read_turn("back to the original figures", state))
    assert args == {"reach": 2000, "impact": 1, "confidence": 0.5, "effort": 3}


def test_back_to_the_first_one_is_no_undo_of_the_latest_calculation():
    from assistant.reading.undo import undone

    state = _after(ROI, "what if the set-up had cost 20k?")
    assert undone(state, "back to the first one, the gain is 70k") is None


@pytest.mark.parametrize("undo", ["ok return to the first numbers, but the set-up is 10k",
                                  "revert to the initial values but set-up 10k", "scrap that. orig numbers but setup 10k"])
def test_an_undo_in_other_words_keeps_only_the_change_it_names(undo):
    state = _after(ROI, "what if the gain were 80k")
    name, args = call_of(read_turn(undo, state))
    assert args == {"cost": 34000, "gain": 60000}
