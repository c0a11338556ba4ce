"""Reads for the reports: decisions with their content's times, in a window, page by page.

Reports never see text or stored evidence: only the decision records (signals masked) and the
content's timestamps and URL count, which is all a statement of reasons or a count needs.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.engine import Connection

from redline.record.base import utc
from redline.record.decisions.document import record_of
from redline.record.decisions.record import DecisionRecord
from redline.record.decisions.tables import CONTENTS, DECISIONS

_PAGE = 500


@dataclass(frozen=True, slots=True)
class ReportedDecision:
    """A stored decision with when its content was posted and received."""

    decision: DecisionRecord
    decided_at: datetime
    created_at: datetime | None
    received_at: datetime
    url_count: int


def decisions_between(
    session: Connection, start: datetime | None, end: datetime | None
) -> Iterator[ReportedDecision]:
    """Decisions made in [start, end), oldest first, read in keyset pages."""
    query = (
        select(
            DECISIONS.c.id,
            DECISIONS.c.document,
            DECISIONS.c.decided_at,
            CONTENTS.c.created_at,
            CONTENTS.c.received_at,
            CONTENTS.c.url_count,
        )
        .join(CONTENTS, CONTENTS.c.id == DECISIONS.c.content_id)
        .order_by(DECISIONS.c.decided_at, DECISIONS.c.id)
        .limit(_PAGE)
    )
    if start is not None:
        query = query.where(DECISIONS.c.decided_at >= start)
    if end is not None:
        query = query.where(DECISIONS.c.decided_at < end)
    page = query
    while rows := session.execute(page).all():
        for row in rows:
            yield _reported(row)
        last = rows[-1]
        page = query.where(
            or_(
                DECISIONS.c.decided_at > last.decided_at,
                and_(DECISIONS.c.decided_at == last.decided_at, DECISIONS.c.id > last.id),
            )
        )


def reported_decision(session: Connection, decision_id: str) -> ReportedDecision | None:
    """One decision with its content's times."""
    row = session.execute(
        select(
            DECISIONS.c.document,
            DECISIONS.c.decided_at,
            CONTENTS.c.created_at,
            CONTENTS.c.received_at,
            CONTENTS.c.url_count,
        )
        .join(CONTENTS, CONTENTS.c.id == DECISIONS.c.content_id)
        .where(DECISIONS.c.id == decision_id)
    ).one_or_none()
    return None if row is None else _reported(row)


def _reported(row: Any) -> ReportedDecision:
    return ReportedDecision(
        decision=record_of(row.document),
        decided_at=utc(row.decided_at),
        created_at=utc(row.created_at) if row.created_at else None,
        received_at=utc(row.received_at),
        url_count=row.url_count,
    )
