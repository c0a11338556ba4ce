"""Flood guard bookkeeping: match counts per entry per hour, holds, and releases.

``flood.flood_check`` (pure, in ``detect``) decides whether a count is a flood; this ledger keeps
the counts it decides from and the holds it makes. A held entry's matches go to human review
instead of being enforced, until a person releases it; holding and releasing are audited.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from redline.detect.banks.flood import FloodGuard, FloodVerdict, flood_check
from redline.errors import NotFound
from redline.record import audit, outbox
from redline.record.banks.tables import BANK_ENTRIES, BANK_HOLDS, BANK_MATCH_COUNTS, BANKS
from redline.record.banks.views import Hold
from redline.record.base import utc

__all__ = ["HISTORY_WINDOWS", "WINDOW", "FloodLedger"]

WINDOW = timedelta(hours=1)
HISTORY_WINDOWS = 24 * 7


def window_of(at: datetime) -> datetime:
    """The start of the flood-guard window holding ``at``."""
    return utc(at).astimezone(UTC).replace(minute=0, second=0, microsecond=0)


class FloodLedger:
    """Counts, holds and releases inside the caller's unit of work."""

    def __init__(self, session: Connection, guard: FloodGuard | None = None) -> None:
        self.session = session
        self.guard = guard or FloodGuard()

    def _entry_id(self, bank: str, entry: str) -> int:
        entry_id = self.session.execute(
            select(BANK_ENTRIES.c.id)
            .join(BANKS, BANKS.c.id == BANK_ENTRIES.c.bank_id)
            .where(BANKS.c.name == bank, BANK_ENTRIES.c.name == entry)
        ).scalar()
        if entry_id is None:
            raise NotFound("bank entry", field="entry")
        return int(entry_id)

    def _audit(
        self, kind: str, subject: str, payload: dict[str, Any], actor: str, at: datetime
    ) -> None:
        audit.append(self.session, [audit.Event(kind, subject, payload)], actor=actor, at=at)

    def held(self) -> dict[tuple[str, str], str]:
        """(bank, entry) -> reason, for every entry the flood guard holds now."""
        query = (
            select(BANKS.c.name, BANK_ENTRIES.c.name, BANK_HOLDS.c.reason)
            .join(BANK_ENTRIES, BANK_ENTRIES.c.id == BANK_HOLDS.c.entry_id)
            .join(BANKS, BANKS.c.id == BANK_ENTRIES.c.bank_id)
            .where(BANK_HOLDS.c.released_at.is_(None))
        )
        return {(b, e): reason for b, e, reason in self.session.execute(query).all()}

    def observe(self, keys: Iterable[tuple[str, str]], at: datetime) -> list[Hold]:
        """Count one match for each entry (bank, name) in ``at``'s window; return the held ones.

        An entry whose count jumps far above its history (see ``flood.flood_check``) is held
        from then on, with an audit event; an entry already held stays held until released.

        Runs inside the decision's unit of work, which takes its locks in one order: the
        author's account, then these counts (entries sorted), then the audit chain's head. So
        every count comes before any hold's audit event, and two writers never wait on each
        other in a circle.
        """
        held = self.held()
        out: list[Hold] = []
        flooded: list[tuple[str, str, int, FloodVerdict]] = []
        for bank, name in sorted(set(keys)):
            try:
                entry_id = self._entry_id(bank, name)
            except NotFound:
                continue  # removed since the snapshot was taken
            current = self._count(entry_id, window_of(at))
            if (bank, name) in held:
                out.append(Hold(bank, name, held[(bank, name)]))
                continue
            verdict = self.flood_status(entry_id, current, at)
            if verdict.hold_for_review:
                flooded.append((bank, name, entry_id, verdict))
        for bank, name, entry_id, verdict in flooded:
            reason = f"flood guard: {verdict.reason}"
            self.session.execute(delete(BANK_HOLDS).where(BANK_HOLDS.c.entry_id == entry_id))
            self.session.execute(
                BANK_HOLDS.insert(), {"entry_id": entry_id, "held_at": at, "reason": reason}
            )
            self._audit(
                "bank.entry_held",
                f"bank:{bank}/{name}",
                {"current": verdict.current, "baseline": verdict.baseline, "reason": reason},
                "flood-guard",
                at,
            )
            # Events out (issue 15), in the decision's own transaction.
            announced = {"bank": bank, "entry": name, "reason": reason, "held_at": at.isoformat()}
            key = f"flood.held:{bank}/{name}:{at.isoformat()}"
            outbox.emit(self.session, [outbox.Event("flood.held", key, announced)], at=at)
            out.append(Hold(bank, name, reason))
        return sorted(out, key=lambda h: (h.bank, h.entry))

    def _count(self, entry_id: int, window: datetime) -> int:
        """Add one to the entry's count in ``window``; return the new count."""
        dialect = self.session.dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        stmt = insert(BANK_MATCH_COUNTS).values(entry_id=entry_id, window_start=window, count=1)
        stmt = stmt.on_conflict_do_update(
            index_elements=["entry_id", "window_start"],
            set_={"count": BANK_MATCH_COUNTS.c.count + 1},
        )
        self.session.execute(stmt)
        return int(
            self.session.execute(
                select(BANK_MATCH_COUNTS.c.count).where(
                    BANK_MATCH_COUNTS.c.entry_id == entry_id,
                    BANK_MATCH_COUNTS.c.window_start == window,
                )
            ).scalar_one()
        )

    def flood_status(self, entry_id: int, current: int, at: datetime) -> FloodVerdict:
        """The flood guard's verdict on ``current`` matches given the entry's past windows.

        Past windows run from the entry's first full window (or a week back) to the one before
        ``at``; windows with no row count as zero matches.
        """
        added = self.session.execute(
            select(BANK_ENTRIES.c.added_at).where(BANK_ENTRIES.c.id == entry_id)
        ).scalar_one()
        now_w = window_of(at)
        first = max(window_of(utc(added)) + WINDOW, now_w - HISTORY_WINDOWS * WINDOW)
        rows = self.session.execute(
            select(BANK_MATCH_COUNTS.c.window_start, BANK_MATCH_COUNTS.c.count).where(
                BANK_MATCH_COUNTS.c.entry_id == entry_id,
                BANK_MATCH_COUNTS.c.window_start >= first,
                BANK_MATCH_COUNTS.c.window_start < now_w,
            )
        ).all()
        counts = {utc(w): c for w, c in rows}
        history = []
        w = first
        while w < now_w:
            history.append(counts.get(w, 0))
            w += WINDOW
        return flood_check(history, current, self.guard)

    def release(self, bank: str, entry: str, *, actor: str, now: datetime | None = None) -> None:
        """A person releases a held entry: its matches act again."""
        now = now or datetime.now(UTC)
        entry_id = self._entry_id(bank, entry)
        done = self.session.execute(
            update(BANK_HOLDS)
            .where(BANK_HOLDS.c.entry_id == entry_id, BANK_HOLDS.c.released_at.is_(None))
            .values(released_at=now, released_by=actor)
        )
        if not done.rowcount:
            raise NotFound("held bank entry", field="entry")
        self._audit("bank.entry_released", f"bank:{bank}/{entry}", {}, actor, now)
