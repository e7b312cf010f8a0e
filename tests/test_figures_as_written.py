"""The figure reader on numbers as people write them: the grouping, the sign and the scale they
use, ranges whose both ends carry the scale, periods in other words, and the numbers that only
name a period (a row of a year-by-year table, "year 1:") rather than give a value."""

import pytest

from knowledge.figures import read_figures


def values(text):
    return [f.value for f in read_figures(text)]


@pytest.mark.parametrize(("text", "value"), [
    ("we spent Rs 4,50,000 on it", 450000.0),        # lakh grouping: 4,50,000
    ("year four brings Rs 10,00,000, then", 1000000.0),
    ("training one and a half k", 1500.0),          # words with a fraction and "k"
    ("flows are −80,000 now", -80000.0),            # the typographic minus
])
def test_a_number_is_read_in_the_grouping_and_sign_it_is_written_in(text, value):
    assert values(text) == [value]


@pytest.mark.parametrize("text", ["around £100k to £120k", "costs 100k-120k", "a budget of 2M - 2.4M"])
def test_a_range_whose_both_ends_carry_the_scale_is_one_range(text):
    [figure] = read_figures(text)
    assert figure.is_range and figure.high > figure.value >= 100000


@pytest.mark.parametrize(("text", "period"), [("Subscription: 320 € by month.", "month"),
                                              ("it is about 3 000 € by year", "year")])
def test_a_period_said_with_by_is_the_figures_period(text, period):
    assert read_figures(text)[0].period == period


def test_a_period_word_on_the_next_line_belongs_to_that_line():
    upfront, saving = read_figures("Upfront           €32,000\nMonthly saving    €4,100")
    assert upfront.period is None and saving.period == "month"


@pytest.mark.parametrize(("text", "kept"), [
    ("year 0: -30,000; year 1: 10,000; year 2: 12,000", [-30000.0, 10000.0, 12000.0]),
    ("Year 0 minus 50,000, Year 1 20,000", [50000.0, 20000.0]),
    ("year,cash_flow\n0,-120000\n1,35000\n2,45000", [-120000.0, 35000.0, 45000.0]),
    ("Year\tBenefits\tCosts\n0\t0\t60,000\n1\t40,000\t12,000", [0.0, 60000.0, 40000.0, 12000.0]),
])
def test_a_number_that_names_a_period_is_no_value(text, kept):
    assert values(text) == kept


def test_two_column_csv_needs_a_header_and_a_column_of_thousands_stays_numbers():
    assert values("10,000\n20,000\n30,000") == [10000.0, 20000.0, 30000.0]
    assert values("period,net_cf\n0,-100000\n1,30000") == [-100000.0, 30000.0]


@pytest.mark.parametrize(("text", "months"), [("2yr tco", 24.0), ("over 24months", 24.0), ("a 3yrs view", 36.0)])
def test_a_length_glued_to_its_unit_is_read(text, months):
    assert [(f.value, f.unit) for f in read_figures(text)] == [(months, "duration")]


@pytest.mark.parametrize(("text", "months"), [("roi after 18 mo?", 18.0), ("effort 3 person mths", 3.0)])
def test_short_month_units_are_lengths(text, months):
    assert [(f.value, f.unit) for f in read_figures(text)] == [(months, "duration")]


def test_a_unit_on_the_next_line_is_not_the_figures():
    assert [(f.value, f.unit) for f in read_figures("I 7 C 6 E 8\nmo: product or mean?")][-1] == (8.0, "count")


def test_every_period_said_before_the_amounts_of_its_own_clause_is_their_period():
    first, licence, support = read_figures("Start cost is 12,000, and then every year we pay 4,000 for licence and 2,500 for support.")
    assert first.period is None and licence.period == support.period == "year"


def test_a_period_said_for_one_figure_is_not_the_next_clauses():
    reach, impact = read_figures("reach 8000 customers per quarter, impact high", {"high": 2.0})
    assert reach.period == "quarter" and impact.period is None
