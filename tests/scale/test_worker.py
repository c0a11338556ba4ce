"""``redline worker`` as real processes against a private nats-server and the real store."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nats
import pytest
from bench.decide.corpus import records as corpus_records
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from redline.record.decisions.document import record_of
from redline.settings import Settings
from tests.cli.test_moderate import env_for, redline
from tests.scale.nats_fixtures import nats_url
from tests.store_fixtures import HASH_KEY, pg_url, settings

__all__ = ["nats_url", "pg_url", "settings"]


def _worker(settings: Settings, url: str, stream: str, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "redline.cli.main",
            "worker",
            "--nats",
            url,
            "--stream",
            stream,
            "--profile",
            "strict",
            *extra,
        ],
        env={**env_for(settings), "REDLINE_MAX_RECORD_BYTES": "8192"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _count(engine, sql: str) -> int:
    """The count, or 0 while the workers have not yet made the schema."""
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(sql)).scalar() or 0)
    except (OperationalError, ProgrammingError):
        return 0


def _wait_for(predicate, timeout: float, what: str, workers=()) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        for worker in workers:
            if worker.poll() is not None:
                pytest.fail(f"a worker exited early: {worker.stderr.read().decode()[-2000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def _publish_raw(url: str, items: list[tuple[str, bytes]]) -> None:
    """Publish without a message id: duplicates and poison that bypass the helper's checks."""

    async def run() -> None:
        client = await nats.connect(url)
        js = client.jetstream()
        for subject, payload in items:
            await js.publish(subject, payload)
        await client.close()

    asyncio.run(run())


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _stored(engine) -> dict[str, dict]:
    """Per content id, what a result line says of the decision (as `moderate` prints it)."""
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT content_id, document FROM decisions")).all()
    out = {}
    for content_id, document in rows:
        record = record_of(document if isinstance(document, dict) else json.loads(document))
        out[content_id] = {
            "rules": sorted(v.rule for v in record.violations),
            "actions": [a.type.value for a in record.actions],
            "state": record.account.state.value,
            "strikes": record.account.strikes,
        }
    return out


@pytest.mark.slow
@pytest.mark.postgres
def test_two_workers_one_killed_mid_batch_decide_every_record_exactly_once(
    pg_url: str, nats_url: str, tmp_path: Path
) -> None:
    settings = Settings(home=tmp_path / "home", database_url=pg_url, hash_key=HASH_KEY)
    # 30 authors over 600 posts: strikes pile up, so any post decided out of order shows
    posts = list(corpus_records(600, seed=11, authors=30))
    corpus = _write(tmp_path / "posts.jsonl", posts)
    stream = "killtest"

    published = redline(
        settings,
        "worker",
        "publish",
        str(corpus),
        "--nats",
        nats_url,
        "--stream",
        stream,
        "--partitions",
        "8",
    )
    assert published.returncode == 0, published.stderr
    assert "published 600 records" in published.stderr
    # duplicates that get past the publisher's dedupe id, and three kinds of poison
    duplicates = [(f"{stream}.p.0", json.dumps(p).encode()) for p in posts[:40]]
    poison = [
        (f"{stream}.p.1", b"this is not JSON"),
        (f"{stream}.p.2", json.dumps({"id": "big", "text": "x" * 9000}).encode()),
        # passes the reader but no database column takes it: fails on every try
        (f"{stream}.p.3", json.dumps({"id": "i" * 300, "text": "hello"}).encode()),
    ]
    _publish_raw(nats_url, duplicates + poison)

    engine = create_engine(pg_url)
    options = ("--ack-wait", "2", "--max-tries", "3", "--retry-delay", "0.1")
    first = _worker(settings, nats_url, stream, *options)
    second = _worker(settings, nats_url, stream, *options)
    try:
        _wait_for(
            lambda: _count(engine, "SELECT count(*) FROM decisions") >= 120,
            180,
            "the first decisions",
            (first, second),
        )
        os.kill(first.pid, signal.SIGKILL)  # mid-batch: both workers were busy
        first.wait()
        decided_when_killed = _count(engine, "SELECT count(*) FROM decisions")
        assert decided_when_killed < 600, "the work was over before the kill"
        _wait_for(
            lambda: _count(engine, "SELECT count(*) FROM decisions") == 600,
            240,
            "every record decided",
            (second,),
        )
        deadline = time.monotonic() + 60
        while True:
            dead = redline(settings, "worker", "dead", "--nats", nats_url, "--stream", stream)
            letters = [json.loads(line) for line in dead.stdout.splitlines()]
            if len(letters) >= 3 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        time.sleep(3)  # longer than ack_wait: a stray redelivery would have been decided by now
    finally:
        second.send_signal(signal.SIGTERM)
        _out, err = second.communicate(timeout=60)
    assert second.returncode == 0, err.decode()[-2000:]
    assert b"worker stopped:" in err

    # exactly once: one decision, one audit event, at most one strike per content
    assert _count(engine, "SELECT count(*) FROM decisions") == 600
    assert _count(engine, "SELECT count(DISTINCT content_id) FROM decisions") == 600
    assert _count(engine, "SELECT count(*) FROM audit_events WHERE kind = 'decision.made'") == 600
    assert _count(engine, "SELECT count(*) FROM strikes") == _count(
        engine, "SELECT count(DISTINCT decision_id) FROM strikes"
    )

    # and in order per author: the same decisions, strikes and standings as one process
    # deciding the file from top to bottom (`redline moderate` on its own store)
    reference_home = Settings(home=tmp_path / "reference", hash_key=HASH_KEY)
    done = redline(reference_home, "moderate", str(corpus), "--profile", "strict")
    assert done.returncode == 0, done.stderr
    expected = {}
    for line in done.stdout.splitlines():
        result = json.loads(line)
        expected[result["id"]] = {
            "rules": sorted(v["rule"] for v in result["violations"]),
            "actions": [a["type"] for a in result["actions"]],
            "state": result["account"]["state"],
            "strikes": result["account"]["strikes"],
        }
    stored = _stored(engine)
    assert stored == expected
    assert sum(1 for s in expected.values() if s["strikes"] >= 2) > 50  # order mattered

    # poison parked with its reason after bounded tries; the stream kept flowing around it
    reasons = sorted(letter["reason"] for letter in letters)
    assert len(letters) == 3, letters
    assert any(r.startswith("not JSON") for r in reasons)
    assert any("over the size limit of 8192 bytes" in r for r in reasons)
    failing = [letter for letter in letters if letter["subject"] == f"{stream}.p.3"]
    assert failing and failing[0]["tries"] == 3
    assert all("hello" not in r and "iiii" not in r for r in reasons)  # reasons quote no data
    verified = redline(settings, "audit", "verify")
    assert verified.returncode == 0, verified.stderr
    engine.dispose()


