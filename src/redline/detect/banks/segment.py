"""Segments: the immutable sorted blocks the excerpt index is made of.

A segment holds, for a run of documents, their fingerprints twice: forward (grouped by document,
in text order: what verification walks) and inverted (sorted by hash: what lookup binary-searches).
Adding documents creates a new small segment; segments are merged when there are too many, as in
a log-structured merge tree, so an add never re-sorts the whole index.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from redline.detect.banks.fingerprint import Fingerprints

__all__ = ["Segment", "expand_ranges"]

I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]


def expand_ranges(left: I64, count: I64) -> I64:
    """All indices of the ranges ``[left[i], left[i] + count[i])``, concatenated."""
    total = int(count.sum())
    starts = np.repeat(left - np.concatenate(([0], np.cumsum(count)[:-1])), count)
    return starts + np.arange(total, dtype=np.int64)


class Segment:
    """Forward and inverted fingerprint arrays for a run of documents (ids ascending)."""

    __slots__ = (
        "doc_ids",
        "ffreq",
        "fhash",
        "fpos",
        "fspan",
        "fstart",
        "ihash",
        "irow",
        "row_offsets",
    )

    def __init__(
        self,
        doc_ids: I64,
        sizes: I64,
        fhash: U32,
        fpos: U32,
        fstart: U32,
        fspan: npt.NDArray[np.uint16],
    ) -> None:
        self.doc_ids = doc_ids
        self.row_offsets = np.concatenate(([0], np.cumsum(sizes))).astype(np.int64)
        self.fhash, self.fpos, self.fstart, self.fspan = fhash, fpos, fstart, fspan
        order = np.argsort(fhash, kind="stable")
        self.ihash = fhash[order]
        self.irow = order.astype(np.uint32)
        # How many postings of this segment share each forward row's hash: verification judges
        # boilerplate by it, and looking it up per query would cost a binary search per row.
        n = self.ihash.size
        runs = np.flatnonzero(np.r_[True, self.ihash[1:] != self.ihash[:-1]]) if n else order[:0]
        lengths = np.diff(np.r_[runs, n])
        self.ffreq = np.zeros(n, dtype=np.uint32)
        self.ffreq[order] = np.repeat(lengths, lengths).astype(np.uint32)

    @classmethod
    def of_documents(cls, docs: list[tuple[int, Fingerprints]]) -> Segment:
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
    def merge(cls, segments: list[Segment]) -> Segment:
        """One segment holding everything in ``segments``."""
        return cls(
            np.concatenate([s.doc_ids for s in segments]),
            np.concatenate([np.diff(s.row_offsets) for s in segments]),
            np.concatenate([s.fhash for s in segments]),
            np.concatenate([s.fpos for s in segments]),
            np.concatenate([s.fstart for s in segments]),
            np.concatenate([s.fspan for s in segments]),
        )

    @property
    def nbytes(self) -> int:
        """Bytes held by this segment's arrays."""
        arrays = (self.doc_ids, self.row_offsets, self.fhash, self.fpos, self.fstart, self.fspan)
        return sum(a.nbytes for a in (*arrays, self.ihash, self.irow, self.ffreq))

    def counts(self, needles: U32) -> tuple[I64, I64]:
        """(first inverted row, number of postings) of each sorted needle hash.

        One binary search per needle, not two: the length of a hash's run of postings is known
        from ``ffreq`` once its first posting is found (the searches are most of a lookup's cost
        in a large bank).
        """
        left = np.searchsorted(self.ihash, needles, "left").astype(np.int64)
        if not self.ihash.size:
            return left, np.zeros(needles.size, dtype=np.int64)
        inside = np.minimum(left, self.ihash.size - 1)
        hit = self.ihash[inside] == needles
        count = np.where(hit, self.ffreq[self.irow[inside]], 0).astype(np.int64)
        return left, count

    def doc_of(self, rows: I64) -> I64:
        """The document id of each forward row."""
        return self.doc_ids[np.searchsorted(self.row_offsets, rows, "right") - 1]

    def local(self, gid: int) -> int | None:
        """This segment's index of document ``gid``, or None."""
        i = int(np.searchsorted(self.doc_ids, gid))
        return i if i < self.doc_ids.size and int(self.doc_ids[i]) == gid else None

    def rows(self, local: int) -> slice:
        """The forward rows of one document."""
        return slice(int(self.row_offsets[local]), int(self.row_offsets[local + 1]))
