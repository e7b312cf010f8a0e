"""A/B tests with control groups, the course's gold standard for attributing impact to an AI
feature (Lesson 6.2): the two-proportion z-test and the sample size it needs.

Normal quantiles come from the standard library's `statistics.NormalDist`, so nothing heavy is
imported at run time.
"""

from __future__ import annotations

import math
from statistics import NormalDist
from typing import Annotated, Literal

from pydantic import Field, model_validator

from tools.base import MAX_COUNT, Range, ToolInput, ToolOutput, finite_output
from tools.errors import ToolInputError

_Z = NormalDist()
MAX_SAMPLE = 1e12

Visitors = Annotated[
    int, Range(gt=0, le=MAX_COUNT, integer=True, fix="Visitors is a count of people, e.g. 12000.")
]
Conversions = Annotated[
    int, Range(ge=0, le=MAX_COUNT, integer=True, fix="Conversions is a count, e.g. 360.")
]
Alpha = Annotated[
    float,
    Range(gt=0, lt=0.5, fix="alpha is the significance level as a fraction: 5% is 0.05."),
]
Rate = Annotated[
    float,
    Range(gt=0, lt=1, fix="A conversion rate is a fraction strictly between 0 and 1: 3% is 0.03."),
]


# ----------------------------------------------------------------------------- A/B test


class AbTestInput(ToolInput):
    control_visitors: Visitors = Field(description="Visitors (or users) in the control group.")
    control_conversions: Conversions = Field(description="Conversions in the control group.")
    variant_visitors: Visitors = Field(description="Visitors exposed to the AI variant.")
    variant_conversions: Conversions = Field(description="Conversions in the variant group.")
    alpha: Alpha = Field(default=0.05, description="Significance level (default 0.05).")
    two_sided: bool = Field(
        default=True,
        description="true: any difference; false: only 'variant converts better than control'.",
    )

    @model_validator(mode="after")
    def _conversions_within_visitors(self) -> AbTestInput:
        problems, fields = [], []
        for group in ("control", "variant"):
            visitors = getattr(self, f"{group}_visitors")
            conversions = getattr(self, f"{group}_conversions")
            if conversions > visitors:
                problems.append(
                    f"{group}_conversions ({conversions}) cannot exceed {group}_visitors "
                    f"({visitors}); each visitor converts at most once, so check that both "
                    "counts cover the same period and unit."
                )
                fields.append(f"{group}_conversions")
        if problems:
            raise ToolInputError(" ".join(problems), fields)
        return self


class AbTestOutput(ToolOutput):
    control_rate: float
    variant_rate: float
    difference: float = Field(description="variant_rate − control_rate (absolute).")
    lift_pct: float | None = Field(
        description="Relative lift, (variant − control) / control × 100; null if control is 0."
    )
    z: float
    p_value: float
    ci_low: float = Field(description="Lower bound of the interval for the difference.")
    ci_high: float = Field(description="Upper bound of the interval for the difference.")
    ci_level: float
    significant: bool
    method: str = (
        "two-proportion z-test with pooled standard error; confidence interval for the "
        "difference from the unpooled (Wald) standard error"
    )


