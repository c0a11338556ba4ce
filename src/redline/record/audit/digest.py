"""Content hashes of the rows the audit chain covers (decisions, strikes, cases, appeals).

An audit event that writes or changes a covered row carries that row's hash in its payload,
under ``covers``: ``{"decision:d_1f...": "<sha256>"}``. ``redline audit verify`` recomputes every
covered row's hash from the table and compares it with the newest event that covers it, so
editing a decision's document, deleting a strike or inserting a case outcome by hand shows up,
even though the row itself is outside the chain.

The hash is ``sha256(canonical_json({"kind": ..., "row": {column: value, ...}, ...}))`` over
every non-null column of the stored row, times as UTC ISO text (SQLite forgets the zone,
PostgreSQL answers in the session's), JSON documents as stored. The same function hashes the
values a repository is about to insert (the decision hot path, no read back) and a row read from
either database, so the two must agree; ``tests/record/test_audit_coverage.py`` checks that
they do, on both.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Table, select
from sqlalchemy.engine import Connection

from redline.record.audit.chain import canonical

__all__ = ["COVERS", "covers", "reference", "row_digest", "stored_digest"]

# The payload key that carries covered rows' hashes (a null hash says the row was removed).
COVERS = "covers"


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    return value


def plain_row(table: Table, row: Mapping[Any, Any]) -> dict[str, Any]:
    """Every column of ``table`` from ``row`` that holds a value, times as UTC text.

    Null columns are left out, so a later migration that adds a nullable column to a covered
    table leaves every stored row's hash as it was (setting a column to null still changes it).
    """
    plain = {}
    for name in _names(table):
        value = row.get(name)
        if value is not None:
            plain[name] = _plain(value)
    return plain


@functools.cache
def _names(table: Table) -> tuple[str, ...]:
    """A table's column names, once: walking ``table.columns`` costs more than the hashing."""
    return tuple(column.name for column in table.columns)


def row_digest(kind: str, table: Table, row: Mapping[Any, Any], **parts: Any) -> str:
    """The content hash of one covered row (with ``parts``: rows that belong to it, as lists)."""
    body: dict[str, Any] = {"kind": kind, "row": plain_row(table, row)}
    body.update(parts)
    return hashlib.sha256(canonical_bytes(body)).hexdigest()


def canonical_bytes(value: Any) -> bytes:
    """Canonical JSON (sorted keys, no spaces, UTF-8) of a row, fast: this runs per decision.

    orjson writes it several times faster than ``json``; a value orjson refuses (an integer
    beyond 64 bits) is written by ``canonical`` instead. Either way the same value always gives
    the same bytes, which is all a digest needs.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return canonical(value).encode()


def reference(kind: str, key: str) -> str:
    """How events and reports name a covered row: its kind and its (opaque, generated) id."""
    return f"{kind}:{key}"


def covers(kind: str, key: str, digest: str | None) -> dict[str, dict[str, str | None]]:
    """The payload entry saying a covered row now has ``digest`` (``None``: it was removed)."""
    return {COVERS: {reference(kind, key): digest}}


def stored_digest(session: Connection, kind: str, table: Table, key: str) -> str:
    """The hash of a covered row as stored now (for writes that update it in place)."""
    (column,) = table.primary_key.columns
    row = session.execute(select(table).where(column == key)).mappings().one()
    return row_digest(kind, table, row)
