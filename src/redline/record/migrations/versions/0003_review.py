"""Human review: cases, appeals, notices, external requests and what they concern.

Revision ID: 0003_review
Revises: 0002_banks
Create Date: 2026-11-26

The tables mirror ``redline.record.review.tables``; ``tests/record/test_review_schema.py`` checks
that a migrated database and the models agree.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_review"
down_revision = "0002_banks"
branch_labels = None
depends_on = None

_STAMP = sa.DateTime(timezone=True)


def _index(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "cases",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("decision_id", sa.String(length=64), nullable=False),
        sa.Column("content_id", sa.String(length=200), nullable=False),
        sa.Column("account_id", sa.String(length=200), nullable=True),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("claim", sa.Text(), nullable=True),
        sa.Column("severity", sa.String(length=20), nullable=False),
        sa.Column("severity_rank", sa.Integer(), nullable=False),
        sa.Column("reach", sa.Integer(), nullable=False),
        sa.Column("decided_at", _STAMP, nullable=False),
        sa.Column("opened_at", _STAMP, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("assignee", sa.String(length=200), nullable=True),
        sa.Column("assigned_at", _STAMP, nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("outcome_reason", sa.Text(), nullable=True),
        sa.Column("closed_by", sa.String(length=200), nullable=True),
        sa.Column("closed_at", _STAMP, nullable=True),
        sa.Column("document", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_cases_decision_id_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cases")),
        sa.UniqueConstraint("decision_id", name=op.f("uq_cases_decision_id")),
    )
    _index("cases", "content_id", "severity_rank", "decided_at", "opened_at", "status", "assignee")

    op.create_table(
        "appeals",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("decision_id", sa.String(length=64), nullable=False),
        sa.Column("decision_ids", sa.JSON(), nullable=False),
        sa.Column("account_id", sa.String(length=200), nullable=True),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("filed_at", _STAMP, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("assignee", sa.String(length=200), nullable=True),
        sa.Column("assigned_at", _STAMP, nullable=True),
        sa.Column("decided_by", sa.String(length=200), nullable=True),
        sa.Column("decided_at", _STAMP, nullable=True),
        sa.Column("outcome_reason", sa.Text(), nullable=True),
        sa.Column("document", sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(
            ["decision_id"], ["decisions.id"], name=op.f("fk_appeals_decision_id_decisions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_appeals")),
    )
    _index("appeals", "decision_id", "account_id", "filed_at", "status")

    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("account_id", sa.String(length=200), nullable=True),
        sa.Column("kind", sa.String(length=60), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sent_at", _STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    _index("notices", "account_id", "subject")

    op.create_table(
        "external_requests",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("requester_type", sa.String(length=40), nullable=False),
        sa.Column("requester", sa.String(length=300), nullable=False),
        sa.Column("asked", sa.Text(), nullable=False),
        sa.Column("received_at", _STAMP, nullable=False),
        sa.Column("recorded_by", sa.String(length=200), nullable=False),
        sa.Column("recorded_at", _STAMP, nullable=False),
        sa.Column("outcome", sa.String(length=40), nullable=False),
        sa.Column("outcome_note", sa.Text(), nullable=True),
        sa.Column("outcome_by", sa.String(length=200), nullable=True),
        sa.Column("outcome_at", _STAMP, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_external_requests")),
    )
    _index("external_requests", "requester_type", "received_at", "outcome")

    op.create_table(
        "request_subjects",
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["request_id"],
            ["external_requests.id"],
            name=op.f("fk_request_subjects_request_id_external_requests"),
        ),
        sa.PrimaryKeyConstraint(
            "request_id", "kind", "subject_id", name=op.f("pk_request_subjects")
        ),
    )
    _index("request_subjects", "subject_id")


def downgrade() -> None:
    """Revert this revision."""
    for table in ("request_subjects", "external_requests", "notices", "appeals", "cases"):
        op.drop_table(table)
