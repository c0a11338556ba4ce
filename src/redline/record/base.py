"""The declarative base every table of the store shares, and the one rule for stored times.

Each part of the record (``decisions``, ``accounts``, ``review``, ``banks``, ``keys``, ``audit``)
declares its own tables in its own ``tables.py`` on this base, so one ``MetaData`` holds the whole
schema (``record.schema`` imports them all, for Alembic and the schema test). The revisions in
``record/migrations/versions``, not ``create_all``, build the schema.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData
from sqlalchemy.orm import DeclarativeBase

__all__ = ["NAMING", "Base", "Stamp", "utc"]

# Stable constraint names, so later migrations can refer to (and drop) them on every database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Stamp = DateTime(timezone=True)


class Base(DeclarativeBase):
    """Declarative base of every Redline table."""

    metadata = MetaData(naming_convention=NAMING)


def utc(value: datetime) -> datetime:
    """Attach UTC to a naive timestamp read back from SQLite (which stores no zone).

    Everything the store writes is UTC; only SQLite forgets the zone on the way back.
    """
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
