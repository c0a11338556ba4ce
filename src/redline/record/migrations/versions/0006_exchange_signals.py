"""Signals received through an exchange: the sender, the version, the level and the expiry.

Revision ID: 0006_exchange_signals
Revises: 0005_bank_background
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_exchange_signals"
down_revision = "0005_bank_background"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "exchange_signals",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("bank_id", sa.Integer(), nullable=False),
        sa.Column("signal_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("platform", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=20), nullable=False),
        sa.Column("shared_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["bank_id"], ["banks.id"], name=op.f("fk_exchange_signals_bank_id_banks")
        ),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["bank_entries.id"],
            name=op.f("fk_exchange_signals_entry_id_bank_entries"),
        ),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_exchange_signals")),
        sa.UniqueConstraint("bank_id", "signal_id", name=op.f("uq_exchange_signals_bank_id")),
    )
    op.create_index(
        op.f("ix_exchange_signals_bank_id"), "exchange_signals", ["bank_id"], unique=False
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index(op.f("ix_exchange_signals_bank_id"), table_name="exchange_signals")
    op.drop_table("exchange_signals")
