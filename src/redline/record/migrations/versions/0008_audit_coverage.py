"""Audit coverage and checkpoints: the store's identity on the chain's head row.

The rows the chain now covers (decisions, strikes, cases, appeals) need no new column: their
hashes ride in audit events. A store upgraded from an older revision has rows no event covers;
``record.integrity.baseline`` seals them as they stand, once, right after this upgrade (it runs
in ``Store.migrate``, on the schema at head, not here: a migration must not read tables through
models that later revisions change).

Revision ID: 0008_audit_coverage
Revises: 0007_outbox
Create Date: 2026-12-06
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0008_audit_coverage"
down_revision = "0007_outbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.add_column(sa.Column("store_id", sa.String(length=64), nullable=True))
    op.execute(
        sa.text("UPDATE audit_head SET store_id = :store_id").bindparams(store_id=uuid.uuid4().hex)
    )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("audit_head", schema=None) as batch_op:
        batch_op.drop_column("store_id")
