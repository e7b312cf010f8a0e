"""Numbers said in words are read as people mean them, or not read at all, never misread:
English cardinals with their multipliers, ranges said once for both ends, worker-time units,
and a heading's number that names a text rather than counting anything."""

from __future__ import annotations

import pytest

from knowledge.figures import read_figures, words_value

SAID = [
    ("it cost nine thousand", 9000.0, "count"),
    ("about seventy-five thousand a year", 75000.0, "count"),
    ("sixty three thousand", 63000.0, "count"),
    ("a hundred and twenty a week", 120.0, "count"),
    ("three hundred and forty", 340.0, "count"),
    ("one and a half million", 1_500_000.0, "count"),
    ("half a million", 500_000.0, "count"),
    ("four grand", 4000.0, "count"),
    ("fourteen hundred", 1400.0, "count"),
    ("thirty five hundred a year", 3500.0, "count"),
    ("eight k", 8000.0, "count"),
    ("a couple of thousand", 2000.0, "count"),
    ("one point two five million", 1_250_000.0, "count"),
    ("nineteen percent", 19.0, "percent"),
    ("six point five percent", 6.5, "percent"),
    ("forty quid", 40.0, "money"),
    ("eleven dollars", 11.0, "money"),
    ("two and a half years", 30.0, "duration"),
]


@pytest.mark.parametrize(("text", "value", "unit"), SAID, ids=[s[0] for s in SAID])
def test_a_number_said_in_words_is_read_with_its_value_and_unit(text, value, unit):
    (figure,) = read_figures(text)
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert text.find(figure.text) >= 0  # what is quoted back is the user's own words


@pytest.mark.parametrize("text", ["one of the best options", "we have three ideas", "a one-off job", "the two of us",
                                  "in year one it was slow"])
def test_a_small_number_word_without_a_unit_is_no_figure(text):
    assert read_figures(text) == []


def test_a_period_after_a_number_in_words_is_kept():
    (figure,) = read_figures("it comes to two hundred and fifty a month")
    assert (figure.value, figure.period) == (250.0, "month")


RANGES = [
    ("somewhere between three and four thousand", 3000.0, 4000.0),
    ("six to nine thousand", 6000.0, 9000.0),
    ("seven or eight hundred", 700.0, 800.0),
    ("between two and three hundred thousand", 200_000.0, 300_000.0),
]


@pytest.mark.parametrize(("text", "low", "high"), RANGES, ids=[r[0] for r in RANGES])
def test_a_range_in_words_takes_its_multiplier_for_both_ends(text, low, high):
    (figure,) = read_figures(text)
    assert (figure.value, figure.high) == (low, high)


def test_two_amounts_joined_by_and_stay_two_amounts():
    assert [f.value for f in read_figures("nine thousand and then another four thousand")] == [9000.0, 4000.0]


def test_words_value_follows_the_grammar_of_cardinals():
    assert words_value("a thousand") == 1000.0
    assert words_value("twenty-one") == 21.0
    assert words_value("five thousand three hundred") == 5300.0


WORKER_TIME = [("3 person-weeks", 3 * 12 / 52), ("1.5 person years", 18.0), ("two man-months", 2.0),
               ("half a person month", 0.5)]


@pytest.mark.parametrize(("text", "months"), WORKER_TIME, ids=[w[0] for w in WORKER_TIME])
def test_worker_time_is_a_duration_in_its_own_period(text, months):
    (figure,) = read_figures(f"the work takes {text}")
    assert figure.unit == "duration"
    assert figure.value == pytest.approx(months)
    assert "person" in figure.after or "man" in figure.after  # the unit still names the input


@pytest.mark.parametrize("text", ["Task 4: we pay 9,000 a year", "Problem 2.7: we pay 9,000 a year",
                                  "Question 12 (payback): we pay 9,000 a year"])
def test_a_headings_number_names_the_text_and_is_no_figure(text):
    assert [f.value for f in read_figures(text)] == [9000.0]


@pytest.mark.parametrize(("text", "kept"), [("Reach 1500 (per month)", 1500.0), ("Budget 9000: too high?", 9000.0),
                                            ("Years: 3", 3.0), ("over 3 years", 36.0)])
def test_a_number_that_counts_is_kept_where_a_heading_would_stand(text, kept):
    assert kept in [f.value for f in read_figures(text)]
