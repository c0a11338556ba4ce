"""Banks benchmark: leak matching against same-house text, screenshots, and speed at scale.

    python bench/banks/run.py                    # everything (~30-40 min, most of it OCR and 100k)
    python bench/banks/run.py --quick            # 600 posts a split, no screenshots, no 100k run

Accuracy runs on the house-style corpus (``house.py``): a tuning split and a test split, each
with its own organisations, house styles (from disjoint halves of the stock-frame pool) and
posts, over a bank of their banked memos plus ``--filler`` dossier documents from the legacy
generator (``generate.py``). Engines, side by side in one run, each in its own process
(``engine.py``):

* ``redline``: this tree, with no background model; ``redline+bg``: this tree with the
  corpus's background sample (the same houses' other memos and news) learned as ordinary text;
* ``release``: the matcher of an earlier commit (``--baseline``, by default the commit before
  issue 11's work), unpacked from git into ``bench/banks/out/``;
* ``minhash``: datasketch MinHashLSH over 25-word chunks, threshold tuned on the tuning split.

A positive counts when its memo is among the matches scoring at least the policy threshold
(``--min-score``, default the ``hacked.material`` rule's ``min_score`` in the default policy);
every other reported memo is a false match. Screenshot posts carry their excerpt as an image
(one in four as a scanned PDF page); it is read back with Redline's own extraction (Tesseract),
once, and cached.

Speed: lookup latency per text post (fastest of ``--repeat``) at each of ``--sizes`` bank sizes
(filled with legacy dossiers), for this tree and the release, with wall and CPU time; memory per
entry from tracemalloc. Results: stdout and ``bench/banks/out/results.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.banks.generate import Generator  # noqa: E402
from bench.banks.house import HouseCorpus, house_corpus  # noqa: E402

OUT = ROOT / "bench" / "banks" / "out"
BASELINE = "486c8c0"  # the release before issue 11: the matcher the new one is compared with
FILLER_SEED = 101
LEGACY_TEST_SEED = 303  # the legacy corpus's test posts (issue 3's latency figures)
TARGET_PRECISION = 0.995


def default_min_score() -> float:
    """The default policy's threshold for ``hacked.material``."""
    from redline.decide.policy import load_policy

    policy = load_policy(ROOT / "policies" / "default.yaml")
    rule = next(r for r in policy.rules if r.id == "hacked.material")
    return float(rule.trigger.min_score)


# -- corpus -----------------------------------------------------------------------------------


def filler(n: int) -> list[str]:
    """Legacy dossier documents that bring a bank to size (same generator as before issue 11)."""
    if n <= 0:
        return []
    cache = OUT / f"filler-{FILLER_SEED}-{n}.pkl"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    gen = Generator(FILLER_SEED)
    docs = [gen.document()[0] for _ in range(n)]
    cache.write_bytes(pickle.dumps(docs))
    return docs


def ocr_text(image: bytes, media_type: str) -> str:
    """The text Redline's extraction reads from an image or scan (cached by the file's hash)."""
    from redline.content import Attachment, Content
    from redline.extract.parts import content_parts

    key = hashlib.sha256(image).hexdigest()
    cache = OUT / "ocr" / f"{key}.txt"
    if cache.exists():
        return cache.read_text()
    parts = content_parts(Content("bench", "", attachments=(Attachment(image, media_type),)))
    if parts.unread:
        raise SystemExit(f"OCR is needed for screenshots: {parts.unread[0].reason}")
    text = parts.parts[-1].text
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(text)
    return text


def scanned_pdf(image: bytes) -> bytes:
    """A one-page PDF holding only the image, as a scanner or "print to PDF" of a photo makes."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.open(io.BytesIO(image)).convert("RGB").save(out, "PDF", resolution=96)
    return out.getvalue()


def job_posts(corpus: HouseCorpus, split: str) -> list[dict[str, Any]]:
    """Posts as engines see them: screenshot kinds become commentary plus an image's OCR text."""
    from bench.banks.house import COMMENT
    from bench.banks.render import render

    posts = []
    shots = [p for p in corpus.posts if p.variant.startswith("screenshot")]
    done = 0
    for i, post in enumerate(corpus.posts):
        if post.variant.startswith("screenshot"):
            seed = int(hashlib.sha256(f"{split}:{i}".encode()).hexdigest()[:8], 16)
            image, media_type = render(post.text, seed)
            if seed % 4 == 0:  # one in four arrives as a scanned PDF page
                image, media_type = scanned_pdf(image), "application/pdf"
            text = COMMENT[seed % len(COMMENT)]
            posts.append({"text": text, "image_texts": [ocr_text(image, media_type)]})
            done += 1
            if done % 25 == 0:
                print(f"  {split}: {done}/{len(shots)} screenshots read", flush=True)
        else:
            posts.append({"text": post.text})
    return posts


