"""Banks of known material: banks, entries, fingerprints, link rules, flood history.

Revision ID: 0002_banks
Revises: 0001_core
Create Date: 2026-11-26

Reserved in the chain so features built in parallel keep a linear history; filled in by the
banks feature (issue 3). Tables as in ``redline.record.banks.tables``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_banks"
down_revision = "0001_core"
branch_labels = None
depends_on = None

_STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "banks",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=128), nullable=False),
        sa.Column("designations", sa.JSON(), nullable=False),
        sa.Column("negative", sa.Boolean(), nullable=False),
        sa.Column("pdq_threshold", sa.Integer(), nullable=False),
        sa.Column("excerpt", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=True),
        sa.Column("added_at", _STAMP, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_banks")),
        sa.UniqueConstraint("name", name=op.f("uq_banks_name")),
    )
    op.create_table(
        "bank_entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("bank_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("designations", sa.JSON(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("text_sha256", sa.String(length=64), nullable=True),
        sa.Column("pdq", sa.String(length=64), nullable=True),
        sa.Column("pdq_quality", sa.Integer(), nullable=True),
        sa.Column("value", sa.String(length=2048), nullable=True),
        sa.Column("media_type", sa.String(length=200), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("text_length", sa.Integer(), nullable=True),
        sa.Column("fingerprint_version", sa.String(length=40), nullable=True),
        sa.Column("fingerprints", sa.LargeBinary(), nullable=True),
        sa.Column("source", sa.String(length=500), nullable=True),
        sa.Column("added_by", sa.String(length=200), nullable=True),
        sa.Column("added_at", _STAMP, nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bank_id"], ["banks.id"], name=op.f("fk_bank_entries_bank_id_banks")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_entries")),
        sa.UniqueConstraint("bank_id", "name", name=op.f("uq_bank_entries_bank_id")),
    )
    with op.batch_alter_table("bank_entries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bank_entries_bank_id"), ["bank_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bank_entries_sha256"), ["sha256"], unique=False)

    op.create_table(
        "link_expansions",
        sa.Column("short", sa.String(length=2048), nullable=False),
        sa.Column("target", sa.String(length=2048), nullable=False),
        sa.Column("added_by", sa.String(length=200), nullable=True),
        sa.Column("added_at", _STAMP, nullable=False),
        sa.PrimaryKeyConstraint("short", name=op.f("pk_link_expansions")),
    )
    op.create_table(
        "bank_match_counts",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("window_start", _STAMP, nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_id"],
            ["bank_entries.id"],
            name=op.f("fk_bank_match_counts_entry_id_bank_entries"),
        ),
        sa.PrimaryKeyConstraint("entry_id", "window_start", name=op.f("pk_bank_match_counts")),
    )
    op.create_table(
        "bank_holds",
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("held_at", _STAMP, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("released_at", _STAMP, nullable=True),
        sa.Column("released_by", sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(
            ["entry_id"], ["bank_entries.id"], name=op.f("fk_bank_holds_entry_id_bank_entries")
        ),
        sa.PrimaryKeyConstraint("entry_id", name=op.f("pk_bank_holds")),
    )


def downgrade() -> None:
    """Revert this revision."""
    op.drop_table("bank_holds")
    op.drop_table("bank_match_counts")
    op.drop_table("link_expansions")
    with op.batch_alter_table("bank_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bank_entries_sha256"))
        batch_op.drop_index(batch_op.f("ix_bank_entries_bank_id"))
    op.drop_table("bank_entries")
    op.drop_table("banks")
