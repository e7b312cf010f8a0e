"""The chat tab's handlers: ask (streamed), full answer, answer details, citations, feedback,
conversations, examples and the session's start.

Each is a module-level function of an `AppContext` and plain values, returning (or yielding) a
mapping from component names to values or `Update`s; `ui.app` binds them to components.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from typing import Any

from assistant.reading.privacy import mask_pii
from assistant.types import AnswerResult
from knowledge.types import Citation
from ui import formatting as fmt
from ui import plan as planning
from ui.context import (
    FULL_ANSWER,
    KEEP,
    NO_ANSWER_YET,
    NO_CITATION,
    AppContext,
    friendly_error,
    update,
)
from ui.planner import edit_plan
from ui.streaming import BATCH_S, batched

log = logging.getLogger(__name__)

Updates = dict[str, Any]
TITLE_CHARS = 80  # the longest title the conversation store keeps; cut here at a word
DETAILS = ("badge", "highlight", "citations", "citation_panel")


def conversation_choices(ctx: AppContext, owner: str) -> list[tuple[str, str]]:
    if not owner:
        return []
    return [(c["title"] or "Untitled", c["id"]) for c in ctx.conversations.list(owner=owner)]


def details(record: dict[str, Any] | AnswerResult | None) -> Updates:
    """The answer-details panel (badge, sentence highlight, sources, passage) for one answer
    (its stored record, or the result itself when the engine has just given it)."""
    if not record:
        return {"badge": update(value=NO_ANSWER_YET), "highlight": update(value=[]),
                "citations": update(choices=[], value=None),
                "citation_panel": update(value=NO_CITATION)}
    result = record if isinstance(record, AnswerResult) else AnswerResult.model_validate(record)
    icon = {"high": "🟢", "partial": "🟡", "low": "🔴"}[fmt.grounding_level(result)]
    return {
        "badge": update(value=f"{icon} {fmt.escape_markdown(fmt.grounding_badge(result))}"),
        "highlight": update(value=fmt.highlight_sentences(result.grounding)),
        "citations": update(choices=fmt.citation_choices(result.citations), value=None),
        "citation_panel": update(value=NO_CITATION if result.citations
                                 else "_This answer cites no passages._"),
    }


def on_load(ctx: AppContext, stored: Any, username: str | None) -> Updates:
    """A browser opens the app: its session id (kept in the browser), owner, conversations, plan."""
    session_id = stored if isinstance(stored, str) and len(stored) >= 16 else uuid.uuid4().hex
    who = f"user:{username}" if username else f"browser:{session_id}"
    saved = ctx.store.load_plan(who)
    plan = planning.Plan.model_validate(saved) if saved else planning.Plan()
    return {"session": session_id, "owner": who,
            "conv_list": update(choices=conversation_choices(ctx, who), value=None),
            "plan_state": plan.model_dump()}


# ----------------------------------------------------------------------------- asking


def _plan_command(ctx: AppContext, text: str, msgs: list, plan_data: dict,
                  who: str = "") -> Updates | None:
    """Plan commands ("add 'X' with reach …") change the plan, not the conversation."""
    try:
        command = planning.parse_command(text)
    except planning.PlanError as exc:
        msgs += [fmt.user_message(text), {"role": "assistant", "content":
                 "⚠️ Could not change the plan: " + fmt.escape_markdown(str(exc))}]
        return {"chatbot": msgs, "messages": msgs, "message": ""}
    if command is None:
        return None
    try:
        plan_data, reply = edit_plan(ctx, who, plan_data,
                                     lambda plan: planning.apply_command(plan, command))
        reply = "✅ " + fmt.escape_markdown(reply)
    except planning.PlanError as exc:
        reply = "⚠️ Could not change the plan: " + fmt.escape_markdown(str(exc))
    msgs += [fmt.user_message(text), {"role": "assistant", "content": reply}]
    return {"chatbot": msgs, "messages": msgs, "message": "", "plan_state": plan_data}


def respond(ctx: AppContext, text: str, role: str, who: str, cid: str | None, msgs: list,
            records: dict, plan_data: dict, session_key: str = "", *,
            shown: str | None = None, batch_s: float = BATCH_S) -> Iterator[Updates]:
    """Answers one chat message, streaming: pending card, tool cards, text, then the details.

    While text streams only the chat window is sent, in batches of `batch_s`, as soon as the
    engine has it: the page reveals it word by word at its own pace (`ui.look`), so no answer
    holds an answer slot to be shown slowly. The stores and the details panel are updated once,
    with the final answer.
    """
    text = text or ""
    before = len(msgs or [])
    msgs, records = recent(list(msgs or []), dict(records or {}),
                           ctx.settings.chat_window_messages)
    window_moved = len(msgs) < before
    if not text.strip():
        ctx.notify("warning", "Type a question first (or click an example).")
        yield {"message": KEEP}
        return
    wait = ctx.limiter.check(who or session_key or "anonymous")
    if wait:
        msgs += [fmt.user_message(shown or text),
                 {"role": "assistant", "content": "⏳ " + ctx.limiter.message(wait)}]
        yield {"chatbot": msgs, "messages": msgs, "message": ""}
        return
    if shown is None:
        handled = _plan_command(ctx, text, msgs, plan_data, who)
        if handled is not None:
            yield handled
            return

    # Validate before anything is stored: a rejected question leaves no trace.
    from assistant.engine import InputProblem, validate_question

    try:
        validate_question(text, ctx.settings.max_question_chars)
    except InputProblem as exc:
        safe = text.encode("utf-8", "replace").decode("utf-8")[:200]
        msgs += [fmt.user_message(shown or safe),
                 {"role": "assistant", "content": "⚠️ " + fmt.escape_markdown(exc.message)}]
        yield {"chatbot": msgs, "messages": msgs, "message": ""}
        return
    new_conversation = not cid
    # What the page shows now (the last answer's buttons, the list's order): an update that
    # would not change it is not sent, since each one makes Gradio build a session copy of
    # the component and send its whole configuration.
    shown_before = fmt.answer_for_index(records, 10**9)
    last_record = shown_before[1] if shown_before else None
    listed_before = [] if new_conversation else conversation_choices(ctx, who)
    if new_conversation:
        # Mask before cutting: an e-mail cut at character 80 would no longer look like one.
        cid = ctx.conversations.create(title=fmt.shorten(mask_pii(text), TITLE_CHARS), owner=who)
    msgs.append(fmt.user_message(shown or text))
    pending = {"role": "assistant", "content": "",
               "metadata": {"title": "🔎 Searching the course…", "status": "pending"}}
    msgs.append(pending)
    first: Updates = {"chatbot": msgs, "messages": msgs, "message": "", "conv_id": cid}
    if window_moved:  # the records re-keyed with the messages, even if this answer then
        first["answers"] = records  # fails or is stopped before its result
    if new_conversation:
        first["conv_list"] = update(choices=conversation_choices(ctx, who), value=cid)
    yield first

    answer_index: int | None = None
    partial = ""
    final: Updates = {}
    started = time.perf_counter()

    def answer_slot() -> int:
        nonlocal answer_index
        if answer_index is None:
            msgs.remove(pending)
            msgs.append({"role": "assistant", "content": ""})
            answer_index = len(msgs) - 1
        return answer_index

    try:
        stream = batched(lambda: ctx.advisor.stream(text, conversation_id=cid, role=role),
                         interval=batch_s, urgent=lambda event: event.type != "token")
        for batch in stream:
            final = {}
            grown = False
            for event in batch:
                if event.type == "tool_call" and event.tool_call is not None:
                    at = len(msgs) - 1 if answer_index is None else len(msgs)
                    # An id of its own, not its position: the window moves positions.
                    msgs[at:at] = fmt.tool_card(event.tool_call,
                                                card_id=f"tool-{uuid.uuid4().hex[:12]}")
                elif event.type == "token":
                    if answer_index is None:
                        log.info("first token after %.0f ms", 1000 * (time.perf_counter() - started))
                    partial += event.text
                    grown = True
                elif event.type == "final" and event.result is not None:
                    grown = False  # the whole answer replaces the streamed text
                    record = event.result.model_dump(mode="json")
                    index = answer_slot()
                    msgs[index] = {"role": "assistant", "content": fmt.answer_message(event.result)}
                    records[str(index)] = record
                    final = {"messages": msgs, "answers": records, **details(event.result),
                             "selected_answer": index,
                             **_changed_controls(last_record, record, listed_before, cid)}
                    if new_conversation:  # said again with the answer: an API client reads only
                        # the last update of each output, and a new conversation must be in its list
                        final["conv_list"] = update(choices=conversation_choices(ctx, who), value=cid)
            if grown:  # the text so far, made safe once per update, not once per piece
                msgs[answer_slot()] = {"role": "assistant", "content": fmt.neutralize_html(partial)}
            yield {"chatbot": msgs, **final}
    except Exception as exc:  # never a traceback in the chat
        from assistant.errors import AdvisorError, Kind

        if not (isinstance(exc, AdvisorError) and exc.kind is Kind.USER):
            log.exception("the advisor failed on a question")
        if pending in msgs:
            msgs.remove(pending)
        msgs.append({"role": "assistant", "content": fmt.escape_markdown(friendly_error(exc))})
        yield {"chatbot": msgs, "messages": msgs}
        return
    if "answers" not in final:  # the stream ended without a result: keep what was shown
        yield {"messages": msgs}


def recent(msgs: list, records: dict, limit: int) -> tuple[list, dict]:
    """The session's chat window: its last `limit` messages or fewer, cut where a question
    begins (an answer keeps its tool cards), with the answers' records re-keyed to their new
    positions and the records of dropped answers dropped too.

    A browser session lives in the server's memory as long as the page is open, so without a
    window a long conversation grows it by every answer (its record and Gradio's copy of the
    chat); the conversation itself is in the database whatever the window.
    """
    if len(msgs) <= limit:
        return msgs, records
    cut = len(msgs) - limit
    cut = next((i for i in range(cut, len(msgs)) if msgs[i].get("role") == "user"), cut)
    kept = {str(int(key) - cut): record for key, record in records.items() if int(key) >= cut}
    return msgs[cut:], kept


def _changed_controls(before: dict[str, Any] | None, record: dict[str, Any],
                      listed_before: list[tuple[str, str]], cid: str) -> Updates:
    """The controls around the chat that a new answer changes: the option buttons and the
    full-answer button when they differ from the previous answer's, and the conversation list
    when this conversation was not already at its top (a new one was listed when it began)."""
    changed: Updates = {}
    if clarification_options(before) or clarification_options(record):
        changed["options"] = option_buttons(record)
    if full_answer_offered(before) != full_answer_offered(record):
        changed["full_answer"] = update(visible=full_answer_offered(record))
    if listed_before and listed_before[0][1] != cid:  # answered now: it moves to the top
        moved = [choice for choice in listed_before if choice[1] == cid]
        rest = [choice for choice in listed_before if choice[1] != cid]
        if moved:
            changed["conv_list"] = update(choices=moved + rest, value=cid)
    return changed


def full_answer_offered(record: dict[str, Any] | None) -> bool:
    """The "show me the full answer" button is offered under a learner's answer that was given."""
    return bool(record) and record.get("role") == "learner" and not record.get("refused")


