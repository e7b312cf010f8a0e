"""Specifications of the app's edges: engine errors become messages, streams run in one thread."""

from __future__ import annotations

import contextvars
import copy
import threading
from types import SimpleNamespace

import gradio as gr
import pytest

from assistant.settings import Settings
from assistant.types import (
    AnswerResult,
    Grounding,
    SentenceGrounding,
    StreamEvent,
    ToolCallRecord,
)

from fakes import FakeAdvisor
from ui.app import build_app, friendly_error, in_one_thread


def test_engine_stream_runs_start_to_finish_in_one_thread_and_context():
    var: contextvars.ContextVar[str | None] = contextvars.ContextVar("var", default=None)

    def stream():
        token = var.set("request")
        try:
            yield threading.get_ident()
            yield threading.get_ident()
        finally:
            var.reset(token)  # raises if resumed in another context

    def resume_each_step_elsewhere(iterator):
        # Gradio resumes a sync generator on a fresh worker thread (copied context) each step.
        out = []
        while True:
            box: list = []
            worker = threading.Thread(
                target=lambda box=box: box.append(next(iterator, StopIteration)))
            worker.start()
            worker.join()
            if box[0] is StopIteration:
                return out
            out.append(box[0])

    threads = resume_each_step_elsewhere(in_one_thread(stream))
    assert len(threads) == 2 and threads[0] == threads[1]


def test_errors_in_the_engine_reach_the_consumer():
    def stream():
        yield 1
        raise RuntimeError("boom")

    events = in_one_thread(stream)
    assert next(events) == 1
    with pytest.raises(RuntimeError, match="boom"):
        next(events)


def test_friendly_error_hides_internals_and_says_what_to_do():
    message = friendly_error(RuntimeError("Traceback (most recent call last): secret/path.py"))
    assert "Traceback" not in message and "secret" not in message
    assert "RuntimeError" in message and "try again" in message


def test_friendly_error_passes_input_problems_through():
    from assistant.engine import InputProblem

    problem = InputProblem("empty", "question is empty; type a question about the course")
    assert friendly_error(problem) == "⚠️ question is empty; type a question about the course"


def test_friendly_error_dispatches_on_the_type_not_the_name():
    class InputProblem(ValueError):  # a look-alike is an internal error, not a user message
        message = "internal detail"

    assert "internal detail" not in friendly_error(InputProblem())


def test_app_builds_with_analytics_off_and_the_course_examples(tmp_path):
    settings = Settings(data_dir=tmp_path)
    demo = build_app(settings, FakeAdvisor(settings))
    assert demo.analytics_enabled is False
    assert demo.title == "Strategy Advisor"
    assert len(demo.advisor_context.examples) == 8
    chatbots = [b for b in demo.blocks.values() if isinstance(b, gr.Chatbot)]
    assert len(chatbots) == 1 and chatbots[0].sanitize_html is True


# ----------------------------------------------------------------------------- chat handler


def ScriptedAdvisor(settings: Settings, error: Exception | None = None) -> FakeAdvisor:  # noqa: N802
    """Streams a tool call, two answer pieces and the result; or raises when told to."""
    call = ToolCallRecord(name="rice_score", args={"reach": 1000}, result={"score": 800.0})
    answer = "Score 800 [1].\nYour turn: what would you test?"
    return FakeAdvisor(settings, error=error, answer=answer, events=[
        StreamEvent(type="tool_call", tool_call=call),
        StreamEvent(type="token", text="Score 800 [1].\n"),
        StreamEvent(type="token", text="Your turn: what would you test?"),
    ], result=AnswerResult(
        question="", answer=answer, tool_calls=[call],
        grounding=Grounding(score=1.0, sentences=[SentenceGrounding(text="Score 800 [1].",
                                                                     supported=True)])))


