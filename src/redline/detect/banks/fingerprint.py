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
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from redline.extract.normalize import NormalizedText, compact

__all__ = ["FingerprintConfig", "Fingerprints", "fingerprint", "query_grams"]

U32 = npt.NDArray[np.uint32]
_BASE = np.uint64(0x100000001B3)  # FNV prime: odd, so the polynomial keeps low-bit entropy
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_MAGIC = b"RLFP"
_HEADER = struct.Struct("<4sBHHII")  # magic, format version, k, window, count, text bytes


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
    to a moderator).
    """

    config: FingerprintConfig
    hashes: U32
    positions: U32
    starts: U32
    spans: npt.NDArray[np.uint16]
    text: str

    @property
    def length(self) -> int:
        """Length of the compact text."""
        return len(self.text)

    def __len__(self) -> int:
        return int(self.hashes.size)

    def to_bytes(self) -> bytes:
        """Compact little-endian serialisation for the store."""
        text = self.text.encode("utf-8")
        head = _HEADER.pack(_MAGIC, 1, self.config.k, self.config.window, len(self), len(text))
        return b"".join(
            (
                head,
                text,
                self.hashes.astype("<u4").tobytes(),
                self.positions.astype("<u4").tobytes(),
                self.starts.astype("<u4").tobytes(),
                self.spans.astype("<u2").tobytes(),
            )
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprints:
        """Inverse of ``to_bytes``; raises ValueError for anything else."""
        if len(data) < _HEADER.size:
            raise ValueError("fingerprint blob too short")
        magic, fmt, k, window, n, length = _HEADER.unpack_from(data)
        if magic != _MAGIC or fmt != 1 or len(data) != _HEADER.size + length + n * 14:
            raise ValueError("not a fingerprint blob of format 1")
        text = data[_HEADER.size : _HEADER.size + length].decode("utf-8")
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
    )


def query_grams(norm: NormalizedText, config: FingerprintConfig) -> U32:
    """Hashes of every k-gram of a post's compact text (the post side is not winnowed)."""
    return _gram_hashes(norm.text, config.k)
