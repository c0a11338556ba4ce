"""Announcing strikes that expired: the one change no transaction makes, so a sweep does.

A strike stops counting when its time passes; nothing is written then. The deliverer calls
``announce_expired`` on each round: every strike (not voided) whose expiry has passed and was
not yet announced gets a ``strike.expired`` event, stamped with the expiry itself. The newest
announced expiry is where the next sweep starts, so a sweep reads only what is new; the event's
key (strike id and expiry) makes a second sweep, or two deliverers, announce nothing twice, and
a reinstated strike (new expiry) is announced again when it expires again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from redline.record import outbox
from redline.record.accounts.tables import STRIKES
from redline.record.base import utc
from redline.record.outbox.tables import OUTBOX


def announce_expired(session: Connection, now: datetime, limit: int = 500) -> int:
    """Emit ``strike.expired`` for strikes expired by ``now``; return how many were new."""
    last = session.execute(
        select(func.max(OUTBOX.c.occurred_at)).where(OUTBOX.c.kind == "strike.expired")
    ).scalar()
    query = select(STRIKES).where(STRIKES.c.voided.is_(False), STRIKES.c.expires <= now)
    if last is not None:
        query = query.where(STRIKES.c.expires >= last)
    rows = session.execute(query.order_by(STRIKES.c.expires, STRIKES.c.id).limit(limit)).all()
    keyed = {f"strike.expired:{r.id}:{utc(r.expires).isoformat()}": r for r in rows}
    if not keyed:
        return 0
    known = set(
        session.execute(select(OUTBOX.c.key).where(OUTBOX.c.key.in_(list(keyed)))).scalars()
    )
    new = 0
    for key, row in keyed.items():
        if key in known:
            continue
        expired = utc(row.expires)
        payload = {
            "strike_id": row.id,
            "account_id": row.account_id,
            "rule": row.rule_id,
            "weight": row.weight,
            "decision_id": row.decision_id,
            "expired_at": expired.isoformat(),
        }
        outbox.emit(session, [outbox.Event("strike.expired", key, payload)], at=expired)
        new += 1
    return new