# -- engines ----------------------------------------------------------------------------------


def release_src(rev: str) -> Path:
    """``src`` of commit ``rev``, unpacked once under bench/banks/out/."""
    dest = OUT / f"release-{rev}"
    if not (dest / "src" / "redline").exists():
        dest.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(dest)], input=archive, check=True)
    return dest / "src"


def run_engine(src: Path, job: dict[str, Any]) -> dict[str, Any]:
    """Run ``engine.py`` for one job in a fresh process importing Redline from ``src``."""
    with tempfile.TemporaryDirectory() as tmp:
        job_path, result_path = Path(tmp) / "job.pkl", Path(tmp) / "result.pkl"
        job_path.write_bytes(pickle.dumps(job))
        subprocess.run(
            [sys.executable, str(ROOT / "bench" / "banks" / "engine.py"), "--src", str(src),
             str(job_path), str(result_path)],
            check=True,
        )  # fmt: skip
        result: dict[str, Any] = pickle.loads(result_path.read_bytes())
        return result


# -- scoring ----------------------------------------------------------------------------------


def score(corpus: HouseCorpus, found: list[dict[int, float]], min_score: float) -> dict[str, Any]:
    """Precision, recall, per-kind rates and false-match rates at one score threshold."""
    tp = fp = positives = 0
    kinds: Counter[str] = Counter()
    good: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    for post, got in zip(corpus.posts, found, strict=True):
        reported = {d for d, s in got.items() if s >= min_score}
        kinds[post.variant] += 1
        if post.source is not None:
            positives += 1
            hit = post.source in reported
            tp += hit
            good[post.variant] += hit
            extra = len(reported - {post.source})
            fp += extra
            wrong[post.variant] += extra > 0
        else:
            fp += len(reported)
            wrong[post.variant] += bool(reported)
    per_kind = {}
    for kind in sorted(kinds):
        n = kinds[kind]
        is_negative = any(p.variant == kind and p.source is None for p in corpus.posts)
        per_kind[kind] = (
            {"n": n, "false_match_rate": round(wrong[kind] / n, 4)}
            if is_negative
            else {"n": n, "recall": round(good[kind] / n, 4), "wrong_memo": wrong[kind]}
        )
    return {
        "precision": tp / max(1, tp + fp),
        "recall": tp / max(1, positives),
        "false_matches": fp,
        "per_kind": per_kind,
    }


def best_recall(corpus: HouseCorpus, found: list[dict[int, float]]) -> dict[str, float]:
    """The lowest threshold whose precision reaches the target, and the recall there."""
    for t in np.round(np.arange(0.0, 1.0001, 0.01), 2):
        s = score(corpus, found, float(t))
        if s["precision"] >= TARGET_PRECISION:
            return {"threshold": float(t), "recall": s["recall"], "precision": s["precision"]}
    return {"threshold": 1.0, "recall": 0.0, "precision": 0.0}


def calibration(corpus: HouseCorpus, found: list[dict[int, float]]) -> list[dict[str, Any]]:
    """Precision of matches per score band: does a score of 0.9 mean 90% right?"""
    bands = [(0.0, 0.5), (0.5, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 0.99), (0.99, 1.01)]
    rows = []
    for lo, hi in bands:
        right = total = 0
        for post, got in zip(corpus.posts, found, strict=True):
            for doc, s in got.items():
                if lo <= s < hi:
                    total += 1
                    right += doc == post.source
        rows.append({"band": f"[{lo:.2f}, {min(hi, 1.0):.2f})", "matches": total,
                     "precision": round(right / total, 4) if total else None})  # fmt: skip
    return rows


