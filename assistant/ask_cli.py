"""`advisor ask`: one question, or a JSON-lines batch with the engine loaded once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

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


def _error(code: str, message: str, question_id=None) -> dict:
    body = {"error": {"code": code, "message": message}}
    if question_id is not None:
        body = {"id": question_id, **body}
    return body


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
    from assistant.brains import BrainUnavailable
    from assistant.engine import Advisor, InputProblem
    from assistant.memory import StoreUnavailable
    from knowledge.index import IndexUnavailable

    unavailable = (BrainUnavailable, IndexUnavailable, StoreUnavailable)

    settings = get_settings()
    if batch is None and question is None:
        if sys.stdin.isatty():
            raise click.UsageError("give a QUESTION or --batch FILE")
        raw = sys.stdin.buffer.read()
        question = raw
    advisor = Advisor(settings, llm=llm)

    if batch is not None:
        if not batch.exists():
            click.echo(json.dumps(_error("invalid_input", f"batch file {batch} does not exist")))
            sys.exit(2)
        failures = 0
        with batch.open("rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    item = json.loads(line.decode("utf-8"))
                    if not isinstance(item, dict) or "question" not in item:
                        raise ValueError('each line must be an object with "id" and "question"')
                except (ValueError, UnicodeDecodeError) as exc:
                    failures += 1
                    click.echo(json.dumps(_error("invalid_input", f"line {number}: {exc}", question_id=f"line-{number}")))
                    continue
                qid = item.get("id", number)
                try:
                    result = advisor.ask(item["question"], conversation_id=item.get("conversation"),
                                         role=item.get("role", role), question_id=qid, remember=False)
                    click.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False))
                except InputProblem as exc:
                    failures += 1
                    click.echo(json.dumps(_error(exc.code, exc.message, question_id=qid)))
                except unavailable as exc:
                    click.echo(json.dumps(_error("unavailable", str(exc), question_id=qid)))
                    sys.exit(3)
                except Exception as exc:  # last resort: one bad question must not end the batch
                    failures += 1
                    click.echo(json.dumps(_error("internal_error", f"{type(exc).__name__}: {exc}", question_id=qid)))
                sys.stdout.flush()
        sys.exit(0)

    try:
        result = advisor.ask(question, conversation_id=conversation_id, role=role)
    except InputProblem as exc:
        if as_json:
            click.echo(json.dumps(_error(exc.code, exc.message)))
        else:
            click.echo(f"error: {exc.message}", err=True)
        sys.exit(2)
    except unavailable as exc:
        if as_json:
            click.echo(json.dumps(_error("unavailable", str(exc))))
        else:
            click.echo(f"error: {exc}", err=True)
        sys.exit(3)
    except Exception as exc:  # last resort: a message, never a traceback
        message = f"internal error ({type(exc).__name__}: {exc}); please report it"
        click.echo(json.dumps(_error("internal_error", message)) if as_json else f"error: {message}", err=not as_json)
        sys.exit(1)
    if as_json:
        click.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(result))
