"""The `advisor` command line: a thin layer over the library (parse input, format output).

Heavy libraries are imported inside commands so `advisor --help` stays instant.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.settings import get_settings

COMMAND_GROUP = "advisor.commands"


def command_entry_points() -> dict[str, str]:
    """name -> "module:attribute" of every subcommand other packages add to `advisor`.

    They are declared once, under ``[project.entry-points."advisor.commands"]`` in
    pyproject.toml, and read from the installed metadata (as simonw/llm finds its plugins), so
    this module never names the packages above it. In a source checkout (editable install) the
    pyproject.toml beside the packages is read too, so a declaration added since the last
    `pip install -e .` is not missed.
    """
    from importlib.metadata import entry_points

    installed = {ep.name: ep.value for ep in entry_points(group=COMMAND_GROUP)}
    return {**installed, **_declared_in_pyproject()}


def _declared_in_pyproject() -> dict[str, str]:
    """The group's table in the checkout's pyproject.toml ({} in an installed wheel)."""
    import tomllib

    from knowledge.settings import PACKAGE_ROOT

    try:
        with open(PACKAGE_ROOT / "pyproject.toml", "rb") as handle:
            project = tomllib.load(handle).get("project", {})
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    return dict(project.get("entry-points", {}).get(COMMAND_GROUP, {}))


class PluginGroup(click.Group):
    """Subcommands found through entry points, imported only when invoked or listed."""

    @property
    def plugins(self) -> dict[str, str]:
        return command_entry_points()  # read each time: cheap, and tests can swap the metadata

    def list_commands(self, ctx):
        return sorted(set(super().list_commands(ctx)) | set(self.plugins))

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
        plugins = self.plugins
        if name in plugins and name not in self.commands:
            from importlib.metadata import EntryPoint

            try:
                return EntryPoint(name, plugins[name], COMMAND_GROUP).load()
            except (ImportError, AttributeError) as exc:
                raise click.ClickException(f"`advisor {name}` is not available: {exc}") from None
        return super().get_command(ctx, name)


@click.group(cls=PluginGroup, context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Strategy Advisor: course-grounded answers, calculators and plans for AI in e-commerce."""


def fail(
    message: str, as_json: bool, code: str = "invalid_input", exit_code: int = 2, kind: str = "user"
) -> None:
    if as_json:
        click.echo(json.dumps({"error": {"code": code, "kind": kind, "message": message}}))
    else:
        click.echo(f"error: {message}", err=True)
    sys.exit(exit_code)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--rebuild", is_flag=True, help="Drop the index and embed everything again.")
def ingest(paths: tuple[Path, ...], rebuild: bool) -> None:
    """Index course files (default: the configured corpus). Only changed chunks are embedded."""
    from tqdm import tqdm

    from knowledge.errors import AdvisorError
    from knowledge.index import CourseIndex

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
    except AdvisorError as exc:  # a bad corpus file or an index that cannot be opened
        fail(exc.message, as_json=False)
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
    from knowledge.errors import AdvisorError
    from knowledge.retrieve import CourseRetriever

    if not query.strip():
        fail("query is empty; type the words to search the course for", as_json)
    settings = get_settings()
    try:
        passages = CourseRetriever(settings).search(query, k=top_k)
    except AdvisorError as exc:
        fail(exc.message, as_json, code=exc.code, kind=exc.kind.value)
    if as_json:
        click.echo(json.dumps({"query": query, "passages": [p.model_dump() for p in passages]}, indent=2))
        return
    for number, passage in enumerate(passages, 1):
        cite = passage.citation
        click.echo(f"[{number}] {cite.label}  (score {cite.score:.3f}, {cite.chunk_id})")
        click.echo(f"    {cite.quote}\n")


if __name__ == "__main__":
    main()
