"""The agent loop with scripted LangChain fake chat models standing in for a real LLM.

These prove the plumbing every real brain relies on: tool calls run, a malformed call or a
validation error comes back to the model as a readable message, the loop recovers, citations
map to retrieved passages, and unsupported sentences are flagged to the user.
"""

from __future__ import annotations

import json
import re

import pytest
from langchain_core.language_models.fake_chat_models import GenericFakeChatModel
from langchain_core.messages import AIMessage, AIMessageChunk
from langchain_core.outputs import ChatGenerationChunk

from assistant.engine import Advisor
from fakes import ScriptedModel
from fakes import tool_call as call




@pytest.fixture
def scripted(built_settings, embedder):
    def make(*responses: AIMessage) -> tuple[Advisor, ScriptedModel]:
        model = ScriptedModel(responses=list(responses))
        model.seen = []
        # These scripts have the model choose and call the calculators: the strong-model mode.
        trusted = built_settings.model_copy(update={"llm_calls_calculators": True})
        return Advisor(trusted, brain=model, embedder=embedder), model

    return make


def test_agent_recovers_from_a_tool_validation_error_and_answers(scripted):
    advisor, model = scripted(
        AIMessage(content="", tool_calls=[
            call("search_course", {"query": "ROI formula"}, "c1"),
            call("roi", {"gain": 50000, "cost": -3}, "c2"),  # invalid: negative cost
        ]),
        AIMessage(content="", tool_calls=[call("roi", {"gain": 50000, "cost": 20000}, "c3")]),
        AIMessage(content="The basic ROI formula is: (Net Profit from AI - Cost of AI Investment) / "
                          "Cost of AI Investment * 100% [1]. The ROI is 150%."),
    )
    result = advisor.ask("What is the ROI if we gain $50,000 on a $20,000 tool?", remember=False)

    tool_messages = [m for m in model.seen[1] if m.type == "tool"]
    error = next(m for m in tool_messages if m.tool_call_id == "c2")
    assert "cost" in error.content and "invalid input" in error.content
    roi_calls = [c for c in result.tool_calls if c.name == "roi"]
    assert roi_calls[-1].result["roi_pct"] == pytest.approx(150.0)
    assert result.citations and "Return on Investment" in result.citations[0].section
    assert result.grounding.score == 1.0
    assert result.engine == "scripted"


def test_agent_survives_a_call_to_a_tool_that_does_not_exist(scripted):
    advisor, model = scripted(
        AIMessage(content="", tool_calls=[call("make_coffee", {"size": "large"}, "x1")]),
        AIMessage(content="", tool_calls=[call("search_course", {"query": "model drift"}, "x2")]),
        AIMessage(content='Models can experience "model drift" where their performance degrades '
                          "over time as data patterns change [1]."),
    )
    result = advisor.ask("What is model drift?", remember=False)
    unknown = next(m for m in model.seen[1] if m.type == "tool" and m.tool_call_id == "x1")
    assert "make_coffee" in unknown.content  # the model is told the tool is not available
    assert "drift" in result.answer
    assert result.citations and result.grounding.score == 1.0


def test_unsupported_sentences_from_an_llm_are_flagged_to_the_user(scripted):
    advisor, _ = scripted(
        AIMessage(content="", tool_calls=[call("search_course", {"query": "ROI formula"}, "y1")]),
        AIMessage(content="The basic ROI formula is: (Net Profit from AI - Cost of AI Investment) / "
                          "Cost of AI Investment * 100% [1]. Most AI projects return 900% in a week."),
    )
    result = advisor.ask("How do I calculate ROI?", remember=False)
    unsupported = [s.text for s in result.grounding.sentences if not s.supported]
    assert any("900%" in text for text in unsupported)
    assert result.grounding.score < 1.0
    assert "Not supported by the course" in result.answer


def test_a_citation_marker_without_a_retrieved_passage_is_not_listed(scripted):
    advisor, _ = scripted(
        AIMessage(content="", tool_calls=[call("search_course", {"query": "human in the loop", "k": 2}, "z1")]),
        AIMessage(content="Implementing a Human-in-the-Loop (HITL) model is vital for critical AI "
                          "applications where errors can have significant consequences [1] [7]."),
    )
    result = advisor.ask("When do I need a human in the loop?", remember=False)
    assert len(result.citations) == 1  # [7] points at nothing that was retrieved
    assert "Human Oversight" in result.citations[0].section


class StreamingScriptedModel(GenericFakeChatModel):
    """Like ScriptedModel, but streams its text word by word as a real LLM server does."""

    def bind_tools(self, tools, **kwargs):
        return self

    def _stream(self, messages, stop=None, run_manager=None, **kwargs):
        message = next(self.messages)
        if message.tool_calls:  # the stock fake model cannot stream tool calls
            yield ChatGenerationChunk(message=AIMessageChunk(content="", tool_call_chunks=[
                {"name": c["name"], "args": json.dumps(c["args"]), "id": c["id"], "index": i, "type": "tool_call_chunk"}
                for i, c in enumerate(message.tool_calls)
            ]))
            return
        for token in re.split(r"(\s)", message.content):
            if token:
                yield ChatGenerationChunk(message=AIMessageChunk(content=token))

    @property
    def _llm_type(self) -> str:
        return "scripted-streaming"


def test_a_streaming_brain_streams_its_final_answer_token_by_token(built_settings, embedder):
    answer = ('Models can experience "model drift" where their performance degrades over time '
              "as data patterns change [1].")
    model = StreamingScriptedModel(messages=iter([
        AIMessage(content="", tool_calls=[call("search_course", {"query": "model drift"}, "s1")]),
        AIMessage(content=answer),
    ]))
    advisor = Advisor(built_settings, brain=model, embedder=embedder)
    events = list(advisor.stream("What is model drift?", remember=False))
    tokens = [e.text for e in events if e.type == "token"]
    assert len(tokens) > 5  # word by word, not one block
    assert "".join(tokens) == answer
    final = events[-1].result
    assert final.answer == answer and final.citations
