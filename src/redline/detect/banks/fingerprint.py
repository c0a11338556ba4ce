"""Winnowed k-gram fingerprints of a text: the hash side of excerpt matching.

A document is reduced to the hashes of its character k-grams (over the compact form from
``redline.extract.normalize``, so spacing, case, punctuation and OCR look-alikes do not matter),
and only the minimum hash of every window of ``window`` consecutive k-grams is kept (winnowing,
Schleimer, Wilkerson and Aiken, SIGMOD 2003). Winnowing guarantees that any passage the document
shares with a post, at least ``window + k - 1`` compact characters long and unchanged, keeps at
least one fingerprint, while storing only about ``2 / (window + 1)`` of the k-grams.

The query side is asymmetric on purpose: a post is not winnowed, all of its k-grams are looked up.
Every stored fingerprint whose k-gram survives intact in the post is then found, which is what
keeps recall up under OCR noise and redaction gaps at the cost of a few hundred dictionary-free
array lookups per post.

Hashes are 32-bit: enough, since a chance collision only adds a stray seed that the alignment step
discards, and it halves the index's memory. ``Fingerprints`` serialise to bytes so a store can keep
them next to the entry and rebuild the index without re-reading the file.

Besides the compact text, a document keeps one byte per compact character: how far its source
character is from the previous one (``steps``). That is what lets a passage found in compact
coordinates be measured in characters of the document as people read it (the 80-character floor
of an excerpt) and split into words, at one byte a character instead of a full offset map.
Blobs of format 1, written before steps existed, still load; their passages are measured by the
document's average ratio of source to compact characters instead.

Format 3 adds the offsets of the digits that OCR folding turned into letters (``digits``): a
reference ``CSC-5587`` on the same letterhead as ``CSC-3635`` is another number, not a misread
one, and alignment can only tell if it knows that ``ssb7`` was written ``5587``. Blobs of format
1 and 2 load without them; their documents keep matching across such digits until re-added.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from redline.extract.normalize import NormalizedText, compact, folded_digits

__all__ = ["FingerprintConfig", "Fingerprints", "fingerprint", "query_grams"]

U32 = npt.NDArray[np.uint32]
_BASE = np.uint64(0x100000001B3)  # FNV prime: odd, so the polynomial keeps low-bit entropy
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_MAGIC = b"RLFP"
_HEADER = struct.Struct("<4sBHHII")  # magic, format version, k, window, count, text bytes
_FORMAT = 3  # 1: no steps; 2: steps after the arrays; 3: then folded digits (count, offsets)
_COUNT = struct.Struct("<I")


@dataclass(frozen=True, slots=True)
class FingerprintConfig:
    """Shape of the fingerprints; part of the detector version (changing it needs a rebuild)."""

    k: int = 8
    window: int = 10

    def __post_init__(self) -> None:
        if not 4 <= self.k <= 64 or not 1 <= self.window <= 256:
            raise ValueError("fingerprint k must be in [4, 64] and window in [1, 256]")

    @property
    def version(self) -> str:
        """Stable name of this configuration, e.g. ``wfp1-k8-w10``."""
        return f"wfp1-k{self.k}-w{self.window}"


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprints:
    """The winnowed fingerprints of one text.

    ``positions`` are offsets into ``text``, the compact form the alignment step verifies seeds
    against; ``starts`` and ``spans`` locate each k-gram in the source text (what a match reports
    to a moderator). ``steps[i]`` is how many source characters compact character ``i`` starts
    after compact character ``i - 1`` (1 inside a word, more after a space or punctuation; capped
    at 255), or None for fingerprints stored before steps were kept. ``digits`` are the offsets in
    ``text`` of digits folded into letters (see ``normalize.folded_digits``), or None for
    fingerprints stored before they were kept.
    """

    config: FingerprintConfig
    hashes: U32
    positions: U32
    starts: U32
    spans: npt.NDArray[np.uint16]
    text: str
    steps: npt.NDArray[np.uint8] | None = None
    digits: U32 | None = None

    @property
    def length(self) -> int:
        """Length of the compact text."""
        return len(self.text)

    def __len__(self) -> int:
        return int(self.hashes.size)

    def source_ratio(self) -> float:
        """Source characters per compact character, on average over the fingerprinted text."""
        if self.steps is not None and self.steps.size:
            return float(self.steps.sum(dtype=np.int64)) / self.steps.size
        if self.hashes.size < 2:
            return 1.0
        span = int(self.starts[-1]) - int(self.starts[0])
        return max(1.0, span / max(1, int(self.positions[-1]) - int(self.positions[0])))

    def to_bytes(self) -> bytes:
        """Compact little-endian serialisation for the store."""
        text = self.text.encode("utf-8")
        fmt = 1 if self.steps is None else 2 if self.digits is None else _FORMAT
        head = _HEADER.pack(_MAGIC, fmt, self.config.k, self.config.window, len(self), len(text))
        digits = b""
        if fmt == _FORMAT:
            assert self.digits is not None
            digits = _COUNT.pack(self.digits.size) + self.digits.astype("<u4").tobytes()
        return b"".join(
            (
                head,
                text,
                self.hashes.astype("<u4").tobytes(),
                self.positions.astype("<u4").tobytes(),
                self.starts.astype("<u4").tobytes(),
                self.spans.astype("<u2").tobytes(),
                b"" if self.steps is None else self.steps.astype(np.uint8).tobytes(),
                digits,
            )
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprints:
        """Inverse of ``to_bytes``; raises ValueError for anything else."""
        if len(data) < _HEADER.size:
            raise ValueError("fingerprint blob too short")
        magic, fmt, k, window, n, length = _HEADER.unpack_from(data)
        arrays = _HEADER.size + length + n * 14
        if magic != _MAGIC or fmt not in (1, 2, _FORMAT) or (fmt == 1 and len(data) != arrays):
            raise ValueError("not a fingerprint blob of format 1, 2 or 3")
        text = data[_HEADER.size : _HEADER.size + length].decode("utf-8")
        steps = digits = None
        if fmt >= 2:
            steps = np.frombuffer(data, dtype=np.uint8, count=len(text), offset=arrays).copy()
            tail = arrays + len(text)
            if fmt == 2 and len(data) != tail:
                raise ValueError("fingerprint blob: steps do not match the text")
        if fmt == _FORMAT:
            try:
                (count,) = _COUNT.unpack_from(data, tail)
            except struct.error:
                raise ValueError("fingerprint blob: folded digits missing") from None
            if len(data) != tail + _COUNT.size + 4 * count:
                raise ValueError("fingerprint blob: folded digits do not match their count")
            digits = np.frombuffer(data, dtype="<u4", offset=tail + _COUNT.size).astype(np.uint32)
            if digits.size and int(digits.max()) >= len(text):
                raise ValueError("fingerprint blob: a folded digit lies outside the text")
        off = _HEADER.size + length

        def take(dtype: str, size: int) -> npt.NDArray[np.generic]:
            nonlocal off
            arr = np.frombuffer(data, dtype=dtype, count=n, offset=off)
            off += n * size
            return arr

        return cls(
            config=FingerprintConfig(k=k, window=window),
            hashes=take("<u4", 4).astype(np.uint32),
            positions=take("<u4", 4).astype(np.uint32),
            starts=take("<u4", 4).astype(np.uint32),
            spans=take("<u2", 2).astype(np.uint16),
            text=text,
            steps=steps,
            digits=digits,
        )


def _gram_hashes(text: str, k: int) -> U32:
    """Hash of every k-gram of ``text``: a polynomial rolling hash, then a 64-bit mixer."""
    n = len(text) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint32)
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        h = h * _BASE + codes[j : j + n]
    h ^= h >> np.uint64(30)
    h *= _MIX1
    h ^= h >> np.uint64(27)
    h *= _MIX2
    h ^= h >> np.uint64(31)
    return (h >> np.uint64(32)).astype(np.uint32)


def _winnow(hashes: U32, window: int) -> npt.NDArray[np.intp]:
    """Positions selected by winnowing: the rightmost minimum of every window."""
    if hashes.size == 0:
        return np.zeros(0, dtype=np.intp)
    if hashes.size <= window:
        rev = hashes[::-1]
        return np.asarray([hashes.size - 1 - int(np.argmin(rev))], dtype=np.intp)
    windows = np.lib.stride_tricks.sliding_window_view(hashes, window)
    right = window - 1 - np.argmin(windows[:, ::-1], axis=1)
    return np.unique(np.arange(windows.shape[0]) + right)


def fingerprint(text: str | NormalizedText, config: FingerprintConfig) -> Fingerprints:
    """Winnowed fingerprints of a document's extracted text."""
    norm = text if isinstance(text, NormalizedText) else compact(text)
    hashes = _gram_hashes(norm.text, config.k)
    pos = _winnow(hashes, config.window)
    starts = norm.starts[pos] if pos.size else np.zeros(0, dtype=np.int64)
    ends = norm.ends[pos + config.k - 1] if pos.size else np.zeros(0, dtype=np.int64)
    return Fingerprints(
        config=config,
        hashes=hashes[pos],
        positions=pos.astype(np.uint32),
        starts=starts.astype(np.uint32),
        spans=np.minimum(ends - starts, 65535).astype(np.uint16),
        text=norm.text,
        steps=source_steps(norm),
        digits=None if norm.unfolded is None else folded_digits(norm).astype(np.uint32),
    )


def source_steps(norm: NormalizedText) -> npt.NDArray[np.uint8]:
    """Per compact character, the distance in source characters from the one before (<= 255)."""
    if not len(norm):
        return np.zeros(0, dtype=np.uint8)
    steps = np.diff(norm.starts, prepend=norm.starts[0] - 1)
    return np.clip(steps, 1, 255).astype(np.uint8)


def query_grams(norm: NormalizedText, config: FingerprintConfig) -> U32:
    """Hashes of every k-gram of a post's compact text (the post side is not winnowed)."""
    return _gram_hashes(norm.text, config.k)
