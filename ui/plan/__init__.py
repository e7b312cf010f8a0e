"""The plan builder's pure core, in three parts: the model (`ui.plan.model`: a plan, validated
and ranked by the course's tools), the grammar (`ui.plan.grammar`: "add …" commands and table
cells) and the exports (`ui.plan.exports`: ranking, roadmap, KPIs, Markdown, CSV) and the matrix chart
(`ui.plan.matrix`).

A plan is a list of AI initiatives scored by RICE, ICE or value ÷ effort. This package re-exports the names the
UI uses, so callers write `from ui import plan as planning`.
"""

from ui.plan.exports import (
    RANKING_HEADERS,
    export_csv,
    export_markdown,
    kpis_markdown,
    ranking_rows,
    roadmap,
    roadmap_markdown,
)
from ui.plan.grammar import (
    IMPACT_WORDS,
    AddCommand,
    ClearCommand,
    Command,
    RemoveCommand,
    apply_command,
    parse_command,
    parse_fields,
    parse_value,
    plan_from_rows,
)
from ui.plan.matrix import matrix_chart
from ui.plan.model import (
    COLUMNS,
    EXAMPLE,
    FIELD_HELP,
    FIELDS,
    ICE_EXAMPLE,
    METHOD_FIELDS,
    METHOD_NAMES,
    VALUE_EFFORT_EXAMPLE,
    VALUE_LINE,
    Method,
    Plan,
    PlanError,
    add_initiative,
    infer_method,
    plan_kpis,
    plan_rows,
    rank,
    remove_initiative,
    run_tool,
    switch_method,
    switch_question,
    validate_initiative,
)

__all__ = [
    "COLUMNS", "EXAMPLE", "FIELD_HELP", "FIELDS", "ICE_EXAMPLE", "IMPACT_WORDS", "METHOD_FIELDS",
    "METHOD_NAMES", "VALUE_EFFORT_EXAMPLE", "VALUE_LINE",
    "RANKING_HEADERS", "AddCommand", "ClearCommand", "Command", "Method", "Plan", "PlanError",
    "RemoveCommand", "add_initiative", "apply_command", "export_csv", "export_markdown",
    "infer_method", "kpis_markdown", "matrix_chart", "parse_command", "parse_fields",
    "parse_value", "plan_from_rows", "plan_kpis", "plan_rows", "rank", "ranking_rows",
    "remove_initiative", "roadmap", "roadmap_markdown", "run_tool", "switch_method", "switch_question", "validate_initiative",
]
