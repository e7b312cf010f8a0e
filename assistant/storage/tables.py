"""Every table the advisor stores, as SQLAlchemy Core objects (what the queries are written on).

The schema itself is created and upgraded by the Alembic migrations in `migrations/versions`;
a change here needs a new migration there (tests/test_storage.py compares the two).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

# SQLite needs exactly INTEGER for an auto-numbered rowid key; PostgreSQL gets a 64-bit one.
RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

conversations = sa.Table(
    "conversations",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("owner", sa.Text, nullable=False, server_default=""),
    sa.Column("created", sa.Double, nullable=False),
    sa.Column("updated", sa.Double, nullable=False),
)

turns = sa.Table(
    "turns",
    metadata,
    sa.Column("id", RowId, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.Text,
              sa.ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("content", sa.Text, nullable=False),
    sa.Column("payload", sa.Text, nullable=False, server_default="{}"),
    sa.Column("created", sa.Double, nullable=False),
    sa.Index("turns_by_conversation", "conversation_id", "id"),
    sqlite_autoincrement=True,
)

ui_plans = sa.Table(
    "ui_plans",
    metadata,
    sa.Column("owner", sa.Text, primary_key=True),
    sa.Column("plan_id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
    sa.Column("updated", sa.Double, nullable=False),
    # Raised by one at every save: a tab can tell that another tab changed the plan.
    sa.Column("version", sa.Integer, nullable=False, server_default="1"),
)

ui_feedback = sa.Table(
    "ui_feedback",
    metadata,
    sa.Column("id", RowId, primary_key=True, autoincrement=True),
    sa.Column("owner", sa.Text, nullable=False),
    sa.Column("conversation_id", sa.Text, nullable=False, server_default=""),
    sa.Column("message_index", sa.Integer, nullable=False, server_default="-1"),
    sa.Column("rating", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("question", sa.Text, nullable=False, server_default=""),
    sa.Column("answer", sa.Text, nullable=False, server_default=""),
    sa.Column("citations", sa.Text, nullable=False, server_default="[]"),
    sa.Column("section_ids", sa.Text, nullable=False, server_default="[]"),
    sa.Column("created", sa.Double, nullable=False),
    sqlite_autoincrement=True,
)

ui_meta = sa.Table(
    "ui_meta",
    metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# One row per question asked, kept a minute: the per-session rate limit every replica shares.
rate_hits = sa.Table(
    "rate_hits",
    metadata,
    sa.Column("id", RowId, primary_key=True, autoincrement=True),
    sa.Column("key", sa.Text, nullable=False),
    sa.Column("at", sa.Double, nullable=False),
    sa.Index("rate_hits_by_key", "key", "at"),
    sa.Index("rate_hits_by_time", "at"),
    sqlite_autoincrement=True,
)

# Sign-in accounts (`advisor users add`): the password as a bcrypt hash, never in clear.
users = sa.Table(
    "users",
    metadata,
    sa.Column("username", sa.Text, primary_key=True),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("password_hash", sa.Text, nullable=False),
    sa.Column("created", sa.Double, nullable=False),
)

# One row per failed sign-in, kept for the lock-out window: every replica counts the same.
sign_in_failures = sa.Table(
    "sign_in_failures",
    metadata,
    sa.Column("id", RowId, primary_key=True, autoincrement=True),
    sa.Column("username", sa.Text, nullable=False),
    sa.Column("at", sa.Double, nullable=False),
    sa.Index("sign_in_failures_by_name", "username", "at"),
    sqlite_autoincrement=True,
)
