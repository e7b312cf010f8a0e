"""The `advisor` command line: a thin layer over the library (parse input, format output).

Heavy libraries are imported inside commands so `advisor --help` stays instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.settings import get_settings


class LazyGroup(click.Group):
    """Subcommands defined in other packages, imported only when invoked."""

    lazy = {
        "tool": ("tools.cli", "tool_command"),
        "check": ("evals.checker", "check_command"),
        "eval": ("evals.cli", "eval_command"),
        "ui": ("ui.cli", "ui_command"),
        "ask": ("assistant.ask_cli", "ask_command"),
    }

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def format_commands(self, ctx, formatter):
        # `advisor --help` imports each subcommand for its one-line help; one that cannot be
        # imported is listed as unavailable instead of failing the whole help screen.
        rows = []
        for name in self.list_commands(ctx):
            try:
                command = self.get_command(ctx, name)
            except click.ClickException as exc:
                rows.append((name, f"(unavailable: {exc.message.split(': ', 1)[-1]})"))
                continue
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width - 6 - len(name))))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_command(self, ctx, name):
        if name in self.lazy:
            import importlib

            module, attr = self.lazy[name]
            try:
                return getattr(importlib.import_module(module), attr)
            except (ImportError, AttributeError) as exc:
                raise click.ClickException(f"`advisor {name}` is not available: {exc}") from None
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Strategy Advisor: course-grounded answers, calculators and plans for AI in e-commerce."""


def fail(message: str, as_json: bool, code: str = "invalid_input", exit_code: int = 2) -> None:
    if as_json:
        click.echo(json.dumps({"error": {"code": code, "message": message}}))
    else:
        click.echo(f"error: {message}", err=True)
    sys.exit(exit_code)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Drop the index and embed everything again.")
def ingest(paths: tuple[Path, ...], rebuild: bool) -> None:
    """Index course files (default: the configured corpus). Only changed chunks are embedded."""
    from tqdm import tqdm

    from knowledge.index import CourseIndex, IndexUnavailable
    from knowledge.parsing import CorpusError

    settings = get_settings()
    index = CourseIndex(settings)
    targets = list(paths) or list(settings.corpus_paths)
    if paths and not rebuild:
        # Keep the configured corpus in the same sync so it is never dropped by accident.
        targets = list(dict.fromkeys([*settings.corpus_paths, *paths]))
    bar = None

    def progress(done: int, total: int) -> None:
        nonlocal bar
        if bar is None and total > 64:
            bar = tqdm(total=total, desc="embedding", unit="chunk", file=sys.stderr)
        if bar is not None:
            bar.n = done
            bar.refresh()

    try:
        report = index.ingest(targets, rebuild=rebuild, progress=progress)
    except (CorpusError, IndexUnavailable) as exc:
        fail(str(exc), as_json=False)
    finally:
        if bar is not None:
            bar.close()
    click.echo(report.summary())


@main.command()
@click.argument("query")
@click.option("-k", "--top-k", type=click.IntRange(1, 50), default=None, help="Passages to return.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def search(query: str, top_k: int | None, as_json: bool) -> None:
    """Show the course passages that best match QUERY, with citations."""
    from knowledge.index import IndexUnavailable
    from knowledge.retrieve import CourseRetriever

    if not query.strip():
        fail("query is empty; type the words to search the course for", as_json)
    settings = get_settings()
    try:
        passages = CourseRetriever(settings).search(query, k=top_k)
    except IndexUnavailable as exc:
        fail(str(exc), as_json, code="index_unavailable")
    if as_json:
        click.echo(json.dumps({"query": query, "passages": [p.model_dump() for p in passages]}, indent=2))
        return
    for number, passage in enumerate(passages, 1):
        cite = passage.citation
        click.echo(f"[{number}] {cite.label}  (score {cite.score:.3f}, {cite.chunk_id})")
        click.echo(f"    {cite.quote}\n")


if __name__ == "__main__":
    main()
