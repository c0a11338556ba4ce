"""Decisions per second, end to end, on SQLite and PostgreSQL, with the share of each stage.

For each database: a fresh store (a temporary data directory for SQLite, a new schema for
PostgreSQL), the same generated corpus, and the same path as ``redline moderate``: read the JSONL
line, build the content, detect (PII), decide and plan (the pure core), store (one transaction per
record: content, decision, actions, strike, standing, audit events), and print the result line.
Time not spent in detection, deciding or storing (JSON parsing, output) is reported as "other".
A second pass over the same corpus measures the idempotent path (every record already decided).

Usage::

    python bench/decide/run.py [--n 10000] [--pg URL | --no-pg] [--sync FULL|NORMAL]
"""

from __future__ import annotations

import argparse
import io
import json
import secrets
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench.decide`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sqlalchemy import create_engine, text

from bench.decide.corpus import write
from redline.cli.jsonl import Line, read_records, to_content
from redline.cli.moderate_cmd import result_line
from redline.decide import load_policy
from redline.enforce import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record import Store
from redline.settings import Settings

HERE = Path(__file__).resolve().parent
DEFAULT_PG = "postgresql+psycopg://root@127.0.0.1:5432/test"


@dataclass
class Result:
    database: str
    records: int
    seconds: float
    detect: float
    decide: float
    store: float
    rerun_seconds: float

    @property
    def rate(self) -> float:
        return self.records / self.seconds

    def shares(self) -> dict[str, float]:
        other = self.seconds - self.detect - self.decide - self.store
        return {
            name: round(100 * value / self.seconds, 1)
            for name, value in (
                ("detect", self.detect),
                ("decide", self.decide),
                ("store", self.store),
                ("other", other),
            )
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "database": self.database,
            "records": self.records,
            "seconds": round(self.seconds, 2),
            "decisions_per_second": round(self.rate, 1),
            "share_percent": self.shares(),
            "rerun_records_per_second": round(self.records / self.rerun_seconds, 1),
        }


def run_once(settings: Settings, corpus: Path, database: str) -> Result:
    store = Store.open(settings)
    moderator = Moderator(
        store,
        load_policy(),
        load_profile("strict"),
        default_sources(settings),
        retention=settings.retention,
    )
    sink = io.StringIO()

    def one_pass() -> float:
        started = time.perf_counter()
        with corpus.open("rb") as stream:
            for item in read_records(stream, settings.max_record_bytes):
                assert isinstance(item, Line)
                outcome = moderator.moderate(to_content(item.record))
                line = result_line(item.record["id"], outcome.record)
                sink.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
        return time.perf_counter() - started

    seconds = one_pass()
    timings = moderator.timings
    result = Result(
        database, timings.count, seconds, timings.detect, timings.decide, timings.store, 0.0
    )
    result.rerun_seconds = one_pass()
    store.close()
    return result


def pg_schema(url: str) -> tuple[str, str] | None:
    schema = f"redline_bench_{secrets.token_hex(4)}"
    try:
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
    except Exception as error:  # the benchmark reports and carries on with SQLite
        print(f"PostgreSQL unreachable at {url}: {type(error).__name__}", file=sys.stderr)
        return None
    return schema, f"{url}?options=-csearch_path%3D{schema}"


def drop_schema(url: str, schema: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="records (default 10,000)")
    parser.add_argument("--pg", default=DEFAULT_PG, help="PostgreSQL URL")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    parser.add_argument(
        "--sync",
        choices=["FULL", "NORMAL"],
        default="FULL",
        help="SQLite synchronous mode (default FULL, the shipped default)",
    )
    parser.add_argument("--out-dir", type=Path, default=HERE / "out")
    args = parser.parse_args()

    results = []
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write(Path(tmp) / "corpus.jsonl", args.n)
        sqlite = Settings(
            home=Path(tmp) / "sqlite",
            database_url=None,
            hash_key="bench-hash-key-0123456789",
            sqlite_synchronous=args.sync,
        )
        results.append(run_once(sqlite, corpus, f"sqlite (WAL, synchronous={args.sync})"))
        if not args.no_pg and (made := pg_schema(args.pg)):
            schema, url = made
            try:
                pg = Settings(
                    home=Path(tmp) / "pg", database_url=url, hash_key="bench-hash-key-0123456789"
                )
                results.append(run_once(pg, corpus, "postgresql"))
            finally:
                drop_schema(args.pg, schema)

    print(
        f"{'database':34} {'records':>8} {'seconds':>8} {'dec/s':>8} {'detect':>7} "
        f"{'decide':>7} {'store':>7} {'other':>7} {'rerun/s':>8}"
    )
    for r in results:
        s = r.shares()
        print(
            f"{r.database:34} {r.records:>8} {r.seconds:>8.1f} {r.rate:>8.1f} "
            f"{s['detect']:>6}% {s['decide']:>6}% {s['store']:>6}% {s['other']:>6}% "
            f"{r.records / r.rerun_seconds:>8.1f}"
        )
    args.out_dir.mkdir(parents=True, exist_ok=True)
    out = args.out_dir / "results.json"
    out.write_text(
        json.dumps(
            {
                "at": datetime.now(UTC).isoformat(),
                "n": args.n,
                "results": [r.to_dict() for r in results],
            },
            indent=2,
        )
    )
    print(f"written to {out}")


if __name__ == "__main__":
    main()
