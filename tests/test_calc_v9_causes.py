"""Spec: figures that frame a calculation without being its inputs, and scales said once.

- the company's own finances in an update (burn, runway, cash in the bank, MRR) are context;
- money already spent whatever is decided (a sunk cost) is not part of the cost still to come,
  when the message gives that cost; alone it is the cost of what was done;
- "all figures in $000" / "in thousands of euros" multiplies the bare amounts it governs;
- in a pasted thread the last message that states a length of time is the one agreed;
- "0.1 FTE, call it 5k/yr" restates the share as money, it is no whole person's salary;
- "2.5% → 2.8%" reads as from one value to the other.
"""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation


def _args(text: str) -> dict:
    calc = read_calculation(text)
    assert calc is not None and calc.calls, (calc.clarification if calc else None)
    return calc.calls[0][1]


def _notes(text: str) -> dict[str, str]:
    calc = read_calculation(text)
    return {r.figure.text.strip(): r.note for r in calc.readings}


# ---- the company's finances are context ---------------------------------------------------------

def test_burn_and_runway_are_not_costs_of_the_tool():
    args = _args("Quarterly note: our burn sits at 310k a month and runway is 15 months. The new "
                 "translation service is $900 a month plus a $5,000 onboarding fee. TCO over 2 years?")
    assert args["horizon_years"] == 2
    assert sorted(v for k, v in args.items() if k != "horizon_years") == [5000, 900 * 12]


def test_cash_in_bank_is_not_an_upfront_cost():
    calc = read_calculation("Cash in bank is EUR 3.1M. We'd pay EUR 40k up front for the forecasting "
                            "module and it saves EUR 2.5k a month. Payback period?")
    assert calc.calls == [("payback_period", {"upfront_cost": 40000.0, "monthly_benefit": 2500.0})]


def test_over_reach_a_fee_is_still_read_without_company_words():
    args = _args("The vendor charges 2,000 a month and a 6,000 setup fee. TCO over 3 years?")
    assert sorted(v for k, v in args.items() if k != "horizon_years") == [6000, 24000]


# ---- sunk costs ---------------------------------------------------------------------------------

def test_money_already_gone_is_left_out_of_the_cost_to_come():
    calc = read_calculation("We put 4k into a trial last spring and it's gone. Going live needs a further 10k "
                            "upfront and it should save 1,000 a month. Payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 10000.0, "monthly_benefit": 1000.0})]
    assert "sunk" in _notes("We put 4k into a trial last spring and it's gone. Going live needs a further 10k "
                            "upfront and it should save 1,000 a month. Payback?")["4k"]


def test_a_later_message_saying_it_does_not_change_the_decision():
    calc = read_calculation("Lee: remember the 3k we paid the agency for the study\n"
                            "Sam: that's already spent, it doesn't change the decision\n"
                            "Lee: fine. rollout costs 12k upfront and saves 800 a month. payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 12000.0, "monthly_benefit": 800.0})]


def test_over_reach_an_already_spent_cost_alone_is_the_cost_of_a_finished_project():
    calc = read_calculation("We already spent 20k on the returns bot and it has saved 26k so far. What's the ROI?")
    assert calc.calls and calc.calls[0][1]["cost"] == 20000


# ---- a scale said once ----------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Amounts in £000. Licence 18 a year, set-up 7. TCO over 2 years?",
    "All figures are in thousands of pounds: licence 18 a year, set-up 7. TCO over 2 years?",
    "Cost lines (GBP '000): licence 18 a year, set-up 7. TCO over 2 years?",
])
def test_a_scale_stated_once_multiplies_the_bare_amounts(text):
    args = _args(text)
    assert args["horizon_years"] == 2
    assert sorted(v for k, v in args.items() if k != "horizon_years") == [7000, 18000]


def test_the_account_says_the_scale_was_applied():
    calc = read_calculation("Amounts in £000. Licence 18 a year, set-up 7. TCO over 2 years?")
    assert any("× 1,000" in line for line in calc.account_lines())


