"""The UI's own tables (plans, feedback, settings of the web app) in the advisor's SQLite file.

They live beside the conversations of `assistant.memory` in `settings.db_path` (WAL mode, one
transaction per write). Everything a person typed is masked with `mask_pii` before storage;
rows are keyed by an owner (a browser session id or a login) so users never see each other's.
"""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from assistant.memory import SQLiteStore
from assistant.privacy import mask_pii

SCHEMA = """
CREATE TABLE IF NOT EXISTS ui_plans (
    owner TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    title TEXT NOT NULL,
    data TEXT NOT NULL,
    updated REAL NOT NULL,
    PRIMARY KEY (owner, plan_id)
);
CREATE TABLE IF NOT EXISTS ui_feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner TEXT NOT NULL,
    conversation_id TEXT NOT NULL DEFAULT '',
    message_index INTEGER NOT NULL DEFAULT -1,
    rating TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL DEFAULT '',
    answer TEXT NOT NULL DEFAULT '',
    citations TEXT NOT NULL DEFAULT '[]',
    section_ids TEXT NOT NULL DEFAULT '[]',
    created REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS ui_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def _masked_json(value: Any) -> str:
    return mask_pii(json.dumps(value, ensure_ascii=False, default=str))


class UIStore(SQLiteStore):
    schema = SCHEMA

    # ------------------------------------------------------------------ meta

    def secret(self, key: str = "browser_state_secret") -> str:
        """A random secret created once and kept, so browser state survives a restart."""
        with self.transaction() as conn:
            row = conn.execute("SELECT value FROM ui_meta WHERE key=?", (key,)).fetchone()
            if row:
                return row[0]
            value = secrets.token_urlsafe(24)
            conn.execute("INSERT INTO ui_meta(key, value) VALUES (?, ?)", (key, value))
            return value

    # ------------------------------------------------------------------ plans

    def save_plan(self, owner: str, plan: dict[str, Any], plan_id: str = "current") -> None:
        title = mask_pii(str(plan.get("title") or "Plan"))[:120]
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO ui_plans(owner, plan_id, title, data, updated) VALUES (?,?,?,?,?) "
                "ON CONFLICT(owner, plan_id) DO UPDATE SET title=excluded.title, "
                "data=excluded.data, updated=excluded.updated",
                (owner, plan_id, title, _masked_json(plan), time.time()),
            )

    def load_plan(self, owner: str, plan_id: str = "current") -> dict[str, Any] | None:
        with self._lock:  # reads share the connection: never interleave with a write
            row = self._conn.execute(
                "SELECT data FROM ui_plans WHERE owner=? AND plan_id=?", (owner, plan_id)
            ).fetchone()
        return json.loads(row[0]) if row else None

    def list_plans(self, owner: str) -> list[dict[str, Any]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT plan_id, title, updated FROM ui_plans WHERE owner=? ORDER BY updated DESC",
                (owner,),
            ).fetchall()
        return [dict(zip(("plan_id", "title", "updated"), row)) for row in rows]

    # ------------------------------------------------------------------ feedback

    def add_feedback(
        self,
        owner: str,
        rating: str,
        *,
        conversation_id: str = "",
        message_index: int = -1,
        question: str = "",
        answer: str = "",
        citations: list[dict[str, Any]] | None = None,
        section_ids: list[str] | None = None,
        note: str = "",
    ) -> int:
        """Stores one thumbs up/down with the answer it rates; returns the feedback id."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO ui_feedback(owner, conversation_id, message_index, rating, note, "
                "question, answer, citations, section_ids, created) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (
                    owner,
                    conversation_id,
                    message_index,
                    rating,
                    mask_pii(note),
                    mask_pii(question),
                    mask_pii(answer),
                    _masked_json(citations or []),
                    json.dumps(section_ids or [], ensure_ascii=False),
                    time.time(),
                ),
            )
            return int(cursor.lastrowid)

    def set_feedback_note(self, owner: str, feedback_id: int, note: str) -> bool:
        """Adds the "this is wrong because…" note to the owner's own feedback row."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "UPDATE ui_feedback SET note=? WHERE id=? AND owner=?",
                (mask_pii(note.strip()), feedback_id, owner),
            )
            return cursor.rowcount == 1

    def feedback(self, owner: str | None = None) -> list[dict[str, Any]]:
        query = (
            "SELECT id, owner, conversation_id, message_index, rating, note, question, answer, "
            "citations, section_ids, created FROM ui_feedback"
        )
        args: tuple = ()
        if owner is not None:
            query += " WHERE owner=?"
            args = (owner,)
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY id", args).fetchall()
        keys = (
            "id", "owner", "conversation_id", "message_index", "rating", "note", "question",
            "answer", "citations", "section_ids", "created",
        )
        out = []
        for row in rows:
            item = dict(zip(keys, row))
            item["citations"] = json.loads(item["citations"])
            item["section_ids"] = json.loads(item["section_ids"])
            out.append(item)
        return out
