"""Spec: what a meeting, a forum post or an edited note settles, and what a number counts.

- an option said to be turned down ("ruled out", "parked", "rejected") gives no input;
- a value someone proposed gives way to the decision after it ("Final: 7%"), and a decision that
  says an earlier amount again is that one amount, not a second one;
- "(done and paid)" marks money already spent: no part of the cost still to come;
- an EDIT/UPDATE line revises the figure its label names, even shortened ("maint" for the
  maintenance contract), and revised hours are the hours priced at the hourly rate;
- "requests went down by 150 a month" counts requests, not money.
"""

from __future__ import annotations

from assistant.reading.calculate import read_calculation
from tests.calc_steps import only_call, question_asked


# ---- options turned down, values settled by a decision ---------------------------------------------

def test_an_option_ruled_out_gives_no_cost():
    tool, args = only_call("Standup notes: an agency offered to build it for 25k — ruled out, too slow. Going with "
                           "the SaaS: onboarding 3,000 and 400 a month. TCO over 3 years?")
    assert tool == "tco" and args["horizon_years"] == 3
    assert sorted(v for k, v in args.items() if k != "horizon_years") == [3000, 4800]


def test_a_proposed_rate_gives_way_to_the_decision():
    tool, args = only_call("NPV for the packing robot: -45k now, then 15k, 18k, 20k. Mo suggested a 10% rate; the "
                           "finance lead prefers 7%. Final: 7%.")
    assert tool == "npv" and args["rate"] == 0.07


def test_a_proposed_length_gives_way_to_the_decision():
    tool, args = only_call("Kickoff: licence 700 a month, setup 5,000. Ravi proposed 2 years, Ella wanted 4 years. "
                           "Decided: 3 years. TCO?")
    assert tool == "tco" and args["horizon_years"] == 3


def test_a_decision_saying_an_amount_again_is_one_amount():
    question = question_asked("Notes 3/2: the scanner quote came in at 18,200. Agreed: 18.2k one-off. Gains still "
                              "unknown. ROI?")
    assert "same amount" not in question and "profit or savings" in question


def test_over_reach_a_decided_line_keeps_the_other_cost_lines():
    tool, args = only_call("Setup 3,000, training 1,200. Decided: onboarding 900. TCO over 2 years with a 400 a "
                           "month licence?")
    assert sum(v for k, v in args.items() if k != "horizon_years") == 3000 + 1200 + 900 + 4800


def test_over_reach_a_refusal_by_someone_else_is_no_option_turned_down():
    tool, args = only_call("Licence 500 a month; the vendor declined our request for a discount. Setup 2k. "
                           "TCO over 2 years?")
    assert sorted(v for k, v in args.items() if k != "horizon_years") == [2000, 6000]


# ---- money already spent ------------------------------------------------------------------------------