def test_a_worker_decides_and_stops_cleanly_on_sqlite(nats_url: str, tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", hash_key=HASH_KEY, sqlite_synchronous="NORMAL")
    posts = [
        {"id": "p1", "author_id": "u1", "text": "Found Jo Doe's SSN 078-05-1120 in the files"},
        {"id": "p2", "author_id": "u1", "text": "Again: SSN 078-05-1120"},
        {"id": "p3", "text": "Polls open at 7am."},
    ]
    corpus = _write(tmp_path / "posts.jsonl", [*posts, {"id": "p4"}])
    published = redline(
        settings, "worker", "publish", str(corpus), "--nats", nats_url, "--stream", "small"
    )
    assert published.returncode == 3  # the refused line is named, the others published
    assert "line 4: missing 'text'" in published.stderr
    assert "published 3 records to small (16 partitions)" in published.stderr
    again = redline(
        settings, "worker", "publish", str(corpus), "--nats", nats_url, "--stream", "small"
    )
    assert "published 0 records" in again.stderr and "3 duplicates dropped" in again.stderr

    worker = _worker(settings, nats_url, "small")
    engine = create_engine(f"sqlite:///{settings.home / 'redline.sqlite3'}")
    try:
        _wait_for(
            lambda: (
                (settings.home / "redline.sqlite3").exists()
                and _count(engine, "SELECT count(*) FROM decisions") == 3
            ),
            60,
            "three decisions",
            (worker,),
        )
    finally:
        worker.send_signal(signal.SIGTERM)
        _out, err = worker.communicate(timeout=60)
    assert worker.returncode == 0
    assert "worker stopped: 3 decided" in err.decode()
    shown = redline(settings, "account", "show", "u1")
    account = json.loads(shown.stdout)
    assert account["active_strikes"] == 2
    engine.dispose()


def test_without_a_server_the_worker_says_where_it_looked(tmp_path: Path) -> None:
    from tests.scale.nats_fixtures import free_port

    settings = Settings(home=tmp_path / "home", hash_key=HASH_KEY)
    port = free_port()
    done = redline(
        settings, "worker", "publish", "-", "--nats", f"nats://u:secret@127.0.0.1:{port}"
    )
    assert done.returncode != 0
    assert f"cannot reach NATS at 127.0.0.1:{port}" in done.stderr
    assert "secret" not in done.stderr
    assert "Traceback" not in done.stderr
