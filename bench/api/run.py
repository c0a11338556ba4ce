"""Latency and throughput of ``POST /v1/content`` over loopback: SQLite and PostgreSQL side by side.

For each store: a fresh one (a temporary data directory, or a new PostgreSQL schema dropped
afterwards), ``redline serve`` started as its own process (so the load generator does not share
its interpreter), an ingest key made with ``redline keys create``, and typical posts from
``bench/decide/corpus.py`` (every request a new content id, so every request is a full
moderation: detect, decide, store, audit). Then:

1. a warm-up, and ``--seconds`` at the target rate (200/s): p50, p95, p99;
2. a ramp of offered rates until the server saturates (answers under 90% of the offered rate)
   or requests fail: the rate from which p99 stays over 100 ms, and the most answered per second;
3. with ``--overload``: twice that most answered per second (or ``--capacity``), load shedding
   off and then on, side by side (``bench/api/overload.py``).

Steps 1 and 2 run with load shedding off, so they measure the service itself.

Usage::

    python bench/api/run.py [--rate 200] [--seconds 20] [--step-seconds 8] [--no-pg]
                            [--sync FULL|NORMAL] [--pg URL]
                            [--overload [--capacity N] [--overload-seconds 15]
                             [--max-in-flight 8] [--queue-wait 0.02]]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench.api`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import httpx
from sqlalchemy import create_engine, text

from bench.api.load import measure
from bench.api.overload import overload
from bench.api.overload import report as report_overload
from bench.decide.corpus import post_text

DEFAULT_PG = "postgresql+psycopg://root@127.0.0.1:5432/test"
RAMP = (25, 50, 75, 100, 150, 200, 250, 300, 400, 500, 600, 800)
OUT = Path(__file__).resolve().parent / "out"


def posts(seed: int, count: int = 20_000, authors: int = 500) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    return [(f"a{rng.randrange(authors):04d}", post_text(rng)) for _ in range(count)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """``redline serve`` in a subprocess over one store."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def cli(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "redline.cli.main", *args],
            env=self.env,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "redline.cli.main",
                "serve",
                "--port",
                str(self.port),
                "--log-level",
                "warning",
            ],
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/readyz").status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redline serve did not start")
            time.sleep(0.1)

    def cpu_seconds(self) -> float:
        """User + system CPU the server process has used so far (Linux /proc)."""
        assert self.process is not None
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *_: object) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(30)


def group_commits(url: str) -> float | None:
    """Units of work per database commit over the run, from the server's /metrics."""
    values = {}
    for line in httpx.get(f"{url}/metrics").text.splitlines():
        if line.startswith(("redline_store_commits ", "redline_store_units ")):
            name, value = line.split()
            values[name] = float(value)
    if not values.get("redline_store_commits"):
        return None
    return round(values["redline_store_units"] / values["redline_store_commits"], 2)


def pg_schema(url: str) -> tuple[str, str] | None:
    schema = f"redline_bench_{secrets.token_hex(4)}"
    try:
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
    except Exception as error:  # unreachable: report SQLite only
        print(f"PostgreSQL unreachable at {url}: {type(error).__name__}", file=sys.stderr)
        return None
    return f"{url}?options=-csearch_path%3D{schema}", schema


def drop_schema(url: str, schema: str) -> None:
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


def bodies(seed: int) -> Callable[[str], Callable[[int], dict[str, Any]]]:
    """Request bodies over the corpus, ids under a prefix (every request a new content)."""
    corpus = posts(seed)

    def under(prefix: str) -> Callable[[int], dict[str, Any]]:
        def body(i: int) -> dict[str, Any]:
            author, post = corpus[i % len(corpus)]
            return {"id": f"{prefix}-{i}", "author_id": author, "text": post}

        return body

    return under


