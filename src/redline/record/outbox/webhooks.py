"""Webhook targets an admin registered, the deliveries owed to them, and the log of every try.

The deliverer (``redline.scale.deliver``) fans new outbox events out to the live targets that
asked for their types, reads what is due, and records each try here; the CLI and the API list
the targets and the log. A target's secret leaves the store only to sign (and once, when added).
"""

from __future__ import annotations

import secrets
from base64 import b64encode
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from redline.errors import InputError, NotFound
from redline.record.base import utc
from redline.record.outbox.repository import KINDS, Event, Outbox
from redline.record.outbox.tables import (
    OUTBOX,
    WEBHOOK_ATTEMPTS,
    WEBHOOK_DELIVERIES,
    WEBHOOK_TARGETS,
)


@dataclass(frozen=True, slots=True)
class Target:
    """A registered webhook address (its secret only when it was just created)."""

    id: str
    platform: str
    url: str
    events: tuple[str, ...]
    created_at: datetime
    created_by: str
    removed: bool
    secret: str | None = None

    def to_document(self) -> dict[str, Any]:
        """JSON for the CLI and the API; the secret appears only in the answer to ``add``."""
        out: dict[str, Any] = {
            "id": self.id,
            "platform": self.platform,
            "url": self.url,
            "events": list(self.events),
            "created_at": self.created_at.isoformat(),
            "created_by": self.created_by,
            "removed": self.removed,
        }
        if self.secret is not None:
            out["secret"] = self.secret
        return out


@dataclass(frozen=True, slots=True)
class Due:
    """A delivery to try now: the event, where to, and the secret to sign it with."""

    event: Event
    target_id: str
    url: str
    secret: str
    attempts: int


@dataclass(frozen=True, slots=True)
class Delivery:
    """One row of the delivery log, for the CLI and the API."""

    event_id: str
    kind: str
    target_id: str
    status: str
    attempts: int
    next_at: datetime
    last_result: str | None
    delivered_at: datetime | None

    def to_document(self) -> dict[str, Any]:
        """JSON for the CLI and the API."""
        return {
            "event_id": self.event_id,
            "type": self.kind,
            "target_id": self.target_id,
            "status": self.status,
            "attempts": self.attempts,
            "next_at": self.next_at.isoformat(),
            "last_result": self.last_result,
            "delivered_at": self.delivered_at.isoformat() if self.delivered_at else None,
        }


def _target(row: Any, secret: str | None = None) -> Target:
    return Target(
        id=row.id,
        platform=row.platform,
        url=row.url,
        events=tuple(row.events),
        created_at=utc(row.created_at),
        created_by=row.created_by,
        removed=row.removed_at is not None,
        secret=secret,
    )


def new_secret() -> str:
    """A Standard Webhooks signing secret: ``whsec_`` and 24 random bytes in base64."""
    return "whsec_" + b64encode(secrets.token_bytes(24)).decode()


def check_url(url: str) -> None:
    """Refuse an address events must not go to: not http(s), no host, or with credentials.

    Raises:
        InputError: naming what is wrong (never echoing a password).
    """
    if len(url) > 2000:
        raise InputError("the URL is longer than 2000 characters", field="url")
    try:
        parts = urlsplit(url)
        host = parts.hostname
        credentials = parts.username or parts.password
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        raise InputError("not a URL", field="url") from None
    if parts.scheme not in ("http", "https") or not host:
        raise InputError("the URL must be http:// or https:// with a host", field="url")
    if credentials:
        raise InputError("the URL must not carry a user or password", field="url")


