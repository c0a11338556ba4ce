"""Make bank entries from what an operator hands in: a file, a text, an image, a URL or a domain.

Each function reads and hashes everything first and returns a complete entry (and, for documents,
its fingerprints), or raises: a file that cannot be read yields no entry at all, so a caller that
writes only what these functions return keeps "add" all-or-nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePath

from redline.detect.banks.bank import Bank, BankEntry, EntryKind
from redline.detect.banks.exact import sha256_hex, text_sha256
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints, fingerprint
from redline.detect.banks.pdq import pdq_hash
from redline.detect.links.rules import rule_value
from redline.errors import InputError
from redline.extract.documents import DocumentLimits, extract_document

__all__ = [
    "Provenance",
    "document_entry",
    "entry_name",
    "image_entry",
    "link_entry",
    "text_entry",
]

_IMAGE_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"BM")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an entry came from, who added it, when, and a free note."""

    source: str | None = None
    added_by: str | None = None
    added_at: datetime | None = None
    note: str = ""


def entry_name(filename: str) -> str:
    """The default entry name for a file: its name without directory or extension."""
    return PurePath(filename).stem or PurePath(filename).name


def is_image(data: bytes) -> bool:
    """Whether ``data`` starts like an image format Pillow reads."""
    return data.startswith(_IMAGE_MAGIC)


def text_entry(
    bank: Bank,
    name: str,
    text: str,
    provenance: Provenance | None = None,
    *,
    config: FingerprintConfig | None = None,
    designations: tuple[str, ...] = (),
) -> tuple[BankEntry, Fingerprints]:
    """A document entry from text already extracted."""
    p = provenance or Provenance()
    entry = BankEntry(
        bank=bank.name,
        name=name,
        kind=EntryKind.DOCUMENT,
        designations=designations,
        text_sha256=text_sha256(text),
        media_type="text/plain",
        text_length=len(text),
        source=p.source,
        added_by=p.added_by,
        added_at=p.added_at,
        note=p.note,
    )
    return entry, fingerprint(text, config or FingerprintConfig())


def document_entry(
    bank: Bank,
    name: str,
    data: bytes,
    provenance: Provenance | None = None,
    *,
    media_type: str | None = None,
    filename: str | None = None,
    limits: DocumentLimits | None = None,
    config: FingerprintConfig | None = None,
    designations: tuple[str, ...] = (),
) -> tuple[BankEntry, Fingerprints]:
    """A document entry from file bytes (text, PDF, DOCX, HTML); raises InputError if unreadable."""
    doc = extract_document(data, media_type, filename=filename, limits=limits)
    if not doc.text.strip():
        raise InputError("document has no extractable text; bank it as an image", field="file")
    p = provenance or Provenance(source=filename)
    entry = BankEntry(
        bank=bank.name,
        name=name,
        kind=EntryKind.DOCUMENT,
        designations=designations,
        sha256=sha256_hex(data),
        text_sha256=text_sha256(doc.text),
        media_type=doc.media_type,
        size=len(data),
        text_length=len(doc.text),
        source=p.source or filename,
        added_by=p.added_by,
        added_at=p.added_at,
        note=p.note,
    )
    return entry, fingerprint(doc.text, config or FingerprintConfig())


def image_entry(
    bank: Bank,
    name: str,
    data: bytes,
    provenance: Provenance | None = None,
    *,
    designations: tuple[str, ...] = (),
    min_quality: int = 50,
) -> BankEntry:
    """An image entry with its SHA-256 and PDQ hash; low-quality hashes are refused."""
    h = pdq_hash(data)
    if h.quality < min_quality:
        raise InputError(
            f"image PDQ quality {h.quality} is under {min_quality}: too flat to match reliably",
            field="file",
        )
    p = provenance or Provenance()
    return BankEntry(
        bank=bank.name,
        name=name,
        kind=EntryKind.IMAGE,
        designations=designations,
        sha256=sha256_hex(data),
        pdq=h.hex,
        pdq_quality=h.quality,
        size=len(data),
        source=p.source,
        added_by=p.added_by,
        added_at=p.added_at,
        note=p.note,
    )


def link_entry(
    bank: Bank,
    name: str,
    kind: EntryKind,
    value: str,
    provenance: Provenance | None = None,
    *,
    designations: tuple[str, ...] = (),
) -> BankEntry:
    """A URL, URL-prefix or domain entry with its value canonicalised."""
    try:
        canonical = rule_value(kind, value)
    except ValueError as exc:
        raise InputError(f"not a valid {kind.value}: {exc}", field=kind.value) from exc
    p = provenance or Provenance()
    return BankEntry(
        bank=bank.name,
        name=name,
        kind=kind,
        designations=designations,
        value=canonical,
        source=p.source,
        added_by=p.added_by,
        added_at=p.added_at,
        note=p.note,
    )
