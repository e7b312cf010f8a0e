"""The plan builder tab's handlers: commands, table edits, method switch, clear, and the views
and downloads refreshed whenever the plan changes.

Module-level functions of an `AppContext` and plain values, returning a mapping from component
names to values or `Update`s; the plan logic itself is `ui.plan`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from assistant.reading.privacy import mask_pii
from ui import formatting as fmt
from ui import plan as planning
from ui.context import KEEP, AppContext, update

Updates = dict[str, Any]
STALE_PLAN = "The plan changed in another tab — reloaded. Make your edit again."


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


def write_exports(ctx: AppContext, owner: str, plan: planning.Plan, result,
                  kpis) -> tuple[str, str]:
    """The plan as Markdown and CSV files in the owner's own export folder (personal data masked)."""
    folder = ctx.export_dir / (uuid.uuid5(uuid.NAMESPACE_URL, owner or "anonymous").hex[:12])
    folder.mkdir(parents=True, exist_ok=True)
    md_path = folder / "ai-initiative-plan.md"
    csv_path = folder / "ai-initiative-plan.csv"
    # Exports leave the app: personal data typed into initiative names never goes with them.
    md_path.write_text(mask_pii(planning.export_markdown(plan, result, kpis)), encoding="utf-8")
    csv_path.write_text(mask_pii(planning.export_csv(plan, result)), encoding="utf-8")
    return str(md_path), str(csv_path)


def refresh_plan(ctx: AppContext, plan_data: dict, who: str) -> Updates:
    """Redraws the plan's table, ranking, matrix, roadmap, KPIs and downloads (the edit that
    changed the plan has saved it already, in `edit_plan`)."""
    plan = planning.Plan.model_validate(plan_data)
    try:
        result = planning.rank(plan)
    except planning.PlanError as exc:
        result = None
        ctx.notify("warning", str(exc))
    kpi_results = planning.plan_kpis(plan)
    md_path, csv_path = write_exports(ctx, who, plan, result, kpi_results)
    has_items = bool(plan.initiatives)
    return {
        "table": planning.plan_rows(plan),
        "method": plan.method,
        "ranking": planning.ranking_rows(result),
        "matrix": planning.matrix_chart(result),
        "roadmap": planning.roadmap_markdown(result),
        "kpis": planning.kpis_markdown(kpi_results),
        "download_md": update(value=md_path if has_items else None, interactive=has_items),
        "download_csv": update(value=csv_path if has_items else None, interactive=has_items),
    }


def on_command(ctx: AppContext, text: str, plan_data: dict, who: str = "") -> Updates:
    """"add 'X' with reach …", "remove 'X'", "clear the plan" typed in the plan tab."""
    try:
        parsed = planning.parse_command(text or "")
        if parsed is None:
            raise planning.PlanError("start with add, remove or clear, e.g. " + planning.EXAMPLE)
        new_plan, reply = edit_plan(ctx, who, plan_data,
                                    lambda plan: planning.apply_command(plan, parsed))
    except planning.PlanError as exc:
        return {"command": KEEP, "plan_status": "⚠️ " + fmt.escape_markdown(str(exc)),
                "plan_state": KEEP}
    return {"command": "", "plan_status": "✅ " + fmt.escape_markdown(reply), "plan_state": new_plan}


def on_table_edit(ctx: AppContext, rows: list, method: str, plan_data: dict,
                  who: str = "") -> Updates:
    def change(plan):
        return planning.plan_from_rows(plan, rows or [], method), "Table saved."

    try:  # the table replaces every row: only on the plan this tab shows (strict)
        new_plan, reply = edit_plan(ctx, who, plan_data, change, strict=True)
    except planning.PlanError as exc:
        return {"plan_status": "⚠️ " + fmt.escape_markdown(str(exc)), "plan_state": KEEP}
    return {"plan_status": ("⚠️ " if reply == STALE_PLAN else "✅ ") + reply, "plan_state": new_plan}


def on_method(ctx: AppContext, method: str, plan_data: dict, who: str = "") -> Updates:
    """A method picked on the control: the plan is converted or restored, or the switch is
    refused with a question naming what is missing (`ui.plan.switch_method`)."""
    try:
        new_plan, reply = edit_plan(ctx, who, plan_data,
                                    lambda plan: planning.switch_method(plan, method))
    except planning.PlanError as exc:
        # The control goes back to the method still in effect: it never shows one that is not.
        in_effect = planning.Plan.model_validate(plan_data).method
        return {"plan_status": "⚠️ " + fmt.escape_markdown(str(exc)),
                "plan_state": KEEP, "method": in_effect}
    return {"plan_status": fmt.escape_markdown(reply), "plan_state": new_plan,
            "method": new_plan["method"]}


def on_clear(ctx: AppContext, plan_data: dict, who: str = "") -> Updates:
    def change(plan):
        return plan.model_copy(update={"initiatives": [], "earlier": {}}), "✅ Cleared the plan."

    new_plan, reply = edit_plan(ctx, who, plan_data, change)
    return {"plan_status": reply, "plan_state": new_plan}
