"""Keyed excerpt fingerprints: match excerpts of a document another platform banked, blind.

A platform that banks a leaked document can share its winnowed fingerprints (``fingerprint``)
with the members of an exchange without sharing the text: each fingerprint's k-gram is hashed
with HMAC-SHA256 under a secret the members share (the exchange key), truncated to 32 bits. A
receiver hashes every k-gram of its own posts with the same key and looks them up; nobody without
the key can tell which k-grams the hashes stand for (docs/exchange.md has the threat model).

What the receiver cannot do is what ``align`` does for a local document: compare the texts
between two shared fingerprints. It decides on the fingerprints alone, which is why the sender
ships, beside each keyed hash and its offset in the document's compact text, three flags it
computed with the text in hand (``specificity``): whether the fingerprint is evidence specific
to the document, whether it lies in boilerplate, and whether its k-gram holds a digit. Between
two shared fingerprints on one diagonal the receiver counts the document's fingerprints the post
lacks: each is an edit; one holding a digit splits the passage (another number, as ``align``
splits on a digit written for another), and so does a stretch longer than a window of k-grams
with nothing shared (a rewrite). A redaction mark in the post forgives what it covers, as locally.

Cost: one HMAC per distinct k-gram of a post, per exchange key (a few microseconds per hundred
characters), computed once per post whatever the number of banks and documents, then the same
sorted-array lookups as the local index. The receiver needs no text and keeps none.
"""

from __future__ import annotations

import base64
import hmac
import math
import struct
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from redline.detect.banks.align import chain_seeds
from redline.detect.banks.bank import BankEntry, ExcerptRule
from redline.detect.banks.calibration import CALIBRATION
from redline.detect.banks.document_index import _disjoint  # one rule for both indexes
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints
from redline.detect.banks.passage import DocumentMatch, Passage
from redline.detect.banks.segment import expand_ranges
from redline.extract.normalize import REDACTION_MARK, NormalizedText

__all__ = [
    "KEYED_VERSION",
    "KeyedFingerprints",
    "KeyedIndex",
    "exchange_key_id",
    "key_fingerprints",
    "keyed_grams",
]

U32 = npt.NDArray[np.uint32]
SPECIFIC, BOILERPLATE, NUMERIC = 1, 2, 4  # flag bits per fingerprint
_MAGIC = b"RLXF"
_HEADER = struct.Struct("<4sBHHIIf16s")  # magic, format, k, window, count, length, ratio, key id
_FORMAT = 1
KEYED_VERSION = "xfp1"  # the store's fingerprint_version prefix for keyed fingerprints


def exchange_key_id(key: bytes) -> str:
    """A public name for an exchange key (16 hex digits), so a signal says which key made it."""
    return hmac.digest(key, b"redline exchange key id", "sha256")[:8].hex()


def _mac32(key: bytes, gram: str) -> int:
    return int.from_bytes(hmac.digest(key, gram.encode("utf-8"), "sha256")[:4], "big")


def keyed_grams(text: str, k: int, key: bytes) -> U32:
    """HMAC-SHA256 (first 32 bits) of every k-gram of a compact text, each distinct one once."""
    n = len(text) - k + 1
    if n <= 0:
        return np.zeros(0, dtype=np.uint32)
    seen: dict[str, int] = {}
    out = np.empty(n, dtype=np.uint32)
    for i in range(n):
        gram = text[i : i + k]
        h = seen.get(gram)
        if h is None:
            h = seen[gram] = _mac32(key, gram)
        out[i] = h
    return out


