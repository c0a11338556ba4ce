"""Fit the excerpt score on the tuning split: a logistic model over a match's evidence.

    python bench/banks/calibrate.py            # fit, print coefficients and a reliability table
    python bench/banks/calibrate.py --write    # ... and write them into calibration.py

Every match the matcher can find (neither score nor specific letters thresholded:
``ExcerptRule(min_score=0, min_specific=0)``, so the curve is learned where it bends) on the
tuning split's posts is a sample: label 1 when it names the memo the post quotes, 0 when it
names any other document (a same-house negative, a wrong memo). Samples come from the bank
without and with the split's background model, so the score means the same in both. The model
is an L2-regularised logistic regression (Newton's method; the penalty keeps the weights finite
when the classes separate, which they nearly do), over ``calibration.FEATURES``. The test split
is never read here.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import numpy as np
import numpy.typing as npt

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.banks.house import house_corpus  # noqa: E402
from bench.banks.run import filler, job_posts  # noqa: E402
from redline.detect.banks import Bank, BankEntry, EntryKind, ExcerptRule, fingerprint  # noqa: E402
from redline.detect.banks.calibration import FEATURES, features  # noqa: E402
from redline.detect.banks.snapshot import BankSnapshot  # noqa: E402

F = npt.NDArray[np.float64]
PENALTY = 0.3  # see --penalty: 1.0 let length alone reach 0.5, 0.1 overshoots


def samples(posts: int, screenshots: bool) -> tuple[F, F]:
    corpus = house_corpus("tune", n_posts=posts, screenshots=screenshots)
    texts = job_posts(corpus, "tune")
    docs = [m.text for m in corpus.memos] + filler(1000)
    xs: list[tuple[float, ...]] = []
    ys: list[float] = []
    for background in (False, True):
        snap = BankSnapshot([Bank("b", excerpt=ExcerptRule(min_score=0.0, min_specific=0))])
        for i, text in enumerate(docs):
            snap.add(BankEntry("b", str(i), EntryKind.DOCUMENT), fingerprint(text, snap.config))
        if background:
            snap.learn_background(corpus.background)
        for post, job in zip(corpus.posts, texts, strict=True):
            for text in (job["text"], *job.get("image_texts", ())):
                for m in snap.match_text(text).matches:
                    xs.append(features(m.passages))
                    ys.append(float(int(m.entry.name) == post.source))
    return np.asarray(xs), np.asarray(ys)


def fit(x: F, y: F, penalty: float = PENALTY) -> tuple[float, F]:
    """Ridge logistic regression by Newton's method (the intercept is not penalised)."""
    xb = np.c_[np.ones(len(x)), x]
    w = np.zeros(xb.shape[1])
    reg = np.eye(xb.shape[1]) * penalty
    reg[0, 0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-xb @ w))
        grad = xb.T @ (p - y) + reg @ w
        hess = xb.T @ (xb * (p * (1 - p))[:, None]) + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return float(w[0]), w[1:]


def reliability(x: F, y: F, b0: float, w: F) -> None:
    p = 1 / (1 + np.exp(-(b0 + x @ w)))
    print(f"{'score band':>14} {'matches':>8} {'right':>7} {'precision':>9}")
    for lo, hi in (
        (0, 0.2),
        (0.2, 0.5),
        (0.5, 0.8),
        (0.8, 0.9),
        (0.9, 0.95),
        (0.95, 0.99),
        (0.99, 1.01),
    ):
        sel = (p >= lo) & (p < hi)
        n = int(sel.sum())
        right = int(y[sel].sum())
        share = right / n if n else float("nan")
        print(f"  [{lo:.2f}, {min(hi, 1):.2f}) {n:>8} {right:>7} {share:>9.3f}")
    for t in (0.5, 0.8, 0.95):
        sel = p >= t
        kept = y[sel].sum() / y.sum()
        print(
            f"  score >= {t}: precision {y[sel].mean():.4f}, share of right matches kept {kept:.4f}"
        )


def write(b0: float, w: F, note: str) -> None:
    path = ROOT / "src" / "redline" / "detect" / "banks" / "calibration.py"
    text = path.read_text()
    block = (
        "CALIBRATION = Calibration(\n"
        f"    intercept={b0:.4f},\n"
        f"    weights=({', '.join(f'{v:.4f}' for v in w)}),\n"
        f'    fitted_on="{note}",\n'
        ")\n"
    )
    text = re.sub(r"CALIBRATION = Calibration\(\n.*?\n\)\n", block, text, flags=re.S)
    path.write_text(text)
    print(f"written {path}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=2000)
    parser.add_argument("--no-screenshots", action="store_true")
    parser.add_argument("--write", action="store_true")
    parser.add_argument(
        "--penalty", type=float, default=PENALTY, help="ridge penalty on the weights"
    )
    args = parser.parse_args()
    x, y = samples(args.posts, not args.no_screenshots)
    print(
        f"{len(y)} matches on the tuning split: {int(y.sum())} right, {int(len(y) - y.sum())} wrong"
    )
    b0, w = fit(x, y, args.penalty)
    print("intercept", round(b0, 4), dict(zip(FEATURES, np.round(w, 4).tolist(), strict=True)))
    reliability(x, y, b0, w)
    if args.write:
        note = f"bench/banks/calibrate.py, tuning split, {args.posts} posts, {len(y)} matches"
        write(b0, w, note)


if __name__ == "__main__":
    main()
