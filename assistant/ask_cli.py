"""`advisor ask`: one question, or a JSON-lines batch with the engine loaded once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typing import Any

import click
from pydantic import BaseModel

from assistant.batch import error_record, read_batch
from assistant.errors import AdvisorError, Kind, SetupError, UserError
from assistant.settings import get_settings


def render_text(result) -> str:
    """The readable form: answer, numbered citations, and a Calculated block."""
    lines = [result.answer, ""]
    if result.citations:
        lines.append("Sources:")
        for number, cite in enumerate(result.citations, 1):
            lines.append(f"  [{number}] {cite.label} ({cite.chunk_id})")
            lines.append(f"      “{cite.quote}”")
    if result.tool_calls:
        lines.append("")
        lines.append("Calculated (deterministic tools):")
        for call in result.tool_calls:
            shown = {k: v for k, v in call.result.items() if k not in {"inputs", "assumptions"}} if isinstance(call.result, dict) else call.result
            lines.append(f"  {call.name}({json.dumps(call.args)}) → {json.dumps(shown)[:400]}")
    lines.append("")
    lines.append(
        f"[engine {result.engine} · grounding {result.grounding.score:.2f} · {result.latency_ms:.0f} ms"
        + (f" · conversation {result.conversation_id}" if result.conversation_id else "")
        + "]"
    )
    return "\n".join(lines)


class AskLine(BaseModel):
    """One line of `advisor ask --batch`; the question itself is validated by the advisor."""

    id: str | int | None = None
    question: Any
    conversation: Any = None
    role: Any = None


def _internal(exc: Exception) -> SetupError:
    # Last resort, never a traceback: the operator reports it (exit code 1).
    return SetupError(f"internal error ({type(exc).__name__}: {exc}); please report it",
                      code="internal_error")


@click.command("ask")
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@click.option("--llm", type=click.Choice(["offline", "openai", "ollama", "llamacpp"]), default=None)
@click.option("--conversation", "conversation_id", default=None, help="Continue a conversation by id.")
@click.option("--role", type=click.Choice(["learner", "instructor", "planner"]), default="learner")
@click.option("--batch", "batch", type=click.Path(path_type=Path), default=None,
              help="JSON-lines file of {\"id\", \"question\"} objects.")
def ask_command(question, as_json, llm, conversation_id, role, batch) -> None:
    """Ask the advisor a question about the course (offline engine by default)."""
    from assistant.engine import Advisor

    settings = get_settings()
    if batch is None and question is None:
        if sys.stdin.isatty():
            raise click.UsageError("give a QUESTION or --batch FILE")
        raw = sys.stdin.buffer.read()
        question = raw
    advisor = Advisor(settings, llm=llm)

    if batch is not None:
        try:
            lines = read_batch(batch, AskLine, 'an object with "id" and "question"')
        except UserError as exc:
            click.echo(json.dumps({"error": exc.to_dict()}))
            sys.exit(exc.exit_code)
        for number, item in lines:
            if isinstance(item, dict):
                click.echo(json.dumps(item, ensure_ascii=False))
                continue
            qid = item.id if item.id is not None else number
            try:
                result = advisor.ask(item.question, conversation_id=item.conversation,
                                     role=item.role or role, question_id=qid, remember=False)
                click.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
            except AdvisorError as exc:
                click.echo(json.dumps(error_record(qid, exc), ensure_ascii=False))
                if exc.kind is Kind.OPERATOR:
                    sys.exit(exc.exit_code)  # every later question would fail the same way
            except Exception as exc:  # one bad question must not end the batch
                click.echo(json.dumps(error_record(qid, _internal(exc)), ensure_ascii=False))
            sys.stdout.flush()
        sys.exit(0)

    try:
        result = advisor.ask(question, conversation_id=conversation_id, role=role)
    except Exception as exc:  # a message that says the fix, never a traceback
        error = exc if isinstance(exc, AdvisorError) else _internal(exc)
        if as_json:
            click.echo(json.dumps({"error": error.to_dict()}))
        else:
            click.echo(f"error: {error.message}", err=True)
        sys.exit(error.exit_code if isinstance(exc, AdvisorError) else 1)
    if as_json:
        click.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result))