@dataclass(frozen=True, slots=True, eq=False)
class KeyedFingerprints:
    """A document's fingerprints keyed for an exchange: no text, nothing to read back.

    ``length`` is the compact text's length and ``ratio`` its source characters per compact
    letter on average (the 80-character floor is measured with it: per-letter steps would give
    away where words end). ``positions`` are compact offsets, ``flags`` the bits above.
    """

    key_id: str
    config: FingerprintConfig
    hashes: U32
    positions: U32
    flags: npt.NDArray[np.uint8]
    length: int
    ratio: float

    def __len__(self) -> int:
        return int(self.hashes.size)

    @property
    def version(self) -> str:
        """What the store records as the fingerprint version, e.g. ``xfp1-k8-w10``."""
        return f"{KEYED_VERSION}-k{self.config.k}-w{self.config.window}"

    def to_bytes(self) -> bytes:
        """Little-endian serialisation (the exchange ships it base64-encoded)."""
        head = _HEADER.pack(
            _MAGIC,
            _FORMAT,
            self.config.k,
            self.config.window,
            len(self),
            self.length,
            self.ratio,
            bytes.fromhex(self.key_id).ljust(16, b"\0"),
        )
        return b"".join(
            (
                head,
                self.hashes.astype("<u4").tobytes(),
                self.positions.astype("<u4").tobytes(),
                self.flags.astype(np.uint8).tobytes(),
            )
        )

    @classmethod
    def from_bytes(cls, data: bytes) -> KeyedFingerprints:
        """Inverse of ``to_bytes``; raises ValueError for anything else."""
        if len(data) < _HEADER.size:
            raise ValueError("keyed fingerprint blob too short")
        magic, fmt, k, window, n, length, ratio, key = _HEADER.unpack_from(data)
        if magic != _MAGIC or fmt != _FORMAT:
            raise ValueError("not a keyed fingerprint blob of format 1")
        if len(data) != _HEADER.size + 9 * n:
            raise ValueError("keyed fingerprint blob: size does not match its count")
        off = _HEADER.size
        hashes = np.frombuffer(data, "<u4", n, off).astype(np.uint32)
        positions = np.frombuffer(data, "<u4", n, off + 4 * n).astype(np.uint32)
        flags = np.frombuffer(data, np.uint8, n, off + 8 * n).copy()
        steps = np.diff(positions.astype(np.int64))
        if n and (int(positions.max()) + k > length or np.any(steps <= 0)):
            raise ValueError("keyed fingerprint blob: offsets outside the text or out of order")
        if not (math.isfinite(ratio) and 0.5 <= ratio <= 64):
            raise ValueError("keyed fingerprint blob: implausible characters per letter")
        return cls(
            key_id=key[:8].hex(),
            config=FingerprintConfig(k=k, window=window),
            hashes=hashes,
            positions=positions,
            flags=flags,
            length=int(length),
            ratio=float(ratio),
        )

    def to_text(self) -> str:
        """The exchange's form of the blob: URL-safe base64 without padding."""
        return base64.urlsafe_b64encode(self.to_bytes()).decode("ascii").rstrip("=")

    @classmethod
    def from_text(cls, value: str) -> KeyedFingerprints:
        """Inverse of ``to_text``; raises ValueError for anything else."""
        try:
            data = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
        except (ValueError, TypeError) as exc:
            raise ValueError("keyed fingerprints are not URL-safe base64") from exc
        return cls.from_bytes(data)


Evidence = tuple[npt.NDArray[np.bool_], tuple[tuple[int, int], ...]]  # specific rows, boilerplate


def key_fingerprints(
    fps: Fingerprints, key: bytes, profile: Evidence | None = None
) -> KeyedFingerprints:
    """Key a document's fingerprints for an exchange; ``profile`` says which are evidence.

    Without a profile every fingerprint counts as specific and none as boilerplate: the
    receiver then scores like a bank that knows nothing of the house's style.
    """
    k = fps.config.k
    grams = [fps.text[p : p + k] for p in fps.positions.tolist()]
    flags = np.zeros(len(grams), dtype=np.uint8)
    if profile is None:
        flags |= SPECIFIC
    else:
        specific, regions = profile
        flags[specific] |= SPECIFIC
        for a, b in regions:
            flags[(fps.positions >= a) & (fps.positions < b)] |= BOILERPLATE
    digits = set() if fps.digits is None else set(fps.digits.tolist())
    for i, (p, gram) in enumerate(zip(fps.positions.tolist(), grams, strict=True)):
        if any(c.isdigit() for c in gram) or any(p <= d < p + k for d in digits):
            flags[i] |= NUMERIC
    return KeyedFingerprints(
        key_id=exchange_key_id(key),
        config=fps.config,
        hashes=np.asarray([_mac32(key, g) for g in grams], dtype=np.uint32),
        positions=fps.positions.astype(np.uint32),
        flags=flags,
        length=fps.length,
        ratio=float(np.float32(fps.source_ratio())),  # as serialised
    )