@finite_output
def ab_test(params: AbTestInput) -> AbTestOutput:
    """Is the variant's conversion rate different from (or, one-sided, above) the control's?"""
    n1, n2 = params.control_visitors, params.variant_visitors
    p1, p2 = params.control_conversions / n1, params.variant_conversions / n2
    diff = p2 - p1
    pooled = (params.control_conversions + params.variant_conversions) / (n1 + n2)
    se_pooled = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    se = math.sqrt(p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
    assumptions = [
        (
            "each visitor is counted once and converts at most once; groups are independent and "
            "randomly assigned"
        ),
        (
            "the normal approximation needs roughly 10+ conversions and 10+ non-conversions "
            "per group"
        ),
    ]
    if se_pooled == 0:
        z = 0.0
        assumptions.append(
            "both groups converted at the same 0% or 100%, so there is no evidence of a "
            "difference: z is 0 and p is 1"
        )
    else:
        z = diff / se_pooled
    if params.two_sided:
        p_value = 2 * _Z.cdf(-abs(z)) if se_pooled else 1.0
        ci_level = 1 - params.alpha
        z_crit = _Z.inv_cdf(1 - params.alpha / 2)
        assumptions.append(f"two-sided test at alpha = {params.alpha:g}")
    else:
        p_value = _Z.cdf(-z) if se_pooled else 1.0
        ci_level = 1 - 2 * params.alpha
        z_crit = _Z.inv_cdf(1 - params.alpha)
        assumptions.append(
            f"one-sided test (variant better than control) at alpha = {params.alpha:g}; the "
            f"interval is two-sided at {ci_level:.0%} so its lower bound is the one-sided bound"
        )
    lift = diff / p1 * 100 if p1 > 0 else None
    if lift is None:
        assumptions.append("relative lift is undefined because the control rate is 0")
    return AbTestOutput(
        control_rate=p1,
        variant_rate=p2,
        difference=diff,
        lift_pct=lift,
        z=z,
        p_value=min(1.0, p_value),
        ci_low=diff - z_crit * se,
        ci_high=diff + z_crit * se,
        ci_level=ci_level,
        significant=p_value < params.alpha,
        inputs=params.model_dump(),
        assumptions=assumptions,
    )


# ----------------------------------------------------------------------------- sample size


class SampleSizeInput(ToolInput):
    baseline_rate: Rate = Field(description="Current conversion rate as a fraction (0.03 for 3%).")
    target_rate: Rate | None = Field(
        default=None, description="Conversion rate you want to detect. Give this or mde."
    )
    mde: (
        Annotated[
            float,
            Range(
                gt=-1,
                lt=1e6,
                fix="mde is the minimum detectable effect: with mde_type 'relative', 0.1 is a 10% "
                "lift; with 'absolute', 0.01 is one percentage point.",
            ),
        ]
        | None
    ) = Field(default=None, description="Minimum detectable effect. Give this or target_rate.")
    mde_type: Literal["absolute", "relative"] = Field(
        default="relative",
        description="'relative': target = baseline × (1 + mde); 'absolute': baseline + mde.",
    )
    alpha: Alpha = Field(default=0.05, description="Significance level (default 0.05).")
    power: Annotated[float, Range(gt=0.5, lt=1, fix="power is a fraction: 80% is 0.8.")] = Field(
        default=0.8, description="Probability of detecting the effect (default 0.8)."
    )
    two_sided: bool = True

    @model_validator(mode="after")
    def _one_target(self) -> SampleSizeInput:
        if (self.target_rate is None) == (self.mde is None):
            raise ToolInputError(
                "give exactly one of target_rate (e.g. 0.035) or mde (e.g. 0.1 with "
                "mde_type 'relative' for a 10% lift)",
                ["target_rate", "mde"],
            )
        target = self.resolved_target()
        if not 0 < target < 1:
            raise ToolInputError(
                f"mde {self.mde:g} ({self.mde_type}) moves the baseline {self.baseline_rate:g} "
                f"to {target:g}, which is not a rate between 0 and 1; use a smaller mde",
                ["mde"],
            )
        if target == self.baseline_rate:
            field = "target_rate" if self.target_rate is not None else "mde"
            raise ToolInputError(
                f"{field} gives no difference from baseline_rate; there is nothing to detect",
                [field],
            )
        return self

    def resolved_target(self) -> float:
        if self.target_rate is not None:
            return self.target_rate
        mde = self.mde or 0.0
        if self.mde_type == "absolute":
            return self.baseline_rate + mde
        return self.baseline_rate * (1 + mde)


class SampleSizeOutput(ToolOutput):
    n_per_group: int
    total: int
    baseline_rate: float
    target_rate: float
    method: str = (
        "normal approximation for two proportions: n = (z_α·√(2·p̄(1−p̄)) + "
        "z_β·√(p1(1−p1) + p2(1−p2)))² / (p2 − p1)², p̄ = (p1 + p2)/2, rounded up"
    )


@finite_output
def sample_size(params: SampleSizeInput) -> SampleSizeOutput:
    """Visitors needed per group to detect baseline → target with the given alpha and power."""
    p1, p2 = params.baseline_rate, params.resolved_target()
    tail = params.alpha / 2 if params.two_sided else params.alpha
    z_alpha = _Z.inv_cdf(1 - tail)
    z_beta = _Z.inv_cdf(params.power)
    p_bar = (p1 + p2) / 2
    numerator = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(
        p1 * (1 - p1) + p2 * (1 - p2)
    )
    n = numerator**2 / (p2 - p1) ** 2
    if n > MAX_SAMPLE:
        raise ToolInputError(
            f"detecting {p1:g} → {p2:g} needs more than {MAX_SAMPLE:.0e} visitors per group; "
            "test for a larger effect",
            ["target_rate" if params.target_rate is not None else "mde"],
        )
    # Guard against float noise turning an exact integer into the next one up.
    n_per_group = math.ceil(n - 1e-9)
    return SampleSizeOutput(
        n_per_group=n_per_group,
        total=2 * n_per_group,
        baseline_rate=p1,
        target_rate=p2,
        inputs=params.model_dump(),
        assumptions=[
            (
                f"{'two' if params.two_sided else 'one'}-sided test, alpha = {params.alpha:g}, "
                f"power = {params.power:g}"
            ),
            "equal group sizes; each visitor counted once",
        ],
    )
