"""Signals received through an exchange: which entry each became, its version, sender and expiry.

``ReceivedSignals(session)`` works inside the caller's unit of work, as ``BankRepository`` does.
The entries themselves are ordinary bank entries (written by the repository, with its audit
events); this module keeps what makes them received: the sender's signal id and version (so an
import is idempotent and a newer version replaces an older), the platform, the sharing level and
the expiry after which the entry stops matching. It also reads a bank's own entries with their
fingerprints for an export.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.engine import Connection, RowMapping

from redline.detect.banks.bank import BankEntry
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints
from redline.record.banks.tables import BANK_ENTRIES, BANKS, EXCHANGE_SIGNALS
from redline.record.banks.views import entry_of
from redline.record.base import utc

__all__ = ["Received", "ReceivedSignals"]


@dataclass(frozen=True, slots=True)
class Received:
    """Where one received entry came from: what a match says about its provenance."""

    bank: str
    entry: str
    entry_id: int
    signal_id: str
    kind: str
    version: int
    platform: str
    level: str
    shared_at: datetime
    expires_at: datetime | None

    def provenance(self) -> str:
        """The phrase every match of the entry carries."""
        until = f", until {self.expires_at.isoformat()}" if self.expires_at else ""
        return f"shared by {self.platform} ({self.level}, version {self.version}{until})"


class ReceivedSignals:
    """The exchange rows of received entries, and a bank's own entries for export."""

    def __init__(self, session: Connection) -> None:
        self.session = session

    def find(self, bank_id: int, signal_id: str) -> Received | None:
        """The entry a signal became in a bank, if it was received before."""
        rows = self._query().where(
            EXCHANGE_SIGNALS.c.bank_id == bank_id, EXCHANGE_SIGNALS.c.signal_id == signal_id
        )
        row = self.session.execute(rows).mappings().first()
        return None if row is None else _received(row)

    def record(
        self,
        *,
        entry_id: int,
        bank_id: int,
        signal_id: str,
        kind: str,
        version: int,
        platform: str,
        level: str,
        shared_at: datetime,
        expires_at: datetime | None,
        received_at: datetime,
    ) -> None:
        """Note that entry ``entry_id`` is signal ``signal_id`` as received."""
        self.session.execute(
            EXCHANGE_SIGNALS.insert(),
            {
                "entry_id": entry_id,
                "bank_id": bank_id,
                "signal_id": signal_id,
                "kind": kind,
                "version": version,
                "platform": platform,
                "level": level,
                "shared_at": shared_at,
                "expires_at": expires_at,
                "received_at": received_at,
            },
        )

    def all(self) -> list[Received]:
        """Every received entry (for the matcher: provenance and expiry per entry)."""
        return [_received(r) for r in self.session.execute(self._query()).mappings()]

    def own_entries(
        self, bank: str, config: FingerprintConfig
    ) -> list[tuple[BankEntry, Fingerprints | None]]:
        """The bank's entries that were not received, with their fingerprints, oldest first.

        What was received is not passed on: it is the sender's to share (and keyed
        fingerprints hold no text to fingerprint again).
        """
        received = select(EXCHANGE_SIGNALS.c.entry_id)
        rows = self.session.execute(
            select(BANK_ENTRIES)
            .join(BANKS, BANKS.c.id == BANK_ENTRIES.c.bank_id)
            .where(BANKS.c.name == bank, BANK_ENTRIES.c.id.not_in(received))
            .order_by(BANK_ENTRIES.c.id)
        ).mappings()
        out: list[tuple[BankEntry, Fingerprints | None]] = []
        for r in rows:
            fps = None
            if r["fingerprints"] is not None and r["fingerprint_version"] == config.version:
                fps = Fingerprints.from_bytes(bytes(r["fingerprints"]))
            out.append((entry_of(r, bank), fps))
        return out

    def _query(self) -> Select[Any]:
        return (
            select(
                EXCHANGE_SIGNALS,
                BANKS.c.name.label("bank"),
                BANK_ENTRIES.c.name.label("entry"),
            )
            .join_from(EXCHANGE_SIGNALS, BANKS, BANKS.c.id == EXCHANGE_SIGNALS.c.bank_id)
            .join(BANK_ENTRIES, BANK_ENTRIES.c.id == EXCHANGE_SIGNALS.c.entry_id)
        )


def _received(r: RowMapping) -> Received:
    expires = r["expires_at"]
    return Received(
        bank=r["bank"],
        entry=r["entry"],
        entry_id=int(r["entry_id"]),
        signal_id=r["signal_id"],
        kind=r["kind"],
        version=int(r["version"]),
        platform=r["platform"],
        level=r["level"],
        shared_at=utc(r["shared_at"]),
        expires_at=None if expires is None else utc(expires),
    )
