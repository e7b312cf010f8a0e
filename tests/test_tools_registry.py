"""The registry contract: every tool validates at the boundary, never returns NaN/inf, and is
exposed the same way to run_tool, LangChain and the JSON schema."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tools.base import non_finite_paths
from tools.errors import ToolInputError
from tools.registry import TOOLS, langchain_tools, run_tool

# One valid call per tool; the sweeps below break each numeric field in turn.
EXAMPLES: dict[str, dict[str, Any]] = {
    "rice_score": {"reach": 2000, "impact": 2, "confidence": 0.8, "effort": 4},
    "ice_score": {"impact": 8, "confidence": 6, "ease": 5},
    "prioritize": {
        "initiatives": [
            {"name": "A", "reach": 100, "impact": 1, "confidence": 0.5, "effort": 2},
            {"name": "B", "reach": 300, "impact": 2, "confidence": 0.8, "effort": 6},
        ]
    },
    "tco": {"implementation": 40000, "software_fees": 24000, "horizon_years": 3},
    "roi": {"gain": 250000, "cost": 180000},
    "payback_period": {"upfront_cost": 60000, "monthly_benefit": 5000},
    "npv": {"rate": 0.1, "cash_flows": [-1000, 500, 500, 500]},
    "irr": {"cash_flows": [-1000, 500, 500, 500]},
    "ab_test": {
        "control_visitors": 10000,
        "control_conversions": 300,
        "variant_visitors": 10000,
        "variant_conversions": 360,
    },
    "sample_size": {"baseline_rate": 0.1, "target_rate": 0.12},
    "clv": {"aov": 85, "purchases_per_year": 3, "lifespan_years": 4, "gross_margin": 0.4},
    "kpi_suggest": {"application": "support chatbot", "goal_metric": "CSAT"},
    "smart_check": {"goal": "Increase AOV by 15% within 9 months"},
    "hitl_check": {"action": "price_change", "price_change_pct": 14},
}

NUMERIC = [
    (name, field)
    for name, args in EXAMPLES.items()
    for field, value in args.items()
    if isinstance(value, int | float | list)
    and not isinstance(value, bool)
    and not (isinstance(value, list) and value and isinstance(value[0], dict))
]


def _with(args: dict[str, Any], field: str, bad: Any) -> tuple[dict[str, Any], str]:
    """args with `field` (or its first element, for a list) replaced by `bad`."""
    changed = dict(args)
    if isinstance(args[field], list):
        changed[field] = [bad, *args[field][1:]]
        return changed, f"{field}[0]"
    changed[field] = bad
    return changed, field


def test_every_tool_has_an_example_and_runs_it():
    assert set(EXAMPLES) == set(TOOLS)
    for name, args in EXAMPLES.items():
        result = run_tool(name, args)
        assert non_finite_paths(result) == []
        assert result["inputs"], name
        assert isinstance(result["assumptions"], list), name
        assert {"formula", "method", "convention"} & set(result), name


def _optional(name: str, field: str) -> bool:
    return TOOLS[name].input_model.model_fields[field].default is None


@pytest.mark.parametrize(("name", "field"), NUMERIC)
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf"), "abc", True, None])
def test_every_numeric_field_rejects_nan_infinity_text_and_booleans(name, field, bad):
    args, path = _with(EXAMPLES[name], field, bad)
    if bad is None and _optional(name, field):  # null means "not given" for an optional field
        try:
            result = run_tool(name, args)
        except ToolInputError as err:  # …which this example may need after all: say so
            assert field in err.message
        else:
            assert non_finite_paths(result) == []
        return
    with pytest.raises(ToolInputError) as err:
        run_tool(name, args)
    assert path in err.value.fields
    assert path.split("[")[0] in err.value.message


@pytest.mark.parametrize(("name", "field"), NUMERIC)
@pytest.mark.parametrize("huge", [1e308, -1e308, 10**400])
def test_every_numeric_field_gives_a_clear_error_or_a_finite_result_for_huge_values(
    name, field, huge
):
    args, path = _with(EXAMPLES[name], field, huge)
    try:
        result = run_tool(name, args)
    except ToolInputError as err:
        assert err.fields, err.message
        assert path in err.fields or "too extreme" in err.message
    else:
        assert non_finite_paths(result) == []


@pytest.mark.parametrize("name", sorted(TOOLS))
def test_every_tool_rejects_unknown_fields_by_name(name):
    with pytest.raises(ToolInputError) as err:
        run_tool(name, {**EXAMPLES[name], "colour": "blue"})
    assert err.value.fields == ["colour"]
    assert f"colour is not an input of {name}" in err.value.message


def _required(name: str) -> list[str]:
    return TOOLS[name].input_model.model_json_schema().get("required", [])


WITH_REQUIRED = [name for name in sorted(TOOLS) if _required(name)]


@pytest.mark.parametrize("name", WITH_REQUIRED)
def test_every_tool_names_its_missing_required_fields(name):
    required = _required(name)
    with pytest.raises(ToolInputError) as err:
        run_tool(name, {})
    assert set(required) <= set(err.value.fields)
    assert all(f"{field} is required" in err.value.message for field in required)


anything = st.one_of(
    st.floats(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.sampled_from([0, 1, -1, 0.5, 1e-300, 5e-324, 1e300, "1e400", "12", " 7 ", "x"]),
)


@pytest.mark.parametrize(
    "name",
    [
        "rice_score",
        "ice_score",
        "tco",
        "roi",
        "payback_period",
        "npv",
        "ab_test",
        "sample_size",
        "clv",
        "hitl_check",
    ],
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_tool_ever_returns_nan_or_infinity(name, data):
    args = dict(EXAMPLES[name])
    for field, value in args.items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            args[field] = data.draw(anything, label=field)
        elif isinstance(value, list):
            args[field] = data.draw(st.lists(anything, min_size=1, max_size=5), label=field)
    try:
        result = run_tool(name, args)
    except ToolInputError as err:
        assert err.message and err.fields
    else:
        assert non_finite_paths(result) == []


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(min_value=-1e15, max_value=1e15), min_size=1, max_size=40))
def test_irr_never_returns_nan_or_infinity(cash_flows):
    result = run_tool("irr", {"cash_flows": cash_flows})
    assert non_finite_paths(result) == []
    assert result["irr"] is None or math.isfinite(result["irr"])


def test_run_tool_rejects_an_unknown_tool_name():
    with pytest.raises(ToolInputError) as err:
        run_tool("magic", {})
    assert err.value.fields == ["tool"]
    assert "rice_score" in err.value.message


def test_run_tool_rejects_arguments_that_are_not_an_object():
    with pytest.raises(ToolInputError) as err:
        run_tool("roi", [1, 2])  # type: ignore[arg-type]
    assert "JSON object" in err.value.message


def test_run_tool_accepts_numbers_written_as_strings():
    assert run_tool("roi", {"gain": "1,500", "cost": " 1000 "})["roi_pct"] == 50


def test_input_schemas_carry_bounds_and_descriptions():
    schema = TOOLS["rice_score"].input_model.model_json_schema()
    assert schema["properties"]["confidence"]["exclusiveMinimum"] == 0
    assert schema["properties"]["confidence"]["maximum"] == 1
    assert schema["properties"]["impact"]["enum"] == [3.0, 2.0, 1.0, 0.5, 0.25]
    assert schema["additionalProperties"] is False
    for spec in TOOLS.values():
        json.dumps(spec.json_schema())  # serialisable for --list and the UI
        assert len(spec.description) > 40


# ----------------------------------------------------------------------------- LangChain


def test_langchain_tools_mirror_the_registry():
    tools = langchain_tools()
    assert [t.name for t in tools] == list(TOOLS)
    for tool in tools:
        assert tool.args_schema is TOOLS[tool.name].input_model
        assert tool.description == TOOLS[tool.name].description


def _tool(name: str):
    return next(t for t in langchain_tools() if t.name == name)


def test_structured_tool_returns_the_result_as_json_text():
    out = _tool("rice_score").invoke(EXAMPLES["rice_score"])
    assert json.loads(out)["score"] == 800


def test_structured_tool_returns_a_readable_error_string_for_invalid_input_instead_of_raising():
    out = _tool("rice_score").invoke({"reach": 100, "impact": 1.5, "confidence": 80, "effort": 1})
    assert isinstance(out, str)
    assert out.startswith("invalid input: ")
    assert "impact must be on the RICE impact scale" in out
    assert "for 80% use 0.8" in out


def test_structured_tool_returns_a_readable_error_string_when_the_result_would_overflow():
    out = _tool("rice_score").invoke(
        {"reach": 1e12, "impact": 3, "confidence": 1, "effort": 1e-300}
    )
    assert out.startswith("invalid input: these inputs are too extreme")


def test_structured_tool_marks_an_invalid_tool_call_as_an_error_message():
    call = {"name": "roi", "args": {"gain": 10, "cost": 0}, "id": "call-1", "type": "tool_call"}
    message = _tool("roi").invoke(call)
    assert message.status == "error"
    assert message.content.startswith("invalid input: cost must be")


def test_structured_tool_runs_nested_models_like_prioritize():
    out = json.loads(_tool("prioritize").invoke(EXAMPLES["prioritize"]))
    assert [r["name"] for r in out["ranking"]] == ["B", "A"]  # scores 80 and 25


@pytest.mark.slow
def test_importing_the_tools_package_stays_cheap():
    code = (
        "import sys, tools.registry, tools.cli; "
        "heavy = [m for m in ('numpy', 'scipy', 'torch', 'langchain_core', 'chromadb', "
        "'sentence_transformers', 'gradio') if m in sys.modules]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
