"""The one figure reader: value, unit, period and label words of every figure, in linear time."""

from __future__ import annotations

import time

import pytest

from knowledge.figures import read_amount, read_figures


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It cost $24,000 in licences", [(24000, "money", None)]),
        ("we paid 20k", [(20000, "count", None)]),
        ("a budget of €1.2M", [(1.2e6, "money", None)]),
        ("2 million users", [(2e6, "count", None)]),
        ("45 thousand dollars", [(45000, "money", None)]),
        ("USD 300 per month", [(300, "money", "month")]),
        ("saves $1,500 per month", [(1500, "money", "month")]),
        ("a $500 monthly licence fee", [(500, "money", "month")]),
        ("a monthly fee of $500", [(500, "money", "month")]),
        ("fees of £9,000 annually", [(9000, "money", "year")]),
        ("4 purchases per year", [(4, "count", "year")]),
        ("confidence 80%", [(80, "percent", None)]),
        ("a 12.5 percent margin", [(12.5, "percent", None)]),
        ("stay 3 years", [(36, "duration", None)]),
        ("over six months", [(6, "duration", None)]),
        ("from 3% to 3.6%", [(3, "percent", None), (3.6, "percent", None)]),
        ("Who won the world cup in 2018?", []),
        ("one of the best tools", []),
    ],
)
def test_each_figure_is_read_with_its_unit_and_period(text, expected):
    got = [(f.value, f.unit, f.period) for f in read_figures(text)]
    assert [(pytest.approx(v), u, p) for v, u, p in expected] == got


def test_a_range_keeps_both_ends():
    (figure,) = read_figures("growth of 10-15% a year")
    assert (figure.value, figure.high, figure.unit, figure.period) == (10, 15, "percent", "year")


def test_label_words_stop_at_clause_boundaries_and_neighbouring_figures():
    first, second, third = read_figures(
        "The tool cost $24,000 in licences and $6,000 to set up, and brought $45,000 extra gross profit.")
    assert first.before[-1] == "cost" and first.after == ["in", "licences"]
    assert second.before == [] and second.after == ["to", "set", "up"]
    assert third.before == ["brought"] and third.after[:3] == ["extra", "gross", "profit"]


def test_parts_joined_by_and_are_marked_coordinated():
    figures = read_figures("It cost $30k to set up and $6k for training, and saved $50k")
    assert [f.joined for f in figures] == [False, True, False]


def test_part_and_whole_of_a_ratio():
    part, whole = read_figures("120 conversions out of 2400 visitors")
    assert (part.ratio, whole.ratio) == ("part", "whole")


@pytest.mark.parametrize("text", ["9" * 8000, "1," * 4000, "$1 " * 2600, "10-" * 2600, "a month " * 1000])
def test_long_inputs_are_read_in_linear_time(text):
    """Twice the text costs about twice the CPU, not four times (a quadratic or runaway reading);
    this thread's CPU time, best of three, so a busy machine, or another thread of the test worker
    (a warm-up, a server) does not fail it."""
    half = text[: len(text) // 2]

    def cpu(part: str) -> float:
        spent = []
        for _ in range(3):
            started = time.thread_time()
            read_figures(part)
            spent.append(time.thread_time() - started)
        return min(spent)

    short, full = cpu(half), cpu(text)
    assert full < 5.0 and full < 3.0 * short + 0.2, (short, full)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30000", (30000, False)),
        ("30,000", (30000, False)),
        ("1,234.5", (1234.5, False)),
        (".5", (0.5, False)),
        ("30k", (30000, False)),
        ("1.5M", (1.5e6, False)),
        ("80%", (80, True)),
        # anything but a bare number is for the caller to refuse with its own fix
        ("30 k", None),
        ("$30k", None),
        ("-3", None),
        ("1e3", None),
        ("3bn", None),
        ("30,00", None),
        ("thirty", None),
        ("", None),
    ],
)
def test_a_bare_amount_is_read_whole_or_not_at_all(text, expected):
    assert read_amount(text) == expected


@pytest.mark.parametrize("text", ["30000", "30,000", "1,234.5", "30k", "1.5M", "80%"])
def test_a_bare_amount_reads_as_the_same_figure_in_a_message(text):
    value, _ = read_amount(text)
    (figure,) = read_figures(f"reach {text}")
    assert figure.value == pytest.approx(value)


# --- Numbers as people write them in messages ------------------------------------------------

WRITTEN = [
    ("It cost 18.500 € and saves 1.200 € a month", [18500, 1200]),  # thousands dots
    ("a budget of 25 000 USD", [25000]),  # thousands space
    ("an order of 68,50 € on average", [68.5]),  # decimal comma
    ("about 1,2 Mio € in total", [1200000]),
    ("3 lakh rupees", [300000]),
    ("it cost 12,000 and the rate is 1.500 percent", [12000, 1.5]),  # comma thousands: the dot is a decimal
    ("the first flow was (75,000)", [-75000]),  # accounting brackets
    ("up front: -€45k", [-45000]),
]


@pytest.mark.parametrize(("text", "values"), WRITTEN, ids=[w[0] for w in WRITTEN])
def test_numbers_are_read_in_the_formats_people_write(text, values):
    assert [f.value for f in read_figures(text)] == pytest.approx(values)


CURRENCIES = [
    ("CAD 99k", "CAD"), ("99k CAD", "CAD"), ("€5k", "EUR"), ("5 euros", "EUR"), ("Rs 45,000", "INR"),
    ("£2.5k/mo", "GBP"), ("CHF 3.5k", "CHF"), ("US$ 500", "USD"), ("C$ 500", "CAD"), ("5,000", None),
]


@pytest.mark.parametrize(("text", "code"), CURRENCIES, ids=[c[0] for c in CURRENCIES])
def test_a_written_currency_is_kept_with_its_amount(text, code):
    (figure,) = read_figures(text)
    assert figure.currency == code


PERIODS = [("saves 2.5k pm", "month"), ("maint 5k/yr", "year"), ("4 orders/yr", "year"), ("2.5 buys a yr", "year"),
           ("reach 20,000/qtr", "quarter"), ("€9k p.a.", "year")]


@pytest.mark.parametrize(("text", "period"), PERIODS, ids=[p[0] for p in PERIODS])
def test_short_period_words_are_read(text, period):
    assert read_figures(text)[0].period == period


def test_a_small_value_in_brackets_is_not_an_accounting_negative():
    assert [f.value for f in read_figures("impact is low (0.5)")] == [0.5]


HEADINGS = [
    ("Quarterly: licence 6k, support 2k, hosting 1k", [("6k", "quarter"), ("2k", "quarter"), ("1k", "quarter")]),
    ("per month: 300 for the app and 90 for storage; 4k to build it", [("300", "month"), ("90", "month"), ("4k", None)]),
    ("Weekly spend:\n- ads 700\n- agency 250\n\nsetup 1,800", [("700", "week"), ("250", "week"), ("1,800", None)]),
    ("annually:\n  -20k upfront\n  9k\n  11k", [("-20k", None), ("9k", "year"), ("11k", "year")]),
    ("yearly: -30k now, then 8k, 9k", [("-30k", None), ("8k", "year"), ("9k", "year")]),
]


@pytest.mark.parametrize(("text", "expected"), HEADINGS, ids=[h[0][:30] for h in HEADINGS])
def test_a_period_heading_covers_the_figures_under_it(text, expected):
    """A period written as a heading ("monthly:") gives the period of each figure it heads, up
    to the end of its clause or its block; a figure marked as paid once keeps no period."""
    assert [(f.text.strip(), f.period) for f in read_figures(text)] == expected
