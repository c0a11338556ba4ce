"""Background samples: ordinary text as k-gram counts, the leak matcher's model of house style.

Revision ID: 0005_bank_background
Revises: 0004_keys
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_bank_background"
down_revision = "0004_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "bank_background",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("texts", sa.Integer(), nullable=False),
        sa.Column("fingerprint_version", sa.String(length=40), nullable=False),
        sa.Column("model", sa.LargeBinary(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_background")),
        sa.UniqueConstraint("name", name=op.f("uq_bank_background_name")),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("bank_background")