class Webhooks:
    """Registered targets, the fan-out of events to them, and the delivery log."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def add(
        self, url: str, events: Sequence[str], *, platform: str, actor: str, now: datetime
    ) -> Target:
        """Register a target (``url`` already checked by the caller); it gets events from now on.

        Raises:
            InputError: an unknown event kind.
        """
        check_url(url)
        unknown = sorted(set(events) - set(KINDS))
        if unknown or not events:
            raise InputError(
                f"--events must name some of {', '.join(KINDS)} (unknown: {unknown})",
                field="events",
            )
        target_id = "wh_" + secrets.token_hex(8)
        secret = new_secret()
        self.session.execute(
            insert(WEBHOOK_TARGETS),
            {
                "id": target_id,
                "platform": platform,
                "url": url,
                "events": sorted(set(events)),
                "secret": secret,
                "cursor": Outbox(self.session).head(),
                "created_at": now,
                "created_by": actor,
                "removed_at": None,
            },
        )
        row = self.session.execute(
            select(WEBHOOK_TARGETS).where(WEBHOOK_TARGETS.c.id == target_id)
        ).one()
        return _target(row, secret)

    def remove(self, target_id: str, now: datetime) -> None:
        """Stop sending to a target; its log stays. Raises NotFound if there is no such one."""
        done = self.session.execute(
            update(WEBHOOK_TARGETS)
            .where(WEBHOOK_TARGETS.c.id == target_id, WEBHOOK_TARGETS.c.removed_at.is_(None))
            .values(removed_at=now)
        )
        if not done.rowcount:
            raise NotFound("webhook target", field="target_id")

    def targets(self, include_removed: bool = False) -> list[Target]:
        """Registered targets, oldest first."""
        query = select(WEBHOOK_TARGETS).order_by(WEBHOOK_TARGETS.c.created_at)
        if not include_removed:
            query = query.where(WEBHOOK_TARGETS.c.removed_at.is_(None))
        return [_target(row) for row in self.session.execute(query)]

    def fan_out(self, now: datetime, limit: int = 1000) -> int:
        """Owe each live target the new events it asked for; return how many deliveries."""
        created = 0
        live = select(WEBHOOK_TARGETS).where(WEBHOOK_TARGETS.c.removed_at.is_(None))
        for target in self.session.execute(live).all():
            rows = self.session.execute(
                select(OUTBOX.c.seq, OUTBOX.c.kind)
                .where(OUTBOX.c.seq > target.cursor)
                .order_by(OUTBOX.c.seq)
                .limit(limit)
            ).all()
            if not rows:
                continue
            wanted = [
                {
                    "event_seq": seq,
                    "target_id": target.id,
                    "status": "pending",
                    "attempts": 0,
                    "next_at": now,
                    "last_result": None,
                    "delivered_at": None,
                }
                for seq, kind in rows
                if kind in target.events
            ]
            if wanted:
                self.session.execute(insert(WEBHOOK_DELIVERIES), wanted)
            self.session.execute(
                update(WEBHOOK_TARGETS)
                .where(WEBHOOK_TARGETS.c.id == target.id)
                .values(cursor=rows[-1].seq)
            )
            created += len(wanted)
        return created

    def due(self, now: datetime, limit: int = 100) -> list[Due]:
        """Pending deliveries whose time has come, oldest event first."""
        query = (
            select(OUTBOX, WEBHOOK_DELIVERIES.c.attempts, WEBHOOK_TARGETS)
            .join(WEBHOOK_DELIVERIES, WEBHOOK_DELIVERIES.c.event_seq == OUTBOX.c.seq)
            .join(WEBHOOK_TARGETS, WEBHOOK_TARGETS.c.id == WEBHOOK_DELIVERIES.c.target_id)
            .where(
                WEBHOOK_DELIVERIES.c.status == "pending",
                WEBHOOK_DELIVERIES.c.next_at <= now,
                WEBHOOK_TARGETS.c.removed_at.is_(None),
            )
            .order_by(OUTBOX.c.seq)
            .limit(limit)
        )
        out = []
        for row in self.session.execute(query).mappings():
            event = Event(
                kind=row["kind"],
                key=row["key"],
                payload=row["payload"],
                seq=row["seq"],
                id=row[OUTBOX.c.id],
                occurred_at=utc(row["occurred_at"]),
            )
            out.append(
                Due(event, row[WEBHOOK_TARGETS.c.id], row["url"], row["secret"], row["attempts"])
            )
        return out

    def record(
        self,
        due: Due,
        *,
        status_code: int | None,
        result: str,
        milliseconds: int,
        now: datetime,
        retry_in: timedelta | None,
    ) -> str:
        """Log one try and move the delivery on: delivered, retried at ``now + retry_in``, or dead.

        ``retry_in`` is None for a success (2xx) and for the last try; the new status is returned.
        """
        self.session.execute(
            insert(WEBHOOK_ATTEMPTS),
            {
                "event_seq": due.event.seq,
                "target_id": due.target_id,
                "at": now,
                "status_code": status_code,
                "result": result[:200],
                "milliseconds": milliseconds,
            },
        )
        ok = status_code is not None and 200 <= status_code < 300
        status = "delivered" if ok else ("pending" if retry_in is not None else "dead")
        self.session.execute(
            update(WEBHOOK_DELIVERIES)
            .where(
                WEBHOOK_DELIVERIES.c.event_seq == due.event.seq,
                WEBHOOK_DELIVERIES.c.target_id == due.target_id,
            )
            .values(
                status=status,
                attempts=due.attempts + 1,
                next_at=now + retry_in if retry_in is not None else now,
                last_result=result[:200],
                delivered_at=now if ok else None,
            )
        )
        return status

    def deliveries(
        self, status: str | None = None, target_id: str | None = None, limit: int = 100
    ) -> list[Delivery]:
        """The delivery log, newest event first."""
        query = (
            select(OUTBOX.c.id, OUTBOX.c.kind, WEBHOOK_DELIVERIES)
            .join(OUTBOX, OUTBOX.c.seq == WEBHOOK_DELIVERIES.c.event_seq)
            .order_by(OUTBOX.c.seq.desc())
            .limit(limit)
        )
        if status is not None:
            query = query.where(WEBHOOK_DELIVERIES.c.status == status)
        if target_id is not None:
            query = query.where(WEBHOOK_DELIVERIES.c.target_id == target_id)
        return [
            Delivery(
                event_id=row.id,
                kind=row.kind,
                target_id=row.target_id,
                status=row.status,
                attempts=row.attempts,
                next_at=utc(row.next_at),
                last_result=row.last_result,
                delivered_at=utc(row.delivered_at) if row.delivered_at else None,
            )
            for row in self.session.execute(query)
        ]

    def retry_dead(self, target_id: str | None, now: datetime) -> int:
        """Put dead deliveries back in the queue (after the receiver was fixed); count them."""
        query = update(WEBHOOK_DELIVERIES).where(WEBHOOK_DELIVERIES.c.status == "dead")
        if target_id is not None:
            query = query.where(WEBHOOK_DELIVERIES.c.target_id == target_id)
        done = self.session.execute(query.values(status="pending", attempts=0, next_at=now))
        return int(done.rowcount or 0)
