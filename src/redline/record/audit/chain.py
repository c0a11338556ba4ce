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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection

from redline.errors import StoreError
from redline.record.audit.tables import AUDIT_EVENTS, AUDIT_HEAD

GENESIS = "0" * 64
_HEAD_ID = 1
_BATCH = 1000
_HEAD_FOR_UPDATE = (
    select(AUDIT_HEAD.c.seq, AUDIT_HEAD.c.hash).where(AUDIT_HEAD.c.id == _HEAD_ID).with_for_update()
)
_HEAD = select(AUDIT_HEAD.c.seq, AUDIT_HEAD.c.hash).where(AUDIT_HEAD.c.id == _HEAD_ID)
_MOVE_HEAD = (
    update(AUDIT_HEAD)
    .where(AUDIT_HEAD.c.id == _HEAD_ID)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)


def canonical(value: Any) -> str:
    """JSON with sorted keys and no spaces: one text per value, on every machine and database."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(prev_hash: str, row: Mapping[Any, Any]) -> str:
    """The hash of one event (its stored columns) given the hash of the one before it."""
    body = canonical(
        {
            "seq": row["seq"],
            "at": row["at"],
            "actor": row["actor"],
            "kind": row["kind"],
            "subject": row["subject"],
            "payload": json.loads(row["payload"]),
        }
    )
    return hashlib.sha256(f"{prev_hash}\n{body}".encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class Event:
    """One state change to log: what kind, about what subject, with which (masked) details."""

    kind: str
    subject: str
    payload: dict[str, Any]


def append(
    session: Connection,
    events: Sequence[Event],
    *,
    actor: str,
    at: datetime,
) -> None:
    """Add events to the chain, in order, inside the caller's transaction.

    The head row is read ``FOR UPDATE`` (PostgreSQL) so concurrent writers queue here instead of
    forking the chain; on SQLite the transaction already holds the only write lock. Rows are
    written with one multi-row insert: the chain is on the hot path of every decision.
    """
    if not events:
        return
    head = session.execute(_HEAD_FOR_UPDATE).one_or_none()
    if head is None:  # created by the first migration; gone means someone deleted it
        raise StoreError("the audit chain has no head row; run `redline audit verify`")
    seq, prev = head.seq, head.hash
    stamp = at.isoformat()
    rows = []
    for event in events:
        seq += 1
        row: dict[str, Any] = {
            "seq": seq,
            "at": stamp,
            "actor": actor,
            "kind": event.kind,
            "subject": event.subject,
            "payload": canonical(event.payload),
            "prev_hash": prev,
        }
        prev = row["hash"] = event_hash(prev, row)
        rows.append(row)
    session.execute(AUDIT_EVENTS.insert(), rows)
    session.execute(_MOVE_HEAD, {"new_seq": seq, "new_hash": prev})


@dataclass(frozen=True, slots=True)
class ChainReport:
    """The outcome of verifying the chain: how many events, and the first problem if any."""

    events: int
    ok: bool
    problem: str | None = None
    seq: int | None = None


def _rows(session: Connection) -> Iterator[Mapping[Any, Any]]:
    """All events in sequence order, fetched in batches so a long chain fits in memory."""
    last = 0
    while True:
        batch = (
            session.execute(
                select(AUDIT_EVENTS)
                .where(AUDIT_EVENTS.c.seq > last)
                .order_by(AUDIT_EVENTS.c.seq)
                .limit(_BATCH)
            )
            .mappings()
            .all()
        )
        if not batch:
            return
        yield from batch
        last = batch[-1]["seq"]


def verify(session: Connection) -> ChainReport:
    """Walk the chain and report the first event that was edited, deleted or moved."""
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    for row in _rows(session):
        count += 1
        seq = row["seq"]
        if seq != expected_seq:
            return ChainReport(
                count, False, f"event {expected_seq} is missing (next is {seq})", expected_seq
            )
        if row["prev_hash"] != expected_prev:
            return ChainReport(count, False, f"event {seq} does not follow event {seq - 1}", seq)
        if event_hash(row["prev_hash"], row) != row["hash"]:
            return ChainReport(count, False, f"event {seq} was altered", seq)
        expected_prev = row["hash"]
        expected_seq += 1
    head = session.execute(_HEAD).one_or_none()
    if head is None:
        return ChainReport(count, False, "the chain's head row is missing", count + 1)
    head_seq, head_hash = head.seq, head.hash
    if head_seq != count or head_hash != expected_prev:
        return ChainReport(
            count,
            False,
            f"the chain ends at event {count} but its head says {head_seq}: events were removed",
            count + 1,
        )
    return ChainReport(count, True)
