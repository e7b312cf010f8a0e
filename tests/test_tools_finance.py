"""TCO, ROI, payback, NPV and IRR: the course's formulas, numpy-financial as the oracle."""

from __future__ import annotations

import math

import numpy_financial as npf
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tools.errors import ToolInputError
from tools.finance import (
    IrrInput,
    NpvInput,
    PaybackInput,
    RoiInput,
    TcoInput,
    irr,
    npv,
    payback_period,
    roi,
    tco,
)
from tools.registry import run_tool

money = st.floats(min_value=1.0, max_value=1e9, allow_nan=False, allow_infinity=False)

# ----------------------------------------------------------------------------- TCO


def test_tco_adds_one_time_costs_to_recurring_costs_over_the_horizon():
    out = tco(
        TcoInput(
            implementation=40000,
            data_integration=15000,
            training=5000,
            software_fees=24000,
            maintenance=6000,
            internal_resources=10000,
            horizon_years=3,
        )
    )
    assert out.one_time == 60000
    assert out.recurring_per_year == 40000
    assert out.recurring_total == 120000
    assert out.total == 180000
    assert out.breakdown["software_fees"] == 72000
    assert out.breakdown["implementation"] == 40000
    assert sum(out.breakdown.values()) == out.total
    assert "horizon_years" in out.formula


def test_tco_horizon_defaults_to_one_year_and_names_items_counted_as_zero():
    out = tco(TcoInput(implementation=1000, software_fees=500))
    assert out.total == 1500
    assert out.inputs["horizon_years"] == 1
    assert any("counted as 0" in a and "training" in a for a in out.assumptions)


@pytest.mark.parametrize(
    ("field", "value"), [("training", -1), ("horizon_years", 0), ("maintenance", "lots")]
)
def test_tco_rejects_negative_costs_zero_horizon_and_text(field, value):
    with pytest.raises(ToolInputError) as err:
        run_tool("tco", {field: value})
    assert err.value.fields == [field]


# ----------------------------------------------------------------------------- ROI


def test_roi_uses_the_course_formula():
    out = roi(RoiInput(gain=250000, cost=180000))
    assert out.roi_pct == pytest.approx((250000 - 180000) / 180000 * 100)
    assert out.net_return == 70000
    assert out.formula == "roi_pct = (gain − cost) / cost × 100"


def test_roi_of_a_loss_is_negative():
    assert roi(RoiInput(gain=50, cost=100)).roi_pct == -50


@given(money)
def test_roi_is_zero_when_gain_equals_cost(amount):
    assert roi(RoiInput(gain=amount, cost=amount)).roi_pct == 0


def test_roi_rejects_a_zero_cost_because_it_divides():
    with pytest.raises(ToolInputError) as err:
        run_tool("roi", {"gain": 100, "cost": 0})
    assert err.value.fields == ["cost"]
    assert "greater than 0" in err.value.message


# ----------------------------------------------------------------------------- payback


def test_payback_period_divides_cost_by_monthly_benefit():
    out = payback_period(PaybackInput(upfront_cost=60000, monthly_benefit=5000))
    assert out.months == 12 and out.years == 1 and out.pays_back


@pytest.mark.parametrize("benefit", [0, -100])
def test_payback_period_says_never_when_benefit_is_not_positive(benefit):
    out = payback_period(PaybackInput(upfront_cost=1000, monthly_benefit=benefit))
    assert out.months is None and out.pays_back is False
    assert out.message.startswith("never pays back")


@given(cost=money, benefit=money)
def test_payback_months_times_monthly_benefit_is_the_cost(cost, benefit):
    out = payback_period(PaybackInput(upfront_cost=cost, monthly_benefit=benefit))
    assert out.months is not None
    assert out.months * benefit == pytest.approx(cost, rel=1e-12)


def test_payback_period_turns_an_overflow_into_an_error():
    with pytest.raises(ToolInputError) as err:
        run_tool("payback_period", {"upfront_cost": 1e15, "monthly_benefit": 1e-320})
    assert "too extreme" in err.value.message


# ----------------------------------------------------------------------------- NPV


def test_npv_matches_a_hand_computed_example():
    out = npv(NpvInput(rate=0.1, cash_flows=[-1000, 500, 500, 500]))
    assert out.npv == pytest.approx(-1000 + 500 / 1.1 + 500 / 1.21 + 500 / 1.331)
    assert out.periods == 4


flows = st.lists(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), min_size=1, max_size=30)


