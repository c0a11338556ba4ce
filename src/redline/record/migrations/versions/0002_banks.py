"""Banks of known material: banks, entries, fingerprints, link rules, flood history.

Revision ID: 0002_banks
Revises: 0001_core
Create Date: 2026-11-26

Reserved in the chain so features built in parallel keep a linear history; the feature that
owns this revision fills in its tables.
"""

from __future__ import annotations

revision = "0002_banks"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""


def downgrade() -> None:
    """Revert this revision."""
