"""Prioritising AI initiatives (Lesson 6.1, "Prioritizing AI Projects"): RICE, ICE, a
Value-vs-Effort matrix and the short-term-win / long-term-bet roadmap split."""

from __future__ import annotations

import statistics
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from tools.base import MAX_AMOUNT, MAX_COUNT, Range, ToolInput, ToolOutput, finite_output
from tools.errors import ToolInputError

# The RICE impact scale (Intercom's convention, which the course's RICE refers to).
IMPACT_SCALE: dict[str, float] = {
    "massive": 3.0,
    "high": 2.0,
    "medium": 1.0,
    "low": 0.5,
    "minimal": 0.25,
}
SCALE_TEXT = "3 = massive, 2 = high, 1 = medium, 0.5 = low, 0.25 = minimal"
RICE_FORMULA = "score = reach × impact × confidence / effort"

CONFIDENCE_FIX = "Confidence is a fraction between 0 and 1: for 80% use 0.8."
REACH_FIX = "Reach is how many people or events the initiative touches per period, e.g. 5000."
EFFORT_FIX = "Effort is in person-months, e.g. 2 for two people working one month."
INITIATIVE_CONFIDENCE_FIX = "For RICE use a fraction (0.8 for 80%); for ICE a score from 1 to 10."
TEN_POINT_FIX = "ICE scores each factor from 1 (lowest) to 10 (highest)."

Reach = Annotated[float, Range(gt=0, le=MAX_COUNT, fix=REACH_FIX)]
Confidence = Annotated[float, Range(gt=0, le=1, fix=CONFIDENCE_FIX)]
Effort = Annotated[float, Range(gt=0, le=1e6, fix=EFFORT_FIX)]
TenPoint = Annotated[float, Range(ge=1, le=10, fix=TEN_POINT_FIX)]


def rice_impact(value: Any) -> float:
    """Accept 3/2/1/0.5/0.25 or their names; anything else is off the scale."""
    if isinstance(value, str) and value.strip().lower() in IMPACT_SCALE:
        return IMPACT_SCALE[value.strip().lower()]
    number: float | None = None
    if isinstance(value, int | float | str) and not isinstance(value, bool):
        try:
            number = float(value.strip() if isinstance(value, str) else value)
        except (ValueError, OverflowError):
            number = None
    if number is None or number not in IMPACT_SCALE.values():
        raise ValueError(f"must be on the RICE impact scale ({SCALE_TEXT}); got {value!r}.")
    return number


# ----------------------------------------------------------------------------- RICE


class RiceInput(ToolInput):
    reach: Reach = Field(description="People or events reached per period (e.g. per quarter).")
    impact: float = Field(
        description=f"Impact per person on the RICE scale: {SCALE_TEXT}.",
        json_schema_extra={"enum": sorted(IMPACT_SCALE.values(), reverse=True)},
    )
    confidence: Confidence = Field(description="Confidence in the estimates, a fraction in (0, 1].")
    effort: Effort = Field(description="Effort in person-months (> 0).")

    _impact = field_validator("impact", mode="before")(rice_impact)


class RiceOutput(ToolOutput):
    score: float
    formula: str = RICE_FORMULA


def _rice(reach: float, impact: float, confidence: float, effort: float) -> float:
    return reach * impact * confidence / effort


@finite_output
def rice_score(params: RiceInput) -> RiceOutput:
    """RICE = Reach × Impact × Confidence / Effort."""
    return RiceOutput(
        score=_rice(params.reach, params.impact, params.confidence, params.effort),
        inputs=params.model_dump(),
        assumptions=[
            f"impact uses the RICE scale {SCALE_TEXT}",
            "reach and effort cover the same period for every initiative you compare",
        ],
    )


# ----------------------------------------------------------------------------- ICE


class IceInput(ToolInput):
    impact: TenPoint = Field(description="Expected impact, 1 (lowest) to 10 (highest).")
    confidence: TenPoint = Field(description="Confidence in the impact estimate, 1 to 10.")
    ease: TenPoint = Field(description="Ease of implementation, 1 (hardest) to 10 (easiest).")
    aggregate: Literal["product", "mean"] = Field(
        default="product", description="'product' (I × C × E, 1–1000) or 'mean' ((I+C+E)/3, 1–10)."
    )


class IceOutput(ToolOutput):
    score: float
    convention: str


ICE_CONVENTIONS = {
    "product": "score = impact × confidence × ease (each 1–10, score 1–1000)",
    "mean": "score = (impact + confidence + ease) / 3 (each 1–10, score 1–10)",
}


def _ice(impact: float, confidence: float, ease: float, aggregate: str) -> float:
    if aggregate == "mean":
        return (impact + confidence + ease) / 3
    return impact * confidence * ease