def clarification_options(record: dict[str, Any] | None) -> list[str]:
    """The options of the clarifying question an answer asks (none when it asks nothing)."""
    asked = (record or {}).get("clarification") or {}
    return [str(option) for option in asked.get("options") or []]


def option_buttons(record: dict[str, Any] | None) -> Any:
    """The option buttons under the chat: one per option of the answer's clarifying question."""
    options = clarification_options(record)
    return update(samples=[[option] for option in options] or [[""]], visible=bool(options))


def on_option(ctx: AppContext, index: int | None, role: str, who: str, cid: str | None, msgs: list,
              records: dict, plan_data: dict, session_key: str = "") -> Iterator[Updates]:
    """A click on an option button: the option's words are sent as the user's reply."""
    last = fmt.answer_for_index(records or {}, 10**9)
    options = clarification_options(last[1] if last else None)
    if index is None or not 0 <= int(index) < len(options):
        yield {"options": update(visible=False)}
        return
    yield from respond(ctx, options[int(index)], role, who, cid, msgs, records, plan_data, session_key)


def ask_full(ctx: AppContext, role: str, who: str, cid: str | None, msgs: list, records: dict,
             plan_data: dict, session_key: str = "") -> Iterator[Updates]:
    """The last question again, framed for an instructor: the complete answer, same facts."""
    last = fmt.answer_for_index(records or {}, 10**9)
    if not last:
        ctx.notify("warning", "Ask a question first.")
        yield {"message": KEEP}
        return
    yield from respond(ctx, last[1]["question"], "instructor", who, cid, msgs, records,
                       plan_data, session_key, shown=FULL_ANSWER)


