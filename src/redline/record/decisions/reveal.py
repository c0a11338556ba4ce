"""Revealing raw evidence: the private values behind a decision's masked signals, audited.

The store keeps a post's raw text only when the operator chose ``retention = "raw"``; otherwise
the values are gone and nothing can be revealed (the answer says so, signal by signal). Every
reveal is an audit event naming who asked, in the same unit of work as the read, so the log
cannot miss one: if the event cannot be written, the values are not returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.engine import Connection

from redline.detect.finding import Signal
from redline.detect.shown import cap_per_part
from redline.record import audit
from redline.record.decisions.document import signal_of
from redline.record.decisions.record import DecisionRecord
from redline.record.decisions.repository import Decisions
from redline.record.decisions.tables import CONTENTS


@dataclass(frozen=True, slots=True)
class RevealedSignal:
    """One signal of a decision with its raw value, or None where the store no longer has it."""

    signal: Signal
    raw: str | None


def reveal(
    session: Connection,
    decision_id: str,
    *,
    actor: str,
    reason: str,
    now: datetime,
    limit: int | None = None,
) -> tuple[DecisionRecord, list[RevealedSignal], dict[str, int]]:
    """The decision and its signals with raw values; logs ``evidence.revealed``.

    With a ``limit``, at most that many signals per part are revealed (the first of each); the
    third value counts, per part, those left out, and the audit event counts what was revealed.

    Raises:
        NotFound: no decision has this id.
    """
    decision = Decisions(session).get(decision_id)
    row = session.execute(
        select(CONTENTS.c.text, CONTENTS.c.retention, CONTENTS.c.signals).where(
            CONTENTS.c.id == decision.content_id
        )
    ).one()
    text = row.text if row.retention == "raw" else None
    stored = [signal_of(s) for s in row.signals]
    signals, omitted = cap_per_part(stored, _part, limit) if limit is not None else (stored, {})
    revealed: list[RevealedSignal] = []
    for signal in signals:
        location = signal.location
        raw = None
        if text is not None and location.part == "text":
            start, end = location.start, location.end
            if 0 <= start <= end <= len(text):
                raw = text[start:end]
        revealed.append(RevealedSignal(signal, raw))
    event = audit.Event(
        "evidence.revealed",
        f"decision:{decision.id}",
        {
            "content": decision.content_id,
            "by": actor,
            "reason": reason,
            "signals": len(revealed),
            "revealed": sum(r.raw is not None for r in revealed),
        },
    )
    audit.append(session, [event], actor=actor, at=now)
    return decision, revealed, omitted


def _part(signal: Signal) -> str:
    return signal.location.part
