"""Recall of signals received through an exchange against the bank that has the text.

    python bench/exchange/run.py [--posts 600] [--filler 1000] [--screenshots]

On the house corpus of ``bench/banks`` (both splits, the same posts and scoring as
``bench/banks/run.py``), in one process and side by side:

* ``local``: the sender's bank, holding the memos' text and the background model (what
  ``redline bank add`` and ``redline bank background add`` give);
* ``received``: a receiver holding only the keyed excerpt fingerprints that bank exports
  (``redline exchange export``, ``curate.exchange.export``), matched with the exchange key.

Reports precision, recall, false matches per kind at the default policy's threshold, recall at
precision >= 0.995, the feed's bytes per document, and the match time per post of each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.banks.house import house_corpus  # noqa: E402
from bench.banks.run import (  # noqa: E402
    best_recall,
    default_min_score,
    filler,
    job_posts,
    print_accuracy,
    score,
)

OUT = ROOT / "bench" / "exchange" / "out"
KEY = b"bench-exchange-key-0123456789"


def banks(docs: list[str], background: list[str]) -> tuple[Any, Any, int]:
    """(the sender's snapshot, the receiver's snapshot, feed bytes) for one corpus."""
    from redline.detect.banks import Bank, BankEntry, DocumentIndex, EntryKind, fingerprint
    from redline.detect.banks.keyed import key_fingerprints
    from redline.detect.banks.snapshot import BankSnapshot

    bank = Bank("bench", designations=("hacked_material",))
    local = BankSnapshot([bank])
    items = []
    for i, text in enumerate(docs):
        entry = BankEntry("bench", str(i), EntryKind.DOCUMENT)
        fps = fingerprint(text, local.config)
        local.add(entry, fps)
        items.append((entry, fps))
    if background:
        local.learn_background(background)
    # what the export computes: the flags come from the sender's own index and background
    index = DocumentIndex.build(items, bank.excerpt, local.config)
    index.background = local.background
    received = BankSnapshot([bank])
    received.use_exchange_keys([KEY])
    feed = 0
    for gid, (entry, fps) in enumerate(items):
        keyed = key_fingerprints(fps, KEY, index.profile_at(gid))
        feed += len(keyed.to_text())
        received.add_keyed(entry, keyed)
    return local, received, feed


def run(snap: Any, posts: list[dict[str, Any]]) -> tuple[list[dict[int, float]], list[float]]:
    """Per post, {document: score} and the seconds its text took to match."""
    found, took = [], []
    for post in posts:
        t0 = time.perf_counter()
        got = {int(m.entry.name): m.score for m in snap.match_text(post["text"]).matches}
        took.append(time.perf_counter() - t0)
        for part in post.get("image_texts", ()):
            for m in snap.match_text(part).matches:
                got[int(m.entry.name)] = max(got.get(int(m.entry.name), 0.0), m.score)
        found.append(got)
    return found, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, default=600, help="posts per split")
    parser.add_argument("--filler", type=int, default=1000, help="legacy dossiers in the bank")
    parser.add_argument("--screenshots", action="store_true", help="with OCR'd screenshots")
    args = parser.parse_args()
    min_score = default_min_score()
    OUT.mkdir(parents=True, exist_ok=True)
    (ROOT / "bench" / "banks" / "out").mkdir(parents=True, exist_ok=True)  # filler's cache
    fill = filler(args.filler)
    results: dict[str, Any] = {"min_score": min_score, "splits": {}}
    for split in ("tune", "test"):
        corpus = house_corpus(split, n_posts=args.posts, screenshots=args.screenshots)
        posts = job_posts(corpus, split)
        docs = [m.text for m in corpus.memos] + fill
        local, received, feed = banks(docs, corpus.background)
        print(f"\n== {split}: {len(corpus.memos)} memos + {len(fill)} dossiers, {len(posts)} posts;"
              f" feed {feed / len(docs):.0f} bytes a document")  # fmt: skip
        row: dict[str, Any] = {"feed_bytes_per_document": feed / len(docs)}
        for name, snap in (("local", local), ("received", received)):
            found, took = run(snap, posts)
            row[name] = {
                **score(corpus, found, min_score),
                "at_target_precision": best_recall(corpus, found),
                "ms_per_post": {
                    "mean": round(1000 * float(np.mean(took)), 3),
                    "p99": round(1000 * float(np.percentile(took, 99)), 3),
                },
            }
            print_accuracy(name, row[name])
            t = row[name]["ms_per_post"]
            print(f"{'':>14}  match time per post: mean {t['mean']} ms, p99 {t['p99']} ms")
        results["splits"][split] = row
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    print(f"\nwritten {OUT / 'results.json'}")


if __name__ == "__main__":
    main()
