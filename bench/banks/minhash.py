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


class MinHashIndex:
    """Chunks of every bank document in one MinHashLSH at a fixed threshold.

    LSH returns candidates that share a band; each is then checked against the threshold with
    its estimated Jaccard similarity, as datasketch's documentation recommends.
    """

    def __init__(self, docs: Sequence[str], threshold: float) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        keys: list[str] = []
        sets: list[set[bytes]] = []
        for i, doc in enumerate(docs):
            for j, c in enumerate(chunks(doc)):
                keys.append(f"{i}:{j}")
                sets.append(c)
        self.values = np.zeros((len(sets), NUM_PERM), dtype=np.uint64)
        with self.lsh.insertion_session() as session:
            batch = 20_000
            for a in range(0, len(sets), batch):
                hashes = MinHash.bulk(sets[a : a + batch], num_perm=NUM_PERM)
                for n, (key, m) in enumerate(zip(keys[a : a + batch], hashes, strict=True)):
                    session.insert(key, m, check_duplication=False)
                    self.values[a + n] = m.hashvalues
        self.chunks = len(keys)
        self.row = {key: i for i, key in enumerate(keys)}

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
