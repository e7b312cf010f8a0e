"""Relative changes across a conversation: a what-if that moves an input by a share said in
words, by an amount added to one line, or by a factor of one part of an input of several parts,
changes exactly that input from its current value; a removal named in other words than the
user's first ones finds its line by meaning (embedding similarity). Pure reading, no engine."""

from __future__ import annotations

import pytest

from assistant.reading.dialogue import read_turn
from dialogue_steps import call_of, state_of

RICE = "RICE: reach 3,000 customers per quarter, impact high, confidence 60%, effort 4 person-months"
ROI = "ROI: licence cost $24,000 and set-up cost $12,000, gain $60,000"
PARTS = ("The chatbot cost us 10.000 € for implementation, 2.000 € for training of the staff and the software is "
         "6.000 € per year. It saves 30.000 € per year. Which is the ROI on two years?")
TCO = "2-year TCO: implementation 25k, data integration 8k, team training 3k, license $1.5k/mo, maintenance 4k a year"


@pytest.mark.parametrize("reply, reach", [("what if it reached a third more people?", 4000),
                                          ("and if the reach were a quarter less", 2250),
                                          ("suppose reach grew by a fifth", 3600)])
def test_a_share_in_words_moves_the_input_it_names(reply, reach):
    name, args = call_of(read_turn(reply, state_of(RICE)))
    assert args == {"reach": reach, "impact": 2, "confidence": 0.6, "effort": 4}


def test_an_amount_added_to_a_line_moves_that_line_and_no_other_input():
    name, args = call_of(read_turn("and add 2k to the set-up", state_of(ROI)))
    assert args == {"cost": 38000, "gain": 60000}


def test_a_part_named_by_another_inputs_name_is_the_only_part_scaled():
    state = state_of(PARTS)
    assert state.args == {"cost": 24000, "gain": 60000}
    name, args = call_of(read_turn("and if the fee went up 20%?", state))
    assert args == {"cost": 26400, "gain": 60000}
    name, args = call_of(read_turn("and if the cost went up 20%?", state))  # the input by its own name: all parts
    assert args == {"cost": 28800, "gain": 60000}


def test_a_removal_in_other_words_finds_its_line_by_meaning(embedder):
    state = state_of(TCO)
    turn = read_turn("suppose we skip the onboarding sessions entirely, what's it then?", state, embedder.encode)
    name, args = call_of(turn)
    assert args.get("training", 0) == 0 and args["implementation"] == 25000 and args["maintenance"] == 4000
    assert read_turn("suppose we skip the onboarding sessions entirely", state).calculation.clarification is not None


ICE = ("ICE average (the mean of the three) for these:\nAI email subject lines - impact 5, confidence 8, ease 9\n"
       "visual search - impact 8, confidence 4, ease 3\nreturns prediction - impact 7, confidence 6, ease 5")


def test_a_bare_score_for_a_named_project_goes_to_the_input_its_words_name():
    turn = read_turn("actually the returns prediction is way easier than I said, so a 10?", state_of(ICE))
    name, args = call_of(turn)
    rows = {row["name"]: row for row in args["initiatives"]}
    assert rows["returns prediction"]["ease"] == 10 and rows["returns prediction"]["impact"] == 7
    assert rows["visual search"] == {"name": "visual search", "impact": 8, "confidence": 4, "ease": 3}


def test_a_margin_given_to_the_revenue_question_completes_the_return():
    state = state_of("our AI upsell widget drove $84k extra revenue last year, and it cost us $20k. What's the ROI?")
    assert state.question is not None and state.args is None
    name, args = call_of(read_turn("yeah fair, margin on those add-ons is about 35%, payment fees eat a bit", state))
    assert name == "roi" and args["cost"] == 20000 and abs(args["gain"] - 29400) < 0.01


def test_a_correction_with_its_cents_in_words_is_one_amount():
    state = state_of("the AI bookkeeping add-on cost 1,200.50 and saved 3,450.75 this year. ROI?")
    turn = read_turn("no no, the cost is 1200 euros and 50 cents, the comma is the thousands separator", state)
    name, args = call_of(turn)
    assert args == {"cost": 1200.5, "gain": 3450.75}
