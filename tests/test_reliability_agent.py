"""Bad tool arguments on the agent path: a scripted LLM sends them, the turn still completes.

The calculators have their own validation tests (tests/test_tools_*.py); this file checks the
plumbing a real LLM relies on when it gets arguments wrong: each bad call comes back to the
model as a readable "invalid input" message naming the field (never a traceback, never NaN),
the model can go on, and the user gets an answer.
"""

from __future__ import annotations

import json
import math

import pytest
from langchain_core.messages import AIMessage

from assistant.answering.agent import PARSE_RETRIES
from assistant.engine import Advisor
from fakes import ScriptedModel
from fakes import tool_call as _call
from tools.base import non_finite_paths

INF = math.inf

# (tool, args, the field the message must name; None when a finite result is also fine)
BAD_CALLS = [
    ("roi", {"gain": 5000, "cost": 0}, "cost"),  # zero divisor
    ("roi", {"gain": math.nan, "cost": 1000}, "gain"),
    ("roi", {"gain": INF, "cost": 1000}, "gain"),
    ("roi", {"gain": 1000, "cost": -INF}, "cost"),
    ("roi", {"gain": 1e308, "cost": 1e-308}, "gain"),
    ("roi", {"gain": "a lot", "cost": 1000}, "gain"),
    ("roi", {"gain": 1000}, "cost"),  # missing field
    ("roi", {"gain": 1000, "cost": 500, "currency": "EUR"}, "currency"),  # unknown field
    ("rice_score", {"reach": -5, "impact": 2, "confidence": 0.8, "effort": 3}, "reach"),
    ("rice_score", {"reach": 1000, "impact": 2, "confidence": 0.8, "effort": 0}, "effort"),
    ("rice_score", {}, "reach"),
    ("ice_score", {"impact": True, "confidence": 6, "ease": 5}, "impact"),
    ("ab_test", {"control_visitors": 100, "control_conversions": 500, "variant_visitors": 100,
                 "variant_conversions": 20}, "control_conversions"),  # conversions > visitors
    ("ab_test", {"control_visitors": 0, "control_conversions": 0, "variant_visitors": 0,
                 "variant_conversions": 0}, "control_visitors"),
    ("sample_size", {"baseline_rate": 1.5, "target_rate": 2}, "baseline_rate"),
    ("payback_period", {"upfront_cost": 1e308, "monthly_benefit": 1e-308}, None),
    ("npv", {"rate": 0.1, "cash_flows": []}, "cash_flows"),
    ("npv", {"rate": -1, "cash_flows": [-100, 50]}, "rate"),
    ("irr", {"cash_flows": [1e308, -1e308, 1e308]}, None),
    ("prioritize", {"initiatives": "A, B and C"}, "initiatives"),
    ("prioritize", {"initiatives": [{"name": "A"}]}, "impact"),
    ("clv", {"aov": [85, 90], "purchases_per_year": 3, "lifespan_years": 4}, "aov"),
    ("tco", {"implementation": -40000, "horizon_years": 3}, "implementation"),
    ("kpi_suggest", {"application": ""}, "application"),
    ("smart_check", {"goal": None}, "goal"),
    ("hitl_check", {"action": 42}, "action"),
]




@pytest.fixture
def scripted(built_settings, embedder):
    def make(*responses: AIMessage) -> tuple[Advisor, ScriptedModel]:
        model = ScriptedModel(responses=list(responses))
        model.seen = []
        # These scripts have the model choose and call the calculators: the strong-model mode.
        trusted = built_settings.model_copy(update={"llm_calls_calculators": True})
        return Advisor(trusted, brain=model, embedder=embedder), model

    return make


