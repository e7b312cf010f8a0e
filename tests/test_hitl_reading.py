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


@pytest.mark.parametrize("question", [
    "Store rule: a price move above 8% needs a manager. The repricer wants +12% on lamps. Human in the loop needed?",
    "Our pricing AI proposes a 12% rise on lamps; policy says any change of more than 8 per cent is checked by a person. Must someone approve?",
])
def test_the_askers_own_limit_is_the_threshold_not_the_change(advisor, question):
    # "above 8%", "more than 8 per cent": the policy's line, the other percentage the change
    args = _hitl_args(advisor, question)
    assert args["price_change_pct"] == 12 and args["price_change_threshold_pct"] == 8
