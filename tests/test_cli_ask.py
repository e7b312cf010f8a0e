"""`advisor ask`: the JSON contract other tools depend on, batch mode, and input errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.cli import main

CONTRACT = {"id", "question", "answer", "refused", "citations", "tool_calls", "grounding", "engine", "latency_ms"}


@pytest.fixture
def run(built_settings, use_settings):
    use_settings(built_settings)
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


def test_ask_json_has_every_contract_field(run):
    result = run("ask", "--json", "Our AI chatbot cost $20,000 and generated net profit of $50,000. What is the ROI?")
    assert result.exit_code == 0
    body = json.loads(result.output)
    assert CONTRACT <= body.keys()
    assert body["engine"] == "offline" and body["refused"] is False
    assert {"chunk_id", "lesson", "section", "quote"} <= body["citations"][0].keys()
    assert body["tool_calls"][0]["name"] == "roi"
    assert body["tool_calls"][0]["result"]["roi_pct"] == 150.0
    assert {"score", "sentences"} <= body["grounding"].keys()
    assert {"text", "supported", "sources"} <= body["grounding"]["sentences"][0].keys()


def test_ask_json_carries_a_clarifying_question_when_a_figure_is_missing(run):
    result = run("ask", "--json", "We spent $20,000 on a chatbot. What is the ROI?")
    assert result.exit_code == 0
    body = json.loads(result.output)
    assert body["clarification"]["question"] in body["answer"]
    assert isinstance(body["clarification"]["options"], list)
    assert body["tool_calls"] == []
    assert json.loads(run("ask", "--json", "What is model drift?").output)["clarification"] is None


def test_ask_text_shows_numbered_citations_and_a_calculated_block(run):
    result = run("ask", "The tool costs $12,000 upfront and saves $1,500 per month. When does it pay back?")
    assert result.exit_code == 0
    assert "Sources:" in result.output and "[1]" in result.output
    assert "Calculated (deterministic tools):" in result.output
    assert "8 months" in result.output


@pytest.mark.parametrize(
    ("question", "code"),
    [("", "invalid_input"), ("   \n\t ", "invalid_input"), ("x" * 8001, "too_long")],
)
def test_bad_questions_exit_2_with_a_json_error(run, question, code):
    result = run("ask", "--json", question)
    assert result.exit_code == 2
    error = json.loads(result.output)["error"]
    assert error["code"] == code and error["message"]


def test_undecodable_stdin_is_rejected_with_a_clear_message(run):
    result = run("ask", "--json", input=b"\xff\xfe\xfa not utf-8")
    assert result.exit_code == 2
    assert "UTF-8" in json.loads(result.output)["error"]["message"]


def test_batch_answers_in_order_and_a_bad_line_does_not_stop_it(run, tmp_path):
    batch = tmp_path / "questions.jsonl"
    batch.write_text(
        json.dumps({"id": "a", "question": "What is model drift?"}) + "\n"
        + "{not json}\n"
        + json.dumps({"id": "b", "question": ""}) + "\n"
        + json.dumps({"id": "c", "question": "How do I bake sourdough bread?"}) + "\n"
    )
    result = run("ask", "--json", "--batch", str(batch))
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line.get("id") for line in lines] == ["a", None, "b", "c"]
    assert "drift" in lines[0]["answer"]
    assert lines[1]["error"] == {"code": "invalid_json", "kind": "user", "line": 2,
                                 "message": lines[1]["error"]["message"]}
    assert lines[2]["error"]["code"] == "invalid_input" and lines[2]["error"]["kind"] == "user"
    assert lines[3]["refused"] is True
