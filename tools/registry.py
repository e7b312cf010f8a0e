"""The one list of tools: name → input model, function, description.

Everything that exposes a tool derives from this registry and from the tool's pydantic input
model: `run_tool` (used by the CLI and the UI), `langchain_tools` (used by the agent) and the
JSON schemas in `advisor tool --list`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from tools.base import ToolInput, ToolOutput
from tools.customer_value import ClvInput, clv
from tools.errors import ToolInputError, format_validation_error
from tools.experiments import AbTestInput, SampleSizeInput, ab_test, sample_size
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
from tools.goals import SmartInput, smart_check
from tools.kpi import KpiSuggestInput, kpi_suggest
from tools.oversight import HitlInput, hitl_check
from tools.prioritization import (
    IceInput,
    PrioritizeInput,
    RiceInput,
    ice_score,
    prioritize,
    rice_score,
)

if TYPE_CHECKING:
    from langchain_core.tools import StructuredTool


@dataclass(frozen=True)
class ToolSpec:
    name: str
    input_model: type[ToolInput]
    function: Callable[[Any], ToolOutput]
    description: str

    def json_schema(self) -> dict[str, Any]:
        return self.input_model.model_json_schema()


def course_kpi_suggest(params: KpiSuggestInput) -> ToolOutput:
    """kpi_suggest over the bundled course's KPI table (parsed once by knowledge/)."""
    from knowledge.parsing import kpi_source

    return kpi_suggest(params, *kpi_source())


_SPECS = (
    ToolSpec(
        "rice_score",
        RiceInput,
        rice_score,
        "Score ONE AI initiative with RICE = reach × impact × confidence / effort. Use when "
        "the user gives reach (people per period), impact on the scale 3/2/1/0.5/0.25, "
        "confidence as a fraction (0.8 for 80%) and effort in person-months.",
    ),
    ToolSpec(
        "ice_score",
        IceInput,
        ice_score,
        "Score ONE AI initiative with ICE: impact, confidence and ease each 1-10, combined as "
        "a product (default) or mean. Use when the user scores ideas on 1-10 scales.",
    ),
    ToolSpec(
        "prioritize",
        PrioritizeInput,
        prioritize,
        "Rank SEVERAL AI initiatives by RICE or ICE and place each on the Value-vs-Effort "
        "matrix (quick win, big bet, fill-in, money pit) and the roadmap (short-term win 3-6 "
        "months vs long-term bet 1-3 years). Use to compare or order a list of projects.",
    ),
    ToolSpec(
        "tco",
        TcoInput,
        tco,
        "Total cost of ownership of an AI initiative: one-time implementation, data "
        "integration and training plus yearly software fees, maintenance and internal "
        "resources over horizon_years. Use before ROI to get the full cost.",
    ),
    ToolSpec(
        "roi",
        RoiInput,
        roi,
        "The course's ROI formula: (gain − cost) / cost × 100, where gain is the profit or "
        "savings attributable to the AI initiative and cost its investment (e.g. a TCO total).",
    ),
    ToolSpec(
        "payback_period",
        PaybackInput,
        payback_period,
        "Months until an up-front AI investment is recovered by a constant monthly benefit; "
        "says 'never pays back' when the benefit is not positive.",
    ),
    ToolSpec(
        "npv",
        NpvInput,
        npv,
        "Net present value of per-period cash flows (period 0 first, usually the negative "
        "investment) at a discount rate per period given as a fraction (0.08 for 8%).",
    ),
    ToolSpec(
        "irr",
        IrrInput,
        irr,
        "Internal rate of return of per-period cash flows (period 0 first): the rate at "
        "which NPV is 0. Says so when the cash flows never change sign.",
    ),
    ToolSpec(
        "ab_test",
        AbTestInput,
        ab_test,
        "Analyse a finished A/B test of conversions (control vs AI variant): rates, relative "
        "lift, z, p-value, confidence interval of the difference, and significance.",
    ),
    ToolSpec(
        "sample_size",
        SampleSizeInput,
        sample_size,
        "Visitors needed per group for an A/B test to detect a change in conversion rate "
        "(baseline_rate and target_rate, or an mde) at a given alpha and power.",
    ),
    ToolSpec(
        "clv",
        ClvInput,
        clv,
        "Customer lifetime value from average order value, purchases per year and lifespan; "
        "profit-based when a gross margin is given, optionally discounted.",
    ),
    ToolSpec(
        "kpi_suggest",
        KpiSuggestInput,
        course_kpi_suggest,
        "KPIs, leading and lagging indicators the course gives for an AI application (e.g. "
        "personalization engine, support chatbot, site search, dynamic pricing, SEO content, "
        "demand forecasting, cart abandonment), each with its course citation. With "
        "goal_metric (e.g. AOV) it also lists which applications track that metric.",
    ),
    ToolSpec(
        "smart_check",
        SmartInput,
        smart_check,
        "Check whether a goal sentence is SMART: names a metric, a numeric target and a "
        "deadline; returns what is missing, questions on achievability and relevance, and a "
        "rewrite template with placeholders.",
    ),
    ToolSpec(
        "hitl_check",
        HitlInput,
        hitl_check,
        "Decide whether an AI action (price change, content publication, fraud block, "
        "customer service escalation, strategic decision) needs a human in the loop and at "
        "which level, using the course's HITL examples and configurable thresholds.",
    ),
)

TOOLS: dict[str, ToolSpec] = {spec.name: spec for spec in _SPECS}


def validate_args(name: str, args: Any) -> ToolInput:
    """The tool's input model built from `args`, or a ToolInputError that says what to fix."""
    spec = TOOLS.get(name)
    if spec is None:
        raise ToolInputError(
            f"unknown tool '{name}'; available tools: {', '.join(TOOLS)}", ["tool"]
        )
    if not isinstance(args, dict):
        raise ToolInputError(
            f"the arguments of {name} must be a JSON object of named fields, got "
            f"{type(args).__name__}",
            [],
        )
    try:
        return spec.input_model.model_validate(args)
    except ValidationError as exc:
        raise ToolInputError.from_validation_error(exc, tool=name) from None


def run_tool(name: str, args: dict[str, Any]) -> dict[str, Any]:
    """Validate `args` for tool `name`, run it and return its output as a plain dict."""
    params = validate_args(name, args)
    return TOOLS[name].function(params).model_dump()


def langchain_tools() -> list[StructuredTool]:
    """One StructuredTool per registry entry. Invalid input comes back to the model as an
    'invalid input: …' string it can correct, never as an exception."""
    from langchain_core.tools import StructuredTool

    return [
        StructuredTool.from_function(
            func=_langchain_call(spec.name),
            name=spec.name,
            description=spec.description,
            args_schema=spec.input_model,
            handle_validation_error=_validation_message(spec.name),
            handle_tool_error=_tool_error_message,
        )
        for spec in _SPECS
    ]


def _langchain_call(name: str) -> Callable[..., str]:
    from langchain_core.tools import ToolException

    def call(**kwargs: Any) -> str:
        try:
            result = run_tool(name, kwargs)
        except ToolInputError as exc:
            raise ToolException(exc.message) from exc
        return json.dumps(result, ensure_ascii=False)

    call.__name__ = name
    return call


def _validation_message(name: str) -> Callable[[Any], str]:
    def message(exc: Any) -> str:
        if isinstance(exc, ValidationError):
            return format_validation_error(exc, tool=name)
        return f"invalid input: {exc}"

    return message


def _tool_error_message(exc: Exception) -> str:
    return f"invalid input: {exc}"
