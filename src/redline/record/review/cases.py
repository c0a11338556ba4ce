"""Cases: decisions queued for a person, in priority order, and their outcomes.

One case per decision (a unique constraint): opening a case twice returns the first. The queue
order is severity, then reach, then age (the oldest decision first), computed by the database
from indexed columns so a long queue is read a page at a time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from redline.errors import NotFound
from redline.record import audit, outbox
from redline.record.audit.digest import covers, stored_digest
from redline.record.base import utc
from redline.record.decisions import DecisionRecord, record_of
from redline.record.decisions.tables import DECISIONS
from redline.record.review.events import outcome_events
from redline.record.review.tables import CASES


@dataclass(frozen=True, slots=True)
class CaseView:
    """A case as stored."""

    id: str
    decision_id: str
    content_id: str
    account_id: str | None
    reasons: tuple[str, ...]
    claim: str | None
    severity: str
    reach: int
    opened_at: datetime
    status: str
    assignee: str | None
    assigned_at: datetime | None
    outcome: str | None
    outcome_reason: str | None
    closed_by: str | None
    closed_at: datetime | None
    document: dict[str, Any] | None

    def to_document(self) -> dict[str, Any]:
        """Plain JSON data."""
        return {
            "case_id": self.id,
            "decision_id": self.decision_id,
            "content_id": self.content_id,
            "account_id": self.account_id,
            "reasons": list(self.reasons),
            "claim": self.claim,
            "severity": self.severity,
            "reach": self.reach,
            "opened_at": self.opened_at.isoformat(),
            "status": self.status,
            "assignee": self.assignee,
            "assigned_at": _stamp(self.assigned_at),
            "outcome": self.outcome,
            "outcome_reason": self.outcome_reason,
            "closed_by": self.closed_by,
            "closed_at": _stamp(self.closed_at),
            "enforcement": self.document,
        }


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _view(row: Any) -> CaseView:
    return CaseView(
        id=row.id,
        decision_id=row.decision_id,
        content_id=row.content_id,
        account_id=row.account_id,
        reasons=tuple(row.reasons),
        claim=row.claim,
        severity=row.severity,
        reach=row.reach,
        opened_at=utc(row.opened_at),
        status=row.status,
        assignee=row.assignee,
        assigned_at=utc(row.assigned_at) if row.assigned_at else None,
        outcome=row.outcome,
        outcome_reason=row.outcome_reason,
        closed_by=row.closed_by,
        closed_at=utc(row.closed_at) if row.closed_at else None,
        document=row.document,
    )


class Cases:
    """Repository of cases, within one unit of work (the caller commits)."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def for_decision(self, decision_id: str) -> CaseView | None:
        """The case opened for a decision, if any."""
        row = self.session.execute(
            select(CASES).where(CASES.c.decision_id == decision_id)
        ).one_or_none()
        return _view(row) if row is not None else None

    def get(self, case_id: str) -> CaseView:
        """A case by id.

        Raises:
            NotFound: no such case.
        """
        row = self.session.execute(select(CASES).where(CASES.c.id == case_id)).one_or_none()
        if row is None:
            raise NotFound("case", field="case_id")
        return _view(row)

    def lock(self, case_id: str) -> CaseView:
        """Read a case and hold its row until commit (two moderators cannot both close it)."""
        query = select(CASES).where(CASES.c.id == case_id)
        if self.session.dialect.name != "sqlite":
            query = query.with_for_update()
        row = self.session.execute(query).one_or_none()
        if row is None:
            raise NotFound("case", field="case_id")
        return _view(row)

    def open(
        self,
        *,
        case_id: str,
        decision_id: str,
        content_id: str,
        account_id: str | None,
        reasons: list[str],
        claim: str | None,
        severity: str,
        severity_rank: int,
        reach: int,
        decided_at: datetime,
        actor: str,
        now: datetime,
    ) -> CaseView:
        """Insert a case (the caller checked there is none for the decision)."""
        self.session.execute(
            CASES.insert(),
            dict(
                id=case_id,
                decision_id=decision_id,
                content_id=content_id,
                account_id=account_id,
                reasons=reasons,
                claim=claim,
                severity=severity,
                severity_rank=severity_rank,
                reach=reach,
                decided_at=decided_at,
                opened_at=now,
                status="open",
            ),
        )
        event = audit.Event(
            "case.opened",
            f"case:{case_id}",
            {
                "decision": decision_id,
                "reasons": reasons,
                "severity": severity,
                "reach": reach,
                **self._covers(case_id),
            },
        )
        audit.append(self.session, [event], actor=actor, at=now)
        return self.get(case_id)

    def _covers(self, case_id: str) -> dict[str, Any]:
        """The audit payload entry with the case row's hash as it now stands."""
        return covers("case", case_id, stored_digest(self.session, "case", CASES, case_id))

    def queue(
        self, *, assignee: str | None = None, unassigned: bool = False, limit: int = 50
    ) -> list[CaseView]:
        """Open cases, most urgent first: severity, then reach, then the oldest."""
        query = select(CASES).where(CASES.c.status == "open")
        if assignee is not None:
            query = query.where(CASES.c.assignee == assignee)
        if unassigned:
            query = query.where(CASES.c.assignee.is_(None))
        query = query.order_by(
            CASES.c.severity_rank.desc(),
            CASES.c.reach.desc(),
            CASES.c.decided_at,
            CASES.c.id,
        ).limit(limit)
        return [_view(r) for r in self.session.execute(query)]

    def assign(self, case_id: str, moderator: str, *, actor: str, now: datetime) -> None:
        """Give the case to a moderator."""
        self.session.execute(
            update(CASES).where(CASES.c.id == case_id).values(assignee=moderator, assigned_at=now)
        )
        event = audit.Event(
            "case.assigned", f"case:{case_id}", {"assignee": moderator, **self._covers(case_id)}
        )
        audit.append(self.session, [event], actor=actor, at=now)

    def close(
        self,
        case_id: str,
        *,
        outcome: str,
        reason: str,
        moderator: str,
        now: datetime,
        document: dict[str, Any],
    ) -> None:
        """Record the moderator's outcome and the enforcement it put in force."""
        self.session.execute(
            update(CASES)
            .where(CASES.c.id == case_id)
            .values(
                status="closed",
                outcome=outcome,
                outcome_reason=reason,
                closed_by=moderator,
                closed_at=now,
                document=document,
            )
        )
        event = audit.Event(
            "case.decided",
            f"case:{case_id}",
            {
                "decision": document["decision_id"],
                "outcome": outcome,
                "reason": reason,
                "moderator": moderator,
                "in_force": [
                    a["type"] for a in document["decisions"][document["decision_id"]]["in_force"]
                ],
                "lifted": document["lifted"],
                "account": document["account"],
                **self._covers(case_id),
            },
        )
        audit.append(self.session, [event], actor=moderator, at=now)
        # Events out (issue 15), in the outcome's own transaction.
        outbox.emit(
            self.session, outcome_events("review.decided", "case", case_id, document), at=now
        )

    def between(self, start: datetime | None, end: datetime | None) -> list[CaseView]:
        """Cases opened in [start, end), oldest first."""
        query = select(CASES).order_by(CASES.c.opened_at, CASES.c.id)
        if start is not None:
            query = query.where(CASES.c.opened_at >= start)
        if end is not None:
            query = query.where(CASES.c.opened_at < end)
        return [_view(r) for r in self.session.execute(query)]


def review_candidates(session: Connection, since: datetime | None = None) -> list[DecisionRecord]:
    """Decisions with a violation or a review request and no case yet, oldest first."""
    query = (
        select(DECISIONS.c.document)
        .outerjoin(CASES, CASES.c.decision_id == DECISIONS.c.id)
        .where(CASES.c.id.is_(None))
        .where((DECISIONS.c.violates.is_(True)) | (DECISIONS.c.needs_review.is_(True)))
        .order_by(DECISIONS.c.decided_at, DECISIONS.c.id)
    )
    if since is not None:
        query = query.where(DECISIONS.c.decided_at >= since)
    return [record_of(document) for document in session.execute(query).scalars()]
