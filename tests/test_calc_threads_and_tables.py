"""Messages laid out as people paste them: chat threads with time stamps, where a later line revises
an earlier figure, and spreadsheet rows with their totals. The layout says what each figure is: a
time stamp is no figure, a later correction replaces the figure it names (and only that one), a
total row or column is the sum of cells already read, never an amount of its own."""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from knowledge.figures import read_figures


def _call(text: str) -> tuple[str, dict]:
    calc = read_calculation(text)
    assert calc is not None and calc.clarification is None, calc and calc.clarification
    (call,) = calc.calls
    return call


# ---- chat threads -----------------------------------------------------------------------------------

@pytest.mark.parametrize("stamp", ["[09:41]", "09:41", "[9:41 ]", "(16:05)"])
def test_a_time_of_day_is_no_figure(stamp):
    assert [f.value for f in read_figures(f"{stamp} ana: the licence is 900 a month")] == [900]


def test_a_ratio_and_a_score_are_still_read():
    assert 24 in [f.value for f in read_figures("a 24:1 return on ad spend")]  # hours run to 23: no clock
    assert [f.value for f in read_figures("2.5% conversion, impact 3")] == [2.5, 3]


def test_time_stamps_of_a_thread_never_become_inputs():
    name, args = _call("[08:15] raj: setup for the picker is 20k\n[08:17] eva: licence 500/mo\n"
                       "[08:20] raj: two-year TCO please")
    assert name == "tco" and args["horizon_years"] == 2
    assert args["implementation"] == 20000 and args["software_fees"] == 6000


def test_a_later_line_that_says_actually_replaces_the_figure_with_its_unit():
    name, args = _call("[11:00] kim: reach 3,000 a month, impact 1, confidence 60%\n[11:02] lu: effort 5 person-months\n"
                       "[11:30] lu: actually it's 2 person-months, the API exists\n[11:31] kim: RICE score?")
    assert name == "rice_score" and args["effort"] == 2 and args["reach"] == 3000


def test_a_later_line_that_revises_one_year_changes_that_year_only():
    name, args = _call("outlay -30k in year 0\nflows 10k y1, 10k y2, 10k y3\n"
                       "correction: y2 is lower, 7k\nNPV at 8%?")
    assert name == "npv" and args["cash_flows"] == [-30000, 10000, 7000, 10000]


def test_a_later_sentence_naming_another_input_replaces_nothing():
    name, args = _call("ROI: the licence cost 6k. Actually we also paid 2k for set-up. It saved 20k.")
    assert name == "roi" and args["cost"] == 8000 and args["gain"] == 20000


def test_a_correction_that_repeats_the_label_replaces_the_figure():
    assert _call("roi? cost 10k, savings 14k, no sorry savings were 16k") == ("roi", {"cost": 10000.0, "gain": 16000.0})


# ---- spreadsheet rows with totals ------------------------------------------------------------------

def test_a_total_row_under_its_parts_is_not_added_again():
    name, args = _call("Line | Per month | Once\nInstall | | 9,000\nSubscription | -200 | \nHours saved | 1,100 |\n"
                       "Total per month | 900 |\n\npayback in months?")
    assert name == "payback_period" and args == {"upfront_cost": 9000.0, "monthly_benefit": 900.0}


def test_a_net_column_beside_costs_and_gains_is_not_netted_again():
    name, args = _call("Year\tCost\tGain\tNet\n0\t-20000\t\t-20000\n1\t-1000\t9000\t8000\n2\t-1000\t11000\t10000\n\n"
                       "NPV at 10%?")
    assert name == "npv" and args["cash_flows"] == [-20000, 8000, 10000]


def test_a_total_row_that_does_not_add_up_is_not_dropped():
    calc = read_calculation("Line | Per month | Once\nInstall | | 9,000\nSubscription | -200 | \nHours saved | 1,100 |\n"
                            "Total per month | 2,500 |\n\npayback in months?")
    assert calc is not None
    assert not calc.calls or calc.calls[0][1]["monthly_benefit"] != 900
    assert not any("total of the rows" in r.note for r in calc.readings)


# ---- a figure taken off another, and questions no figure answers ------------------------------------

def test_an_amount_taken_off_a_monthly_one_is_monthly_too():
    name, args = _call("payback? we pay 20k once, it saves 2,000 a month less 500 support fee")
    assert name == "payback_period" and args == {"upfront_cost": 20000.0, "monthly_benefit": 1500.0}


@pytest.mark.parametrize("text", [
    "Setup | 8,000\nIntegration | 3,000\n\nwhat counts as integration here? does the split matter for the TCO?",
    "cost 12k, gain 18k. how do we choose between gross and net gain for ROI?",
])
def test_a_question_about_what_an_input_means_is_not_computed(text):
    assert read_calculation(text) is None


@pytest.mark.parametrize("text", [
    "the vendor claims a payback of 6 months on 40k. Plausible, or marketing?",
    "NPV is 3k at 10% but -1k at 14%: which rate should a shop our size use?",
])
def test_a_judgement_asked_about_a_claimed_figure_asks_for_no_inputs(text):
    assert read_calculation(text) is None


def test_a_question_for_the_result_is_still_computed_beside_a_meaning_question():
    name, _ = _call("TCO over 2 years: setup 5k, licence 1k/yr. what's the total, and does support count as maintenance?")
    assert name == "tco"


def test_a_bare_deduction_that_names_nothing_is_asked_about():
    calc = read_calculation("payback? we pay 20k once, it saves 2,000 a month minus 500")
    assert calc is not None and not calc.calls and calc.clarification is not None


