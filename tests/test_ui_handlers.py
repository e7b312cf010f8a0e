"""Specifications of the UI's handlers, called in-process without Gradio (ui.chat, ui.planner).

Each handler takes an `AppContext` and plain values and returns updates keyed by component
name; these tests drive them over a scripted advisor and the real stores.
"""

from __future__ import annotations

import copy
import inspect
import time
from collections.abc import Iterator

import pytest

from assistant.engine import Advisor
from assistant.memory import ConversationStore
from assistant.settings import Settings
from assistant.types import AnswerResult, Clarification, Grounding, SentenceGrounding, StreamEvent
from knowledge.types import Citation
from ui import chat, planner
from ui.context import FULL_ANSWER, KEEP, NO_CITATION, AppContext, Update
from ui.streaming import batched

CITE = Citation(chunk_id="c-1", lesson="6.1", section="Prioritizing AI Projects",
                quote="RICE scores reach, impact, confidence and effort.")


class ScriptedAdvisor:
    """The engine's streaming contract (same `stream` signature as `Advisor.stream`)."""

    engine_name = "scripted"

    def __init__(self, settings: Settings, pieces: list[str] | None = None,
                 delay: float = 0.0) -> None:
        self.store = ConversationStore(settings.db_path)
        self.pieces = pieces if pieces is not None else ["Score 800 [1].\n", "Your turn."]
        self.delay = delay
        self.asked: list[tuple[str, str | None, str]] = []

    def stream(self, question: object, conversation_id: str | None = None,
               role: str = "learner", question_id: str | int | None = None,
               remember: bool = True) -> Iterator[StreamEvent]:
        self.asked.append((str(question), conversation_id, role))
        for piece in self.pieces:
            time.sleep(self.delay)
            yield StreamEvent(type="token", text=piece)
        result = AnswerResult(
            question=str(question), answer="".join(self.pieces), role=role, citations=[CITE],
            grounding=Grounding(score=1.0, sentences=[SentenceGrounding(text="Score 800 [1].",
                                                                         supported=True)]),
        )
        if remember and conversation_id:  # the engine keeps each turn, as Advisor.stream does
            self.store.append(conversation_id, "user", str(question), {"role": role})
            self.store.append(conversation_id, "assistant", result.answer,
                              result.model_dump(mode="json"))
        yield StreamEvent(type="final", result=result)


class Notices(list):
    def __call__(self, level: str, text: str) -> None:
        self.append((level, text))


@pytest.fixture
def ctx(tmp_path):
    settings = Settings(data_dir=tmp_path / "advisor")
    return AppContext(settings, ScriptedAdvisor(settings), notify=Notices())


def _ask(ctx, text, who="browser:a", cid=None, msgs=None, records=None, **kw):
    # Copied as yielded: Gradio sends each step before it resumes the handler.
    updates = [copy.deepcopy(step) for step in chat.respond(
        ctx, text, "learner", who, cid, msgs or [], records or {}, {"initiatives": []},
        "session", **kw)]
    merged: dict = {}
    for item in updates:
        merged.update(item)
    return updates, merged


def test_the_fake_follows_the_engine_signature():
    assert inspect.signature(ScriptedAdvisor.stream) == inspect.signature(Advisor.stream)


# ----------------------------------------------------------------------------- respond


def test_respond_streams_pending_then_text_then_the_answer_with_its_details(ctx):
    updates, merged = _ask(ctx, "What is RICE?")
    assert updates[0]["chatbot"][-1]["metadata"]["status"] == "pending"
    assert updates[0]["message"] == "" and updates[0]["conv_id"]
    texts = [u["chatbot"][-1]["content"] for u in updates[1:-1]]
    assert texts and texts[0].startswith("Score 800")
    final = merged["chatbot"][-1]["content"]
    assert final.startswith("Score 800 [1].") and "Grounded 100%" in final
    assert merged["answers"]["1"]["question"] == "What is RICE?"
    assert merged["selected_answer"] == 1
    assert "🟢" in merged["badge"].props["value"]
    assert merged["citations"].props["choices"]
    assert [c["id"] for c in ctx.conversations.list(owner="browser:a")] == [merged["conv_id"]]


def test_while_text_streams_only_the_chat_window_is_sent(ctx):
    updates, _ = _ask(ctx, "What is RICE?")
    streaming = [u for u in updates[1:] if "answers" not in u]
    assert streaming and all(set(u) == {"chatbot"} for u in streaming)
    assert "answers" in updates[-1] and "messages" in updates[-1]


