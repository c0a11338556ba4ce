"""Events out: the outbox, webhook targets, deliveries and the log of every try.

Revision ID: 0007_outbox
Revises: 0006_exchange_signals
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_outbox"
down_revision = "0006_exchange_signals"
branch_labels = None
depends_on = None

Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("occurred_at", Stamp, nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("published_at", Stamp, nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("id", name=op.f("uq_outbox_id")),
        sa.UniqueConstraint("key", name=op.f("uq_outbox_key")),
    )
    op.create_index(op.f("ix_outbox_kind"), "outbox", ["kind"])
    op.create_index(op.f("ix_outbox_published_at"), "outbox", ["published_at"])
    op.create_table(
        "webhook_targets",
        sa.Column("id", sa.String(length=40), nullable=False),
        sa.Column("platform", sa.String(length=100), nullable=False),
        sa.Column("url", sa.String(length=2000), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("secret", sa.String(length=100), nullable=False),
        sa.Column("cursor", sa.Integer(), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.Column("created_by", sa.String(length=200), nullable=False),
        sa.Column("removed_at", Stamp, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_targets")),
    )
    op.create_table(
        "webhook_deliveries",
        sa.Column("event_seq", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_at", Stamp, nullable=False),
        sa.Column("last_result", sa.String(length=200), nullable=True),
        sa.Column("delivered_at", Stamp, nullable=True),
        sa.ForeignKeyConstraint(
            ["event_seq"], ["outbox.seq"], name=op.f("fk_webhook_deliveries_event_seq_outbox")
        ),
        sa.ForeignKeyConstraint(
            ["target_id"],
            ["webhook_targets.id"],
            name=op.f("fk_webhook_deliveries_target_id_webhook_targets"),
        ),
        sa.PrimaryKeyConstraint("event_seq", "target_id", name=op.f("pk_webhook_deliveries")),
    )
    op.create_index(op.f("ix_webhook_deliveries_status"), "webhook_deliveries", ["status"])
    op.create_index(op.f("ix_webhook_deliveries_next_at"), "webhook_deliveries", ["next_at"])
    op.create_table(
        "webhook_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_seq", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.String(length=40), nullable=False),
        sa.Column("at", Stamp, nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("milliseconds", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_attempts")),
    )
    op.create_index(op.f("ix_webhook_attempts_event_seq"), "webhook_attempts", ["event_seq"])
    op.create_index(op.f("ix_webhook_attempts_target_id"), "webhook_attempts", ["target_id"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("webhook_attempts")
    op.drop_table("webhook_deliveries")
    op.drop_table("webhook_targets")
    op.drop_table("outbox")
