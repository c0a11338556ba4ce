"""The tables of the core decision record: the content as kept, its decision, its actions.

JSON columns hold documents that are already masked (``decisions.document``): no column here ever
holds a raw private value, except ``contents.text`` when the operator configured
``retention = "raw"``. The typed form of a stored decision is ``record.decisions.record``; the
document is its JSON, written and read only by ``record.decisions.document``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redline.record.base import Base, Stamp


class ContentRow(Base):
    """A moderated item: metadata, masked signals, and its text only as retention allows."""

    __tablename__ = "contents"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    author_id: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    surface: Mapped[str | None] = mapped_column(String(100), nullable=True)
    created_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    received_at: Mapped[datetime] = mapped_column(Stamp, index=True)
    retention: Mapped[str] = mapped_column(String(20))
    text: Mapped[str | None] = mapped_column(Text, nullable=True)
    text_length: Mapped[int] = mapped_column(Integer)
    url_count: Mapped[int] = mapped_column(Integer, default=0)
    signals: Mapped[list[Any]] = mapped_column(JSON)
    failures: Mapped[list[Any]] = mapped_column(JSON)
    detectors: Mapped[list[Any]] = mapped_column(JSON)


class DecisionRow(Base):
    """One decision per content id: the unique constraint is what makes moderation idempotent."""

    __tablename__ = "decisions"
    __table_args__ = (UniqueConstraint("content_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_id: Mapped[str] = mapped_column(ForeignKey("contents.id"))
    account_id: Mapped[str | None] = mapped_column(String(200), nullable=True, index=True)
    policy: Mapped[str] = mapped_column(String(200))
    profile: Mapped[str] = mapped_column(String(200))
    decided_at: Mapped[datetime] = mapped_column(Stamp, index=True)
    decided_by: Mapped[str] = mapped_column(String(200))
    violates: Mapped[bool] = mapped_column(Boolean)
    needs_review: Mapped[bool] = mapped_column(Boolean)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)


class ActionRow(Base):
    """One planned action of a decision, in the order it was planned."""

    __tablename__ = "actions"

    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(40), index=True)
    until: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    document: Mapped[dict[str, Any]] = mapped_column(JSON)


# Core handles on the tables, for the hot path: plain statements built once skip the ORM's
# per-statement work, which dominates when one small transaction is written per content.
CONTENTS = Base.metadata.tables["contents"]
DECISIONS = Base.metadata.tables["decisions"]
ACTIONS = Base.metadata.tables["actions"]
