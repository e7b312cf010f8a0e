"""The instructor tabs' layout and wiring (Gradio): "Check answers", "What learners ask" and
"Course material" (`ui.material_tab`).

`add_instructor_tabs(demo, ctx, access)` is called by `ui.app.build_app` inside its `gr.Tabs()`;
each tab starts hidden and is shown on load to an instructor's session only. Every event calls a
guarded handler of `ui.instructor`; a refusal or bad input is shown as a Gradio error (the
message only, no traceback), which is also what a direct API call receives.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.errors import AdvisorError
from ui import answer_check, instructor, insights
from ui.access import Access
from ui.insights_chart import questions_chart
from ui.material_tab import add_material_tab



def _username(request: gr.Request | None) -> str | None:
    return getattr(request, "username", None) if request is not None else None


def add_instructor_tabs(demo: gr.Blocks, ctx: Any, access: Access,
                        role_radio: gr.Radio | None = None) -> None:
    with gr.Tab("Check answers", id="check", visible=False) as tab:
        gr.Markdown("Paste a question and an answer, or upload a CSV (columns `answer`, "
                    "optional `question` and `id`) or JSON Lines file of many. Each sentence "
                    "is checked against the course: supported or not, the kind of error, and "
                    "the course sentence it was compared with.")
        with gr.Row():
            with gr.Column(scale=3):
                question = gr.Textbox(label="Question (optional)", lines=1,
                                      elem_id="check-question", max_length=2000)
                answer = gr.Textbox(label="Answer to check", lines=6, elem_id="check-answer",
                                    max_length=answer_check.MAX_ANSWER_CHARS)
                run = gr.Button("Check answer", variant="primary", elem_id="check-run")
            with gr.Column(scale=2):
                upload = gr.File(label="Or a file of answers (.csv, .jsonl)",
                                 file_types=[".csv", ".jsonl"], type="filepath",
                                 elem_id="check-upload")
                run_file = gr.Button("Check file", elem_id="check-run-file")
        status = gr.Markdown("", elem_id="check-status")
        summary = gr.Dataframe(headers=["answer", "verdict", "supported claims", "score"],
                               value=[], type="array", interactive=False,
                               label="Answers", elem_id="check-summary")
        sentences = gr.Dataframe(headers=answer_check.DISPLAY_HEADERS, value=[], type="array",
                                 interactive=False, wrap=True,
                                 column_widths=["7%", "25%", "12%", "16%", "15%", "25%"], label="Sentence by sentence",
                                 elem_id="check-sentences")
        passages = gr.Markdown("", elem_id="check-passages")
        with gr.Row():
            html = gr.DownloadButton("⬇️ Report as HTML", value=None, interactive=False,
                                     elem_id="check-download-html")
            md = gr.DownloadButton("⬇️ Report as Markdown", value=None, interactive=False,
                                   elem_id="check-download-md")
            csv = gr.DownloadButton("⬇️ Report as CSV", value=None, interactive=False,
                                    elem_id="check-download-csv")

    outputs = [status, summary, sentences, passages, html, md, csv]

    def show(view: instructor.CheckView):
        return [view.status, view.summary, view.sentences, view.passages,
                *(gr.update(value=view.files[k], interactive=True) for k in ("html", "md", "csv"))]

    def on_check(question_text: str, answer_text: str, request: gr.Request):
        try:
            return show(instructor.check_pasted(access, ctx.advisor, ctx.export_dir,
                                                _username(request), question_text, answer_text))
        except AdvisorError as exc:
            raise gr.Error(exc.message, print_exception=False) from None

    def on_check_file(path: str | None, request: gr.Request, progress=gr.Progress()):
        def step(done: int, total: int) -> None:
            progress((done, total), desc="Checking answers", unit="answers")

        try:
            return show(instructor.check_file(access, ctx.advisor, ctx.export_dir,
                                              _username(request), path, step))
        except AdvisorError as exc:
            raise gr.Error(exc.message, print_exception=False) from None

    checking = {"concurrency_id": "answer",
                "concurrency_limit": ctx.settings.queue_concurrency}
    run.click(on_check, [question, answer], outputs, api_name="check_answer", **checking)
    run_file.click(on_check_file, [upload], outputs, api_name="check_file", **checking)

    with gr.Tab("What learners ask", id="insights", visible=False) as insights_tab:
        gr.Markdown("What learners asked, by section and week; refused questions grouped by "
                    "similarity (what the course may be missing); thumbs-down with their notes; "
                    "answers with low grounding; calculations left at a question the advisor "
                    "asked back. Personal data and names are masked; no learner is named.")
        with gr.Row():
            period = gr.Dropdown(list(instructor.PERIODS), value="Last 30 days", label="Period",
                                 elem_id="insights-period")
            module = gr.Dropdown(["All modules"], value="All modules", label="Module",
                                 elem_id="insights-module")
            refresh = gr.Button("Refresh", variant="primary", elem_id="insights-refresh")
            export = gr.DownloadButton("⬇️ CSV", value=None, interactive=False,
                                       elem_id="insights-csv")
        chart = gr.Plot(label="Questions per week and section",
                        elem_id="insights-chart")
        views = {name: gr.Dataframe(headers=headers, value=[], type="array", interactive=False,
                                    wrap=True, label=label, elem_id=f"insights-{name}")
                 for (name, headers), label in zip(insights.HEADERS.items(), [
                     "Questions per section", "Refused questions, grouped",
                     "Thumbs-down and notes", f"Answers grounded below {insights.LOW_GROUNDING}",
                     "Calculations left at a question asked back (never completed)"],
                     strict=True)}

    def on_refresh(period_value: str, module_value: str, request: gr.Request):
        try:
            view = instructor.learner_insights(access, ctx.store.db, ctx.export_dir,
                                               _username(request), period_value, module_value)
        except AdvisorError as exc:
            raise gr.Error(exc.message, print_exception=False) from None
        found = view.insights
        return [questions_chart(found.sections),
                gr.update(choices=["All modules", *view.sources]),
                gr.update(value=view.csv, interactive=True),
                *(getattr(found, name) for name in views)]

    refresh.click(on_refresh, [period, module],
                  [chart, module, export, *views.values()], api_name="learner_insights")

    def on_load(request: gr.Request):
        allowed = access.is_instructor(_username(request))
        updates = [gr.update(visible=allowed), gr.update(visible=allowed)]
        if role_radio is not None and not allowed:  # a learner cannot pose as an instructor
            updates.append(gr.update(choices=[c for c in role_radio.choices
                                              if c[1] != "instructor"]))
        elif role_radio is not None:
            updates.append(gr.update())
        return updates

    add_material_tab(demo, ctx, access)

    # Named apart: the chat's own load event keeps the API name `/on_load` its clients use.
    demo.load(on_load, None, [tab, insights_tab] + ([role_radio] if role_radio is not None else []),
              api_name="instructor_tabs_load", api_visibility="private")
