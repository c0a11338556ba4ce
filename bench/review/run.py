"""How long review and reporting take on a realistic store (no peer to compare: issue 6 names none).

python bench/review/run.py [--records 3000] [--database-url URL]

Moderates the bench/decide corpus under ``strict`` into a fresh store, then times: opening the
cases the policy marks (``sync_cases``), moderators deciding every case, exporting the DSA
statements of reasons, the transparency figures and page, and the neutrality audit with a
200-decision counterfactual replay. Prints one line per stage with its rate.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.decide.corpus import write as write_corpus  # noqa: E402
from redline.cli.jsonl import read_records, to_content  # noqa: E402
from redline.decide import load_policy  # noqa: E402
from redline.enforce import load_profile  # noqa: E402
from redline.pipeline import Moderator, default_sources  # noqa: E402
from redline.record import Store  # noqa: E402
from redline.report import neutrality, statements, transparency  # noqa: E402
from redline.review import cases  # noqa: E402
from redline.review.rulebook import Rulebook, shipped_profile  # noqa: E402
from redline.settings import Settings  # noqa: E402


def stage(name: str, count: int, started: float) -> None:
    seconds = time.perf_counter() - started
    rate = f"{count / seconds:,.0f}/s" if seconds > 0 and count else "-"
    print(f"{name:<34} {count:>7,} in {seconds:7.2f} s  ({rate})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        settings = Settings(
            home=home,
            database_url=args.database_url,
            hash_key="bench-hash-key-0123456789",
            sqlite_synchronous="NORMAL",
        )
        corpus = write_corpus(home / "corpus.jsonl", args.records)
        store = Store.open(settings)
        policy = load_policy()
        moderator = Moderator(store, policy, load_profile("strict"), default_sources(settings))
        started = time.perf_counter()
        with corpus.open("rb") as stream:
            for item in read_records(stream, settings.max_record_bytes):
                moderator.moderate(to_content(item.record))  # type: ignore[union-attr]
        stage("moderate (strict)", args.records, started)

        rulebook = Rulebook(policy)
        started = time.perf_counter()
        opened = cases.sync_cases(store, rulebook=rulebook)
        stage("open cases (sync)", len(opened), started)
        started = time.perf_counter()
        for index, case in enumerate(opened):
            outcome = "confirm" if index % 3 else "overturn"
            cases.decide_case(
                store, case.id, moderator=f"mod-{index % 5}", outcome=outcome,
                reason="bench", rulebook=rulebook,
            )  # fmt: skip
        stage("decide cases (re-run enforcement)", len(opened), started)

        started = time.perf_counter()
        found = statements.export(store, policy=policy)
        paths = statements.write(found, home / "sor.json", "json")
        stage(f"export statements ({len(paths)} files)", len(found), started)

        started = time.perf_counter()
        figures = transparency.figures(store, None, None)
        transparency.write_report(figures, home / "report")
        stage("transparency figures + page", figures["decisions"]["total"], started)

        authors = sorted({json.loads(line).get("author_id") for line in corpus.open()} - {None})
        groups = {a: ("left" if i % 2 else "right") for i, a in enumerate(authors)}
        started = time.perf_counter()
        audit = neutrality.audit(store, groups)
        stage("neutrality audit", figures["decisions"]["total"], started)
        started = time.perf_counter()
        replay = neutrality.counterfactual(
            store, groups, policy=policy, profile_for=shipped_profile, sample=200
        )
        stage("counterfactual replay", replay["compared"], started)
        print(
            f"biased={audit['biased']} tests={len(audit['flagged'])} flagged; "
            f"replay identical {replay['identical']}/{replay['compared']}"
        )
        store.close()


if __name__ == "__main__":
    main()
