"""`advisor` finds its subcommands through the "advisor.commands" entry points, never by name."""

from __future__ import annotations

import sys
import tomllib
import types
from importlib.metadata import EntryPoint

import click
import pytest
from click.testing import CliRunner

import assistant.cli as cli
from knowledge.settings import PACKAGE_ROOT


def declared() -> dict[str, str]:
    with open(PACKAGE_ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["project"]["entry-points"][cli.COMMAND_GROUP]


def test_help_lists_every_declared_command_and_the_built_in_ones():
    result = CliRunner().invoke(cli.main, ["--help"])
    assert result.exit_code == 0, result.output
    listed = {line.split()[0] for line in result.output.split("Commands:")[1].splitlines() if line.strip()}
    assert listed == set(declared()) | {"ingest", "search"}
    assert "unavailable" not in result.output


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch):
    """Replaces the installed metadata with the given entry points (and no pyproject.toml)."""

    def install(**commands: str) -> None:
        points = [EntryPoint(name, value, cli.COMMAND_GROUP) for name, value in commands.items()]
        monkeypatch.setattr(
            "importlib.metadata.entry_points",
            lambda group=None: [p for p in points if p.group == group],
        )
        monkeypatch.setattr(cli, "_declared_in_pyproject", dict)

    return install


def test_a_command_registered_as_an_entry_point_is_listed_and_runs(installed, monkeypatch):
    plugin = types.ModuleType("advisor_test_plugin")

    @click.command(name="hello")
    def hello() -> None:
        """Say hello from a plugin."""
        click.echo("hello from the plugin")

    plugin.hello = hello
    monkeypatch.setitem(sys.modules, "advisor_test_plugin", plugin)
    installed(hello="advisor_test_plugin:hello")

    runner = CliRunner()
    assert "Say hello from a plugin." in runner.invoke(cli.main, ["--help"]).output
    assert runner.invoke(cli.main, ["hello"]).output == "hello from the plugin\n"
    # Nothing is mounted that is not declared: the higher layers' commands are gone here.
    assert runner.invoke(cli.main, ["eval"]).exit_code != 0


def test_a_broken_entry_point_is_listed_as_unavailable_not_a_crash(installed):
    installed(broken="no_such_module_anywhere:command")
    result = CliRunner().invoke(cli.main, ["--help"])
    assert result.exit_code == 0
    assert "broken" in result.output and "unavailable" in result.output
    assert "not available" in CliRunner().invoke(cli.main, ["broken"]).output


def test_a_checkout_installed_before_a_declaration_reads_it_from_pyproject(monkeypatch):
    monkeypatch.setattr("importlib.metadata.entry_points", lambda group=None: [])
    assert cli.command_entry_points() == declared()
