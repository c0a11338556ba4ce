"""API keys (hashed) and their roles.

Revision ID: 0004_keys
Revises: 0003_review
Create Date: 2026-11-26

Reserved in the chain so features built in parallel keep a linear history; the feature that
owns this revision fills in its tables.
"""

from __future__ import annotations

revision = "0004_keys"
down_revision = "0003_review"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""


def downgrade() -> None:
    """Revert this revision."""
