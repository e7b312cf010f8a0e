"""The model is not trusted with figures (assistant/answering/prefetch.py).

With an LLM brain and the default settings, the engine reads the question, runs the calculators
it chose with the figures it read, and searches the course before the model writes; the model
gets both as a tool-call turn it did not make, cannot run a calculator itself, and a number it
makes up is flagged. ``ADVISOR_LLM_CALLS_CALCULATORS=true`` hands the calculators to the model.
"""

from __future__ import annotations

import json

import pytest
from langchain_core.messages import AIMessage, ToolMessage

from assistant.engine import Advisor
from assistant.reading.intents import detect
from fakes import ScriptedModel
from fakes import tool_call

QUESTION = "What is the ROI if we gain $15,000 on a $10,000 AI tool?"


def _advisor(settings, embedder, *responses, **overrides):
    model = ScriptedModel(responses=list(responses))
    model.seen = []
    settings = settings.model_copy(update=overrides) if overrides else settings
    return Advisor(settings, brain=model, embedder=embedder), model


def test_the_engine_runs_the_calculator_it_read_before_the_model_writes(built_settings, embedder):
    planned = detect(QUESTION).tools
    assert [name for name, _ in planned] == ["roi"], "the planner must read this question"
    advisor, model = _advisor(built_settings, embedder, AIMessage(content="The ROI is 50% [1]."))
    events = list(advisor.stream(QUESTION, remember=False))

    first_tool = next(i for i, e in enumerate(events) if e.type == "tool_call")
    first_token = next(i for i, e in enumerate(events) if e.type == "token")
    assert first_tool < first_token  # the result is on screen before the model's text
    result = events[-1].result
    (roi,) = result.tool_calls
    assert roi.args == planned[0][1] and roi.result["roi_pct"] == pytest.approx(50.0)

    sent = model.seen[0]  # the model's first call already holds the search and the result
    results = {m.name: m.content for m in sent if isinstance(m, ToolMessage)}
    assert json.loads(results["roi"])["roi_pct"] == pytest.approx(50.0)
    assert json.loads(results["search_course"])["passages"]
    assert result.citations  # [1] is a passage the engine retrieved
    assert all(s.supported for s in result.grounding.sentences if "50%" in s.text)


def test_the_model_cannot_run_a_calculator_itself_by_default(built_settings, embedder):
    advisor, _ = _advisor(
        built_settings, embedder,
        AIMessage(content="", tool_calls=[tool_call("roi", {"gain": 90000, "cost": 10000}, "m1")]),
        AIMessage(content="The ROI is 800%."),
    )
    result = advisor.ask(QUESTION, remember=False)
    ran = [c for c in result.tool_calls if isinstance(c.result, dict) and "roi_pct" in c.result]
    assert [c.result["roi_pct"] for c in ran] == [pytest.approx(50.0)]  # the engine's, not the model's
    refused = [c for c in result.tool_calls if c.args.get("gain") == 90000]
    assert refused and "not available" in str(refused[0].result)
    assert any("800%" in s.text for s in result.grounding.sentences if not s.supported)
    assert "Not supported by the course" in result.answer


def test_a_trusted_model_calls_the_calculators_and_the_engine_runs_none(built_settings, embedder):
    advisor, model = _advisor(
        built_settings, embedder,
        AIMessage(content="", tool_calls=[tool_call("roi", {"gain": 15000, "cost": 10000}, "t1")]),
        AIMessage(content="The ROI is 50%."),
        llm_calls_calculators=True,
    )
    result = advisor.ask(QUESTION, remember=False)
    (roi,) = result.tool_calls
    assert roi.result["roi_pct"] == pytest.approx(50.0)
    assert not [m for m in model.seen[0] if isinstance(m, ToolMessage)]  # nothing ran before it


def test_a_question_without_figures_gets_passages_and_no_calculator(built_settings, embedder):
    advisor, model = _advisor(built_settings, embedder,
                              AIMessage(content="Start with a pilot on one segment [1]."))
    result = advisor.ask("How should we scale a successful AI pilot?", remember=False)
    assert result.tool_calls == []
    assert [m.name for m in model.seen[0] if isinstance(m, ToolMessage)] == ["search_course"]