def timing(result: dict[str, Any]) -> dict[str, float]:
    wall = np.asarray(result["wall"]) * 1000
    cpu = np.asarray(result["cpu"]) * 1000
    return {
        "p50_ms": float(np.percentile(wall, 50)), "p99_ms": float(np.percentile(wall, 99)),
        "cpu_p50_ms": float(np.percentile(cpu, 50)), "cpu_p99_ms": float(np.percentile(cpu, 99)),
        "posts_per_s": len(wall) / max(1e-9, float(wall.sum()) / 1000),
    }  # fmt: skip


# -- MinHash ------------------------------------------------------------------------------------


def minhash_found(
    docs: list[str], posts: list[dict[str, Any]], threshold: float
) -> list[dict[int, float]]:
    from bench.banks.minhash import MinHashIndex

    index = MinHashIndex(docs, threshold)
    out = []
    for post in posts:
        got = {d: 1.0 for d in index.query(post["text"])}
        for part in post.get("image_texts", ()):
            got.update({d: 1.0 for d in index.query(part)})
        out.append(got)
    return out


def tune_minhash(docs: list[str], corpus: HouseCorpus, posts: list[dict[str, Any]]) -> float:
    best: tuple[tuple[float, float], float] | None = None
    for t in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6):
        s = score(corpus, minhash_found(docs, posts, t), 0.5)
        key = (
            float(s["precision"] >= 0.99),
            s["recall"] if s["precision"] >= 0.99 else s["precision"],
        )
        if best is None or key > best[0]:
            best = (key, t)
    assert best is not None
    return best[1]


# -- main ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=2000, help="posts per split")
    parser.add_argument(
        "--filler", type=int, default=1000, help="legacy dossiers in the accuracy bank"
    )
    parser.add_argument("--sizes", default="100000", help="bank sizes for the latency runs")
    parser.add_argument(
        "--repeat", type=int, default=3, help="time each post N times, keep the fastest"
    )
    parser.add_argument("--baseline", default=BASELINE, help="commit whose matcher is the release")
    parser.add_argument("--min-score", type=float, default=None)
    parser.add_argument("--no-screenshots", action="store_true")
    parser.add_argument("--skip", default="", help="engines to skip: release,minhash,bg")
    parser.add_argument(
        "--splits", default="tune,test", help="accuracy splits to run ('' for the scale runs only)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="600 posts, no screenshots, no latency run"
    )
    args = parser.parse_args()
    if args.quick:
        args.posts, args.no_screenshots, args.sizes = 600, True, ""
    skip = set(args.skip.split(","))
    min_score = args.min_score if args.min_score is not None else default_min_score()
    OUT.mkdir(parents=True, exist_ok=True)
    here, release = ROOT / "src", release_src(args.baseline) if "release" not in skip else None
    results: dict[str, Any] = {"min_score": min_score, "baseline": args.baseline, "splits": {}}
    fill = filler(args.filler)
    for split in [s for s in args.splits.split(",") if s]:
        t0 = time.perf_counter()
        corpus = house_corpus(split, n_posts=args.posts, screenshots=not args.no_screenshots)
        posts = job_posts(corpus, split)
        docs = [m.text for m in corpus.memos] + fill
        took = time.perf_counter() - t0
        print(f"\n== {split}: {len(corpus.memos)} memos + {len(fill)} dossiers, {len(posts)} posts"
              f" ({corpus.dropped} negatives dropped for sharing 80 characters;"
              f" {took:.0f}s)")  # fmt: skip
        job = {"docs": docs, "posts": posts, "repeat": 1, "reads_image_text": True}
        row: dict[str, Any] = {
            "memos": len(corpus.memos),
            "posts": len(posts),
            "dropped": corpus.dropped,
        }
        engines = {"redline": (here, job)}
        if "bg" not in skip:
            engines["redline+bg"] = (here, {**job, "background": corpus.background})
        if release is not None:
            engines["release"] = (release, {**job, "reads_image_text": False})
        for name, (src, engine_job) in engines.items():
            result = run_engine(src, engine_job)
            threshold = min_score if name.startswith("redline") else 0.0
            row[name] = {
                **score(corpus, result["found"], threshold),
                "at_target_precision": best_recall(corpus, result["found"]),
                "calibration": calibration(corpus, result["found"]),
            }
            print_accuracy(name, row[name])
        if "minhash" not in skip:
            if split == "tune":
                results["minhash_threshold"] = tune_minhash(docs, corpus, posts)
            t = results["minhash_threshold"]
            row[f"minhash@{t}"] = score(corpus, minhash_found(docs, posts, t), 0.5)
            print_accuracy(f"minhash@{t}", row[f"minhash@{t}"])
        results["splits"][split] = row
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if sizes:
        results["latency"] = latency(sizes, args, here, release, min_score)
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    print(f"\nwritten {OUT / 'results.json'}")