# ----------------------------------------------------------------------------- details


def on_select_message(ctx: AppContext, records: dict, index: int | list) -> Updates:
    """A click on a chat message shows that answer's details."""
    index = index if isinstance(index, int) else index[0]
    found = fmt.answer_for_index(records or {}, index)
    return {"selected_answer": found[0] if found else None,
            **details(found[1] if found else None)}


def show_citation(ctx: AppContext, choice: str | None, records: dict,
                  selected: int | None) -> Updates:
    """The course passage behind source number `choice` of the selected (or last) answer."""
    if not choice or not records:
        return {"citation_panel": KEEP}
    key = str(selected) if str(selected) in records else max(records, key=int)
    cites = records[key].get("citations", [])
    number = int(choice)
    if not 1 <= number <= len(cites):
        return {"citation_panel": NO_CITATION}
    cite = Citation.model_validate(cites[number - 1])
    return {"citation_panel": fmt.citation_panel(number, cite, ctx.passage(cite.chunk_id))}


# ----------------------------------------------------------------------------- feedback


def on_like(ctx: AppContext, who: str, cid: str | None, records: dict, index: int | list,
            liked: Any) -> Updates:
    """👍/👎 on an answer: stored with the answer's question, text and sources."""
    index = index if isinstance(index, int) else index[0]
    found = fmt.answer_for_index(records or {}, index)
    if found is None or liked in (None, ""):
        return {"feedback_id": None, "note_row": update(visible=False)}
    rating = {True: "up", False: "down"}.get(liked, str(liked))
    result = found[1]
    cites = [Citation.model_validate(c) for c in result.get("citations", [])]
    feedback = ctx.store.add_feedback(
        who or "anonymous", rating, conversation_id=cid or "", message_index=found[0],
        question=result.get("question", ""), answer=result.get("answer", ""),
        citations=result.get("citations", []), section_ids=fmt.section_ids(cites),
    )
    ctx.notify("info", "Thanks — your feedback is saved with this answer.")
    return {"feedback_id": feedback, "note_row": update(visible=rating == "down")}


