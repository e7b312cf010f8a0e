"""Figures read by where they sit and what they are of, not by a list of words.

- Units sold at a margin: a count of things and an amount per thing in one sentence are one amount
  (the count times the amount, in the count's period), unless the calculator has an input per
  that thing (an order value), where both stay as they are.
- Scenarios of one input ("best case …, worst case …") are options, never a sum.
- A question about a result the user already has, beside a question about what an input means,
  is answered, not computed again.
"""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from tools.registry import run_tool


def _calls(message: str):
    calc = read_calculation(message)
    assert calc is not None
    return calc


@pytest.mark.parametrize(("message", "tool", "field", "value"), [
    ("We now sell 40 extra mugs a week at £3 margin per mug; the plugin was £500 once. Payback?",
     "payback_period", "monthly_benefit", 40 * 3 * 52 / 12),
    ("The tool costs 1,200 a year. It brings 60 more bookings a month with 5 EUR profit a booking. ROI over a year?",
     "roi", "gain", 60 * 5 * 12),
])
def test_a_count_priced_per_thing_is_one_amount_in_the_counts_period(message, tool, field, value):
    calc = _calls(message)
    assert calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert name == tool
    assert args[field] == pytest.approx(value)


def test_an_amount_per_order_stays_the_order_value_when_the_calculator_has_one():
    calc = _calls("Customer lifetime value: 4 orders a year at $50 per order, they stay 3 years")
    (name, args), = calc.calls
    assert name == "clv"
    assert args["aov"] == 50 and args["purchases_per_year"] == 4


@pytest.mark.parametrize("message", [
    "The launch costs 15k. Optimistic: 30k more profit, pessimistic: 18k. What ROI?",
    "ROI? spend is 8k; base case we gain 12k, worst-case 9k",
])
def test_scenarios_of_one_input_are_options_never_a_sum(message):
    calc = _calls(message)
    assert calc.calls == []
    assert calc.clarification is not None  # which one: never 30k + 18k


def test_a_result_the_user_already_has_is_explained_when_they_ask_what_an_input_means():
    message = ("My colleague scored the kiosk idea with ICE and got 210, he gave impact 5, confidence 6 and ease 7. "
               "What does 'ease' mean there and is 210 any good?")
    assert read_calculation(message) is None
    # the same inputs with a plain request are computed
    assert read_calculation("ICE score please: impact 5, confidence 6, ease 7").calls


@pytest.mark.parametrize("said", ["we got 2,000 from a grant for it", "the council paid us 2,000 as a subsidy"])
def test_money_given_toward_the_cost_is_asked_about_never_added_to_a_side(said):
    calc = _calls(f"The scheduler saved 9,000 in overtime and cost 5,000, and {said}. ROI?")
    assert calc.calls == []
    assert "2,000" in calc.clarification.question
    assert run_tool("roi", {"gain": 9000, "cost": 5000})  # the figures alone are valid inputs
