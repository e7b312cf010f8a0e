"""The money side of an AI business case (Lesson 6.2, "Calculating and Communicating the ROI
of AI Projects"): total cost of ownership, the course's ROI formula, payback, NPV and IRR."""

from __future__ import annotations

import itertools
import math
from typing import Annotated

from pydantic import Field

from tools.base import MAX_AMOUNT, Range, ToolInput, ToolOutput, finite_output

COST_FIX = "Costs are amounts of money, e.g. 25000 (no currency sign needed)."
Cost = Annotated[float, Range(ge=0, le=MAX_AMOUNT, fix=COST_FIX)]
PositiveCost = Annotated[float, Range(gt=0, le=MAX_AMOUNT, fix=COST_FIX)]
Amount = Annotated[float, Range(ge=-MAX_AMOUNT, le=MAX_AMOUNT)]
RATE_FIX = "A rate is a fraction per period: 8% per year is 0.08."
MAX_PERIODS = 600  # fifty years of monthly cash flows

# ----------------------------------------------------------------------------- TCO

ONE_TIME = ("implementation", "data_integration", "training")
RECURRING = ("software_fees", "maintenance", "internal_resources")


class TcoInput(ToolInput):
    implementation: Cost = Field(default=0, description="One-time implementation cost.")
    data_integration: Cost = Field(default=0, description="One-time data integration cost.")
    training: Cost = Field(default=0, description="One-time staff training cost.")
    software_fees: Cost = Field(default=0, description="Software/platform fees per year.")
    maintenance: Cost = Field(default=0, description="Ongoing maintenance per year.")
    internal_resources: Cost = Field(
        default=0, description="Internal staff time allocated, in money per year."
    )
    horizon_years: Annotated[
        float, Range(gt=0, le=50, fix="The horizon is in years, e.g. 3 for a three-year TCO.")
    ] = Field(default=1, description="Years of recurring costs to include (default 1).")


class TcoOutput(ToolOutput):
    total: float
    one_time: float
    recurring_per_year: float
    recurring_total: float
    breakdown: dict[str, float] = Field(
        description="Each cost item over the horizon (recurring items × horizon_years)."
    )
    formula: str = (
        "total = (implementation + data_integration + training) "
        "+ (software_fees + maintenance + internal_resources) × horizon_years"
    )


@finite_output
def tco(params: TcoInput) -> TcoOutput:
    """Total cost of ownership of an AI initiative over a horizon, undiscounted."""
    one_time = sum(getattr(params, k) for k in ONE_TIME)
    per_year = sum(getattr(params, k) for k in RECURRING)
    recurring_total = per_year * params.horizon_years
    breakdown = {k: float(getattr(params, k)) for k in ONE_TIME}
    breakdown |= {k: getattr(params, k) * params.horizon_years for k in RECURRING}
    missing = [k for k in (*ONE_TIME, *RECURRING) if k not in params.model_fields_set]
    assumptions = [
        (
            "the cost items are the usual TCO list: software/platform fees, implementation, "
            "data integration, training, maintenance and the staff time it takes"
        ),
        "recurring costs are the same every year and are not discounted",
    ]
    if missing:
        assumptions.append("not given, counted as 0: " + ", ".join(missing))
    return TcoOutput(
        total=one_time + recurring_total,
        one_time=one_time,
        recurring_per_year=per_year,
        recurring_total=recurring_total,
        breakdown=breakdown,
        inputs=params.model_dump(),
        assumptions=assumptions,
    )


# ----------------------------------------------------------------------------- ROI


class RoiInput(ToolInput):
    gain: Amount = Field(
        description="Net profit or savings attributable to the AI initiative over the period "
        "(before subtracting the investment); negative for a loss."
    )
    cost: PositiveCost = Field(
        description="Cost of the AI investment over the same period, e.g. a TCO total (> 0)."
    )


class RoiOutput(ToolOutput):
    roi_pct: float
    net_return: float
    formula: str = "roi_pct = (gain − cost) / cost × 100"


@finite_output
def roi(params: RoiInput) -> RoiOutput:
    """The course's ROI: (Net Profit from AI − Cost of AI Investment) / Cost × 100%."""
    net = params.gain - params.cost
    return RoiOutput(
        roi_pct=net / params.cost * 100,
        net_return=net,
        inputs=params.model_dump(),
        assumptions=[
            (
                "ROI = (net gain − cost) / cost × 100%, the standard formula"
            ),
            "gain and cost cover the same period; cost should be the full TCO",
            (
                "gain is what can be attributed to the AI initiative (e.g. via an A/B test "
                "with a control group, the course's gold standard)"
            ),
        ],
    )


# ----------------------------------------------------------------------------- payback


class PaybackInput(ToolInput):
    upfront_cost: Cost = Field(description="Up-front investment.")
    monthly_benefit: Amount = Field(
        description="Net benefit per month (savings or profit after running costs)."
    )


class PaybackOutput(ToolOutput):
    months: float | None = Field(description="Months to recover the cost; null if never.")
    years: float | None
    pays_back: bool
    message: str
    formula: str = "months = upfront_cost / monthly_benefit"


@finite_output
def payback_period(params: PaybackInput) -> PaybackOutput:
    """Simple (undiscounted) payback period in months."""
    assumptions = ["the monthly benefit is constant and undiscounted"]
    if params.upfront_cost == 0:
        return PaybackOutput(
            months=0.0,
            years=0.0,
            pays_back=True,
            message="nothing to pay back: the cost is 0",
            inputs=params.model_dump(),
            assumptions=assumptions,
        )
    if params.monthly_benefit <= 0:
        return PaybackOutput(
            months=None,
            years=None,
            pays_back=False,
            message="never pays back: the monthly benefit is not positive "
            f"({params.monthly_benefit:g}), so the cost is never recovered",
            inputs=params.model_dump(),
            assumptions=assumptions,
        )
    months = params.upfront_cost / params.monthly_benefit
    return PaybackOutput(
        months=months,
        years=months / 12,
        pays_back=True,
        message=f"pays back in {months:.1f} months",
        inputs=params.model_dump(),
        assumptions=assumptions,
    )


