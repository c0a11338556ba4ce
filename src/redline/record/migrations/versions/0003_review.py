"""Human review: cases, reviews, appeals, external requests, notices.

Revision ID: 0003_review
Revises: 0002_banks
Create Date: 2026-11-26

Reserved in the chain so features built in parallel keep a linear history; the feature that
owns this revision fills in its tables.
"""

from __future__ import annotations

revision = "0003_review"
down_revision = "0002_banks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""


def downgrade() -> None:
    """Revert this revision."""
