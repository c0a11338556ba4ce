"""The outbox and the webhook tables: events to deliver, where to, and what came of each try.

``outbox`` rows are written in the same transaction as the change they announce, so an event
exists if and only if its change committed. ``key`` names the change (``decision.made:d_...``)
and is unique: a change is announced once however often its code path runs. ``published_at`` is
set once the event is on the JetStream subject. Payloads are masked like the audit log's.

``webhook_targets`` are the only addresses events are ever sent to, each registered by an admin
with the events it wants; ``cursor`` is the last outbox ``seq`` fanned out to it (a new target
starts at the outbox's head: it is not sent the past). ``webhook_deliveries`` is one row per
(event, target) with its state (``pending``, ``delivered``, ``dead``), and ``webhook_attempts``
the log of every try.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from redline.record.base import Base, Stamp


class OutboxRow(Base):
    """One event announcing a committed change."""

    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(40), unique=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(60), index=True)
    occurred_at: Mapped[datetime] = mapped_column(Stamp)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True, index=True)


class WebhookTargetRow(Base):
    """An address an admin registered, the events it takes, and its signing secret."""

    __tablename__ = "webhook_targets"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    platform: Mapped[str] = mapped_column(String(100))
    url: Mapped[str] = mapped_column(String(2000))
    events: Mapped[list[str]] = mapped_column(JSON)
    secret: Mapped[str] = mapped_column(String(100))
    cursor: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(Stamp)
    created_by: Mapped[str] = mapped_column(String(200))
    removed_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)


class WebhookDeliveryRow(Base):
    """One event owed to one target: pending until a 2xx, dead after the last try."""

    __tablename__ = "webhook_deliveries"

    event_seq: Mapped[int] = mapped_column(ForeignKey("outbox.seq"), primary_key=True)
    target_id: Mapped[str] = mapped_column(ForeignKey("webhook_targets.id"), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    attempts: Mapped[int] = mapped_column(Integer)
    next_at: Mapped[datetime] = mapped_column(Stamp, index=True)
    last_result: Mapped[str | None] = mapped_column(String(200), nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)


class WebhookAttemptRow(Base):
    """One try at a delivery: when, the HTTP status or the error's kind, and how long it took."""

    __tablename__ = "webhook_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_seq: Mapped[int] = mapped_column(Integer, index=True)
    target_id: Mapped[str] = mapped_column(String(40), index=True)
    at: Mapped[datetime] = mapped_column(Stamp)
    status_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    result: Mapped[str] = mapped_column(Text)
    milliseconds: Mapped[int] = mapped_column(Integer)


OUTBOX = Base.metadata.tables["outbox"]
WEBHOOK_TARGETS = Base.metadata.tables["webhook_targets"]
WEBHOOK_DELIVERIES = Base.metadata.tables["webhook_deliveries"]
WEBHOOK_ATTEMPTS = Base.metadata.tables["webhook_attempts"]
