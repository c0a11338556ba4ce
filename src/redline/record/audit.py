r"""The audit log: append-only events, each chained to the one before by hash.

Every event's hash is ``sha256(prev_hash + "\\n" + canonical_json(event))`` where the event holds
its sequence number, time, actor, kind, subject and payload. Editing an event changes its hash;
deleting one breaks the sequence and the link; swapping two breaks both; deleting the newest ones
no longer matches the head row. ``verify`` walks the chain and names the first event that fails.
Payloads are built from masked data only: the audit log must not become the leak either.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redline.record.tables import AuditEventRow, AuditHeadRow

GENESIS = "0" * 64
_HEAD_ID = 1
_BATCH = 1000


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spaces: one text per value, on every machine and database."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(prev_hash: str, row: AuditEventRow) -> str:
    """The hash of one event given the hash of the one before it."""
    body = canonical(
        {
            "seq": row.seq,
            "at": row.at,
            "actor": row.actor,
            "kind": row.kind,
            "subject": row.subject,
            "payload": json.loads(row.payload),
        }
    )
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


def append(
    session: Session,
    kind: str,
    subject: str,
    payload: dict[str, Any],
    *,
    actor: str,
    at: datetime,
) -> AuditEventRow:
    """Add one event to the chain inside the caller's transaction.

    The head row is read ``FOR UPDATE`` (PostgreSQL) so concurrent writers queue here instead of
    forking the chain; on SQLite the transaction already holds the only write lock.
    """
    head = session.scalars(
        select(AuditHeadRow).where(AuditHeadRow.id == _HEAD_ID).with_for_update()
    ).one_or_none()
    if head is None:
        head = AuditHeadRow(id=_HEAD_ID, seq=0, hash=GENESIS)
        session.add(head)
    row = AuditEventRow(
        seq=head.seq + 1,
        at=at.isoformat(),
        actor=actor,
        kind=kind,
        subject=subject,
        payload=canonical(payload),
        prev_hash=head.hash,
    )
    row.hash = event_hash(head.hash, row)
    session.add(row)
    head.seq, head.hash = row.seq, row.hash
    return row


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of verifying the chain: how many events, and the first problem if any."""

    events: int
    ok: bool
    problem: str | None = None
    seq: int | None = None


def _rows(session: Session) -> Iterator[AuditEventRow]:
    """All events in sequence order, fetched in batches so a long chain fits in memory."""
    last = 0
    while True:
        batch = session.scalars(
            select(AuditEventRow)
            .where(AuditEventRow.seq > last)
            .order_by(AuditEventRow.seq)
            .limit(_BATCH)
        ).all()
        if not batch:
            return
        yield from batch
        last = batch[-1].seq


def verify(session: Session) -> ChainReport:
    """Walk the chain and report the first event that was edited, deleted or moved."""
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    for row in _rows(session):
        count += 1
        if row.seq != expected_seq:
            return ChainReport(
                count, False, f"event {expected_seq} is missing (next is {row.seq})", expected_seq
            )
        if row.prev_hash != expected_prev:
            return ChainReport(
                count, False, f"event {row.seq} does not follow event {row.seq - 1}", row.seq
            )
        if event_hash(row.prev_hash, row) != row.hash:
            return ChainReport(count, False, f"event {row.seq} was altered", row.seq)
        expected_prev = row.hash
        expected_seq += 1
    head = session.get(AuditHeadRow, _HEAD_ID)
    head_seq, head_hash = (head.seq, head.hash) if head else (0, GENESIS)
    if head_seq != count or head_hash != expected_prev:
        return ChainReport(
            count,
            False,
            f"the chain ends at event {count} but its head says {head_seq}: events were removed",
            count + 1,
        )
    return ChainReport(count, True)