def test_every_bad_tool_call_comes_back_as_a_readable_message_and_the_turn_completes(scripted):
    calls = [_call(name, args, f"bad-{n}") for n, (name, args, _) in enumerate(BAD_CALLS)]
    final = "I could not compute these; please check the figures you gave."
    advisor, model = scripted(AIMessage(content="", tool_calls=calls), AIMessage(content=final))

    # The question names every calculator, so the tool allow-list lets each call through to
    # its input validation.
    result = advisor.ask(
        "Check my ROI, TCO, payback, NPV, IRR, A/B test, sample size, CLV, RICE and ICE "
        "priorities, the KPIs to track, my SMART goal and the human review rules", remember=False)

    assert result.answer.startswith(final)
    replies = {m.tool_call_id: m for m in model.seen[1] if m.type == "tool"}
    assert len(replies) == len(BAD_CALLS)
    for n, (name, args, field) in enumerate(BAD_CALLS):
        content = str(replies[f"bad-{n}"].content)
        assert "Traceback" not in content and "Error(" not in content, (name, args, content)
        assert not content.startswith("not available"), content
        if content.startswith("invalid input"):
            assert field is None or field in content, (name, args, content)
        else:
            assert field is None, f"{name}({args}) was accepted: {content[:200]}"
            assert non_finite_paths(json.loads(content)) == [], (name, args, content)
    assert len(result.tool_calls) == len(BAD_CALLS)
    assert json.loads(result.model_dump_json())  # the result stays valid JSON (no NaN)


def test_the_model_can_correct_itself_after_an_invalid_call(scripted):
    advisor, model = scripted(
        AIMessage(content="", tool_calls=[_call("ab_test", {
            "control_visitors": 100, "control_conversions": 500,
            "variant_visitors": 100, "variant_conversions": 20}, "a1")]),
        AIMessage(content="", tool_calls=[_call("ab_test", {
            "control_visitors": 10000, "control_conversions": 500,
            "variant_visitors": 10000, "variant_conversions": 560}, "a2")]),
        AIMessage(content="The variant converted at 5.6% against 5.0% for control."),
    )
    result = advisor.ask("Control: 500 conversions out of 10000 visitors; variant: 560 out of "
                         "10000. Is it significant?", remember=False)
    first, second = result.tool_calls
    assert isinstance(first.result, str) and first.result.startswith("invalid input")
    assert isinstance(second.result, dict) and second.result["variant_rate"] == pytest.approx(0.056)
    assert result.answer.startswith("The variant converted at 5.6%")


BROKEN_ROI = AIMessage(content="", invalid_tool_calls=[{
    "name": "roi", "args": '{"gain": 50000, "cost": ', "id": "b1", "error": "bad JSON",
    "type": "invalid_tool_call"}])


def test_an_unparseable_tool_call_runs_nothing_and_invents_no_figure(scripted):
    """LLMs sometimes emit tool-call JSON that does not parse; LangChain keeps it aside."""
    # The model garbles every time (distinct messages, as a real model sends).
    advisor, model = scripted(*[BROKEN_ROI.model_copy() for _ in range(4)])
    result = advisor.ask("What is the ROI if we gain $50,000 on a $20,000 tool?", remember=False)
    assert result.answer.strip() and not result.refused
    assert result.tool_calls == []
    assert len(model.seen) == 1 + PARSE_RETRIES  # told once, then the turn ends
    assert "150" not in result.answer  # nothing was computed, so no ROI may be stated


def test_after_an_unparseable_tool_call_the_model_is_told_and_can_retry(scripted):
    advisor, model = scripted(
        BROKEN_ROI,
        AIMessage(content="", tool_calls=[_call("roi", {"gain": 50000, "cost": 20000}, "r2")]),
        AIMessage(content="The ROI is 150%."),
    )
    result = advisor.ask("What is the ROI if we gain $50,000 on a $20,000 tool?", remember=False)
    told = [m for m in model.seen[1] if m.type == "tool" and m.tool_call_id == "b1"]
    assert told and "roi" in str(told[0].content)
    (roi,) = result.tool_calls
    assert roi.result["roi_pct"] == pytest.approx(150.0)
    assert result.answer.startswith("The ROI is 150%.")


def test_a_tool_call_with_a_huge_text_argument_is_bounded(scripted):
    advisor, model = scripted(
        AIMessage(content="", tool_calls=[_call("search_course", {"query": "x" * 100_000}, "h1"),
                                          _call("smart_check", {"goal": "y" * 100_000}, "h2")]),
        AIMessage(content="Done."),
    )
    result = advisor.ask("What is a SMART goal?", remember=False)
    replies = {m.tool_call_id: str(m.content) for m in model.seen[1] if m.type == "tool"}
    assert replies["h1"].startswith("invalid input") and "2000" in replies["h1"]
    assert len(replies["h2"]) < 20_000
    assert result.answer.startswith("Done.")
