"""The one list of tools: each tool's spec (model, function, description, trigger words, field
labels, result sentences) in one place.

Everything that exposes a tool derives from this registry and from the tool's pydantic input
model: `run_tool` (used by the CLI and the UI), `langchain_tools` (used by the agent) and the
JSON schemas in `advisor tool --list`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from tools import describe
from tools.base import ToolInput
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
from tools.spec import FieldSpec, ToolSpec
from tools.prioritization import (
    IMPACT_SCALE,
    IceInput,
    PrioritizeInput,
    RiceInput,
    ice_score,
    prioritize,
    rice_score,
)

if TYPE_CHECKING:
    from langchain_core.tools import StructuredTool


COST = ("cost", "costs", "costing", "spent", "spend", "paid", "pay", "invest", "investment", "price",
        "licen", "license", "fee", "fees", "setup", "set up", "implementation", "build", "tco",
        "outlay", "budget", "subscription", "upfront", "up-front", "up front", "one-off", "one-time", "needs",
        # "a $10,000 AI tool": an amount in front of the thing bought is its price
        "tool", "system", "solution", "software", "platform", "engine")
GAIN = ("gain", "gains", "profit", "net profit", "gross profit", "saving", "saved", "saves", "save",
        "return", "returns", "benefit", "revenue", "earn", "generat", "brought", "bring", "brings",
        "made", "make", "makes", "income", "extra sales", "additional sales", "added", "adds",
        "delivers", "delivered", "yields", "yielded", "drove", "drives", "driven", "raises", "raised", "lifted",
        "lifts")  # "the engine delivers $400k of profit", "the tool drove $410k of extra sales"


# A test that asks only whether the variant is better is one-sided; the default asks for any difference.
SIDES = (("two_sided", False, ("one-sided", "one sided", "one-tailed", "one tailed")),
         ("two_sided", True, ("two-sided", "two sided", "two-tailed", "two tailed")))


def _prioritize_build(records: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """One project → its RICE or ICE score; several → a ranking by the method all of them fit."""
    records = [{k: v for k, v in r.items() if not k.startswith("_")} for r in records]
    if len(records) == 1:
        one = {k: v for k, v in records[0].items() if k != "name"}
        if "ease" in one and ("reach" not in one or "effort" not in one):  # ease without effort: ICE, not RICE
            return "ice_score", {k: one[k] for k in ("impact", "confidence", "ease") if k in one}
        return "rice_score", {k: one[k] for k in ("reach", "impact", "confidence", "effort") if k in one}
    method = "ice" if all("ease" in r and ("reach" not in r or "effort" not in r) for r in records) else "rice"
    return "prioritize", {"initiatives": records, "method": method}


def _payback_build(records: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    values = {k: v for k, v in records[0].items() if not k.startswith("_") and k != "name"}
    running = values.pop("monthly_cost", 0.0)
    values["monthly_benefit"] = values["monthly_benefit"] - running
    return "payback_period", values


def _ab_build(records: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    if len(records) != 2:
        raise ValueError("I need visitors and conversions for exactly two groups (control and "
                         f"variant); I read {len(records)}. What were they for each group?")
    for record in records:  # rate × visitors → conversions, rounded to whole people
        if "conversions" not in record and "rate" in record:
            record["conversions"] = round(record["visitors"] * record["rate"] / 100)
    control, variant = records
    if "control" in str(variant.get("_context", "")).lower() and "control" not in str(control.get("_context", "")).lower():
        control, variant = variant, control
    return "ab_test", {"control_visitors": control["visitors"], "control_conversions": control["conversions"],
                       "variant_visitors": variant["visitors"], "variant_conversions": variant["conversions"]}


def _sample_build(records: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    values = dict(records[0])
    if "target_rate" not in values:
        values["mde_type"] = "relative"
    else:
        values.pop("mde", None)
    return "sample_size", values


def _flows_build(name: str) -> Callable[[list[dict[str, Any]]], tuple[str, dict[str, Any]]]:
    def build(records: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
        values = dict(records[0])
        flows = values.pop("flows", None)
        if flows is not None and "investment" in values:  # an outlay in parts, then the flows of years 1, 2, …
            flows = [-values.pop("investment"), *flows]
        if flows is not None and values.get("running_cost"):
            raise ValueError(f"You gave the cash flows and a yearly running cost of {values['running_cost']:,.0f}: are the "
                             "flows before that cost (I take it off each year) or after it?")
        if flows is None:
            running = values.pop("running_cost", 0.0)  # "but we'll also pay a $12,000 yearly licence"
            if "cash_flow" in values:
                values["cash_flow"] -= running
            years = values.pop("years")
            if abs(years - round(years)) > 1e-9:
                raise ValueError(f"Over how many whole years should I count the yearly cash flow? I read {years:g}.")
            flows = [-values.pop("investment")] + [values.pop("cash_flow")] * int(round(years))
        args = {"cash_flows": flows}
        if "rate" in values:
            args["rate"] = values["rate"]
        return name, args

    return build


_MONEY_FLOWS = (
    FieldSpec("flows", ("cash flows", "cash flow", "flows"), "money", "What are the cash flows, period 0 first?", sequence=True),
    FieldSpec("investment", ("invest", "investment", "cost", "costs", "upfront", "up front", "initial", "outlay", "spend"),
              "money", "How much is the initial investment?", summed=True, direction="out"),
    FieldSpec("cash_flow", ("return", "returns", "cash", "inflow", "saves", "saving", "brings", "benefit", "generat",
                            "profit", "earn", "income"), "money", "How much does it bring in each year?", period="year", summed=True,
              direction="in"),
    FieldSpec("years", ("for", "over", "years", "horizon", "lasting", "life"), "duration", "For how many years?", period="year",
              horizon=True),
    # a yearly running cost ("a $12,000 yearly licence") is taken off the yearly cash flow
    FieldSpec("running_cost", ("licen", "license", "subscription", "running", "hosting", "maintenance"),
              "money", "What does it cost to run each year?", period="year", summed=True, direction="out",
              note="taken off the yearly cash flow"),
)

def _kpi_course_calls() -> list[dict[str, Any]]:
    """One kpi_suggest call per row of the served course's metric tables."""
    from knowledge.parsing import kpi_source

    return [{"application": row.application} for row in kpi_source()[0]]


