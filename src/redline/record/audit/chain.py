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
    return _hash(prev_hash, row, json.loads(row["payload"]))


def _hash(prev_hash: str, row: Mapping[Any, Any], payload: Any) -> str:
    body = canonical(
        {
            "seq": row["seq"],
            "at": row["at"],
            "actor": row["actor"],
            "kind": row["kind"],
            "subject": row["subject"],
            "payload": payload,
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
    tip = session.execute(_HEAD_FOR_UPDATE).one_or_none()
    if tip is None:  # created by the first migration; gone means someone deleted it
        raise StoreError("the audit chain has no head row; run `redline audit verify`")
    seq, prev = tip.seq, tip.hash
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
        prev = row["hash"] = _hash(prev, row, event.payload)
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


@dataclass(frozen=True, slots=True)
class Pin:
    """A (sequence number, hash) the chain must still hold: what a signed checkpoint saw."""

    seq: int
    hash: str
    label: str


@dataclass(slots=True)
class Walk:
    """What walking the chain found: the report, and the newest hash of every covered row."""

    report: ChainReport
    covers: dict[str, str | None]


def _rows(session: Connection, after: int = 0) -> Iterator[Mapping[Any, Any]]:
    """Events after ``after`` in sequence order, fetched in batches so a long chain fits."""
    last = after
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


def head(session: Connection) -> tuple[int, str] | None:
    """The chain's head row: the newest sequence number and hash (None if the row is gone)."""
    found = session.execute(_HEAD).one_or_none()
    return None if found is None else (found.seq, found.hash)


def walk(session: Connection, *, pins: Sequence[Pin] = (), start: Pin | None = None) -> Walk:
    """Walk the chain, check it against ``pins``, and collect what its events say of rows.

    ``start`` begins the walk after a pinned event instead of at the first one (a checkpoint
    that only needs what was appended since the last; no covers are collected then).
    """
    covers: dict[str, str | None] = {}
    expected_prev, expected_seq, count = GENESIS, 1, 0
    if start is not None and start.seq > 0:
        found = session.execute(
            select(AUDIT_EVENTS.c.hash).where(AUDIT_EVENTS.c.seq == start.seq)
        ).scalar_one_or_none()
        problem = _pin_problem(start, found)
        if problem:
            return Walk(ChainReport(0, False, problem, start.seq), covers)
        expected_prev, expected_seq, count = start.hash, start.seq + 1, start.seq
    pinned = {p.seq: p for p in pins}
    for row in _rows(session, expected_seq - 1):
        count += 1
        seq = row["seq"]
        if seq != expected_seq:
            missing = f"event {expected_seq} is missing (next is {seq})"
            return Walk(ChainReport(count, False, missing, expected_seq), covers)
        if row["prev_hash"] != expected_prev:
            problem = f"event {seq} does not follow event {seq - 1}"
            return Walk(ChainReport(count, False, problem, seq), covers)
        payload = json.loads(row["payload"])
        if _hash(row["prev_hash"], row, payload) != row["hash"]:
            return Walk(ChainReport(count, False, f"event {seq} was altered", seq), covers)
        pin = pinned.get(seq)
        if pin is not None and pin.hash != row["hash"]:
            return Walk(ChainReport(count, False, _pin_problem(pin, row["hash"]), seq), covers)
        if start is None and isinstance(payload, dict):
            covered = payload.get("covers")
            if isinstance(covered, dict):
                covers.update(covered)
        expected_prev = row["hash"]
        expected_seq += 1
    found_head = head(session)
    if found_head is None:
        return Walk(ChainReport(count, False, "the chain's head row is missing", count + 1), covers)
    if found_head != (count, expected_prev):
        problem = (
            f"the chain ends at event {count} but its head says {found_head[0]}:"
            " events were removed"
        )
        return Walk(ChainReport(count, False, problem, count + 1), covers)
    beyond = sorted((p for p in pins if p.seq > count), key=lambda p: p.seq)
    if beyond:
        return Walk(ChainReport(count, False, _pin_problem(beyond[-1], None), count + 1), covers)
    return Walk(ChainReport(count, True), covers)


def _pin_problem(pin: Pin, found: str | None) -> str | None:
    """What is wrong with the event a pin names, given the hash found there (None: no event)."""
    if found is None:
        return (
            f"{pin.label} signed event {pin.seq}, which is gone: the chain was truncated"
            " (and its head moved back)"
        )
    if found != pin.hash:
        return (
            f"event {pin.seq} is not the one {pin.label} signed:"
            " the chain was rewritten (hashes recomputed and the head moved)"
        )
    return None


def verify(session: Connection) -> ChainReport:
    """Walk the chain and report the first event that was edited, deleted or moved."""
    return walk(session).report