def bench_store(name: str, env: dict[str, str], args: argparse.Namespace) -> dict[str, Any]:
    body = bodies(args.seed)(secrets.token_hex(3))

    index = 0

    def run(rate: float, seconds: float) -> dict[str, Any]:
        nonlocal index
        cpu = server.cpu_seconds()
        step = measure(server.url, token, body, rate, seconds, index)
        index += step.sent
        summary = step.summary()
        summary["server_cpu_ms_per_request"] = round(
            (server.cpu_seconds() - cpu) * 1000 / max(step.ok, 1), 2
        )
        return summary

    with Server(env) as server:
        token = server.cli("keys", "create", "--role", "ingest", "--name", "bench")
        run(args.rate / 2, 3)  # warm-up: connections, caches, the first pages of the tables
        target = run(args.rate, args.seconds)
        print(f"{name}: {args.rate}/s for {args.seconds}s -> {target}", file=sys.stderr)
        ramp = []
        for rate in RAMP:
            step = run(rate, args.step_seconds)
            ramp.append(step)
            print(f"{name}: ramp {rate}/s -> {step}", file=sys.stderr)
            failed = sum(step["errors"].values()) > 0.01 * max(step["sent"], 1)
            saturated = step["achieved_rps"] < 0.9 * rate
            if failed or saturated:
                break
        commits = group_commits(server.url)
    # Crossing: the lowest offered rate from which every higher step has p99 over 100 ms, so one
    # noisy step on a shared machine does not end the ramp or decide the figure.
    crossed = None
    for step in reversed(ramp):
        if step["p99_ms"] <= 100 and not step["errors"]:
            break
        crossed = step
    under = [s for s in ramp if s["p99_ms"] <= 100 and not s["errors"]]
    return {
        "store": name,
        "target": target,
        "ramp": ramp,
        "last_rate_under_100ms_p99": under[-1]["offered_rps"] if under else None,
        "p99_crosses_100ms_at": crossed["offered_rps"] if crossed else None,
        "decisions_per_commit": commits,
        "max_achieved_rps": max((s["achieved_rps"] for s in ramp), default=0.0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--step-seconds", type=float, default=8.0)
    parser.add_argument("--sync", choices=["FULL", "NORMAL"], default="FULL")
    parser.add_argument("--pg", default=os.environ.get("REDLINE_TEST_PG_URL", DEFAULT_PG))
    parser.add_argument("--no-pg", action="store_true")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--overload", action="store_true", help="add the overload step")
    parser.add_argument("--capacity", type=float, help="skip steps 1-2; overload at twice this")
    parser.add_argument("--overload-seconds", type=float, default=15.0)
    parser.add_argument("--max-in-flight", default="8", help="REDLINE_API_MAX_IN_FLIGHT, on")
    parser.add_argument("--queue-wait", default="0.02", help="REDLINE_API_QUEUE_WAIT_SECONDS")
    args = parser.parse_args()

    base = {k: v for k, v in os.environ.items() if not k.startswith("REDLINE_")}
    base.update(
        REDLINE_HASH_KEY="bench-hash-key-0123456789",
        REDLINE_API_RATE_PER_SECOND="1000000",
        REDLINE_API_RATE_BURST="1000000",
        REDLINE_SQLITE_SYNCHRONOUS=args.sync,
        REDLINE_API_MAX_IN_FLIGHT="0",  # the service itself; the overload step turns it on
    )
    results: list[dict[str, Any]] = []
    overloads: list[dict[str, Any]] = []

    def one_store(name: str, env: dict[str, str]) -> None:
        capacity = args.capacity
        if capacity is None:
            results.append(bench_store(name, env, args))
            capacity = results[-1]["max_achieved_rps"]
        if args.overload:
            shedding = {
                "REDLINE_API_MAX_IN_FLIGHT": args.max_in_flight,
                "REDLINE_API_QUEUE_WAIT_SECONDS": args.queue_wait,
            }
            overloads.append(
                overload(
                    name, env, capacity, args.overload_seconds, bodies(args.seed), Server, shedding
                )
            )

    with tempfile.TemporaryDirectory() as home:
        one_store(f"SQLite (WAL, synchronous={args.sync})", {**base, "REDLINE_HOME": home})
    made = None if args.no_pg else pg_schema(args.pg)
    if made is not None:
        url, schema = made
        try:
            with tempfile.TemporaryDirectory() as home:
                env = {**base, "REDLINE_HOME": home, "REDLINE_DATABASE_URL": url}
                one_store("PostgreSQL (loopback)", env)
        finally:
            drop_schema(args.pg, schema)
    if results:
        report(results, args)
    if overloads:
        report_overload(overloads)
    OUT.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    document = {"at": stamp, "args": vars(args), "results": results, "overload": overloads}
    (OUT / "results.json").write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


def report(results: list[dict[str, Any]], args: argparse.Namespace) -> None:
    print(
        f"\nPOST /v1/content, typical posts, every request a new decision; "
        f"{os.cpu_count()} cores shared by server and load generator\n"
    )
    columns = [
        "store",
        f"p50 ms @{args.rate:g}/s",
        "p95 ms",
        "p99 ms",
        "answered/s",
        "server CPU ms/request",
        "p99 <= 100 ms up to (offered/s)",
        "p99 > 100 ms from (offered/s)",
        "most answered/s",
        "decisions/commit",
    ]
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    for r in results:
        t = r["target"]
        cells = [
            r["store"],
            t["p50_ms"],
            t["p95_ms"],
            t["p99_ms"],
            t["achieved_rps"],
            t["server_cpu_ms_per_request"],
            r["last_rate_under_100ms_p99"],
            r["p99_crosses_100ms_at"] or "not reached",
            r["max_achieved_rps"],
            r["decisions_per_commit"],
        ]
        print("| " + " | ".join(str(c) for c in cells) + " |")
    if len(results) == 2:
        a, b = results
        ratio = a["target"]["p99_ms"] / b["target"]["p99_ms"] if b["target"]["p99_ms"] else 0
        print(f"\np99 at {args.rate:g}/s, SQLite / PostgreSQL: {ratio:.2f}x")
    verdict = results[0]["target"]["p99_ms"] < 25
    print(f"target (SQLite p99 < 25 ms at {args.rate:g}/s): {'met' if verdict else 'NOT met'}")


if __name__ == "__main__":
    main()
