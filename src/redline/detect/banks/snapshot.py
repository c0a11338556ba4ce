"""BankSnapshot: every bank's indexes in memory, and matching of text, files, images and links.

The snapshot is the "bank snapshot" input DESIGN.md names: given the same snapshot and the same
content, matching gives the same hits. A store repository rebuilds it from stored entries (and
their stored fingerprints) with ``BankSnapshot.build``; the HTTP API and the stream worker keep one
per process and ``add`` to it as entries are added.

Negative banks are applied here, after lookup: a positive match keeps only the passages of the
post that no negative entry covers, and is dropped (and reported under ``suppressed``, so the
suppression is itself explained) when what is left is shorter than its bank's ``min_chars``.
The flood guard is not applied here: it needs match counts over time, which the store holds; see
``flood.flood_check``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from redline.content import Content
from redline.detect.banks.bank import Bank, BankEntry, EntryKind
from redline.detect.banks.document_index import DocumentIndex, DocumentMatch, Passage
from redline.detect.banks.exact import ExactIndex, sha256_hex, text_sha256
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints
from redline.detect.banks.hit import BankHit, ImageMatch
from redline.detect.banks.pdq import PdqHash, PdqIndex, pdq_hash
from redline.detect.links.rules import KnownExpansions, LinkIndex, LinkMatch
from redline.errors import InputError, NotFound
from redline.extract.documents import DocumentLimits, extract_document
from redline.extract.links import extract_urls
from redline.extract.normalize import NormalizedText, compact

__all__ = ["BankSnapshot", "ContentHits", "TextResult"]


@dataclass(frozen=True, slots=True)
class TextResult:
    """Matches of one text, and the matches negative banks suppressed (with the entry that did)."""

    matches: list[DocumentMatch] = field(default_factory=list)
    suppressed: list[tuple[DocumentMatch, BankEntry]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ContentHits:
    """Every hit for one content, and the parts that could not be read (part, reason)."""

    hits: list[BankHit] = field(default_factory=list)
    unreadable: list[tuple[str, str]] = field(default_factory=list)


class BankSnapshot:
    """All banks and their indexes; the one object detectors query."""

    def __init__(
        self,
        banks: Iterable[Bank] = (),
        *,
        config: FingerprintConfig | None = None,
        expansions: KnownExpansions | None = None,
        min_pdq_quality: int = 50,
    ) -> None:
        self.config = config or FingerprintConfig()
        self.min_pdq_quality = min_pdq_quality
        self.banks: dict[str, Bank] = {}
        self._docs: dict[str, DocumentIndex] = {}
        self._images: dict[str, tuple[PdqIndex, list[BankEntry]]] = {}
        self._exact = ExactIndex()
        self._exact_entries: list[BankEntry] = []
        self._links = LinkIndex(expansions)
        self._count = 0
        for bank in banks:
            self.add_bank(bank)

    @classmethod
    def build(
        cls,
        banks: Iterable[Bank],
        entries: Iterable[tuple[BankEntry, Fingerprints | None]],
        *,
        config: FingerprintConfig | None = None,
        expansions: KnownExpansions | None = None,
    ) -> BankSnapshot:
        """A snapshot of ``banks`` holding ``entries`` (fingerprints needed for documents)."""
        snap = cls(banks, config=config, expansions=expansions)
        for entry, fps in entries:
            snap.add(entry, fps)
        for index in snap._docs.values():
            index.compact()
        return snap

    def __len__(self) -> int:
        """How many entries the snapshot holds, over every bank and kind."""
        return self._count

    def add_bank(self, bank: Bank) -> None:
        """Register a bank (an existing bank of that name keeps its entries, new settings apply)."""
        self.banks[bank.name] = bank
        if bank.name not in self._docs:
            self._docs[bank.name] = DocumentIndex(bank.excerpt, self.config)
            self._images[bank.name] = (PdqIndex(), [])

    def designations(self, entry: BankEntry) -> tuple[str, ...]:
        """The entry's designations, or its bank's when it has none of its own."""
        return entry.designations or self.banks[entry.bank].designations

    def add(self, entry: BankEntry, fps: Fingerprints | None = None) -> None:
        """Add one entry to the indexes of its kind."""
        if entry.bank not in self.banks:
            raise NotFound(f"bank {entry.bank!r} does not exist")
        self._count += 1
        if entry.sha256 or entry.text_sha256:
            self._exact_entries.append(entry)
            self._exact.add(
                len(self._exact_entries) - 1, sha256=entry.sha256, text_sha256=entry.text_sha256
            )
        if entry.kind is EntryKind.DOCUMENT and fps is not None:
            self._docs[entry.bank].add(entry, fps)
        elif entry.kind is EntryKind.IMAGE and entry.pdq:
            index, items = self._images[entry.bank]
            index.add(entry.pdq)
            items.append(entry)
        elif entry.kind in (EntryKind.URL, EntryKind.URL_PREFIX, EntryKind.DOMAIN):
            self._links.add(entry)

    def _negative(self, entry: BankEntry) -> bool:
        return self.banks[entry.bank].negative

    # -- text -------------------------------------------------------------------------------

    def match_text(self, text: str) -> TextResult:
        """Documents quoted in ``text`` (exact text, then excerpts), negative banks applied."""
        norm = compact(text)
        found: list[DocumentMatch] = []
        negatives: list[DocumentMatch] = []
        whole = Passage(0, len(text), 0, len(text), len(norm), 0, 1.0)
        for i in self._exact.by_text(text_sha256(text)) if text.strip() else []:
            entry = self._exact_entries[i]
            m = DocumentMatch(entry, "exact_text", 1.0, 0.0, (whole,))
            (negatives if self._negative(entry) else found).append(m)
        for name, index in self._docs.items():
            if len(index):
                hits = index.query(norm)
                (negatives if self.banks[name].negative else found).extend(hits)
        result = TextResult()
        seen: set[tuple[str, str]] = set()
        for m in found:
            if m.entry.key in seen:  # an exact match already stands for this entry
                continue
            seen.add(m.entry.key)
            kept, by = self._suppress(m, negatives, norm)
            if kept is not None:
                result.matches.append(kept)
            elif by is not None:
                result.suppressed.append((m, by))
        result.matches.sort(key=lambda m: (-m.score, m.entry.key))
        return result

    def _suppress(
        self, m: DocumentMatch, negatives: list[DocumentMatch], norm: NormalizedText
    ) -> tuple[DocumentMatch | None, BankEntry | None]:
        """The match with negative-covered passages removed, or (None, the suppressing entry)."""
        if not negatives:
            return m, None
        covered = np.zeros(len(norm), dtype=np.bool_)
        for n in negatives:
            for p in n.passages:
                covered |= (norm.starts >= p.post_start) & (norm.ends <= p.post_end)
        min_chars = self.banks[m.entry.bank].excerpt.min_chars
        kept = []
        for p in m.passages:
            inside = (norm.starts >= p.post_start) & (norm.ends <= p.post_end)
            if int((inside & ~covered).sum()) >= min_chars:
                kept.append(p)
        if len(kept) == len(m.passages):
            return m, None
        if kept:
            return DocumentMatch(m.entry, m.rule, m.score, m.distance, tuple(kept)), None
        return None, negatives[0].entry

    # -- files and images -------------------------------------------------------------------

    def match_bytes(self, data: bytes) -> list[BankEntry]:
        """Positive entries whose file is exactly these bytes (negatives suppress)."""
        entries = [self._exact_entries[i] for i in self._exact.by_bytes(sha256_hex(data))]
        if any(self._negative(e) for e in entries):
            return []
        return entries

    def match_image(self, image: bytes | PdqHash) -> list[ImageMatch]:
        """Images within each bank's PDQ threshold; a negative-bank hit suppresses all."""
        h = image if isinstance(image, PdqHash) else pdq_hash(image)
        if h.quality < self.min_pdq_quality:
            return []
        out: list[ImageMatch] = []
        for name, (index, items) in self._images.items():
            for i, dist in index.query(h.hex, self.banks[name].pdq_threshold):
                out.append(ImageMatch(items[i], dist, self.banks[name].pdq_threshold))
        if any(self._negative(m.entry) for m in out):
            return []
        return sorted(out, key=lambda m: (m.distance, m.entry.key))

    def match_file(
        self,
        data: bytes,
        media_type: str | None = None,
        *,
        part: str = "attachment:0",
        limits: DocumentLimits | None = None,
    ) -> list[BankHit]:
        """Hits for one attached file: exact bytes, then PDQ for images or text for documents."""
        hits = [BankHit.exact(e, self.designations(e), part) for e in self.match_bytes(data)]
        from redline.detect.banks.entries import is_image

        if is_image(data):
            for im in self.match_image(data):
                hits.append(BankHit.image(im, self.designations(im.entry), part))
            return _dedupe(hits)
        doc = extract_document(data, media_type, limits=limits)
        for m in self.match_text(doc.text).matches:
            hits.append(BankHit.document(m, self.designations(m.entry), part, doc.page_at))
        return _dedupe(hits)

    # -- links ------------------------------------------------------------------------------

    def match_url(self, url: str) -> list[LinkMatch]:
        """Link rules a URL hits; a hit in a negative bank suppresses the others."""
        found = self._links.query(url)
        if any(self._negative(m.entry) for m in found):
            return []
        return found

    def scan_text(self, text: str, *, part: str = "text") -> list[BankHit]:
        """Every hit for a post's text: quoted documents and the links it contains."""
        hits = [
            BankHit.document(m, self.designations(m.entry), part)
            for m in self.match_text(text).matches
        ]
        for found in extract_urls(text):
            for lm in self.match_url(found.url):
                hits.append(
                    BankHit.link(lm, self.designations(lm.entry), part, found.start, found.end)
                )
        return _dedupe(hits)

    def scan_urls(self, urls: Iterable[str]) -> list[BankHit]:
        """Hits for a content's declared URLs; part ``url:N`` locates each."""
        hits = []
        for n, url in enumerate(urls):
            for lm in self.match_url(url):
                hits.append(BankHit.link(lm, self.designations(lm.entry), f"url:{n}", 0, len(url)))
        return _dedupe(hits)

    def scan_content(
        self, content: Content, *, limits: DocumentLimits | None = None
    ) -> ContentHits:
        """Hits for a whole content: its text, its declared URLs and each attachment.

        An attachment that cannot be read is reported in ``unreadable`` (its part and the reason)
        rather than raised, so one hostile file does not hide the hits in the rest of the post.
        """
        out = ContentHits(self.scan_text(content.text) + self.scan_urls(content.urls))
        for n, attachment in enumerate(content.attachments):
            part = f"attachment:{n}"
            try:
                out.hits.extend(
                    self.match_file(
                        attachment.data, attachment.media_type, part=part, limits=limits
                    )
                )
            except InputError as error:
                out.unreadable.append((part, str(error)))
        out.hits.sort(key=lambda h: (-h.score, h.bank, h.entry, h.location.part))
        return out


def _dedupe(hits: list[BankHit]) -> list[BankHit]:
    """One hit per (entry, part): the highest score wins."""
    best: dict[tuple[str, str, str], BankHit] = {}
    for h in hits:
        key = (h.bank, h.entry, h.location.part)
        if key not in best or h.score > best[key].score:
            best[key] = h
    return sorted(best.values(), key=lambda h: (-h.score, h.bank, h.entry))
