"""The Gradio web app: chat with streamed, cited answers, a plan builder and settings.

`build_app(settings, advisor)` wires components to handlers; the handlers parse input and
format output with `ui.formatting` and `ui.plan`, and persist with `ui.store`. Gradio is
imported here only, so the rest of the package stays cheap to import.
"""

from __future__ import annotations

import logging
import os
import queue
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.privacy import mask_pii
from assistant.errors import AdvisorError, Kind
from assistant.settings import Settings
from assistant.types import AnswerResult
from knowledge.types import Citation
from ui import formatting as fmt
from ui import plan as planning
from ui.ratelimit import RateLimiter
from ui.store import UIStore

log = logging.getLogger(__name__)

ROLES = [
    ("Learner (coaching)", "learner"),
    ("Instructor", "instructor"),
    ("Team planner", "planner"),
]
FULL_ANSWER = "Show me the full answer"
STALE_PLAN = "The plan changed in another tab — reloaded. Make your edit again."
NO_CITATION = "_Click a numbered source to read the course passage it points to._"
CSS = """
#citation-panel { max-height: 520px; overflow-y: auto; }
.grounding-badge p { font-weight: 600; }
#sentence-highlight .textfield { word-break: normal; display: block; }
"""


def friendly_error(exc: Exception) -> str:
    """What a person sees when the engine fails: what happened and what to do, no traceback."""
    if isinstance(exc, AdvisorError) and exc.kind is Kind.USER:
        return f"⚠️ {exc.message}"
    if isinstance(exc, AdvisorError) and exc.kind is Kind.OPERATOR:
        return f"⚠️ The advisor is not set up to answer: {exc.message}"
    return (
        "⚠️ Sorry, the advisor could not answer this question because of an internal error "
        f"({type(exc).__name__}). Please try again or rephrase it; if it keeps happening, the "
        "server log has the details."
    )


class AppContext:
    """Everything the handlers share: settings, the advisor, stores, limits, course examples."""

    def __init__(self, settings: Settings, advisor: Any, store: UIStore | None = None) -> None:
        self.settings = settings
        self.advisor = advisor
        self.store = store or UIStore(settings.database)
        self.limiter = RateLimiter(settings.rate_limit_per_minute, store=self.store)
        self.documents = self._documents()
        self.examples = fmt.course_examples(self.documents)
        self.export_dir = Path(tempfile.mkdtemp(prefix="advisor-exports-"))

    def _documents(self) -> list:
        from knowledge.parsing import CorpusError, parse_file

        documents = []
        for path in self.settings.corpus_paths:
            try:
                documents.append(parse_file(path, self.settings.max_ingest_bytes)[0])
            except CorpusError as exc:
                log.warning("examples: skipping %s", exc)
        return documents

    @property
    def conversations(self):
        return self.advisor.store

    def passage(self, chunk_id: str) -> str | None:
        """The full text of a cited chunk, when the advisor's index can say."""
        try:
            hit = self.advisor.retriever.chunk_map.get(chunk_id)
        except Exception:  # noqa: BLE001  # a fake advisor, or an index that cannot be opened
            return None
        return hit[0] if hit else None

    def sources_markdown(self) -> str:
        lines = []
        for path, document in zip(self.settings.corpus_paths, self.documents):
            sections = sum(len(lesson.sections) for lesson in document.lessons)
            lines.append(
                f"- **{fmt.escape_markdown(Path(path).name)}**: "
                f"{fmt.escape_markdown(document.module_title)} "
                f"({len(document.lessons)} parts, {sections} sections)"
            )
        return "\n".join(lines) or "- no course files configured"

    def settings_markdown(self) -> str:
        s = self.settings
        auth = "on (basic auth)" if s.auth_user and s.auth_password else "off"
        return "\n".join(
            [
                f"- **Engine:** `{self.advisor.engine_name}`",
                f"- **Passages per answer (top-k):** {s.top_k} ({s.retrieval} retrieval)",
                f"- **Server:** {fmt.escape_markdown(s.host)}:{s.port} · sign-in {auth}",
                (f"- **Queue:** {s.queue_concurrency} answers at a time, up to "
                 f"{s.queue_max_size} waiting"),
                f"- **Rate limit:** {s.rate_limit_per_minute} questions per minute per session",
                ("- **Analytics:** off · **Data folder:** "
                 f"`{fmt.escape_markdown(str(s.data_dir))}` (conversations, plans and feedback "
                 f"in {'PostgreSQL' if s.database_url else 'SQLite'}, personal data masked)"),
                "",
                "**Sources (indexed course files)**",
                "",
                self.sources_markdown(),
            ]
        )