# ---- speech: numbers in words, clauses without punctuation -----------------------------------------

@pytest.mark.parametrize(("said", "value"), [
    ("seven forty a month", 740), ("two fifteen a month", 215),
    ("nine thousand one hundred", 9100), ("a hundred and five", 105), ("forty two grand", 42000),
])
def test_numbers_said_aloud_are_read_whole(said, value):
    [fig] = read_figures(f"it comes to {said}")
    assert fig.value == value


def test_a_hundred_is_not_glued_to_the_next_hundred():
    assert [f.value for f in read_figures("group a had five thousand two hundred and three hundred and one orders")] == [
        5200, 301]


def test_the_subject_of_the_next_spoken_clause_names_the_next_figure():
    name, args = _call("tco um the setup is four grand the training we need is like two k whats the total")
    assert name == "tco" and args["implementation"] == 4000 and args["training"] == 2000


# ---- notations: time indexes, sunk costs, a trigger typed with two letters swapped ------------------

@pytest.mark.parametrize("text", ["NPV at 6%: outlay of 12,000 at t=0; inflows of 5,000 at t=1, 6,000 at t=2 and 7,000 at t=3",
                                  "NPV at 6%? t=0: outlay 12,000; t=1: 5,000; t = 2: 6,000; t=3: 7,000"])
def test_time_indexes_number_the_flows(text):
    name, args = _call(text)
    assert name == "npv" and args["cash_flows"] == [-12000, 5000, 6000, 7000]


@pytest.mark.parametrize("text", ["ROI? the pilot was 4k, which is sunk. licence 10k, saves 16k",
                                  "ROI? pilot 4k (sunk cost). licence 10k, saves 16k"])
def test_a_sunk_cost_is_left_out(text):
    assert _call(text) == ("roi", {"cost": 10000.0, "gain": 16000.0})


def test_a_trigger_word_with_two_letters_swapped_still_asks_for_its_calculator():
    calc = read_calculation("paybakc? 12k upfront, saves 1k a month")
    assert calc is not None and calc.calls == [("payback_period", {"upfront_cost": 12000.0, "monthly_benefit": 1000.0})]


def test_a_word_that_is_no_trigger_with_letters_swapped_asks_for_nothing():
    assert read_calculation("the cahtbot costs 12k and saves 1k a month") is None


# ---- lists and units of effort -----------------------------------------------------------------------

def test_an_unnamed_item_of_a_list_of_costs_is_a_cost():
    assert _call("ROI: hosting 3k, consultant fees 2k, our own time ~1k. it returned 9k in profit") == (
        "roi", {"cost": 6000.0, "gain": 9000.0})


def test_pm_beside_person_months_is_effort_not_per_month():
    name, args = _call("RICE ranking - search: reach 5000, impact 2, conf 80%, 3 person-months. "
                       "chat: reach 9000, impact 1, conf 50%, 6 pm")
    assert name == "prioritize"
    assert sorted(i["effort"] for i in args["initiatives"]) == [3, 6]
    assert [i["name"] for i in args["initiatives"]] == ["search", "chat"]


def test_one_amount_nobody_named_for_an_asked_calculator_is_asked_about_not_dropped():
    calc = read_calculation("the chatbot thing is roughly 5k a month and i wonder when it pays back")
    assert calc is not None and not calc.calls and calc.clarification is not None
    assert "5k a month" in calc.clarification.question


def test_a_table_row_that_counts_things_is_no_amount_to_ask_about():
    name, args = _call("Metric\tValue\nAverage order\t$50\nPurchases per year\t3\nLifespan (years)\t2\n"
                       "Registered users\t8,000\n\nCLV?")
    assert name == "clv" and args == {"aov": 50.0, "purchases_per_year": 3.0, "lifespan_years": 2.0}


def test_a_table_row_that_names_money_is_still_asked_about():
    calc = read_calculation("Metric\tValue\nAverage order\t$50\nPurchases per year\t3\nLifespan (years)\t2\n"
                            "Marketing spend\t8,000\n\nCLV?")
    assert calc is not None and not calc.calls and calc.clarification is not None


def test_a_number_that_names_a_period_does_not_start_a_spoken_hundred():
    assert [f.value for f in read_figures("saves ten k in year one twenty k in year two")] == [10000, 20000]
    assert 240 not in [f.value for f in read_figures("in week two forty people joined the pilot")]


# ---- non-native phrasing and dates ------------------------------------------------------------------

def test_the_head_of_a_noun_phrase_names_the_figure():
    name, args = _call("TCO over 2 years: setup 10k, training of the staff 2k, licence 1k per year")
    assert name == "tco" and args["training"] == 2000


@pytest.mark.parametrize(("span", "years"), [("from January 2027 till end of 2029", 3),
                                             ("from March 2026 through February 2028", 2)])
def test_a_span_between_dates_is_the_horizon(span, years):
    name, args = _call(f"total cost of ownership {span}: setup 10k, licence 2k per year")
    assert name == "tco" and args["horizon_years"] == years


def test_years_with_no_month_or_end_leave_the_horizon_open():
    calc = read_calculation("total cost of ownership from 2027 to 2029: setup 10k, licence 2k per year")
    assert calc is not None and not calc.calls and calc.clarification is not None


def test_for_year_after_an_amount_is_its_period_not_a_one_year_horizon():
    calc = read_calculation("total cost of ownership: setup 10k, maintenance 2.000 for year")
    assert calc is not None and not calc.calls and "how many years" in calc.clarification.question.lower()
