"""What a scan costs, piece by piece: per recognizer, per record, and at start-up.

The whole-command figure of ``run.py`` says whether the speed target is met; this says where the
time goes, so a change can be measured where it acts. On a shared machine wall time is noisy,
so every figure is CPU time (``time.process_time``; a child's from ``getrusage``), the minimum
of ``--repeat`` runs.

Printed (and with ``--json``, written):

- ``facts``: building ``TextFacts`` once per record (digit runs, probe words), shared by all;
- per recognizer: the share of records whose gate lets it run, and its cost per record of the
  whole corpus (gate plus finder), each recognizer timed alone over the corpus with the facts
  already built;
- ``scan``: ``PiiScanner.scan`` per record, everything included (overlaps, signals, masking),
  and its first pass over the corpus alone, which also pays for state built on first use
  (libphonenumber's metadata and patterns, caches): a command pays that once;
- ``start-up``: the CLI scanning an empty file (interpreter, imports, regex compilation),
  and ``command``: the CLI scanning the corpus, per record with the start-up taken out.

Usage::

    python bench/pii/cost.py                          # standard corpus, seed 1, 5,000 records
    python bench/pii/cost.py --templates intl --n 5000
    python bench/pii/cost.py --corpus in.jsonl --repeat 7 --json cost.json
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench.pii`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.pii.generate import FAMILIES, generate, strip_gold, write_jsonl
from redline.detect.pii import default_scanner, probes
from redline.detect.pii.recognizer import TextFacts


def best_cpu(work: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of ``work``: the run least disturbed by others."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def command_cpu(cmd: list[str], repeat: int) -> float:
    """The least CPU time (user + system) of ``repeat`` runs of a command."""
    best = float("inf")
    for _ in range(repeat):
        before = _children_cpu()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        best = min(best, _children_cpu() - before)
    return best


def recognizer_costs(texts: list[str], repeat: int) -> dict[str, Any]:
    """CPU microseconds per record of the facts, each recognizer, and the whole scan."""
    scanner = default_scanner()
    n = len(texts)
    # first, once: what a command pays, lazily built state (phone metadata, caches) included
    started = time.process_time()
    for t in texts:
        scanner.scan(t)
    first = (time.process_time() - started) / n * 1e6
    facts = [TextFacts(t) for t in texts]
    for f in facts:
        _ = f.words  # built on first use by whichever recognizer asks: counted under facts

    def build() -> None:
        for t in texts:
            _ = TextFacts(t).words

    out: dict[str, Any] = {"records": n, "facts_us": best_cpu(build, repeat) / n * 1e6}
    per: dict[str, dict[str, float]] = {}
    pairs = list(zip(texts, facts, strict=True))
    for recognizer in scanner.recognizers:
        applies, find = recognizer.applies, recognizer.find

        def run(applies: Any = applies, find: Any = find) -> None:
            for text, fact in pairs:
                probes._last = (text, fact.probes)  # as in a scan: cues reuse the text's hits
                if applies(text, fact):
                    for _ in find(text, fact):
                        pass

        ran = sum(1 for text, fact in pairs if applies(text, fact))
        per[recognizer.name] = {
            "runs_share": ran / n,
            "us_per_record": best_cpu(run, repeat) / n * 1e6,
        }
    out["recognizers"] = per

    def scan_all() -> None:
        for t in texts:
            scanner.scan(t)

    out["scan_us"] = best_cpu(scan_all, repeat) / n * 1e6
    out["scan_first_us"] = first
    return out


def command_costs(corpus: Path, n: int, repeat: int) -> dict[str, float]:
    """CPU seconds of the CLI's start-up (an empty file) and microseconds per record beyond it."""
    base = [sys.executable, "-m", "redline.cli.main", "scan"]
    with tempfile.TemporaryDirectory() as tmp:
        empty, out = Path(tmp) / "empty.jsonl", Path(tmp) / "out.jsonl"
        empty.write_text("", encoding="utf-8")
        startup = command_cpu([*base, str(empty), "--output", str(out)], repeat)
        whole = command_cpu([*base, str(corpus), "--output", str(out)], repeat)
    return {
        "startup_s": startup,
        "command_s": whole,
        "command_us_per_record": (whole - startup) / n * 1e6,
    }


def format_report(report: dict[str, Any]) -> str:
    """The cost table as text."""
    lines = [
        f"{report['records']} records ({report['corpus']}), CPU, min of {report['repeat']}",
        f"{'piece':24} {'runs on':>8} {'us/record':>10}",
        f"{'facts (once per record)':24} {'100%':>8} {report['facts_us']:10.1f}",
    ]
    for name, cost in sorted(report["recognizers"].items(), key=lambda kv: -kv[1]["us_per_record"]):
        lines.append(f"{name:24} {cost['runs_share']:8.0%} {cost['us_per_record']:10.1f}")
    total = sum(c["us_per_record"] for c in report["recognizers"].values())
    lines.append(f"{'sum of recognizers':24} {'':8} {total:10.1f}")
    lines.append(f"{'scan (PiiScanner.scan)':24} {'':8} {report['scan_us']:10.1f}")
    lines.append(f"{'scan, first pass (cold)':24} {'':8} {report['scan_first_us']:10.1f}")
    if "startup_s" in report:
        lines.append(f"{'command, per record':24} {'':8} {report['command_us_per_record']:10.1f}")
        lines.append(f"start-up (CLI on an empty file): {report['startup_s'] * 1000:.0f} ms CPU")
        lines.append(f"whole command: {report['command_s']:.3f} s CPU")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--templates", choices=sorted(FAMILIES), default="standard")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--corpus", type=Path, help="scan input JSONL instead of generating one")
    parser.add_argument("--repeat", type=int, default=5, help="keep the least of N runs")
    parser.add_argument("--no-command", action="store_true", help="skip timing the CLI")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if corpus is None:
            corpus = Path(tmp) / "in.jsonl"
            records = generate(args.seed, args.n, args.templates)
            write_jsonl((strip_gold(r) for r in records), corpus)
            name = f"{args.templates}, seed {args.seed}"
        else:
            name = str(corpus)
        texts = [
            json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()
        ]
        report: dict[str, Any] = {"corpus": name, "repeat": args.repeat}
        report.update(recognizer_costs(texts, args.repeat))
        if not args.no_command:
            report.update(command_costs(corpus, len(texts), args.repeat))
    print(format_report(report))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
