"""One matcher, one job: build a bank, match every post, time it. Run in its own process.

    python bench/banks/engine.py --src DIR JOB.pkl RESULT.pkl

``run.py`` starts this once per engine so that the current tree and an earlier release (its
``src`` unpacked by ``git archive``) can be measured side by side on the same corpus in one run:
the ``--src`` directory goes first on ``sys.path``, so the worker imports that tree's Redline.
Both go through the public ``BankSnapshot`` (the object ``redline scan`` and ``moderate`` use).

The job (a pickle written by ``run.py``) holds the bank documents, the posts (text plus the text
of attached images, already read by OCR), an optional background sample, and whether this engine
reads image text. The result holds, per post, ``{document index: score}``, wall and CPU seconds of
the fastest of ``repeat`` timings of its text match, and the build time and memory.
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
import time
import tracemalloc
from typing import Any


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", required=True)
    parser.add_argument("job")
    parser.add_argument("result")
    args = parser.parse_args()
    sys.path.insert(0, args.src)
    with open(args.job, "rb") as f:
        job: dict[str, Any] = pickle.load(f)
    with open(args.result, "wb") as f:
        pickle.dump(run(job), f)


def run(job: dict[str, Any]) -> dict[str, Any]:
    from redline.detect.banks import Bank, BankEntry, EntryKind, fingerprint
    from redline.detect.banks.snapshot import BankSnapshot

    docs: list[str] = job["docs"]
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    t0 = time.perf_counter()
    snap = BankSnapshot([Bank("bench", designations=("hacked_material",))])
    for i, text in enumerate(docs):
        snap.add(BankEntry("bench", str(i), EntryKind.DOCUMENT), fingerprint(text, snap.config))
    for index in snap._docs.values():
        index.compact()
    build_s = time.perf_counter() - t0
    background = job.get("background")
    background_s = 0.0
    if background and hasattr(snap, "learn_background"):
        t1 = time.perf_counter()
        snap.learn_background(background)
        background_s = time.perf_counter() - t1
    gc.collect()
    used = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()

    repeat = int(job.get("repeat", 1))
    found: list[dict[int, float]] = []
    wall: list[float] = []
    cpu: list[float] = []
    for post in job["posts"]:
        best_wall = best_cpu = float("inf")
        got: dict[int, float] = {}
        for _ in range(repeat):
            t1, c1 = time.perf_counter(), time.thread_time()
            got = {int(m.entry.name): m.score for m in snap.match_text(post["text"]).matches}
            best_cpu = min(best_cpu, time.thread_time() - c1)
            best_wall = min(best_wall, time.perf_counter() - t1)
        if job.get("reads_image_text"):
            for part in post.get("image_texts", ()):
                for m in snap.match_text(part).matches:
                    key = int(m.entry.name)
                    got[key] = max(got.get(key, 0.0), m.score)
        found.append(got)
        wall.append(best_wall)
        cpu.append(best_cpu)
    return {
        "found": found,
        "wall": wall,
        "cpu": cpu,
        "build_s": build_s,
        "background_s": background_s,
        "bytes_per_entry": used / max(1, len(docs)),
    }


if __name__ == "__main__":
    main()
