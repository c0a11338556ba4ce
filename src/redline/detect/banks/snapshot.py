"""BankSnapshot: every bank's indexes in memory, and matching of text, files, images and links.

The snapshot is the "bank snapshot" input DESIGN.md names: given the same snapshot and the same
content, matching gives the same hits. A store repository rebuilds it from stored entries (and
their stored fingerprints) with ``BankSnapshot.build``; the HTTP API and the stream worker keep one
per process and ``add`` to it as entries are added.

Negative banks are applied here, after lookup: a positive match keeps only the passages of the
post that no negative entry covers, and is dropped (and reported under ``suppressed``, so the
suppression is itself explained) when what is left is shorter than its bank's ``min_chars``.
The snapshot also holds the background model (ordinary text, shared by every bank): what an
operator added and what the store learned, so the same snapshot always scores alike.
The flood guard is not applied here: it needs match counts over time, which the store holds; see
``flood.flood_check``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from redline.content import Content
from redline.detect.banks.background import BackgroundModel
from redline.detect.banks.bank import Bank, BankEntry, EntryKind
from redline.detect.banks.document_index import DocumentIndex, DocumentMatch, Passage
from redline.detect.banks.exact import ExactIndex, sha256_hex, text_sha256
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints
from redline.detect.banks.hit import BankHit, ImageMatch
from redline.detect.banks.keyed import KeyedFingerprints, KeyedIndex, exchange_key_id, keyed_grams
from redline.detect.banks.pdq import PdqHash, PdqIndex, pdq_hash
from redline.detect.links.rules import KnownExpansions, LinkIndex, LinkMatch
from redline.errors import InputError, NotFound
from redline.extract.documents import DocumentLimits, extract_document
from redline.extract.links import extract_urls
from redline.extract.normalize import REDACTION_MARK, NormalizedText, compact
from redline.extract.ocr import ocr_missing
from redline.extract.parts import Part, Parts, content_parts

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
        self._keyed: dict[str, KeyedIndex] = {}  # documents received as keyed fingerprints
        self._exchange_keys: dict[str, bytes] = {}
        self._images: dict[str, tuple[PdqIndex, list[BankEntry]]] = {}
        self._exact = ExactIndex()
        self._exact_entries: list[BankEntry] = []
        # Letters (compact length) of the documents the exact-text rule can match; None when an
        # entry's length is unknown (no fingerprints), which makes every text worth hashing.
        self._text_letters: list[int] | None = []
        self._links = LinkIndex(expansions)
        self._count = 0
        self.background = BackgroundModel(self.config)
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
        else:
            self._docs[bank.name].rule = bank.excerpt
        if bank.name in self._keyed:
            self._keyed[bank.name].rule = bank.excerpt
        self._docs[bank.name].background = self.background

    def learn_background(self, texts: Iterable[str]) -> int:
        """Learn ordinary texts into the background model; returns how many were learned."""
        return self.background.learn(texts)

    def use_background(self, model: BackgroundModel) -> None:
        """Replace the background model (as loaded from the store) for every bank."""
        if model.config != self.config:
            raise ValueError(
                f"background is {model.config.version}, banks are {self.config.version}"
            )
        self.background = model
        for index in self._docs.values():
            index.background = model

    def designations(self, entry: BankEntry) -> tuple[str, ...]:
        """The entry's designations, or its bank's when it has none of its own."""
        return entry.designations or self.banks[entry.bank].designations

    def add(self, entry: BankEntry, fps: Fingerprints | None = None) -> None:
        """Add one entry to the indexes of its kind."""
        if entry.bank not in self.banks:
            raise NotFound("bank", field="bank")
        self._count += 1
        if entry.sha256 or entry.text_sha256:
            self._exact_entries.append(entry)
            self._exact.add(
                len(self._exact_entries) - 1, sha256=entry.sha256, text_sha256=entry.text_sha256
            )
            if entry.text_sha256 and self._text_letters is not None:
                if fps is None:
                    self._text_letters = None
                else:
                    bisect.insort(self._text_letters, _letters(fps.text))
        if entry.kind is EntryKind.DOCUMENT and fps is not None:
            self._docs[entry.bank].add(entry, fps)
        elif entry.kind is EntryKind.IMAGE and entry.pdq:
            index, items = self._images[entry.bank]
            index.add(entry.pdq)
            items.append(entry)
        elif entry.kind in (EntryKind.URL, EntryKind.URL_PREFIX, EntryKind.DOMAIN):
            self._links.add(entry)

    def use_exchange_keys(self, keys: Iterable[bytes]) -> None:
        """The exchange keys posts are hashed with to match keyed fingerprints (``keyed``)."""
        self._exchange_keys = {exchange_key_id(k): k for k in keys}

    def add_keyed(self, entry: BankEntry, kfps: KeyedFingerprints) -> None:
        """Add a document another platform shared as keyed fingerprints (no text)."""
        if entry.bank not in self.banks:
            raise NotFound("bank", field="bank")
        if kfps.config != self.config:
            raise ValueError(f"keyed fingerprints are {kfps.version}, banks {self.config.version}")
        self._count += 1
        index = self._keyed.setdefault(entry.bank, KeyedIndex(self.banks[entry.bank].excerpt))
        index.add(entry, kfps)

    def _keyed_matches(self, norm: NormalizedText) -> dict[str, list[DocumentMatch]]:
        """Keyed-fingerprint matches per bank; each key hashes the post once for every bank."""
        grams: dict[str, npt.NDArray[np.uint32] | None] = {}

        def grams_of(key_id: str) -> npt.NDArray[np.uint32] | None:
            if key_id not in grams:
                key = self._exchange_keys.get(key_id)
                grams[key_id] = None if key is None else keyed_grams(norm.text, self.config.k, key)
            return grams[key_id]

        return {
            name: index.query(norm, grams_of) for name, index in self._keyed.items() if len(index)
        }

    def _may_be_whole(self, norm: NormalizedText) -> bool:
        """Whether a banked text could be all of this one (hashing it costs more than matching).

        Texts equal once normalised have the same letters, give or take an OCR fold at a word
        boundary, so only texts near a banked document's length are hashed.
        """
        if not norm.text:
            return False
        if self._text_letters is None:
            return True
        letters = _letters(norm.text)
        slack = 2 + letters // 50
        at = bisect.bisect_left(self._text_letters, letters - slack)
        return at < len(self._text_letters) and self._text_letters[at] <= letters + slack

    def _negative(self, entry: BankEntry) -> bool:
        return self.banks[entry.bank].negative

    # -- text -------------------------------------------------------------------------------

    def match_text(self, text: str) -> TextResult:
        """Documents quoted in ``text`` (exact text, then excerpts), negative banks applied."""
        norm = compact(text)
        found: list[DocumentMatch] = []
        negatives: list[DocumentMatch] = []
        whole = Passage(0, len(text), 0, len(text), len(norm), 0, 1.0)
        for i in self._exact.by_text(text_sha256(text)) if self._may_be_whole(norm) else []:
            entry = self._exact_entries[i]
            m = DocumentMatch(entry, "exact_text", 1.0, 0.0, (whole,))
            (negatives if self._negative(entry) else found).append(m)
        for name, index in self._docs.items():
            if len(index):
                hits = index.query(norm)
                (negatives if self.banks[name].negative else found).extend(hits)
        for name, hits in self._keyed_matches(norm).items() if self._keyed else ():
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
            if _source_chars(norm, inside & ~covered) >= min_chars:
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
        """Hits for one file on its own: exact bytes, PDQ for images, and its text's excerpts.

        The pipeline does not call this: it extracts each attachment once for every detector
        and matches the extracted parts (``scan_content``).
        """
        from redline.detect.banks.entries import is_image

        if is_image(data) and ocr_missing() is not None:
            return self._file_hits(data, None, part, readable=True)
        doc = extract_document(data, media_type, limits=limits)
        text = Part(part, doc.text, doc.media_type, None, doc.pages, doc.boxes)
        return self._file_hits(data, text, part, readable=True)

    def _file_hits(
        self, data: bytes, text: Part | None, part: str, *, readable: bool
    ) -> list[BankHit]:
        """Exact bytes always; PDQ when the file is an image that may be decoded; then its text.

        The text of an image (OCR) or of a scanned PDF page goes through the same excerpt
        matching as any text: screenshots are how leaked documents spread.
        """
        from redline.detect.banks.entries import is_image

        hits = [BankHit.exact(e, self.designations(e), part) for e in self.match_bytes(data)]
        if readable and is_image(data):
            try:
                images = self.match_image(data)
            except InputError:
                images = []  # an image PDQ cannot decode: its refusal is reported by extraction
            hits.extend(BankHit.image(im, self.designations(im.entry), part) for im in images)
        if text is not None and text.text:
            for m in self.match_text(text.text).matches:
                hits.append(BankHit.document(m, self.designations(m.entry), part, text.page_at))
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
        for found in extract_urls(text) if len(self._links) else ():
            for lm in self.match_url(found.url):
                hits.append(
                    BankHit.link(lm, self.designations(lm.entry), part, found.start, found.end)
                )
        return _dedupe(hits)

    def scan_urls(self, urls: Iterable[str]) -> list[BankHit]:
        """Hits for a content's declared URLs; part ``url:N`` locates each."""
        return _dedupe([h for n, url in enumerate(urls) for h in self._url_hits(url, f"url:{n}")])

    def _url_hits(self, url: str, part: str) -> list[BankHit]:
        return [
            BankHit.link(lm, self.designations(lm.entry), part, 0, len(url))
            for lm in self.match_url(url)
        ]

    def scan_content(
        self, content: Content, *, limits: DocumentLimits | None = None, parts: Parts | None = None
    ) -> ContentHits:
        """Hits for a whole content: its text, its declared URLs and each attachment.

        Works on the content's extracted parts: ``parts`` when the caller extracted them already
        (the pipeline and ``scan`` do, so the PII scan and this matcher read each file once),
        else ``content_parts``. The text of every attachment (a PDF's pages, a
        screenshot's OCR text) is matched like the post's own text, with the part and page in
        each hit. An attachment that cannot be read is reported in ``unreadable`` (its part and
        the reason) rather than raised, so one hostile file does not hide the hits in the rest;
        its bytes are still compared exactly, and an image OCR could not read is still hashed.
        """
        if parts is None:
            parts = content_parts(content, limits)
        out = ContentHits()
        for part in parts.parts:
            if part.name == "text":
                out.hits.extend(self.scan_text(part.text))
            elif part.name.startswith("url:"):
                out.hits.extend(self._url_hits(part.text, part.name))
            else:
                data = content.attachments[_index(part.name)].data
                out.hits.extend(self._file_hits(data, part, part.name, readable=True))
        for unread in parts.unread:
            data = content.attachments[_index(unread.name)].data
            out.hits.extend(self._file_hits(data, None, unread.name, readable=not unread.refused))
            out.unreadable.append((unread.name, unread.reason))
        out.hits.sort(key=lambda h: (-h.score, h.bank, h.entry, h.location.part))
        return out


def _letters(compact_text: str) -> int:
    return len(compact_text) - compact_text.count(REDACTION_MARK)


def _index(part: str) -> int:
    """The attachment number of a part name such as ``attachment:2``."""
    return int(part.rsplit(":", 1)[1])


def _source_chars(norm: NormalizedText, mask: np.ndarray) -> int:
    """Characters of the source text spanned by the runs of compact letters in ``mask``."""
    edges = np.flatnonzero(np.diff(np.r_[0, mask.astype(np.int8), 0]))
    return sum(
        int(norm.ends[b - 1]) - int(norm.starts[a])
        for a, b in zip(edges[::2], edges[1::2], strict=True)
    )


def _dedupe(hits: list[BankHit]) -> list[BankHit]:
    """One hit per (entry, part): the highest score wins."""
    best: dict[tuple[str, str, str], BankHit] = {}
    for h in hits:
        key = (h.bank, h.entry, h.location.part)
        if key not in best or h.score > best[key].score:
            best[key] = h
    return sorted(best.values(), key=lambda h: (-h.score, h.bank, h.entry))