# ----------------------------------------------------------------------------- NPV / IRR

CashFlows = Annotated[
    list[Amount],
    Field(
        min_length=1,
        max_length=MAX_PERIODS,
        description="Net cash flow per period, period 0 (usually the negative investment) first.",
    ),
]


class NpvInput(ToolInput):
    rate: Annotated[float, Range(gt=-1, le=100, fix=RATE_FIX)] = Field(
        description="Discount rate per period as a fraction (0.08 for 8%)."
    )
    cash_flows: CashFlows


class NpvOutput(ToolOutput):
    npv: float
    periods: int
    formula: str = "npv = Σ cash_flows[t] / (1 + rate)^t, t = 0 … n−1 (period 0 undiscounted)"


@finite_output
def npv(params: NpvInput) -> NpvOutput:
    """Net present value; the first cash flow is at period 0 and is not discounted."""
    base = 1 + params.rate
    value = math.fsum(cf * base**-t for t, cf in enumerate(params.cash_flows))
    assumptions = ["cash flows fall at the end of each period; period 0 is today"]
    if params.rate > 1:
        assumptions.append(
            f"rate {params.rate:g} means {params.rate * 100:g}% per period; for "
            f"{params.rate:g}% use {params.rate / 100:g}"
        )
    return NpvOutput(
        npv=value,
        periods=len(params.cash_flows),
        inputs=params.model_dump(),
        assumptions=assumptions,
    )


class IrrInput(ToolInput):
    cash_flows: CashFlows


class IrrOutput(ToolOutput):
    irr: float | None = Field(description="Rate per period as a fraction; null when none exists.")
    irr_pct: float | None
    all_irrs: list[float] = Field(description="Every rate found where NPV = 0, ascending.")
    message: str
    method: str = (
        "bisection on the sign of NPV(rate) after a scan of rates from −99.9999998% to "
        "+4.85e10% per period; with several roots the one closest to 0 is reported "
        "(numpy-financial's convention)"
    )


# Scan points in u = ln(1 + rate): fine near 0, where real IRRs live, coarser far out.
_SCAN = sorted(
    {round(-20 + 0.05 * i, 6) for i in range(381)}
    | {round(-1 + 0.005 * i, 6) for i in range(401)}
    | {round(1 + 0.05 * i, 6) for i in range(381)}
)


def _npv_sign_at(u: float, flows: list[float]) -> float:
    """NPV at rate = e^u − 1, scaled by a positive factor so it never overflows."""
    acc = 0.0
    if u >= 0:  # x = 1/(1+r) ≤ 1: Horner in x from the last period down is bounded
        x = math.exp(-u)
        for cf in reversed(flows):
            acc = acc * x + cf
    else:  # 1+r < 1: divide by x^T and use y = 1+r < 1 instead
        y = math.exp(u)
        for cf in flows:
            acc = acc * y + cf
    return acc


def _bisect(lo: float, hi: float, f_lo: float, flows: list[float]) -> float:
    for _ in range(200):
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        f_mid = _npv_sign_at(mid, flows)
        if f_mid == 0:
            return mid
        if (f_mid > 0) == (f_lo > 0):
            lo, f_lo = mid, f_mid
        else:
            hi = mid
    return (lo + hi) / 2


def _sign_changes(flows: list[float]) -> int:
    signs = [cf > 0 for cf in flows if cf != 0]
    return sum(a != b for a, b in itertools.pairwise(signs))


@finite_output
def irr(params: IrrInput) -> IrrOutput:
    """Internal rate of return: the rate per period at which NPV is 0."""
    flows = list(params.cash_flows)
    changes = _sign_changes(flows)
    assumptions = ["cash flows are per period, period 0 first; IRR is a rate per period"]
    if changes == 0:
        return IrrOutput(
            irr=None,
            irr_pct=None,
            all_irrs=[],
            message="no IRR: cash flows never change sign, so NPV is never 0",
            inputs=params.model_dump(),
            assumptions=assumptions,
        )
    roots: list[float] = []
    previous_u, previous_f = _SCAN[0], _npv_sign_at(_SCAN[0], flows)
    if previous_f == 0:
        roots.append(previous_u)
    for u in _SCAN[1:]:
        f = _npv_sign_at(u, flows)
        if f == 0:
            roots.append(u)
        elif previous_f != 0 and (f > 0) != (previous_f > 0):
            roots.append(_bisect(previous_u, u, previous_f, flows))
        previous_u, previous_f = u, f
    rates = sorted({math.expm1(u) for u in roots})
    if changes > 1:
        assumptions.append(
            f"the cash flows change sign {changes} times, so there may be several IRRs; "
            "NPV at your cost of capital is the safer decision rule"
        )
    if not rates:
        return IrrOutput(
            irr=None,
            irr_pct=None,
            all_irrs=[],
            message="no IRR found: NPV does not cross 0 at any rate from −99.9999998% "
            "to +4.85e10% per period",
            inputs=params.model_dump(),
            assumptions=assumptions,
        )
    best = min(rates, key=abs)
    return IrrOutput(
        irr=best,
        irr_pct=best * 100,
        all_irrs=rates,
        message=f"IRR = {best * 100:.4g}% per period"
        + (f" ({len(rates)} rates give NPV = 0)" if len(rates) > 1 else ""),
        inputs=params.model_dump(),
        assumptions=assumptions,
    )
