"""Figures as pasted documents write them: contracts, statements of work, an engineer's notes.

A clause's number ("§4.2", "Clause 7.1", "2.3 Fees.") or a list item's number ("3. Hosting – …")
names a place in the document; a cap ("not to exceed $40,000") or a notice period ("on 60 days'
notice") is no amount paid and no horizon; an item a proposal offers as optional is not bought
unless the message says so; days of work at a day rate are the work's price; a percentage that
changes an amount ("rises by 4% a year", "8% off if …") is asked about, never silently dropped;
staff time given without its price is asked about. Each case states what a careless reader would
get wrong. Wordings are this file's own.
"""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from tests.calc_steps import only_call as _call, question_asked as _asks
from knowledge.figures import read_figures


def _tco_total(args: dict) -> float:
    from tools.registry import run_tool

    return run_tool("tco", args)["total"]


# ---- numbers that name a place in a document are no figures -----------------------------------

@pytest.mark.parametrize("text", [
    "§4.2 The Client pays a fee of $700 per month.",
    "Clause 7.1 – The Client pays a fee of $700 per month.",
    "Art. 6 The Client pays a fee of $700 per month.",
    "2.3 Fees. The Client pays a fee of $700 per month.",
    '1.2 "Fees" means $700 per month.',
    "3. Hosting – $700 per month",
])
def test_clause_and_item_numbers_are_not_figures(text):
    assert [f.value for f in read_figures(text)] == [700.0]


def test_a_decimal_count_opening_a_line_stays_a_figure():
    assert [f.value for f in read_figures("2.5 orders per customer a year")] == [2.5]


@pytest.mark.parametrize("written, value", [("1.5e4 EUR", 15000.0), ("−4.0e4", -40000.0), ("3e3 €", 3000.0)])
def test_scientific_notation_is_read(written, value):
    assert [f.value for f in read_figures(f"capex = {written}")] == [value]


def test_a_period_at_a_line_end_stays_with_its_amount_before_a_numbered_line():
    figures = read_figures("1. Licence – £2,400/yr\n2. Setup – £900")
    assert [(f.value, f.period) for f in figures] == [(2400.0, "year"), (900.0, None)]


def test_a_contract_with_numbered_clauses_is_costed_from_its_amounts():
    text = ("4.1 Fees. Customer shall pay EUR 900 per month.\n4.2 A one-off setup fee of EUR 2,000 applies.\n"
            "8.3 Term: 24 months.\n\nWhat is the TCO over the 24 months?")
    name, args = _call(text)
    assert name == "tco" and _tco_total(args) == pytest.approx(2000 + 900 * 24)


# ---- caps, notice periods, options not taken ----------------------------------------------------

def test_a_cap_on_money_is_not_a_cost():
    text = ("2.1 Licence: $5,000 per year.\n2.2 Setup: $3,000 one-off.\n9.4 Liability shall not exceed $40,000.\n"
            "TCO over 2 years?")
    name, args = _call(text)
    assert _tco_total(args) == pytest.approx(3000 + 5000 * 2)


def test_a_notice_period_is_not_the_horizon():
    text = ("Fees: $700 per month, plus a $1,500 setup fee. Either side may end it on 60 days' notice.\n"
            "What does it cost in total?")
    assert "how many years" in _asks(text).lower()


def test_optional_items_are_left_out_unless_taken():
    text = ("Agency proposal:\n- Build: £8,000\n- Hosting: £200/month\n- (Optional) staff training: £1,500\n\n"
            "Payback if it brings £1,000 a month extra profit?")
    name, args = _call(text)
    assert name == "payback_period" and args["upfront_cost"] == 8000


def test_optional_items_taken_are_counted():
    text = ("Agency proposal:\n- Build: £8,000\n- Hosting: £200/month\n- Optional staff training: £1,500\n\n"
            "We'll take the optional training. Payback if it brings £1,000 a month extra profit?")
    name, args = _call(text)
    assert args["upfront_cost"] == 9500


# ---- days at a day rate, hours, staff time -----------------------------------------------------------

def test_days_at_a_day_rate_are_the_works_price():
    text = ("Quote:\nAudit – 4 days × $600/day\nBuild – 6 days @ $600\nHosting fee: $300 per month\n\n"
            "It should save us $1,500 a month. Payback?")
    name, args = _call(text)
    assert name == "payback_period" and args["upfront_cost"] == 6000


def test_hours_are_no_money():
    calc = read_calculation("Overtime is paid on a £14 base. The bot cuts overtime to 30 h/month. Setup £2,000. Payback?")
    assert calc is None or not any(args.get("monthly_benefit") == 30 for _, args in calc.calls)


