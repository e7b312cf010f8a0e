"""The fakes the tests share: a scripted LLM for the real-brain path (agent loop, injection,
privacy, reliability) -- LangChain's fake chat model that accepts tools and remembers what it was
sent -- and one fake Advisor for the UI tests, kept to the real Advisor's signatures."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from langchain_core.language_models.fake_chat_models import FakeMessagesListChatModel

from assistant.memory import ConversationStore
from assistant.settings import Settings
from assistant.types import AnswerResult, StreamEvent


class ScriptedModel(FakeMessagesListChatModel):
    """Replays fixed messages, one per model call; ``seen`` keeps every prompt it received."""

    seen: list = []

    def bind_tools(self, tools, **kwargs):
        return self

    def _generate(self, messages, stop=None, run_manager=None, **kwargs):
        self.seen.append(list(messages))
        return super()._generate(messages, stop=stop, run_manager=run_manager, **kwargs)

    @property
    def _llm_type(self) -> str:
        return "scripted"


def tool_call(name: str, args: dict, call_id: str) -> dict:
    return {"name": name, "args": args, "id": call_id, "type": "tool_call"}


class FakeAdvisor:
    """Stands in for ``assistant.engine.Advisor`` where a test checks what sits around the
    engine (the UI, its stores and limits): the same public surface and the same ``stream()`` /
    ``ask()`` signatures (tests/test_fakes.py compares them with the real class), scripted
    answers.

    ``answer``: the final answer text; ``events``: the StreamEvents to yield before the final
    one (default: the answer as one token); ``error``: raised when asked; ``gate``: the answer
    waits until it is set (a test holds answers back with ``gate.clear()``). ``asked`` records
    ``(question, conversation_id, role)`` of each question.
    """

    engine_name = "fake"

    def __init__(self, settings: Settings, *, answer: str = "An answer.",
                 events: list[StreamEvent] | None = None, error: Exception | None = None,
                 result: AnswerResult | None = None) -> None:
        self.settings = settings
        self.store = ConversationStore(settings.db_path)
        self.answer = answer
        self.events = events
        self.error = error
        self.result = result
        self.gate = threading.Event()
        self.gate.set()
        self.asked: list[tuple[str, str | None, str]] = []

    def stream(self, question: object, conversation_id: str | None = None,
               role: str = "learner", question_id: str | int | None = None,
               remember: bool = True) -> Iterator[StreamEvent]:
        self.asked.append((question, conversation_id, role))
        if self.error is not None:
            raise self.error
        self.gate.wait(120)
        events = self.events if self.events is not None else [
            StreamEvent(type="token", text=self.answer)]
        yield from events
        result = self.result or AnswerResult(question=str(question), answer=self.answer)
        yield StreamEvent(type="final", result=result.model_copy(
            update={"question": str(question), "role": role}))

    def ask(self, question: object, conversation_id: str | None = None, role: str = "learner",
            question_id: str | int | None = None, remember: bool = True) -> AnswerResult:
        *_, final = self.stream(question, conversation_id, role, question_id, remember)
        return final.result
