"""Specifications of the storage layer: one schema from versioned migrations, an old SQLite
file upgraded in place, plan edits applied to the latest saved plan, a rate limit the stores
share, and clear messages for a database that cannot be opened.

Everything here runs on SQLite; tests/test_replicas.py runs the same stores on PostgreSQL.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from assistant.memory import ConversationStore, StoreUnavailable
from assistant.settings import Settings
from assistant.storage import Database, database_url, tables
from ui.ratelimit import RateLimiter
from ui.store import UIStore

OLD_SCHEMA = """
CREATE TABLE conversations (id TEXT PRIMARY KEY, title TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '', created REAL NOT NULL, updated REAL NOT NULL);
CREATE TABLE turns (id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL, content TEXT NOT NULL, payload TEXT NOT NULL DEFAULT '{}',
    created REAL NOT NULL);
CREATE TABLE ui_plans (owner TEXT NOT NULL, plan_id TEXT NOT NULL, title TEXT NOT NULL,
    data TEXT NOT NULL, updated REAL NOT NULL, PRIMARY KEY (owner, plan_id));
INSERT INTO conversations VALUES ('c1', 'What is RICE?', 'browser:old', 1.0, 2.0);
INSERT INTO turns(conversation_id, role, content, created) VALUES ('c1', 'user', 'What is RICE?', 1.0);
INSERT INTO ui_plans VALUES ('browser:old', 'current', 'Q3', '{"title": "Q3"}', 1.0);
"""


def test_the_migrations_build_exactly_the_schema_the_queries_are_written_on(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    database = Database(tmp_path / "advisor.sqlite3")
    with database.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), tables.metadata)
    assert differences == []


def test_a_database_made_before_migrations_is_upgraded_and_keeps_its_rows(tmp_path):
    path = tmp_path / "advisor.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(OLD_SCHEMA)
    plans, conversations = UIStore(path), ConversationStore(path)
    assert [t.content for t in conversations.history("c1")] == ["What is RICE?"]
    assert plans.load_plan("browser:old") == {"title": "Q3"}
    plans.update_plan("browser:old", lambda plan: {**plan, "title": "Q4"})
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0003",)]
        assert conn.execute("SELECT title, version FROM ui_plans").fetchall() == [("Q4", 2)]


def test_a_plan_edit_applies_to_the_latest_saved_plan_not_to_the_tabs_copy(tmp_path):
    first, second = UIStore(tmp_path / "a.sqlite3"), UIStore(tmp_path / "a.sqlite3")
    first.save_plan("o", {"items": []})

    def add(name):
        return lambda plan: {**plan, "items": [*plan["items"], name]}

    first.update_plan("o", add("alpha"))
    assert second.update_plan("o", add("beta")) == {"items": ["alpha", "beta"]}
    assert first.load_plan("o") == {"items": ["alpha", "beta"]}


def test_many_writers_adding_to_one_plan_lose_no_edit(tmp_path):
    stores = [UIStore(tmp_path / "a.sqlite3") for _ in range(4)]

    def work(n: int) -> None:
        for i in range(10):
            stores[n % 4].update_plan(
                "shared", lambda plan: {"items": [*(plan or {"items": []})["items"], f"{n}-{i}"]})

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    items = stores[0].load_plan("shared")["items"]
    assert sorted(items) == sorted(f"{n}-{i}" for n in range(8) for i in range(10))


def test_a_failed_change_leaves_the_saved_plan_as_it_was(tmp_path):
    store = UIStore(tmp_path / "a.sqlite3")
    store.save_plan("o", {"title": "kept"})

    def broken(plan):
        raise ValueError("bad edit")

    with pytest.raises(ValueError):
        store.update_plan("o", broken)
    assert store.load_plan("o") == {"title": "kept"}


def test_the_stored_rate_limit_is_shared_by_every_store_on_the_database(tmp_path):
    now = [1000.0]
    replicas = [RateLimiter(3, clock=lambda: now[0], store=UIStore(tmp_path / "a.sqlite3"))
                for _ in range(2)]
    assert [replicas[n % 2].check("browser:a") for n in range(3)] == [0, 0, 0]
    now[0] += 20
    assert replicas[1].check("browser:a") == pytest.approx(40)
    assert replicas[0].check("browser:b") == 0  # another session is not affected
    now[0] += 41
    assert replicas[0].check("browser:a") == 0


def test_a_damaged_file_is_store_unavailable_naming_the_file(tmp_path):
    path = tmp_path / "advisor.sqlite3"
    path.write_bytes(b"this is not an SQLite database " * 600)
    with pytest.raises(StoreUnavailable, match=r"advisor\.sqlite3.*move the file aside"):
        UIStore(path)


def test_an_unreachable_server_names_it_without_its_password():
    with pytest.raises(StoreUnavailable) as caught:
        ConversationStore("postgresql://advisor:s3cret-pw@127.0.0.1:1/advisor")
    message = str(caught.value)
    assert "127.0.0.1:1/advisor" in message and "ADVISOR_DATABASE_URL" in message
    assert "s3cret-pw" not in message


@pytest.mark.parametrize(("value", "driver"), [
    (Path("/tmp/x.sqlite3"), "sqlite"),
    ("/tmp/x.sqlite3", "sqlite"),
    ("sqlite:////tmp/x.sqlite3", "sqlite"),
    ("postgresql://u:p@h:5432/d", "postgresql+psycopg"),
    ("postgres://u:p@h/d", "postgresql+psycopg"),
])
def test_database_targets(value, driver):
    assert database_url(value).drivername == driver


def test_settings_refuse_a_database_url_of_another_kind_naming_the_field(monkeypatch):
    monkeypatch.setenv("ADVISOR_DATABASE_URL", "mysql://u:p@h/d")
    with pytest.raises(ValueError, match="database_url must start with postgresql://"):
        Settings()
    monkeypatch.setenv("ADVISOR_DATABASE_URL", "postgresql://u:p@h/d")
    assert Settings().database == "postgresql://u:p@h/d"
    assert "p@h" not in repr(Settings())  # the password stays out of logs and reprs


def test_turns_are_appended_never_overwritten_across_two_stores(tmp_path):
    a, b = ConversationStore(tmp_path / "a.sqlite3"), ConversationStore(tmp_path / "a.sqlite3")
    cid = a.create(title="t", owner="o")
    for n in range(6):
        (a, b)[n % 2].append(cid, "user" if n % 2 == 0 else "assistant", f"turn {n}")
    assert [t.content for t in b.history(cid)] == [f"turn {n}" for n in range(6)]
    with Database(tmp_path / "a.sqlite3").read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.turns)).scalar() == 6


def test_a_question_and_its_answer_are_saved_together_in_order_and_masked(tmp_path):
    store = ConversationStore(tmp_path / "a.sqlite3")
    store.append_turns("c1", [("user", "Mail me at ann@example.com: what is ROI?", {"role": "learner"}),
                              ("assistant", "ROI is gain over cost.", {"intent": "general"})])
    turns = store.history("c1")
    assert [(t.role, t.content) for t in turns] == [
        ("user", "Mail me at [email removed]: what is ROI?"), ("assistant", "ROI is gain over cost.")]
    assert [t.payload for t in turns] == [{"role": "learner"}, {"intent": "general"}]
    assert store.list()[0]["title"] == "Mail me at [email removed]: what is ROI?"