def test_an_answer_sends_only_the_controls_it_changes(ctx):
    # Each control update costs the server a session copy of the component: the buttons under
    # the chat are sent when the new answer changes them, not with every answer.
    first, merged = _ask(ctx, "What is RICE?")
    assert merged["full_answer"] == Update({"visible": True})  # hidden before the first answer
    _, again = _ask(ctx, "And ICE?", cid=merged["conv_id"], msgs=merged["messages"],
                    records=merged["answers"])
    assert "options" not in again and "full_answer" not in again  # as they were
    assert "badge" in again and "citations" in again  # the details are the new answer's
    asking = AnswerResult(question="payback?", answer="Is 30k the cost?",
                          clarification=Clarification(question="Is 30k the cost?",
                                                      options=["yes", "no"]))
    records = {**again["answers"], "9": asking.model_dump(mode="json")}
    _, after = _ask(ctx, "yes", cid=merged["conv_id"], msgs=again["messages"], records=records)
    assert after["options"].props["visible"] is False  # the last answer's buttons go


def test_the_conversation_list_is_sent_when_its_order_changes(ctx):
    _, older = _ask(ctx, "What is RICE?")
    _, newer = _ask(ctx, "What is ICE?")
    assert newer["conv_list"].props["value"] == newer["conv_id"]  # a new one is listed at once
    _, same = _ask(ctx, "Why?", cid=newer["conv_id"], msgs=newer["messages"],
                   records=newer["answers"])
    assert "conv_list" not in same  # already at the top: nothing to send
    _, moved = _ask(ctx, "Why?", cid=older["conv_id"], msgs=older["messages"],
                    records=older["answers"])
    assert [cid for _, cid in moved["conv_list"].props["choices"]] == [
        older["conv_id"], newer["conv_id"]]
    assert [c["id"] for c in ctx.conversations.list(owner="browser:a")] == [
        older["conv_id"], newer["conv_id"]]  # the order the store keeps


def test_fast_pieces_are_sent_in_batches_and_the_first_piece_at_once(tmp_path):
    settings = Settings(data_dir=tmp_path / "advisor")
    pieces = [f"word{i} " for i in range(300)]
    ctx = AppContext(settings, ScriptedAdvisor(settings, pieces, delay=0.001), notify=Notices())
    updates, merged = _ask(ctx, "What is RICE?", batch_s=0.05)
    text_steps = [u for u in updates[1:] if "answers" not in u]
    assert text_steps[0]["chatbot"][-1]["content"] == "word0 "  # not held back for a batch
    assert len(text_steps) < 60  # ≥ 300 ms of pieces, one step per 50 ms, not one per piece
    assert merged["chatbot"][-1]["content"].startswith("word0 word1 word2")


def test_an_answer_that_arrives_in_one_piece_is_sent_in_one_step(tmp_path):
    """The server does not hold an answer slot to show text slowly: the page reveals it."""
    settings = Settings(data_dir=tmp_path / "advisor")
    whole = " ".join(f"word{i}" for i in range(120))
    ctx = AppContext(settings, ScriptedAdvisor(settings, [whole]), notify=Notices())
    updates, _ = _ask(ctx, "What is RICE?")
    text_steps = [u for u in updates[1:] if "answers" not in u]
    assert [u["chatbot"][-1]["content"] for u in text_steps] == [whole]


def test_an_empty_message_only_warns(ctx):
    updates, _ = _ask(ctx, "   ")
    assert updates == [{"message": KEEP}]
    assert ctx.notify == [("warning", "Type a question first (or click an example).")]
    assert ctx.advisor.asked == [] and ctx.conversations.list() == []


def test_an_engine_error_is_a_message_without_internals(tmp_path):
    settings = Settings(data_dir=tmp_path / "advisor")

    class Failing(ScriptedAdvisor):
        def stream(self, *args, **kwargs):
            raise RuntimeError("/secret/path.py line 3")
            yield  # pragma: no cover

    ctx = AppContext(settings, Failing(settings), notify=Notices())
    _, merged = _ask(ctx, "What is RICE?")
    reply = merged["chatbot"][-1]["content"]
    assert "internal error" in reply and "secret" not in reply
    assert not any(m.get("metadata", {}).get("status") == "pending" for m in merged["chatbot"])


def test_ask_full_reasks_the_last_question_as_an_instructor(ctx):
    _, merged = _ask(ctx, "What is RICE?")
    updates = list(chat.ask_full(ctx, "learner", "browser:a", merged["conv_id"],
                                 merged["messages"], merged["answers"], {"initiatives": []}))
    assert ctx.advisor.asked[-1] == ("What is RICE?", merged["conv_id"], "instructor")
    assert {"role": "user", "content": FULL_ANSWER} in updates[-1]["messages"]