def latency(
    sizes: list[int], args: argparse.Namespace, here: Path, release: Path | None, min_score: float
) -> dict[str, Any]:
    """Lookup time per text post at each bank size, for this tree and the release.

    Two sets of posts: the legacy ones (``generate.py``'s test split, 80-150 character excerpts
    and same-topic posts, the set issue 3's latency target was set on) and the house corpus's
    text posts (longer: memos of up to 2,000 characters). Accuracy on both is printed too.
    """
    from bench.banks.generate import corpus as legacy_corpus

    house = house_corpus("test", n_posts=args.posts, screenshots=False)
    out: dict[str, Any] = {}
    for n in sizes:
        legacy_docs, legacy = legacy_corpus(n, args.posts, FILLER_SEED, LEGACY_TEST_SEED)
        sets = {
            "legacy": (legacy_docs, legacy),
            "house": ([m.text for m in house.memos] + filler(n - len(house.memos)), house.posts),
        }
        row: dict[str, Any] = {}
        for set_name, (docs, posts) in sets.items():
            job = {"docs": docs, "posts": [{"text": p.text} for p in posts], "repeat": args.repeat}
            labelled = HouseCorpus([], [], list(posts))
            for name, src in (("redline", here), ("release", release)):
                if src is None:
                    continue
                result = run_engine(src, job)
                threshold = min_score if name == "redline" else 0.0
                figures = score(labelled, result["found"], threshold)
                r = row[f"{set_name}/{name}"] = {
                    **timing(result), "build_s": result["build_s"],
                    "bytes_per_entry": result["bytes_per_entry"],
                    "precision": figures["precision"], "recall": figures["recall"],
                }  # fmt: skip
                print(f"  {n:>7} docs {set_name:>6} {name:>8}: p50 {r['p50_ms']:.2f} / p99"
                      f" {r['p99_ms']:.2f} ms wall, CPU p50 {r['cpu_p50_ms']:.2f} / p99"
                      f" {r['cpu_p99_ms']:.2f} ms, {r['bytes_per_entry'] / 1024:.1f} KiB/entry,"
                      f" build {r['build_s']:.0f}s, precision {r['precision']:.4f} recall"
                      f" {r['recall']:.4f}", flush=True)  # fmt: skip
                r["per_kind"] = figures["per_kind"]
                print_kinds(figures["per_kind"])
        out[str(n)] = row
    return out


def print_accuracy(name: str, r: dict[str, Any]) -> None:
    print(f"{name:>14}: precision {r['precision']:.4f}  recall {r['recall']:.4f}"
          f"  false matches {r['false_matches']}")  # fmt: skip
    if "at_target_precision" in r:
        t = r["at_target_precision"]
        at = f"at precision >= {TARGET_PRECISION} (score >= {t['threshold']})"
        print(f"{'':>14}  recall {t['recall']:.4f} {at}")
    print_kinds(r["per_kind"])


def print_kinds(per_kind: dict[str, Any]) -> None:
    """Recall per positive kind and false-match rate per negative kind, one line each."""
    for kind, v in per_kind.items():
        figure = (f"recall {v['recall']:.3f} (wrong memo {v['wrong_memo']})" if "recall" in v
                  else f"false-match rate {v['false_match_rate']:.3f}")  # fmt: skip
        print(f"{'':>14}  {kind:<22} n={v['n']:<4} {figure}")


if __name__ == "__main__":
    main()
