"""Banks repository: the one service layer the CLI and the HTTP API call for banks.

``Banks(session)`` works inside the caller's unit of work (``store.transaction()``) and never
commits. Every change appends an audit event in the same transaction, so a bank and its history
change together or not at all. The interface, for every entry point:

* ``create_bank(name, designations, ...)`` -> ``Bank``
* ``add_document(bank, data, filename, ...)`` -> ``BankEntry`` (documents and images, by content)
* ``add_files(bank, files, ...)`` -> entries; every file is read and hashed before the first row
  is written, so one unreadable, encrypted, oversize or zip-bomb file refuses the whole batch and
  the bank is unchanged (the caller's rollback covers any later failure)
* ``add_url(bank, url, ...)`` / ``add_domain(bank, domain, ...)`` -> link-rule entries
* ``add_expansion(short, target, ...)``: a known short-link expansion (no network, ever)
* ``list_banks()`` -> ``BankSummary`` rows; ``show_bank(name)`` -> ``BankView``
* ``remove_entry(bank, entry, ...)``
* ``snapshot()`` -> ``BankSnapshot`` for matching (``has_banks()`` says if there is anything)
* ``observe(keys, at)`` -> entries held by the flood guard; ``release(bank, entry, ...)``

Errors are Redline's: ``NotFound`` for an unknown bank or entry, ``Conflict`` for a name that is
taken, ``InputError``/``LimitExceeded`` for a file or value that cannot be banked. Audit payloads
name banks, entries, kinds and hashes, never the banked text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.engine import Connection, RowMapping

from redline.detect.banks.bank import Bank, BankEntry, EntryKind, ExcerptRule
from redline.detect.banks.entries import (
    Provenance,
    document_entry,
    entry_name,
    image_entry,
    is_image,
    link_entry,
)
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints
from redline.detect.banks.flood import FloodGuard
from redline.detect.banks.snapshot import BankSnapshot
from redline.detect.links.rules import KnownExpansions
from redline.errors import Conflict, InputError, LimitExceeded, NotFound
from redline.extract.documents import DocumentLimits
from redline.extract.links import url_key
from redline.record import audit
from redline.record.banks.background import BackgroundSamples
from redline.record.banks.flood import FloodLedger
from redline.record.banks.tables import (
    BANK_ENTRIES,
    BANK_HOLDS,
    BANK_MATCH_COUNTS,
    BANKS,
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

__all__ = [
    "BankFile",
    "BankSummary",
    "BankView",
    "Banks",
    "EntryView",
    "Hold",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BankFile:
    """One file handed in to bank: its bytes, its file name, and an optional entry name."""

    filename: str
    data: bytes
    name: str | None = None
    media_type: str | None = None


class Banks:
    """Banks, entries, short-link expansions and flood history, inside one unit of work."""

    def __init__(
        self,
        session: Connection,
        *,
        limits: DocumentLimits | None = None,
        config: FingerprintConfig | None = None,
        guard: FloodGuard | None = None,
    ) -> None:
        self.session = session
        self.limits = limits or DocumentLimits()
        self.config = config or FingerprintConfig()
        self.flood = FloodLedger(session, guard)

    # -- banks ------------------------------------------------------------------------------

    def create_bank(
        self,
        name: str,
        designations: Sequence[str],
        *,
        source: str | None = None,
        note: str = "",
        added_by: str | None = None,
        distance: int = 31,
        text_distance: float | None = None,
        negative: bool = False,
        now: datetime | None = None,
    ) -> Bank:
        """Create a bank; ``Conflict`` if the name is taken, ``InputError`` for bad settings."""
        now = now or datetime.now(UTC)
        if not designations and not negative:
            raise InputError("a bank needs at least one designation", field="designation")
        try:
            rule = (
                ExcerptRule() if text_distance is None else ExcerptRule(max_distance=text_distance)
            )
            bank = Bank(
                name=name,
                designations=tuple(dict.fromkeys(designations)),
                negative=negative,
                excerpt=rule,
                pdq_threshold=distance,
                description=note,
                created_by=added_by,
                created_at=now,
                source=source,
            )
        except ValueError as error:
            raise InputError(str(error), field="bank") from None
        if self._bank_row(name, missing_ok=True) is not None:
            raise Conflict(f"bank {name!r} already exists")
        self.session.execute(
            BANKS.insert(),
            {
                "name": bank.name,
                "designations": list(bank.designations),
                "negative": bank.negative,
                "pdq_threshold": bank.pdq_threshold,
                # only what the operator chose: later default improvements reach old banks too
                "excerpt": {} if text_distance is None else {"max_distance": text_distance},
                "source": source,
                "added_by": added_by,
                "added_at": now,
                "note": note,
            },
        )
        self._audit("bank.created", f"bank:{name}", bank_dict(bank), added_by, now)
        return bank

    def _bank_row(self, name: str, *, missing_ok: bool = False) -> RowMapping | None:
        row = self.session.execute(select(BANKS).where(BANKS.c.name == name)).mappings().first()
        if row is None and not missing_ok:
            raise NotFound("bank", field="bank")
        return row

    def bank(self, name: str) -> Bank:
        """One bank by name; ``NotFound`` if there is none."""
        row = self._bank_row(name)
        assert row is not None
        return bank_of(row)

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
        row = self._bank_row(name)
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

    def add_document(
        self,
        bank: str,
        data: bytes,
        filename: str,
        *,
        name: str | None = None,
        media_type: str | None = None,
        added_by: str | None = None,
        source: str | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> BankEntry:
        """Bank one file (text, PDF, DOCX, HTML, or an image by its bytes); see ``add_files``."""
        files = [BankFile(filename, data, name, media_type)]
        return self.add_files(bank, files, added_by=added_by, source=source, note=note, now=now)[0]

    def add_files(
        self,
        bank: str,
        files: Sequence[BankFile],
        *,
        added_by: str | None = None,
        source: str | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> list[BankEntry]:
        """Bank several files, all or nothing.

        Each file is read, checked against the limits and hashed before anything is written; the
        first that fails raises (naming the file) and nothing is added. Entry names default to the
        file name without its extension and must be new in the bank and in the batch.
        """
        now = now or datetime.now(UTC)
        row = self._bank_row(bank)
        assert row is not None
        target = bank_of(row)
        if not files:
            raise InputError("no files to add", field="FILE")
        made: list[tuple[BankEntry, Fingerprints | None]] = []
        for f in files:
            provenance = Provenance(source=source or f.filename, added_by=added_by, added_at=now,
                                    note=note)  # fmt: skip
            try:
                made.append(self._read(target, f, provenance))
            except InputError as error:
                error.args = (f"{f.filename}: {error}",)
                raise
        self._check_names(row["id"], bank, [e.name for e, _ in made])
        for entry, fps in made:
            self._insert(row["id"], entry, fps)
        self._audit(
            "bank.entries_added",
            f"bank:{bank}",
            {"entries": [self._entry_audit(e) for e, _ in made]},
            added_by,
            now,
        )
        return [e for e, _ in made]

    def _read(
        self, bank: Bank, f: BankFile, provenance: Provenance
    ) -> tuple[BankEntry, Fingerprints | None]:
        name = f.name or entry_name(f.filename)
        if len(f.data) > self.limits.max_bytes:
            raise LimitExceeded(
                f"file has {len(f.data)} bytes, over the limit of {self.limits.max_bytes}"
                " (max_bytes)",
                field="file",
                limit=self.limits.max_bytes,
            )
        if not f.data:
            raise InputError("file is empty", field="file")
        if is_image(f.data):
            return image_entry(bank, name, f.data, provenance), None
        entry, fps = document_entry(
            bank,
            name,
            f.data,
            provenance,
            media_type=f.media_type,
            filename=f.filename,
            limits=self.limits,
            config=self.config,
        )
        return entry, fps

    def add_url(
        self,
        bank: str,
        url: str,
        *,
        name: str | None = None,
        prefix: bool = False,
        added_by: str | None = None,
        source: str | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> BankEntry:
        """Bank a URL rule (the exact page, or with ``prefix`` everything under it)."""
        kind = EntryKind.URL_PREFIX if prefix else EntryKind.URL
        return self._add_link(bank, kind, url, name, added_by, source, note, now)

    def add_domain(
        self,
        bank: str,
        domain: str,
        *,
        name: str | None = None,
        added_by: str | None = None,
        source: str | None = None,
        note: str = "",
        now: datetime | None = None,
    ) -> BankEntry:
        """Bank a domain rule: the domain and all its subdomains."""
        return self._add_link(bank, EntryKind.DOMAIN, domain, name, added_by, source, note, now)

    def _add_link(
        self,
        bank: str,
        kind: EntryKind,
        value: str,
        name: str | None,
        added_by: str | None,
        source: str | None,
        note: str,
        now: datetime | None,
    ) -> BankEntry:
        now = now or datetime.now(UTC)
        row = self._bank_row(bank)
        assert row is not None
        provenance = Provenance(source=source, added_by=added_by, added_at=now, note=note)
        entry = link_entry(bank_of(row), name or "pending", kind, value, provenance)
        if name is None:
            entry = BankEntry(**{**_fields(entry), "name": entry.value or value})
        self._check_names(row["id"], bank, [entry.name])
        self._insert(row["id"], entry, None)
        self._audit(
            "bank.entries_added",
            f"bank:{bank}",
            {"entries": [self._entry_audit(entry)]},
            added_by,
            now,
        )
        return entry

    def _check_names(self, bank_id: int, bank: str, names: list[str]) -> None:
        for n in names:
            if not n or len(n) > 200:
                raise InputError("entry name must be 1-200 characters", field="name")
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise Conflict(
                f"entry names repeat in this batch: {dupes}; give each entry its own name"
            )
        taken = self.session.execute(
            select(BANK_ENTRIES.c.name).where(
                BANK_ENTRIES.c.bank_id == bank_id, BANK_ENTRIES.c.name.in_(names)
            )
        ).scalars()
        clash = sorted(taken)
        if clash:
            raise Conflict(f"bank {bank!r} already has entries named {clash}")

    def _insert(self, bank_id: int, entry: BankEntry, fps: Fingerprints | None) -> None:
        self.session.execute(
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
                "fingerprint_version": fps.config.version if fps else None,
                "fingerprints": fps.to_bytes() if fps else None,
                "source": entry.source,
                "added_by": entry.added_by,
                "added_at": entry.added_at,
                "note": entry.note,
            },
        )

    @staticmethod
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

    def _entry_id(self, bank: str, entry: str) -> int:
        row = self._bank_row(bank)
        assert row is not None
        entry_id = self.session.execute(
            select(BANK_ENTRIES.c.id).where(
                BANK_ENTRIES.c.bank_id == row["id"], BANK_ENTRIES.c.name == entry
            )
        ).scalar()
        if entry_id is None:
            raise NotFound("bank entry", field="entry")
        return int(entry_id)

    def remove_entry(
        self, bank: str, entry: str, *, actor: str | None = None, now: datetime | None = None
    ) -> None:
        """Remove one entry with its flood history; the audit log keeps what it was."""
        now = now or datetime.now(UTC)
        entry_id = self._entry_id(bank, entry)
        row = self.session.execute(select(BANK_ENTRIES).where(BANK_ENTRIES.c.id == entry_id))
        removed = entry_of(row.mappings().one(), bank)
        self.session.execute(delete(BANK_HOLDS).where(BANK_HOLDS.c.entry_id == entry_id))
        self.session.execute(
            delete(BANK_MATCH_COUNTS).where(BANK_MATCH_COUNTS.c.entry_id == entry_id)
        )
        self.session.execute(delete(BANK_ENTRIES).where(BANK_ENTRIES.c.id == entry_id))
        self._audit(
            "bank.entry_removed", f"bank:{bank}/{entry}", self._entry_audit(removed), actor, now
        )

    # -- short links ------------------------------------------------------------------------

    def add_expansion(
        self, short: str, target: str, *, added_by: str | None = None, now: datetime | None = None
    ) -> None:
        """Record that the short link ``short`` leads to ``target`` (replacing an older answer)."""
        now = now or datetime.now(UTC)
        try:
            key, dest = url_key(short), url_key(target)
        except ValueError as error:
            raise InputError(f"not a valid link: {error}", field="url") from None
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

    def snapshot(self) -> BankSnapshot:
        """Every bank and entry, indexed for matching, rebuilt from stored fingerprints.

        Documents fingerprinted under another configuration are skipped with a warning (their
        files must be added again); exact hashes still match them.
        """
        banks = {r["id"]: bank_of(r) for r in self.session.execute(select(BANKS)).mappings()}
        rows = self.session.execute(select(BANK_ENTRIES).order_by(BANK_ENTRIES.c.id)).mappings()
        items: list[tuple[BankEntry, Fingerprints | None]] = []
        for r in rows:
            entry = entry_of(r, banks[r["bank_id"]].name)
            fps = None
            if r["fingerprints"] is not None:
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
        background = BackgroundSamples(self.session, self.config).model()
        if background is not None:
            snap.use_background(background)
        return snap

    # -- flood guard (see ``bank_flood``) ----------------------------------------------------

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


def _fields(entry: BankEntry) -> dict[str, Any]:
    return {f: getattr(entry, f) for f in BankEntry.__dataclass_fields__}