@finite_output
def ice_score(params: IceInput) -> IceOutput:
    """ICE = Impact × Confidence × Ease (or their mean)."""
    return IceOutput(
        score=_ice(params.impact, params.confidence, params.ease, params.aggregate),
        convention=ICE_CONVENTIONS[params.aggregate],
        inputs=params.model_dump(),
        assumptions=["impact, confidence and ease are each scored on the same 1–10 scale"],
    )


# ----------------------------------------------------------------------------- prioritize

Quadrant = Literal["quick win", "big bet", "fill-in", "money pit"]
HORIZONS: dict[str, str] = {
    "quick win": "short-term win (3-6 months)",
    "fill-in": "short-term win (3-6 months)",
    "big bet": "long-term bet (1-3 years)",
    "money pit": "deprioritise",
}
TIE_RULE = (
    "initiatives with equal scores keep their input order (stable sort); "
    "rank is the position in that order"
)


class Initiative(BaseModel):
    """One candidate: RICE fields (reach, impact, confidence, effort) or ICE (impact,
    confidence, ease). `value` and `effort` may override the matrix axes."""

    model_config = {"extra": "forbid", "str_strip_whitespace": True}

    name: str = Field(min_length=1, max_length=200)
    reach: Reach | None = None
    impact: Annotated[float, Range(gt=0, le=10)] | str = Field(
        description=f"RICE: {SCALE_TEXT} (or those names). ICE: 1–10.",
        union_mode="left_to_right",
    )
    confidence: Annotated[float, Range(gt=0, le=10, fix=INITIATIVE_CONFIDENCE_FIX)] = Field(
        description="RICE: a fraction in (0, 1]. ICE: 1–10."
    )
    effort: Effort | None = Field(
        default=None,
        description="RICE: person-months (required). ICE: optional effort axis override.",
    )
    ease: TenPoint | None = Field(default=None, description="ICE only: 1 (hard) to 10 (easy).")
    value: Annotated[float, Range(ge=0, le=MAX_AMOUNT)] | None = Field(
        default=None, description="Optional override of the matrix's value axis."
    )


class PrioritizeInput(ToolInput):
    initiatives: list[Initiative] = Field(min_length=1, max_length=200)
    method: Literal["auto", "rice", "ice"] = Field(
        default="auto",
        description="'rice', 'ice', or 'auto' (RICE when every initiative has reach and "
        "effort, ICE when every one has ease).",
    )
    ice_aggregate: Literal["product", "mean"] = "product"
    value_threshold: Annotated[float, Range(ge=0, le=MAX_AMOUNT)] | None = Field(
        default=None,
        description="Value at or above which an initiative is high value; default: half of the "
        "highest value in the list (50 on the normalised 0-100 scale).",
    )
    effort_threshold: Annotated[float, Range(ge=0, le=1e6)] | None = Field(
        default=None,
        description="Effort above which an initiative is high effort; default: the median.",
    )

    @model_validator(mode="after")
    def _check_method_fields(self) -> PrioritizeInput:
        method = self.method
        if method == "auto":
            if all(i.reach is not None and i.effort is not None for i in self.initiatives):
                method = "rice"
            elif all(i.ease is not None for i in self.initiatives):
                method = "ice"
            else:
                raise ToolInputError(
                    "method could not be inferred: give every initiative reach and effort "
                    "(RICE) or every initiative ease (ICE), or set method to 'rice' or 'ice'",
                    ["method"],
                )
        self.method = method
        problems: list[str] = []
        fields: list[str] = []
        names: set[str] = set()
        for index, item in enumerate(self.initiatives):
            where = f"initiatives[{index}]"
            if item.name in names:
                problems.append(f"{where}.name '{item.name}' is used twice; names must be unique.")
                fields.append(f"{where}.name")
            names.add(item.name)
            for field, message in _method_problems(item, method):
                problems.append(f"{where}.{field} {message}")
                fields.append(f"{where}.{field}")
        for axis in ("value", "effort") if method == "ice" else ("value",):
            given = [getattr(i, axis) is not None for i in self.initiatives]
            if any(given) and not all(given):
                problems.append(
                    f"{axis} is an override of the matrix axis: give it for every initiative "
                    "or for none, so all initiatives sit on the same scale."
                )
                fields.append(f"initiatives[].{axis}")
        if problems:
            raise ToolInputError(" ".join(problems), fields)
        return self


def _method_problems(item: Initiative, method: str) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if method == "rice":
        try:
            item.impact = rice_impact(item.impact)
        except ValueError as exc:
            problems.append(("impact", str(exc)))
        if not 0 < item.confidence <= 1:
            problems.append(
                (
                    "confidence",
                    f"must be a fraction in (0, 1] for RICE; got {item.confidence:g}. "
                    + CONFIDENCE_FIX,
                )
            )
        for field in ("reach", "effort"):
            if getattr(item, field) is None:
                problems.append((field, "is required for RICE."))
        if item.ease is not None:
            problems.append(("ease", "belongs to ICE; remove it or set method to 'ice'."))
    else:
        if isinstance(item.impact, str) or not 1 <= item.impact <= 10:
            problems.append(("impact", f"must be 1–10 for ICE; got {item.impact!r}."))
        if not 1 <= item.confidence <= 10:
            problems.append(
                (
                    "confidence",
                    (
                        f"must be 1–10 for ICE; got {item.confidence:g}. "
                        "ICE scores confidence 1 to 10, e.g. 8 for 80%."
                    ),
                )
            )
        if item.ease is None:
            problems.append(("ease", "is required for ICE (1 = hard to 10 = easy)."))
        if item.reach is not None:
            problems.append(("reach", "belongs to RICE; remove it or set method to 'rice'."))
    return problems


