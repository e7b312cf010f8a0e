"""`advisor users add|remove|list`: the sign-in accounts of the web UI (thin layer over
`assistant.storage.users`), in the database the UI uses (SQLite file or ADVISOR_DATABASE_URL)."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone

import click

from assistant.settings import get_settings


def _store():
    from assistant.errors import AdvisorError
    from assistant.storage import open_database
    from assistant.storage.users import UserStore

    try:
        return UserStore(open_database(get_settings().database))
    except AdvisorError as exc:
        raise click.ClickException(exc.message) from None


@click.group("users")
def users_command() -> None:
    """Manage the sign-in accounts of the web UI (learners and instructors)."""


@users_command.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(["learner", "instructor"]), default="learner",
              show_default=True, help="Instructors also get the instructor tabs.")
@click.option("--password-stdin", is_flag=True,
              help="Read the password from the first line of standard input (for scripts).")
@click.option("--replace", is_flag=True, help="Set a new password and role for an existing account.")
def add(username: str, role: str, password_stdin: bool, replace: bool) -> None:
    """Add an account; asks for its password (never give it as an argument)."""
    from assistant.errors import UserError
    from assistant.storage.users import check_username

    try:  # a bad name is said before the password is asked for
        check_username(username)
    except UserError as exc:
        raise click.UsageError(exc.message) from None
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        account = _store().add(username, password, role, replace=replace)
    except UserError as exc:
        raise click.UsageError(exc.message) from None
    click.echo(f"{'updated' if replace else 'added'} {account.role} {account.username}")


@users_command.command("remove")
@click.argument("username")
def remove(username: str) -> None:
    """Remove an account (its conversations stay, under its name)."""
    if not _store().remove(username):
        raise click.ClickException(f"there is no account {username!r}; "
                                   "`advisor users list` shows them")
    click.echo(f"removed {username}")


@users_command.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def list_(as_json: bool) -> None:
    """List the accounts with their roles (never their passwords)."""
    accounts = _store().list()
    if as_json:
        click.echo(json.dumps([a.model_dump() for a in accounts], indent=2))
        return
    if not accounts:
        click.echo("no accounts: the UI runs for one person on 127.0.0.1 "
                   "(add one with `advisor users add NAME --role instructor`)")
        return
    for a in accounts:
        added = datetime.fromtimestamp(a.created, timezone.utc).strftime("%Y-%m-%d")
        click.echo(f"{a.username:<24} {a.role:<10} added {added}")
