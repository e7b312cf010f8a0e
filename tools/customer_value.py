"""Customer Lifetime Value, one of the course's core e-commerce KPIs (Lesson 6.2)."""

from __future__ import annotations

import math
from typing import Annotated, Literal

from pydantic import Field

from tools.base import MAX_AMOUNT, Range, ToolInput, ToolOutput, finite_output


class ClvInput(ToolInput):
    aov: Annotated[
        float, Range(gt=0, le=MAX_AMOUNT, fix="aov is the average order value in money, e.g. 85.")
    ] = Field(description="Average order value.")
    purchases_per_year: Annotated[
        float,
        Range(gt=0, le=1e6, fix="purchases_per_year is orders per customer per year, e.g. 3."),
    ] = Field(description="Orders per customer per year.")
    lifespan_years: Annotated[
        float, Range(gt=0, le=100, fix="lifespan_years is how long a customer stays, e.g. 4.")
    ] = Field(description="Expected customer lifespan in years.")
    gross_margin: (
        Annotated[float, Range(gt=0, le=1, fix="gross_margin is a fraction: 40% is 0.4.")] | None
    ) = Field(
        default=None, description="Gross margin as a fraction; when given, CLV is profit-based."
    )
    discount_rate: (
        Annotated[float, Range(ge=0, le=10, fix="discount_rate is an annual fraction: 10% is 0.1.")]
        | None
    ) = Field(default=None, description="Annual discount rate as a fraction (optional).")


class ClvOutput(ToolOutput):
    clv: float
    basis: Literal["profit", "revenue"]
    annual_value: float = Field(description="Value per customer per year on the chosen basis.")
    formula: str


@finite_output
def clv(params: ClvInput) -> ClvOutput:
    """CLV = AOV × purchases per year × lifespan (× margin), optionally discounted."""
    margin = params.gross_margin
    annual = params.aov * params.purchases_per_year * (margin if margin is not None else 1.0)
    basis: Literal["profit", "revenue"] = "profit" if margin is not None else "revenue"
    value_term = "aov × purchases_per_year" + (" × gross_margin" if margin is not None else "")
    years = params.lifespan_years
    rate = params.discount_rate
    assumptions = [
        f"{basis}-based CLV: "
        + (
            "gross margin applied, so this is gross profit per customer"
            if margin is not None
            else "no gross margin given, so this is revenue per customer, not profit"
        ),
        "order value and purchase frequency stay constant over the lifespan",
    ]
    if rate:
        # Annual value at the end of each year, discounted: an annuity (works for fractional years).
        value = annual * -math.expm1(-years * math.log1p(rate)) / rate
        formula = (
            f"clv = ({value_term}) × (1 − (1 + discount_rate)^−lifespan_years) / discount_rate"
        )
        assumptions.append("each year's value arrives at the end of that year and is discounted")
    else:
        value = annual * years
        formula = f"clv = {value_term} × lifespan_years"
        assumptions.append("not discounted")
    return ClvOutput(
        clv=value,
        basis=basis,
        annual_value=annual,
        formula=formula,
        inputs=params.model_dump(),
        assumptions=assumptions,
    )
