"""Specifications of the UI's SQLite tables: plans and feedback survive, per owner, masked."""

from __future__ import annotations

import sqlite3

from assistant.memory import ConversationStore
from ui.ratelimit import RateLimiter
from ui.store import UIStore

EMAIL = "jane.doe@example.com"


def test_plan_round_trip_per_owner(tmp_path):
    store = UIStore(tmp_path / "advisor.sqlite3")
    plan = {"title": "Q3", "method": "rice", "initiatives": [{"name": "AI search", "reach": 3.0}]}
    store.save_plan("browser:a", plan)
    store.save_plan("browser:a", {**plan, "title": "Q4"})  # upsert, not a second row
    assert UIStore(tmp_path / "advisor.sqlite3").load_plan("browser:a") == {**plan, "title": "Q4"}
    assert store.load_plan("browser:b") is None
    assert [p["title"] for p in store.list_plans("browser:a")] == ["Q4"]


def test_feedback_is_stored_with_answer_citations_and_sections(tmp_path):
    store = UIStore(tmp_path / "advisor.sqlite3")
    feedback_id = store.add_feedback(
        "browser:a", "down", conversation_id="c1", message_index=2, question="q?",
        answer="An answer [1].", citations=[{"chunk_id": "x1", "lesson": "6.2"}],
        section_ids=["6.2 › KPIs"],
    )
    assert store.set_feedback_note("browser:a", feedback_id, "wrong KPI for chatbots")
    assert not store.set_feedback_note("browser:b", feedback_id, "not yours")
    (row,) = store.feedback("browser:a")
    assert row["rating"] == "down" and row["note"] == "wrong KPI for chatbots"
    assert row["citations"] == [{"chunk_id": "x1", "lesson": "6.2"}]
    assert row["section_ids"] == ["6.2 › KPIs"] and row["message_index"] == 2
    assert store.feedback("browser:b") == []


def test_personal_data_never_reaches_the_database_file(tmp_path):
    path = tmp_path / "advisor.sqlite3"
    store = UIStore(path)
    store.save_plan("browser:a", {"title": f"plan for {EMAIL}", "initiatives": [
        {"name": f"call +44 20 7946 0958 or {EMAIL}"}]})
    feedback_id = store.add_feedback("browser:a", "down", question=f"I am {EMAIL}",
                                     answer="ok", note=f"mail {EMAIL}")
    store.set_feedback_note("browser:a", feedback_id, f"card 4111 1111 1111 1111 {EMAIL}")
    store.close()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert EMAIL.encode() not in raw
    assert b"4111 1111 1111 1111" not in raw and b"7946 0958" not in raw
    assert b"[email removed]" in raw


def test_ui_tables_share_the_conversation_database_in_wal_mode(tmp_path):
    path = tmp_path / "advisor.sqlite3"
    ConversationStore(path)
    UIStore(path).save_plan("o", {"initiatives": []})
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"conversations", "turns", "ui_plans", "ui_feedback"} <= tables
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_browser_state_secret_is_created_once_and_kept(tmp_path):
    first = UIStore(tmp_path / "db.sqlite3").secret()
    assert len(first) >= 24
    assert UIStore(tmp_path / "db.sqlite3").secret() == first


def test_rate_limit_allows_n_per_minute_per_session_then_says_how_long_to_wait():
    now = [0.0]
    limiter = RateLimiter(per_minute=2, clock=lambda: now[0])
    assert limiter.check("a") == 0 and limiter.check("a") == 0
    now[0] = 15.0
    wait = limiter.check("a")
    assert wait == 45.0
    assert limiter.check("b") == 0  # another session is not affected
    assert "Please wait 45 s" in limiter.message(wait)
    now[0] = 60.0
    assert limiter.check("a") == 0
