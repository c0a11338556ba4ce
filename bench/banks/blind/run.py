"""Run the blind hacked-material set against Redline through its public command line only.

    python bench/banks/blind/run.py [--python /path/to/venv/bin/python] [--workdir DIR]

Each stage runs `PYTHON -m redline.cli.main ...` (what the `redline` script calls) in a
subprocess with a fresh REDLINE_HOME: `bank create --designation hacked_material`, `bank add`
of the memos as .txt files, `scan` over every post, then `moderate --profile strict` over the
negatives and over the positives, each in its own fresh store with the same bank. Nothing is
imported from redline here, so `--python` can point at another tree's venv.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from bench.banks.blind.generate import SEED, build

Json = dict[str, Any]  # a parsed JSON object

BANK = "blind"
FLOOR = 80  # the passage floor the README and issue 3 promise
LETTERS = re.compile(r"(\d+) letters")
HACKED_RULE_PREFIX = "hacked."
STATES_OUT = {"suspended", "banned"}


@dataclass
class Cli:
    """The public command line of one Python environment, one data directory per call site."""

    python: str
    cpu_seconds: float = 0.0
    log: list[dict[str, object]] = field(default_factory=list)

    def __call__(
        self, home: Path, *args: str, ok: tuple[int, ...] = (0,)
    ) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("REDLINE_")}
        env["REDLINE_HOME"] = str(home)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [self.python, "-m", "redline.cli.main", *args], env=env, capture_output=True, text=True
        )
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        self.cpu_seconds += cpu
        wall = time.perf_counter() - start
        self.log.append(
            {
                "args": args[:2],
                "rc": done.returncode,
                "wall_s": round(wall, 1),
                "cpu_s": round(cpu, 1),
            }
        )
        if done.returncode not in ok:
            raise SystemExit(
                f"redline {' '.join(args[:3])} exited {done.returncode}\n{done.stderr[-3000:]}"
            )
        return done


def load_bank(cli: Cli, home: Path, bank_dir: Path) -> None:
    home.mkdir(parents=True, exist_ok=True)
    cli(
        home,
        "bank",
        "create",
        BANK,
        "--designation",
        "hacked_material",
        "--source",
        "blind benchmark (issue 11)",
        "--added-by",
        "bench",
    )
    files = sorted(str(p) for p in bank_dir.glob("*.txt"))
    cli(home, "bank", "add", BANK, *files, "--source", "blind benchmark", "--added-by", "bench")
    shown = json.loads(cli(home, "bank", "show", BANK, "--json").stdout)
    entries = shown.get("entries", shown) if isinstance(shown, dict) else shown
    if isinstance(entries, list) and len(entries) != len(files):
        raise SystemExit(f"bank holds {len(entries)} entries, expected {len(files)}")


def read_jsonl(path: Path) -> dict[str, Json]:
    rows = {}
    with path.open() as f:
        for line in f:
            if line.strip():
                row = json.loads(line)
                rows[str(row["id"])] = row
    return rows


def hacked_entries(result: Json) -> set[str]:
    """Entries of hacked-material banks a scan result matched."""
    found = set()
    for m in result.get("matches") or []:
        designations = set(m.get("designations") or [m.get("designation")])
        if "hacked_material" in designations:
            found.add(str(m.get("entry")))
    return found


def passage_letters(result: Json) -> list[int]:
    """Letters in each matched passage, as the match explanation counts them (if it says)."""
    found = []
    for m in result.get("matches") or []:
        said = LETTERS.search(str(m.get("explanation", "")))
        if said:
            found.append(int(said.group(1)))
    return found


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "-"


def scan_metrics(scan: dict[str, Json], labels: dict[str, Json]) -> Json:
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    rows: dict[str, object] = {}
    for pid, lab in labels.items():
        k = str(lab["kind"])
        res = scan.get(pid)
        c = kinds[k]
        c["n"] += 1
        if res is None:
            c["missing"] += 1
            continue
        if res.get("unread"):
            c["unread"] += 1
        got = hacked_entries(res)
        label = lab["label"]
        below = [n < FLOOR for n in passage_letters(res)]
        if label:
            c["wrong_below_floor"] += bool(got - {label}) and all(below)
            c["right"] += label in got
            c["wrong"] += bool(got - {label})
            c["only_wrong"] += bool(got) and label not in got
            c["none"] += not got
        else:
            c["matched"] += bool(got)
            c["matched_below_floor"] += bool(got) and bool(below) and all(below)
    tp = sum(c["right"] for k, c in kinds.items())
    matched_posts = sum(c["right"] + c["only_wrong"] + c["matched"] for c in kinds.values())
    n_pos = sum(c["n"] for k, c in kinds.items() if labels_kind_positive(labels, k))
    for k, c in kinds.items():
        rows[k] = dict(c)
    precision = tp / matched_posts if matched_posts else 0.0
    recall = tp / n_pos if n_pos else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "kinds": rows,
        "tp": tp,
        "posts_with_match": matched_posts,
        "positives": n_pos,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def labels_kind_positive(labels: dict[str, Json], kind: str) -> bool:
    return any(lab["label"] for lab in labels.values() if lab["kind"] == kind)


def decision_metrics(out: dict[str, Json], labels: dict[str, Json]) -> Json:
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    rules: Counter[str] = Counter()
    actions: Counter[str] = Counter()
    for pid, res in out.items():
        k = str(labels[pid]["kind"])
        c = kinds[k]
        c["n"] += 1
        post_rules = {str(v.get("rule")) for v in res.get("violations") or []}
        rules.update(post_rules)
        hacked = any(r.startswith(HACKED_RULE_PREFIX) for r in post_rules)
        state = str((res.get("account") or {}).get("state"))
        kinds_of_action = {str(a.get("type")) for a in res.get("actions") or []}
        if hacked:
            actions.update(kinds_of_action)
        c["hacked"] += hacked
        c["suspended_any"] += state in STATES_OUT
        c["suspended_hacked"] += state in STATES_OUT and hacked
        c["removed_hacked"] += hacked and "remove_content" in kinds_of_action
    return {
        "kinds": {k: dict(c) for k, c in kinds.items()},
        "rules": dict(rules),
        "actions_on_hacked": dict(actions),
    }


def table(
    scan: Json,
    neg: Json | None,
    pos: Json | None,
    order: list[str],
    positive_kinds: set[str],
) -> str:
    lines = [
        "| kind | posts | right memo | recall | wrong memo | no match | false match | rate "
        "| unread |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    kinds = scan["kinds"]
    for k in order:
        c = kinds[k]
        if k in positive_kinds:
            lines.append(
                f"| {k} | {c['n']} | {c.get('right', 0)} | {ratio(c.get('right', 0), c['n'])} | "
                f"{c.get('wrong', 0)} | {c.get('none', 0)} | | | {c.get('unread', 0)} |"
            )
        else:
            lines.append(
                f"| {k} | {c['n']} | | | | | {c.get('matched', 0)} | "
                f"{ratio(c.get('matched', 0), c['n'])} | {c.get('unread', 0)} |"
            )
    below = {k: c.get("matched_below_floor", 0) for k, c in kinds.items() if c.get("matched")}
    if below:
        lines.append(
            f"\nFalse matches whose every passage is under {FLOOR} letters (the matcher's own "
            f"count in its explanation): {below}"
        )
    lines.append(
        f"\nOverall (post level): precision {scan['precision']}, recall {scan['recall']}, "
        f"F1 {scan['f1']} ({scan['tp']} right of {scan['positives']} positives; "
        f"{scan['posts_with_match']} posts with a match)"
    )
    if neg and pos:
        lines += [
            "",
            "Decision level, `moderate --profile strict`, one author per post:",
            "",
            "| kind | posts | hacked.material | share | suspended for it | suspended (any rule) |",
            "| --- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for block in (neg, pos):
            for k in order:
                c = block["kinds"].get(k)
                if c:
                    lines.append(
                        f"| {k} | {c['n']} | {c.get('hacked', 0)} "
                        f"| {ratio(c.get('hacked', 0), c['n'])} "
                        f"| {c.get('suspended_hacked', 0)} | {c.get('suspended_any', 0)} |"
                    )
        lines.append(f"\nRules seen (negatives): {neg['rules']}; (positives): {pos['rules']}")
    return "\n".join(lines)


def kind_order(manifest: Json, positive_kinds: set[str]) -> list[str]:
    posts = list(manifest["posts"])
    return [k for k in posts if k in positive_kinds] + [k for k in posts if k not in positive_kinds]


def report_only(work: Path) -> None:
    """Tables from a finished run's files: no generation, no redline call."""
    corpus = work / "corpus"
    manifest = json.loads((corpus / "manifest.json").read_text())
    labels = read_jsonl(corpus / "labels.jsonl")
    positive_kinds = {str(lab["kind"]) for lab in labels.values() if lab["label"]}
    scan = scan_metrics(read_jsonl(work / "scan.jsonl"), labels)
    parts = [work / f"moderate-{p}.jsonl" for p in ("negatives", "positives")]
    neg, pos = (decision_metrics(read_jsonl(p), labels) if p.exists() else None for p in parts)
    print(table(scan, neg, pos, kind_order(manifest, positive_kinds), positive_kinds))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="Python whose redline package is measured (default: this one)",
    )
    parser.add_argument("--workdir", type=Path, help="keep corpus, stores and outputs here")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--no-decisions", action="store_true", help="skip the moderate runs")
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="recompute the tables from --workdir's saved outputs without running redline",
    )
    args = parser.parse_args()
    if args.report_only:
        if not args.workdir:
            parser.error("--report-only needs --workdir")
        report_only(args.workdir)
        return

    started = time.perf_counter()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="redline-blind-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / "corpus"
    t0 = time.perf_counter()
    manifest = build(corpus, args.seed)
    gen_s = time.perf_counter() - t0
    print(f"corpus: {corpus} ({gen_s:.0f} s)\n{json.dumps(manifest, indent=1)}", flush=True)
    labels = {str(r["id"]): r for r in read_jsonl(corpus / "labels.jsonl").values()}
    positive_kinds = {str(lab["kind"]) for lab in labels.values() if lab["label"]}
    order = kind_order(manifest, positive_kinds)

    cli = Cli(args.python)
    version = cli(work / "home-probe", "--help").stdout  # proves the CLI starts at all
    del version
    load_bank(cli, work / "home-scan", corpus / "bank")
    t0 = time.perf_counter()
    scan_out = work / "scan.jsonl"
    done = cli(
        work / "home-scan",
        "scan",
        str(corpus / "posts.jsonl"),
        "--output",
        str(scan_out),
        ok=(0, 3),
    )
    scan_s = time.perf_counter() - t0
    scan = scan_metrics(read_jsonl(scan_out), labels)
    print(
        f"scan: {len(labels)} posts in {scan_s:.0f} s (exit {done.returncode}); "
        f"{done.stderr.strip()[-300:]}",
        flush=True,
    )

    neg = pos = None
    moderate_s = 0.0
    if not args.no_decisions:
        t0 = time.perf_counter()
        summaries = {}
        results = {}
        for part in ("negatives", "positives"):
            home = work / f"home-moderate-{part}"
            load_bank(cli, home, corpus / "bank")
            out = work / f"moderate-{part}.jsonl"
            done = cli(
                home,
                "moderate",
                str(corpus / f"{part}.jsonl"),
                "--profile",
                "strict",
                "--output",
                str(out),
                ok=(0, 3),
            )
            summaries[part] = done.stderr.strip()[-300:]
            results[part] = decision_metrics(read_jsonl(out), labels)
            print(f"moderate {part}: {summaries[part]}", flush=True)
        neg, pos = results["negatives"], results["positives"]
        neg["summary"], pos["summary"] = summaries["negatives"], summaries["positives"]
        moderate_s = time.perf_counter() - t0

    total_s = time.perf_counter() - started
    report = table(scan, neg, pos, order, positive_kinds)
    print("\n" + report)
    timing = (
        f"\nTime: whole run {total_s:.0f} s wall (generation {gen_s:.0f} s, scan {scan_s:.0f} s, "
        f"moderate {moderate_s:.0f} s); CPU in redline subprocesses {cli.cpu_seconds:.0f} s; "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print(timing)
    results_path = work / "results.json"
    results_path.write_text(
        json.dumps(
            {
                "python": args.python,
                "seed": args.seed,
                "manifest": manifest,
                "scan": scan,
                "moderate_negatives": neg,
                "moderate_positives": pos,
                "calls": cli.log,
                "seconds": {
                    "total": round(total_s),
                    "generate": round(gen_s),
                    "scan": round(scan_s),
                    "moderate": round(moderate_s),
                    "cpu_subprocesses": round(cli.cpu_seconds),
                },
            },
            indent=1,
        )
        + "\n"
    )
    print(f"results: {results_path}")


if __name__ == "__main__":
    main()