@settings(max_examples=60)
@given(rate=st.floats(min_value=-0.9, max_value=2.0), cash_flows=flows)
def test_npv_agrees_with_numpy_financial(rate, cash_flows):
    ours = npv(NpvInput(rate=rate, cash_flows=cash_flows)).npv
    theirs = float(npf.npv(rate, cash_flows))
    scale = sum(abs(cf) * (1 + rate) ** -t for t, cf in enumerate(cash_flows)) + 1
    assert ours == pytest.approx(theirs, abs=1e-9 * scale)


def test_npv_warns_when_the_rate_looks_like_a_percentage():
    out = npv(NpvInput(rate=8, cash_flows=[-100, 200]))
    assert any("for 8% use 0.08" in a for a in out.assumptions)


@pytest.mark.parametrize("rate", [-1, -2, "8%"])
def test_npv_rejects_rates_at_or_below_minus_one_and_percent_strings(rate):
    with pytest.raises(ToolInputError) as err:
        run_tool("npv", {"rate": rate, "cash_flows": [-100, 50]})
    assert err.value.fields == ["rate"]
    assert "0.08" in err.value.message


def test_npv_with_a_rate_near_minus_one_over_many_periods_is_an_error_not_infinity():
    with pytest.raises(ToolInputError):
        run_tool("npv", {"rate": -0.999999, "cash_flows": [1e6] * 600})


def test_npv_names_the_bad_cash_flow():
    with pytest.raises(ToolInputError) as err:
        run_tool("npv", {"rate": 0.1, "cash_flows": [-100, "abc", float("nan")]})
    assert err.value.fields == ["cash_flows[1]", "cash_flows[2]"]


# ----------------------------------------------------------------------------- IRR


def test_irr_matches_a_textbook_example():
    out = irr(IrrInput(cash_flows=[-100, 39, 59, 55, 20]))
    assert out.irr == pytest.approx(0.28094842115996, abs=1e-10)
    assert out.irr_pct == pytest.approx(28.094842115996, abs=1e-8)


@settings(max_examples=40, deadline=None)
@given(
    invest=st.floats(min_value=1, max_value=1e6),
    # Money amounts: zero or at least a cent (denormal floats break numpy's root finder).
    returns=st.lists(
        st.one_of(st.just(0.0), st.floats(min_value=0.01, max_value=1e6)), min_size=1, max_size=12
    ),
)
def test_irr_agrees_with_numpy_financial_for_conventional_cash_flows(invest, returns):
    assume(sum(returns) > 1e-6 * invest)  # a root that float precision can locate
    cash_flows = [-invest, *returns]
    expected = float(npf.irr(cash_flows))
    assume(not math.isnan(expected) and expected < 1e6)
    out = irr(IrrInput(cash_flows=cash_flows))
    assert out.irr == pytest.approx(expected, rel=1e-6, abs=1e-9)
    # and it really is a root of NPV
    assert float(npf.npv(out.irr, cash_flows)) == pytest.approx(0, abs=1e-6 * invest)


@pytest.mark.parametrize("cash_flows", [[100, 200, 300], [-5, -1, 0], [0, 0]])
def test_irr_says_there_is_none_when_cash_flows_never_change_sign(cash_flows):
    out = irr(IrrInput(cash_flows=cash_flows))
    assert out.irr is None
    assert out.message == "no IRR: cash flows never change sign, so NPV is never 0"


def test_irr_reports_every_root_and_the_one_closest_to_zero_for_non_conventional_flows():
    # (1+r)^2 − 2.3(1+r) + 1.32 = 0 at 1+r = 1.1 and 1.2: IRRs of 10% and 20%.
    out = irr(IrrInput(cash_flows=[-1, 2.3, -1.32]))
    assert out.all_irrs == pytest.approx([0.1, 0.2], abs=1e-12)
    assert out.irr == pytest.approx(0.1, abs=1e-12)
    assert any("several IRRs" in a for a in out.assumptions)


def test_irr_finds_a_very_large_rate_without_overflow():
    out = irr(IrrInput(cash_flows=[-1, 1e6]))
    assert out.irr == pytest.approx(999999, rel=1e-9)


def test_irr_handles_six_hundred_periods_of_huge_amounts():
    out = irr(IrrInput(cash_flows=[-1e15] + [1e13] * 599))
    assert out.irr is not None and math.isfinite(out.irr)
    assert float(npf.npv(out.irr, [-1e15] + [1e13] * 599)) == pytest.approx(0, abs=1e3)
