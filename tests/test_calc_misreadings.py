"""Silent mis-readings: the general ways a calculator message can put a wrong figure in an input.

Each case is a message where a careless reader would compute a wrong result: a figure the user
corrected or asked to leave out, a figure that counts things or sizes the business, a yearly amount
whose horizon is not said, revenue taken for profit. The reader either uses the right figures or
asks one question; it never states the careless result.
"""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from tests.calc_steps import only_call as _call, question_asked as _asks


# ---- a figure the user corrected: the new one replaces the old, never both -------------------------

CORRECTED = [
    ("ROI please: licence was 6k, no wait, 7k, and it made us 20k", {"cost": 7000.0, "gain": 20000.0}),
    ("ROI: paid 6,000 (sorry, 7,000) and it returned 20,000 in margin", {"cost": 7000.0, "gain": 20000.0}),
    ("ROI for the tool: it cost 7k, not 6k, and brought 20k profit", {"cost": 7000.0, "gain": 20000.0}),
    ("ROI: the cost was not 6k but 7k; profit 20k", {"cost": 7000.0, "gain": 20000.0}),
    ("ROI? cost 6k, I mean 7k, profit 20k", {"cost": 7000.0, "gain": 20000.0}),
]


@pytest.mark.parametrize(("text", "args"), CORRECTED, ids=[c[0][:30] for c in CORRECTED])
def test_a_corrected_figure_gives_way_to_its_replacement(text, args):
    assert _call(text) == ("roi", args)


def test_a_corrected_percentage_is_replaced_too():
    name, args = _call("RICE: reach 900 per month, impact 1, confidence 60%, sorry, 70%, effort 2 person-months")
    assert name == "rice_score" and args["confidence"] == pytest.approx(0.7)


def test_the_account_says_the_old_figure_was_replaced():
    calc = read_calculation("ROI please: licence was 6k, no wait, 7k, and it made us 20k")
    assert calc is not None
    line = next(line for line in calc.account_lines() if line.startswith("6k"))
    assert "not used" in line and "7k" in line


# ---- a figure the user left out ----------------------------------------------------------------------

LEFT_OUT = [
    "ROI: tool 12k, extra profit 30k. Ignore the 3k we paid for the trial last spring.",
    "ROI: tool 12k and extra profit 30k; the 3k trial fee should not be counted",
    "ROI: tool 12k, extra profit 30k (there was also a 3k trial, don't include it)",
    "ROI: tool 12k, extra profit 30k (trial 3k and team size 14, context only)",
]


@pytest.mark.parametrize("text", LEFT_OUT, ids=range(len(LEFT_OUT)))
def test_a_figure_the_user_leaves_out_is_not_added(text):
    assert _call(text) == ("roi", {"cost": 12000.0, "gain": 30000.0})


def test_minus_is_not_leaving_out():
    name, args = _call("payback: go-live 9,000 one-off. saves 1,500/month, minus the 300/mo hosting")
    assert name == "payback_period" and args == {"upfront_cost": 9000.0, "monthly_benefit": 1200.0}


# ---- figures that are not inputs: counts of things, the size of the business, another time --------

def test_hours_saved_are_not_money():
    question = _asks("what's the ROI of a 9k tool that saved 350 hours last quarter")
    assert "profit or savings" in question


@pytest.mark.parametrize("text", [
    "payback: the bot costs 8k and saves 1k a month; our support team is 12 agents",
    "payback for an 8k tool saving 1k a month? we're a webshop with about 40,000 customers",
    "payback: 8k tool, saves 1k a month (90k active customers, 3 stores, for context)",
])
def test_head_counts_and_customer_numbers_are_no_amounts(text):
    assert _call(text) == ("payback_period", {"upfront_cost": 8000.0, "monthly_benefit": 1000.0})


def test_last_years_revenue_is_not_a_gain():
    assert _call("ROI: cost 15k, revenue last year 2.4M, added profit 24k") == ("roi", {"cost": 15000.0, "gain": 24000.0})


def test_a_cost_from_another_time_or_tool_is_asked_about_not_summed():
    question = _asks("ROI: the chatbot cost 18k and saved 30k. Previously we had an older bot that cost 5k.")
    assert "5k" in question


