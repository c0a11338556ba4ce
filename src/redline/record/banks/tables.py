"""The tables that keep banks of known material: banks, entries, short links, flood history.

A bank row holds its designations, its provenance (source, who added it, when, a note), its match
thresholds and whether it is negative. An entry row holds everything needed to rebuild its index
without the original file: the SHA-256 of the bytes and of the normalised text, the PDQ hash for
images, the canonical value for link rules, and for documents the serialised winnowed fingerprints
(which include the compact text the alignment step verifies against). Bank documents are known
leaked material: the compact fingerprint text is kept because matching needs it, and nothing here
is ever copied into decisions, logs or audit payloads.

Flood-guard history is a count of matches per entry per window, and a hold row per held entry; a
hold stays until a person releases it.

Background samples are ordinary text an operator adds so the matcher can tell house style from
the leak: each row keeps the sample's k-gram counts (a count-min sketch), never its text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from redline.record.base import Base, Stamp

__all__ = [
    "BANKS",
    "BANK_BACKGROUND",
    "BANK_ENTRIES",
    "BANK_HOLDS",
    "BANK_MATCH_COUNTS",
    "EXCHANGE_SIGNALS",
    "LINK_EXPANSIONS",
    "BankBackgroundRow",
    "BankEntryRow",
    "BankHoldRow",
    "BankMatchCountRow",
    "BankRow",
    "LinkExpansionRow",
    "ReceivedSignalRow",
]


class BankRow(Base):
    """A named bank: designations, provenance, thresholds, and whether it suppresses matches."""

    __tablename__ = "banks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    designations: Mapped[list[Any]] = mapped_column(JSON)
    negative: Mapped[bool] = mapped_column(Boolean, default=False)
    pdq_threshold: Mapped[int] = mapped_column(Integer, default=31)
    excerpt: Mapped[dict[str, Any]] = mapped_column(JSON)
    source: Mapped[str | None] = mapped_column(String(500), nullable=True)
    added_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    added_at: Mapped[datetime] = mapped_column(Stamp)
    note: Mapped[str] = mapped_column(Text, default="")


class BankEntryRow(Base):
    """One item of known material; ``(bank_id, name)`` is what matches report."""

    __tablename__ = "bank_entries"
    __table_args__ = (UniqueConstraint("bank_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    designations: Mapped[list[Any]] = mapped_column(JSON)
    sha256: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    text_sha256: Mapped[str | None] = mapped_column(String(64), nullable=True)
    pdq: Mapped[str | None] = mapped_column(String(64), nullable=True)
    pdq_quality: Mapped[int | None] = mapped_column(Integer, nullable=True)
    value: Mapped[str | None] = mapped_column(String(2048), nullable=True)
    media_type: Mapped[str | None] = mapped_column(String(200), nullable=True)
    size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text_length: Mapped[int | None] = mapped_column(Integer, nullable=True)
    fingerprint_version: Mapped[str | None] = mapped_column(String(40), nullable=True)
    fingerprints: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    source: Mapped[str | None] = mapped_column(String(500), nullable=True)
    added_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    added_at: Mapped[datetime] = mapped_column(Stamp)
    note: Mapped[str] = mapped_column(Text, default="")


class LinkExpansionRow(Base):
    """A known short link and where it leads: resolved from this table, never the network."""

    __tablename__ = "link_expansions"

    short: Mapped[str] = mapped_column(String(2048), primary_key=True)
    target: Mapped[str] = mapped_column(String(2048))
    added_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    added_at: Mapped[datetime] = mapped_column(Stamp)


class BankMatchCountRow(Base):
    """How many contents matched an entry in one window: the flood guard's history."""

    __tablename__ = "bank_match_counts"

    entry_id: Mapped[int] = mapped_column(ForeignKey("bank_entries.id"), primary_key=True)
    window_start: Mapped[datetime] = mapped_column(Stamp, primary_key=True)
    count: Mapped[int] = mapped_column(Integer)


class BankHoldRow(Base):
    """An entry the flood guard holds for review: its matches ask for a person, not an action."""

    __tablename__ = "bank_holds"

    entry_id: Mapped[int] = mapped_column(ForeignKey("bank_entries.id"), primary_key=True)
    held_at: Mapped[datetime] = mapped_column(Stamp)
    reason: Mapped[str] = mapped_column(Text)
    released_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    released_by: Mapped[str | None] = mapped_column(String(200), nullable=True)


class BankBackgroundRow(Base):
    """A sample of ordinary text, as k-gram counts: the matcher's model of what is not evidence."""

    __tablename__ = "bank_background"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(128), unique=True)
    texts: Mapped[int] = mapped_column(Integer)
    fingerprint_version: Mapped[str] = mapped_column(String(40))
    model: Mapped[bytes] = mapped_column(LargeBinary)
    source: Mapped[str | None] = mapped_column(String(500), nullable=True)
    added_by: Mapped[str | None] = mapped_column(String(200), nullable=True)
    added_at: Mapped[datetime] = mapped_column(Stamp)
    note: Mapped[str] = mapped_column(Text, default="")


BANKS = Base.metadata.tables["banks"]
BANK_ENTRIES = Base.metadata.tables["bank_entries"]
LINK_EXPANSIONS = Base.metadata.tables["link_expansions"]
BANK_MATCH_COUNTS = Base.metadata.tables["bank_match_counts"]
BANK_HOLDS = Base.metadata.tables["bank_holds"]
BANK_BACKGROUND = Base.metadata.tables["bank_background"]


class ReceivedSignalRow(Base):
    """Where an entry received through a signal exchange came from, and until when it holds.

    One row per imported entry: the sender's signal id and version (a newer version replaces the
    entry; the same or an older one changes nothing), the platform that shared it, the sharing
    level, and the expiry after which it stops matching.
    """

    __tablename__ = "exchange_signals"
    __table_args__ = (UniqueConstraint("bank_id", "signal_id"),)

    entry_id: Mapped[int] = mapped_column(ForeignKey("bank_entries.id"), primary_key=True)
    bank_id: Mapped[int] = mapped_column(ForeignKey("banks.id"), index=True)
    signal_id: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(BigInteger)
    platform: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(20))
    shared_at: Mapped[datetime] = mapped_column(Stamp)
    expires_at: Mapped[datetime | None] = mapped_column(Stamp, nullable=True)
    received_at: Mapped[datetime] = mapped_column(Stamp)


EXCHANGE_SIGNALS = Base.metadata.tables["exchange_signals"]