def test_hours_at_a_range_of_rates_is_a_range_asked_about():
    question = _asks("It saves 100 hours a month; staff cost £12–£16/h. Setup £5k. Payback?")
    assert "1,200" in question and "1,600" in question


def test_staff_time_without_a_price_is_asked_about():
    question = _asks("Rollout takes 3 FTE-months of our developers plus a $6,000 licence per year. TCO over 2 years?")
    assert "3 FTE-months" in question


# ---- a percentage that changes an amount -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Licence $10,000 a year, rising by 4% each year, plus $5,000 setup. TCO over 3 years?",
    "Build fee $20,000, 8% off if we sign this month. Retainer $1,000 a month. Two-year TCO?",
])
def test_a_percentage_changing_an_amount_is_asked_about(text):
    assert "%" in _asks(text)


def test_a_percentage_that_only_describes_is_left_aside():
    name, args = _call("Our margin is 30%. The tool cost 4,000 and saved 10,000 in costs. ROI?")
    assert name == "roi" and args == {"cost": 4000.0, "gain": 10000.0}


# ---- the horizon the question names by its label ---------------------------------------------------

def test_the_horizon_named_by_its_label_wins_over_a_renewal_period():
    text = ("Subscription: $6,000 per year. Setup $2,000 one-time.\nMinimum term: 36 months, then renews for "
            "12-month periods.\nWhat is the TCO over the minimum term?")
    name, args = _call(text)
    assert _tco_total(args) == pytest.approx(2000 + 6000 * 3)


def test_how_much_of_a_figure_to_count_is_not_a_calculation():
    text = ("Payout: gross 20,000.00, fees -600.00, net 19,400.00. The app says it brought $5,000.\n"
            "How much of that $5,000 should I count as the gain when I work out the ROI?")
    assert read_calculation(text) is None


def test_an_amount_written_in_words_and_again_in_brackets_is_one_amount():
    text = ("The system costs £9,000 to install and should save us twelve thousand pounds (£12,000) in its first "
            "year. What is the return on investment?")
    name, args = _call(text)
    assert name == "roi" and args == {"cost": 9000.0, "gain": 12000.0}


def test_periods_opening_lines_are_flows_and_an_outlay_said_after_them_is_period_zero():
    text = "Profit from the tool by quarter:\nQ1 $2,000\nQ2 $2,500\nQ3 $3,000\nIt cost $6,000 upfront. NPV at 3% per quarter?"
    name, args = _call(text)
    assert name == "npv" and args["cash_flows"] == [-6000.0, 2000.0, 2500.0, 3000.0]


def test_an_amount_each_prices_the_things_just_counted():
    # "each one costs us $60" after "20 failed deliveries a month": 1,200 a month avoided, not a $60 outlay
    text = ("The routing tool costs $4,000 to set up. It should prevent about 20 failed deliveries a month; "
            "each one costs us $60. Payback?")
    name, args = _call(text)
    assert name == "payback_period" and args == {"upfront_cost": 4000.0, "monthly_benefit": 1200.0}


def test_a_payout_total_is_the_business_takings_not_a_gain():
    calc = read_calculation("Net payout last month $48,000. The plug-in costs $3,000 setup and saves $500 a month. Payback?")
    assert calc is not None and calc.calls == [("payback_period", {"upfront_cost": 3000.0, "monthly_benefit": 500.0})]


def test_a_ranking_with_projects_left_unread_is_asked_about():
    text = "which first? chat widget = impact 6 confidence 7 ease 8, smart search = 9/4/3, auto tagging = 5/6/9"
    calc = read_calculation(text)
    assert calc is not None and not calc.calls and calc.clarification is not None


def test_an_assumption_taken_back_by_its_label_is_not_used():
    text = ("CLV please.\nAOV = 60 €\nfreq = 2 orders/yr\nA1: lifespan 4 yr\nGM = 40 %\n"
            "Correction: scrap A1, retention data says 5 yr.")
    name, args = _call(text)
    assert name == "clv" and args["lifespan_years"] == 5


def test_a_part_of_the_hours_counted_is_priced_not_all_of_them():
    # "a quarter of the 80 hours … at 20/h" is 400 a month, not 1,600
    text = "the bot saves a quarter of the 80 hours a month we spend on refunds, at 20/h. setup 3,000. payback?"
    name, args = _call(text)
    assert name == "payback_period" and args["monthly_benefit"] == pytest.approx(400.0)


def test_hours_in_a_working_week_are_hours_counted():
    figures = read_figures("she works a 37-hour week")
    assert [f.value for f in figures] == [37.0]
