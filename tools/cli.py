"""`advisor tool`: list the calculation tools or run one with JSON arguments.

    advisor tool --list [--json]
    advisor tool NAME --json '{"field": value, ...}'      (or --json - to read stdin)

A run prints {"tool": NAME, "result": {...}} and exits 0; any invalid input (malformed JSON,
unknown tool, a field out of range) prints {"error": {"code": "invalid_input", ...}} and
exits 2. All the work happens in `tools.registry`; this module only parses and prints.
"""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from tools.errors import ToolInputError
from tools.registry import TOOLS, run_tool

EXIT_INVALID = 2


def _emit(payload: dict[str, Any]) -> None:
    click.echo(json.dumps(payload, indent=2, ensure_ascii=False))


def _fail(error: ToolInputError) -> None:
    _emit({"error": error.to_dict()})
    sys.exit(EXIT_INVALID)


@click.command(name="tool")
@click.argument("name", required=False)
@click.option("--list", "list_tools", is_flag=True, help="List the tools and their input schemas.")
@click.option(
    "--json",
    "json_args",
    is_flag=False,
    flag_value="",
    default=None,
    metavar="JSON",
    help="Arguments as a JSON object ('-' reads stdin). With --list: print JSON.",
)
def tool_command(name: str | None, list_tools: bool, json_args: str | None) -> None:
    """Run one of the advisor's calculation tools (RICE, ROI, A/B test, ...)."""
    if list_tools or name is None:
        _list(as_json=json_args is not None)
        return
    if name not in TOOLS:
        _fail(
            ToolInputError(f"unknown tool '{name}'; available tools: {', '.join(TOOLS)}", ["tool"])
        )
    if json_args is None or json_args == "":
        spec = TOOLS[name]
        click.echo(f"{name}: {spec.description}\n")
        click.echo(f"Run it with: advisor tool {name} --json '{{...}}'. Input schema:")
        click.echo(json.dumps(spec.json_schema(), indent=2, ensure_ascii=False))
        return
    text = sys.stdin.read() if json_args == "-" else json_args
    try:
        args = json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(
            ToolInputError(
                f"--json is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
                'pass an object such as \'{"reach": 1000, "impact": 2, "confidence": 0.8, '
                '"effort": 2}\'',
                [],
            )
        )
        return
    try:
        result = run_tool(name, args)
    except ToolInputError as exc:
        _fail(exc)
        return
    _emit({"tool": name, "result": result})


def _list(*, as_json: bool) -> None:
    if as_json:
        _emit(
            {
                "tools": [
                    {
                        "name": spec.name,
                        "description": spec.description,
                        "input_schema": spec.json_schema(),
                    }
                    for spec in TOOLS.values()
                ]
            }
        )
        return
    width = max(len(name) for name in TOOLS)
    for spec in TOOLS.values():
        fields = ", ".join(spec.input_model.model_fields)
        click.echo(f"{spec.name.ljust(width)}  {spec.description}")
        click.echo(f"{' ' * width}  fields: {fields}\n")