def test_ask_full_before_any_answer_warns(ctx):
    assert list(chat.ask_full(ctx, "learner", "browser:a", None, [], {}, {})) == [{"message": KEEP}]
    assert ctx.notify[-1][0] == "warning" and ctx.advisor.asked == []


# ----------------------------------------------------------------------------- details


def test_selecting_a_message_shows_that_answers_details(ctx):
    records = {"2": AnswerResult(question="q", answer="a").model_dump(mode="json"),
               "4": AnswerResult(question="q2", answer="b", citations=[CITE]).model_dump(mode="json")}
    picked = chat.on_select_message(ctx, records, 3)
    assert picked["selected_answer"] == 4 and picked["citations"].props["choices"]
    picked = chat.on_select_message(ctx, records, [1, 0])
    assert picked["selected_answer"] == 2 and picked["citations"].props["choices"] == []
    assert chat.on_select_message(ctx, {}, 1)["selected_answer"] is None


def test_show_citation_shows_the_numbered_source_of_the_selected_answer(ctx):
    records = {"2": AnswerResult(question="q", answer="a", citations=[CITE]).model_dump(mode="json")}
    panel = chat.show_citation(ctx, "1", records, 2)["citation_panel"]
    assert "Prioritizing AI Projects" in panel and "RICE scores reach" in panel
    assert chat.show_citation(ctx, "2", records, 2) == {"citation_panel": NO_CITATION}
    assert chat.show_citation(ctx, None, records, 2) == {"citation_panel": KEEP}


# ----------------------------------------------------------------------------- feedback


def test_a_thumbs_down_is_stored_and_opens_the_note(ctx):
    _, merged = _ask(ctx, "What is RICE?")
    liked = chat.on_like(ctx, "browser:a", merged["conv_id"], merged["answers"], 1, False)
    assert liked["note_row"] == Update({"visible": True})
    (stored,) = ctx.store.feedback("browser:a")
    assert stored["rating"] == "down" and stored["question"] == "What is RICE?"
    saved = chat.on_save_note(ctx, "browser:a", liked["feedback_id"], "the score is wrong")
    assert saved == {"note": Update({"value": ""}), "note_row": Update({"visible": False})}
    assert ctx.store.feedback("browser:a")[0]["note"] == "the score is wrong"


def test_a_note_without_a_rating_is_not_saved(ctx):
    assert chat.on_save_note(ctx, "browser:a", None, "wrong") == {"note": KEEP, "note_row": KEEP}
    assert ctx.notify[-1][0] == "warning" and ctx.store.feedback("browser:a") == []


# ----------------------------------------------------------------------------- conversations


def test_a_new_chat_clears_the_conversation_and_the_details(ctx):
    fresh = chat.on_new_chat(ctx)
    assert fresh["conv_id"] is None and fresh["chatbot"] == [] and fresh["answers"] == {}
    assert fresh["citation_panel"] == Update({"value": NO_CITATION})
    assert fresh["options"].props["visible"] is False  # the last conversation's option buttons go


def test_an_opened_conversation_shows_the_options_of_its_open_question_only(ctx):
    asking = AnswerResult(question="What is the payback?", answer="Is 30k the cost?",
                          clarification=Clarification(question="Is 30k the cost?", options=["yes", "no"]))
    cid = ctx.conversations.create(title="payback", owner="browser:a")
    ctx.conversations.append(cid, "user", "What is the payback?", {"role": "learner"})
    ctx.conversations.append(cid, "assistant", asking.answer, asking.model_dump(mode="json"))
    opened = chat.on_open(ctx, cid, "browser:a")
    assert opened["options"].props == {"samples": [["yes"], ["no"]], "visible": True}
    _, merged = _ask(ctx, "What is RICE?", who="browser:a")
    answered = chat.on_open(ctx, merged["conv_id"], "browser:a")
    assert answered["options"].props["visible"] is False


def test_a_conversation_opens_for_its_owner_only(ctx):
    _, merged = _ask(ctx, "What is RICE?", who="browser:a")
    opened = chat.on_open(ctx, merged["conv_id"], "browser:a")
    assert opened["conv_id"] == merged["conv_id"] and opened["selected_answer"] is not None
    assert opened["chatbot"][0]["content"] == "What is RICE?"
    assert chat.on_open(ctx, merged["conv_id"], "browser:b") == {}