def test_a_phase_done_and_paid_is_sunk():
    calc = read_calculation("Phase one: 6k (done and paid). Phase two: 5k upfront, saves 700 a month. Payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 5000.0, "monthly_benefit": 700.0})]


# ---- revisions at a distance ------------------------------------------------------------------------

def test_an_edit_line_revises_the_figure_its_shortened_label_names():
    calc = read_calculation("The maintenance contract is 90/month and the tool saves us 500/month in courier fees; "
                            "setup cost 3,000.\nEDIT: maint went up to 110/mo. Payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 3000.0, "monthly_benefit": 390.0})]


def test_revised_hours_are_the_hours_priced():
    calc = read_calculation("It saves our bookkeeper roughly 12 hrs a month at $30/hr; one-off cost 1,800. UPDATE: "
                            "nearer 10 hrs/month, not 12. Payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 1800.0, "monthly_benefit": 300.0})]


def test_over_reach_hours_not_revised_are_priced_as_said():
    calc = read_calculation("It saves our bookkeeper roughly 12 hrs a month at $30/hr; one-off cost 1,800. Payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 1800.0, "monthly_benefit": 360.0})]


# ---- what a number counts ---------------------------------------------------------------------------

def test_a_count_of_requests_that_went_down_is_no_saving():
    question = question_asked("The widget cost 3,000 to set up and it saves us effort every month. Update: chat "
                              "requests went down by roughly 150 a month. Payback?")
    assert "per month" in question


def test_over_reach_costs_that_fell_are_still_money():
    calc = read_calculation("The widget cost 3,000 to set up. Since launch our courier costs dropped by $250 a "
                            "month. Payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 3000.0, "monthly_benefit": 250.0})]


# ---- an exchange rate written in the message ----------------------------------------------------------

def _total(args: dict) -> float:
    return sum(v for k, v in args.items() if k != "horizon_years")


def test_a_rate_per_slash_converts_the_other_currency_into_the_one_asked():
    tool, args = only_call("Hosting is $800 a year and the onboarding by a Berlin agency €2,000 once. Use 0.9 €/$; "
                           "TCO over 3 years in euros?")
    assert tool == "tco" and args["horizon_years"] == 3 and sorted(a for k, a in args.items() if k != "horizon_years") \
        == [720, 2000]


def test_a_rate_per_named_currency_converts_into_the_currency_it_is_priced_in():
    calc = read_calculation("Setup cost £4,000. It saves £900 a month; the licence is $250 a month, take £0.8 per $. "
                            "Payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 4000.0, "monthly_benefit": 700.0})]


def test_two_amounts_worth_the_same_are_a_rate_and_the_asked_currency_wins():
    _, in_euros = only_call("Licence 1,000 USD a year, set-up 5,000 EUR. 1 USD = 0.9 EUR. Two-year TCO in EUR?")
    assert _total(in_euros) == 900 + 5000
    _, in_dollars = only_call("Licence 1,000 USD a year, set-up 5,000 EUR. 1 USD = 0.9 EUR. Two-year TCO in dollars?")
    assert abs(_total(in_dollars) - (1000 + 5000 / 0.9)) < 0.01


def test_over_reach_two_currencies_without_a_rate_are_still_asked_about():
    assert "exchange rate" in question_asked("Licence $1,000 a year, set-up €5,000. Two-year TCO?")


def test_over_reach_a_third_currency_is_not_converted_at_a_rate_for_two():
    assert "exchange rate" in question_asked("Licence $1,000 a year, set-up €5,000, training £500. Use 0.9 €/$. "
                                             "TCO over 2 years?")


# ---- money spent on something finished or failed, totals and savings restated -------------------------

def test_money_written_off_is_no_cost_of_the_new_plan():
    calc = read_calculation("Board notes. Money put into the old recommender pilot: 7,000 (written off). New plan: "
                            "licence 12,000 for the year; expected extra profit 20,000 in that year. ROI for the year, "
                            "new plan only?")
    assert calc.calls == [("roi", {"gain": 20000.0, "cost": 12000.0})]


def test_money_paid_for_something_that_never_launched_is_sunk():
    calc = read_calculation("Two years ago we paid 4k to a freelancer for an app that never launched. Now: a packaged "
                            "tool that costs 2.5k for the year all in, saving ~6k of staff time. ROI of the packaged tool?")
    assert calc.calls == [("roi", {"gain": 6000.0, "cost": 2500.0})]


def test_an_update_naming_the_saving_in_another_form_of_the_word_replaces_it():
    calc = read_calculation("The new tool saved ~6k of staff time this year and cost 2.5k. Update: savings are 5,400 "
                            "after holidays. ROI?")
    assert calc.calls == [("roi", {"gain": 5400.0, "cost": 2500.0})]


def test_over_reach_a_second_saving_without_a_revision_mark_is_added():
    calc = read_calculation("The tool saved ~6k this year and cost 2.5k. Training also saved 1k. ROI?")
    assert calc.calls == [("roi", {"gain": 7000.0, "cost": 2500.0})]


def test_a_revised_total_holds_the_part_added_with_it():
    calc = read_calculation("Our label printer tool cost $4,000 this year and brought $7,000 extra profit. Edit: we "
                            "also paid $800 for the cable kit, so total cost is $4,800 not 4k. ROI?")
    assert calc.calls == [("roi", {"gain": 7000.0, "cost": 4800.0})]


def test_over_reach_a_revised_total_that_does_not_add_up_is_asked_about():
    assert "total" in question_asked("Our label printer tool cost $4,000 this year and brought $7,000 extra profit. "
                                     "Edit: we also paid $800 for the cable kit, so total cost is $5,200 not 4k. ROI?")


# ---- a pasted export of key=value lines ---------------------------------------------------------------

def test_export_keys_number_their_periods_and_an_id_is_no_amount():
    calc = read_calculation("discount=8%\nupfront_outlay=40000\nflow_y1=15000\nflow_y2=18000\nflow_y3=20000\n"
                            "batch_id=5521\nNPV please")
    assert calc.calls == [("npv", {"cash_flows": [-40000.0, 15000.0, 18000.0, 20000.0], "rate": 0.08})]


def test_export_keys_say_the_period_and_the_percentage_and_a_count_of_stores_is_no_input():
    calc = read_calculation("avg_order_value=45\npurchases_per_year=2\nlifetime_years=5\nmargin_pct=30\n"
                            "store_count=12\nCLV?")
    assert calc.calls == [("clv", {"aov": 45.0, "purchases_per_year": 2.0, "lifespan_years": 5.0, "gross_margin": 0.3})]


def test_over_reach_a_count_key_that_names_an_input_is_that_input():
    calc = read_calculation("reach_count=6000\nimpact=2\nconfidence_pct=50\neffort=3\nRICE score?")
    assert calc.calls == [("rice_score", {"reach": 6000.0, "impact": 2.0, "confidence": 0.5, "effort": 3.0})]


def test_over_reach_letters_before_a_digit_are_no_period_key():
    from knowledge.figures import read_figures

    assert read_figures("my2 = 5\nab3 = 7")[0].period_index is None


# ---- an e-mail's signature; figures that say what they count --------------------------------------------

_MAIL = ("Hi,\nOur packing robot costs $30,000 upfront and saves $2,500 a month. How long to pay back?\n\n"
         "Kind regards,\nTomasz Wolski\n")


def test_the_figures_of_a_signature_are_no_inputs():
    calc = read_calculation(_MAIL + "Baltic Parcels Ltd, 1200 Harbour Avenue, Suite 450\nRegistered in England 08812345")
    assert calc.calls == [("payback_period", {"upfront_cost": 30000.0, "monthly_benefit": 2500.0})]


def test_over_reach_a_postscript_after_the_signature_still_counts():
    calc = read_calculation(_MAIL + "P.S. the licence is $500 a month, take it off the saving.")
    assert calc.calls == [("payback_period", {"upfront_cost": 30000.0, "monthly_benefit": 2000.0})]


def test_over_reach_a_quoted_message_below_the_signature_still_counts():
    calc = read_calculation("Payback please, see below.\n\nThanks,\nLiam\n\n> From: Ola\n> The scanner is 6,000 "
                            "one-off and saves 500 a month.")
    assert calc.calls == [("payback_period", {"upfront_cost": 6000.0, "monthly_benefit": 500.0})]


def test_counts_of_things_and_a_scale_are_no_scores_left_unread():
    calc = read_calculation("My nephew (he's 19) scored the chat widget impact 5, confidence 6, ease 8 out of 10. "
                            "We sell 800 products with 4 staff. ICE score?")
    assert [(tool, {k: args[k] for k in ("impact", "confidence", "ease")}) for tool, args in calc.calls] == [
        ("ice_score", {"impact": 5.0, "confidence": 6.0, "ease": 8.0})]


# ---- a rambling owner's backstory ---------------------------------------------------------------------

def test_a_count_named_by_two_words_is_no_amount():
    calc = read_calculation("We run a bakery with 9 staff and 2,300 newsletter subscribers. The oven planner costs 12k "
                            "upfront and saves 5k the first year, 5.5k the second, 6k the third. Discount rate 6%. NPV?")
    assert calc.calls == [("npv", {"cash_flows": [-12000.0, 5000.0, 5500.0, 6000.0], "rate": 0.06})]


def test_a_percentage_the_user_says_to_use_is_the_one_rate_asked_for():
    calc = read_calculation("The oven planner costs 12k upfront and I think it saves 5k the first year, 5.5k the "
                            "second, 6k the third. The bank wants 6% on our overdraft, use that. NPV?")
    assert calc.calls == [("npv", {"cash_flows": [-12000.0, 5000.0, 5500.0, 6000.0], "rate": 0.06})]


def test_over_reach_with_two_percentages_the_rate_is_still_asked():
    assert "discount rate" in question_asked(
        "The oven planner costs 12k upfront and I think it saves 5k the first year, 5.5k the second, 6k the third. "
        "Prices rise 3% a year and the bank wants 6% on our overdraft, use that. NPV?")


def test_over_reach_an_amount_for_a_two_word_charge_is_still_money():
    calc = read_calculation("The planner costs 4,000 upfront plus 150 support fees a month and saves 900 a month. "
                            "Payback?")
    assert calc.calls == [("payback_period", {"upfront_cost": 4000.0, "monthly_benefit": 750.0})]


# ---- a horizon named by its year ------------------------------------------------------------------------

def test_a_first_year_tco_is_one_year():
    tool, args = only_call("Licence 8,000 a year and implementation 8,800 once. First-year TCO?")
    assert tool == "tco" and args.get("horizon_years", 1) == 1 and _total(args) == 16800


def test_over_reach_a_first_year_line_item_says_no_horizon():
    assert "how many years" in question_asked("Licence 5k a year, first-year onboarding 2k. TCO?").lower()
