"""Spec: figures as people write them, where reading them as written gave a wrong figure.

- one input given once per scenario ("… in the good case, … expected, … worst case") is one
  input in several futures, never a sum: the scenario the message asks for is used, else asked;
- a percentage that changes an amount no input takes (a markup, a commission) is asked about
  even when the calculator takes a percentage of its own (a markup is no margin);
- a change to detect, given in per cent, smaller than the rate it changes and not said to be
  relative or in points, is asked about (the two readings need samples a hundred times apart);
- period and duration words of other languages ("/Monat", "par an", "über 3 Jahre") are periods.
"""

from __future__ import annotations

from knowledge.figures import read_figures
from tests.calc_steps import only_call, question_asked


def _costs(args: dict) -> float:
    return sum(v for k, v in args.items() if k != "horizon_years")


# ---- scenarios of one input ---------------------------------------------------------------------------

def test_the_scenario_asked_for_is_the_input():
    tool, args = only_call("Migration might cost 4k if the catalogue is tidy (good), 6k expected, 9k in the worst "
                           "case. Support 2k/yr regardless. Best-case TCO over 3 years?")
    assert tool == "tco" and args["horizon_years"] == 3
    assert _costs(args) == 4000 + 2000  # one-off 4k, 2k a year (the tool multiplies by the years)


def test_a_scenario_named_in_words_picks_a_non_summed_input():
    tool, args = only_call("Shoppers stay 5 years (optimistic), 4 years (middle) or 2 years (pessimistic). Basket "
                           "60, 4 orders a year, margin 25%. Use the middle one for the CLV.")
    assert tool == "clv" and args["lifespan_years"] == 4


def test_scenarios_with_none_chosen_are_asked_about():
    question_asked("Migration might cost 4k if the catalogue is tidy (good), 6k expected, 9k in the worst case. "
                   "Support 2k/yr. TCO over 3 years?")


def test_over_reach_parts_without_scenario_words_are_summed():
    tool, args = only_call("Migration 4k, connector 6k, onboarding 9k. Support 2k/yr. TCO over 3 years?")
    assert _costs(args) == 19000 + 2000


# ---- a percentage that changes an amount -------------------------------------------------------------

def test_a_markup_is_asked_about_beside_a_margin_input():
    question = question_asked("Basket £50, 6 orders a year, they stay 4 years; we sell at a 25% markup on cost. "
                              "Profit CLV?")
    assert "25%" in question


def test_a_commission_on_the_benefit_is_asked_about():
    question = question_asked("The affiliate plug-in costs $8,000 once and keeps a 15% commission on what it sells; "
                              "it sells an extra $10,000 a month at our 40% margin. Payback?")
    assert "15%" in question


def test_over_reach_a_margin_is_used_as_the_margin():
    tool, args = only_call("Basket £50, 6 orders a year, they stay 4 years, gross margin 25%. Profit CLV?")
    assert tool == "clv" and args["gross_margin"] == 0.25


# ---- a change to detect: of the rate, or points on it --------------------------------------------------

def test_a_small_lift_in_per_cent_is_asked_about():
    question = question_asked("Sign-up rate is 3.2% today. We need to be able to see a 0.5% improvement. "
                              "How many visitors per group?")
    assert "percentage points" in question


def test_over_reach_a_lift_in_points_is_computed():
    tool, args = only_call("Sign-up rate is 3.2% today. We need to be able to see a 0.5 percentage point "
                           "improvement. How many visitors per group?")
    assert tool == "sample_size" and args["mde_type"] == "absolute"


def test_over_reach_a_lift_larger_than_the_rate_is_relative():
    tool, args = only_call("Sign-up rate is 3.2% today. We need to be able to see a 12% improvement. "
                           "How many visitors per group?")
    assert tool == "sample_size" and args["mde_type"] == "relative" and args["mde"] == 0.12


# ---- period words of other languages -----------------------------------------------------------------

def test_periods_and_durations_in_other_languages():
    figures = read_figures("Abo EUR 900 pro Monat, Support 2.000 € jährlich; hébergement 300 € par mois; "
                           "sur 3 ans, über 18 Monate")
    assert [(f.value, f.period, f.unit) for f in figures] == [
        (900, "month", "money"), (2000, "year", "money"), (300, "month", "money"), (36, None, "duration"),
        (18, None, "duration")]


