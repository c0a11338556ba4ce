"""Writing events into the outbox, and reading it back: what to publish, what was committed.

An event's id is derived from its key (the change it announces), so whoever writes or resends
it, it carries the same id: receivers deduplicate on it (the Standard Webhooks ``webhook-id``
and the JetStream ``Nats-Msg-Id`` are both this id).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from redline.record.base import utc
from redline.record.outbox.tables import (
    OUTBOX,
)

# Every kind of event, what it announces (docs/scaling.md lists the payload of each).
KINDS: dict[str, str] = {
    "decision.made": "a content was decided (violations, actions, the account's standing)",
    "account.state_changed": "an account was suspended, banned or restored",
    "review.decided": "a moderator confirmed, changed or overturned a decision",
    "appeal.decided": "an appeal was upheld or denied",
    "strike.expired": "a strike reached its expiry and no longer counts",
    "flood.held": "the flood guard held a bank entry for human review",
}


@dataclass(frozen=True, slots=True)
class Event:
    """One event: ``key`` names the change it announces; ``payload`` is masked data only."""

    kind: str
    key: str
    payload: dict[str, Any]
    seq: int = 0
    id: str = ""
    occurred_at: datetime | None = None

    def to_document(self) -> dict[str, Any]:
        """The JSON every receiver gets (webhook body, JetStream message)."""
        when = self.occurred_at.isoformat() if self.occurred_at else None
        return {"id": self.id, "type": self.kind, "timestamp": when, "data": self.payload}


def event_id(key: str) -> str:
    """The event's id: the same change always gets the same one."""
    return "evt_" + hashlib.sha256(key.encode()).hexdigest()[:24]


def emit(session: Connection, events: Sequence[Event], *, at: datetime) -> None:
    """Add events to the outbox in the caller's unit of work (the change's own transaction)."""
    if not events:
        return
    for event in events:
        if event.kind not in KINDS:
            raise ValueError(f"unknown event kind {event.kind!r}")
    session.execute(
        insert(OUTBOX),
        [
            {
                "id": event_id(e.key),
                "key": e.key,
                "kind": e.kind,
                "occurred_at": at,
                "payload": e.payload,
                "published_at": None,
            }
            for e in events
        ],
    )


def _event(row: Any) -> Event:
    return Event(
        kind=row.kind,
        key=row.key,
        payload=row.payload,
        seq=row.seq,
        id=row.id,
        occurred_at=utc(row.occurred_at),
    )


class Outbox:
    """The outbox as the deliverer and the readers see it."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def unpublished(self, limit: int) -> list[Event]:
        """Events not yet on the JetStream subject, oldest first."""
        query = (
            select(OUTBOX)
            .where(OUTBOX.c.published_at.is_(None))
            .order_by(OUTBOX.c.seq)
            .limit(limit)
        )
        return [_event(row) for row in self.session.execute(query)]

    def mark_published(self, seqs: Sequence[int], at: datetime) -> None:
        """Record that these events are on the subject (after JetStream acknowledged them)."""
        if seqs:
            self.session.execute(
                update(OUTBOX).where(OUTBOX.c.seq.in_(list(seqs))).values(published_at=at)
            )

    def events(self, after: int = 0, limit: int = 100, kind: str | None = None) -> list[Event]:
        """Events after ``seq`` ``after``, oldest first (for ``redline events list``)."""
        query = select(OUTBOX).where(OUTBOX.c.seq > after).order_by(OUTBOX.c.seq).limit(limit)
        if kind is not None:
            query = query.where(OUTBOX.c.kind == kind)
        return [_event(row) for row in self.session.execute(query)]

    def head(self) -> int:
        """The newest event's ``seq`` (0 when the outbox is empty)."""
        return int(self.session.execute(select(func.max(OUTBOX.c.seq))).scalar() or 0)
