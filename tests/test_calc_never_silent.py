"""No figure the user gave is left out of a result without a word, and no figure the user said is
not settled is used as if it were: an amount added on a new line after the question is read on its
own (not as a part of the figure before it), an amount written bare that no input names is asked
about, a whole sentence said to be unrelated leaves out every figure in it, an amount said for
"each of the next N years" is a flow for each of them, and a value written "??" or a period the
user says is unclear is asked about."""

import pytest

from assistant.reading.calculate import read_calculation


def _calc(text):
    calc = read_calculation(text)
    assert calc is not None
    return calc


def _asked(text):
    calc = _calc(text)
    assert not calc.calls and calc.clarification is not None, calc.calls
    return calc.clarification.question


def test_an_amount_added_after_the_question_is_not_a_part_of_the_figure_before():
    calc = _calc("tool 4k + 1k for setup. extra profit about 9k this yr. roi?\noh and 500 for staff training, forgot")
    assert calc.calls == [("roi", {"cost": 5500.0, "gain": 9000.0})]


def test_a_bare_amount_no_input_names_is_asked_about_not_dropped():
    assert "25,000" in _asked("Licence 4,000 per year; gain 9,000 per year; hardware 25,000 depreciated over 5 years. ROI?")


def test_a_possible_later_cost_is_asked_about():
    _asked("The plugin costs 300 euro monthly and eventually we will pay also 2.000 for setup. "
           "Payback if it saves 900 a month?")


def test_a_sentence_said_to_be_unrelated_leaves_out_all_its_figures():
    calc = _calc("NPV at 6%: we invest $100,000 now and get $40,000 in each of the next three years. "
                 "Our loan of $1M at 4.5% is unrelated to this.")
    assert calc.calls == [("npv", {"cash_flows": [-100000.0, 40000.0, 40000.0, 40000.0], "rate": 0.06})]


@pytest.mark.parametrize("text", [
    "Y0\tY1\tY2\tY3\n-40000\t15000\t??\t20000\nIRR?",
    "3-yr TCO: $10k setup (one-time); $5k 'support' (unclear whether one-time or annual); $2k/yr hosting",
])
def test_a_value_or_period_the_user_does_not_know_is_asked_about(text):
    _asked(text)


def test_monthly_sales_are_revenue_and_the_margin_is_asked():
    question = _asked("payback please: set-up was 20,000 and it brings in about 1,500 a month in sales")
    assert "revenue" in question and "margin" in question


def test_a_total_followed_by_its_breakdown_in_brackets_is_counted_once():
    calc = _calc("3-yr TCO:\n- one-off $50k (setup $35k + migration $15k)\n- licence $10k/yr")
    [(name, args)] = calc.calls
    assert name == "tco" and sum(args.get(k, 0) for k in ("implementation", "data_integration", "training")) == 50000


def test_effort_in_parts_joined_by_plus_is_added_up():
    calc = _calc("RICE: reach 4,000 per quarter, impact high, confidence 80%, effort one developer for 3 months "
                 "plus a designer for 1 month")
    assert calc.calls[0][1]["effort"] == 4
