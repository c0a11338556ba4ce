"""The tables of the audit chain: its events, and the one row that holds the chain's tip."""

from __future__ import annotations

from sqlalchemy import BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from redline.record.base import Base


class AuditEventRow(Base):
    """One link of the audit chain: ``hash`` covers ``prev_hash`` and the canonical event."""

    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(60), index=True)
    subject: Mapped[str] = mapped_column(String(300), index=True)
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """The chain's tip, one row: every append locks it, and verify compares against it.

    Locking serialises appends across processes; comparing detects deleting the newest events.
    ``store_id`` is the store's identity in signed checkpoints (random, made by the migration
    that added it), so checkpoints of two stores kept in one place are never confused.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    store_id: Mapped[str | None] = mapped_column(String(64), nullable=True)


AUDIT_EVENTS = Base.metadata.tables["audit_events"]
AUDIT_HEAD = Base.metadata.tables["audit_head"]
