"""A/B test and sample size, checked against scipy.stats (a test-only oracle)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from tools.errors import ToolInputError
from tools.experiments import AbTestInput, SampleSizeInput, ab_test, sample_size
from tools.registry import run_tool

# ----------------------------------------------------------------------------- A/B test


def test_ab_test_matches_a_hand_computed_example():
    out = ab_test(
        AbTestInput(
            control_visitors=10000,
            control_conversions=300,
            variant_visitors=10000,
            variant_conversions=360,
        )
    )
    assert out.control_rate == 0.03 and out.variant_rate == 0.036
    assert out.lift_pct == pytest.approx(20)
    pooled = 660 / 20000
    z = 0.006 / math.sqrt(pooled * (1 - pooled) * 2 / 10000)
    assert out.z == pytest.approx(z)
    assert out.p_value == pytest.approx(2 * stats.norm.sf(z))
    se = math.sqrt(0.03 * 0.97 / 10000 + 0.036 * 0.964 / 10000)
    assert out.ci_low == pytest.approx(0.006 - stats.norm.ppf(0.975) * se)
    assert out.ci_high == pytest.approx(0.006 + stats.norm.ppf(0.975) * se)
    assert out.significant is True


@settings(max_examples=60)
@given(
    n1=st.integers(50, 100000),
    n2=st.integers(50, 100000),
    r1=st.floats(0.01, 0.99),
    r2=st.floats(0.01, 0.99),
)
def test_ab_test_p_value_agrees_with_scipy_chi_square_on_the_two_by_two_table(n1, n2, r1, r2):
    c1, c2 = round(n1 * r1), round(n2 * r2)
    out = ab_test(
        AbTestInput(
            control_visitors=n1, control_conversions=c1, variant_visitors=n2, variant_conversions=c2
        )
    )
    table = [[c1, n1 - c1], [c2, n2 - c2]]
    if c1 + c2 in (0, n1 + n2):
        return
    chi2, p, _, _ = stats.chi2_contingency(table, correction=False)
    assert out.z**2 == pytest.approx(chi2, rel=1e-6, abs=1e-9)
    assert out.p_value == pytest.approx(p, rel=1e-6, abs=1e-12)
    assert out.significant == (p < 0.05)


def test_ab_test_one_sided_halves_the_p_value_in_the_tested_direction():
    args = {
        "control_visitors": 5000,
        "control_conversions": 150,
        "variant_visitors": 5000,
        "variant_conversions": 180,
    }
    two = ab_test(AbTestInput(**args))
    one = ab_test(AbTestInput(**args, two_sided=False))
    assert one.p_value == pytest.approx(two.p_value / 2)
    assert one.p_value == pytest.approx(stats.norm.sf(one.z))
    assert one.ci_low == pytest.approx(
        one.difference
        - stats.norm.ppf(0.95) * ((one.difference - two.ci_low) / stats.norm.ppf(0.975))
    )


def test_ab_test_with_no_conversions_anywhere_is_not_significant_and_has_no_lift():
    out = ab_test(
        AbTestInput(
            control_visitors=100, control_conversions=0, variant_visitors=100, variant_conversions=0
        )
    )
    assert out.z == 0 and out.p_value == 1 and out.significant is False
    assert out.lift_pct is None


def test_ab_test_rejects_more_conversions_than_visitors():
    with pytest.raises(ToolInputError) as err:
        run_tool(
            "ab_test",
            {
                "control_visitors": 100,
                "control_conversions": 120,
                "variant_visitors": 100,
                "variant_conversions": 10,
            },
        )
    assert err.value.fields == ["control_conversions"]
    assert "cannot exceed control_visitors" in err.value.message


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("control_visitors", 0, "greater than 0"),
        ("variant_visitors", 10.5, "whole number"),
        ("variant_conversions", -1, "at least 0"),
        ("alpha", 5, "0.05"),
        ("alpha", 0, "0.05"),
    ],
)
def test_ab_test_rejects_bad_counts_and_alpha(field, value, words):
    args = {
        "control_visitors": 100,
        "control_conversions": 10,
        "variant_visitors": 100,
        "variant_conversions": 12,
        field: value,
    }
    with pytest.raises(ToolInputError) as err:
        run_tool("ab_test", args)
    assert err.value.fields == [field]
    assert words in err.value.message


# ----------------------------------------------------------------------------- sample size


def test_sample_size_matches_the_classic_ten_to_twelve_percent_example():
    out = sample_size(SampleSizeInput(baseline_rate=0.10, target_rate=0.12))
    assert out.n_per_group == 3841
    assert out.total == 7682
    assert "normal approximation for two proportions" in out.method


def _power(n: int, p1: float, p2: float, alpha: float, two_sided: bool) -> float:
    """Power of the pooled two-proportion z-test, normal approximation, via scipy."""
    z_alpha = stats.norm.ppf(1 - alpha / 2 if two_sided else 1 - alpha)
    p_bar = (p1 + p2) / 2
    spread = math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return stats.norm.cdf(
        (abs(p2 - p1) * math.sqrt(n) - z_alpha * math.sqrt(2 * p_bar * (1 - p_bar))) / spread
    )


@settings(max_examples=60)
@given(
    p1=st.floats(0.01, 0.9),
    lift=st.floats(0.05, 1.0),
    alpha=st.sampled_from([0.01, 0.05, 0.1]),
    power=st.sampled_from([0.8, 0.9]),
    two_sided=st.booleans(),
)
def test_sample_size_is_the_smallest_n_reaching_the_power_by_scipy(
    p1, lift, alpha, power, two_sided
):
    p2 = p1 * (1 + lift)
    if p2 >= 1:
        return
    out = sample_size(
        SampleSizeInput(
            baseline_rate=p1,
            mde=lift,
            mde_type="relative",
            alpha=alpha,
            power=power,
            two_sided=two_sided,
        )
    )
    n = out.n_per_group
    assert out.target_rate == pytest.approx(p2)
    assert _power(n, p1, p2, alpha, two_sided) >= power - 1e-9
    assert n == 1 or _power(n - 1, p1, p2, alpha, two_sided) < power


def test_sample_size_accepts_an_absolute_mde():
    out = sample_size(SampleSizeInput(baseline_rate=0.10, mde=0.02, mde_type="absolute"))
    assert out.target_rate == pytest.approx(0.12)
    assert out.n_per_group == 3841


@pytest.mark.parametrize(
    ("args", "fields"),
    [
        ({"baseline_rate": 0.1}, ["target_rate", "mde"]),
        ({"baseline_rate": 0.1, "target_rate": 0.12, "mde": 0.2}, ["target_rate", "mde"]),
        ({"baseline_rate": 0.1, "target_rate": 0.1}, ["target_rate"]),
        ({"baseline_rate": 0.6, "mde": 1.0}, ["mde"]),
        ({"baseline_rate": 3, "target_rate": 0.1}, ["baseline_rate"]),
        ({"baseline_rate": 0.1, "target_rate": 0.12, "power": 80}, ["power"]),
    ],
)
def test_sample_size_rejects_inconsistent_targets(args, fields):
    with pytest.raises(ToolInputError) as err:
        run_tool("sample_size", args)
    assert err.value.fields == fields


def test_sample_size_rejects_an_undetectably_small_difference():
    with pytest.raises(ToolInputError) as err:
        run_tool("sample_size", {"baseline_rate": 0.1, "mde": 1e-300})
    assert err.value.fields == ["mde"]