# ----------------------------------------------------------------------------- helpers

_DONE = object()


def in_one_thread(make: Callable[[], Iterator[Any]]) -> Iterator[Any]:
    """Runs a generator to the end on one worker thread and yields what it yields.

    Gradio resumes a sync generator handler on a different worker (and context) at every
    step; the engine's stream keeps per-request context variables across its yields, so it
    must run start to finish in one thread. Exceptions are re-raised here.
    """
    events: queue.Queue = queue.Queue()

    def work() -> None:
        try:
            for item in make():
                events.put(item)
        except BaseException as exc:  # noqa: BLE001  # handed to the consumer, which re-raises
            events.put(exc)
        finally:
            events.put(_DONE)

    threading.Thread(target=work, name="advisor-stream", daemon=True).start()
    while True:
        item = events.get()
        if item is _DONE:
            return
        if isinstance(item, BaseException):
            raise item
        yield item



def conversation_choices(ctx: AppContext, owner: str) -> list[tuple[str, str]]:
    if not owner:
        return []
    return [(c["title"] or "Untitled", c["id"]) for c in ctx.conversations.list(owner=owner)]


def details_updates(ctx: AppContext, record: dict[str, Any] | None) -> tuple:
    """(badge, highlight, citations radio, citation panel) for one answer record."""
    if not record:
        return (
            gr.update(value="_Ask a question to see how well its answer is grounded._"),
            gr.update(value=[]),
            gr.update(choices=[], value=None),
            gr.update(value=NO_CITATION),
        )
    result = AnswerResult.model_validate(record)
    icon = {"high": "🟢", "partial": "🟡", "low": "🔴"}[fmt.grounding_level(result)]
    badge = f"{icon} {fmt.escape_markdown(fmt.grounding_badge(result))}"
    return (
        gr.update(value=badge),
        gr.update(value=fmt.highlight_sentences(result.grounding)),
        gr.update(choices=fmt.citation_choices(result.citations), value=None),
        gr.update(value=NO_CITATION if result.citations else "_This answer cites no passages._"),
    )


def edit_plan(ctx: AppContext, who: str, plan_data: dict, change: Callable, *,
              strict: bool = False) -> tuple[dict, str]:
    """Applies `change` (plan -> (new plan, reply)) to the latest saved plan of `who` in one
    transaction, so an edit made meanwhile in another tab or replica is kept. `strict` (a
    whole-table edit made on the tab's own copy) refuses when that copy is out of date."""
    if not who:
        new_plan, reply = change(planning.Plan.model_validate(plan_data))
        return new_plan.model_dump(), reply
    replies: list[str] = []

    def apply(saved: dict | None) -> dict:
        replies.clear()
        latest = planning.Plan.model_validate(saved) if saved else planning.Plan()
        if strict and latest != planning.Plan.model_validate(plan_data):
            replies.append(STALE_PLAN)
            return latest.model_dump()
        new_plan, reply = change(latest)
        replies.append(reply)
        return new_plan.model_dump()

    return ctx.store.update_plan(who, apply), replies[0]


def write_exports(ctx: AppContext, owner: str, plan: planning.Plan, result, kpis) -> tuple[str, str]:
    folder = ctx.export_dir / (uuid.uuid5(uuid.NAMESPACE_URL, owner or "anonymous").hex[:12])
    folder.mkdir(parents=True, exist_ok=True)
    md_path = folder / "ai-initiative-plan.md"
    csv_path = folder / "ai-initiative-plan.csv"
    # Exports leave the app: personal data typed into initiative names never goes with them.
    md_path.write_text(mask_pii(planning.export_markdown(plan, result, kpis)), encoding="utf-8")
    csv_path.write_text(mask_pii(planning.export_csv(plan, result)), encoding="utf-8")
    return str(md_path), str(csv_path)


# ----------------------------------------------------------------------------- the app


