"""Re-keying stored digests (``redline keys rotate-hash``) and checking a process holds the ring.

A digest is one-way: the value it came from is not stored (only its masked form), so no rotation
can compute ``HMAC(new, value)`` for what is already stored. What it can do honestly is re-hash
every stored digest under the new key, ``HMAC(new, digest)``, and make the new key the last of a
ring: fresh values are hashed through every key of the ring in turn
(``detect.pii.masking.keyed_digest``), so they still match what is stored. After a rotation a
copy of the store taken from then on is useless with the old key alone, or the new key alone; a
copy taken before it is as exposed to the old key as it was (docs/security.md).

The rotation is one transaction over every column that holds digests, with the audit event that
names the new ring's id; a process whose ring is not the one the store was last re-keyed to is
refused (``check_ring``), so digests under two rings never mix in one store.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Table, select, text, tuple_, update
from sqlalchemy.engine import Connection

from redline.detect.pii.masking import rekeyed
from redline.errors import ConfigError, Conflict
from redline.record.audit import Event, append
from redline.record.audit.tables import AUDIT_EVENTS
from redline.record.integrity import seal_all, verify
from redline.record.schema import METADATA
from redline.record.secrets import KeyRing, key_id
from redline.record.store import Store

ROTATED = "hash_key.rotated"
RESEALED = "audit.resealed"
_DIGEST = re.compile(r"[0-9a-f]{32}")
_PAGE = 500

# Where digests are stored: signals inside these JSON documents, and registered own data.
_DOCUMENTS = (
    ("contents", "signals"),
    ("decisions", "document"),
    ("actions", "document"),
    ("cases", "document"),
    ("appeals", "document"),
)


@dataclass(frozen=True, slots=True)
class Rekeyed:
    """What a rotation changed: digests per place, and the rings before and after (ids)."""

    counts: dict[str, int]
    old_id: str
    new_id: str

    @property
    def total(self) -> int:
        """Every digest re-keyed."""
        return sum(self.counts.values())


def rotate(store: Store, old: KeyRing, new_key: bytes, *, actor: str, now: datetime) -> Rekeyed:
    """Re-key every stored digest from ring ``old`` to ``old + (new_key,)``, all or nothing.

    Raises:
        ConfigError: ``old`` is not the ring the store was last re-keyed to.
        Conflict: the audit check fails (the rotation would seal an edited row in).
    """
    ring = (*old, new_key)
    counts: dict[str, int] = {}
    with store.transaction() as session:
        if session.dialect.name == "postgresql":
            # Writers wait for the rotation instead of adding rows under the old ring mid-way.
            names = ", ".join(sorted({t for t, _ in _DOCUMENTS} | {"account_digests"}))
            session.execute(text(f"LOCK TABLE {names} IN EXCLUSIVE MODE"))
        check_ring(session, old)
        audited = verify(session)
        if not audited.ok:
            raise Conflict(
                f"the audit check fails ({audited.problem}): a rotation re-seals every row the"
                " chain covers and must not seal an edit in; see `redline audit verify`"
            )
        for table_name, column in _DOCUMENTS:
            counts[f"{table_name}.{column}"] = _rekey_documents(
                session, METADATA.tables[table_name], column, new_key
            )
        counts["account_digests"] = _rekey_own(session, new_key)
        if any(counts[f"{t}.{c}"] for t, c in _DOCUMENTS):
            # The rewritten documents hash differently now: the chain records their new hashes.
            seal_all(session, kind=RESEALED, why=ROTATED, actor=actor, at=now)
        append(
            session,
            [
                Event(
                    ROTATED,
                    "hash_key",
                    {"from": key_id(old), "key_id": key_id(ring), "digests": counts},
                )
            ],
            actor=actor,
            at=now,
        )
    return Rekeyed(counts, key_id(old), key_id(ring))


def check_ring(session: Connection, ring: KeyRing) -> None:
    """Refuse a ring other than the one the store's digests were last re-keyed to.

    A store never rotated knows no ring id and accepts any (docs/security.md says so).
    """
    stored = session.execute(
        select(AUDIT_EVENTS.c.payload)
        .where(AUDIT_EVENTS.c.kind == ROTATED)
        .order_by(AUDIT_EVENTS.c.seq.desc())
        .limit(1)
    ).scalar_one_or_none()
    if stored is None:
        return
    expected = json.loads(stored)["key_id"]
    if expected != key_id(ring):
        raise ConfigError(
            f"the store's digests were re-keyed to hash key ring {expected}, but this process"
            f" holds ring {key_id(ring)}: configure the ring `redline keys rotate-hash` wrote"
            " (every key, oldest first); see docs/security.md"
        )


def check_store_ring(store: Store, ring: KeyRing) -> None:
    """``check_ring`` in a read of its own (for processes that start hashing)."""
    with store.reading() as session:
        check_ring(session, ring)


def _rekey_documents(session: Connection, table: Table, column: str, key: bytes) -> int:
    """Re-key every digest inside one JSON column; the number re-keyed."""
    total = 0
    keys = list(table.primary_key.columns)
    for row in _pages(session, table, column):
        document, changed = _rekey_value(row[-1], key)
        if changed:
            total += changed
            match = [k == v for k, v in zip(keys, row[:-1], strict=True)]
            session.execute(update(table).where(*match).values({column: document}))
    return total


def _pages(session: Connection, table: Table, column: str) -> Iterator[tuple[Any, ...]]:
    """Rows (primary key..., column) in key order, a page at a time (keyset, not offset)."""
    keys = list(table.primary_key.columns)
    last: tuple[Any, ...] | None = None
    while True:
        query = select(*keys, table.c[column]).order_by(*keys).limit(_PAGE)
        if last is not None:
            query = query.where(tuple_(*keys) > tuple_(*last))
        rows = [tuple(r) for r in session.execute(query)]
        yield from rows
        if len(rows) < _PAGE:
            return
        last = rows[-1][:-1]


def _rekey_value(value: Any, key: bytes) -> tuple[Any, int]:
    """``value`` with every ``"digest": <32 hex>`` re-keyed, and how many were."""
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        count = 0
        for name, item in value.items():
            if name == "digest" and isinstance(item, str) and _DIGEST.fullmatch(item):
                out[name], count = rekeyed(key, item), count + 1
            else:
                out[name], inner = _rekey_value(item, key)
                count += inner
        return out, count
    if isinstance(value, list):
        items = [_rekey_value(item, key) for item in value]
        return [item for item, _ in items], sum(n for _, n in items)
    return value, 0


def _rekey_own(session: Connection, key: bytes) -> int:
    """Re-key the registered own-data digests (part of the primary key: delete, then insert)."""
    table = METADATA.tables["account_digests"]
    rows = [dict(r._mapping) for r in session.execute(select(table))]
    if not rows:
        return 0
    session.execute(table.delete())
    session.execute(table.insert(), [{**r, "digest": rekeyed(key, r["digest"])} for r in rows])
    return len(rows)
