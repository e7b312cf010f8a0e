"""Baseline: the tables the advisor kept in SQLite before migrations (conversations, turns,
UI plans, feedback, meta). A database made by an older advisor already has them: they are
kept as they are, so upgrading never touches a stored row.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    existing = set(sa.inspect(op.get_bind()).get_table_names())
    if "conversations" not in existing:
        op.create_table(
            "conversations",
            sa.Column("id", sa.Text, primary_key=True),
            sa.Column("title", sa.Text, nullable=False),
            sa.Column("owner", sa.Text, nullable=False, server_default=""),
            sa.Column("created", sa.Double, nullable=False),
            sa.Column("updated", sa.Double, nullable=False),
        )
    if "turns" not in existing:
        op.create_table(
            "turns",
            sa.Column("id", RowId, primary_key=True, autoincrement=True),
            sa.Column("conversation_id", sa.Text,
                      sa.ForeignKey("conversations.id", ondelete="CASCADE"), nullable=False),
            sa.Column("role", sa.Text, nullable=False),
            sa.Column("content", sa.Text, nullable=False),
            sa.Column("payload", sa.Text, nullable=False, server_default="{}"),
            sa.Column("created", sa.Double, nullable=False),
            sqlite_autoincrement=True,
        )
        op.create_index("turns_by_conversation", "turns", ["conversation_id", "id"])
    if "ui_plans" not in existing:
        op.create_table(
            "ui_plans",
            sa.Column("owner", sa.Text, primary_key=True),
            sa.Column("plan_id", sa.Text, primary_key=True),
            sa.Column("title", sa.Text, nullable=False),
            sa.Column("data", sa.Text, nullable=False),
            sa.Column("updated", sa.Double, nullable=False),
        )
    if "ui_feedback" not in existing:
        op.create_table(
            "ui_feedback",
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
    if "ui_meta" not in existing:
        op.create_table(
            "ui_meta",
            sa.Column("key", sa.Text, primary_key=True),
            sa.Column("value", sa.Text, nullable=False),
        )


def downgrade() -> None:
    for table in ("ui_meta", "ui_feedback", "ui_plans", "turns", "conversations"):
        op.drop_table(table)