class RankedInitiative(BaseModel):
    rank: int
    name: str
    input_index: int
    score: float
    value: float
    effort: float
    quadrant: Quadrant
    horizon: str


class PrioritizeOutput(ToolOutput):
    method: Literal["rice", "ice"]
    formula: str
    ranking: list[RankedInitiative]
    tie_rule: str = TIE_RULE
    value_axis: str
    effort_axis: str
    value_threshold: float
    effort_threshold: float
    quadrant_rule: str


@finite_output
def prioritize(params: PrioritizeInput) -> PrioritizeOutput:
    """Rank initiatives by RICE or ICE, place each on the Value-vs-Effort matrix and roadmap."""
    items = params.initiatives
    if params.method == "rice":
        scores = [
            _rice(i.reach or 0.0, float(i.impact), i.confidence, i.effort or 1.0) for i in items
        ]
        formula = RICE_FORMULA
        efforts = [i.effort or 0.0 for i in items]
        effort_axis = "effort in person-months (the RICE effort field)"
    else:
        scores = [
            _ice(float(i.impact), i.confidence, i.ease or 1.0, params.ice_aggregate) for i in items
        ]
        formula = ICE_CONVENTIONS[params.ice_aggregate]
        if all(i.effort is not None for i in items):
            efforts = [i.effort or 0.0 for i in items]
            effort_axis = "effort as given in each initiative's effort override"
        else:
            efforts = [11 - (i.ease or 1.0) for i in items]
            effort_axis = "11 − ease (ease 10 → effort 1, ease 1 → effort 10)"

    if all(i.value is not None for i in items):
        values = [i.value or 0.0 for i in items]
        value_axis = "value as given in each initiative's value override"
    else:
        top = max(scores)
        values = [100 * s / top if top > 0 else 0.0 for s in scores]
        value_axis = "score normalised to 0–100: 100 × score / highest score in this list"

    # High value is worth at least half of the best in the list (50 on the normalised scale): a
    # median line would call half of any list "high value", so a point at 18 of 100 could be a
    # quick win because the others of its list are lower still.
    value_threshold = (
        params.value_threshold if params.value_threshold is not None else max(values) / 2
    )
    effort_threshold = (
        params.effort_threshold
        if params.effort_threshold is not None
        else statistics.median(efforts)
    )

    order = sorted(range(len(items)), key=lambda k: -scores[k])  # sorted() is stable
    ranking = []
    for rank, k in enumerate(order, start=1):
        quadrant = _quadrant(values[k], efforts[k], value_threshold, effort_threshold)
        ranking.append(
            RankedInitiative(
                rank=rank,
                name=items[k].name,
                input_index=k,
                score=scores[k],
                value=values[k],
                effort=efforts[k],
                quadrant=quadrant,
                horizon=HORIZONS[quadrant],
            )
        )

    assumptions = [
        f"value axis: {value_axis}",
        f"effort axis: {effort_axis}",
        "value threshold: "
        + ("given" if params.value_threshold is not None
           else "half of the highest value of this list (high value is worth at least half the best)"),
        "effort threshold: "
        + ("given" if params.effort_threshold is not None else "the median effort of this list"),
        (
            "roadmap horizons: quick wins within about 3-6 months, longer bets over 1-3 years"
        ),
        (
            "dependencies between initiatives (e.g. a data platform first) are not modelled; "
            "sequence the roadmap with them in mind"
        ),
    ]
    return PrioritizeOutput(
        method=params.method,  # type: ignore[arg-type]  # resolved from "auto" by validation
        formula=formula,
        ranking=ranking,
        value_axis=value_axis,
        effort_axis=effort_axis,
        value_threshold=value_threshold,
        effort_threshold=effort_threshold,
        quadrant_rule=(
            "high value: value ≥ value_threshold; high effort: effort > effort_threshold. "
            "quick win = high value, low effort; big bet = high value, high effort; "
            "fill-in = low value, low effort; money pit = low value, high effort"
        ),
        inputs=params.model_dump(),
        assumptions=assumptions,
    )


def _quadrant(
    value: float, effort: float, value_threshold: float, effort_threshold: float
) -> Quadrant:
    high_value = value >= value_threshold
    high_effort = effort > effort_threshold
    if high_value:
        return "big bet" if high_effort else "quick win"
    return "money pit" if high_effort else "fill-in"
