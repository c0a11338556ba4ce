"""Excerpt index: find which bank documents a post quotes, and where.

Two phases, so that lookup cost depends on the post and not on the bank's size:

1. Candidates. The post's k-gram hashes are binary-searched, in one vectorised call, in an
   inverted index of the bank's winnowed fingerprints (sorted numpy arrays, see ``segment``).
   Only rare fingerprints count here: one found in ``rare_docs`` or more documents
   (a header, a disclaimer, a stock phrase) is skipped, which bounds the work a common phrase can
   cause. A document becomes a candidate with ``min_seeds`` rare hits near one diagonal.
2. Verification, per candidate. All of the document's fingerprints found in the post, common
   ones included, are chained along a diagonal and aligned seed to seed on the compact texts
   (``align``). Boilerplate is then judged by region, not by single fingerprint: a stretch of the
   document at least ``min_chars`` long whose consecutive fingerprints are all common is
   boilerplate, and it does not count towards a passage's length. A post that shares only a
   header, or a header and a short phrase, does not match; a quote made of ordinary words does,
   because its rare and common fingerprints are interleaved.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from redline.detect.banks.align import Alignment, align_chain, chain_seeds
from redline.detect.banks.bank import BankEntry, ExcerptRule
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints, query_grams
from redline.detect.banks.segment import Segment, expand_ranges
from redline.extract.normalize import NormalizedText, compact

__all__ = ["DocumentIndex", "DocumentMatch", "Passage"]

I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]
_BUCKET = 32  # diagonal bucket width for the candidate pre-filter (two grids, offset by half)
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


class DocumentIndex:
    """Inverted index of winnowed fingerprints with alignment-verified excerpt matching."""

    def __init__(self, rule: ExcerptRule | None = None, config: FingerprintConfig | None = None):
        self.rule = rule or ExcerptRule()
        self.config = config or FingerprintConfig()
        self._entries: list[BankEntry] = []
        self._segments: list[Segment] = []
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
            self._segments.append(Segment.of_documents(self._pending))
            self._pending = []
        if len(self._segments) > _MAX_SEGMENTS or (force_merge and len(self._segments) > 1):
            self._segments = [Segment.merge(self._segments)]

    def _boilerplate_docs(self) -> int:
        """How many documents must share a stretch to make it boilerplate (grows with the bank)."""
        rule = self.rule
        return max(rule.boilerplate_docs, math.ceil(rule.boilerplate_share * len(self._entries)))

    def query(self, text: str | NormalizedText) -> list[DocumentMatch]:
        """Bank documents the post quotes, best first, each with its shared passages."""
        norm = text if isinstance(text, NormalizedText) else compact(text)
        grams = query_grams(norm, self.config)
        if grams.size == 0 or not self._entries:
            return []
        self._flush()
        matches: list[DocumentMatch] = []
        for gid in self._candidates(grams):
            passages = self._verify(gid, norm, grams)
            if passages:
                best = passages[0]
                matches.append(
                    DocumentMatch(
                        entry=self._entries[gid],
                        rule="excerpt",
                        score=_score(best, self.rule),
                        distance=round(1.0 - best.identity, 4),
                        passages=tuple(passages),
                    )
                )
        matches.sort(key=lambda m: (-m.score, m.entry.key))
        return matches

    def _candidates(self, grams: U32) -> list[int]:
        """Documents with ``min_seeds`` rare hits near one diagonal (two offset grids)."""
        # Sorted needles make the binary searches walk the haystack in order (cache friendly).
        needles, where = np.unique(grams, return_inverse=True)
        found = [seg.counts(needles) for seg in self._segments]
        total = sum((c for _, c in found), np.zeros(needles.size, dtype=np.int64))
        per_gram = total[where]
        rare = (per_gram > 0) & (per_gram < self.rule.rare_docs)
        rare &= ~_common_runs(per_gram, self._boilerplate_docs(), self.rule.min_chars)
        qs, docs, ds = [], [], []
        for seg, (left, count) in zip(self._segments, found, strict=True):
            count = np.where(rare, count[where], 0)
            if not count.any():
                continue
            rows = seg.irow[expand_ranges(left[where], count)].astype(np.int64)
            qs.append(np.repeat(np.arange(grams.size, dtype=np.int64), count))
            docs.append(seg.doc_ids[np.searchsorted(seg.row_offsets, rows, "right") - 1])
            ds.append(seg.fpos[rows].astype(np.int64))
        if not qs:
            return []
        q, doc, d = np.concatenate(qs), np.concatenate(docs), np.concatenate(ds)
        hot = self._hot(q, doc, d)
        if len(hot) >= self._boilerplate_docs():
            # Many documents hit at the same post offsets: those offsets are boilerplate the
            # documents share (an organisation's header with a short name inside); drop them.
            in_hot = np.isin(doc, hot)
            pairs = np.unique(q[in_hot] * 1_000_003 + doc[in_hot])
            offsets, docs_per_offset = np.unique(pairs // 1_000_003, return_counts=True)
            shared = offsets[docs_per_offset >= self._boilerplate_docs()]
            if shared.size:
                keep = ~np.isin(q, shared)
                hot = self._hot(q[keep], doc[keep], d[keep])
        # Verification is the costly step: only the documents with the most seeds on one
        # diagonal are verified, which bounds a query's cost whatever the bank's size.
        return sorted(hot[: self.rule.max_candidates])

    def _hot(self, q: I64, doc: I64, d: I64) -> list[int]:
        """Documents with ``min_seeds`` hits near one diagonal, spread over ``min_spread``.

        Ordered by their most seeds on one diagonal, best first.
        """
        need = self.rule.min_seeds
        if not doc.size:
            return []
        per_doc = np.bincount(doc)
        maybe = per_doc[doc] >= need
        q, diag, doc = q[maybe], (d - q)[maybe], doc[maybe]
        if not doc.size:
            return []
        found_docs: list[I64] = []
        found_counts: list[I64] = []
        for shift in (0, _BUCKET // 2):
            keys = doc * 1_000_003 + np.floor_divide(diag + shift, _BUCKET)
            order = np.argsort(keys, kind="stable")
            keys, qs_, docs_ = keys[order], q[order], doc[order]
            starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
            counts = np.diff(np.r_[starts, keys.size])
            # Hits that all sit inside one short string (a name shared by many documents) are
            # not a passage: the rare hits must spread over ``min_spread`` post characters.
            spread = np.maximum.reduceat(qs_, starts) - np.minimum.reduceat(qs_, starts)
            ok = (counts >= need) & (spread + self.config.k >= self.rule.min_spread)
            found_docs.append(docs_[starts[ok]])
            found_counts.append(counts[ok])
        docs_all, counts_all = np.concatenate(found_docs), np.concatenate(found_counts)
        if not docs_all.size:
            return []
        by_doc = np.lexsort((-counts_all, docs_all))  # each document's best bucket first
        docs_all, counts_all = docs_all[by_doc], counts_all[by_doc]
        first = np.flatnonzero(np.r_[True, docs_all[1:] != docs_all[:-1]])
        docs_all, counts_all = docs_all[first], counts_all[first]
        ranked = np.lexsort((docs_all, -counts_all))
        return [int(x) for x in docs_all[ranked]]

    def _verify(self, gid: int, norm: NormalizedText, grams: U32) -> list[Passage]:
        """Chain all of one document's fingerprints found in the post and keep aligned passages."""
        rule, k = self.rule, self.config.k
        for seg in self._segments:
            local = seg.local(gid)
            if local is not None:
                break
        else:
            return []
        rows = seg.rows(local)
        fh, fpos = seg.fhash[rows], seg.fpos[rows].astype(np.int64)
        order = np.argsort(fh, kind="stable")
        left = np.searchsorted(fh[order], grams, "left").astype(np.int64)
        count = np.searchsorted(fh[order], grams, "right").astype(np.int64) - left
        if int(count.sum()) < rule.min_seeds:
            return []
        js = order[expand_ranges(left, count)]
        q = np.repeat(np.arange(grams.size, dtype=np.int64), count)
        d = fpos[js]
        by = np.lexsort((d, q))
        q_list, d_list, js = q[by].tolist(), d[by].tolist(), js[by]
        boiler: list[tuple[int, int]] | None = None  # computed only if a run gets that far
        extend = self.config.window + k - 1
        passages: list[Passage] = []
        for chain in chain_seeds(q_list, d_list, max_gap=rule.max_gap, max_drift=rule.max_drift):
            if len(chain) < rule.min_seeds:
                continue
            if q_list[chain[-1]] - q_list[chain[0]] + k + 2 * extend < rule.min_chars:
                continue  # cannot reach the minimum length even fully extended
            seeds = [(q_list[i], d_list[i]) for i in chain]
            for run in align_chain(
                norm.text, self._texts[gid], seeds, k, split_edits=rule.split_edits, extend=extend
            ):
                if not self._accept(run, []):
                    continue
                if boiler is None:
                    boiler = self._boilerplate(seg, rows, fpos, k)
                if boiler and not self._accept(run, boiler):
                    continue
                inside = [i for i in chain if run.d0 <= d_list[i] < run.d1]
                first, last = int(js[inside[0]]), int(js[inside[-1]])
                base = rows.start
                ps, pe = norm.to_source(run.q0, run.q1)
                passages.append(
                    Passage(
                        post_start=ps,
                        post_end=pe,
                        doc_start=int(seg.fstart[base + first]),
                        doc_end=int(seg.fstart[base + last]) + int(seg.fspan[base + last]),
                        length=run.length,
                        seeds=run.seeds,
                        identity=round(run.identity, 4),
                        doc_compact=(run.d0, run.d1),
                    )
                )
        return _disjoint(passages)

    def _boilerplate(self, seg: Segment, rows: slice, fpos: I64, k: int) -> list[tuple[int, int]]:
        """Document regions whose consecutive fingerprints are all common (compact offsets)."""
        freq = seg.ffreq[rows].astype(np.int64)
        others = [s for s in self._segments if s is not seg]
        if others:
            needles, where = np.unique(seg.fhash[rows], return_inverse=True)
            for other in others:
                freq += other.counts(needles)[1][where]
        mask = _common_runs(freq, self._boilerplate_docs(), self.rule.min_chars, fpos)
        regions: list[tuple[int, int]] = []
        start = None
        for i, flag in enumerate([*mask.tolist(), False]):
            if flag and start is None:
                start = i
            elif not flag and start is not None:
                regions.append((int(fpos[start]), int(fpos[i - 1]) + k))
                start = None
        return regions

    def _accept(self, run: Alignment, boiler: list[tuple[int, int]]) -> bool:
        """Whether an aligned run is long, close and informative enough to be an excerpt."""
        rule = self.rule
        covered = sum(max(0, min(run.d1, b) - max(run.d0, a)) for a, b in boiler)
        return (
            run.seeds >= rule.min_seeds
            and run.length - covered >= rule.min_chars
            and run.matched >= rule.min_chars * 0.6
            and run.identity >= 1.0 - rule.max_distance
        )


def _common_runs(
    freq: I64, threshold: int, min_span: int, positions: I64 | None = None
) -> npt.NDArray[np.bool_]:
    """Mark runs of consecutive known hashes in ``threshold``+ documents spanning ``min_span``.

    Unknown hashes (frequency 0: k-grams no document selected) neither break nor extend a run,
    since winnowing leaves most positions of a shared header unselected. ``positions`` are the
    hashes' offsets (default: their index, as for a post's k-grams).
    """
    pos = np.arange(freq.size, dtype=np.int64) if positions is None else positions
    known = np.flatnonzero(freq > 0)
    mask = np.zeros(freq.size, dtype=np.bool_)
    if not known.size:
        return mask
    common = freq[known] >= threshold
    edges = np.flatnonzero(np.diff(np.r_[0, common.astype(np.int8), 0]))
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        first, last = known[a], known[b - 1]
        if pos[last] - pos[first] >= min_span:
            mask[first : last + 1] = True
    return mask


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