def test_a_tco_written_in_german():
    tool, args = only_call("Einrichtung 12.000 €, Lizenz 800 €/Monat. TCO über 3 Jahre?")
    assert tool == "tco" and args["horizon_years"] == 3 and _costs(args) == 12000 + 9600


def test_over_reach_english_an_is_no_year():
    (figure,) = read_figures("the agency bills 90 an hour")
    assert figure.period is None


# ---- a policy line and a key segment in shorthand ------------------------------------------------------

def test_shorthand_threshold_and_key_segment():
    from assistant.reading.slots import extract

    slots = extract("review needed? AI markdown −14% on VIP accts, pricing thresh 5%")
    assert slots.limits == [5] and slots.key_segment is True


def test_over_reach_shorthand_segment_excluded_and_a_bare_percent_is_no_limit():
    from assistant.reading.slots import extract

    slots = extract("AI markdown −14%, not on key segs")
    assert slots.limits == [] and slots.key_segment is False


# ---- a horizon written as a span of months or quarters ---------------------------------------------------

def test_a_span_of_months_with_the_year_said_once():
    tool, args = only_call("Hosting 300 a month and 2,500 onboarding, running from September to February 2028. TCO?")
    assert tool == "tco" and args["horizon_years"] == 0.5 and _costs(args) == 2500 + 300 * 12


def test_a_span_of_quarters():
    tool, args = only_call("TCO from Q1 2027 through Q2 2028: onboarding 2,500, hosting 300 a month.")
    assert tool == "tco" and args["horizon_years"] == 1.5


def test_over_reach_two_dates_that_are_no_span_leave_the_horizon_open():
    question_asked("We launch in March and review the numbers in November 2027. Hosting 300 a month and 2,500 "
                   "onboarding. TCO?")


# ---- labels shortened in notes -------------------------------------------------------------------------

def test_shortened_labels_in_a_ranking_note():
    tool, args = only_call("rank pls:\n- gift finder: reach 3k/q, imp 2, conf 60%, eff 3 pm\n"
                           "- smart FAQ: reach 9k/q, imp 0.5, conf 90%, eff 1 pm")
    assert tool == "prioritize"
    assert [(i["impact"], i["effort"]) for i in args["initiatives"]] == [(2, 3), (0.5, 1)]


def test_shortened_cost_lines_and_a_glued_year():
    tool, args = only_call("TCO, 3y\n- impl 9k\n- maint 1k/yr")
    assert tool == "tco" and args["horizon_years"] == 3
    assert args["implementation"] == 9000 and args["maintenance"] == 1000


def test_avg_is_average():
    tool, args = only_call("avg order $64, 3 orders a year, they stay 2 years. CLV?")
    assert tool == "clv" and args["aov"] == 64


def test_over_reach_what_counts_as_a_shortened_label():
    from assistant.reading.roles import shortens

    assert shortens("imp", "impact") and shortens("maint", "maintenance")
    # words of their own ("run", "per", "set") and two letters name no input
    assert not shortens("run", "running") and not shortens("per", "percent") and not shortens("set", "setup")
    assert not shortens("im", "impact")


def test_over_reach_an_age_in_years_is_no_length():
    assert [f.text for f in read_figures("a 2y old laptop")] == []


# ---- small numbers said in words after their label -----------------------------------------------------

def test_small_numbers_in_words_after_their_labels():
    tool, args = only_call("ICE for the gift wrap idea please: impact five, confidence is nine, ease maybe four.")
    assert tool == "ice_score" and (args["impact"], args["confidence"], args["ease"]) == (5, 9, 4)


def test_over_reach_a_small_number_word_without_a_label_stays_no_figure():
    assert read_figures("we have three ideas and one of them is great", labels=frozenset({"impact", "ease"})) == []


def test_a_period_in_brackets_in_a_quote_line_label():
    (licence, setup) = read_figures("Hosting (per mo)     420.00\nOnboarding           1,900.00")
    assert licence.period == "month" and setup.period is None
