"""What a database writer can do to the audit trail, done the way an attacker would.

Each helper writes the database directly (no Redline code path), then, like an attacker who
knows the chain's format, recomputes every event hash from the first one it changed and moves
the head, so the chain is self-consistent again. Only signed checkpoints can tell.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update

from redline.content import Content
from redline.record import Store
from redline.record.audit import canonical, event_hash
from redline.record.audit.tables import AUDIT_EVENTS, AUDIT_HEAD
from redline.review import appeals as appeal_service
from redline.review import cases as case_service
from redline.review.rulebook import Rulebook
from tests.review.conftest import T0, moderate, post

Payload = dict[str, Any]


def history(store: Store) -> dict[str, str]:
    """Two decisions with strikes (a ban), a confirmed case and a denied appeal: every kind."""
    rulebook = Rulebook()
    first = moderate(store, post("p1", "journalist"), T0)
    second = moderate(store, post("p2", "journalist"), T0 + timedelta(hours=1))
    moderate(store, Content("p3", "nothing to see", author_id="reader"), T0 + timedelta(hours=2))
    case = case_service.open_case(
        store, first["decision_id"], rulebook=rulebook, now=T0 + timedelta(hours=3)
    )
    case_service.decide_case(
        store,
        case.id,
        moderator="mod-a",
        outcome="confirm",
        reason="a private home",
        rulebook=rulebook,
        now=T0 + timedelta(hours=4),
    )
    appeal = appeal_service.file_appeal(
        store, [second["decision_id"]], author="journalist", statement="reporting",
        now=T0 + timedelta(hours=5),
    )  # fmt: skip
    appeal_service.assign_appeal(
        store, appeal.id, "mod-b", actor="lead", now=T0 + timedelta(hours=6)
    )
    appeal_service.decide_appeal(
        store,
        appeal.id,
        moderator="mod-b",
        upheld=False,
        reason="the address is private",
        rulebook=rulebook,
        now=T0 + timedelta(hours=7),
    )
    return {
        "decision": first["decision_id"],
        "strike": str(first["strike"]["id"]),
        "case": case.id,
        "appeal": appeal.id,
    }


def rewrite(store: Store, change: Callable[[int, Payload], Payload | None]) -> int:
    """Rewrite the chain: ``change(seq, payload)`` returns a new payload (or None for as is);
    every hash from the first change on is recomputed and the head moved. Returns that seq."""
    with store.engine.begin() as connection:
        rows = [
            dict(r)
            for r in connection.execute(
                select(AUDIT_EVENTS).order_by(AUDIT_EVENTS.c.seq)
            ).mappings()
        ]
        first = 0
        prev = rows[0]["prev_hash"]
        for row in rows:
            new = change(row["seq"], json.loads(row["payload"]))
            if new is not None:
                row["payload"] = canonical(new)
                first = first or row["seq"]
            if first:
                row["prev_hash"] = prev
                row["hash"] = event_hash(prev, row)
                connection.execute(
                    update(AUDIT_EVENTS)
                    .where(AUDIT_EVENTS.c.seq == row["seq"])
                    .values(payload=row["payload"], prev_hash=row["prev_hash"], hash=row["hash"])
                )
            prev = row["hash"]
        connection.execute(update(AUDIT_HEAD).values(seq=rows[-1]["seq"], hash=prev))
    return first


def cover(ref: str, digest: str | None) -> Callable[[int, Payload], Payload | None]:
    """A ``rewrite`` change: every event covering ``ref`` now says it has ``digest``."""

    def change(seq: int, payload: Payload) -> Payload | None:
        if ref in payload.get("covers", {}):
            return {**payload, "covers": {**payload["covers"], ref: digest}}
        return None

    return change


def truncate(store: Store, keep: int) -> None:
    """Delete every event after ``keep`` and move the head back to it (a consistent chain)."""
    with store.engine.begin() as connection:
        connection.execute(delete(AUDIT_EVENTS).where(AUDIT_EVENTS.c.seq > keep))
        last = connection.execute(
            select(AUDIT_EVENTS.c.hash).where(AUDIT_EVENTS.c.seq == keep)
        ).scalar_one()
        connection.execute(update(AUDIT_HEAD).values(seq=keep, hash=last))


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
