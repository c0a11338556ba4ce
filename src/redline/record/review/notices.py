"""Notices: what an author was told, and when (an appeal's outcome either way)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from redline.record import audit
from redline.record.base import utc
from redline.record.review.tables import NOTICES


@dataclass(frozen=True, slots=True)
class NoticeView:
    """One notice as stored."""

    account_id: str | None
    kind: str
    subject: str
    text: str
    sent_at: datetime

    def to_document(self) -> dict[str, Any]:
        """Plain JSON data."""
        return {
            "account_id": self.account_id,
            "kind": self.kind,
            "subject": self.subject,
            "text": self.text,
            "sent_at": self.sent_at.isoformat(),
        }


class Notices:
    """Repository of notices, within one unit of work (the caller commits)."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def send(
        self,
        *,
        account_id: str | None,
        kind: str,
        subject: str,
        text: str,
        actor: str,
        now: datetime,
    ) -> None:
        """Record a notice to the author (delivery is the platform's; the record is ours)."""
        self.session.execute(
            NOTICES.insert(),
            dict(account_id=account_id, kind=kind, subject=subject, text=text, sent_at=now),
        )
        event = audit.Event("notice.sent", subject, {"kind": kind, "account": account_id})
        audit.append(self.session, [event], actor=actor, at=now)

    def about(self, subject: str) -> list[NoticeView]:
        """Notices sent about one subject (``appeal:<id>``), oldest first."""
        rows = self.session.execute(
            select(NOTICES).where(NOTICES.c.subject == subject).order_by(NOTICES.c.id)
        )
        return [NoticeView(r.account_id, r.kind, r.subject, r.text, utc(r.sent_at)) for r in rows]
