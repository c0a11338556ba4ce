"""Received signals against the bank with the text, on the banks benchmark's house corpus.

A smaller run of ``bench/exchange/run.py`` (no filler dossiers, fewer posts): the receiver, which
holds only the keyed fingerprints the bank exports, must find nearly every excerpt the bank finds
and report nothing the bank would not (the full figures are in bench/exchange/README.md).
"""

from __future__ import annotations

from bench.banks.house import house_corpus
from bench.banks.run import score
from bench.exchange.run import banks, run

MIN_SCORE = 0.5  # the default policy's threshold for hacked.material (bench/banks/run.py)


def test_received_recall_is_close_to_local_with_no_false_match() -> None:
    corpus = house_corpus("tune", n_posts=300, screenshots=False)
    posts = [{"text": p.text} for p in corpus.posts]
    local, received, feed = banks([m.text for m in corpus.memos], corpus.background)
    mine = score(corpus, run(local, posts)[0], MIN_SCORE)
    theirs = score(corpus, run(received, posts)[0], MIN_SCORE)
    assert mine["recall"] >= 0.95  # the benchmark itself is sound
    assert theirs["recall"] >= mine["recall"] - 0.05, (mine["recall"], theirs["recall"])
    assert theirs["false_matches"] == 0
    assert feed / len(corpus.memos) < 8000  # bytes a document
