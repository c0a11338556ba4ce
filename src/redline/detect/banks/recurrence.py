"""How often a bank document's fingerprints recur in the rest of the bank, and where.

What specificity (``specificity``) is computed from, per candidate document, at query time. The
cost must not grow with the bank: in a large bank written in one vocabulary a single k-gram can
sit in tens of thousands of documents, so fingerprints too common to follow are counted, never
expanded (expanding them made the first query of a document cost a second at 100,000
documents), and the document's own segment already knows its rows' counts (``Segment.ffreq``).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from redline.detect.banks.segment import Segment, expand_ranges
from redline.detect.banks.specificity import Postings

__all__ = ["frequencies", "postings"]

I64 = npt.NDArray[np.int64]


def frequencies(segments: list[Segment], seg: Segment, rows: slice) -> I64:
    """Each row's hash: its occurrences in the bank's other documents, plus one."""
    hashes = seg.fhash[rows]
    needles, where, mine = np.unique(hashes, return_inverse=True, return_counts=True)
    total = seg.ffreq[rows].astype(np.int64)
    for other in segments:
        if other is not seg:
            total = total + other.counts(needles)[1][where]
    return total - mine[where] + 1


def postings(
    segments: list[Segment], gid: int, seg: Segment, rows: slice, freq: I64, rare_docs: int
) -> Postings:
    """``(row, other document, its offset)`` of each row under ``rare_docs`` found elsewhere."""
    follow = np.flatnonzero(freq < rare_docs)
    needles, at = np.unique(seg.fhash[rows][follow], return_inverse=True)
    row_parts, doc_parts, offset_parts = [], [], []
    for part in segments:
        left, count = part.counts(needles)
        left, count = left[at], count[at]
        irows = part.irow[expand_ranges(left, count)].astype(np.int64)
        row_parts.append(np.repeat(follow.astype(np.int64), count))
        doc_parts.append(part.doc_of(irows))
        offset_parts.append(part.fpos[irows].astype(np.int64))
    row = np.concatenate(row_parts)
    doc, offset = np.concatenate(doc_parts), np.concatenate(offset_parts)
    other = doc != gid
    return row[other], doc[other], offset[other]
