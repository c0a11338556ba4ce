"""Whole-command speed of ``redline scan`` with a store of bank documents, start-up included.

    python bench/banks/scan.py                 # 20,000 posts, 5 banked memos, best of 3
    python bench/banks/scan.py --posts 5000 --repeat 1

Posts are the PII benchmark's standard corpus (``bench/pii/generate.py``, seed 1: short social
posts, news lines, forms), so the scan does its usual private-data work and the bank matcher runs
on top. Three configurations are timed as whole subprocesses, in one run, each its fastest of
``--repeat``: this tree without banks (no store: detection alone), this tree with a store holding
five memos of one house (``house.py``), and the release before issue 11 (``run.BASELINE``, its
own store and its own source on ``PYTHONPATH``) with the same five memos. Wall and CPU (user +
system of the child) are both reported; the machine is shared, so CPU is the steadier figure.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from bench.banks.house import house_corpus  # noqa: E402
from bench.banks.run import BASELINE, release_src  # noqa: E402


def command(src: Path, home: Path, *args: str) -> tuple[float, float]:
    """Run ``redline ARGS`` from ``src`` with ``REDLINE_HOME=home``: (wall, CPU) seconds."""
    env = {**os.environ, "REDLINE_HOME": str(home), "PYTHONPATH": str(src)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "redline.cli.main", *args], env=env, check=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", default=BASELINE)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="redline-scan-bench-"))
    posts = work / "posts.jsonl"
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pii" / "generate.py"), "--seed", "1", "--n",
         str(args.posts), "--output", str(work / "gold.jsonl"), "--scan-input", str(posts)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    memos = house_corpus("test", n_orgs=1, memos_per_org=5, n_posts=2, screenshots=False).memos
    files = []
    for i, memo in enumerate(memos):
        path = work / f"memo-{i}.txt"
        path.write_text(memo.text)
        files.append(str(path))
    here, release = ROOT / "src", release_src(args.baseline)
    runs = {"no banks (detection alone)": (here, work / "empty")}
    for name, src in (("5 banked memos", here), (f"release {args.baseline}, 5 memos", release)):
        home = work / name.split()[0]
        command(src, home, "bank", "create", "leak", "--designation", "hacked_material")
        command(src, home, "bank", "add", "leak", *files)
        runs[name] = (src, home)
    print(f"redline scan, {args.posts} posts, fastest of {args.repeat} (wall / CPU seconds)")
    results = {}
    for name, (src, home) in runs.items():
        best = min(
            (command(src, home, "scan", str(posts), "--output", str(work / "out.jsonl"))
             for _ in range(args.repeat)),
            key=lambda t: t[1],
        )  # fmt: skip
        results[name] = best
        wall, cpu = best
        print(f"  {name:<32} {wall:6.2f} / {cpu:6.2f} s   {args.posts / wall:7.0f} / "
              f"{args.posts / cpu:7.0f} posts/s")  # fmt: skip
    base = results["no banks (detection alone)"][1]
    for name in list(runs)[1:]:
        cpu = results[name][1]
        print(f"  {name}: banks add {cpu - base:.2f} s CPU to detection's {base:.2f} s")


if __name__ == "__main__":
    main()