def test_a_clicked_example_fills_the_box_and_the_fill_box_rewrites_it(ctx):
    index = next(i for i, e in enumerate(ctx.examples) if e["default"])
    picked = chat.on_example(ctx, index)
    assert picked["example_index"] == index and picked["fill"].props["interactive"] is True
    assert ctx.examples[index]["default"] in picked["message"]
    filled = chat.on_fill(ctx, index, "a pet-food shop")["message"]
    assert "a pet-food shop" in filled and ctx.examples[index]["default"] not in filled
    assert chat.on_fill(ctx, None, "x") == {"message": KEEP}


def test_loading_gives_a_session_id_and_the_owners_saved_plan(ctx):
    ctx.store.save_plan("browser:" + "s" * 16, {"method": "ice", "initiatives": []})
    loaded = chat.on_load(ctx, "s" * 16, None)
    assert loaded["owner"] == "browser:" + "s" * 16 and loaded["plan_state"]["method"] == "ice"
    assert chat.on_load(ctx, None, "ann")["owner"] == "user:ann"
    assert len(chat.on_load(ctx, "short", None)["session"]) == 32


# ----------------------------------------------------------------------------- plan builder

ADD = "add 'AI site search' with reach 30000, impact 2, confidence 0.8, effort 3"


def test_a_plan_command_changes_the_plan(ctx):
    done = planner.on_command(ctx, ADD, {"initiatives": []})
    assert done["command"] == "" and done["plan_status"].startswith("✅ Added")
    assert done["plan_state"]["initiatives"][0]["reach"] == 30000
    bad = planner.on_command(ctx, "rank things", {"initiatives": []})
    assert bad["plan_state"] == KEEP and bad["plan_status"].startswith("⚠️ start with add")


def test_a_plan_command_in_the_chat_changes_the_plan_not_the_conversation(ctx):
    _, merged = _ask(ctx, ADD)
    assert merged["plan_state"]["initiatives"][0]["name"] == "AI site search"
    assert ctx.advisor.asked == [] and ctx.conversations.list() == []


def test_a_plan_command_saves_the_plan_and_refreshing_writes_masked_exports(ctx):
    plan = planner.on_command(ctx, "add 'Mail jane.doe@example.com' with reach 10, impact 1, "
                                   "confidence 0.5, effort 1", {"initiatives": []},
                              "browser:a")["plan_state"]
    views = planner.refresh_plan(ctx, plan, "browser:a")
    assert ctx.store.load_plan("browser:a")["initiatives"][0]["reach"] == 10
    assert views["ranking"][0][0] == 1 and views["download_md"].props["interactive"] is True
    exported = open(views["download_md"].props["value"], encoding="utf-8").read()
    assert "jane.doe@example.com" not in exported and "## Ranking" in exported


def test_switching_method_converts_or_explains(ctx):
    plan = planner.on_command(ctx, ADD, {"initiatives": []})["plan_state"]
    switched = planner.on_method(ctx, "ice", plan)
    assert switched["plan_state"] == KEEP and "Cannot switch to ICE" in switched["plan_status"]
    assert switched["method"] == "rice", "the control shows the method still in effect"
    status = switched["plan_status"]
    assert "stays on RICE" in status and "for RICE" not in status  # asks in ICE's own terms
    assert "ease (1 = hard to 10 = easy) for" in status and "impact (1–10) for" in status
    assert planner.on_method(ctx, "ice", {"initiatives": []})["plan_state"]["method"] == "ice"
    converted = planner.on_method(ctx, "value_effort", plan)
    assert converted["method"] == converted["plan_state"]["method"] == "value_effort"
    assert converted["plan_state"]["initiatives"][0]["value"] == 100
    refused = planner.on_method(ctx, "ice", converted["plan_state"])
    assert refused["method"] == "value_effort" and refused["plan_state"] == KEEP
    back = planner.on_method(ctx, "rice", converted["plan_state"])
    assert back["method"] == "rice" and back["plan_state"]["initiatives"] == plan["initiatives"]
    cleared = planner.on_clear(ctx, plan)
    assert cleared["plan_state"]["initiatives"] == []


def test_a_bad_table_edit_names_the_row(ctx):
    plan = planner.on_command(ctx, ADD, {"initiatives": []})["plan_state"]
    bad = planner.on_table_edit(ctx, [["AI site search", "lots", 2, 0.8, 3, None]], "rice", plan)
    assert bad["plan_state"] == KEEP and "row 1" in bad["plan_status"]


# ----------------------------------------------------------------------------- batching


def test_batches_flush_on_time_and_on_urgent_items():
    def slow():
        for i in range(5):
            time.sleep(0.02)
            yield i
        yield "end"

    batches = list(batched(slow, interval=1.0, urgent=lambda item: item == "end"))
    assert batches == [[0], [1, 2, 3, 4, "end"]]