def course_kpi_suggest(params: KpiSuggestInput) -> ToolOutput:
    """kpi_suggest over the metric tables of the course being served (knowledge.course)."""
    from knowledge.parsing import kpi_source

    return kpi_suggest(params, *kpi_source())


def course_hitl_check(params: HitlInput) -> ToolOutput:
    """hitl_check citing the served course's passage on human oversight (knowledge.course)."""
    from knowledge.course import current

    return hitl_check(params, current().chunks)


_SPECS = (
    ToolSpec(
        "rice_score", RiceInput, rice_score,
        "Score ONE AI initiative: RICE score = reach × impact × confidence / effort. Use when "
        "the user gives reach (people per period), impact on the scale 3/2/1/0.5/0.25, "
        "confidence as a fraction (0.8 for 80%) and effort in person-months.",
        title="RICE score", asks=("rice", "prioritise", "prioritize", "rank"), describe_result=describe.rice, topic="prioritize",
    ),
    ToolSpec(
        "ice_score", IceInput, ice_score,
        "Score ONE AI initiative with ICE: impact, confidence and ease each 1-10, combined as "
        "a product (default) or mean. Use when the user scores ideas on 1-10 scales.",
        title="ICE score", asks=("ice", "prioritise", "prioritize", "rank"), describe_result=describe.ice, topic="prioritize",
    ),
    ToolSpec(
        "prioritize", PrioritizeInput, prioritize,
        "Rank SEVERAL AI initiatives by RICE or ICE and place each on the Value-vs-Effort "
        "matrix (quick win, big bet, fill-in, money pit) and the roadmap (short-term win 3-6 "
        "months vs long-term bet 1-3 years). Use to compare or order a list of projects.",
        title="Prioritisation",
        asks=("rice", "ice", "prioritise", "prioritize", "prioritisation", "prioritization", "rank",
              "which first", "which one first", "score these", "compare these", "do first", "start with first",
              "tackle first", "go first"),
        fields=(
            FieldSpec("reach", ("reach", "reaches", "users", "customers", "people", "visitors"), "count",
                      "How many people does it reach per period?", per_period=True, initial="r"),
            FieldSpec("impact", ("impact",), "count", "What is its impact (RICE: 3, 2, 1, 0.5 or 0.25)?",
                      value_words=tuple(IMPACT_SCALE.items()), initial="i"),
            FieldSpec("confidence", ("confidence", "confident", "sure", "conf"), "fraction", "How confident are you (e.g. 80%)?",
                      initial="c", value_words=(("fully", 1.0), ("completely", 1.0), ("totally", 1.0))),
            FieldSpec("effort", ("effort", "person-months", "person", "months of work", "takes"), "duration",
                      "How much effort does it take, in person-months?", period="month", initial="e",
                      summed=True),  # "two engineers for 2 months plus a designer for 1 month": 5 person-months
            FieldSpec("ease", ("ease", "easy"), "count", "How easy is it, from 1 to 10?", initial="e"),
        ),
        requires=(("reach", "impact", "confidence", "effort"), ("impact", "confidence", "ease")),
        records=1, build=_prioritize_build, describe_result=describe.prioritize, topic="prioritize",
        choices=(("aggregate", "mean", ("average", "mean", "averaged", "avg")),
                 ("ice_aggregate", "mean", ("average", "mean", "averaged", "avg"))),
    ),
    ToolSpec(
        "tco", TcoInput, tco,
        "Total cost of ownership of an AI initiative: one-time implementation, data "
        "integration and training plus yearly software fees, maintenance and internal "
        "resources over horizon_years. Use before ROI to get the full cost.",
        title="Total cost of ownership", asks=("tco", "total cost of ownership", "total cost", "full cost", "all-in cost",
                                                    "cost us in total", "cost in total", "costs in total", "cost me total", "cost me in total",
                                                    "cost us total", "cost total"),
        fields=(
            FieldSpec("implementation", ("implementation", "implement", "setup", "set up", "build", "install", "one-off",
                                         "one-time", "upfront"), "money", "What is the one-time implementation cost?", summed=True,
                      direction="out"),
            FieldSpec("data_integration", ("integration", "integrat", "data", "migration"), "money",
                      "What does data integration cost?", summed=True),
            FieldSpec("training", ("training", "train", "onboarding"), "money", "What does training cost?", summed=True),
            # not "fee": a "setup fee" is named by its first word; a fee no such word names is still
            # a yearly cost by its period (a recurring cost with no label takes this input)
            FieldSpec("software_fees", ("licen", "license", "software", "subscription", "platform", "saas", "seats", "cloud"),
                      "money", "What are the software fees per year?", period="year", summed=True, direction="out"),
            FieldSpec("maintenance", ("maintenance", "maintain", "support", "upkeep", "hosting"), "money",
                      "What does maintenance cost per year?", period="year", summed=True),
            FieldSpec("internal_resources", ("internal", "staff", "team", "salar", "headcount", "resources", "people"), "money",
                      "What do internal staff cost per year?", period="year", summed=True),
            FieldSpec("horizon_years", ("over", "for", "horizon", "across", "period"), "duration",
                      "Over how many years?", period="year", horizon=True),
        ),
        requires=(("implementation",), ("data_integration",), ("training",), ("software_fees",), ("maintenance",),
                  ("internal_resources",)),
        describe_result=describe.tco, topic="tco",
    ),
    ToolSpec(
        "roi", RoiInput, roi,
        "The course's ROI formula: (gain − cost) / cost × 100, where gain is the profit or "
        "savings attributable to the AI initiative and cost its investment (e.g. a TCO total).",
        title="ROI", asks=("roi", "return on investment", "worth it", "worthwhile", "pay off", "paid off", "pays off",
                           "good investment", "worth the money", "return of the investment", "return of investment",
                           "return on the investment"),
        fields=(
            FieldSpec("cost", COST, "money", "How much did it cost in total (the investment)?", summed=True,
                      direction="out"),
            FieldSpec("gain", GAIN, "money", "How much profit or savings did it bring?", summed=True, direction="in"),
        ),
        requires=(("cost", "gain"),), describe_result=describe.roi, topic="roi",
    ),
    ToolSpec(
        "payback_period", PaybackInput, payback_period,
        "Months until an up-front AI investment is recovered by a constant monthly benefit; "
        "says 'never pays back' when the benefit is not positive.",
        title="Payback period",
        asks=("payback", "pay back", "pays back", "paid back", "pay it back", "pays it back", "pays for itself", "pay for itself", "break even",
              "breakeven", "break-even", "recoup", "recover the cost", "earn back", "earn it back", "recover the investment",
              "recover our investment", "recover the money", "paid for itself", "money back",
              # the time an outlay takes to come back, as people ask it
              "amortisation time", "amortization time", "amortisation period", "amortization period",
              "investment amortised", "investment amortized", "is amortised", "is amortized", "how many months until",
              "how many months before", "how many months till", "how many months to get", "get back the cost",
              "get back the money", "get the money back"),
        fields=(
            FieldSpec("upfront_cost", COST, "money", "How much does it cost up front?", summed=True, direction="out"),
            FieldSpec("monthly_benefit", GAIN, "money", "How much does it save or bring in per month?",
                      period="month", summed=True, direction="in"),
            # a running cost ("$2,000 a month in fees") is taken off the monthly benefit
            FieldSpec("monthly_cost", COST, "money", "What does it cost to run per month?", period="month", summed=True,
                      note="taken off the monthly benefit", direction="out"),
        ),
        requires=(("upfront_cost", "monthly_benefit"),), build=_payback_build, describe_result=describe.payback,
        topic="payback",
    ),
    ToolSpec(
        "npv", NpvInput, npv,
        "Net present value of per-period cash flows (period 0 first, usually the negative "
        "investment) at a discount rate per period given as a fraction (0.08 for 8%).",
        title="Net present value", asks=("npv", "net present value", "present value", "discounted value"),
        fields=(FieldSpec("rate", ("rate", "discount", "wacc", "capital", "hurdle", "at", "@"), "fraction",
                          "What discount rate per year should I use (e.g. 8%)?"), *_MONEY_FLOWS),
        requires=(("rate", "flows"), ("rate", "investment", "cash_flow", "years")),
        build=_flows_build("npv"), describe_result=describe.npv, topic="npv",
    ),
    ToolSpec(
        "irr", IrrInput, irr,
        "Internal rate of return of per-period cash flows (period 0 first): the rate at "
        "which NPV is 0. Says so when the cash flows never change sign.",
        title="Internal rate of return", asks=("irr", "internal rate of return", "internal rate"),
        fields=_MONEY_FLOWS, requires=(("flows",), ("investment", "cash_flow", "years")),
        build=_flows_build("irr"), describe_result=describe.irr, topic="irr",
    ),
    ToolSpec(
        "ab_test", AbTestInput, ab_test,
        "Analyse a finished A/B test of conversions (control vs AI variant): rates, relative "
        "lift, z, p-value, confidence interval of the difference, and significance.",
        title="A/B test result",
        asks=("a/b", "ab test", "split test", "significant", "significance", "control", "ctrl", "variant", "did the ai win"),
        fields=(
            FieldSpec("visitors", ("visitor", "visitors", "visits", "users", "sessions", "shown", "traffic", "people", "customers"),
                      "count", "How many visitors did each group have?", ratio="whole"),
            FieldSpec("conversions", ("conversion", "conversions", "converted", "convert", "orders", "purchases", "sales",
                                      "signups", "sign-ups", "clicks", "conv", "convs", "buy", "buys", "buyers", "bought"), "count",
                      "How many conversions did each group have?", ratio="part"),
            # a rate with the visitors gives the conversions: 2.5% of 20,000 visitors is 500
            FieldSpec("rate", ("conversion rate", "rate", "cr", "cvr", "conv rate", "converted", "converts", "conversion", "conv"),
                      "percent",
                      "What was each group's conversion rate?"),
        ),
        requires=(("visitors", "conversions"), ("visitors", "rate")), records=2, build=_ab_build, choices=SIDES,
        describe_result=describe.ab_test, topic="ab_test",
    ),
    ToolSpec(
        "sample_size", SampleSizeInput, sample_size,
        "Visitors needed per group for an A/B test to detect a change in conversion rate "
        "(baseline_rate and target_rate, or an mde) at a given alpha and power.",
        title="Sample size", asks=("sample size", "how many visitors", "how many users", "how many sessions",
                                   "how long should the test run", "how much traffic", "per arm", "each arm", "n per group",
                                   "n per variant", "each group need", "group need to be", "groups need to be",
                                   "minimum detectable", "detectable effect", "mde"),
        fields=(
            FieldSpec("baseline_rate", ("baseline", "current", "currently", "from", "today", "now", "converts", "existing",
                                        "present", "cvr", "conversion rate", "converting at", "convert at", "conversion",
                                        "converts at"),
                      "fraction", "What is the conversion rate today (e.g. 3%)?"),
            FieldSpec("target_rate", ("to", "target", "goal", "reach", "hope", "hoping", "aim", "aiming", "till", "until",
                                      "up to"), "fraction", "What rate do you hope to reach?"),
            FieldSpec("mde", ("lift", "uplift", "mde", "detectable", "detect", "change", "improvement", "difference",
                              "increase"), "fraction", "What change do you want to detect (e.g. a 10% lift)?"),
            FieldSpec("alpha", ("alpha", "α", "significance level"), "fraction", "What significance level (e.g. 0.05)?"),
            FieldSpec("power", ("power",), "fraction", "What power (e.g. 80%)?"),
        ),
        choices=(("mde_type", "absolute", ("percentage point", "percentage points", "pp", "absolute")), *SIDES),
        requires=(("baseline_rate", "target_rate"), ("baseline_rate", "mde")), build=_sample_build,
        describe_result=describe.sample_size, topic="sample_size",
    ),
    ToolSpec(
        "clv", ClvInput, clv,
        "Customer lifetime value from average order value, purchases per year and lifespan; "
        "profit-based when a gross margin is given, optionally discounted.",
        title="Customer lifetime value", asks=("clv", "ltv", "lifetime value", "customer value", "value of a customer",
                                                   "customer worth", "customer is worth", "customers worth"),
        fields=(
            FieldSpec("aov", ("aov", "order value", "average order", "basket", "per order", "each order", "spend",
                              "spends", "average"), "money", "What is the average order value?"),
            FieldSpec("purchases_per_year", ("purchases", "purchase", "orders", "order", "buy", "buys", "times", "visits",
                                             "transactions"), "count", "How many times a year does a customer buy?",
                      period="year"),
            FieldSpec("lifespan_years", ("stay", "stays", "lifespan", "lifetime", "retain", "remain", "customers for",
                                         "loyal", "for"), "duration", "How many years does a customer stay?", period="year"),
            FieldSpec("gross_margin", ("margin", "gross margin", "gm"), "fraction", "What is the gross margin?"),
            FieldSpec("discount_rate", ("discount", "discount rate"), "fraction", "What discount rate?"),
        ),
        requires=(("aov", "purchases_per_year", "lifespan_years"),), describe_result=describe.clv, topic="clv",
    ),
    ToolSpec(
        "kpi_suggest", KpiSuggestInput, course_kpi_suggest,
        "KPIs, leading and lagging indicators the course's metric tables give for an "
        "application, programme or channel, each with its course citation. With goal_metric "
        "(e.g. AOV) it also lists which rows track that metric.",
        title="KPIs", asks=("kpi", "kpis", "metric", "metrics", "indicator", "indicators", "measure", "track"),
        describe_result=describe.kpi_suggest, course_calls=_kpi_course_calls,
    ),
    ToolSpec(
        "smart_check", SmartInput, smart_check,
        "Check whether a goal sentence is SMART: names a metric, a numeric target and a "
        "deadline; returns what is missing, questions on achievability and relevance, and a "
        "rewrite template with placeholders.",
        title="SMART goal check", asks=("smart", "goal", "goals"), describe_result=describe.smart_check,
    ),
    ToolSpec(
        "hitl_check", HitlInput, course_hitl_check,
        "Decide whether an AI action (price change, content publication, fraud block, "
        "customer service escalation, strategic decision) needs human review and at which "
        "level, using configurable thresholds; the course's guidance on oversight is searched "
        "separately.",
        title="Human review", asks=("human", "hitl", "review", "approve", "approval", "oversight"),
        describe_result=describe.hitl_check,
    ),
)

TOOLS: dict[str, ToolSpec] = {spec.name: spec for spec in _SPECS}
SPECS: tuple[ToolSpec, ...] = _SPECS

__all__ = ["SPECS", "TOOLS", "FieldSpec", "ToolSpec", "describe_call", "langchain_tools", "run_tool", "validate_args"]


def describe_call(name: str, args: dict[str, Any], result: dict[str, Any] | str) -> list[str]:
    """The sentences that tell a tool call's result (its spec's describe)."""
    spec = TOOLS.get(name)
    if spec is None:
        return [str(result)]
    return spec.describe(args, result)


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
