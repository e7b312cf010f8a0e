"""A figure's role is used only when its evidence is sure enough; otherwise one question with
options, and the reply completes the calculation (a wrong figure is far worse than a question).

The evidence for a role is how near the words naming each input stand to the figure; when the
best input beats the next-best by less than ``ROLE_MARGIN`` the figure is asked about. Figures
offered side by side as options ("vendor X 30,000 or vendor Y 42,000") are a choice, never a sum.
A follow-up that asks something else borrows the previous question's words, never its figures.
"""

from __future__ import annotations

import pytest

from assistant.reading.calculate import read_calculation
from assistant.reading.roles import ROLE_MARGIN, role_confidence
from assistant.reading.dialogue import read_turn, start_state
from assistant.reading.elliptical import resolve, without_figures
from knowledge.figures import read_figures


def _start(message: str):
    calc = read_calculation(message)
    assert calc is not None
    return calc, start_state(message, calc)


@pytest.mark.parametrize(("scores", "best", "sure"), [
    ({"cost": 1.0, "gain": 0.4}, ("cost",), True),  # a label next to it, the other three words off
    ({"cost": 0.33, "gain": 0.29}, ("cost",), False),  # two labels about as far: not sure
    ({"cost": 0.5, "gain": 0.5}, ("cost", "gain"), False),  # a tie
    ({"gain": 0.2}, ("gain",), True),  # one input named, however far
])
def test_the_margin_over_the_next_best_input_is_the_confidence(scores, best, sure):
    got, margin = role_confidence(scores)
    assert got == best
    assert (margin >= ROLE_MARGIN) is sure


def test_a_figure_named_about_equally_by_two_inputs_is_asked_about_and_the_reply_completes_it():
    calc, state = _start("ROI: gain for this campaign 9,000 before the cost of 4,000")
    assert calc.calls == []  # nothing computed from a guessed role
    assert calc.clarification is not None and "9,000" in calc.clarification.question
    assert sorted(calc.clarification.options) == ["the cost", "the gain"]
    turn = read_turn("the gain", state)
    assert turn.calculation is not None and turn.calculation.calls == [("roi", {"gain": 9000.0, "cost": 4000.0})]


def test_the_same_figures_with_the_label_next_to_each_are_computed():
    calc = read_calculation("ROI: gain for this campaign 9,000, cost 4,000")
    assert calc is not None and calc.calls == [("roi", {"gain": 9000.0, "cost": 4000.0})]


def test_figures_offered_as_options_for_one_input_are_a_choice_not_a_sum():
    message = "Two vendors quoted for the platform: vendor X costs 30,000 or vendor Y costs 42,000. " \
              "It should save 60,000. What's the ROI?"
    calc, state = _start(message)
    assert calc.calls == [] and calc.clarification is not None
    assert calc.clarification.options == ["30,000", "42,000"]
    turn = read_turn("the second one", state)
    assert turn.calculation is not None and turn.calculation.calls == [("roi", {"cost": 42000.0, "gain": 60000.0})]


def test_parts_of_a_cost_named_by_what_they_pay_for_are_still_added():
    calc = read_calculation("ROI: licences cost 30,000 and set-up cost 12,000; it saved 60,000")
    assert calc is not None and calc.calls == [("roi", {"cost": 42000.0, "gain": 60000.0})]


@pytest.mark.parametrize("follow_up", ["ok and how should we track it?", "is that good?"])
def test_a_follow_up_borrows_the_previous_words_never_its_figures(follow_up):
    previous = "payback: 45k upfront, 5k/month saved"
    resolved = resolve(follow_up, previous).text
    assert "payback" in resolved.lower()
    assert read_figures(resolved) == []


def test_without_figures_keeps_the_words():
    kept = without_figures("irr: -20k, then 8k, 8k")
    assert "irr" in kept and "then" in kept and read_figures(kept) == []


def test_a_minus_says_the_outlay_and_the_amounts_beside_it_come_in():
    message = "npv at 10%: -40k now, then 15k a year for 4 years"
    calc, state = _start(message)
    assert calc.calls == [("npv", {"cash_flows": [-40000.0] + [15000.0] * 4, "rate": 0.1})]
    turn = read_turn("what if 6%?", state)  # planned again from the state: the outlay keeps its size
    assert turn.calculation is not None
    assert turn.calculation.calls == [("npv", {"cash_flows": [-40000.0] + [15000.0] * 4, "rate": 0.06})]


