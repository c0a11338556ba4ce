"""Excerpt index: find which bank documents a post quotes, and where.

Two phases, so that lookup cost depends on the post and not on the bank's size:

1. Candidates. The post's k-gram hashes are binary-searched, in one vectorised call, in an
   inverted index of the bank's winnowed fingerprints (sorted numpy arrays, see ``segment``).
   Only rare fingerprints count here: one found in ``rare_docs`` or more documents
   (a header, a disclaimer, a stock phrase) is skipped, which bounds the work a common phrase can
   cause. A document becomes a candidate with ``min_seeds`` rare hits near one diagonal.
2. Verification, per candidate. All of the document's fingerprints found in the post, common
   ones included, are chained along a diagonal and aligned seed to seed on the compact texts
   (``align``). A passage counts only if it covers at least ``min_chars`` (never under 80)
   characters of document text, boilerplate excluded, with at least ``min_matched`` letters that
   agree: stock sentences, sign-offs and sentence frames refilled with other names are shorter.
3. Evidence, per match. Each passage says how many of its letters are specific to the document
   (``specificity``: not boilerplate, not house style shared with other bank documents, not
   ordinary text the background model knows), and the match's score is a calibrated probability
   over that evidence (``calibration``): a long quote of ordinary words still matches, a post
   that shares only the house's formulas scores low even when it reaches the floor.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from redline.detect.banks.align import Alignment, align_chain, chain_seeds
from redline.detect.banks.background import BackgroundModel
from redline.detect.banks.bank import BankEntry, ExcerptRule
from redline.detect.banks.calibration import CALIBRATION
from redline.detect.banks.fingerprint import FingerprintConfig, Fingerprints, query_grams
from redline.detect.banks.passage import DocumentMatch, Passage
from redline.detect.banks.recurrence import frequencies, postings
from redline.detect.banks.segment import Segment, expand_ranges
from redline.detect.banks.specificity import Boilerplate, boilerplate, common_runs, specific_rows
from redline.extract.normalize import NormalizedText, compact, unfold_digits

__all__ = ["DocumentIndex", "DocumentMatch", "Passage"]

I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]
Mask = npt.NDArray[np.bool_]
_Frequencies = tuple[I64, Boilerplate]  # a document's fingerprint frequencies and boilerplate
_BUCKET = 32  # diagonal bucket width for the candidate pre-filter (two grids, offset by half)
_MAX_SEGMENTS = 8
_MAX_PROFILES = 4096  # memoised document profiles (each is a few hundred bytes)
# Up to this many fingerprints, their k-grams are also kept as a set of strings: a post that
# shares fewer than ``min_seeds`` of them with the bank is answered without any array work. Most
# posts share nothing with a bank, and most banks are small; a large bank skips the set (~100
# bytes a fingerprint) and goes straight to the arrays.
_PREFILTER_MAX = 400_000


class DocumentIndex:
    """Inverted index of winnowed fingerprints with alignment-verified excerpt matching."""

    def __init__(self, rule: ExcerptRule | None = None, config: FingerprintConfig | None = None):
        self.rule = rule or ExcerptRule()
        self.config = config or FingerprintConfig()
        self._entries: list[BankEntry] = []
        self._segments: list[Segment] = []
        self._texts: list[str] = []  # compact text per document, for verification
        self._steps: list[npt.NDArray[np.uint8] | None] = []  # source steps per compact letter
        self._ratios: list[float] = []  # source characters per compact letter, on average
        self._digits: list[U32 | None] = []  # folded digits per compact text (fingerprint.py)
        self._unfolded: dict[int, str] = {}  # compact texts with their digits, for alignment
        self._pending: list[tuple[int, Fingerprints]] = []
        self.background: BackgroundModel | None = None
        self._boilerplates: dict[tuple[int, tuple[int, int]], _Frequencies] = {}
        self._specific: dict[tuple[int, tuple[int, int]], Mask] = {}
        self._kgrams: set[str] | None = None  # see _PREFILTER_MAX
        self._fingerprints = 0

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
        steps = sum(s.nbytes for s in self._steps if s is not None)
        steps += sum(d.nbytes for d in self._digits if d is not None)
        return sum(s.nbytes for s in self._segments) + sum(len(t) for t in self._texts) + steps

    def add(self, entry: BankEntry, fps: Fingerprints) -> None:
        """Add one document; it is searchable from the next query on."""
        if fps.config != self.config:
            raise ValueError(
                f"fingerprints are {fps.config.version}, index is {self.config.version}"
            )
        self._pending.append((len(self._entries), fps))
        self._kgrams = None
        self._fingerprints += len(fps)
        self._texts.append(fps.text)
        self._steps.append(fps.steps)
        self._digits.append(fps.digits)
        self._ratios.append(fps.source_ratio())
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
        if not self._entries or not self._may_share(norm.text):
            return []
        grams = query_grams(norm, self.config)
        if grams.size == 0:
            return []
        self._flush()
        matches: list[DocumentMatch] = []
        for gid in self._candidates(grams):
            passages = self._verify(gid, norm, grams)
            if not passages or sum(p.specific for p in passages) < self.rule.min_specific:
                continue  # nothing here but house style and ordinary text
            score = CALIBRATION.score(passages)
            if score >= self.rule.min_score:
                matches.append(
                    DocumentMatch(
                        entry=self._entries[gid],
                        rule="excerpt",
                        score=score,
                        distance=round(1.0 - passages[0].identity, 4),
                        passages=tuple(passages),
                    )
                )
        matches.sort(key=lambda m: (-m.score, m.entry.key))
        return matches

    def _may_share(self, post: str) -> bool:
        """False when a post holds under ``min_seeds`` of a small bank's k-grams."""
        k = self.config.k
        if len(post) < k:
            return False
        if self._fingerprints > _PREFILTER_MAX:
            return True
        if self._kgrams is None:
            self._kgrams = {
                text[p : p + k]
                for text, fps in zip(self._texts, self._positions(), strict=True)
                for p in fps
            }
        shared = self._kgrams.intersection([post[i : i + k] for i in range(len(post) - k + 1)])
        return len(shared) >= self.rule.min_seeds

    def _positions(self) -> list[list[int]]:
        """Each document's fingerprint offsets in its compact text, in document order."""
        self._flush()
        out: list[list[int]] = [[] for _ in self._entries]
        for seg in self._segments:
            for local, gid in enumerate(seg.doc_ids.tolist()):
                out[gid] = seg.fpos[seg.rows(local)].tolist()
        return out

    def _candidates(self, grams: U32) -> list[int]:
        """Documents with ``min_seeds`` rare hits near one diagonal (two offset grids)."""
        # Sorted needles make the binary searches walk the haystack in order (cache friendly).
        needles, where = np.unique(grams, return_inverse=True)
        found = [seg.counts(needles) for seg in self._segments]
        total = found[0][1]
        for _, more in found[1:]:
            total = total + more
        if np.count_nonzero((total > 0) & (total < self.rule.rare_docs)) < self.rule.min_seeds:
            return []  # most posts: fewer rare shared k-grams than a candidate needs
        per_gram = total[where]
        rare = (per_gram > 0) & (per_gram < self.rule.rare_docs)
        rare &= ~common_runs(per_gram, self._boilerplate_docs(), _compact_floor(self.rule))
        qs, docs, ds = [], [], []
        for seg, (left, count) in zip(self._segments, found, strict=True):
            count = np.where(rare, count[where], 0)
            if not count.any():
                continue
            rows = seg.irow[expand_ranges(left[where], count)].astype(np.int64)
            qs.append(np.repeat(np.arange(grams.size, dtype=np.int64), count))
            docs.append(seg.doc_of(rows))
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
        doc = _DocumentView(self, gid, seg, rows, fpos)
        extend = self.config.window + k - 1
        shortest = doc.compact_chars(rule.min_chars)
        passages: list[Passage] = []
        for chain in chain_seeds(q_list, d_list, max_gap=rule.max_gap, max_drift=rule.max_drift):
            if len(chain) < rule.min_seeds:
                continue
            if q_list[chain[-1]] - q_list[chain[0]] + k + 2 * extend < shortest:
                continue  # cannot reach the minimum length even fully extended
            seeds = [(q_list[i], d_list[i]) for i in chain]
            for run in align_chain(
                norm.text,
                self._texts[gid],
                seeds,
                k,
                split_edits=rule.split_edits,
                extend=extend,
                unfolded=(norm.unfolded, self._unfolded_text(gid)),
            ):
                if not self._plausible(run, shortest):
                    continue
                chars = doc.chars(run.d0, run.d1)
                if chars < rule.min_chars:
                    continue
                inside = [i for i in chain if run.d0 <= d_list[i] < run.d1]
                seed_rows = js[inside]
                first, last = int(seed_rows[0]), int(seed_rows[-1])
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
                        doc_chars=chars,
                        specific=doc.specific(seed_rows, run.d0, run.d1, k),
                        redacted=run.redacted,
                    )
                )
        return _disjoint(passages)

    def _unfolded_text(self, gid: int) -> str | None:
        """Document ``gid``'s compact text with its folded digits written as digits again.

        Built for candidates only and kept for a while (a bank's documents are candidates again
        and again); None for fingerprints stored before folded digits were kept.
        """
        found = self._unfolded.get(gid)
        digits = self._digits[gid]
        if found is None and digits is not None:
            if len(self._unfolded) >= _MAX_PROFILES:
                self._unfolded.clear()
            found = self._unfolded[gid] = unfold_digits(self._texts[gid], digits.tolist())
        return found

    def _boilerplate_of(self, gid: int, seg: Segment, rows: slice, fpos: I64) -> _Frequencies:
        """Document ``gid``'s frequencies and boilerplate, memoised until the bank changes."""
        key = (gid, self._version())
        found = self._boilerplates.get(key)
        if found is None:
            if len(self._boilerplates) >= _MAX_PROFILES:
                self._boilerplates.clear()
            freq = frequencies(self._segments, seg, rows)
            found = self._boilerplates[key] = (
                freq,
                boilerplate(
                    freq, fpos, self.config.k, self._boilerplate_docs(), _compact_floor(self.rule)
                ),
            )
        return found

    def _specific_of(self, gid: int, seg: Segment, rows: slice, fpos: I64) -> Mask:
        """Which of document ``gid``'s rows are evidence of it, memoised like its boilerplate."""
        key = (gid, self._version())
        found = self._specific.get(key)
        if found is None:
            if len(self._specific) >= _MAX_PROFILES:
                self._specific.clear()
            freq, boiler = self._boilerplate_of(gid, seg, rows, fpos)
            found = self._specific[key] = specific_rows(
                self.rule,
                seg.fhash[rows],
                fpos,
                freq,
                postings(self._segments, gid, seg, rows, freq, self.rule.rare_docs),
                boiler,
                self.config.k,
                self.background,
            )
        return found

    def profile_at(self, gid: int) -> tuple[npt.NDArray[np.bool_], tuple[tuple[int, int], ...]]:
        """Document ``gid``'s specific rows and boilerplate regions (an exchange ships them)."""
        self._flush()
        for seg in self._segments:
            local = seg.local(gid)
            if local is not None:
                rows = seg.rows(local)
                fpos = seg.fpos[rows].astype(np.int64)
                boiler = self._boilerplate_of(gid, seg, rows, fpos)[1]
                return self._specific_of(gid, seg, rows, fpos), boiler.regions
        raise IndexError(gid)

    def _version(self) -> tuple[int, int]:
        """What a memoised profile depends on: the documents indexed and the background."""
        return (len(self._entries), len(self.background) if self.background is not None else 0)

    def _plausible(self, run: Alignment, shortest: int) -> bool:
        """Whether an aligned run is long and close enough to be measured at all."""
        rule = self.rule
        return (
            run.seeds >= rule.min_seeds
            and run.length >= shortest
            and run.matched >= rule.min_matched
            and run.identity >= 1.0 - rule.max_distance
        )