def test_an_amount_is_never_a_rate():
    name, args = _call("NPV: I put in thirty thousand now and get eleven thousand in year one, twelve thousand in year "
                       "two and thirteen thousand in year three um discount rate eight percent")
    assert name == "npv" and args == {"cash_flows": [-30000.0, 11000.0, 12000.0, 13000.0], "rate": 0.08}


# ---- a period or a horizon guessed ------------------------------------------------------------------

def test_a_yearly_amount_beside_a_one_off_asks_the_horizon():
    question = _asks("ROI: setup 18k plus 4k a year in licences; it saves 12k a year")
    assert "how long" in question.lower()


def test_amounts_all_yearly_keep_their_ratio():
    assert _call("ROI: licences 4k a year, it saves 12k a year") == ("roi", {"cost": 4000.0, "gain": 12000.0})


def test_a_gain_given_as_revenue_asks_for_the_margin():
    question = _asks("ROI please: the widget brought in €90,000 of revenue and cost €20,000")
    assert "margin" in question


def test_a_profit_derived_from_revenue_and_said_again_is_counted_once():
    name, args = _call("ROI: we paid 5,000. sales rose 40k, and at a 30% margin the profit part is 12k")
    assert (name, args) == ("roi", {"cost": 5000.0, "gain": 12000.0})


# ---- numbers as people write them ---------------------------------------------------------------------

@pytest.mark.parametrize(("text", "args"), [
    ("ROI: cost 2.400,50 EUR, profit 6.100,25 EUR", {"cost": 2400.5, "gain": 6100.25}),
    ("ROI: cost 2.400 EUR, profit 6.100 EUR", {"cost": 2400.0, "gain": 6100.0}),
    ("ROI: it cost nineteen hundred and made four thousand two hundred profit", {"cost": 1900.0, "gain": 4200.0}),
])
def test_decimal_commas_thousands_dots_and_words(text, args):
    assert _call(text) == ("roi", args)


@pytest.mark.parametrize(("text", "purchases"), [
    ("CLV: order value 40, they buy twice a year and stay 3 years", 2.0),
    ("CLV: AOV 40, customers order once a month, stay 3 years", 12.0),
    ("CLV:\n- AOV 40\n- Orders per year: 5\n- Lifespan: 3 years", 5.0),
])
def test_how_often_in_words_and_periods_said_before_the_figure(text, purchases):
    name, args = _call(text)
    assert name == "clv" and args["purchases_per_year"] == purchases and args["aov"] == 40.0


# ---- analyst shorthand ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "args"), [
    ("ICE for the size guide: I 6 / C 5 / E 7", {"impact": 6.0, "confidence": 5.0, "ease": 7.0}),
    ("ICE pls: I=4, C=9, E=6", {"impact": 4.0, "confidence": 9.0, "ease": 6.0}),
])
def test_ice_letters(text, args):
    assert _call(text) == ("ice_score", args)


def test_rice_letters_make_e_the_effort():
    assert _call("RICE: R 1,500/qtr, I 1, C 90%, E 3") == (
        "rice_score", {"reach": 1500.0, "impact": 1.0, "confidence": 0.9, "effort": 3.0})


@pytest.mark.parametrize(("text", "aggregate"), [
    ("ICE: impact 6, confidence 5, ease 7, we use the product, not the average", None),
    ("ICE: impact 6, confidence 5, ease 7. product or mean? product", None),
    ("ICE: impact 6, confidence 5, ease 7, averaged", "mean"),
])
def test_an_option_denied_or_offered_is_not_chosen(text, aggregate):
    _, args = _call(text)
    assert args.get("aggregate") == aggregate


def test_percentage_points_glued_to_the_number():
    name, args = _call("sample size: baseline CVR 2.2%, MDE 0.4pp")
    assert name == "sample_size" and args["mde"] == pytest.approx(0.004) and args["mde_type"] == "absolute"


def test_people_times_months_is_person_months():
    _, args = _call("RICE: reach 700 a month, impact 1, confidence 50%, three engineers working for two months")
    assert args["effort"] == pytest.approx(6.0)
