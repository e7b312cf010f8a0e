"""The "Course material" tab's layout and wiring (Gradio): upload modules with a progress bar, a
table of modules with their chunk counts, remove or replace one.

`add_material_tab(demo, ctx, access)` is called where the other instructor tabs are added
(`ui.instructor_tabs`); the tab starts hidden and is shown on load to an instructor's session
only. Every event calls a guarded handler of `ui.material`; a refusal or bad input is shown as a
Gradio error (the message only, no traceback), which is also what a direct API call receives.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.errors import AdvisorError
from knowledge.modules import IngestProgress
from ui import material
from ui.access import Access

STAGES = {"reading": "Reading", "embedding": "Embedding chunks", "done": "Done"}


def _username(request: gr.Request | None) -> str | None:
    return getattr(request, "username", None) if request is not None else None


def add_material_tab(demo: gr.Blocks, ctx: Any, access: Access) -> None:
    with gr.Tab("Course material", id="material", visible=False) as tab:
        gr.Markdown("Add course modules as Markdown, plain text, PDF, Word (.docx), HTML, PowerPoint "
                    "(.pptx), LaTeX (.tex), EPUB e-book (.epub) or OpenDocument Text (.odt, .fodt) files: "
                    "each is split into lessons and sections and indexed, and learners' next "
                    "questions can cite it. A file named like an existing module replaces it. "
                    "A file that cannot be read is reported with the reason and changes nothing.")
        with gr.Row():
            with gr.Column(scale=3):
                files = gr.File(label="Course files", file_count="multiple",
                                file_types=list(material.ACCEPTED), type="filepath",
                                elem_id="material-upload")
                add = gr.Button("Add to the course", variant="primary", elem_id="material-add")
            with gr.Column(scale=2):
                chosen = gr.Dropdown([], value=None, label="Module", allow_custom_value=True,
                                     elem_id="material-module")
                remove = gr.Button("Remove module", variant="stop", elem_id="material-remove")
                replacement = gr.File(label="Replacement file", file_count="single",
                                      file_types=list(material.ACCEPTED), type="filepath",
                                      elem_id="material-replacement")
                replace = gr.Button("Replace module", elem_id="material-replace")
        status = gr.Markdown("", elem_id="material-status")
        table = gr.Dataframe(headers=material.HEADERS, value=[], type="array",
                             interactive=False, wrap=True, label="Modules",
                             column_widths=["25%", "39%", "9%", "9%", "18%"],
                             elem_id="material-modules")
        refresh = gr.Button("Refresh list", size="sm", elem_id="material-refresh")

    outputs = [status, table, chosen]

    def show(view: material.MaterialView):
        value = view.removable[0] if view.removable else None
        return [view.status, view.rows, gr.update(choices=view.removable, value=value)]

    def bar(progress: gr.Progress):
        def step(event: IngestProgress) -> None:
            desc = STAGES[event.stage] + (f" {event.file}" if event.file else "")
            unit = "chunks" if event.stage == "embedding" else "files"
            progress((event.done, max(event.total, 1)), desc=desc, unit=unit)
        return step

    def guarded(call):
        try:
            return show(call())
        except AdvisorError as exc:
            raise gr.Error(exc.message, print_exception=False) from None

    def on_add(paths: list[str] | None, request: gr.Request, progress=gr.Progress()):
        return guarded(lambda: material.upload(access, ctx.advisor, _username(request), paths,
                                               bar(progress)))

    def on_remove(name: str | None, request: gr.Request):
        return guarded(lambda: material.remove(access, ctx.advisor, _username(request), name))

    def on_replace(name: str | None, path: str | None, request: gr.Request,
                   progress=gr.Progress()):
        return guarded(lambda: material.replace(access, ctx.advisor, _username(request), name,
                                                path, bar(progress)))

    def on_list(request: gr.Request):
        return guarded(lambda: material.modules(access, ctx.advisor, _username(request)))

    # One change at a time: two uploads must not interleave their writes to the index.
    changing = {"concurrency_id": "material", "concurrency_limit": 1}
    add.click(on_add, [files], outputs, api_name="add_material", **changing)
    remove.click(on_remove, [chosen], outputs, api_name="remove_material", **changing)
    replace.click(on_replace, [chosen, replacement], outputs, api_name="replace_material",
                  **changing)
    refresh.click(on_list, None, outputs, api_name="list_material")

    def on_load(request: gr.Request):
        if not access.is_instructor(_username(request)):
            return [gr.update(visible=False), gr.update(), gr.update(), gr.update()]
        try:
            return [gr.update(visible=True),
                    *show(material.modules(access, ctx.advisor, _username(request)))]
        except AdvisorError as exc:  # no index yet: the tab still opens, saying why
            return [gr.update(visible=True), exc.message, [], gr.update(choices=[])]

    demo.load(on_load, None, [tab, *outputs], api_name="material_tab_load",
              api_visibility="private")