def _respond(demo):
    respond = next(f.fn for f in demo.fns.values() if f.name == "respond")
    chatbot = next(b for b in demo.blocks.values() if isinstance(b, gr.Chatbot))
    request = SimpleNamespace(session_hash="s1", username=None)

    def ask(text, cid=None, plan=None, role="learner"):
        # Values are copied as they are yielded: Gradio sends each one before resuming.
        updates = [
            {key: copy.deepcopy(value) for key, value in update.items()}
            for update in respond(text, role, "browser:abc", cid, [], {},
                                  plan or {"initiatives": []}, request)
        ]
        merged: dict = {}
        for update in updates:
            merged.update(update)
        return updates, merged, chatbot

    return ask


def test_a_question_streams_tool_card_then_answer_with_badge(tmp_path):
    settings = Settings(data_dir=tmp_path)
    advisor = ScriptedAdvisor(settings)
    updates, merged, chatbot = _respond(build_app(settings, advisor))("Rank <b>A</b>", role="planner")
    question, cid, role = advisor.asked[0]
    assert question == "Rank <b>A</b>" and role == "planner"
    assert [c["id"] for c in advisor.store.list(owner="browser:abc")] == [cid]
    first_text = [u[chatbot] for u in updates if chatbot in u][1]
    assert first_text[-1]["metadata"]["status"] == "pending"  # "Searching the course…"
    final = merged[chatbot]
    assert final[0] == {"role": "user", "content": "Rank \\<b\\>A\\</b\\>"}
    assert final[1]["metadata"]["title"] == "🛠️ Tool: rice_score"
    assert final[-1]["content"].endswith("*Grounded 100% · 1/1 sentences supported*")
    assert not any(m.get("metadata", {}).get("status") == "pending" for m in final)


def test_an_engine_error_becomes_a_friendly_message(tmp_path):
    settings = Settings(data_dir=tmp_path)
    advisor = ScriptedAdvisor(settings, error=RuntimeError("Traceback: /secret/path.py line 3"))
    _, merged, chatbot = _respond(build_app(settings, advisor))("What is RICE?")
    reply = merged[chatbot][-1]["content"]
    assert "internal error" in reply and "RuntimeError" in reply
    assert "secret" not in reply and "Traceback" not in reply


def test_questions_over_the_rate_limit_get_a_clear_message(tmp_path):
    settings = Settings(data_dir=tmp_path, rate_limit_per_minute=1)
    advisor = ScriptedAdvisor(settings)
    ask = _respond(build_app(settings, advisor))
    ask("first question")
    _, merged, chatbot = ask("second question")
    assert len(advisor.asked) == 1
    assert "the limit per session. Please wait" in merged[chatbot][-1]["content"]


def test_plan_commands_in_the_chat_change_the_plan_not_the_conversation(tmp_path):
    settings = Settings(data_dir=tmp_path)
    advisor = ScriptedAdvisor(settings)
    demo = build_app(settings, advisor)
    plan_state = next(f for f in demo.fns.values() if f.name == "respond").outputs[5]
    _, merged, chatbot = _respond(demo)(
        "add 'AI site search' with reach 30000, impact 2, confidence 0.8, effort 3")
    assert advisor.asked == []
    assert merged[plan_state]["initiatives"][0]["name"] == "AI site search"
    assert merged[chatbot][-1]["content"].startswith("✅ Added 'AI site search' to the plan")
    _, merged, chatbot = _respond(demo)("add 'X' with reach 1, impact 5, confidence 1, effort 1")
    assert merged[chatbot][-1]["content"].startswith("⚠️ Could not change the plan: 'X': impact")


def test_friendly_error_tells_a_setup_problem_by_its_kind_not_its_class_name():
    from knowledge.index import IndexUnavailable

    message = friendly_error(IndexUnavailable("run `advisor ingest` to build it"))
    assert message == "⚠️ The advisor is not set up to answer: run `advisor ingest` to build it"


def test_a_value_only_update_reaches_gradio_as_the_plain_value():
    from ui.app import _gradio_value
    from ui.context import KEEP, update

    assert _gradio_value(update(value="🟢 Grounded")) == "🟢 Grounded"
    assert _gradio_value(update(value=None)) is None
    assert _gradio_value("plain") == "plain"
    changed = _gradio_value(update(choices=["a"], value=None))
    assert changed == gr.update(choices=["a"], value=None)
    assert _gradio_value(KEEP) == gr.update()