def test_an_amount_per_period_is_never_a_number_of_years():
    calc = read_calculation("What's the IRR on -60,000 now and 25,000 a year for three years?")
    assert calc is not None and calc.calls == [("irr", {"cash_flows": [-60000.0, 25000.0, 25000.0, 25000.0]})]


@pytest.mark.parametrize(("message", "call"), [
    # the word after a figure named it, so it is no label of the next one
    ("a/b: control 9,000 visitors 270 orders, variant 9,100 visitors 330 orders",
     ("ab_test", {"control_visitors": 9000.0, "control_conversions": 270.0,
                  "variant_visitors": 9100.0, "variant_conversions": 330.0})),
    # a small bare number right after its input's name is an amount; the one length of time a CLV takes
    ("CLV: AOV 70, 3 orders/yr, 4 yrs, margin 30%.",
     ("clv", {"aov": 70.0, "purchases_per_year": 3.0, "lifespan_years": 4.0, "gross_margin": 0.3})),
    # "500 a month after that" is an amount, not 500 of something counted
    ("TCO over 2 years: setup 10k. It is 500 a month after that.",
     ("tco", {"horizon_years": 2.0, "implementation": 10000.0, "software_fees": 6000.0})),
])
def test_figures_written_tersely_fill_their_inputs(message, call):
    calc = read_calculation(message)
    assert calc is not None and calc.calls == [call]


def test_a_recurring_amount_nobody_placed_is_asked_about_not_dropped():
    calc = read_calculation("ROI: we spent 10k and gained 25k; also $300 a month went somewhere")
    assert calc is not None and calc.calls == [] and "$300 a month" in calc.clarification.question


def test_the_same_horizon_said_twice_is_one_horizon_and_a_saving_is_no_cost_of_a_tco():
    calc = read_calculation("- Setup: €10,000\n- Licence: €500 per month\n- Horizon: 2 years\n"
                            "- Savings in staff costs over the 2 years: €30,000\nWhat are the TCO and the ROI?")
    assert calc is not None and calc.clarification is None
    assert dict(calc.calls) == {"tco": {"implementation": 10000.0, "software_fees": 6000.0, "horizon_years": 2.0},
                                "roi": {"cost": 22000.0, "gain": 30000.0}}


def test_a_small_amount_per_month_beside_a_charge_is_a_cost():
    calc = read_calculation("roi: 1.5k setup charge + 49/mo, brought 400/mo extra profit, 12 months in")
    assert calc is not None and calc.calls == [("roi", {"cost": 1500.0 + 49 * 12, "gain": 4800.0})]


def test_amounts_given_for_a_calculation_with_no_role_named_are_asked_about():
    calc, state = _start("Could you work out the ROI of the new tool? The numbers I have are 12,000 and 30,000.")
    assert calc.calls == [] and "12,000" in calc.clarification.question
    turn = read_turn("30k is the gain and 12k is what we paid", state)  # the figures again, with their roles
    assert turn.calculation is not None and turn.calculation.calls == [("roi", {"cost": 12000.0, "gain": 30000.0})]
    first = read_turn("the cost", state)  # or by the buttons, one figure at a time
    assert first.calculation.calls == [] and "30,000" in first.calculation.clarification.question
    second = read_turn("the gain", first.state)
    assert second.calculation.calls == [("roi", {"cost": 12000.0, "gain": 30000.0})]


def test_a_count_of_things_before_a_preposition_stays_a_count():
    calc = read_calculation("TCO over 2 years: setup 10k, licence 300 a month; we have 1,200 on the waitlist")
    assert calc is not None
    assert calc.calls == [("tco", {"horizon_years": 2.0, "implementation": 10000.0, "software_fees": 3600.0})]


def test_a_change_to_one_period_of_a_recurring_amount_never_changes_every_period():
    _, state = _start("What's the IRR on -60,000 now and 25,000 a year for three years?")
    turn = read_turn("Sorry, the second-year return is 10,000, not 25,000.", state)
    assert turn.calculation is None or not turn.calculation.calls or \
        turn.calculation.calls[0][1]["cash_flows"] != [-60000.0, 10000.0, 10000.0, 10000.0]
