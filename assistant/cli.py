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
@click.option("--remove", "remove", metavar="NAME", default=None,
              help="Remove one module from the index, by its file name (see --list).")
@click.option("--list", "list_", is_flag=True,
              help="List the indexed modules with their chunk counts.")
@click.option("--json", "as_json", is_flag=True, help="With --list or --remove: print JSON.")
def ingest(
    paths: tuple[Path, ...], rebuild: bool, remove: str | None, list_: bool, as_json: bool
) -> None:
    """Index course files: Markdown, plain text, PDF, DOCX or HTML (default: the configured
    corpus). Only changed chunks are embedded; the configured corpus stays indexed beside them."""
    from knowledge.errors import AdvisorError
    from knowledge.modules import add_modules, list_modules, remove_module

    settings = get_settings()
    if sum([bool(paths) or rebuild, remove is not None, list_]) > 1:
        fail("use one of: PATHS (with --rebuild), --remove NAME, --list", as_json)
    try:
        if list_:
            _print_modules(list_modules(settings), as_json)
            return
        if remove is not None:
            report = remove_module(settings, remove)
            if as_json:
                click.echo(json.dumps({"removed": report.sources[0], "chunks": report.removed}))
            else:
                click.echo(f"removed {report.sources[0]}: {report.removed} chunk(s)")
            return
        with _ProgressBar() as bar:
            report = add_modules(settings, list(paths), progress=bar, rebuild=rebuild)
    except AdvisorError as exc:  # a bad course file, an unknown module, an index that cannot open
        fail(exc.message, as_json, code=exc.code, kind=exc.kind.value)
    for notice in report.notices:
        click.echo(f"note: {notice}", err=True)
    click.echo(report.summary())


def _print_modules(modules, as_json: bool) -> None:
    if as_json:
        from dataclasses import asdict

        click.echo(json.dumps({"modules": [asdict(module) for module in modules]}, indent=2))
        return
    if not modules:
        click.echo("no modules indexed; run `advisor ingest`")
    for module in modules:
        configured = "  (configured corpus)" if module.configured else ""
        click.echo(f"{module.source}  {module.chunks} chunk(s), {module.lessons} lesson(s): "
                   f"{module.title}{configured}")


class _ProgressBar:
    """`add_modules` progress on stderr: a bar while embedding more than a handful of chunks."""

    def __init__(self) -> None:
        self.bar = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()

    def __call__(self, event) -> None:
        if event.stage != "embedding":
            return
        if self.bar is None and event.total > 64:
            from tqdm import tqdm

            self.bar = tqdm(total=event.total, desc="embedding", unit="chunk", file=sys.stderr)
        if self.bar is not None:
            self.bar.n = event.done
            self.bar.refresh()


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
