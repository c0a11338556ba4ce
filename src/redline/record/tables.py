"""The tables of the system of record (SQLAlchemy 2 declarative), and nothing else.

Domain types (Decision, Strike, Signal) live in their stages; these rows are how the store keeps
them. JSON columns hold documents that are already masked: no column here ever holds a raw private
value, except ``contents.text`` when the operator configured ``retention = "raw"``.

Adding a feature's tables (banks, cases) means a new class here and one new Alembic revision in
``record/migrations/versions``; the revisions, not ``create_all``, build the schema.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so later migrations can refer to (and drop) them on every database.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Stamp = DateTime(timezone=True)


class Base(DeclarativeBase):
    """Declarative base of every Redline table."""

    metadata = MetaData(naming_convention=NAMING)


class AccountRow(Base):
    """An author as the store knows them: id and a cached standing (the strikes are the truth)."""

    __tablename__ = "accounts"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(Stamp)
    state: Mapped[str] = mapped_column(String(20), default="active")
    state_until: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    profile: Mapped[str | None] = mapped_column(String(200), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(Stamp)


class OwnDigestRow(Base):
    """A keyed hash of the account's own phone, email or address, registered by the platform."""

    __tablename__ = "account_digests"

    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    digest: Mapped[str] = mapped_column(String(128), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    added_at: Mapped[datetime] = mapped_column(Stamp)


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


class StrikeRow(Base):
    """A strike; at most one per decision. ``voided`` is set by a successful appeal."""

    __tablename__ = "strikes"
    __table_args__ = (UniqueConstraint("decision_id"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[str] = mapped_column(ForeignKey("accounts.id"), index=True)
    rule_id: Mapped[str] = mapped_column(String(200))
    weight: Mapped[int] = mapped_column(Integer)
    issued: Mapped[datetime] = mapped_column(Stamp)
    expires: Mapped[datetime] = mapped_column(Stamp)
    decision_id: Mapped[str] = mapped_column(ForeignKey("decisions.id"))
    voided: Mapped[bool] = mapped_column(Boolean, default=False)


class NewsworthyGrantRow(Base):
    """A human's grant of the newsworthiness exception for one content (and one rule, or "*")."""

    __tablename__ = "newsworthy_grants"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    content_id: Mapped[str] = mapped_column(String(200), index=True)
    rule_id: Mapped[str] = mapped_column(String(200))
    granted_by: Mapped[str] = mapped_column(String(200))
    reason: Mapped[str] = mapped_column(Text)
    granted_at: Mapped[datetime] = mapped_column(Stamp)


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
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))


# Core handles on the tables, for the hot path: plain statements built once skip the ORM's
# per-statement work, which dominates when one small transaction is written per content.
CONTENTS = Base.metadata.tables["contents"]
DECISIONS = Base.metadata.tables["decisions"]
ACTIONS = Base.metadata.tables["actions"]
STRIKES = Base.metadata.tables["strikes"]
ACCOUNTS = Base.metadata.tables["accounts"]
ACCOUNT_DIGESTS = Base.metadata.tables["account_digests"]
GRANTS = Base.metadata.tables["newsworthy_grants"]
AUDIT_EVENTS = Base.metadata.tables["audit_events"]
AUDIT_HEAD = Base.metadata.tables["audit_head"]
