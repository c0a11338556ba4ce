"""Fuzz for longer than the suite does: every target (or some) for minutes or hours.

The suite runs each fuzz target of ``tests/fuzz`` for ``REDLINE_FUZZ_SECONDS`` (2 s by default).
This runs the same targets, through the same pytest tests, for ``--minutes`` each, from a random
first seed (so each run explores new inputs), appending what ran to a JSON-lines log and printing
the total per target: the "fuzzing hours" a release note quotes. Failing inputs are written to
``--failures`` (bytes as they are): replay one, fix the bug, and add it as a regression test.

With ``--atheris`` (``pip install -e '.[fuzz]'``), one target is driven by atheris instead,
coverage-guided, through hypothesis' ``fuzz_one_input``: libFuzzer mutates the bytes hypothesis
draws its choices from, keeping those that reach new code.

Usage::

    python bench/fuzz/run.py [--minutes 10] [-k links] [--seed N] [--log fuzz-log.jsonl]
                             [--failures fuzz-failures/]
    python bench/fuzz/run.py --atheris links.canonical_url [--minutes 10]
    python bench/fuzz/run.py --summary fuzz-log.jsonl
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MODULES = ["tests.fuzz.test_links", "tests.fuzz.test_pii", "tests.fuzz.test_policy",
           "tests.fuzz.test_files"]  # fmt: skip


def summary(log: Path) -> str:
    """Seconds and examples per target over every run in ``log``, and the total."""
    seconds: dict[str, float] = defaultdict(float)
    examples: dict[str, int] = defaultdict(int)
    runs: dict[str, int] = defaultdict(int)
    for line in log.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row: dict[str, Any] = json.loads(line)
            seconds[row["target"]] += row["seconds"]
            examples[row["target"]] += row["examples"]
            runs[row["target"]] += 1
    width = max((len(name) for name in seconds), default=6)
    lines = [f"{'target':<{width}}  {'runs':>5}  {'minutes':>8}  {'examples':>10}"]
    for name in sorted(seconds):
        lines.append(
            f"{name:<{width}}  {runs[name]:>5}  {seconds[name] / 60:>8.1f}  {examples[name]:>10}"
        )
    total = sum(seconds.values())
    lines.append(f"{'total':<{width}}  {'':>5}  {total / 60:>8.1f}  {sum(examples.values()):>10}")
    lines.append(f"({total / 3600:.2f} hours)")
    return "\n".join(lines)


def with_pytest(args: argparse.Namespace) -> int:
    """Run the fuzz tests for ``--minutes`` per target."""
    env = {
        **os.environ,
        "REDLINE_FUZZ_SECONDS": str(args.minutes * 60),
        "REDLINE_FUZZ_SEED": str(args.seed),
        "REDLINE_FUZZ_LOG": str(args.log.resolve()),
        "REDLINE_FUZZ_FAILURES": str(args.failures.resolve()),
    }
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/fuzz"]
    if args.k:
        command += ["-k", args.k]
    print(f"seed {args.seed}; log {args.log}; failures in {args.failures}", flush=True)
    code = subprocess.call(command, cwd=ROOT, env=env)
    print(summary(args.log))
    return code


def with_atheris(args: argparse.Namespace) -> int:
    """Drive one target with atheris until ``--minutes`` are spent."""
    import atheris  # the [fuzz] extra

    sys.path.insert(0, str(ROOT))
    from tests.fuzz.harness import Target

    targets = {}
    with atheris.instrument_imports(include=["redline"]):  # coverage of Redline's own code
        modules = [importlib.import_module(name) for name in MODULES]
    for module in modules:
        targets.update({t.name: t for t in vars(module).values() if isinstance(t, Target)})
    if args.atheris not in targets:
        print(f"no target {args.atheris!r}; targets: {', '.join(sorted(targets))}")
        return 2
    target = targets[args.atheris]
    test = target.test(None, 10**9)
    seconds = int(args.minutes * 60)
    atheris.Setup([sys.argv[0], f"-max_total_time={seconds}"], test.hypothesis.fuzz_one_input)
    atheris.Fuzz()
    return 0


def main() -> int:
    """Parse the arguments and fuzz."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="per target")
    parser.add_argument("-k", help="pytest -k: only targets whose test names match")
    parser.add_argument("--seed", type=int, default=random.randrange(2**31))
    parser.add_argument("--log", type=Path, default=Path("fuzz-log.jsonl"))
    parser.add_argument("--failures", type=Path, default=Path("fuzz-failures"))
    parser.add_argument("--atheris", metavar="TARGET", help="drive TARGET with atheris")
    parser.add_argument("--summary", type=Path, metavar="LOG", help="only print LOG's totals")
    args = parser.parse_args()
    if args.summary:
        print(summary(args.summary))
        return 0
    return with_atheris(args) if args.atheris else with_pytest(args)


if __name__ == "__main__":
    sys.exit(main())
