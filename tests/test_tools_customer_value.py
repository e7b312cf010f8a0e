"""clv: revenue- or profit-based, optionally discounted, and says which."""

from __future__ import annotations

import pytest

from tools.customer_value import ClvInput, clv
from tools.errors import ToolInputError
from tools.registry import run_tool


def test_clv_without_margin_is_revenue_based_and_says_so():
    out = clv(ClvInput(aov=85, purchases_per_year=3, lifespan_years=4))
    assert out.clv == 1020
    assert out.basis == "revenue"
    assert any("not profit" in a for a in out.assumptions)


def test_clv_with_margin_is_profit_based():
    out = clv(ClvInput(aov=85, purchases_per_year=3, lifespan_years=4, gross_margin=0.4))
    assert out.clv == pytest.approx(408)
    assert out.basis == "profit"
    assert "gross_margin" in out.formula


def test_clv_discounts_each_year_s_value_at_the_end_of_the_year():
    out = clv(ClvInput(aov=100, purchases_per_year=1, lifespan_years=3, discount_rate=0.1))
    assert out.clv == pytest.approx(100 / 1.1 + 100 / 1.1**2 + 100 / 1.1**3)


def test_clv_with_a_zero_discount_rate_is_undiscounted():
    out = clv(ClvInput(aov=100, purchases_per_year=2, lifespan_years=3, discount_rate=0))
    assert out.clv == 600


@pytest.mark.parametrize(
    ("field", "value", "fix"),
    [
        ("gross_margin", 40, "40% is 0.4"),
        ("gross_margin", 0, "40% is 0.4"),
        ("aov", -10, "average order value"),
        ("lifespan_years", 0, "how long a customer stays"),
        ("discount_rate", -0.1, "10% is 0.1"),
        ("purchases_per_year", "often", "orders per customer per year"),
    ],
)
def test_clv_rejects_bad_inputs_with_the_fix(field, value, fix):
    args = {"aov": 85, "purchases_per_year": 3, "lifespan_years": 4, field: value}
    with pytest.raises(ToolInputError) as err:
        run_tool("clv", args)
    assert err.value.fields == [field]
    assert fix in err.value.message
