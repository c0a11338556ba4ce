"""Which parts of a bank document are evidence of it, and which are house style or ordinary text.

Computed per candidate document when a post reaches verification, from the frequencies the index
already holds: how many bank documents share each of the document's fingerprints, and in how
many ordinary texts the background model saw it. Three kinds of text count for little:

* **boilerplate**: a stretch of at least ``min_chars`` whose fingerprints are all common in the
  bank (a letterhead, a disclaimer); it does not even count towards a passage's length;
* **house style**: a stretch shared with other bank documents but shorter than ``stock_chars``
  (a stock sentence, a sign-off, a quoted public statement). A longer shared stretch is the same
  document again (a draft and its final version), and stays evidence of both;
* **ordinary text**: a k-gram found in ``background_share`` of the ordinary texts learned (and in
  ``background_min`` at least), such as the staff's names, the house's formulas, or any common
  phrase. A run of such k-grams longer than ``stock_chars`` is not a formula but a text copied
  many times (a leak that spread before it was banked, a sample that holds the leak itself): it
  stays evidence, so a background can never teach the matcher to ignore a long quote.

Everything else is specific: names, numbers, dates and wording that only this document has.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from redline.detect.banks.background import BackgroundModel
from redline.detect.banks.bank import ExcerptRule

__all__ = ["Boilerplate", "Postings", "boilerplate", "common_runs", "specific_rows"]

I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]
Mask = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """A document's boilerplate: its rows, and the compact ``[start, end)`` ranges they cover.

    Known from the fingerprints' frequencies alone, so it is cheap: a passage is measured against
    the floor with it before the costlier specificity is ever needed.
    """

    rows: Mask
    regions: tuple[tuple[int, int], ...]


def common_runs(freq: I64, threshold: int, min_span: int, positions: I64 | None = None) -> Mask:
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


def _house_style(
    rows: I64,
    others: I64,
    other_pos: I64,
    fpos: I64,
    k: int,
    shortest: int,
    longest: int,
    skipped: Mask,
    template: int,
) -> Mask:
    """Rows in stretches shared with another bank document, from ``shortest`` to ``longest``.

    ``rows``/``others``/``other_pos`` list each posting of this document's fingerprints in
    another document. Postings that run along one diagonal of one other document (consecutive
    rows, offsets moving together) are a shared stretch: a stock sentence or a quoted statement
    when shorter than ``longest``, the same document again (a draft, a copy) when longer, which
    stays evidence of both, unless ``template`` or more other documents hold it too: many copies
    of one long passage are a template (a letterhead with its standard paragraph), not drafts.
    Rows marked ``skipped`` (too common to follow) have no postings here and do not break a
    stretch.
    """
    mask = np.zeros(fpos.size, dtype=np.bool_)
    if not rows.size:
        return mask
    diag = other_pos - fpos[rows]
    order = np.lexsort((rows, diag, others))
    rows, others, diag = rows[order], others[order], diag[order]
    rank = np.cumsum(~skipped)[rows]  # consecutive among the rows that have postings here
    breaks = np.r_[
        True,
        (others[1:] != others[:-1])
        | (np.abs(diag[1:] - diag[:-1]) > 2)
        | (rank[1:] - rank[:-1] > 3),
    ]
    starts = np.flatnonzero(breaks)
    ends = np.r_[starts[1:], rows.size]
    spans = fpos[rows[ends - 1]] + k - fpos[rows[starts]]
    shared = (ends - starts >= 2) & (spans >= shortest)
    group = np.cumsum(breaks) - 1  # each posting's stretch
    mask[rows[(shared & (spans < longest))[group]]] = True
    # Rows in long stretches: how many distinct stretches (other documents' copies) hold each.
    long_rows = (shared & (spans >= longest))[group]
    pairs = np.unique(group[long_rows] * np.int64(fpos.size) + rows[long_rows])
    copies = np.bincount(pairs % fpos.size, minlength=fpos.size)
    return mask | (copies >= template)


# Postings of a document's fingerprints in other documents: (row, other document, its offset).
Postings = tuple[I64, I64, I64]

# A stretch shorter than this (compact letters, about four words) shared with another document is
# ordinary phrasing, not a house's formula.
SHORTEST_SHARED = 24


def boilerplate(freq: I64, fpos: I64, k: int, min_docs: int, compact_floor: int) -> Boilerplate:
    """Rows in stretches of ``compact_floor``+ letters whose fingerprints ``min_docs`` share.

    ``freq`` is each fingerprint's occurrences in other documents of the bank plus one.
    """
    rows = common_runs(freq, min_docs, compact_floor, fpos)
    regions: list[tuple[int, int]] = []
    start = None
    for i, flag in enumerate([*rows.tolist(), False]):
        if flag and start is None:
            start = i
        elif not flag and start is not None:
            regions.append((int(fpos[start]), int(fpos[i - 1]) + k))
            start = None
    return Boilerplate(rows, tuple(regions))


def specific_rows(
    rule: ExcerptRule,
    hashes: U32,
    fpos: I64,
    freq: I64,
    postings: Postings,
    boiler: Boilerplate,
    k: int,
    background: BackgroundModel | None,
) -> Mask:
    """Which of one document's fingerprints (rows in text order) are evidence of it.

    ``freq`` is each fingerprint's occurrences in other documents of the bank plus one;
    ``postings`` are where those under ``rule.rare_docs`` occur in other documents.
    """
    rows, others, other_pos = postings
    too_common = freq >= rule.rare_docs
    ordinary = boiler.rows | too_common
    ordinary |= _house_style(
        rows, others, other_pos, fpos, k, SHORTEST_SHARED, rule.stock_chars, too_common,
        rule.boilerplate_docs - 1,
    )  # fmt: skip
    if background is not None and len(background):
        seen = background.frequency(hashes)
        common = seen >= max(
            rule.background_min, math.ceil(rule.background_share * len(background))
        )
        ordinary |= common & ~_long_runs(common, fpos, k, rule.stock_chars)
    return _interior(~ordinary, ~too_common)


_EROSION = 1  # rows trimmed off each end of a specific run (2 cost recall, gained little)


def _interior(specific: Mask, informative: Mask) -> Mask:
    """Specific rows whose informative neighbours are specific too.

    Where a formula meets a slot value ("... said on July 10, 2026: ...") the k-grams spanning the
    junction are unique to the document although neither side is evidence; an isolated specific
    row or the edge of a run is such a junction, the inside of a run is the document's own text.
    Neighbours are counted among the ``informative`` rows only: a k-gram too common in the bank
    to say anything (``of the ca...``) is neither evidence nor a formula, and in a large bank
    written in one vocabulary nearly every other k-gram is one; were they neighbours, erosion
    would leave a quote of a big bank almost no specific letter.
    """
    rows = np.flatnonzero(informative)
    kept = specific[rows]
    inner = kept.copy()
    for step in range(1, _EROSION + 1):
        inner[step:] &= kept[:-step]
        inner[:-step] &= kept[step:]
    out = np.zeros(specific.size, dtype=np.bool_)
    out[rows[inner]] = True
    return out


def _long_runs(mask: Mask, fpos: I64, k: int, longest: int) -> Mask:
    """Rows in runs of consecutive marked rows spanning ``longest`` compact letters or more."""
    out = np.zeros(mask.size, dtype=np.bool_)
    edges = np.flatnonzero(np.diff(np.r_[0, mask.astype(np.int8), 0]))
    for a, b in zip(edges[::2], edges[1::2], strict=True):
        if int(fpos[b - 1]) + k - int(fpos[a]) >= longest:
            out[a:b] = True
    return out
