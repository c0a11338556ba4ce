"""Excerpt index: find which bank documents a post quotes, and where.

Lookup is an inverted index from fingerprint hash to (document, position), kept as sorted numpy
arrays: a post's k-gram hashes are binary-searched in one vectorised call, so lookup cost depends
on the post's length and on how many documents share its k-grams, not on the bank's size.
Fingerprints found in ``boilerplate_docs`` or more documents are boilerplate (headers, disclaimers,
stock phrases): they never seed a match, which also bounds the work a common phrase can cause.

Lookup only proposes. Every candidate is verified by alignment: the seeds a document shares with
the post are chained along one diagonal (post offset against document offset, allowed to drift for
redaction gaps and OCR insertions), and a chain becomes a match only if the passage it spans is
long enough, has enough seeds, and contains enough of the document's fingerprints over that
stretch. Texts on the same topic share words and short phrases but not a long, ordered passage,
so they fail here; a post sharing only a boilerplate header has no seeds at all.

Entries are added in segments (an LSM-like layout): ``add`` buffers, the buffer becomes a small
sorted segment at the next query, and segments are merged when there are too many, so adding one
document never re-sorts the whole index.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from redline.detect.banks.align import align_chain
from redline.detect.banks.bank import BankEntry, ExcerptRule
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints, query_grams
from redline.extract.normalize import NormalizedText, compact

__all__ = ["DocumentIndex", "DocumentMatch", "Passage"]

I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]
_BUCKET = 64  # diagonal bucket width for the candidate pre-filter (two grids, offset by half)
_MAX_SEGMENTS = 8


@dataclass(frozen=True, slots=True)
class Passage:
    """A passage a post shares with a bank document, located in both.

    ``post_start``/``post_end`` are offsets into the post's text, covering the whole aligned
    passage. ``doc_start``/``doc_end`` are offsets into the document's extracted text covering
    the passage's shared fingerprints (the index keeps no full offset map of bank documents, to
    stay small); ``doc_compact`` is the exact passage in the document's compact form, which a
    caller holding the document maps with ``compact(text).to_source(*doc_compact)``. ``length`` is
    in compact characters; ``identity`` is the share of compared characters that agree.
    """

    post_start: int
    post_end: int
    doc_start: int
    doc_end: int
    length: int
    seeds: int
    identity: float
    doc_compact: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class DocumentMatch:
    """A bank document found in a post, with the evidence that explains it.

    ``rule`` names what fired: ``exact_bytes``, ``exact_text`` or ``excerpt``. ``distance`` is
    1 - identity of the best passage (0 for exact matches).
    """

    entry: BankEntry
    rule: str
    score: float
    distance: float
    passages: tuple[Passage, ...]

    @property
    def passage(self) -> Passage | None:
        """The longest shared passage, if the match has a location."""
        return self.passages[0] if self.passages else None

    def explain(self) -> str:
        """One line a moderator can read: bank, entry, rule, where, how close."""
        head = f"bank {self.entry.bank!r} entry {self.entry.name!r} by {self.rule}"
        p = self.passage
        if p is None:
            return f"{head} (whole content, distance 0)"
        return (
            f"{head}: post[{p.post_start}:{p.post_end}] ~ document[{p.doc_start}:{p.doc_end}],"
            f" {p.length} letters, identity {p.identity:.2f}, {p.seeds} shared fingerprints"
        )


class _Segment:
    """An immutable block of the index: forward arrays by document, inverted arrays by hash."""

    __slots__ = ("doc_ids", "fpos", "fspan", "fstart", "ihash", "irow", "row_offsets")

    def __init__(
        self,
        doc_ids: I64,
        sizes: I64,
        hashes: U32,
        fpos: U32,
        fstart: U32,
        fspan: npt.NDArray[np.uint16],
    ) -> None:
        self.doc_ids = doc_ids
        self.row_offsets = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
        self.fpos, self.fstart, self.fspan = fpos, fstart, fspan
        order = np.argsort(hashes, kind="stable")
        self.ihash = hashes[order]
        self.irow = order.astype(np.uint32)

    @classmethod
    def of_documents(cls, docs: list[tuple[int, Fingerprints]]) -> _Segment:
        """A segment holding the given (document id, fingerprints) pairs."""
        fps = [fp for _, fp in docs]
        return cls(
            np.asarray([gid for gid, _ in docs], dtype=np.int64),
            np.asarray([len(fp) for fp in fps], dtype=np.int64),
            np.concatenate([fp.hashes for fp in fps]),
            np.concatenate([fp.positions for fp in fps]),
            np.concatenate([fp.starts for fp in fps]),
            np.concatenate([fp.spans for fp in fps]),
        )

    @classmethod
    def merge(cls, segments: list[_Segment]) -> _Segment:
        """One segment holding everything in ``segments`` (document ids stay ascending)."""
        hashes = []
        for seg in segments:
            forward = np.empty_like(seg.ihash)
            forward[seg.irow] = seg.ihash
            hashes.append(forward)
        return cls(
            np.concatenate([s.doc_ids for s in segments]),
            np.concatenate([np.diff(s.row_offsets) for s in segments]),
            np.concatenate(hashes),
            np.concatenate([s.fpos for s in segments]),
            np.concatenate([s.fstart for s in segments]),
            np.concatenate([s.fspan for s in segments]),
        )

    @property
    def nbytes(self) -> int:
        """Bytes held by this segment's arrays."""
        arrays = (self.doc_ids, self.row_offsets, self.fpos, self.fstart, self.fspan)
        return sum(a.nbytes for a in (*arrays, self.ihash, self.irow))


