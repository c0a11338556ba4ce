"""Read models of banks for operators: plain, JSON-ready views built from stored rows.

The views show settings, provenance, hashes and link values; never a bank document's text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import RowMapping

from redline.detect.banks.bank import Bank, BankEntry, EntryKind, ExcerptRule
from redline.record.base import utc

__all__ = [
    "BankSummary",
    "BankView",
    "EntryView",
    "Hold",
    "bank_dict",
    "bank_of",
    "entry_of",
]


@dataclass(frozen=True, slots=True)
class BankSummary:
    """A bank in a listing: its settings, provenance and how many entries of each kind."""

    bank: Bank
    entries: int
    kinds: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form."""
        return {**bank_dict(self.bank), "entries": self.entries, "kinds": self.kinds}


@dataclass(frozen=True, slots=True)
class EntryView:
    """An entry as shown to an operator (hashes and value, never the banked text)."""

    entry: BankEntry
    held: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form."""
        e = self.entry
        out: dict[str, Any] = {
            "name": e.name,
            "kind": e.kind.value,
            "designations": list(e.designations),
            "sha256": e.sha256,
            "text_sha256": e.text_sha256,
            "pdq": e.pdq,
            "pdq_quality": e.pdq_quality,
            "value": e.value,
            "media_type": e.media_type,
            "size": e.size,
            "text_length": e.text_length,
            "source": e.source,
            "added_by": e.added_by,
            "added_at": e.added_at.isoformat() if e.added_at else None,
            "note": e.note,
            "held": self.held,
        }
        return {k: v for k, v in out.items() if v is not None or k in ("held",)}


@dataclass(frozen=True, slots=True)
class BankView:
    """One bank with its entries."""

    bank: Bank
    entries: list[EntryView] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON form."""
        return {**bank_dict(self.bank), "entries": [e.to_dict() for e in self.entries]}


@dataclass(frozen=True, slots=True)
class Hold:
    """An entry the flood guard holds, and why."""

    bank: str
    entry: str
    reason: str


def bank_dict(bank: Bank) -> dict[str, Any]:
    """A bank's settings and provenance as plain JSON."""
    return {
        "name": bank.name,
        "designations": list(bank.designations),
        "negative": bank.negative,
        "distance": bank.pdq_threshold,
        "text_distance": bank.excerpt.max_distance,
        "source": bank.source,
        "added_by": bank.created_by,
        "added_at": bank.created_at.isoformat() if bank.created_at else None,
        "note": bank.description,
    }


def bank_of(row: RowMapping) -> Bank:
    """A bank from its stored row."""
    return Bank(
        name=row["name"],
        designations=tuple(row["designations"]),
        negative=bool(row["negative"]),
        excerpt=ExcerptRule.stored(row["excerpt"]),
        pdq_threshold=row["pdq_threshold"],
        description=row["note"],
        created_by=row["added_by"],
        created_at=utc(row["added_at"]),
        source=row["source"],
    )


def entry_of(row: RowMapping, bank: str) -> BankEntry:
    """An entry of bank ``bank`` from its stored row."""
    return BankEntry(
        bank=bank,
        name=row["name"],
        kind=EntryKind(row["kind"]),
        designations=tuple(row["designations"]),
        sha256=row["sha256"],
        text_sha256=row["text_sha256"],
        pdq=row["pdq"],
        pdq_quality=row["pdq_quality"],
        value=row["value"],
        media_type=row["media_type"],
        size=row["size"],
        text_length=row["text_length"],
        source=row["source"],
        added_by=row["added_by"],
        added_at=utc(row["added_at"]),
        note=row["note"],
    )
