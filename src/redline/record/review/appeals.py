"""Appeals: an author contests decisions; a different moderator upholds or denies.

Times are kept (filed, assigned, decided) so the transparency report can show how long appeals
take. An appeal names one decision, or several of the same author's (an account ban is contested
together with the decisions whose strikes caused it); ``decision_id`` is the first of them.
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
from redline.record.review.events import outcome_events
from redline.record.review.tables import APPEALS


@dataclass(frozen=True, slots=True)
class AppealView:
    """An appeal as stored."""

    id: str
    decision_ids: tuple[str, ...]
    account_id: str | None
    statement: str
    filed_at: datetime
    status: str
    assignee: str | None
    assigned_at: datetime | None
    decided_by: str | None
    decided_at: datetime | None
    outcome_reason: str | None
    document: dict[str, Any] | None

    def to_document(self) -> dict[str, Any]:
        """Plain JSON data."""
        return {
            "appeal_id": self.id,
            "decision_ids": list(self.decision_ids),
            "account_id": self.account_id,
            "statement": self.statement,
            "filed_at": self.filed_at.isoformat(),
            "status": self.status,
            "assignee": self.assignee,
            "assigned_at": _stamp(self.assigned_at),
            "decided_by": self.decided_by,
            "decided_at": _stamp(self.decided_at),
            "outcome_reason": self.outcome_reason,
            "enforcement": self.document,
        }


def _stamp(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _view(row: Any) -> AppealView:
    return AppealView(
        id=row.id,
        decision_ids=tuple(row.decision_ids),
        account_id=row.account_id,
        statement=row.statement,
        filed_at=utc(row.filed_at),
        status=row.status,
        assignee=row.assignee,
        assigned_at=utc(row.assigned_at) if row.assigned_at else None,
        decided_by=row.decided_by,
        decided_at=utc(row.decided_at) if row.decided_at else None,
        outcome_reason=row.outcome_reason,
        document=row.document,
    )


class Appeals:
    """Repository of appeals, within one unit of work (the caller commits)."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def get(self, appeal_id: str) -> AppealView:
        """An appeal by id.

        Raises:
            NotFound: no such appeal.
        """
        row = self.session.execute(select(APPEALS).where(APPEALS.c.id == appeal_id)).one_or_none()
        if row is None:
            raise NotFound("appeal", field="appeal_id")
        return _view(row)

    def lock(self, appeal_id: str) -> AppealView:
        """Read an appeal and hold its row until commit."""
        query = select(APPEALS).where(APPEALS.c.id == appeal_id)
        if self.session.dialect.name != "sqlite":
            query = query.with_for_update()
        row = self.session.execute(query).one_or_none()
        if row is None:
            raise NotFound("appeal", field="appeal_id")
        return _view(row)

    def concerning(self, decision_id: str) -> list[AppealView]:
        """Every appeal that names this decision, oldest first."""
        rows = self.session.execute(select(APPEALS).order_by(APPEALS.c.filed_at, APPEALS.c.id))
        return [_view(r) for r in rows if decision_id in r.decision_ids]

    def file(
        self,
        *,
        appeal_id: str,
        decision_ids: list[str],
        account_id: str | None,
        statement: str,
        actor: str,
        now: datetime,
    ) -> AppealView:
        """Insert a new pending appeal."""
        self.session.execute(
            APPEALS.insert(),
            dict(
                id=appeal_id,
                decision_id=decision_ids[0],
                decision_ids=decision_ids,
                account_id=account_id,
                statement=statement,
                filed_at=now,
                status="pending",
            ),
        )
        event = audit.Event(
            "appeal.filed",
            f"appeal:{appeal_id}",
            {"decisions": decision_ids, "account": account_id, **self._covers(appeal_id)},
        )
        audit.append(self.session, [event], actor=actor, at=now)
        return self.get(appeal_id)

    def _covers(self, appeal_id: str) -> dict[str, Any]:
        """The audit payload entry with the appeal row's hash as it now stands."""
        digest = stored_digest(self.session, "appeal", APPEALS, appeal_id)
        return covers("appeal", appeal_id, digest)

    def pending(self, *, assignee: str | None = None, limit: int = 50) -> list[AppealView]:
        """Appeals waiting for a decision, oldest first."""
        query = select(APPEALS).where(APPEALS.c.status == "pending")
        if assignee is not None:
            query = query.where(APPEALS.c.assignee == assignee)
        rows = self.session.execute(query.order_by(APPEALS.c.filed_at, APPEALS.c.id).limit(limit))
        return [_view(r) for r in rows]

    def assign(self, appeal_id: str, moderator: str, *, actor: str, now: datetime) -> None:
        """Give the appeal to a moderator."""
        self.session.execute(
            update(APPEALS)
            .where(APPEALS.c.id == appeal_id)
            .values(assignee=moderator, assigned_at=now)
        )
        event = audit.Event(
            "appeal.assigned",
            f"appeal:{appeal_id}",
            {"assignee": moderator, **self._covers(appeal_id)},
        )
        audit.append(self.session, [event], actor=actor, at=now)

    def decide(
        self,
        appeal_id: str,
        *,
        upheld: bool,
        reason: str,
        moderator: str,
        now: datetime,
        document: dict[str, Any] | None,
    ) -> None:
        """Record the outcome (and, when upheld, the enforcement it lifted)."""
        status = "upheld" if upheld else "denied"
        self.session.execute(
            update(APPEALS)
            .where(APPEALS.c.id == appeal_id)
            .values(
                status=status,
                decided_by=moderator,
                decided_at=now,
                outcome_reason=reason,
                document=document,
            )
        )
        payload: dict[str, Any] = {"outcome": status, "reason": reason, "moderator": moderator}
        if document is not None:
            payload["lifted"] = document["lifted"]
            payload["account"] = document["account"]
        payload.update(self._covers(appeal_id))
        event = audit.Event(f"appeal.{status}", f"appeal:{appeal_id}", payload)
        audit.append(self.session, [event], actor=moderator, at=now)
        # Events out (issue 15), in the outcome's own transaction.
        outcome = {**(document or {}), "outcome": status}
        outbox.emit(
            self.session, outcome_events("appeal.decided", "appeal", appeal_id, outcome), at=now
        )

    def between(self, start: datetime | None, end: datetime | None) -> list[AppealView]:
        """Appeals filed in [start, end), oldest first."""
        query = select(APPEALS).order_by(APPEALS.c.filed_at, APPEALS.c.id)
        if start is not None:
            query = query.where(APPEALS.c.filed_at >= start)
        if end is not None:
            query = query.where(APPEALS.c.filed_at < end)
        return [_view(r) for r in self.session.execute(query)]

    def upheld(self) -> list[AppealView]:
        """Every upheld appeal, oldest decision first (what they lifted stays lifted)."""
        query = (
            select(APPEALS)
            .where(APPEALS.c.status == "upheld")
            .order_by(APPEALS.c.decided_at, APPEALS.c.id)
        )
        return [_view(r) for r in self.session.execute(query)]