def build_app(settings: Settings, advisor: Any, store: UIStore | None = None) -> gr.Blocks:
    ctx = AppContext(settings, advisor, store)
    browser_secret = ctx.store.secret()

    with gr.Blocks(title="Strategy Advisor", analytics_enabled=False, fill_width=True) as demo:
        demo.advisor_context = ctx  # for tests and the CLI
        session = gr.BrowserState(None, storage_key="strategy-advisor-session", secret=browser_secret)
        owner = gr.State("")
        conv_id = gr.State(None)
        messages = gr.State([])
        answers = gr.State({})
        plan_state = gr.State(planning.Plan().model_dump())
        feedback_id = gr.State(None)
        selected_answer = gr.State(None)  # message index of the answer shown in the details
        example_index = gr.State(None)

        gr.Markdown("# Strategy Advisor\nCourse-grounded answers, calculators and plans for AI "
                    "in e-commerce.")
        gr.Markdown(fmt.AI_NOTICE, elem_id="ai-notice")

        with gr.Sidebar(label="Conversations", open=True, position="left"):
            new_chat = gr.Button("➕ New conversation", size="sm", elem_id="new-conversation")
            conv_list = gr.Radio(label="Your conversations", choices=[], value=None,
                                 elem_id="conversation-list")

        with gr.Tabs():
            with gr.Tab("Chat", id="chat"), gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    role = gr.Radio(ROLES, value="learner", label="I am a…",
                                    info="The role changes how answers are framed, never "
                                    "the facts.", elem_id="role")
                    chatbot = gr.Chatbot(
                        label="Advisor", height=560, sanitize_html=True,
                        render_markdown=True, layout="bubble", elem_id="chatbot",
                        feedback_options=("Like", "Dislike"), buttons=["copy"],
                        latex_delimiters=[], allow_tags=False,
                        placeholder="Ask about the course, e.g. pick an example below, or "
                        "add initiatives to your plan: "
                        + fmt.escape_markdown(planning.EXAMPLE),
                    )
                    with gr.Row():
                        message = gr.Textbox(
                            show_label=False, placeholder="Ask the course a question, or "
                            "add 'Name' with reach …, impact …, confidence …, effort …",
                            lines=2, max_lines=8, scale=5, elem_id="message",
                            max_length=settings.max_question_chars,
                        )
                        send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
                    full_answer = gr.Button(f"📖 {FULL_ANSWER}", visible=False, size="sm",
                                            elem_id="full-answer")
                    with gr.Row(visible=False) as note_row:
                        note = gr.Textbox(label="This is wrong because… (optional)", scale=5,
                                          elem_id="feedback-note", max_length=2000)
                        save_note = gr.Button("Save note", scale=1, size="sm")
                    with gr.Accordion("Example questions from the course", open=True):
                        fill = gr.Textbox(
                            label="Your business / goal (replaces the [e.g., …] part of "
                            "the example)", interactive=True, elem_id="example-fill",
                        )
                        examples = gr.Dataset(
                            components=["textbox"], label="Click one to put it in the box",
                            samples=[[e["label"]] for e in ctx.examples], type="index",
                            samples_per_page=8, elem_id="examples",
                        )
                with gr.Column(scale=2):
                    gr.Markdown("### Answer details")
                    badge = gr.Markdown("_Ask a question to see how well its answer is "
                                        "grounded._", elem_id="grounding-badge",
                                        elem_classes=["grounding-badge"])
                    citations = gr.Radio(label="Sources (numbered as in the answer)",
                                         choices=[], value=None, elem_id="citations")
                    citation_panel = gr.Markdown(NO_CITATION, elem_id="citation-panel")
                    show_highlight = gr.Checkbox(
                        label="Highlight supported / unsupported sentences", value=False,
                        elem_id="show-highlight",
                    )
                    highlight = gr.HighlightedText(
                        value=[], label="Sentence check", visible=False, show_legend=True,
                        color_map={"supported": "green", "unsupported": "red"},
                        elem_id="sentence-highlight",
                    )

            with gr.Tab("Plan builder", id="plan"):
                gr.Markdown(
                    "Add initiatives here or in the chat, e.g. `"
                    + planning.EXAMPLE + "` (ICE: `" + planning.ICE_EXAMPLE + "`), or edit "
                    "the table. Ranking, matrix and roadmap come from the prioritize tool; "
                    "KPIs from the course's KPI table."
                )
                with gr.Row():
                    command = gr.Textbox(show_label=False, scale=5, elem_id="plan-command",
                                         placeholder=planning.EXAMPLE, max_length=2000)
                    run_command = gr.Button("Add to plan", variant="primary", scale=1,
                                            elem_id="plan-add")
                plan_status = gr.Markdown("", elem_id="plan-status")
                with gr.Row():
                    method = gr.Radio([("RICE", "rice"), ("ICE", "ice")], value="rice",
                                      label="Scoring method", elem_id="plan-method")
                    clear_plan = gr.Button("Clear plan", size="sm", variant="stop")
                table = gr.Dataframe(
                    headers=planning.COLUMNS, datatype=["str"] + ["number"] * 5,
                    value=[], type="array", interactive=True, column_count=len(planning.COLUMNS),
                    label="Initiatives (editable)", elem_id="plan-table",
                )
                ranking = gr.Dataframe(headers=planning.RANKING_HEADERS, value=[], type="array",
                                       interactive=False, label="Ranking", elem_id="plan-ranking")
                with gr.Row():
                    matrix = gr.Plot(label="Value vs Effort", elem_id="plan-matrix")
                    with gr.Column():
                        gr.Markdown("### Roadmap")
                        roadmap = gr.Markdown(planning.roadmap_markdown(None), elem_id="plan-roadmap")
                gr.Markdown("### KPIs per initiative")
                kpis = gr.Markdown(planning.kpis_markdown({}), elem_id="plan-kpis")
                with gr.Row():
                    download_md = gr.DownloadButton("⬇️ Plan as Markdown", value=None,
                                                    elem_id="download-md", interactive=False)
                    download_csv = gr.DownloadButton("⬇️ Plan as CSV", value=None,
                                                     elem_id="download-csv", interactive=False)

            with gr.Tab("Settings", id="settings"):
                gr.Markdown(ctx.settings_markdown(), elem_id="settings-panel")
                gr.File(value=[str(p) for p in settings.corpus_paths if Path(p).exists()],
                        label="Course files", file_count="multiple", interactive=False)

        detail_outputs = [badge, highlight, citations, citation_panel]
        plan_views = [table, method, ranking, matrix, roadmap, kpis, download_md, download_csv]

        # ------------------------------------------------------------------ session

        def on_load(stored: Any, request: gr.Request):
            session_id = stored if isinstance(stored, str) and len(stored) >= 16 else uuid.uuid4().hex
            user = getattr(request, "username", None)
            who = f"user:{user}" if user else f"browser:{session_id}"
            saved = ctx.store.load_plan(who)
            plan = planning.Plan.model_validate(saved) if saved else planning.Plan()
            return (
                session_id,
                who,
                gr.update(choices=conversation_choices(ctx, who), value=None),
                plan.model_dump(),
            )

        demo.load(on_load, [session], [session, owner, conv_list, plan_state])

        # ------------------------------------------------------------------ chat

        def respond(text: str, role_value: str, who: str, cid: str | None, msgs: list,
                    records: dict, plan_data: dict, request: gr.Request, *,
                    shown: str | None = None):
            text = text or ""
            msgs = list(msgs or [])
            records = dict(records or {})
            key = who or getattr(request, "session_hash", "") or "anonymous"
            if not text.strip():
                gr.Warning("Type a question first (or click an example).")
                yield {message: gr.update()}
                return
            wait = ctx.limiter.check(key)
            if wait:
                msgs += [fmt.user_message(shown or text),
                         {"role": "assistant", "content": "⏳ " + ctx.limiter.message(wait)}]
                yield {chatbot: msgs, messages: msgs, message: ""}
                return

            # Plan commands ("add 'X' with reach …") change the plan, not the conversation.
            try:
                command = planning.parse_command(text) if shown is None else None
            except planning.PlanError as exc:
                msgs += [fmt.user_message(text), {"role": "assistant", "content":
                         "⚠️ Could not change the plan: " + fmt.escape_markdown(str(exc))}]
                yield {chatbot: msgs, messages: msgs, message: ""}
                return
            if command is not None:
                try:
                    plan_data, reply = edit_plan(
                        ctx, who, plan_data, lambda plan: planning.apply_command(plan, command))
                    reply = "✅ " + fmt.escape_markdown(reply)
                except planning.PlanError as exc:
                    reply = "⚠️ Could not change the plan: " + fmt.escape_markdown(str(exc))
                msgs += [fmt.user_message(text), {"role": "assistant", "content": reply}]
                yield {chatbot: msgs, messages: msgs, message: "", plan_state: plan_data}
                return

            # Validate before anything is stored: a rejected question leaves no trace.
            from assistant.engine import InputProblem, validate_question

            try:
                validate_question(text, ctx.settings.max_question_chars)
            except InputProblem as exc:
                safe = text.encode("utf-8", "replace").decode("utf-8")[:200]
                msgs += [fmt.user_message(shown or safe),
                         {"role": "assistant", "content": "⚠️ " + fmt.escape_markdown(exc.message)}]
                yield {chatbot: msgs, messages: msgs, message: ""}
                return
            new_conversation = not cid
            if new_conversation:
                # Mask before cutting: an e-mail cut at character 80 would no longer look like one.
                cid = ctx.conversations.create(title=mask_pii(text)[:80], owner=who)
            msgs.append(fmt.user_message(shown or text))
            pending = {"role": "assistant", "content": "",
                       "metadata": {"title": "🔎 Searching the course…", "status": "pending"}}
            msgs.append(pending)
            updates: dict = {chatbot: msgs, messages: msgs, message: "", conv_id: cid}
            if new_conversation:
                updates[conv_list] = gr.update(choices=conversation_choices(ctx, who), value=cid)
            yield updates

            answer_index: int | None = None
            partial = ""
            started = time.perf_counter()
            try:
                stream = in_one_thread(
                    lambda: ctx.advisor.stream(text, conversation_id=cid, role=role_value))
                for event in stream:
                    if event.type == "tool_call" and event.tool_call is not None:
                        at = len(msgs) - 1 if answer_index is None else len(msgs)
                        msgs[at:at] = fmt.tool_card(event.tool_call, card_id=f"tool-{at}")
                        yield {chatbot: msgs, messages: msgs}
                    elif event.type == "token":
                        partial += event.text
                        if answer_index is None:
                            log.info("first token after %.0f ms", 1000 * (time.perf_counter() - started))
                            msgs.remove(pending)
                            msgs.append({"role": "assistant", "content": ""})
                            answer_index = len(msgs) - 1
                        msgs[answer_index] = {"role": "assistant",
                                              "content": fmt.neutralize_html(partial)}
                        yield {chatbot: msgs, messages: msgs}
                    elif event.type == "final" and event.result is not None:
                        result = event.result
                        if answer_index is None:
                            msgs.remove(pending)
                            msgs.append({"role": "assistant", "content": ""})
                            answer_index = len(msgs) - 1
                        msgs[answer_index] = {"role": "assistant",
                                              "content": fmt.answer_message(result)}
                        records[str(answer_index)] = result.model_dump(mode="json")
                        final = dict(zip(detail_outputs, details_updates(ctx, records[str(answer_index)])))
                        yield {chatbot: msgs, messages: msgs, answers: records, **final,
                               selected_answer: answer_index,
                               full_answer: gr.update(visible=result.role == "learner"
                                                      and not result.refused),
                               conv_list: gr.update(choices=conversation_choices(ctx, who),
                                                    value=cid)}
            except Exception as exc:  # never a traceback in the chat
                if not (isinstance(exc, AdvisorError) and exc.kind is Kind.USER):
                    log.exception("the advisor failed on a question")
                if pending in msgs:
                    msgs.remove(pending)
                msgs.append({"role": "assistant", "content": fmt.escape_markdown(friendly_error(exc))})
                yield {chatbot: msgs, messages: msgs}

        chat_inputs = [message, role, owner, conv_id, messages, answers, plan_state]
        chat_outputs = [chatbot, message, conv_id, messages, answers, plan_state, conv_list,
                        full_answer, selected_answer, *detail_outputs]
        send.click(respond, chat_inputs, chat_outputs)
        message.submit(respond, chat_inputs, chat_outputs)

        def ask_full(role_value, who, cid, msgs, records, plan_data, request: gr.Request):
            last = fmt.answer_for_index(records or {}, 10**9)
            if not last:
                gr.Warning("Ask a question first.")
                yield {message: gr.update()}
                return
            question = last[1]["question"]
            # The instructor framing gives the complete answer; the facts stay the same.
            yield from respond(question, "instructor", who, cid, msgs, records, plan_data,
                               request, shown=FULL_ANSWER)

        full_answer.click(ask_full, chat_inputs[1:], chat_outputs)

        def on_select_message(records: dict, evt: gr.SelectData):
            index = evt.index if isinstance(evt.index, int) else evt.index[0]
            found = fmt.answer_for_index(records or {}, index)
            return (found[0] if found else None, *details_updates(ctx, found[1] if found else None))

        chatbot.select(on_select_message, [answers], [selected_answer, *detail_outputs])

        def show_citation(choice: str | None, records: dict, selected: int | None):
            if not choice or not records:
                return gr.update()
            key = str(selected) if str(selected) in records else max(records, key=int)
            cites = records[key].get("citations", [])
            number = int(choice)
            if not 1 <= number <= len(cites):
                return NO_CITATION
            cite = Citation.model_validate(cites[number - 1])
            return fmt.citation_panel(number, cite, ctx.passage(cite.chunk_id))

        citations.change(show_citation, [citations, answers, selected_answer], [citation_panel])

        show_highlight.change(lambda on: gr.update(visible=on), [show_highlight], [highlight])

        # ------------------------------------------------------------------ feedback

        def on_like(who: str, cid: str | None, records: dict, data: gr.LikeData):
            index = data.index if isinstance(data.index, int) else data.index[0]
            found = fmt.answer_for_index(records or {}, index)
            if found is None or data.liked in (None, ""):
                return None, gr.update(visible=False)
            rating = {True: "up", False: "down"}.get(data.liked, str(data.liked))
            result = found[1]
            cites = [Citation.model_validate(c) for c in result.get("citations", [])]
            feedback = ctx.store.add_feedback(
                who or "anonymous", rating, conversation_id=cid or "", message_index=found[0],
                question=result.get("question", ""), answer=result.get("answer", ""),
                citations=result.get("citations", []), section_ids=fmt.section_ids(cites),
            )
            gr.Info("Thanks — your feedback is saved with this answer.")
            return feedback, gr.update(visible=rating == "down")

        chatbot.like(on_like, [owner, conv_id, answers], [feedback_id, note_row])

        def on_save_note(who: str, feedback: int | None, text: str):
            if feedback is None or not (text or "").strip():
                gr.Warning("Rate an answer with 👎 first, then say what is wrong.")
                return gr.update(), gr.update()
            ctx.store.set_feedback_note(who or "anonymous", feedback, text)
            gr.Info("Saved. Thank you — this helps fix the answer.")
            return gr.update(value=""), gr.update(visible=False)

        save_note.click(on_save_note, [owner, feedback_id, note], [note, note_row])

        # ------------------------------------------------------------------ conversations

        def on_new_chat():
            return (None, [], {}, [], gr.update(value=None), gr.update(visible=False), None,
                    *details_updates(ctx, None))

        new_chat.click(on_new_chat, None, [conv_id, messages, answers, chatbot, conv_list,
                                           full_answer, selected_answer, *detail_outputs])

        def on_open(choice: str | None, who: str):
            if not choice or choice not in {c for _, c in conversation_choices(ctx, who)}:
                return (gr.update(),) * 10
            msgs, records = fmt.messages_from_history(ctx.conversations.history(choice, limit=200))
            last_key = max(records, key=int) if records else None
            last = records[last_key] if last_key else None
            return (choice, msgs, records, msgs,
                    gr.update(visible=bool(last) and last.get("role") == "learner"),
                    int(last_key) if last_key else None, *details_updates(ctx, last))

        conv_list.input(on_open, [conv_list, owner], [conv_id, messages, answers, chatbot,
                                                      full_answer, selected_answer,
                                                      *detail_outputs])

        # ------------------------------------------------------------------ examples

        def on_example(index: int, value: str):
            example = ctx.examples[index]
            default = example["default"]
            label = ("Your business / goal (replaces the [e.g., …] part of the example)"
                     if default else "This example has nothing to fill in")
            return (index, gr.update(value=default, label=label, interactive=bool(default)),
                    fmt.fill_example(example["template"], default))

        examples.click(on_example, [examples, fill], [example_index, fill, message])

        def on_fill(index: int | None, value: str):
            if index is None:
                return gr.update()
            return fmt.fill_example(ctx.examples[index]["template"], value)

        fill.input(on_fill, [example_index, fill], [message])

        # ------------------------------------------------------------------ plan builder

        def refresh_plan(plan_data: dict, who: str):
            plan = planning.Plan.model_validate(plan_data)  # saved by the edit that made it
            try:
                result = planning.rank(plan)
            except planning.PlanError as exc:
                result = None
                gr.Warning(str(exc))
            kpi_results = planning.plan_kpis(plan)
            md_path, csv_path = write_exports(ctx, who, plan, result, kpi_results)
            has_items = bool(plan.initiatives)
            return (
                planning.plan_rows(plan),
                plan.method,
                planning.ranking_rows(result),
                planning.matrix_figure(result),
                planning.roadmap_markdown(result),
                planning.kpis_markdown(kpi_results),
                gr.update(value=md_path if has_items else None, interactive=has_items),
                gr.update(value=csv_path if has_items else None, interactive=has_items),
            )

        plan_state.change(refresh_plan, [plan_state, owner], plan_views)

        def on_command(text: str, plan_data: dict, who: str = ""):
            try:
                parsed = planning.parse_command(text or "")
                if parsed is None:
                    raise planning.PlanError(
                        "start with add, remove or clear, e.g. " + planning.EXAMPLE)
                new_plan, reply = edit_plan(
                    ctx, who, plan_data, lambda plan: planning.apply_command(plan, parsed))
            except planning.PlanError as exc:
                return gr.update(), "⚠️ " + fmt.escape_markdown(str(exc)), gr.update()
            return "", "✅ " + fmt.escape_markdown(reply), new_plan

        for trigger in (run_command.click, command.submit):
            trigger(on_command, [command, plan_state, owner], [command, plan_status, plan_state])

        def on_table_edit(rows: list, method_value: str, plan_data: dict, who: str = ""):
            def change(plan):
                return planning.plan_from_rows(plan, rows or [], method_value), "Table saved."

            try:  # the table replaces every row: only on the plan this tab shows (strict)
                new_plan, reply = edit_plan(ctx, who, plan_data, change, strict=True)
            except planning.PlanError as exc:
                return "⚠️ " + fmt.escape_markdown(str(exc)), gr.update()
            return ("⚠️ " if reply == STALE_PLAN else "✅ ") + reply, new_plan

        table.input(on_table_edit, [table, method, plan_state, owner], [plan_status, plan_state])

        def on_method(method_value: str, plan_data: dict, who: str = ""):
            def change(plan):
                if not plan.initiatives:
                    return plan.model_copy(update={"method": method_value}), ""
                return (planning.plan_from_rows(plan, planning.plan_rows(plan), method_value),
                        f"✅ Switched to {method_value.upper()}.")

            try:
                return tuple(reversed(edit_plan(ctx, who, plan_data, change)))
            except planning.PlanError as exc:
                return ("⚠️ Cannot switch to " + method_value.upper() + ": "
                        + fmt.escape_markdown(str(exc)) + " Edit the table first.", gr.update())

        method.input(on_method, [method, plan_state, owner], [plan_status, plan_state])

        def on_clear(plan_data: dict, who: str = ""):
            def change(plan):
                return plan.model_copy(update={"initiatives": []}), "✅ Cleared the plan."

            return tuple(reversed(edit_plan(ctx, who, plan_data, change)))

        clear_plan.click(on_clear, [plan_state, owner], [plan_status, plan_state])

    return demo


def launch(settings: Settings, advisor: Any, **overrides: Any) -> None:
    """Starts the server: loopback by default, optional basic auth, a bounded queue."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    demo = build_app(settings, advisor)
    demo.queue(default_concurrency_limit=settings.queue_concurrency,
               max_size=settings.queue_max_size)
    auth = None
    if settings.auth_user and settings.auth_password:
        auth = (settings.auth_user, settings.auth_password.get_secret_value())
    demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        auth=auth,
        show_error=False,
        ssr_mode=False,
        mcp_server=False,
        share=False,
        allowed_paths=sorted({str(Path(p).resolve().parent) for p in settings.corpus_paths}),
        footer_links=["settings"],
        theme=gr.themes.Soft(),
        css=CSS,
        **overrides,
    )
