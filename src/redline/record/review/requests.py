"""External requests: who asked the platform to act on what, when, and what it did.

Kept apart from everything deciding reads: no repository used by ``moderate`` touches these
tables. A request links to decisions through the content and accounts it concerns, at read time,
so a decision made before or after the request was filed is linked either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from redline.errors import NotFound
from redline.record import audit
from redline.record.base import utc
from redline.record.decisions.tables import DECISIONS
from redline.record.review.tables import EXTERNAL_REQUESTS, REQUEST_SUBJECTS


@dataclass(frozen=True, slots=True)
class RequestView:
    """An external request as stored, with the decisions on what it concerns."""

    id: str
    requester_type: str
    requester: str
    asked: str
    received_at: datetime
    recorded_by: str
    recorded_at: datetime
    outcome: str
    outcome_note: str | None
    outcome_by: str | None
    outcome_at: datetime | None
    content_ids: tuple[str, ...] = ()
    account_ids: tuple[str, ...] = ()
    decision_ids: tuple[str, ...] = field(default=())

    def to_document(self) -> dict[str, Any]:
        """Plain JSON data."""
        return {
            "request_id": self.id,
            "requester_type": self.requester_type,
            "requester": self.requester,
            "asked": self.asked,
            "received_at": self.received_at.isoformat(),
            "recorded_by": self.recorded_by,
            "recorded_at": self.recorded_at.isoformat(),
            "content_ids": list(self.content_ids),
            "account_ids": list(self.account_ids),
            "outcome": self.outcome,
            "outcome_note": self.outcome_note,
            "outcome_by": self.outcome_by,
            "outcome_at": self.outcome_at.isoformat() if self.outcome_at else None,
            "decision_ids": list(self.decision_ids),
        }


class Requests:
    """Repository of external requests, within one unit of work (the caller commits)."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def record(
        self,
        *,
        request_id: str,
        requester_type: str,
        requester: str,
        asked: str,
        received_at: datetime,
        content_ids: list[str],
        account_ids: list[str],
        actor: str,
        now: datetime,
    ) -> RequestView:
        """Insert a request and the content and accounts it concerns."""
        self.session.execute(
            EXTERNAL_REQUESTS.insert(),
            dict(
                id=request_id,
                requester_type=requester_type,
                requester=requester,
                asked=asked,
                received_at=received_at,
                recorded_by=actor,
                recorded_at=now,
                outcome="pending",
            ),
        )
        subjects = [
            {"request_id": request_id, "kind": "content", "subject_id": c}
            for c in dict.fromkeys(content_ids)
        ]
        subjects += [
            {"request_id": request_id, "kind": "account", "subject_id": a}
            for a in dict.fromkeys(account_ids)
        ]
        if subjects:
            self.session.execute(REQUEST_SUBJECTS.insert(), subjects)
        event = audit.Event(
            "request.recorded",
            f"request:{request_id}",
            {
                "requester_type": requester_type,
                "contents": len(content_ids),
                "accounts": len(account_ids),
                "received_at": received_at.isoformat(),
            },
        )
        audit.append(self.session, [event], actor=actor, at=now)
        return self.get(request_id)

    def get(self, request_id: str) -> RequestView:
        """A request with its subjects and the decisions linked to them.

        Raises:
            NotFound: no such request.
        """
        row = self.session.execute(
            select(EXTERNAL_REQUESTS).where(EXTERNAL_REQUESTS.c.id == request_id)
        ).one_or_none()
        if row is None:
            raise NotFound("external request", field="request_id")
        return self._view(row)

    def _view(self, row: Any) -> RequestView:
        subjects = self.session.execute(
            select(REQUEST_SUBJECTS.c.kind, REQUEST_SUBJECTS.c.subject_id)
            .where(REQUEST_SUBJECTS.c.request_id == row.id)
            .order_by(REQUEST_SUBJECTS.c.kind, REQUEST_SUBJECTS.c.subject_id)
        ).all()
        contents = tuple(s.subject_id for s in subjects if s.kind == "content")
        accounts = tuple(s.subject_id for s in subjects if s.kind == "account")
        decisions: tuple[str, ...] = ()
        if contents:
            decisions = tuple(
                self.session.execute(
                    select(DECISIONS.c.id)
                    .where(DECISIONS.c.content_id.in_(contents))
                    .order_by(DECISIONS.c.decided_at, DECISIONS.c.id)
                ).scalars()
            )
        return RequestView(
            id=row.id,
            requester_type=row.requester_type,
            requester=row.requester,
            asked=row.asked,
            received_at=utc(row.received_at),
            recorded_by=row.recorded_by,
            recorded_at=utc(row.recorded_at),
            outcome=row.outcome,
            outcome_note=row.outcome_note,
            outcome_by=row.outcome_by,
            outcome_at=utc(row.outcome_at) if row.outcome_at else None,
            content_ids=contents,
            account_ids=accounts,
            decision_ids=decisions,
        )

    def set_outcome(
        self, request_id: str, *, outcome: str, note: str | None, actor: str, now: datetime
    ) -> RequestView:
        """Record what the platform did about the request."""
        self.get(request_id)
        self.session.execute(
            update(EXTERNAL_REQUESTS)
            .where(EXTERNAL_REQUESTS.c.id == request_id)
            .values(outcome=outcome, outcome_note=note, outcome_by=actor, outcome_at=now)
        )
        event = audit.Event(
            "request.outcome", f"request:{request_id}", {"outcome": outcome, "note": note}
        )
        audit.append(self.session, [event], actor=actor, at=now)
        return self.get(request_id)

    def concerning(self, content_id: str) -> list[RequestView]:
        """Requests on file about one content, oldest first."""
        ids = self.session.execute(
            select(REQUEST_SUBJECTS.c.request_id).where(
                REQUEST_SUBJECTS.c.kind == "content", REQUEST_SUBJECTS.c.subject_id == content_id
            )
        ).scalars()
        return sorted((self.get(i) for i in set(ids)), key=lambda r: (r.received_at, r.id))

    def between(self, start: datetime | None, end: datetime | None) -> list[RequestView]:
        """Requests received in [start, end), oldest first."""
        query = select(EXTERNAL_REQUESTS).order_by(
            EXTERNAL_REQUESTS.c.received_at, EXTERNAL_REQUESTS.c.id
        )
        if start is not None:
            query = query.where(EXTERNAL_REQUESTS.c.received_at >= start)
        if end is not None:
            query = query.where(EXTERNAL_REQUESTS.c.received_at < end)
        return [self._view(r) for r in self.session.execute(query)]
