"""The Gradio web app: the layout of the chat, plan builder and settings tabs, and its wiring.

`build_app(settings, advisor)` lays out the components and binds each event to a module-level
handler of `ui.chat` or `ui.planner` over one `AppContext`; the handlers return updates keyed by
component name, which `_to_gradio` turns into Gradio's. Gradio is imported here only, so the
rest of the package stays cheap to import and every handler is testable without it.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import gradio as gr

from assistant.settings import Settings
from ui import chat, look, planner, welcome
from ui import formatting as fmt
from ui import plan as planning
from ui.context import (  # noqa: F401  (re-exported: friendly_error, AppContext for callers)
    FULL_ANSWER,
    NO_ANSWER_YET,
    NO_CITATION,
    ROLES,
    AppContext,
    Update,
    friendly_error,
)
from ui.access import Access, check_can_start, describe_sign_in, gradio_auth
from ui.course_sync import CourseSync
from ui.heap import return_freed_memory
from ui.instructor_tabs import add_instructor_tabs
from ui.store import UIStore
from ui.streaming import in_one_thread  # noqa: F401  (re-exported for callers and tests)

CSS = look.CSS  # the first view, the phone layout and the tables' own scrolling


def _notify(level: str, text: str) -> None:
    (gr.Info if level == "info" else gr.Warning)(text)


def _to_gradio(components: dict[str, Any], updates: dict[str, Any]) -> dict:
    """A handler's {name: value | Update} as Gradio's {component: value | gr.update}."""
    return {components[name]: _gradio_value(value) for name, value in updates.items()}


def _gradio_value(value: Any) -> Any:
    """An Update that only sets the value goes to Gradio as the plain value: a `gr.update` makes
    Gradio build a session copy of the component (measured: a tenth of the server's CPU under
    20 sessions), a plain value is only post-processed."""
    if not isinstance(value, Update):
        return value
    if set(value.props) == {"value"}:
        return value.props["value"]
    return gr.update(**value.props)


def _session_key(request: Any) -> str:
    return getattr(request, "session_hash", "") or ""


def build_app(settings: Settings, advisor: Any, store: UIStore | None = None,
              access: Access | None = None) -> gr.Blocks:
    ctx = AppContext(settings, advisor, store, notify=_notify)
    access = access or Access.for_database(ctx.store.db)
    browser_secret = ctx.store.secret()

    with gr.Blocks(title="Strategy Advisor", analytics_enabled=False, fill_width=True,
                   delete_cache=(CACHE_SWEEP_S, CACHE_AGE_S)) as demo:
        demo.advisor_context = ctx  # for tests and the CLI
        c = SimpleNamespace()
        c.session = gr.BrowserState(None, storage_key="strategy-advisor-session", secret=browser_secret)
        c.owner = gr.State("")
        c.conv_id = gr.State(None)
        c.messages = gr.State([])
        c.answers = gr.State({})
        c.plan_state = gr.State(planning.Plan().model_dump())
        c.feedback_id = gr.State(None)
        c.selected_answer = gr.State(None)  # message index of the answer shown in the details
        c.example_index = gr.State(None)

        gr.Markdown("# Strategy Advisor\nCourse-grounded answers, calculators and plans for AI "
                    "in e-commerce.", elem_id="app-header")
        gr.Markdown(fmt.AI_NOTICE, elem_id="ai-notice")

        with gr.Sidebar(label="Conversations", open=True, position="left",
                        elem_id="conversations"):
            c.new_chat = gr.Button("➕ New conversation", size="sm", elem_id="new-conversation")
            c.conv_list = gr.Radio(label="Your conversations", choices=[], value=None,
                                 elem_id="conversation-list")

        with gr.Tabs():
            with gr.Tab("Chat", id="chat"), gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    c.chatbot = gr.Chatbot(
                        label="Advisor", height=560, sanitize_html=True,  # CSS fits the window
                        render_markdown=True, layout="bubble", elem_id="chatbot",
                        feedback_options=("Like", "Dislike"), buttons=["copy"],
                        latex_delimiters=[], allow_tags=False,
                        placeholder=welcome.WELCOME,
                        examples=welcome.chips(ctx.examples),
                    )
                    with gr.Row():
                        c.message = gr.Textbox(
                            # Short: on a phone a longer hint made the empty box six lines tall.
                            show_label=False, placeholder="Ask a question, or add 'Name' with "
                            "its scores to your plan",
                            # One line that grows: Enter sends, Shift+Enter starts a new line.
                            lines=1, max_lines=8, scale=5, min_width=170, elem_id="message",
                            max_length=settings.max_question_chars,
                        )
                        c.send = gr.Button("Send", variant="primary", scale=1, min_width=70,
                                           elem_id="send")
                        c.stop = gr.Button("Stop", variant="stop", scale=0, min_width=60,
                                           elem_id="stop")
                    # The options of a clarifying question: a click sends the option as the reply.
                    c.options = gr.Dataset(components=["textbox"], label="Answer with one click",
                                           samples=[[""]], type="index", visible=False,
                                           elem_id="clarification-options")
                    c.full_answer = gr.Button(f"📖 {FULL_ANSWER}", visible=False, size="sm",
                                            elem_id="full-answer")
                    with gr.Row(visible=False) as c.note_row:
                        c.note = gr.Textbox(label="This is wrong because… (optional)", scale=5,
                                          elem_id="feedback-note", max_length=2000)
                        c.save_note = gr.Button("Save note", scale=1, size="sm")
                with gr.Column(scale=2):
                    # Beside the chat on a wide screen. Where the columns stack (a phone) the page
                    # script folds it (`look.FOLDED_UNDER`): the sources are one line right under
                    # the answer and its box, before the role and the longer list of examples.
                    with gr.Accordion("Answer details and sources", open=True,
                                      elem_id="answer-details"):
                        c.badge = gr.Markdown(NO_ANSWER_YET, elem_id="grounding-badge",
                                            elem_classes=["grounding-badge"])
                        c.citations = gr.Radio(label="Sources (numbered as in the answer)",
                                             choices=[], value=None, elem_id="citations")
                        c.citation_panel = gr.Markdown(NO_CITATION, elem_id="citation-panel")
                        c.show_highlight = gr.Checkbox(
                            label="Highlight supported / unsupported sentences", value=False,
                            elem_id="show-highlight",
                        )
                        c.highlight = gr.HighlightedText(
                            value=[], label="Sentence check", visible=False, show_legend=True,
                            color_map={"supported": "green", "unsupported": "red"},
                            elem_id="sentence-highlight",
                        )
                    # Out of the chat's column: the first view keeps the message box above the fold.
                    c.role = gr.Radio(ROLES, value="learner", label="I am a…",
                                      info="The role changes how answers are framed, never "
                                      "the facts.", elem_id="role")
                    with gr.Accordion("More example questions from the course", open=False,
                                      elem_id="examples-accordion"):
                        c.fill = gr.Textbox(
                            label="Your business / goal (replaces the [e.g., …] part of "
                            "the example)", interactive=True, elem_id="example-fill",
                        )
                        c.examples = gr.Dataset(
                            components=["textbox"], label="Click one to put it in the box",
                            samples=[[e["label"]] for e in ctx.examples], type="index",
                            samples_per_page=8, elem_id="examples",
                        )

            with gr.Tab("Plan builder", id="plan"):
                gr.Markdown(
                    "Add initiatives here or in the chat, e.g. `"
                    + planning.EXAMPLE + "` (ICE: `" + planning.ICE_EXAMPLE + "`; value/effort: `"
                    + planning.VALUE_EFFORT_EXAMPLE + "`), or edit the table. Ranking, matrix "
                    "and roadmap come from the prioritize tool; KPIs from the course's KPI table."
                )
                with gr.Row():
                    c.command = gr.Textbox(show_label=False, scale=5, elem_id="plan-command",
                                         placeholder=planning.EXAMPLE, max_length=2000)
                    c.run_command = gr.Button("Add to plan", variant="primary", scale=1,
                                            elem_id="plan-add")
                c.plan_status = gr.Markdown("", elem_id="plan-status")
                with gr.Row():
                    c.method = gr.Radio([(planning.METHOD_NAMES[m], m)
                                         for m in planning.METHOD_FIELDS], value="rice",
                                      label="Scoring method", elem_id="plan-method")
                    c.clear_plan = gr.Button("Clear plan", size="sm", variant="stop")
                c.table = gr.Dataframe(
                    headers=planning.COLUMNS, datatype=["str"] + ["number"] * len(planning.FIELDS),
                    value=[], type="array", interactive=True, column_count=len(planning.COLUMNS),
                    label="Initiatives (editable)", elem_id="plan-table",
                )
                c.ranking = gr.Dataframe(headers=planning.RANKING_HEADERS, value=[], type="array",
                                       interactive=False, label="Ranking", elem_id="plan-ranking")
                with gr.Row():
                    c.matrix = gr.Plot(label="Value vs Effort", elem_id="plan-matrix")
                    with gr.Column():
                        gr.Markdown("### Roadmap")
                        c.roadmap = gr.Markdown(planning.roadmap_markdown(None), elem_id="plan-roadmap")
                gr.Markdown("### KPIs per initiative")
                c.kpis = gr.Markdown(planning.kpis_markdown({}), elem_id="plan-kpis")
                with gr.Row():
                    c.download_md = gr.DownloadButton("⬇️ Plan as Markdown", value=None,
                                                    elem_id="download-md", interactive=False)
                    c.download_csv = gr.DownloadButton("⬇️ Plan as CSV", value=None,
                                                     elem_id="download-csv", interactive=False)

            with gr.Tab("Settings", id="settings"):
                gr.Markdown(ctx.settings_markdown(describe_sign_in(settings, access)),
                            elem_id="settings-panel")
                gr.File(value=[str(p) for p in settings.corpus_paths if Path(p).exists()],
                        label="Course files", file_count="multiple", interactive=False)

            add_instructor_tabs(demo, ctx, access, role_radio=c.role)

        wire(demo, ctx, c)
    demo.access = access  # for launch() and tests
    return demo


def wire(demo: gr.Blocks, ctx: AppContext, c: SimpleNamespace) -> None:
    """Binds each event to its handler; the closures only translate names to components."""
    parts = vars(c)

    def out(updates: dict[str, Any]) -> dict:
        return _to_gradio(parts, updates)

    def on_load(stored: Any, request: gr.Request):
        return out(chat.on_load(ctx, stored, getattr(request, "username", None)))

    # Events that act for the session's owner wait in the page until the load event has set
    # it (`look.SESSION_READY_JS`): a question sent while the page still loads would otherwise
    # be stored for no one and never appear in the conversation list.
    demo.load(on_load, [c.session], [c.session, c.owner, c.conv_list, c.plan_state]).then(
        None, None, None, js=look.SESSION_LOADED_JS, queue=False)
    for_owner = {"js": look.SESSION_READY_JS}

    # ------------------------------------------------------------------ chat
    details = [c.badge, c.highlight, c.citations, c.citation_panel]

    def respond(text: str, role_value: str, who: str, cid: str | None, msgs: list,
                records: dict, plan_data: dict, request: gr.Request):
        for updates in chat.respond(ctx, text, role_value, who, cid, msgs, records, plan_data,
                                    _session_key(request)):
            yield out(updates)

    chat_inputs = [c.message, c.role, c.owner, c.conv_id, c.messages, c.answers, c.plan_state]
    chat_outputs = [c.chatbot, c.message, c.conv_id, c.messages, c.answers, c.plan_state,
                    c.conv_list, c.full_answer, c.selected_answer, c.options, *details]
    # Every way of asking shares one pool of answer slots (settings.queue_concurrency); the
    # light handlers below (citations, details, feedback) have their own and never wait for it.
    answer_pool = {"concurrency_id": "answer", "concurrency_limit": ctx.settings.queue_concurrency,
                   **for_owner}
    asking = [c.send.click(respond, chat_inputs, chat_outputs, **answer_pool),
              c.message.submit(respond, chat_inputs, chat_outputs, **answer_pool)]

    def ask_full(role_value, who, cid, msgs, records, plan_data, request: gr.Request):
        for updates in chat.ask_full(ctx, role_value, who, cid, msgs, records, plan_data,
                                     _session_key(request)):
            yield out(updates)

    asking.append(c.full_answer.click(ask_full, chat_inputs[1:], chat_outputs, **answer_pool))

    def on_option(index: int, role_value, who, cid, msgs, records, plan_data, request: gr.Request):
        for updates in chat.on_option(ctx, index, role_value, who, cid, msgs, records, plan_data,
                                      _session_key(request)):
            yield out(updates)

    asking.append(c.options.click(on_option, [c.options, *chat_inputs[1:]], chat_outputs,
                                  **answer_pool))
    # Stop ends the answer being streamed; what was shown stays in the chat.
    c.stop.click(None, None, None, cancels=asking, queue=False)

    def on_select_message(records: dict, evt: gr.SelectData):
        return out(chat.on_select_message(ctx, records, evt.index))

    c.chatbot.select(on_select_message, [c.answers], [c.selected_answer, *details])

    def show_citation(choice: str | None, records: dict, selected: int | None):
        return out(chat.show_citation(ctx, choice, records, selected))

    c.citations.change(show_citation, [c.citations, c.answers, c.selected_answer],
                       [c.citation_panel])
    c.show_highlight.change(lambda on: gr.update(visible=on), [c.show_highlight], [c.highlight])

    def on_like(who: str, cid: str | None, records: dict, data: gr.LikeData):
        return out(chat.on_like(ctx, who, cid, records, data.index, data.liked))

    c.chatbot.like(on_like, [c.owner, c.conv_id, c.answers], [c.feedback_id, c.note_row],
                   **for_owner)

    def on_save_note(who: str, feedback: int | None, text: str):
        return out(chat.on_save_note(ctx, who, feedback, text))

    c.save_note.click(on_save_note, [c.owner, c.feedback_id, c.note], [c.note, c.note_row],
                      **for_owner)

    def on_new_chat():
        return out(chat.on_new_chat(ctx))

    c.new_chat.click(on_new_chat, None, [c.conv_id, c.messages, c.answers, c.chatbot,
                                         c.conv_list, c.full_answer, c.selected_answer,
                                         c.options, *details])

    def on_open(choice: str | None, who: str):
        return out(chat.on_open(ctx, choice, who))

    c.conv_list.input(on_open, [c.conv_list, c.owner],
                      [c.conv_id, c.messages, c.answers, c.chatbot, c.full_answer,
                       c.selected_answer, c.options, *details], **for_owner)

    def on_example(index: int, value: str):
        return out(chat.on_example(ctx, index))

    c.examples.click(on_example, [c.examples, c.fill], [c.example_index, c.fill, c.message])

    def on_chip(evt: gr.SelectData):
        return out(chat.on_example(ctx, welcome.chip_examples(ctx.examples)[evt.index]))

    c.chatbot.example_select(on_chip, None, [c.example_index, c.fill, c.message])

    def on_fill(index: int | None, value: str):
        return out(chat.on_fill(ctx, index, value))

    c.fill.input(on_fill, [c.example_index, c.fill], [c.message])

    # ------------------------------------------------------------------ plan builder
    plan_views = [c.table, c.method, c.ranking, c.matrix, c.roadmap, c.kpis, c.download_md,
                  c.download_csv]

    def refresh_plan(plan_data: dict, who: str):
        return out(planner.refresh_plan(ctx, plan_data, who))

    c.plan_state.change(refresh_plan, [c.plan_state, c.owner], plan_views)

    def on_command(text: str, plan_data: dict, who: str = ""):
        return out(planner.on_command(ctx, text, plan_data, who))

    for trigger in (c.run_command.click, c.command.submit):
        trigger(on_command, [c.command, c.plan_state, c.owner],
                [c.command, c.plan_status, c.plan_state], **for_owner)

    def on_table_edit(rows: list, method_value: str, plan_data: dict, who: str = ""):
        return out(planner.on_table_edit(ctx, rows, method_value, plan_data, who))

    c.table.input(on_table_edit, [c.table, c.method, c.plan_state, c.owner],
                  [c.plan_status, c.plan_state], **for_owner)

    def on_method(method_value: str, plan_data: dict, who: str = ""):
        return out(planner.on_method(ctx, method_value, plan_data, who))

    c.method.input(on_method, [c.method, c.plan_state, c.owner],
                   [c.plan_status, c.plan_state, c.method], **for_owner)

    def on_clear(plan_data: dict, who: str = ""):
        return out(planner.on_clear(ctx, plan_data, who))

    c.clear_plan.click(on_clear, [c.plan_state, c.owner], [c.plan_status, c.plan_state],
                       **for_owner)


# Every download (a plan export, a report) is copied into Gradio's file cache under a new name
# when its content changes, and Gradio never deletes those copies unless told: a server running
# for weeks would fill its disk with old exports. Swept hourly, removed after a day (a page open
# longer than that gets a fresh file with its next edit).
CACHE_SWEEP_S = 3600
CACHE_AGE_S = 86400

# How long Gradio keeps a closed page's gr.State values (its `STATE_TTL_WHEN_CLOSED`): a page
# whose connection comes back within it finds its session as it left it.
CLOSED_SESSION_S = 3600.0


def forget_closed_sessions(state_holder: Any, now: float | None = None,
                           after_s: float = CLOSED_SESSION_S) -> int:
    """Drops the sessions whose page closed and whose every state value has been unused for
    `after_s` (the hour in which Gradio keeps them for a page that reconnects); returns how many.

    Gradio deletes a closed session's `gr.State` values after that hour but keeps the rest of
    the session (its copy of every component's configuration and of the chat shown) until
    10,000 sessions have been opened: measured at 0.33 MiB a session before any message, plus
    the chat. Each page load is a new session, so a server running for days would hold
    thousands of them.
    """
    import datetime

    moment = datetime.datetime.fromtimestamp(now) if now is not None else datetime.datetime.now()
    gone = 0
    with state_holder.lock:
        for session_id, session in list(state_holder.session_data.items()):
            if not getattr(session, "is_closed", False):
                continue
            used = [when for _ttl, when in getattr(session, "_state_ttl", {}).values()]
            if all((moment - when).total_seconds() > after_s for when in used):
                del state_holder.session_data[session_id]
                state_holder.time_last_used.pop(session_id, None)
                gone += 1
    return gone


def _sweep_closed_sessions(demo: gr.Blocks, every_s: float = 60.0) -> None:
    """Once a minute for the process's life: `forget_closed_sessions` on the server's sessions,
    then the freed C heap back to the system."""
    import threading
    import time

    def sweep() -> None:
        while True:
            time.sleep(every_s)
            app = getattr(demo, "server_app", None)
            if app is not None:
                forget_closed_sessions(app.state_holder)
            return_freed_memory()  # what answers freed goes back to the system (ui.heap)

    threading.Thread(target=sweep, name="closed-session-sweep", daemon=True).start()


# How long the server's own start-up check of its page may take (Gradio gives it 5 × 3 s and,
# when that fails, stops the server: "localhost is not accessible").
START_CHECK_S = 60.0


def _patient_start_check() -> None:
    """Gradio checks that the page it has just started answers, and ends `launch()` with an error
    when it does not within a few seconds; the check only decides whether a share link is
    needed, which this app never makes. On a machine busy with other work (replicas starting
    together, a loaded CI runner) the first page takes longer than that, so the check waits up
    to START_CHECK_S for the page instead of ending a server that works."""
    import time

    import httpx
    from gradio import networking

    def url_ok(url: str) -> bool:
        deadline = time.monotonic() + START_CHECK_S
        while True:
            try:
                status = httpx.head(url, timeout=max(1.0, deadline - time.monotonic()),
                                    verify=False).status_code
                if status in (200, 401, 301, 302, 303, 307, 308):
                    return True
            except (ConnectionError, httpx.HTTPError):
                pass
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.5)

    url_ok.gradio_own = getattr(networking.url_ok, "gradio_own", networking.url_ok)  # Gradio's own, kept
    networking.url_ok = url_ok


def launch(settings: Settings, advisor: Any, **overrides: Any) -> None:
    """Starts the server: loopback by default, sign-in with accounts (`ui.access`), a bounded
    queue."""
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    demo = build_app(settings, advisor)
    check_can_start(settings, demo.access)
    examples = demo.advisor_context.examples
    demo.queue(default_concurrency_limit=settings.queue_concurrency,
               max_size=settings.queue_max_size)
    auth = gradio_auth(settings, demo.access)
    CourseSync(advisor).start()  # another replica's change to the shared course reaches this one
    _sweep_closed_sessions(demo)  # a closed page's session is freed, not kept for 10,000 more
    _patient_start_check()
    demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        auth=auth,
        auth_message=("Sign in with the account your instructor gave you."
                      if callable(auth) else None),
        show_error=False,
        ssr_mode=False,
        mcp_server=False,
        share=False,
        allowed_paths=sorted({str(Path(p).resolve().parent) for p in settings.corpus_paths}),
        footer_links=["settings"],
        theme=look.theme(),
        css=CSS,
        head=look.head({e["label"]: e["template"] for e in examples}),
        **overrides,
    )
