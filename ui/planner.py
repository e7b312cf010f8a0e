"""The plan builder tab's handlers: commands, table edits, method switch, clear, and the views
and downloads refreshed whenever the plan changes.

Module-level functions of an `AppContext` and plain values, returning a mapping from component
names to values or `Update`s; the plan logic itself is `ui.plan`.
"""

from __future__ import annotations

import uuid
from typing import Any

from assistant.privacy import mask_pii
from ui import formatting as fmt
from ui import plan as planning
from ui.context import KEEP, AppContext, update

Updates = dict[str, Any]


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
    """Saves the plan and redraws its table, ranking, matrix, roadmap, KPIs and downloads."""
    plan = planning.Plan.model_validate(plan_data)
    if who:
        ctx.store.save_plan(who, plan.model_dump())
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
        "matrix": planning.matrix_figure(result),
        "roadmap": planning.roadmap_markdown(result),
        "kpis": planning.kpis_markdown(kpi_results),
        "download_md": update(value=md_path if has_items else None, interactive=has_items),
        "download_csv": update(value=csv_path if has_items else None, interactive=has_items),
    }


def on_command(ctx: AppContext, text: str, plan_data: dict) -> Updates:
    """"add 'X' with reach …", "remove 'X'", "clear the plan" typed in the plan tab."""
    try:
        parsed = planning.parse_command(text or "")
        if parsed is None:
            raise planning.PlanError("start with add, remove or clear, e.g. " + planning.EXAMPLE)
        new_plan, reply = planning.apply_command(planning.Plan.model_validate(plan_data), parsed)
    except planning.PlanError as exc:
        return {"command": KEEP, "plan_status": "⚠️ " + fmt.escape_markdown(str(exc)),
                "plan_state": KEEP}
    return {"command": "", "plan_status": "✅ " + fmt.escape_markdown(reply),
            "plan_state": new_plan.model_dump()}


def on_table_edit(ctx: AppContext, rows: list, method: str, plan_data: dict) -> Updates:
    plan = planning.Plan.model_validate(plan_data)
    try:
        new_plan = planning.plan_from_rows(plan, rows or [], method)
    except planning.PlanError as exc:
        return {"plan_status": "⚠️ " + fmt.escape_markdown(str(exc)), "plan_state": KEEP}
    return {"plan_status": "✅ Table saved.", "plan_state": new_plan.model_dump()}


def on_method(ctx: AppContext, method: str, plan_data: dict) -> Updates:
    plan = planning.Plan.model_validate(plan_data)
    if not plan.initiatives:
        return {"plan_status": "",
                "plan_state": plan.model_copy(update={"method": method}).model_dump()}
    try:
        new_plan = planning.plan_from_rows(plan, planning.plan_rows(plan), method)
    except planning.PlanError as exc:
        return {"plan_status": ("⚠️ Cannot switch to " + method.upper() + ": "
                                + fmt.escape_markdown(str(exc)) + " Edit the table first."),
                "plan_state": KEEP}
    return {"plan_status": f"✅ Switched to {method.upper()}.", "plan_state": new_plan.model_dump()}


def on_clear(ctx: AppContext, plan_data: dict) -> Updates:
    plan = planning.Plan.model_validate(plan_data)
    return {"plan_status": "✅ Cleared the plan.",
            "plan_state": plan.model_copy(update={"initiatives": []}).model_dump()}