def _expand(left: I64, count: I64) -> I64:
    """All indices of the ranges ``[left[i], left[i] + count[i])``, concatenated."""
    total = int(count.sum())
    starts = np.repeat(left - np.concatenate(([0], np.cumsum(count)[:-1])), count)
    return starts + np.arange(total, dtype=np.int64)


class DocumentIndex:
    """Inverted index of winnowed fingerprints with alignment-verified excerpt matching."""

    def __init__(self, rule: ExcerptRule | None = None, config: FingerprintConfig | None = None):
        self.rule = rule or ExcerptRule()
        self.config = config or FingerprintConfig()
        self._entries: list[BankEntry] = []
        self._segments: list[_Segment] = []
        self._texts: list[str] = []  # compact text per document, for verification
        self._pending: list[tuple[int, Fingerprints]] = []

    @classmethod
    def build(
        cls,
        items: Iterable[tuple[BankEntry, Fingerprints]],
        rule: ExcerptRule | None = None,
        config: FingerprintConfig | None = None,
    ) -> DocumentIndex:
        """Build an index in one segment from (entry, fingerprints) pairs."""
        index = cls(rule, config)
        for entry, fps in items:
            index.add(entry, fps)
        index.compact()
        return index

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def nbytes(self) -> int:
        """Bytes held by the index arrays and compact texts (entry objects not included)."""
        return sum(s.nbytes for s in self._segments) + sum(len(t) for t in self._texts)

    def add(self, entry: BankEntry, fps: Fingerprints) -> None:
        """Add one document; it is searchable from the next query on."""
        if fps.config != self.config:
            raise ValueError(
                f"fingerprints are {fps.config.version}, index is {self.config.version}"
            )
        self._pending.append((len(self._entries), fps))
        self._texts.append(fps.text)
        self._entries.append(entry)

    def compact(self) -> None:
        """Merge everything into one segment (after a bulk load; queries stay correct without)."""
        self._flush(force_merge=True)

    def _flush(self, *, force_merge: bool = False) -> None:
        """Turn buffered documents into a segment; merge segments when there are too many."""
        if self._pending:
            self._segments.append(_Segment.of_documents(self._pending))
            self._pending = []
        if len(self._segments) > _MAX_SEGMENTS or (force_merge and len(self._segments) > 1):
            self._segments = [_Segment.merge(self._segments)]

    def query(self, text: str | NormalizedText) -> list[DocumentMatch]:
        """Bank documents the post quotes, best first, each with its shared passages."""
        norm = text if isinstance(text, NormalizedText) else compact(text)
        grams = query_grams(norm, self.config)
        if grams.size == 0 or not self._entries:
            return []
        self._flush()
        rule, k = self.rule, self.config.k
        ranges = []
        total = np.zeros(grams.size, dtype=np.int64)
        for seg in self._segments:
            left = np.searchsorted(seg.ihash, grams, "left").astype(np.int64)
            right = np.searchsorted(seg.ihash, grams, "right").astype(np.int64)
            ranges.append((seg, left, right - left))
            total += right - left
        informative = (total > 0) & (total < rule.boilerplate_docs)
        q_parts, doc_parts, d_parts, s_parts, e_parts = [], [], [], [], []
        for seg, left, count in ranges:
            count = np.where(informative, count, 0)
            if not count.any():
                continue
            rows = seg.irow[_expand(left, count)].astype(np.int64)
            local = np.searchsorted(seg.row_offsets, rows, "right") - 1
            q_parts.append(np.repeat(np.arange(grams.size, dtype=np.int64), count))
            doc_parts.append(seg.doc_ids[local])
            d_parts.append(seg.fpos[rows].astype(np.int64))
            s_parts.append(seg.fstart[rows].astype(np.int64))
            e_parts.append(seg.fstart[rows].astype(np.int64) + seg.fspan[rows])
        if not q_parts:
            return []
        q, doc, d = np.concatenate(q_parts), np.concatenate(doc_parts), np.concatenate(d_parts)
        ds, de = np.concatenate(s_parts), np.concatenate(e_parts)
        candidates = self._candidates(q, doc, d)
        matches: list[DocumentMatch] = []
        for gid in candidates:
            sel = np.nonzero(doc == gid)[0]
            sel = sel[np.lexsort((d[sel], q[sel]))]
            passages = self._align(norm, q[sel], d[sel], ds[sel], de[sel], gid, k)
            if passages:
                best = passages[0]
                matches.append(
                    DocumentMatch(
                        entry=self._entries[gid],
                        rule="excerpt",
                        score=_score(best, rule),
                        distance=round(1.0 - best.identity, 4),
                        passages=tuple(passages),
                    )
                )
        matches.sort(key=lambda m: (-m.score, m.entry.key))
        return matches

    def _candidates(self, q: I64, doc: I64, d: I64) -> list[int]:
        """Documents with at least ``min_seeds`` hits near one diagonal (two offset grids)."""
        diag = d - q
        need = self.rule.min_seeds
        found: set[int] = set()
        for shift in (0, _BUCKET // 2):
            keys = doc * 1_000_003 + np.floor_divide(diag + shift, _BUCKET)
            uniq, counts = np.unique(keys, return_counts=True)
            hot = uniq[counts >= need]
            if hot.size:
                found.update(int(x) for x in np.unique(doc[np.isin(keys, hot)]))
        return sorted(found)

    def _align(
        self, norm: NormalizedText, q: I64, d: I64, ds: I64, de: I64, gid: int, k: int
    ) -> list[Passage]:
        """Chain one document's seeds along a drifting diagonal, then verify each chain."""
        rule = self.rule
        open_chains: list[list[int]] = []
        closed: list[list[int]] = []
        for i in range(q.size):
            qi, di = int(q[i]), int(d[i])
            still_open: list[list[int]] = []
            for chain in open_chains:
                (closed if qi - int(q[chain[-1]]) > rule.max_gap else still_open).append(chain)
            open_chains = still_open
            best, best_drift = None, rule.max_drift + 1
            for chain in open_chains:
                last = chain[-1]
                dq, dd = qi - int(q[last]), di - int(d[last])
                if dq <= 0 or dd <= 0:
                    continue
                drift = abs(dd - dq)
                if drift < best_drift:
                    best, best_drift = chain, drift
            if best is not None:
                best.append(i)
            else:
                open_chains.append([i])
        closed.extend(open_chains)
        doc_text = self._texts[gid]
        source = {int(d[i]): (int(ds[i]), int(de[i])) for i in range(d.size)}
        passages: list[Passage] = []
        for chain in closed:
            if len(chain) < rule.min_seeds:
                continue
            seeds = [(int(q[i]), int(d[i])) for i in chain]
            runs = align_chain(
                norm.text, doc_text, seeds, k,
                split_edits=rule.split_edits, extend=self.config.window + k - 1,
            )  # fmt: skip
            for run in runs:
                if (
                    run.seeds < rule.min_seeds
                    or run.length < rule.min_chars
                    or run.matched < rule.min_chars * 0.6
                    or run.identity < 1.0 - rule.max_distance
                ):
                    continue
                first = min((dd for _, dd in seeds if run.d0 <= dd < run.d1), default=None)
                last = max((dd for _, dd in seeds if run.d0 <= dd < run.d1), default=None)
                if first is None or last is None:
                    continue
                ps, pe = norm.to_source(run.q0, run.q1)
                passages.append(
                    Passage(
                        post_start=ps,
                        post_end=pe,
                        doc_start=source[first][0],
                        doc_end=source[last][1],
                        length=run.length,
                        seeds=run.seeds,
                        identity=round(run.identity, 4),
                        doc_compact=(run.d0, run.d1),
                    )
                )
        return _disjoint(passages)


def _disjoint(passages: list[Passage]) -> list[Passage]:
    """Longest first, dropping passages that overlap a longer one in the post."""
    kept: list[Passage] = []
    for p in sorted(passages, key=lambda p: (-p.length, p.post_start)):
        if all(p.post_end <= o.post_start or p.post_start >= o.post_end for o in kept):
            kept.append(p)
    return kept


def _score(p: Passage, rule: ExcerptRule) -> float:
    """Identity times a length factor: 0.6 at the minimum length, 1.0 at three times it."""
    length_factor = min(1.0, 0.6 + 0.4 * (p.length - rule.min_chars) / (2 * rule.min_chars))
    return round(max(0.0, min(1.0, p.identity * length_factor)), 4)