def test_over_reach_counts_and_amounts_written_with_k_are_not_scaled_again():
    args = _args("Figures in $000 unless marked: setup 12, licence $3k a year. TCO over 1 year?")
    assert sum(v for k, v in args.items() if k != "horizon_years") == pytest.approx(12000 + 3000)


def test_over_reach_no_statement_no_scaling():
    args = _args("Setup 450, licence 120 a year. TCO over 2 years?")
    assert sorted(v for k, v in args.items() if k != "horizon_years") == [120, 450]


# ---- a thread settles the length of time ---------------------------------------------------------

def test_the_last_stated_length_in_a_thread_is_the_horizon():
    args = _args("Kim: TCO please: setup 8k, hosting 500/month\n"
                 "Joe: over 5 years?\n"
                 "Kim: no, the lease ends in 3 years, use 3 years\n\nwhat's the total?")
    assert args["horizon_years"] == 3


def test_over_reach_one_length_outside_a_thread_is_kept():
    args = _args("TCO please: setup 8k, hosting 500/month, over 5 years")
    assert args["horizon_years"] == 5


# ---- a share restated as money; arrows --------------------------------------------------------

def test_a_share_of_a_person_restated_as_money_is_not_multiplied():
    args = _args("TCO over 1 year: licence 6k a year, and 0.25 FTE of an analyst, call it 15k a year")
    assert sum(v for k, v in args.items() if k != "horizon_years") == pytest.approx(6000 + 15000)


def test_over_reach_a_share_times_a_salary_is_still_multiplied():
    args = _args("TCO over 1 year: licence 6k a year, and 0.25 FTE of an analyst at 60k a year")
    assert sum(v for k, v in args.items() if k != "horizon_years") == pytest.approx(6000 + 15000)


def test_an_arrow_reads_as_from_one_rate_to_another():
    args = _args("sample size per arm? checkout conversion 4% → 4.6%, power 80%")
    assert args["baseline_rate"] == pytest.approx(0.04) and args["target_rate"] == pytest.approx(0.046)


# ---- a horizon given as a start date and an end date --------------------------------------------

def test_start_and_end_dates_said_apart_give_the_horizon():
    args = _args("TCO? licence 2k a month, setup 10k. The contract starts 1 April 2026 and ends 31 March 2028.")
    assert args["horizon_years"] == 2


def test_over_reach_dates_that_split_months_are_asked_not_rounded():
    calc = read_calculation("TCO? licence 2k a month, setup 10k. The contract starts 15 April 2026 and ends "
                            "14 March 2028.")
    assert not calc.calls and calc.clarification is not None


# ---- the business's own revenue; verbs that bring money in ----------------------------------------

def test_the_companys_own_revenue_is_context_not_the_gain():
    calc = read_calculation("ROI? the shop's annual revenue is 900k; the tool cost 20k and brought 35k of extra profit")
    assert calc.calls == [("roi", {"cost": 20000.0, "gain": 35000.0})]


def test_over_reach_revenue_the_project_added_is_still_asked_about_as_a_gain():
    calc = read_calculation("ROI? the shop's revenue grew by 50k thanks to the tool, which cost 20k")
    assert not calc.calls and "margin" in calc.clarification.question


def test_money_a_tool_drove_or_delivered_is_a_gain_not_its_price():
    calc = read_calculation("Our returns engine delivered 48k of profit last year and it cost 30k. What's the ROI?")
    assert calc.calls == [("roi", {"gain": 48000.0, "cost": 30000.0})]


def test_over_reach_a_bank_rate_is_a_discount_rate_not_company_finances():
    calc = read_calculation("NPV please: 25k paid now, then it saves 10k in year 1, 11k in year 2 and 12k in year 3. "
                            "Use our bank rate of 7% a year.")
    assert calc.calls and calc.calls[0][1]["rate"] == 0.07
