"""Specificity: what in a bank document is evidence of it, and what a large bank makes common."""

from __future__ import annotations

import numpy as np
import pytest

from redline.detect.banks import (
    BankEntry,
    DocumentIndex,
    EntryKind,
    ExcerptRule,
    FingerprintConfig,
    fingerprint,
)
from redline.detect.banks.recurrence import frequencies, postings
from redline.detect.banks.specificity import boilerplate, specific_rows

K = 8
RULE = ExcerptRule()
CONFIG = FingerprintConfig()


def _profile(freq: list[int]) -> np.ndarray:
    """The specific rows of a document whose fingerprints have these frequencies, no postings."""
    n = len(freq)
    empty = np.zeros(0, dtype=np.int64)
    fpos = np.arange(0, 5 * n, 5, dtype=np.int64)
    counts = np.asarray(freq, dtype=np.int64)
    return specific_rows(
        RULE,
        np.arange(n, dtype=np.uint32),
        fpos,
        counts,
        (empty, empty, empty),
        boilerplate(counts, fpos, K, RULE.boilerplate_docs, 66),
        K,
        None,
    )


def test_kgrams_too_common_to_say_anything_do_not_erode_the_evidence_beside_them() -> None:
    """In a large bank in one vocabulary every other k-gram is common ("ofthe..."): the rare
    ones between them are still the document's own text, not junctions of a formula."""
    common = RULE.rare_docs
    freq = [1, common] * 10
    specific = _profile(freq)
    rare_rows = np.flatnonzero(np.asarray(freq) == 1)
    assert not specific[np.asarray(freq) == common].any()
    assert specific[rare_rows].all()


def test_an_isolated_rare_kgram_between_house_formulas_is_still_eroded() -> None:
    """Erosion still trims a junction whose neighbours are shared (here: a letterhead)."""
    header = [RULE.boilerplate_docs] * 15  # 75 compact letters, all in five documents
    freq = [1] * 4 + header + [1] + header + [1] * 4
    specific = _profile(freq)
    assert not specific[19]
    assert specific[1:3].all()


def _doc(i: int, shared: str) -> str:
    words = " ".join(f"w{i}x{j}q" for j in range(30))
    return f"{words} {shared} closing{i}"


@pytest.mark.parametrize("segments", [1, 2])
def test_frequencies_count_every_other_document_and_common_ones_are_not_followed(
    segments: int,
) -> None:
    shared = "the harbour contract was signed"
    rule = ExcerptRule(boilerplate_docs=2, rare_docs=3)
    docs = [(str(i), _doc(i, shared)) for i in range(6)]
    index = DocumentIndex(rule)
    for i, (name, text) in enumerate(docs):
        index.add(BankEntry("b", name, EntryKind.DOCUMENT), fingerprint(text, CONFIG))
        if segments == 2 and i == 2:
            index._flush()
    index._flush()
    assert len(index._segments) == segments
    seg = index._segments[0]
    rows = seg.rows(seg.local(0))
    hashes = seg.fhash[rows]
    freq = frequencies(index._segments, seg, rows)
    post_rows, others, _ = postings(index._segments, 0, seg, rows, freq, rule.rare_docs)
    everyone = [set(fingerprint(text, CONFIG).hashes.tolist()) for _, text in docs[1:]]
    expected = [1 + sum(int(h) in other for other in everyone) for h in hashes.tolist()]
    assert freq.tolist() == expected
    assert max(expected) >= rule.rare_docs  # the shared sentence is common here
    assert set(post_rows.tolist()) == {r for r, f in enumerate(expected) if 1 < f < 3}
    assert 0 not in set(others.tolist())
