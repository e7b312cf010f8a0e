"""Specifications of what a browser session keeps in the server's memory (issue 26's soak).

Gradio keeps each session's `gr.State` values (the chat messages and the answers' records) and
its own copy of the chat for as long as the page is open, so what the chat handlers hand back
as the session's state is what a replica holds per learner. A long conversation must not grow
it without bound: the session keeps a window of its last messages (`chat_window_messages`),
whole exchanges at a time, and the conversation itself stays whole in the database.
"""

from __future__ import annotations

import copy

import pytest

from assistant.settings import Settings
from assistant.types import StreamEvent, ToolCallRecord
from tests.test_ui_handlers import Notices, ScriptedAdvisor
from ui import chat
from ui.context import AppContext

WINDOW = 10


class ToolAdvisor(ScriptedAdvisor):
    """Every answer comes after a calculator's card (two chat messages), as ROI questions do."""

    def stream(self, question, conversation_id=None, role="learner", question_id=None,
               remember=True):
        yield StreamEvent(type="tool_call", tool_call=ToolCallRecord(
            name="roi", args={"gain": 5, "cost": 2}, result={"roi": 1.5}))
        yield from super().stream(question, conversation_id, role, question_id, remember)


def _context(tmp_path, advisor_class, window: int | None):
    updates = {} if window is None else {"chat_window_messages": window}
    settings = Settings(data_dir=tmp_path / "advisor", **updates)
    return AppContext(settings, advisor_class(settings), notify=Notices())


def _converse(ctx, questions: list[str]) -> tuple[list, dict, str]:
    """One session asking `questions` in turn, its state carried as Gradio carries it."""
    msgs, records, cid = [], {}, None
    for text in questions:
        merged: dict = {}
        for step in chat.respond(ctx, text, "learner", "browser:a", cid, msgs, records,
                                 {"initiatives": []}, "session"):
            merged.update(copy.deepcopy(step))
        msgs, records, cid = merged["messages"], merged["answers"], merged["conv_id"]
    return msgs, records, cid


QUESTIONS = [f"What is the ROI of project {n}?" for n in range(30)]


@pytest.mark.parametrize("advisor_class", [ScriptedAdvisor, ToolAdvisor])
def test_a_long_conversation_keeps_a_window_of_whole_exchanges(tmp_path, advisor_class):
    ctx = _context(tmp_path, advisor_class, WINDOW)
    msgs, records, cid = _converse(ctx, QUESTIONS)
    per_exchange = 4 if advisor_class is ToolAdvisor else 2
    # The window, plus the exchange just answered (the window is applied as a message arrives).
    assert len(msgs) <= WINDOW + per_exchange
    assert msgs[0]["role"] == "user"  # cut where a question begins: no orphaned tool card
    assert len(records) <= (WINDOW + per_exchange) // per_exchange
    for key, record in records.items():  # each record still belongs to its own bubble
        assert msgs[int(key)]["role"] == "assistant"
        assert msgs[int(key)]["content"].startswith(record["answer"])
        question = msgs[int(key) - per_exchange + 1]["content"]
        assert record["question"] == question
    assert records[max(records, key=int)]["question"] == QUESTIONS[-1]
    # The database keeps the whole conversation, whatever the window.
    assert len(ctx.conversations.history(cid, limit=1000)) == 2 * len(QUESTIONS)


def test_the_window_changes_nothing_of_the_last_answer(tmp_path):
    windowed = _converse(_context(tmp_path / "w", ToolAdvisor, WINDOW), QUESTIONS[:8])
    whole = _converse(_context(tmp_path / "a", ToolAdvisor, 2000), QUESTIONS[:8])
    assert len(whole[0]) == 32 and len(windowed[0]) < 32
    last = lambda state: state[1][max(state[1], key=int)]  # noqa: E731
    drop = lambda record: {k: v for k, v in record.items() if k != "latency_ms"}  # noqa: E731
    assert drop(last(windowed)) == drop(last(whole))
    assert [m["content"] for m in windowed[0][-4:]] == [m["content"] for m in whole[0][-4:]]


def test_a_reopened_long_conversation_opens_in_the_window(tmp_path):
    ctx = _context(tmp_path, ToolAdvisor, WINDOW)
    _, _, cid = _converse(ctx, QUESTIONS[:12])
    opened = chat.on_open(ctx, cid, "browser:a")
    assert len(opened["messages"]) <= WINDOW and opened["messages"][0]["role"] == "user"
    assert opened["answers"][str(opened["selected_answer"])]["question"] == QUESTIONS[11]


def test_tool_cards_keep_distinct_ids_as_the_window_moves(tmp_path):
    ctx = _context(tmp_path, ToolAdvisor, WINDOW)
    msgs, _, _ = _converse(ctx, QUESTIONS[:12])
    ids = [m["metadata"]["id"] for m in msgs if "id" in (m.get("metadata") or {})]
    assert len(ids) == len(set(ids)) >= 2


