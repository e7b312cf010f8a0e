"""Figures written the way people paste and correct them: struck-through or taken-back amounts, a
list item corrected by its place, a second value offered with "or", a share of a figure the
calculation would otherwise use whole, a range for a margin, a rate given per quarter, a price per
unit on its own line, "N x price" lines, label-value rows split by pipes, period rows with halves,
fortnights, "the end of year N", and dates, reference numbers and product codes that are no figure.
Where the reader cannot be sure it asks; it never states a figure from a misread input."""

import pytest

from assistant.reading.calculate import read_calculation
from tests.calc_steps import only_call as _call, question_asked as _asks
from knowledge.figures import read_figures


def test_a_struck_through_amount_gives_way_to_the_next():
    assert _call("ROI: spend ~~8k~~ 11k (the hosting bill came in), profit 30k") == ("roi", {"cost": 11000.0, "gain": 30000.0})


def test_the_last_list_item_corrected_by_its_place_changes_only_that_item():
    name, args = _call("IRR for -50k, 20k, 20k, 20k, oops the last one should be 25k")
    assert name == "irr" and args["cash_flows"] == [-50000.0, 20000.0, 20000.0, 25000.0]


def test_an_earlier_list_item_corrected_by_its_place_is_asked_about():
    _asks("IRR for -50k, 20k, 20k, 20k, oops the second one should be 25k")


def test_a_later_clause_named_by_call_it_is_no_correction_of_the_figure_before():
    name, args = _call("payback: the designer cost 900, hosting set-up was 250 once, and onboarding took an afternoon, "
                       "call it 150. it saves 300 a month")
    assert name == "payback_period" and args == {"upfront_cost": 1300.0, "monthly_benefit": 300.0}


def test_an_amount_taken_back_without_a_new_one_is_asked_for():
    assert "took back" in _asks("profit about 40k. spend was 10k, no wait, that's the old invoice. ROI?")


def test_a_second_value_offered_with_or_is_a_choice():
    question = _asks("ROI please: profit 60k, cost 20k, or maybe 24k if we count the consultant")
    assert "20k" in question and "24k" in question


@pytest.mark.parametrize("text", [
    "ROI over the 2 years? we pay 50k a year for shipping. the tool should cut 10% of that in year 1 and 15% in year 2. "
    "total cost over the two years is 8k.",
    "RICE: the widget would reach about 20% of our 30k monthly visitors, impact high, 80% confidence, effort 2 person-months",
])
def test_a_share_of_a_figure_used_whole_is_asked_about(text):
    _asks(text)


def test_a_margin_given_as_a_range_is_asked_about():
    assert "range" in _asks("ROI? extra revenue 80k, margin between 25 and 35%, licence 9k")


def test_a_discount_rate_per_quarter_keeps_the_flows_per_quarter():
    name, args = _call("NPV over 6 quarters: invest 20k now, it brings 4k per quarter, discount rate 3% per quarter")
    assert name == "npv" and args["rate"] == 0.03 and args["cash_flows"] == [-20000.0] + [4000.0] * 6


def test_a_price_per_unit_on_its_own_line_is_not_added_to_the_outlay():
    calc = read_calculation("Label printing AI\nsaving/parcel: €0.30\nVolume: 4,000 parcels/mo\nOne-off: €9k\n\npayback?")
    for _, args in calc.calls:
        assert args.get("upfront_cost") == 9000  # never 9,000.30
    assert calc.calls == [("payback_period", {"upfront_cost": 9000.0, "monthly_benefit": 1200.0})]  # 4,000 × €0.30


def test_a_quantity_times_a_price_is_the_line_amount():
    name, args = _call("setup fee 2 x 1,500.00 one-off, it saves 500 a month. how long to pay it back?")
    assert name == "payback_period" and args == {"upfront_cost": 3000.0, "monthly_benefit": 500.0}


def test_label_value_cells_split_by_pipes_are_all_read():
    name, args = _call("TCO (2-yr view)\nBuild 30k | Training 5k\nLicence 12k p.a. | Support 3k p.a.\n\ntotal please")
    assert name == "tco"
    from tools.registry import run_tool
    assert run_tool(name, args)["total"] == 35000 + 2 * 15000


def test_a_period_row_with_halves_is_one_flow():
    name, args = _call("cash view\nY0: -100k\nY1: H1 +30k | H2 +40k\nY2: H1 +45k | H2 +45k\nDiscount rate 8% p.a.\nNPV?")
    assert name == "npv" and args["cash_flows"] == [-100000.0, 70000.0, 90000.0]


def test_a_fortnightly_amount_is_counted_per_year():
    name, args = _call("support costs 500 a fortnight, the one-off build was 10k. 2-year TCO?")
    assert name == "tco" and sum(v for k, v in args.items() if k != "horizon_years" and k != "implementation") == 13000


def test_the_end_of_year_n_is_the_horizon():
    name, args = _call("TCO by the end of year three: 10k build, 300 a month platform")
    assert name == "tco" and args["horizon_years"] == 3


@pytest.mark.parametrize("text", ["offer valid until 30/06/2027, ref AB-4471", "quote nr 5520, valid till 14/03",
                                  "SKU PRO-2210 ships 2026-05-01"])
def test_dates_references_and_codes_are_no_figures(text):
    assert read_figures(text) == []


@pytest.mark.parametrize(("text", "values"), [("up to 2.5 and 3.5% until 4.5%", [2.5, 3.5, 4.5]),
                                              ("score 8/10", [8, 10]), ("A,1200,3\nB,300,2", [1200, 3, 300, 2])])
def test_amounts_that_look_like_dates_or_scales_stay_amounts(text, values):
    assert [f.value for f in read_figures(text)] == values


def test_a_figure_the_quoted_older_mail_says_again_is_not_added_twice():
    text = ("ROI please. Confirmed numbers: the new search brought 9k profit and the licence cost 4k.\n\n"
            "> On Monday I wrote:\n> the licence cost 4k; it should bring around 9k profit")
    assert _call(text) == ("roi", {"gain": 9000.0, "cost": 4000.0})


def test_half_her_time_prices_a_share_of_a_persons_cost():
    name, args = _call("3-year TCO: set-up 10,000 once, licence 300 a month, and Ana spends half her time on it, "
                       "she costs 40k a year")
    assert name == "tco" and args["internal_resources"] == 20000


def test_two_named_options_with_the_same_inputs_are_compared_not_added():
    _asks("TCO over 2 years. Supplier P: 5,000 set-up, 700 per month. Supplier Q: 1,000 set-up, 900 per month.")


def test_a_zero_padded_document_number_is_no_figure():
    assert read_figures("Subject: PO 2027-0093 renewal") == []


def test_a_negative_change_in_a_cost_per_unit_is_a_saving():
    assert _call("Packing robot\nchange in packing cost/parcel: −€0.25\nVolume: 2,000 parcels/mo\nOne-off: €5k\npayback?") == (
        "payback_period", {"upfront_cost": 5000.0, "monthly_benefit": 500.0})