def on_save_note(ctx: AppContext, who: str, feedback: int | None, text: str) -> Updates:
    """The optional "this is wrong because…" note of a 👎."""
    if feedback is None or not (text or "").strip():
        ctx.notify("warning", "Rate an answer with 👎 first, then say what is wrong.")
        return {"note": KEEP, "note_row": KEEP}
    ctx.store.set_feedback_note(who or "anonymous", feedback, text)
    ctx.notify("info", "Saved. Thank you — this helps fix the answer.")
    return {"note": update(value=""), "note_row": update(visible=False)}


# ----------------------------------------------------------------------------- conversations


def on_new_chat(ctx: AppContext) -> Updates:
    return {"conv_id": None, "messages": [], "answers": {}, "chatbot": [],
            "conv_list": update(value=None), "full_answer": update(visible=False),
            "selected_answer": None, "options": option_buttons(None), **details(None)}


def on_open(ctx: AppContext, choice: str | None, who: str) -> Updates:
    """Opens one of the owner's conversations (and nobody else's) with its last answer's details."""
    if not choice or choice not in {c for _, c in conversation_choices(ctx, who)}:
        return {}
    msgs, records = recent(*fmt.messages_from_history(ctx.conversations.history(choice, limit=200)),
                           ctx.settings.chat_window_messages)
    last_key = max(records, key=int) if records else None
    last = records[last_key] if last_key else None
    return {"conv_id": choice, "messages": msgs, "answers": records, "chatbot": msgs,
            "full_answer": update(visible=full_answer_offered(last)),
            "selected_answer": int(last_key) if last_key else None,
            "options": option_buttons(last),  # the opened conversation's open question, or none
            **details(last)}


# ----------------------------------------------------------------------------- examples


def on_example(ctx: AppContext, index: int) -> Updates:
    """A course example goes into the message box, its [e.g., …] part into the fill box."""
    example = ctx.examples[index]
    default = example["default"]
    label = ("Your business / goal (replaces the [e.g., …] part of the example)"
             if default else "This example has nothing to fill in")
    return {"example_index": index,
            "fill": update(value=default, label=label, interactive=bool(default)),
            "message": fmt.fill_example(example["template"], default)}


def on_fill(ctx: AppContext, index: int | None, value: str) -> Updates:
    if index is None:
        return {"message": KEEP}
    return {"message": fmt.fill_example(ctx.examples[index]["template"], value)}
