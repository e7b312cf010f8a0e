"""A price change read for the human-in-the-loop check: its direction is the user's."""

import pytest


def _hitl_args(advisor, question: str) -> dict:
    result = advisor.ask(question, remember=False)
    calls = [c for c in result.tool_calls if c.name == "hitl_check"]
    assert calls, result.answer
    return calls[0].args


@pytest.mark.parametrize("question", [
    "The pricing AI wants to cut prices by 15% on our best sellers. Does a human need to sign off?",
    "our repricer suggests a 15% discount on the top items, human in the loop needed?",
])
def test_a_price_cut_is_a_negative_change(advisor, question):
    args = _hitl_args(advisor, question)
    assert args["action"] == "price_change" and args["price_change_pct"] == -15


def test_a_price_rise_stays_positive(advisor):
    args = _hitl_args(advisor, "The pricing AI wants to raise prices by 15% on accessories. Does a human need to approve it?")
    assert args["price_change_pct"] == 15
