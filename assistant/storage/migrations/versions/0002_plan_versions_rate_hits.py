"""Plan versions (edits from several tabs or replicas apply to the latest saved plan) and the
shared per-session rate limit (one row per question, kept a minute).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

RowId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.add_column("ui_plans", sa.Column("version", sa.Integer, nullable=False,
                                        server_default="1"))
    op.create_table(
        "rate_hits",
        sa.Column("id", RowId, primary_key=True, autoincrement=True),
        sa.Column("key", sa.Text, nullable=False),
        sa.Column("at", sa.Double, nullable=False),
        sqlite_autoincrement=True,
    )
    op.create_index("rate_hits_by_key", "rate_hits", ["key", "at"])
    op.create_index("rate_hits_by_time", "rate_hits", ["at"])


def downgrade() -> None:
    op.drop_table("rate_hits")
    with op.batch_alter_table("ui_plans") as batch:
        batch.drop_column("version")
