"""A model of ordinary text: in how many ordinary texts each k-gram occurs.

An excerpt matcher that only knows the bank cannot tell a quote of the leak from a post in the
leak's house style: the letterhead, the stock sentences ("please route questions to ... before
Friday"), the names of the staff and the public statements everyone quotes. Text that ordinary
posts also contain is evidence of nothing, so the matcher asks this model how common each of a
bank document's fingerprints is outside the bank, and counts common ones for little.

The model is a count-min sketch (Cormode and Muthukrishnan, 2005) of document frequencies over
the same 32-bit k-gram hashes the excerpt index uses: each ordinary text adds one to the cells of
every distinct k-gram it holds. A sketch has a fixed size (``DEPTH`` rows of ``WIDTH`` counters,
8 MiB) whatever it has learned, two sketches add cell by cell (so batches learned apart merge
exactly, in any order), and it can only overestimate a count, by about the number of distinct
k-grams learned divided by ``WIDTH`` (a few hundredths of a percent of the texts learned): a
rare k-gram may look slightly common, never the reverse. It stores counts, not text: no passage
of the background can be read back from it.
"""

from __future__ import annotations

import hashlib
import struct
import zlib
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from redline.detect.banks.fingerprint import FingerprintConfig, query_grams
from redline.extract.normalize import compact

__all__ = ["BackgroundModel"]

U32 = npt.NDArray[np.uint32]
I64 = npt.NDArray[np.int64]
WIDTH_BITS = 20
WIDTH = 1 << WIDTH_BITS
DEPTH = 2
# Odd multipliers (multiplicative hashing): each row spreads the 32-bit hashes differently.
_MULTIPLIERS = (np.uint64(0x9E3779B1), np.uint64(0x85EBCA77))
_MAGIC = b"RLBG"
_HEADER = struct.Struct("<4sBHHBBQ")  # magic, format, k, window, depth, width bits, texts


class BackgroundModel:
    """Document frequencies of k-grams in ordinary text, as a count-min sketch."""

    __slots__ = ("config", "counts", "texts")

    def __init__(self, config: FingerprintConfig | None = None) -> None:
        self.config = config or FingerprintConfig()
        self.counts = np.zeros((DEPTH, WIDTH), dtype=np.uint32)
        self.texts = 0

    def __len__(self) -> int:
        """How many texts the model has learned."""
        return self.texts

    @staticmethod
    def _cells(hashes: U32) -> list[npt.NDArray[np.intp]]:
        h = hashes.astype(np.uint64)
        mask = np.uint64(0xFFFFFFFF)
        shift = np.uint64(32 - WIDTH_BITS)
        return [(((h * m) & mask) >> shift).astype(np.intp) for m in _MULTIPLIERS]

    def learn(self, texts: Iterable[str]) -> int:
        """Learn each text as one ordinary text; returns how many were learned."""
        n = 0
        batch: list[U32] = []
        for text in texts:
            batch.append(np.unique(query_grams(compact(text), self.config)))
            n += 1
            if len(batch) >= 4096:
                self._add(batch)
                batch = []
        self._add(batch)
        self.texts += n
        return n

    def _add(self, batch: list[U32]) -> None:
        """Count each distinct k-gram of each text once (one bincount a row for the batch)."""
        grams = np.concatenate(batch) if batch else np.zeros(0, dtype=np.uint32)
        if grams.size:
            for row, cells in enumerate(self._cells(grams)):
                self.counts[row] += np.bincount(cells, minlength=WIDTH).astype(np.uint32)

    def frequency(self, hashes: U32) -> I64:
        """In how many learned texts each hash occurs (an upper bound; exact when rare)."""
        if not self.texts or hashes.size == 0:
            return np.zeros(hashes.size, dtype=np.int64)
        rows = [self.counts[r][cells] for r, cells in enumerate(self._cells(hashes))]
        found: I64 = np.minimum.reduce(rows).astype(np.int64)
        return found

    def merge(self, other: BackgroundModel) -> None:
        """Add ``other``'s counts to this model (same fingerprint configuration only)."""
        if other.config != self.config:
            raise ValueError(
                f"background is {other.config.version}, model is {self.config.version}"
            )
        self.counts += other.counts
        self.texts += other.texts

    @property
    def version(self) -> str:
        """A short digest of what was learned: part of the matcher's version in decisions."""
        if not self.texts:
            return "bg0"
        digest = hashlib.sha256(self.counts.tobytes()).hexdigest()[:10]
        return f"bg{self.texts}-{digest}"

    def to_bytes(self) -> bytes:
        """Serialised for the store: a header, then the zlib-compressed counters."""
        head = _HEADER.pack(
            _MAGIC, 1, self.config.k, self.config.window, DEPTH, WIDTH_BITS, self.texts
        )
        return head + zlib.compress(self.counts.astype("<u4").tobytes(), 6)

    @classmethod
    def from_bytes(cls, data: bytes) -> BackgroundModel:
        """Inverse of ``to_bytes``; raises ValueError for anything else."""
        if len(data) < _HEADER.size:
            raise ValueError("background blob too short")
        magic, fmt, k, window, depth, bits, texts = _HEADER.unpack_from(data)
        if magic != _MAGIC or fmt != 1 or depth != DEPTH or bits != WIDTH_BITS:
            raise ValueError("not a background blob of format 1")
        raw = zlib.decompress(data[_HEADER.size :], bufsize=DEPTH * WIDTH * 4)
        if len(raw) != DEPTH * WIDTH * 4:
            raise ValueError("background blob: wrong number of counters")
        model = cls(FingerprintConfig(k=k, window=window))
        model.counts = np.frombuffer(raw, dtype="<u4").reshape(DEPTH, WIDTH).astype(np.uint32)
        model.texts = int(texts)
        return model
