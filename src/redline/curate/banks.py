"""Banks service: what may be banked and how, the one layer the CLI and the HTTP API call.

``Banks(session)`` works inside the caller's unit of work (``store.transaction()``) and never
commits; the rows and their audit events are the repository's (``record.banks.repository``), as
cases and appeals keep their service in ``redline.review`` over ``record.review``. The interface,
for every entry point:

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
* ``observe(keys, at)`` -> entries held by the flood guard; ``held()``; ``release(bank, entry)``

Errors are Redline's: ``NotFound`` for an unknown bank or entry, ``Conflict`` for a name that is
taken, ``InputError``/``LimitExceeded`` for a file or value that cannot be banked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

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
from redline.errors import Conflict, InputError, LimitExceeded
from redline.extract.documents import DocumentLimits
from redline.extract.links import url_key
from redline.record.banks.repository import BankRepository
from redline.record.banks.views import BankSummary, BankView, Hold, bank_of
from redline.record.store import UnitOfWork

__all__ = ["BankFile", "Banks"]


@dataclass(frozen=True, slots=True)
class BankFile:
    """One file handed in to bank: its bytes, its file name, and an optional entry name."""

    filename: str
    data: bytes
    name: str | None = None
    media_type: str | None = None


class Banks:
    """Banks, entries, short-link expansions and flood holds, inside one unit of work."""

    def __init__(
        self,
        session: UnitOfWork,
        *,
        limits: DocumentLimits | None = None,
        config: FingerprintConfig | None = None,
        guard: FloodGuard | None = None,
    ) -> None:
        self.limits = limits or DocumentLimits()
        self.config = config or FingerprintConfig()
        self.rows = BankRepository(session, config=self.config, guard=guard)

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
        if self.rows.row(name, missing_ok=True) is not None:
            raise Conflict(f"bank {name!r} already exists")
        # only what the operator chose is stored: later default improvements reach old banks too
        excerpt = {} if text_distance is None else {"max_distance": text_distance}
        self.rows.insert_bank(bank, excerpt, now=now)
        return bank

    def bank(self, name: str) -> Bank:
        """One bank by name; ``NotFound`` if there is none."""
        row = self.rows.row(name)
        assert row is not None
        return bank_of(row)

    def has_banks(self) -> bool:
        """Whether any bank exists."""
        return self.rows.has_banks()

    def list_banks(self) -> list[BankSummary]:
        """Every bank, by name, with entry counts per kind."""
        return self.rows.list_banks()

    def show_bank(self, name: str) -> BankView:
        """One bank and its entries (with any flood-guard hold), in the order they were added."""
        return self.rows.show_bank(name)

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
        row = self.rows.row(bank)
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
        self.rows.add_entries(row["id"], bank, made, actor=added_by, now=now)
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
        row = self.rows.row(bank)
        assert row is not None
        provenance = Provenance(source=source, added_by=added_by, added_at=now, note=note)
        entry = link_entry(bank_of(row), name or "pending", kind, value, provenance)
        if name is None:
            entry = replace(entry, name=entry.value or value)
        self._check_names(row["id"], bank, [entry.name])
        self.rows.add_entries(row["id"], bank, [(entry, None)], actor=added_by, now=now)
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
        clash = self.rows.taken(bank_id, names)
        if clash:
            raise Conflict(f"bank {bank!r} already has entries named {clash}")

    def remove_entry(
        self, bank: str, entry: str, *, actor: str | None = None, now: datetime | None = None
    ) -> None:
        """Remove one entry with its flood history; the audit log keeps what it was."""
        self.rows.remove_entry(bank, entry, actor=actor, now=now or datetime.now(UTC))

    # -- short links ------------------------------------------------------------------------

    def add_expansion(
        self, short: str, target: str, *, added_by: str | None = None, now: datetime | None = None
    ) -> None:
        """Record that the short link ``short`` leads to ``target`` (replacing an older answer)."""
        try:
            key, dest = url_key(short), url_key(target)
        except ValueError as error:
            raise InputError(f"not a valid link: {error}", field="url") from None
        self.rows.put_expansion(key, target, dest, added_by=added_by, now=now or datetime.now(UTC))

    # -- matching and the flood guard --------------------------------------------------------

    def snapshot(self) -> BankSnapshot:
        """Every bank and entry, indexed for matching (``BankRepository.snapshot``)."""
        return self.rows.snapshot()

    def held(self) -> dict[tuple[str, str], str]:
        """(bank, entry) -> reason, for every entry the flood guard holds now."""
        return self.rows.held()

    def observe(self, keys: Iterable[tuple[str, str]], at: datetime) -> list[Hold]:
        """Count a match for each (bank, entry) at ``at``; the entries now held, with reasons."""
        return self.rows.observe(keys, at)

    def release(self, bank: str, entry: str, *, actor: str, now: datetime | None = None) -> None:
        """A person releases a held entry: its matches act again."""
        self.rows.release(bank, entry, actor=actor, now=now)
