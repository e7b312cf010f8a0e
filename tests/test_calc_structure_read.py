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


@pytest.mark.parametrize(("message", "field", "value"), [
    # the point said right after the range, for that range
    ("TCO over 3 years: set-up 30-40k (take the upper end), hosting 2k a year", "implementation", 40000),
    # one range, a choice said anywhere; the worst case of a cost is its high end, of a gain its low end
    ("Payback: it costs between 9 and 11k up front and saves 1,000 a month. Worst case please.", "upfront_cost", 11000),
    ("Payback: it costs 10k up front and saves 800-1,200 a month. Worst case please.", "monthly_benefit", 800),
    # several ranges and a choice for all of them
    ("clv: AOV roughly from 40 to 50, 2-4 orders a year, customers stay 3 years; use the midpoint for all",
     "aov", 45),
])
def test_a_range_takes_the_point_the_message_chooses(message, field, value):
    calc = _calls(message)
    assert calc.clarification is None, calc.clarification
    (_name, args), = calc.calls
    assert args[field] == pytest.approx(value)


@pytest.mark.parametrize("message", [
    "Payback: it costs 9-11k up front and saves 800-1,200 a month. Use the middle one.",  # two ranges, which?
    "ROI: gain 20-30k, cost 10k. Should I take the low end or the high end?",  # a question, not a choice
    "Payback: it costs 9-11k up front and saves 1,000 a month.",  # no choice said
])
def test_a_range_whose_point_is_not_said_for_it_is_asked_about(message):
    calc = read_calculation(message)
    assert calc is None or calc.calls == []


def test_an_estimate_between_two_ends_is_one_range_with_the_scale_of_the_high_end():
    from knowledge.figures import read_figures

    fig, = [f for f in read_figures("it should save between 8 and 12k a year") if f.is_range]
    assert (fig.value, fig.high, fig.period) == (8000, 12000, "year")
    assert [f.value for f in read_figures("sales went from 100k to 130k")] == [100000, 130000]  # a change stays two ends


@pytest.mark.parametrize("text", [
    "Best,\nPriya Nair\nFinance lead\n+44 161 496 0732",
    "Mobile: 0161 496 0732",
    "see order #55812 and invoice no. 3391",
])
def test_phone_numbers_and_reference_numbers_are_no_figures(text):
    from knowledge.figures import read_figures

    assert read_figures(text) == []
    assert [f.value for f in read_figures(text + "\nthe set-up was 4,500")] == [4500]


def test_a_level_revised_at_the_top_of_a_thread_replaces_the_quoted_figure():
    message = ("Need a 2-year TCO. Update: they brought hosting down to 300 a month (from the 450 in the quote).\n\n"
               "> Quote:\n> - set-up: 9,000\n> - hosting: 450/month\n")
    calc = _calls(message)
    assert calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert name == "tco"
    assert run_tool(name, args)["total"] == pytest.approx(9000 + 300 * 24)


def test_a_figure_above_a_list_of_projects_is_context_not_a_project():
    message = ("We are just 5 people, so rank these with RICE please:\n"
               "1. Gift finder - reach 3,000, impact 2, confidence 70%, effort 2\n"
               "2. Size advice - reach 5,000, impact 1, confidence 80%, effort 3\n")
    calc = _calls(message)
    assert calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert [row["name"] for row in args["initiatives"]] == ["Gift finder", "Size advice"]


@pytest.mark.parametrize(("notes", "upfront"), [
    ("- set-up: 8k\n  - incl. training 1.5k\n  - data import 1k\n- saves 1.2k a month\n", 8000),  # parts inside
    ("- set-up: 8k\n  - plus training 1.5k\n- saves 1.2k a month\n", 9500),  # said to be on top
])
def test_a_sub_bullet_under_an_amount_is_part_of_it_unless_said_on_top(notes, upfront):
    calc = _calls(notes + "payback in months?")
    assert calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert name == "payback_period" and args["upfront_cost"] == upfront


def test_sub_bullets_under_a_heading_without_an_amount_are_the_amounts():
    calc = _calls("- one-off costs:\n  - set-up 6k\n  - training 2k\n- saves 1k a month\nhow many months to pay back?")
    (name, args), = calc.calls
    assert args["upfront_cost"] == 8000


@pytest.mark.parametrize("message", [
    "clv? aov 60 2x/yr 4yrs",
    "CLV:\n- AOV 60\n- orders/yr: 2\n- lifespan 4 yrs",
    "lifetime value: order value 60, they buy 2x a year and stay 4 years",
])
def test_a_frequency_written_as_times_or_with_its_period_in_the_label_is_read(message):
    calc = _calls(message)
    assert calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert (name, args["aov"], args["purchases_per_year"], args["lifespan_years"]) == ("clv", 60, 2, 4)


def test_a_correction_above_a_list_of_projects_still_corrects_its_item():
    message = ("Update: the effort for search is 5 person-months, not 3.\n"
               "- search: reach 4,000, impact 2, confidence 70%, effort 3\n"
               "- reminders: reach 2,000, impact 1, confidence 80%, effort 1\n"
               "rank these with RICE")
    calc = _calls(message)
    (name, args), = calc.calls
    assert sorted(row["effort"] for row in args["initiatives"]) == [1, 5]


def test_hours_given_as_a_range_price_both_ends():
    calc = _calls("The tool costs $1,200 a year and saves between 5 and 10 hours a month at $40 an hour. ROI?")
    assert calc.calls == []
    assert calc.clarification.options == ["200", "300", "400"]


def test_sales_beside_the_profit_they_brought_are_no_second_gain():
    calc = _calls("- extra sales from the quiz: 25k\n- extra profit from it: 7.5k\n- cost: 5k\nROI?")
    (name, args), = calc.calls
    assert (name, args["gain"]) == ("roi", 7500)
    # sales beside a saving are two gains: the sales' margin is still asked
    calc = _calls("The quiz brings 25k in extra sales and saves 3k in support, it cost 5k. ROI?")
    assert calc.calls == []


def test_an_amount_spread_over_months_in_brackets_is_the_same_money_said_again():
    calc = _calls("The kiosk cost 24,000, written off over 24 months (1,000 per month). It saves 2,500 a month. Payback?")
    assert calc.clarification is None, calc.clarification
    (name, args), = calc.calls
    assert run_tool(name, args)["months"] == pytest.approx(24000 / 2500, abs=0.05)


def test_a_share_of_a_person_with_a_decimal_comma_prices_that_share():
    calc = _calls("TCO over 2 years: licence 500 € per month, internal resources 0,5 FTE at 48.000 € per annum.")
    (name, args), = calc.calls
    assert run_tool(name, args)["total"] == pytest.approx(500 * 24 + 0.5 * 48000 * 2)
