"""Signals into a bank: idempotent, newer versions replace older, all or nothing.

``receive(session, bank, signals, ...)`` runs inside the caller's unit of work. Every signal
becomes one bank entry named by its id (``platform:bank/entry#kind``, so every match names the
platform it came from), with the signal's designations; a row in ``exchange_signals`` keeps its
version, sender, sharing level and expiry. Receiving the same signal again changes nothing; a
newer version removes the entry it replaces (an audited removal) and adds the new one; an older
one is ignored. Keyed fingerprints are accepted only when this installation holds their key:
without it they could never match, and an import that silently matched nothing would read as
protection that is not there.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from redline.curate.exchange.format import SignalKind, SignalLine
from redline.detect.banks.bank import Bank, BankEntry, EntryKind
from redline.detect.banks.keyed import KeyedFingerprints, exchange_key_id
from redline.errors import InputError
from redline.record.banks.received import ReceivedSignals
from redline.record.banks.repository import BankRepository
from redline.record.store import UnitOfWork

__all__ = ["Receipt", "receive"]

_KINDS = {
    SignalKind.SHA256: EntryKind.DOCUMENT,
    SignalKind.TEXT_SHA256: EntryKind.DOCUMENT,
    SignalKind.EXCERPT_FINGERPRINTS: EntryKind.DOCUMENT,
    SignalKind.PDQ: EntryKind.IMAGE,
    SignalKind.URL: EntryKind.URL,
    SignalKind.URL_PREFIX: EntryKind.URL_PREFIX,
    SignalKind.DOMAIN: EntryKind.DOMAIN,
}


@dataclass(frozen=True, slots=True)
class Receipt:
    """What one import did: signals added, replaced by a newer version, and left unchanged."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0

    def to_dict(self) -> dict[str, int]:
        """Counts for the CLI and the API."""
        return {"added": self.added, "replaced": self.replaced, "unchanged": self.unchanged}


def receive(
    session: UnitOfWork,
    bank: str,
    signals: Iterable[SignalLine],
    *,
    keys: Iterable[bytes],
    actor: str,
    now: datetime,
) -> Receipt:
    """Store ``signals`` in ``bank`` (created if missing, with no designations of its own)."""
    lines = list(signals)
    held = {exchange_key_id(k) for k in keys}
    for number, s in enumerate(lines, start=1):
        if s.kind is SignalKind.EXCERPT_FINGERPRINTS and s.key_id not in held:
            raise InputError(
                f"signal {number} ({s.id}) was keyed with exchange key {s.key_id}, which this"
                " installation does not hold: set REDLINE_EXCHANGE_KEY (docs/exchange.md)",
                field="key_id",
            )
    rows = BankRepository(session)
    found = rows.row(bank, missing_ok=True)
    if found is None:
        try:
            made = Bank(bank, source="exchange", created_by=actor)
        except ValueError as exc:
            raise InputError(str(exc), field="bank") from None
        rows.insert_bank(made, {}, now=now)
        found = rows.row(bank)
    assert found is not None
    bank_id = int(found["id"])
    ledger = ReceivedSignals(session)
    added = replaced = unchanged = 0
    for s in _newest(lines):
        before = ledger.find(bank_id, s.id)
        if before is not None and before.version >= s.version:
            unchanged += 1
            continue
        if before is not None:
            rows.remove_entry(bank, before.entry, actor=actor, now=now)
            replaced += 1
        else:
            added += 1
        entry, kfps = _entry(bank, s, actor, now)
        entry_id = rows.add_entry(bank_id, bank, entry, kfps, actor=actor, now=now)
        ledger.record(
            entry_id=entry_id,
            bank_id=bank_id,
            signal_id=s.id,
            kind=s.kind.value,
            version=s.version,
            platform=s.provenance.platform,
            level=s.level.value,
            shared_at=s.provenance.created_at,
            expires_at=s.expires_at,
            received_at=now,
        )
    return Receipt(added, replaced, unchanged)


def _newest(lines: list[SignalLine]) -> list[SignalLine]:
    """One signal per id, its highest version (a file may carry several), in file order."""
    best: dict[str, SignalLine] = {}
    for s in lines:
        if s.id not in best or s.version > best[s.id].version:
            best[s.id] = s
    return list(best.values())


def _entry(
    bank: str, s: SignalLine, actor: str, now: datetime
) -> tuple[BankEntry, KeyedFingerprints | None]:
    """The bank entry a signal becomes, and its keyed fingerprints if it carries them."""
    kind = _KINDS[s.kind]
    kfps = s.fingerprints() if s.kind is SignalKind.EXCERPT_FINGERPRINTS else None
    entry = BankEntry(
        bank=bank,
        name=s.id,
        kind=kind,
        designations=s.designations,
        sha256=s.value if s.kind is SignalKind.SHA256 else None,
        text_sha256=s.value if s.kind is SignalKind.TEXT_SHA256 else None,
        pdq=s.value if s.kind is SignalKind.PDQ else None,
        value=s.value if kind in (EntryKind.URL, EntryKind.URL_PREFIX, EntryKind.DOMAIN) else None,
        text_length=None,
        source=f"exchange:{s.provenance.platform}",
        added_by=actor,
        added_at=now,
        note=s.provenance.note,
    )
    return entry, kfps
