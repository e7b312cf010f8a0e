"""`advisor tool` end to end through click's CliRunner."""

from __future__ import annotations

import json

from click.testing import CliRunner

from tools.cli import tool_command
from tools.registry import TOOLS


def invoke(*args: str, stdin: str | None = None):
    return CliRunner().invoke(tool_command, list(args), input=stdin)


def test_tool_list_names_every_tool_with_its_fields():
    result = invoke("--list")
    assert result.exit_code == 0
    for name in TOOLS:
        assert name in result.output
    assert "fields: reach, impact, confidence, effort" in result.output


def test_tool_list_json_gives_each_tool_s_json_schema():
    result = invoke("--list", "--json")
    assert result.exit_code == 0
    listed = json.loads(result.output)["tools"]
    assert [t["name"] for t in listed] == list(TOOLS)
    rice = listed[0]
    assert rice["input_schema"] == TOOLS["rice_score"].input_model.model_json_schema()
    assert rice["description"] == TOOLS["rice_score"].description


def test_tool_run_prints_the_result_and_exits_zero():
    result = invoke("roi", "--json", '{"gain": 250000, "cost": 180000}')
    assert result.exit_code == 0
    payload = json.loads(result.output)
    assert payload["tool"] == "roi"
    assert payload["result"]["net_return"] == 70000
    assert payload["result"]["formula"] == "roi_pct = (gain − cost) / cost × 100"


def test_tool_run_reads_json_from_stdin():
    result = invoke(
        "payback_period", "--json", "-", stdin='{"upfront_cost": 600, "monthly_benefit": 50}'
    )
    assert result.exit_code == 0
    assert json.loads(result.output)["result"]["months"] == 12


def test_tool_run_with_invalid_input_prints_an_error_object_and_exits_two():
    result = invoke(
        "rice_score", "--json", '{"reach": 100, "impact": 1.5, "confidence": 0.5, "effort": 1}'
    )
    assert result.exit_code == 2
    error = json.loads(result.output)["error"]
    assert error["code"] == "invalid_input"
    assert error["fields"] == ["impact"]
    assert "RICE impact scale" in error["message"]


def test_tool_run_rejects_nan_in_json():
    result = invoke("roi", "--json", '{"gain": NaN, "cost": 10}')
    assert result.exit_code == 2
    assert json.loads(result.output)["error"]["fields"] == ["gain"]


def test_tool_run_with_malformed_json_exits_two():
    result = invoke("roi", "--json", "{gain: 1")
    assert result.exit_code == 2
    error = json.loads(result.output)["error"]
    assert error["code"] == "invalid_input"
    assert "not valid JSON" in error["message"]


def test_tool_run_with_json_that_is_not_an_object_exits_two():
    result = invoke("roi", "--json", "[1, 2]")
    assert result.exit_code == 2
    assert "JSON object" in json.loads(result.output)["error"]["message"]


def test_unknown_tool_exits_two_and_lists_the_tools():
    result = invoke("magic", "--json", "{}")
    assert result.exit_code == 2
    error = json.loads(result.output)["error"]
    assert error["fields"] == ["tool"]
    assert "rice_score" in error["message"]


def test_tool_name_without_json_shows_its_description_and_schema():
    result = invoke("npv")
    assert result.exit_code == 0
    assert TOOLS["npv"].description in result.output
    assert '"cash_flows"' in result.output
