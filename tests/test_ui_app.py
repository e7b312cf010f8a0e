"""Specifications of the app's edges: engine errors become messages, streams run in one thread."""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Iterator

import pytest

from assistant.memory import ConversationStore
from assistant.settings import Settings
from assistant.types import AnswerResult, StreamEvent

gr = pytest.importorskip("gradio")

from ui.app import build_app, friendly_error, in_one_thread


class FakeAdvisor:
    """Follows the engine's API: engine_name, store, stream() of StreamEvents."""

    engine_name = "fake"

    def __init__(self, settings: Settings) -> None:
        self.store = ConversationStore(settings.db_path)

    def stream(self, question, conversation_id=None, role="learner") -> Iterator[StreamEvent]:
        yield StreamEvent(type="token", text="An answer.")
        yield StreamEvent(type="final", result=AnswerResult(question=question, answer="An answer."))


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
    class InputProblem(ValueError):
        message = "question is empty; type a question about the course"

    assert friendly_error(InputProblem()) == "⚠️ question is empty; type a question about the course"


def test_app_builds_with_analytics_off_and_the_course_examples(tmp_path):
    settings = Settings(data_dir=tmp_path)
    demo = build_app(settings, FakeAdvisor(settings))
    assert demo.analytics_enabled is False
    assert demo.title == "Strategy Advisor"
    assert len(demo.advisor_context.examples) == 8
    chatbots = [b for b in demo.blocks.values() if isinstance(b, gr.Chatbot)]
    assert len(chatbots) == 1 and chatbots[0].sanitize_html is True