class _DocumentView:
    """One candidate document during one query: lengths in its own characters, specificity.

    Both are computed only when needed, and in two steps: the boilerplate (from the frequencies
    of the document's fingerprints alone) for every run long enough to be measured against the
    floor, the specificity (which follows the rarer fingerprints into the other documents and
    asks the background model) only for a run that reached the floor. A post that shares an
    organisation's letterhead with thousands of documents costs the first step for each
    candidate, not the second.
    """

    def __init__(
        self, index: DocumentIndex, gid: int, seg: Segment, rows: slice, fpos: I64
    ) -> None:
        self.index, self.gid, self.seg, self.rows, self.fpos = index, gid, seg, rows, fpos
        self.steps = index._steps[gid]
        self.ratio = index._ratios[gid]
        self._boilerplate: Boilerplate | None = None
        self._specific: Mask | None = None

    @property
    def boilerplate(self) -> Boilerplate:
        """The document's boilerplate (from frequencies alone: cheap), on first use."""
        if self._boilerplate is None:
            view = self.index._boilerplate_of(self.gid, self.seg, self.rows, self.fpos)
            self._boilerplate = view[1]
        return self._boilerplate

    @property
    def specific_rows(self) -> Mask:
        """The document's specificity (needs postings: costlier), on first use."""
        if self._specific is None:
            self._specific = self.index._specific_of(self.gid, self.seg, self.rows, self.fpos)
        return self._specific

    def compact_chars(self, chars: int) -> int:
        """The fewest compact letters that could hold ``chars`` characters of this document."""
        return max(1, math.floor(chars / (self.ratio * 1.5)))

    def _span(self, d0: int, d1: int) -> int:
        """Characters of document text from compact letter ``d0`` to ``d1`` (exclusive)."""
        if d1 <= d0:
            return 0
        if self.steps is None:
            return round((d1 - d0) * self.ratio)
        return int(self.steps[d0 + 1 : d1].sum(dtype=np.int64)) + 1

    def chars(self, d0: int, d1: int) -> int:
        """Characters of document text in ``[d0, d1)``, boilerplate left out."""
        total = self._span(d0, d1)
        for a, b in self.boilerplate.regions:
            if a < d1 and b > d0:
                total -= self._span(max(a, d0), min(b, d1))
        return total

    def specific(self, seed_rows: npt.NDArray[np.intp], d0: int, d1: int, k: int) -> int:
        """Letters of ``[d0, d1)`` covered by shared fingerprints specific to this document."""
        keep = seed_rows[self.specific_rows[seed_rows]]
        if not keep.size:
            return 0
        starts = np.clip(self.fpos[keep] - d0, 0, d1 - d0)
        ends = np.clip(self.fpos[keep] + k - d0, 0, d1 - d0)
        cover = np.zeros(d1 - d0 + 1, dtype=np.int64)
        np.add.at(cover, starts, 1)
        np.add.at(cover, ends, -1)
        return int((np.cumsum(cover)[:-1] > 0).sum())


def _compact_floor(rule: ExcerptRule) -> int:
    """The passage floor in compact letters for English-like text (about 5 in 6 characters)."""
    return math.floor(rule.min_chars * 5 / 6)


def _disjoint(passages: list[Passage]) -> list[Passage]:
    """Longest first, dropping passages that overlap a longer one in the post."""
    kept: list[Passage] = []
    for p in sorted(passages, key=lambda p: (-p.length, p.post_start)):
        if all(p.post_end <= o.post_start or p.post_start >= o.post_end for o in kept):
            kept.append(p)
    return kept
