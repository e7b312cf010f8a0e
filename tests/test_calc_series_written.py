"""Cash flows as people write them: a year-by-year table or CSV (the period column names rows, it
is no flow), periods given as a span with "each", a range in the list (asked, never one end used),
a share written without "%" beside amounts (asked), a period after the words ("2k profit pm")."""

import pytest

from assistant.reading.calculate import read_calculation


def _calc(text):
    calc = read_calculation(text)
    assert calc is not None
    return calc


@pytest.mark.parametrize("text", [
    "year,net\n0,-50000\n1,20000\n2,25000\n3,30000\nNPV at 8%?",
    "Cash flows: year 0: -50,000; year 1: 20,000; year 2: 25,000; year 3: 30,000. NPV at 8%?",
    "NPV at 8% please. Year 0 minus 50,000, Year 1 20,000, Year 2 25,000, Year 3 30,000.",
])
def test_period_numbers_name_the_flows_and_are_not_flows(text):
    assert _calc(text).calls == [("npv", {"cash_flows": [-50000.0, 20000.0, 25000.0, 30000.0], "rate": 0.08})]


def test_a_span_of_periods_with_each_repeats_the_flow():
    calc = _calc("NPV please: month 0: -9,000; months 1-3: 3,500 each. Monthly rate 1%.")
    assert calc.calls == [("npv", {"cash_flows": [-9000.0, 3500.0, 3500.0, 3500.0], "rate": 0.01})]


def test_a_range_in_a_list_of_flows_is_asked_about():
    calc = _calc("IRR? We invest between 50k to 60k, then get £20,000, £25,000 and £30,000 over three years.")
    assert not calc.calls and calc.clarification is not None


def test_a_rate_without_its_percent_sign_beside_amounts_is_asked_about():
    calc = _calc("NPV: flows -10,000, 4,000, 4,000, 4,000; discount rate r = 7")
    assert not calc.calls and "7%" in calc.clarification.question


def test_a_period_said_after_the_words_of_a_figure_counts():
    calc = _calc("roi over 2yrs: licence 3k/yr + 4k setup, brings in 1k extra profit pm")
    assert calc.calls == [("roi", {"cost": 10000.0, "gain": 24000.0})]


def test_avg_chooses_the_mean():
    assert _calc("ice avg please: impact 6, confidence 3, ease 9").calls[0][1]["aggregate"] == "mean"


def test_rates_with_visitors_in_short_words_give_the_conversions():
    calc = _calc("ab test done. control 10,000 visitors conv 2pct, variant 10,000 visitors conv 3pct. real?")
    [(name, args)] = calc.calls
    assert name == "ab_test" and (args["control_conversions"], args["variant_conversions"]) == (200, 300)


def test_a_slash_between_two_counts_reads_the_larger_as_the_whole():
    calc = _calc("test closed: control 20,000 users / 400 orders, variant 20,000 / 480. significant?")
    [(name, args)] = calc.calls
    assert args["variant_visitors"] == 20000 and args["variant_conversions"] == 480


def test_a_question_about_what_a_decimal_figure_means_is_no_calculation():
    assert read_calculation("| metric | control | variant |\n|---|---|---|\n| conv | 2.0% | 2.2% |\n\n"
                            "what does p = 0.08 mean here, is the variant better?") is None


def test_a_business_size_given_per_year_is_no_gain():
    calc = _calc("Our shop makes 2,5 million of turnover per year. The tool cost 20.000 € this year and the gross "
                 "profit grew of 30.000 €. What is the ROI?")
    assert calc.calls == [("roi", {"cost": 20000.0, "gain": 30000.0})]


@pytest.mark.parametrize(("text", "args"), [
    ("paid £8,400 for it, extra margin abt £1.1k a month. roi after 18 mo?", {"cost": 8400.0, "gain": 19800.0}),
    ("Last year we invested 30 000 € in it. During that year the extra profit was 3 000 € monthly. The ROI?",
     {"cost": 30000.0, "gain": 36000.0}),
])
def test_the_horizon_said_in_short_or_other_words_counts(text, args):
    assert _calc(text).calls == [("roi", args)]


def test_a_business_size_in_another_currency_is_not_mixed_in():
    calc = _calc("UK arm of a USD 2bn retail group here. Setup GBP 10,000 and licence £1k/mo. TCO over two years?")
    assert calc.calls == [("tco", {"implementation": 10000.0, "software_fees": 12000.0, "horizon_years": 2.0})]


@pytest.mark.parametrize(("text", "flows"), [
    ("NPV at 8%?\nYear\tSavings\tRunning costs\n0\t0\t50,000\n1\t30,000\t5,000\n2\t35,000\t5,000\n3\t40,000\t5,000",
     [-50000.0, 25000.0, 30000.0, 35000.0]),
    ("NPV at 8%: an initial investment of 50,000. Net cash flows are 20,000 in year 1, 25,000 in year 2 and "
     "30,000 in year 3.", [-50000.0, 20000.0, 25000.0, 30000.0]),
    ("NPV at 8%: year 0, -€50,000; year 1, +€20,000; year 2, +€25,000; year 3, +€30,000. "
     "Our marketing budget for next year is €2M.", None),
])
def test_flows_numbered_by_period_are_taken_in_period_order_and_netted_per_row(text, flows):
    calc = _calc(text)
    if flows is None:  # an amount outside the numbered flows is asked about, never added to one
        assert not calc.calls and "€2M" in calc.clarification.question
    else:
        assert calc.calls == [("npv", {"cash_flows": flows, "rate": 0.08})]
