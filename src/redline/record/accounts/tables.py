"""The tables of accounts: the account, its own data, its strikes, newsworthiness grants.

There is deliberately no column for anything else about an author: these rows are all deciding may
know (``Accounts.author_facts``). An account's state is derived from its strikes; the state on the
row is a cache of that derivation.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redline.record.base import Base, Stamp


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


# Core handles, for the hot path (see ``decisions.tables``).
ACCOUNTS = Base.metadata.tables["accounts"]
ACCOUNT_DIGESTS = Base.metadata.tables["account_digests"]
STRIKES = Base.metadata.tables["strikes"]
GRANTS = Base.metadata.tables["newsworthy_grants"]
