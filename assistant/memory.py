"""Conversation memory: every turn of every conversation, masked before storage.

Conversations and turns live in the advisor's one database (`assistant.storage`: the SQLite
file in the data folder by default, PostgreSQL when `ADVISOR_DATABASE_URL` says so), beside
the UI's plans and feedback. A turn is appended in its own transaction and never rewritten,
so replicas answering one conversation in turn each add to it, and a crash loses at most the
turn in flight.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import sqlalchemy as sa
from pydantic import BaseModel

from assistant.reading.privacy import mask_pii
from assistant.storage import Database, StoreUnavailable, tables

__all__ = ["ConversationStore", "Store", "StoreUnavailable", "Turn"]

NEW = "New conversation"


class Turn(BaseModel):
    role: str  # "user" | "assistant"
    content: str
    payload: dict = {}


class Store:
    """A store's handle on the database: `path` is a file (SQLite) or a database URL."""

    def __init__(self, path: str | Path) -> None:
        self.db = Database(path)
        self.path = Path(self.db.where) if self.db.dialect == "sqlite" else self.db.where

    def transaction(self):
        return self.db.transaction()

    def close(self) -> None:
        self.db.close()


class ConversationStore(Store):
    def create(self, title: str = NEW, owner: str = "", conversation_id: str | None = None) -> str:
        conversation_id = conversation_id or uuid.uuid4().hex[:12]
        now = time.time()
        with self.transaction() as conn:
            conn.execute(self.db.insert(tables.conversations).values(
                id=conversation_id, title=mask_pii(title)[:80], owner=owner, created=now,
                updated=now).on_conflict_do_nothing())
        return conversation_id

    def append(self, conversation_id: str, role: str, content: str, payload: dict | None = None) -> None:
        """Stores one turn (masked). Creates the conversation on first use."""
        self.append_turns(conversation_id, [(role, content, payload)])

    def append_turns(self, conversation_id: str, turns: list[tuple[str, str, dict | None]]) -> None:
        """Stores turns (role, content, payload), masked, in one transaction: a question and its
        answer are saved together or not at all. Creates the conversation on first use."""
        if not turns:
            return
        now = time.time()
        rows = [{"conversation_id": conversation_id, "role": role, "content": mask_pii(content),
                 "payload": mask_pii(json.dumps(payload or {}, default=str)), "created": now}
                for role, content, payload in turns]
        asked = next((r["content"] for r in rows if r["role"] == "user"), None)
        c = tables.conversations
        with self.transaction() as conn:
            conn.execute(self.db.insert(c).values(
                id=conversation_id, title=asked[:80] if asked is not None else NEW, owner="",
                created=now, updated=now).on_conflict_do_nothing())
            conn.execute(tables.turns.insert(), rows)
            title = c.c.title
            if asked is not None:
                title = sa.case((c.c.title == NEW, asked[:80]), else_=c.c.title)
            conn.execute(c.update().where(c.c.id == conversation_id).values(updated=now,
                                                                             title=title))

    def history(self, conversation_id: str, limit: int = 50) -> list[Turn]:
        t = tables.turns
        with self.db.read() as conn:
            rows = conn.execute(
                sa.select(t.c.role, t.c.content, t.c.payload)
                .where(t.c.conversation_id == conversation_id)
                .order_by(t.c.id.desc()).limit(limit)
            ).all()
        return [Turn(role=r, content=c, payload=json.loads(p or "{}")) for r, c, p in reversed(rows)]

    def list(self, owner: str | None = None, limit: int = 100) -> list[dict]:
        c = tables.conversations
        query = sa.select(c.c.id, c.c.title, c.c.owner, c.c.created, c.c.updated)
        if owner is not None:
            query = query.where(c.c.owner == owner)
        with self.db.read() as conn:
            rows = conn.execute(query.order_by(c.c.updated.desc()).limit(limit)).mappings().all()
        return [dict(row) for row in rows]

    def delete(self, conversation_id: str) -> None:
        with self.transaction() as conn:
            conn.execute(tables.turns.delete().where(
                tables.turns.c.conversation_id == conversation_id))
            conn.execute(tables.conversations.delete().where(
                tables.conversations.c.id == conversation_id))
