"""Specifications of sign-in accounts: stored hashed, managed by `advisor users`, bounded
guessing, roles enforced by `ui.access` — on SQLite and on PostgreSQL alike.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from assistant.cli import main
from assistant.settings import Settings
from assistant.storage import open_database, tables
from assistant.storage.users import AccountError, UserStore
from ui.access import Access, Forbidden, check_can_start, describe_sign_in, gradio_auth

sys.path.insert(0, str(Path(__file__).resolve().parent))
from replica_servers import ServerUnavailable, start_postgres  # noqa: E402

PASSWORD = "correct horse 42"


@pytest.fixture(scope="module")
def postgres_url():
    try:
        server = start_postgres()
    except ServerUnavailable as exc:
        print(f"\n*** SKIPPED the PostgreSQL account tests: {exc} ***\n", flush=True)
        pytest.skip(f"LOUD SKIP: {exc}")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=[
    pytest.mark.server, pytest.mark.slow, pytest.mark.loopback])])
def users(request, tmp_path):
    if request.param == "sqlite":
        db = open_database(tmp_path / "advisor.sqlite3")
    else:
        db = open_database(request.getfixturevalue("postgres_url"))
        with db.transaction() as conn:  # one cluster for the module: start each test empty
            conn.execute(tables.users.delete())
            conn.execute(tables.sign_in_failures.delete())
    # Four rounds: the cheapest cost bcrypt allows keeps the tests fast; the CLI uses twelve.
    yield UserStore(db, rounds=4, max_failures=3, window_s=600)
    db.close()


def test_an_account_is_stored_with_a_salted_hash_never_the_password(users):
    users.add("ada", PASSWORD, "instructor")
    users.add("bob", PASSWORD)
    assert [(a.username, a.role) for a in users.list()] == [("ada", "instructor"),
                                                           ("bob", "learner")]
    with users.db.read() as conn:
        hashes = conn.execute(sa.select(tables.users.c.password_hash)).scalars().all()
    assert all(PASSWORD not in h and h.startswith("$2") for h in hashes)
    assert hashes[0] != hashes[1]  # same password, different salt


def test_sign_in_accepts_the_right_password_only(users):
    users.add("ada", PASSWORD, "instructor")
    assert users.sign_in("ada", PASSWORD).account.role == "instructor"
    assert users.sign_in("ada", PASSWORD + "x").account is None
    assert users.sign_in("nobody", PASSWORD).account is None


def test_failed_sign_ins_lock_the_name_for_the_window_even_with_the_right_password(users):
    users.add("ada", PASSWORD)
    for _ in range(3):
        assert users.sign_in("ada", "wrong password", now=1000.0).account is None
    locked = users.sign_in("ada", PASSWORD, now=1001.0)
    assert locked.account is None and 590 < locked.locked_for_s <= 600
    assert users.sign_in("ada", PASSWORD, now=1000.0 + 601).account is not None


def test_removing_an_account_ends_its_sign_in(users):
    users.add("bob", PASSWORD)
    assert users.remove("bob") is True
    assert users.remove("bob") is False
    assert users.sign_in("bob", PASSWORD).account is None


@pytest.mark.parametrize(("name", "password", "role", "field"), [
    ("ada@example.com", PASSWORD, "learner", "username"),
    ("", PASSWORD, "learner", "username"),
    ("ada", "short", "learner", "password"),
    ("ada", "x" * 73, "learner", "password"),
    ("ada", PASSWORD, "admin", "role"),
])
def test_a_bad_account_is_refused_naming_the_field(tmp_path, name, password, role, field):
    users = UserStore(open_database(tmp_path / "a.sqlite3"), rounds=4)
    with pytest.raises(AccountError, match=field):
        users.add(name, password, role)
    assert users.list() == []


def test_an_existing_account_is_replaced_only_when_asked(tmp_path):
    users = UserStore(open_database(tmp_path / "a.sqlite3"), rounds=4)
    users.add("ada", PASSWORD)
    with pytest.raises(AccountError, match="exists already"):
        users.add("ada", "another password", "instructor")
    users.add("ada", "another password", "instructor", replace=True)
    assert users.sign_in("ada", "another password").account.role == "instructor"


# ----------------------------------------------------------------------------- roles


def test_without_accounts_the_one_local_person_is_an_instructor(tmp_path):
    access = Access(UserStore(open_database(tmp_path / "a.sqlite3"), rounds=4))
    assert access.accounts is False and access.is_instructor(None)
    local = Settings(data_dir=tmp_path)
    check_can_start(local, access)
    assert gradio_auth(local, access) is None


def test_without_accounts_another_address_is_refused_with_the_command_that_adds_one(tmp_path):
    access = Access(UserStore(open_database(tmp_path / "a.sqlite3"), rounds=4))
    with pytest.raises(Exception, match=r"advisor users add NAME --role instructor"):
        check_can_start(Settings(data_dir=tmp_path, host="0.0.0.0"), access)


def test_with_accounts_only_an_instructor_passes_the_instructor_check(tmp_path):
    users = UserStore(open_database(tmp_path / "a.sqlite3"), rounds=4)
    users.add("ada", PASSWORD, "instructor")
    users.add("bob", PASSWORD)
    access = Access(users)
    check_can_start(Settings(data_dir=tmp_path, host="0.0.0.0"), access)
    assert gradio_auth(Settings(data_dir=tmp_path), access) == access.authenticate
    access.require_instructor("ada")
    for who in ("bob", None, "ghost"):
        with pytest.raises(Forbidden):
            access.require_instructor(who)
    assert access.authenticate("bob", PASSWORD) and not access.authenticate("bob", "nope-nope")


def test_the_settings_tab_says_how_sessions_sign_in(tmp_path):
    users = UserStore(open_database(tmp_path / "a.sqlite3"), rounds=4)
    local = Settings(data_dir=tmp_path)
    assert describe_sign_in(local, Access(users)).startswith("off")
    users.add("ada", PASSWORD, "instructor")
    assert describe_sign_in(local, Access(users)) == "on (accounts)"


# ----------------------------------------------------------------------------- the CLI


def test_advisor_users_adds_lists_and_removes_accounts(tmp_path, use_settings):
    use_settings(Settings(data_dir=tmp_path))
    runner = CliRunner()
    added = runner.invoke(main, ["users", "add", "ada", "--role", "instructor",
                                 "--password-stdin"], input=PASSWORD + "\n")
    assert added.exit_code == 0, added.output
    runner.invoke(main, ["users", "add", "bob", "--password-stdin"], input=PASSWORD + "\n")
    listed = runner.invoke(main, ["users", "list", "--json"])
    assert [(a["username"], a["role"]) for a in json.loads(listed.output)] == [
        ("ada", "instructor"), ("bob", "learner")]
    assert PASSWORD not in listed.output
    weak = runner.invoke(main, ["users", "add", "cy", "--password-stdin"], input="short\n")
    assert weak.exit_code == 2 and "at least 8 characters" in weak.output
    assert runner.invoke(main, ["users", "remove", "bob"]).exit_code == 0
    missing = runner.invoke(main, ["users", "remove", "bob"])
    assert missing.exit_code == 1 and "advisor users list" in missing.output
    users = UserStore(open_database(Settings(data_dir=tmp_path).database))
    assert [a.username for a in users.list()] == ["ada"]
    assert users.sign_in("ada", PASSWORD).account is not None