class KeyedIndex:
    """Keyed fingerprints of one bank, matched without the documents' text.

    Lookups are per exchange key: ``query`` asks ``grams_of(key_id)`` for the post's keyed
    k-grams, which the caller computes once per post and key for every bank.
    """

    def __init__(self, rule: ExcerptRule | None = None) -> None:
        self.rule = rule or ExcerptRule()
        self._entries: list[BankEntry] = []
        self._docs: list[KeyedFingerprints] = []
        self._by_key: dict[str, tuple[U32, npt.NDArray[np.int64], npt.NDArray[np.int64]]] = {}

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def key_ids(self) -> set[str]:
        """The exchange keys this index's documents were keyed with."""
        return {d.key_id for d in self._docs}

    def add(self, entry: BankEntry, kfps: KeyedFingerprints) -> None:
        """Add one document's keyed fingerprints."""
        self._entries.append(entry)
        self._docs.append(kfps)
        self._by_key.pop(kfps.key_id, None)

    def _arrays(self, key_id: str) -> tuple[U32, npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """(sorted hashes, their document, their row) for one key, built on first use."""
        found = self._by_key.get(key_id)
        if found is None:
            gids = [g for g, d in enumerate(self._docs) if d.key_id == key_id]
            hashes = np.concatenate([self._docs[g].hashes for g in gids] or [np.zeros(0, "u4")])
            docs = np.concatenate(
                [np.full(len(self._docs[g]), g, np.int64) for g in gids] or [np.zeros(0, "i8")]
            )
            rows = np.concatenate(
                [np.arange(len(self._docs[g]), dtype=np.int64) for g in gids] or [np.zeros(0, "i8")]
            )
            order = np.argsort(hashes, kind="stable")
            found = self._by_key[key_id] = (
                hashes[order].astype(np.uint32),
                docs[order],
                rows[order],
            )
        return found

    def query(
        self, norm: NormalizedText, grams_of: Callable[[str], U32 | None]
    ) -> list[DocumentMatch]:
        """Documents the post quotes, best first; keys ``grams_of`` cannot give are skipped."""
        matches: list[DocumentMatch] = []
        for key_id in sorted(self.key_ids):
            grams = grams_of(key_id)
            if grams is None or grams.size == 0:
                continue
            hashes, docs, rows = self._arrays(key_id)
            left = np.searchsorted(hashes, grams, "left")
            count = np.searchsorted(hashes, grams, "right") - left
            if int(count.sum()) < self.rule.min_seeds:
                continue
            q = np.repeat(np.arange(grams.size, dtype=np.int64), count)
            at = expand_ranges(left.astype(np.int64), count.astype(np.int64))
            doc, row = docs[at], rows[at]
            per_doc = np.bincount(doc)
            ranked = sorted(
                (int(g) for g in np.flatnonzero(per_doc >= self.rule.min_seeds)),
                key=lambda g: (-int(per_doc[g]), g),
            )
            for gid in ranked[: self.rule.max_candidates]:
                mine = doc == gid
                m = self._verify(gid, norm, q[mine], row[mine])
                if m is not None:
                    matches.append(m)
        matches.sort(key=lambda m: (-m.score, m.entry.key))
        return matches

    def _verify(
        self, gid: int, norm: NormalizedText, q: npt.NDArray[np.int64], row: npt.NDArray[np.int64]
    ) -> DocumentMatch | None:
        """Chain the document's hits along diagonals and measure each passage."""
        kfps, rule = self._docs[gid], self.rule
        pos = kfps.positions.astype(np.int64)
        d = pos[row]
        by = np.lexsort((d, q))
        q_list, d_list, r_list = q[by].tolist(), d[by].tolist(), row[by].tolist()
        passages: list[Passage] = []
        for chain in chain_seeds(q_list, d_list, max_gap=rule.max_gap, max_drift=rule.max_drift):
            seeds = [(q_list[i], d_list[i], r_list[i]) for i in chain]
            for run in _runs(seeds, kfps, norm.text, rule):
                p = _passage(run, kfps, norm, rule)
                if p is not None:
                    passages.append(p)
        passages = _disjoint(passages)
        if not passages or sum(p.specific for p in passages) < rule.min_specific:
            return None
        score = CALIBRATION.score(passages)
        if score < rule.min_score:
            return None
        return DocumentMatch(
            entry=self._entries[gid],
            rule="excerpt_keyed",
            score=score,
            distance=round(1.0 - passages[0].identity, 4),
            passages=tuple(passages),
        )


@dataclass(slots=True)
class _Run:
    """Seeds (post offset, document offset, row) of one passage, and what lay between them."""

    seeds: list[tuple[int, int, int]]
    edits: int = 0
    redacted: int = 0


def _runs(
    seeds: list[tuple[int, int, int]], kfps: KeyedFingerprints, post: str, rule: ExcerptRule
) -> list[_Run]:
    """Split a chain where the post cannot hold the document's text between two seeds.

    Between consecutive seeds the document's fingerprints the post lacks are edits; one
    holding a digit, a drift of more than ``split_edits``, or a stretch longer than a window of
    k-grams with nothing shared split the run (unless the post's gap holds a redaction mark).
    """
    k, window = kfps.config.k, kfps.config.window
    runs: list[_Run] = []
    cur: _Run | None = None
    for seed in seeds:
        if cur is None:
            cur = _Run([seed])
            continue
        q0, d0, r0 = cur.seeds[-1]
        q1, d1, r1 = seed
        if q1 <= q0 or d1 <= d0:
            continue
        missing = range(r0 + 1, r1)
        drift = abs((d1 - d0) - (q1 - q0))
        gap = post[q0 + k : q1] if q1 > q0 + k else ""
        if REDACTION_MARK in gap:
            cur.redacted += max(0, (d1 - d0) - (q1 - q0) + gap.count(REDACTION_MARK))
            cur.seeds.append(seed)
            continue
        numeric = any(kfps.flags[r] & NUMERIC for r in missing)
        if drift > rule.split_edits or numeric or d1 - d0 > 3 * (window + k):
            runs.append(cur)
            cur = _Run([seed])
            continue
        cur.edits += drift + len(missing)
        cur.seeds.append(seed)
    if cur is not None:
        runs.append(cur)
    return [r for r in runs if len(r.seeds) >= rule.min_seeds]


def _passage(
    run: _Run, kfps: KeyedFingerprints, norm: NormalizedText, rule: ExcerptRule
) -> Passage | None:
    """A passage from a run of seeds, or None when it is too short or too noisy to count."""
    k = kfps.config.k
    q0, d0 = run.seeds[0][0], run.seeds[0][1]
    q1, d1 = run.seeds[-1][0] + k, run.seeds[-1][1] + k
    length = d1 - d0
    boiler = _covered(run, kfps, k, d0, d1, BOILERPLATE)
    doc_chars = round((length - boiler) * kfps.ratio)
    matched = max(0, length - run.redacted - run.edits)
    identity = matched / max(1, matched + run.edits)
    if (
        doc_chars < rule.min_chars
        or matched < rule.min_matched
        or identity < 1.0 - rule.max_distance
    ):
        return None
    ps, pe = norm.to_source(q0, q1)
    return Passage(
        post_start=ps,
        post_end=pe,
        doc_start=round(d0 * kfps.ratio),
        doc_end=round(d1 * kfps.ratio),
        length=length,
        seeds=len(run.seeds),
        identity=round(identity, 4),
        doc_compact=(d0, d1),
        doc_chars=doc_chars,
        specific=_covered(run, kfps, k, d0, d1, SPECIFIC, exclude=BOILERPLATE),
        redacted=run.redacted,
    )


def _covered(run: _Run, kfps: KeyedFingerprints, k: int, d0: int, d1: int, flag: int,
             exclude: int = 0) -> int:  # fmt: skip
    """Letters of ``[d0, d1)`` covered by the run's seeds that carry ``flag`` (not ``exclude``)."""
    cover = np.zeros(d1 - d0 + 1, dtype=np.int64)
    for _, d, r in run.seeds:
        f = int(kfps.flags[r])
        if f & flag and not f & exclude:
            cover[d - d0] += 1
            cover[min(d + k, d1) - d0] -= 1
    return int((np.cumsum(cover)[:-1] > 0).sum())
