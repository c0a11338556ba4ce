"""Baseline: datasketch MinHashLSH over word 5-gram shingles of document chunks.

MinHash estimates Jaccard similarity, and an 80-character excerpt has a Jaccard similarity near
zero with a whole 1,500-character document; indexing whole documents would be a straw man. So
each document is cut into overlapping chunks of ``WINDOW`` words (stride ``STRIDE``, so any
excerpt up to ``WINDOW - STRIDE + 1`` words lies inside one chunk), and a post matches a document
when the LSH returns one of its chunks. The LSH threshold is the one knob; ``run.py`` tunes it on
a separate split of posts.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from redline.extract.normalize import normalize

NUM_PERM = 64
WINDOW = 25
STRIDE = 12
SHINGLE = 5


def shingles(words: Sequence[str]) -> set[bytes]:
    if len(words) < SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def chunks(text: str) -> list[set[bytes]]:
    words = normalize(text).text.split()
    out = []
    for start in range(0, max(1, len(words) - WINDOW + STRIDE), STRIDE):
        out.append(shingles(words[start : start + WINDOW]))
    return [c for c in out if c]


class Signatures:
    """MinHash signatures of every chunk of every bank document, computed once.

    The threshold sweep in ``run.py`` builds one LSH per threshold from the same signatures, so
    tuning costs LSH insertions, not re-hashing.
    """

    def __init__(self, docs: Sequence[str]) -> None:
        self.keys: list[str] = []
        sets: list[set[bytes]] = []
        for i, doc in enumerate(docs):
            for j, c in enumerate(chunks(doc)):
                self.keys.append(f"{i}:{j}")
                sets.append(c)
        self.hashes: list[MinHash] = []
        batch = 20_000
        for a in range(0, len(sets), batch):
            self.hashes.extend(MinHash.bulk(sets[a : a + batch], num_perm=NUM_PERM))
        self.values = np.stack([m.hashvalues for m in self.hashes]).astype(np.uint64)


class MinHashIndex:
    """Chunks of every bank document in one MinHashLSH at a fixed threshold.

    LSH returns candidates that share a band; each is then checked against the threshold with
    its estimated Jaccard similarity, as datasketch's documentation recommends.
    """

    def __init__(self, docs: Sequence[str] | Signatures, threshold: float) -> None:
        sigs = docs if isinstance(docs, Signatures) else Signatures(docs)
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        with self.lsh.insertion_session() as session:
            for key, m in zip(sigs.keys, sigs.hashes, strict=True):
                session.insert(key, m, check_duplication=False)
        self.values = sigs.values
        self.chunks = len(sigs.keys)
        self.row = {key: i for i, key in enumerate(sigs.keys)}

    def query(self, text: str) -> set[int]:
        words = normalize(text).text.split()
        s = shingles(words)
        if not s:
            return set()
        m = MinHash(num_perm=NUM_PERM)
        m.update_batch(list(s))
        out = set()
        for key in self.lsh.query(m):
            if float(np.mean(self.values[self.row[key]] == m.hashvalues)) >= self.threshold:
                out.add(int(key.split(":", 1)[0]))
        return out
