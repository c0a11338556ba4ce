"""Console benchmark: the case page's server time with 10,000 open cases in the store.

Fills a fresh store through the real pipeline (every post carries a full SSN, which the default
policy sends to a person: one critical case each), serves the app (API + console) on loopback,
signs a moderator in, and times ``GET /console/cases/{id}`` over random cases, side by side with
the API's ``GET /v1/cases/{id}`` (the same case as JSON: the peer, measured in the same run) and
the queue page. Latency is taken at the client on loopback, so it is the server's time plus well
under a millisecond of transport.

    python bench/console/run.py                      # SQLite, 10,000 cases
    python bench/console/run.py --cases 2000 --pg postgresql+psycopg://root@127.0.0.1/test
"""

from __future__ import annotations

import argparse
import json
import random
import re
import socket
import statistics
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from redline.console.app import create_app
from redline.content import Content
from redline.decide.policy import load_policy
from redline.enforce.profile import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record.keys import Keys, Role
from redline.record.store import Store
from redline.review.cases import open_if_due_now
from redline.review.rulebook import Rulebook
from redline.settings import Settings

HASH_KEY = "bench-hash-key-0123456789"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def fill(settings: Settings, count: int) -> None:
    store = Store.open(settings)
    try:
        policy, profile = load_policy(), load_profile("strict")
        moderator = Moderator(store, policy, profile, default_sources(settings, store))
        rulebook = Rulebook.serving(policy, profile)
        rng = random.Random(16)
        for n in range(count):
            ssn = f"{rng.randrange(100, 665)}-{rng.randrange(10, 99)}-{1000 + n % 9000:04d}"
            text = f"Tax record {n} leaked: SSN {ssn}, account holder of branch {n % 97}."
            outcome = moderator.moderate(Content(f"bench-{n}", text, author_id=f"u{n % 500}"))
            open_if_due_now(store, outcome.record, rulebook=rulebook)
            if n and n % 1000 == 0:
                print(f"  {n} posts", flush=True)
    finally:
        store.close()


def timed(client: httpx.Client, paths: list[str], headers: dict[str, str]) -> dict[str, float]:
    samples = []
    for path in paths:
        started = time.perf_counter()
        answer = client.get(path, headers=headers)
        samples.append((time.perf_counter() - started) * 1000)
        assert answer.status_code == 200, (path, answer.status_code)
    samples.sort()
    return {
        "n": len(samples),
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 2),
        "max_ms": round(samples[-1], 2),
    }


def run(settings: Settings, cases: int, requests: int) -> dict[str, Any]:
    started = time.perf_counter()
    fill(settings, cases)
    filled = time.perf_counter() - started
    app = create_app(settings)
    store = app.state.service.store
    with store.transaction() as session:
        now = datetime.now(UTC)
        token = Keys(session).create(Role.MODERATOR, name="bench", actor="bench", now=now).token
    with store.reading() as session:
        from redline.record.review.cases import Cases

        open_cases = Cases(session).queue(limit=cases + 10)
    ids = [c.id for c in open_cases]
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    try:
        with httpx.Client(base_url=url, timeout=60) as client:
            page = client.get("/console/sign-in")
            form = {"csrf": CSRF.search(page.text).group(1), "key": token}  # type: ignore[union-attr]
            client.post("/console/sign-in", data=form)
            rng = random.Random(7)
            chosen = [rng.choice(ids) for _ in range(requests)]
            bearer = {"Authorization": f"Bearer {token}"}
            timed(client, [f"/console/cases/{i}" for i in chosen[:20]], {})  # warm-up
            # interleaved, so both see the same machine
            api = timed(client, [f"/v1/cases/{i}" for i in chosen], bearer)
            page_ = timed(client, [f"/console/cases/{i}" for i in chosen], {})
            queue = timed(client, ["/console/queues"] * 20, {})
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()
    return {
        "open_cases": len(ids),
        "fill_seconds": round(filled, 1),
        "api_case_json": api,
        "console_case_page": page_,
        "console_queue_page": queue,
        "case_page_over_api_p50": round(page_["p50_ms"] / api["p50_ms"], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--pg", help="also on this PostgreSQL URL (a fresh schema is not made)")
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as home:
        sqlite = Settings(
            home=Path(home), hash_key=HASH_KEY, sqlite_synchronous="NORMAL", api_rate_per_second=1e6
        )
        print(f"SQLite: filling {args.cases} cases", flush=True)
        results["sqlite"] = run(sqlite, args.cases, args.requests)
    if args.pg:
        pg = Settings(
            home=Path(tempfile.mkdtemp()),
            database_url=args.pg,
            hash_key=HASH_KEY,
            api_rate_per_second=1e6,
        )
        print(f"PostgreSQL: filling {args.cases} cases", flush=True)
        results["postgres"] = run(pg, args.cases, args.requests)
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
