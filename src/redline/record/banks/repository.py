"""Banks repository: the rows of banks, entries and short-link expansions, and their audit events.

``BankRepository(session)`` works inside the caller's unit of work (``store.transaction()``) and
never commits. It reads and writes rows and appends each change's audit event in the same
transaction, so a bank and its history change together or not at all. What may be banked, and
how a file becomes an entry, is the service's (``redline.curate.banks``); this module only
stores what it is handed. Audit payloads name banks, entries, kinds and hashes, never the banked
text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection, RowMapping

from redline.detect.banks.bank import Bank, BankEntry
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints
from redline.detect.banks.flood import FloodGuard
from redline.detect.banks.keyed import KEYED_VERSION, KeyedFingerprints
from redline.detect.banks.snapshot import BankSnapshot
from redline.detect.links.rules import KnownExpansions
from redline.errors import NotFound
from redline.record import audit
from redline.record.banks.background import BackgroundSamples
from redline.record.banks.flood import FloodLedger
from redline.record.banks.tables import (
    BANK_ENTRIES,
    BANK_HOLDS,
    BANK_MATCH_COUNTS,
    BANKS,
    EXCHANGE_SIGNALS,
    LINK_EXPANSIONS,
)
from redline.record.banks.views import (
    BankSummary,
    BankView,
    EntryView,
    Hold,
    bank_dict,
    bank_of,
    entry_of,
)

__all__ = ["BankRepository"]

log = logging.getLogger(__name__)


class BankRepository:
    """Banks, entries, short-link expansions and flood history, inside one unit of work."""

    def __init__(
        self,
        session: Connection,
        *,
        config: FingerprintConfig | None = None,
        guard: FloodGuard | None = None,
    ) -> None:
        self.session = session
        self.config = config or FingerprintConfig()
        self.flood = FloodLedger(session, guard)

    # -- banks ------------------------------------------------------------------------------

    def row(self, name: str, *, missing_ok: bool = False) -> RowMapping | None:
        """The bank's row by name; ``NotFound`` if there is none (unless ``missing_ok``)."""
        found = self.session.execute(select(BANKS).where(BANKS.c.name == name)).mappings().first()
        if found is None and not missing_ok:
            raise NotFound("bank", field="bank")
        return found

    def insert_bank(self, bank: Bank, excerpt: dict[str, Any], *, now: datetime) -> None:
        """Store a new bank (``excerpt``: only the settings the operator chose) and audit it."""
        self.session.execute(
            BANKS.insert(),
            {
                "name": bank.name,
                "designations": list(bank.designations),
                "negative": bank.negative,
                "pdq_threshold": bank.pdq_threshold,
                "excerpt": excerpt,
                "source": bank.source,
                "added_by": bank.created_by,
                "added_at": now,
                "note": bank.description,
            },
        )
        self._audit("bank.created", f"bank:{bank.name}", bank_dict(bank), bank.created_by, now)

    def has_banks(self) -> bool:
        """Whether any bank exists (lets callers skip building an empty snapshot)."""
        return self.session.execute(select(BANKS.c.id).limit(1)).first() is not None

    def list_banks(self) -> list[BankSummary]:
        """Every bank, by name, with entry counts per kind."""
        counts: dict[int, dict[str, int]] = {}
        query = select(BANK_ENTRIES.c.bank_id, BANK_ENTRIES.c.kind, func.count()).group_by(
            BANK_ENTRIES.c.bank_id, BANK_ENTRIES.c.kind
        )
        for bank_id, kind, n in self.session.execute(query):
            counts.setdefault(bank_id, {})[kind] = int(n)
        rows = self.session.execute(select(BANKS).order_by(BANKS.c.name)).mappings().all()
        return [
            BankSummary(bank_of(r), sum(counts.get(r["id"], {}).values()), counts.get(r["id"], {}))
            for r in rows
        ]

    def show_bank(self, name: str) -> BankView:
        """One bank and its entries (with any flood-guard hold), in the order they were added."""
        row = self.row(name)
        assert row is not None
        holds = dict(
            self.session.execute(
                select(BANK_HOLDS.c.entry_id, BANK_HOLDS.c.reason)
                .join(BANK_ENTRIES, BANK_ENTRIES.c.id == BANK_HOLDS.c.entry_id)
                .where(BANK_ENTRIES.c.bank_id == row["id"], BANK_HOLDS.c.released_at.is_(None))
            ).all()
        )
        entries = (
            self.session.execute(
                select(BANK_ENTRIES)
                .where(BANK_ENTRIES.c.bank_id == row["id"])
                .order_by(BANK_ENTRIES.c.id)
            )
            .mappings()
            .all()
        )
        return BankView(
            bank_of(row), [EntryView(entry_of(e, name), holds.get(e["id"])) for e in entries]
        )

    # -- entries ----------------------------------------------------------------------------

    def taken(self, bank_id: int, names: list[str]) -> list[str]:
        """Which of ``names`` the bank already has, sorted."""
        found = self.session.execute(
            select(BANK_ENTRIES.c.name).where(
                BANK_ENTRIES.c.bank_id == bank_id, BANK_ENTRIES.c.name.in_(names)
            )
        ).scalars()
        return sorted(found)

    def add_entries(
        self,
        bank_id: int,
        bank: str,
        made: Sequence[tuple[BankEntry, Fingerprints | KeyedFingerprints | None]],
        *,
        actor: str | None,
        now: datetime,
    ) -> None:
        """Store entries (with their fingerprints) in one bank, with one audit event."""
        for entry, fps in made:
            self._insert(bank_id, entry, fps)
        entries = [_entry_audit(e) for e, _ in made]
        self._audit("bank.entries_added", f"bank:{bank}", {"entries": entries}, actor, now)

    def add_entry(
        self,
        bank_id: int,
        bank: str,
        entry: BankEntry,
        fps: Fingerprints | KeyedFingerprints | None,
        *,
        actor: str | None,
        now: datetime,
    ) -> int:
        """Store one entry with its audit event; returns its row id (an exchange links to it)."""
        entry_id = self._insert(bank_id, entry, fps)
        self._audit(
            "bank.entries_added", f"bank:{bank}", {"entries": [_entry_audit(entry)]}, actor, now
        )
        return entry_id

    def _insert(
        self, bank_id: int, entry: BankEntry, fps: Fingerprints | KeyedFingerprints | None
    ) -> int:
        if isinstance(fps, KeyedFingerprints):
            version: str | None = fps.version
        else:
            version = fps.config.version if fps else None
        result = self.session.execute(
            BANK_ENTRIES.insert(),
            {
                "bank_id": bank_id,
                "name": entry.name,
                "kind": entry.kind.value,
                "designations": list(entry.designations),
                "sha256": entry.sha256,
                "text_sha256": entry.text_sha256,
                "pdq": entry.pdq,
                "pdq_quality": entry.pdq_quality,
                "value": entry.value,
                "media_type": entry.media_type,
                "size": entry.size,
                "text_length": entry.text_length,
                "fingerprint_version": version,
                "fingerprints": fps.to_bytes() if fps else None,
                "source": entry.source,
                "added_by": entry.added_by,
                "added_at": entry.added_at,
                "note": entry.note,
            },
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])

    def _entry_id(self, bank: str, entry: str) -> int:
        row = self.row(bank)
        assert row is not None
        entry_id = self.session.execute(
            select(BANK_ENTRIES.c.id).where(
                BANK_ENTRIES.c.bank_id == row["id"], BANK_ENTRIES.c.name == entry
            )
        ).scalar()
        if entry_id is None:
            raise NotFound("bank entry", field="entry")
        return int(entry_id)

    def remove_entry(self, bank: str, entry: str, *, actor: str | None, now: datetime) -> None:
        """Remove one entry with its flood history; the audit log keeps what it was."""
        entry_id = self._entry_id(bank, entry)
        row = self.session.execute(select(BANK_ENTRIES).where(BANK_ENTRIES.c.id == entry_id))
        removed = entry_of(row.mappings().one(), bank)
        self.session.execute(delete(BANK_HOLDS).where(BANK_HOLDS.c.entry_id == entry_id))
        self.session.execute(
            delete(EXCHANGE_SIGNALS).where(EXCHANGE_SIGNALS.c.entry_id == entry_id)
        )
        self.session.execute(
            delete(BANK_MATCH_COUNTS).where(BANK_MATCH_COUNTS.c.entry_id == entry_id)
        )
        self.session.execute(delete(BANK_ENTRIES).where(BANK_ENTRIES.c.id == entry_id))
        self._audit("bank.entry_removed", f"bank:{bank}/{entry}", _entry_audit(removed), actor, now)

    # -- short links ------------------------------------------------------------------------

    def put_expansion(
        self, key: str, target: str, dest: str, *, added_by: str | None, now: datetime
    ) -> None:
        """Store that the short link ``key`` leads to ``target`` (replacing an older answer)."""
        self.session.execute(delete(LINK_EXPANSIONS).where(LINK_EXPANSIONS.c.short == key))
        self.session.execute(
            LINK_EXPANSIONS.insert(),
            {"short": key, "target": target, "added_by": added_by, "added_at": now},
        )
        self._audit(
            "bank.expansion_added", f"link:{key}", {"short": key, "target": dest}, added_by, now
        )

    def expansions(self) -> KnownExpansions:
        """Every known short-link expansion."""
        rows = self.session.execute(select(LINK_EXPANSIONS.c.short, LINK_EXPANSIONS.c.target))
        return KnownExpansions({short: target for short, target in rows.all()})

    # -- matching ---------------------------------------------------------------------------

    def snapshot(
        self, *, exchange_keys: Iterable[bytes] = (), now: datetime | None = None
    ) -> BankSnapshot:
        """Every bank and entry, indexed for matching, rebuilt from stored fingerprints.

        Documents fingerprinted under another configuration are skipped with a warning (their
        files must be added again); exact hashes still match them. Entries received through an
        exchange whose expiry is at or before ``now`` are left out; their keyed fingerprints
        match with the ``exchange_keys`` they were made with (``detect.banks.keyed``).
        """
        banks = {r["id"]: bank_of(r) for r in self.session.execute(select(BANKS)).mappings()}
        expired: set[int] = set()
        if now is not None:
            expired = set(
                self.session.execute(
                    select(EXCHANGE_SIGNALS.c.entry_id).where(EXCHANGE_SIGNALS.c.expires_at <= now)
                ).scalars()
            )
        rows = self.session.execute(select(BANK_ENTRIES).order_by(BANK_ENTRIES.c.id)).mappings()
        items: list[tuple[BankEntry, Fingerprints | None]] = []
        keyed: list[tuple[BankEntry, KeyedFingerprints]] = []
        for r in rows:
            if r["id"] in expired:
                continue
            entry = entry_of(r, banks[r["bank_id"]].name)
            fps = None
            version = r["fingerprint_version"] or ""
            if r["fingerprints"] is not None and version.startswith(KEYED_VERSION):
                kfps = KeyedFingerprints.from_bytes(bytes(r["fingerprints"]))
                if kfps.config == self.config:
                    keyed.append((entry, kfps))
                else:
                    log.warning("bank %s entry %s: keyed fingerprints %s do not fit %s",
                                entry.bank, entry.name, version, self.config.version)  # fmt: skip
            elif r["fingerprints"] is not None:
                if r["fingerprint_version"] == self.config.version:
                    fps = Fingerprints.from_bytes(bytes(r["fingerprints"]))
                else:
                    log.warning(
                        "bank %s entry %s has %s fingerprints, not %s: add it again to match"
                        " excerpts",
                        entry.bank,
                        entry.name,
                        r["fingerprint_version"],
                        self.config.version,
                    )
            items.append((entry, fps))
        snap = BankSnapshot.build(
            banks.values(), items, config=self.config, expansions=self.expansions()
        )
        snap.use_exchange_keys(exchange_keys)
        for entry, kfps in keyed:
            snap.add_keyed(entry, kfps)
        background = BackgroundSamples(self.session, self.config).model()
        if background is not None:
            snap.use_background(background)
        return snap

    # -- flood guard (see ``flood``) --------------------------------------------------------

    def held(self) -> dict[tuple[str, str], str]:
        """(bank, entry) -> reason, for every entry the flood guard holds now."""
        return self.flood.held()

    def observe(self, keys: Iterable[tuple[str, str]], at: datetime) -> list[Hold]:
        """Count a match for each (bank, entry) at ``at``; the entries now held, with reasons."""
        return self.flood.observe(keys, at)

    def release(self, bank: str, entry: str, *, actor: str, now: datetime | None = None) -> None:
        """A person releases a held entry: its matches act again."""
        self.flood.release(bank, entry, actor=actor, now=now)

    # -- audit ------------------------------------------------------------------------------

    def _audit(
        self, kind: str, subject: str, payload: dict[str, Any], actor: str | None, at: datetime
    ) -> None:
        audit.append(
            self.session, [audit.Event(kind, subject, payload)], actor=actor or "unknown", at=at
        )


def _entry_audit(entry: BankEntry) -> dict[str, Any]:
    out = {
        "name": entry.name,
        "kind": entry.kind.value,
        "sha256": entry.sha256,
        "text_sha256": entry.text_sha256,
        "pdq": entry.pdq,
        "value": entry.value,
    }
    return {k: v for k, v in out.items() if v is not None}
