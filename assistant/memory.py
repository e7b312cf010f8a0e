"""Conversation memory in SQLite (WAL): every turn of every conversation, masked before storage.

One database file in the data directory holds conversations here and, in the UI's own tables,
plans and feedback. Each write is one transaction, so a crash loses at most the turn in flight.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel

from assistant.errors import SetupError
from assistant.privacy import mask_pii

SCHEMA = """
CREATE TABLE IF NOT EXISTS conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    owner TEXT NOT NULL DEFAULT '',
    created REAL NOT NULL,
    updated REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS turns (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    content TEXT NOT NULL,
    payload TEXT NOT NULL DEFAULT '{}',
    created REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS turns_by_conversation ON turns(conversation_id, id);
"""


class Turn(BaseModel):
    role: str  # "user" | "assistant"
    content: str
    payload: dict = {}


class StoreUnavailable(SetupError, RuntimeError):
    """The database cannot be opened; the message names the file and the fix."""


def connect(path: Path) -> sqlite3.Connection:
    """A WAL connection to the advisor's SQLite file, or StoreUnavailable naming the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(path, timeout=30, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        conn.execute("PRAGMA foreign_keys=ON")
    except sqlite3.DatabaseError as exc:
        raise StoreUnavailable(
            f"the database {path} cannot be opened ({exc}); move the file aside (nothing else "
            "is lost) and the advisor will start a new one"
        ) from None
    return conn


class SQLiteStore:
    """One WAL connection to the advisor's database, guarded by a lock, with its own tables.

    Subclasses set ``schema``; every write goes through ``transaction()`` and every read takes
    the same lock, so a read never interleaves with a write on the shared connection.
    """

    schema = ""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._conn = connect(self.path)
        try:
            with self._lock:
                self._conn.executescript(self.schema)  # executescript manages its own transaction
        except sqlite3.DatabaseError as exc:
            raise StoreUnavailable(
                f"the database {self.path} cannot be opened ({exc}); move the file aside "
                "(nothing else is lost) and the advisor will start a new one"
            ) from None

    @contextmanager
    def transaction(self):
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()


class ConversationStore(SQLiteStore):
    schema = SCHEMA

    def create(self, title: str = "New conversation", owner: str = "", conversation_id: str | None = None) -> str:
        conversation_id = conversation_id or uuid.uuid4().hex[:12]
        now = time.time()
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO conversations(id, title, owner, created, updated) VALUES (?,?,?,?,?)",
                (conversation_id, mask_pii(title)[:80], owner, now, now),
            )
        return conversation_id

    def append(self, conversation_id: str, role: str, content: str, payload: dict | None = None) -> None:
        """Stores one turn (masked). Creates the conversation on first use."""
        now = time.time()
        content = mask_pii(content)
        body = mask_pii(json.dumps(payload or {}, default=str))
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO conversations(id, title, owner, created, updated) VALUES (?,?,?,?,?)",
                (conversation_id, content[:80] if role == "user" else "New conversation", "", now, now),
            )
            conn.execute(
                "INSERT INTO turns(conversation_id, role, content, payload, created) VALUES (?,?,?,?,?)",
                (conversation_id, role, content, body, now),
            )
            conn.execute(
                "UPDATE conversations SET updated=?, title=CASE WHEN title='New conversation' AND ?='user' "
                "THEN ? ELSE title END WHERE id=?",
                (now, role, content[:80], conversation_id),
            )

    def history(self, conversation_id: str, limit: int = 50) -> list[Turn]:
        with self._lock:  # reads share the connection: never interleave with a write
            rows = self._conn.execute(
                "SELECT role, content, payload FROM turns WHERE conversation_id=? ORDER BY id DESC LIMIT ?",
                (conversation_id, limit),
            ).fetchall()
        return [Turn(role=r, content=c, payload=json.loads(p or "{}")) for r, c, p in reversed(rows)]

    def list(self, owner: str | None = None, limit: int = 100) -> list[dict]:
        query = "SELECT id, title, owner, created, updated FROM conversations"
        args: tuple = ()
        if owner is not None:
            query += " WHERE owner=?"
            args = (owner,)
        with self._lock:
            rows = self._conn.execute(query + " ORDER BY updated DESC LIMIT ?", (*args, limit)).fetchall()
        return [dict(zip(("id", "title", "owner", "created", "updated"), row)) for row in rows]

    def delete(self, conversation_id: str) -> None:
        with self.transaction() as conn:
            conn.execute("DELETE FROM turns WHERE conversation_id=?", (conversation_id,))
            conn.execute("DELETE FROM conversations WHERE id=?", (conversation_id,))