def test_the_default_window_is_a_setting():
    assert Settings().chat_window_messages == 80


# ----------------------------------------------------------------------------- process-wide memos


class Counting:
    """An embedder that counts what it is asked to embed (no model)."""

    model_name = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts, batch_size=64):
        import numpy as np

        self.seen += list(texts)
        return np.ones((len(texts), 384), dtype=np.float32)


def test_the_embedding_memo_holds_at_most_its_setting_of_answer_texts(tmp_path):
    from assistant.engine import Advisor

    settings = Settings(data_dir=tmp_path / "advisor", embedding_memo_limit=50)
    memo = Advisor(settings, embedder=Counting()).vectors
    memo.pin([f"course sentence {n}" for n in range(80)])  # pinned: kept whatever the limit
    for n in range(500):  # a server's worth of first-seen questions, one at a time
        memo.encode([f"question {n}"])
    assert len(memo) == 80 + 50


def test_the_embedding_memo_ceiling_is_tens_of_mib_by_default():
    # ~2 KiB a vector (bench/results.md): the old 100,000 was ~190 MiB per replica.
    assert Settings().embedding_memo_limit * 2048 / 2**20 <= 40


# ----------------------------------------------------------------------------- closed pages


def test_a_closed_page_is_forgotten_once_gradio_would_have_dropped_its_state(tmp_path):
    import time

    import gradio as gr
    from gradio.state_holder import StateHolder

    from ui.app import CLOSED_SESSION_S, build_app, forget_closed_sessions

    settings = Settings(data_dir=tmp_path / "advisor")
    demo = build_app(settings, ScriptedAdvisor(settings))
    holder = StateHolder()
    holder.set_blocks(demo)
    state_ids = [i for i, block in demo.blocks.items() if type(block) is gr.State]
    for session_id in ["open", "closed"]:
        session = holder[session_id]
        for state_id in state_ids:
            session[state_id] = ["a message"]  # what a handler's output does
    holder.session_data["closed"].is_closed = True  # the heartbeat ended: the page closed
    now = time.time()
    assert forget_closed_sessions(holder, now=now + CLOSED_SESSION_S / 2) == 0  # may reconnect
    assert set(holder.session_data) == {"open", "closed"}
    assert forget_closed_sessions(holder, now=now + 2 * CLOSED_SESSION_S) == 1
    assert set(holder.session_data) == {"open"}  # an open page is never forgotten, however idle
    assert "closed" not in holder.time_last_used


def test_the_app_has_gradio_sweep_the_downloads_it_cached(tmp_path):
    """Every plan export or report offered for download is copied into Gradio's cache under a
    new name when its content changes; Gradio removes the copies an app made only when the app
    asks it to (`delete_cache`), so a server running for weeks would otherwise fill its disk."""
    from ui.app import build_app

    settings = Settings(data_dir=tmp_path / "advisor")
    demo = build_app(settings, ScriptedAdvisor(settings))
    assert demo.delete_cache is not None
    every, age = demo.delete_cache
    assert 0 < every <= 86400 and 0 < age <= 7 * 86400


# ----------------------------------------------------------------------------- the C heap


def test_the_server_caps_malloc_arenas_unless_the_operator_chose(monkeypatch):
    from ui import heap

    if heap._libc() is None:
        pytest.skip("not glibc: both calls do nothing")
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert heap.limit_arenas() is False  # the operator's environment wins
    monkeypatch.delenv("MALLOC_ARENA_MAX")
    assert heap.limit_arenas() is True


def test_freed_heap_goes_back_to_the_system():
    from ui import heap

    if heap._libc() is None:
        pytest.skip("not glibc: both calls do nothing")
    blocks = [bytearray(200_000) for _ in range(200)]  # 40 MB, then freed
    del blocks
    assert isinstance(heap.return_freed_memory(), bool)


class FailingAdvisor(ScriptedAdvisor):
    """Answers until told to fail, then raises mid-answer (a stopped or failed answer)."""

    fail = False

    def stream(self, question, conversation_id=None, role="learner", question_id=None,
               remember=True):
        if self.fail:
            raise RuntimeError("the engine failed")
        yield from super().stream(question, conversation_id, role, question_id, remember)


def test_an_answer_that_fails_after_the_window_moved_leaves_records_matching_messages(tmp_path):
    ctx = _context(tmp_path, FailingAdvisor, WINDOW)
    msgs, records, cid = _converse(ctx, QUESTIONS[:6])  # 12 messages: the window is full
    ctx.advisor.fail = True
    state = {"messages": msgs, "answers": records}
    for step in chat.respond(ctx, "One more?", "learner", "browser:a", cid, msgs, records,
                             {"initiatives": []}, "session"):
        state.update({k: v for k, v in step.items() if k in state})  # what Gradio keeps
    assert state["messages"][0] != msgs[0]  # the window moved
    assert state["answers"]
    for key, record in state["answers"].items():  # each record beside its own question
        assert state["messages"][int(key) - 1]["content"] == record["question"]
