"""A bank's entries as exchange signals: hashes, links, and documents as keyed fingerprints.

Each entry becomes one signal per thing a receiver can match: a document its SHA-256, its text's
SHA-256 and (with an exchange key) its excerpt fingerprints; an image its PDQ hash and SHA-256;
a link rule its canonical value. A signal's id is ``platform:bank/entry#kind`` and its version
the entry's time of adding in microseconds, so a document removed and banked again reaches
receivers as a newer version of the same signal.

The fingerprints are keyed with HMAC under the exchange key and carry, per fingerprint, whether
it is evidence specific to the document: the sender computes that with the text, the bank's
other documents and its background model in hand, which the receiver has none of. Entries this
bank received from others are not passed on.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime

from redline.curate.exchange.format import Level, SignalKind, SignalLine
from redline.detect.banks.bank import Bank, BankEntry, EntryKind
from redline.detect.banks.document_index import DocumentIndex
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints
from redline.detect.banks.keyed import exchange_key_id, key_fingerprints
from redline.record.banks.background import BackgroundSamples
from redline.record.banks.received import ReceivedSignals
from redline.record.banks.repository import BankRepository
from redline.record.banks.views import bank_of
from redline.record.store import UnitOfWork

__all__ = ["export_bank"]

_LINKS = {
    EntryKind.URL: SignalKind.URL,
    EntryKind.URL_PREFIX: SignalKind.URL_PREFIX,
    EntryKind.DOMAIN: SignalKind.DOMAIN,
}


def export_bank(
    session: UnitOfWork,
    bank: str,
    *,
    platform: str,
    level: Level,
    now: datetime,
    key: bytes | None = None,
    expires_at: datetime | None = None,
    config: FingerprintConfig | None = None,
) -> list[SignalLine]:
    """Every signal of ``bank`` at sharing ``level``; documents fingerprinted only with a key."""
    config = config or FingerprintConfig()
    rows = BankRepository(session, config=config)
    found = rows.row(bank)
    assert found is not None
    the_bank = bank_of(found)
    items = ReceivedSignals(session).own_entries(bank, config)
    keyed = _keyed(session, the_bank, items, key, config) if key is not None else {}
    out: list[SignalLine] = []
    for entry, _ in items:
        for kind, value in _values(entry):
            out.append(_line(the_bank, entry, platform, kind, value, level, now, expires_at))
        if entry.name in keyed:
            value, key_id = keyed[entry.name], exchange_key_id(key or b"")
            kind = SignalKind.EXCERPT_FINGERPRINTS
            out.append(
                _line(the_bank, entry, platform, kind, value, level, now, expires_at, key_id)
            )
    return out


def _values(entry: BankEntry) -> Iterator[tuple[SignalKind, str]]:
    """The plain (unkeyed) values a receiver matches this entry by."""
    if entry.kind in _LINKS and entry.value:
        yield _LINKS[entry.kind], entry.value
        return
    if entry.pdq:
        yield SignalKind.PDQ, entry.pdq
    if entry.sha256:
        yield SignalKind.SHA256, entry.sha256
    if entry.text_sha256:
        yield SignalKind.TEXT_SHA256, entry.text_sha256


def _keyed(
    session: UnitOfWork,
    bank: Bank,
    items: list[tuple[BankEntry, Fingerprints | None]],
    key: bytes,
    config: FingerprintConfig,
) -> dict[str, str]:
    """Entry name -> keyed fingerprints (exchange text form) for every fingerprinted document.

    The specificity flags come from an index of this bank's own documents and the background
    model, as the bank itself would score a match.
    """
    docs = [(e, f) for e, f in items if e.kind is EntryKind.DOCUMENT and f is not None]
    if not docs:
        return {}
    index = DocumentIndex.build(docs, bank.excerpt, config)
    index.background = BackgroundSamples(session, config).model()
    out: dict[str, str] = {}
    for gid, (entry, fps) in enumerate(docs):
        assert fps is not None
        out[entry.name] = key_fingerprints(fps, key, index.profile_at(gid)).to_text()
    return out


def _line(
    bank: Bank,
    entry: BankEntry,
    platform: str,
    kind: SignalKind,
    value: str,
    level: Level,
    now: datetime,
    expires_at: datetime | None,
    key_id: str | None = None,
) -> SignalLine:
    added = entry.added_at or now
    name = re.sub(r"[^A-Za-z0-9_.:/@#-]", "-", f"{platform}:{bank.name}/{entry.name}")
    return SignalLine.model_validate(
        {
            "id": f"{name[: 199 - len(kind.value)]}#{kind.value}",
            "kind": kind,
            "value": value,
            "key_id": key_id,
            "designations": entry.designations or bank.designations or ("banked_material",),
            "provenance": {"platform": platform, "created_at": added, "note": entry.note[:2000]},
            "level": level,
            "expires_at": expires_at,
            "version": max(1, int(added.timestamp() * 1_000_000)),
        }
    )
