"""PDQ perceptual hashes of images and a multi-index hash table to look them up.

PDQ (Meta's open perceptual hash, the one HMA banks media with) maps an image to 256 bits that
change little under resizing, re-compression and small edits; two images are the same picture when
the Hamming distance of their hashes is at most a threshold (31 of 256 by default, HMA's value).
Hashes are written as 64 lower-case hex digits in ThreatExchange's bit order, so hashes exchanged
with other platforms compare as they do there.

Lookup uses multi-index hashing (Norouzi, Punjani and Fleet, CVPR 2012): the 256 bits are cut into
16 chunks of 16 bits. If two hashes differ in at most ``t`` bits, some chunk differs in at most
``t // 16`` bits (pigeonhole), so probing each chunk's table with every value within that radius
finds every candidate; only candidates get a full distance. For ``t = 31`` that is 16 x 17 probes
per query whatever the bank size. Thresholds above 47 fall back to a vectorised full scan.
"""

from __future__ import annotations

import io
import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from redline.errors import InputError, LimitExceeded

__all__ = ["PdqHash", "PdqIndex", "hamming", "pdq_hash", "validate_pdq"]

_CHUNKS, _CHUNK_BITS = 16, 16
_MAX_PROBE_RADIUS = 2
DEFAULT_MAX_PIXELS = 50_000_000


@dataclass(frozen=True, slots=True)
class PdqHash:
    """A PDQ hash (64 hex digits) and its quality (0-100; below about 50 it is unreliable)."""

    hex: str
    quality: int


def validate_pdq(value: str) -> str:
    """Return the hash lower-cased if it is 64 hex digits, else raise ValueError."""
    value = value.strip().lower()
    if len(value) != 64 or any(c not in "0123456789abcdef" for c in value):
        raise ValueError("a PDQ hash is 64 hexadecimal digits")
    return value


def _words(hex_hash: str) -> npt.NDArray[np.uint64]:
    return np.frombuffer(bytes.fromhex(hex_hash), dtype=">u8").astype(np.uint64)


def _chunks(words: npt.NDArray[np.uint64]) -> npt.NDArray[np.int64]:
    """The 16 16-bit chunks of hashes given as (n, 4) 64-bit words."""
    shifts = np.asarray([48, 32, 16, 0], dtype=np.uint64)
    parts = (words[:, :, None] >> shifts[None, None, :]) & np.uint64(0xFFFF)
    return parts.reshape(words.shape[0], _CHUNKS).astype(np.int64)


def hamming(a: str, b: str) -> int:
    """Number of differing bits between two PDQ hashes."""
    return int(np.bitwise_count(_words(a) ^ _words(b)).sum())


def pdq_hash(data: bytes, *, max_pixels: int = DEFAULT_MAX_PIXELS) -> PdqHash:
    """Hash image bytes; refuses undecodable images and images over ``max_pixels``."""
    import pdqhash  # type: ignore[import-untyped]
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            if width * height > max_pixels:
                raise LimitExceeded(
                    f"image has {width}x{height} pixels, over the limit of {max_pixels}",
                    field="image",
                    limit=max_pixels,
                )
            rgb = np.asarray(img.convert("RGB"))
    except LimitExceeded:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise InputError(
            f"image cannot be decoded ({exc.__class__.__name__})", field="image"
        ) from exc
    bits, quality = pdqhash.compute(rgb)
    value = int("".join(str(int(b)) for b in bits), 2)
    return PdqHash(hex=f"{value:064x}", quality=int(quality))


def _probes(value: int, radius: int) -> list[int]:
    """Every 16-bit value within ``radius`` bits of ``value``."""
    out = [value]
    for r in range(1, radius + 1):
        for bits in itertools.combinations(range(_CHUNK_BITS), r):
            flip = 0
            for b in bits:
                flip |= 1 << b
            out.append(value ^ flip)
    return out


class PdqIndex:
    """Multi-index hash table over PDQ hashes; items are whatever the caller attaches."""

    def __init__(self) -> None:
        self._hex: list[str] = []
        self._words = np.zeros((0, 4), dtype=np.uint64)
        self._pending: list[npt.NDArray[np.uint64]] = []
        self._tables: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]] = []

    @classmethod
    def build(cls, hashes: list[str]) -> PdqIndex:
        """Index the given hashes; ids are their positions in the list."""
        index = cls()
        for h in hashes:
            index.add(h)
        return index

    def __len__(self) -> int:
        return len(self._hex)

    def add(self, hex_hash: str) -> int:
        """Add one hash; returns its id."""
        self._hex.append(validate_pdq(hex_hash))
        self._pending.append(_words(self._hex[-1]))
        return len(self._hex) - 1

    def _refresh(self) -> None:
        if not self._pending:
            return
        self._words = np.vstack([self._words, np.stack(self._pending)])
        self._pending = []
        chunks = _chunks(self._words)
        self._tables = []
        for j in range(_CHUNKS):
            order = np.argsort(chunks[:, j], kind="stable")
            self._tables.append((chunks[order, j], order.astype(np.int64)))

    def query(self, hex_hash: str, threshold: int = 31) -> list[tuple[int, int]]:
        """(id, distance) of every indexed hash within ``threshold`` bits, nearest first."""
        self._refresh()
        if not self._hex:
            return []
        q = _words(validate_pdq(hex_hash))
        radius = threshold // _CHUNKS
        if radius > _MAX_PROBE_RADIUS:
            ids = np.arange(len(self._hex), dtype=np.int64)
        else:
            qchunks = _chunks(q[None, :])[0]
            found = []
            for j, (values, order) in enumerate(self._tables):
                probes = np.asarray(_probes(int(qchunks[j]), radius), dtype=np.int64)
                left = np.searchsorted(values, probes, "left")
                right = np.searchsorted(values, probes, "right")
                for a, b in zip(left, right, strict=True):
                    if b > a:
                        found.append(order[a:b])
            if not found:
                return []
            ids = np.unique(np.concatenate(found))
        dist = np.bitwise_count(self._words[ids] ^ q[None, :]).sum(axis=1)
        keep = dist <= threshold
        pairs = sorted(zip(dist[keep].tolist(), ids[keep].tolist(), strict=True))
        return [(int(i), int(d)) for d, i in pairs]
