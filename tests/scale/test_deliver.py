"""The deliverer against a real receiver on 127.0.0.1, a private nats-server, and both stores."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import nats
import pytest
from bench.decide.corpus import records as corpus_records
from sqlalchemy import create_engine, text
from standardwebhooks.webhooks import Webhook

from redline.record import Store
from redline.record.outbox import Event, Outbox, Webhooks, emit
from redline.scale.deliver import Deliverer, DeliveryOptions, backoff
from redline.scale.signing import signature
from redline.settings import Settings
from tests.cli.test_moderate import env_for, redline
from tests.scale.nats_fixtures import nats_url
from tests.scale.receiver import receiver
from tests.store_fixtures import HASH_KEY, pg_url, settings

__all__ = ["nats_url", "pg_url", "settings"]


def test_the_signature_is_the_standard_webhooks_one() -> None:
    secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    # the spec's own example: same secret, id, timestamp and body give this signature
    assert (
        signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body)
        == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


def test_backoff_doubles_and_is_capped() -> None:
    assert [backoff(1.0, n).total_seconds() for n in (1, 2, 3)] == [1.0, 2.0, 4.0]
    assert backoff(1.0, 40) == timedelta(hours=1)


def _moderate(settings: Settings, path: Path, count: int, seed: int = 3) -> None:
    lines = [json.dumps(r) for r in corpus_records(count, seed=seed, authors=40)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = redline(settings, "moderate", str(path), "--profile", "strict", "--output", os.devnull)
    assert done.returncode == 0, done.stderr


def _add(settings: Settings, url: str, events: str = "all") -> dict:
    done = redline(settings, "webhooks", "add", url, "--events", events)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _outbox_ids(settings: Settings, kinds: set[str] | None = None) -> set[str]:
    store = Store.open(settings)
    try:
        with store.reading() as session:
            events = Outbox(session).events(limit=100_000)
    finally:
        store.close()
    return {e.id for e in events if kinds is None or e.kind in kinds}


def test_signed_retried_and_dead_deliveries_are_logged_and_visible(settings, tmp_path) -> None:
    with receiver() as (base, got):
        ok = _add(settings, f"{base}/ok")
        flaky = _add(settings, f"{base}/flaky", "decision.made")
        failing = _add(settings, f"{base}/fail", "account.state_changed")
        _moderate(settings, tmp_path / "posts.jsonl", 30)
        store = Store.open(settings)
        try:
            deliverer = Deliverer(store, DeliveryOptions(max_tries=3, retry_delay=0.05))
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                asyncio.run(deliverer.run(once=True))
                with store.reading() as session:
                    pending = Webhooks(session).deliveries("pending", limit=1000)
                if not pending:
                    break
                time.sleep(0.05)
        finally:
            store.close()
        everything = _outbox_ids(settings)
        decisions = _outbox_ids(settings, {"decision.made"})
        changes = _outbox_ids(settings, {"account.state_changed"})
        assert changes, "the corpus must suspend or ban someone"
        # every request is signed with its target's secret, as the reference library checks
        for path, target in (("/ok", ok), ("/flaky", flaky), ("/fail", failing)):
            for headers, body in got.on(path):
                assert (
                    Webhook(target["secret"]).verify(body, headers)["id"] == headers["webhook-id"]
                )
        assert {h["webhook-id"] for h, _ in got.on("/ok")} == everything
        assert len(got.on("/ok")) == len(everything)  # no resends once delivered
        assert {h["webhook-id"] for h, _ in got.on("/flaky")} == decisions
        assert len(got.on("/flaky")) == 3 * len(decisions)  # two 503s, then delivered
        assert len(got.on("/fail")) == 3 * len(changes)  # max_tries, then dead

    dead = redline(settings, "webhooks", "deliveries", "--status", "dead")
    rows = [json.loads(line) for line in dead.stdout.splitlines()]
    assert {r["event_id"] for r in rows} == changes
    assert all(r["target_id"] == failing["id"] and r["attempts"] == 3 for r in rows)
    assert all(r["last_result"] == "HTTP 500" for r in rows)
    flaky_rows = redline(
        settings, "webhooks", "deliveries", "--target", flaky["id"], "--limit", "1"
    )
    assert json.loads(flaky_rows.stdout)["status"] == "delivered"
    revived = redline(settings, "webhooks", "retry", "--target", failing["id"])
    assert f"{len(changes)} dead deliveries queued again" in revived.stderr
    listed = redline(settings, "webhooks", "list")
    assert "whsec_" not in listed.stdout and len(listed.stdout.splitlines()) == 3
    refused = redline(settings, "webhooks", "add", "https://u:pw@example.org/", "--events", "all")
    assert refused.returncode == 3 and "user or password" in refused.stderr


def _deliverer(settings: Settings, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "redline.cli.main", "events", "deliver", *extra],
        env=env_for(settings),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_a_deliverer_killed_mid_run_loses_nothing_and_sends_nothing_uncommitted(
    settings, tmp_path, nats_url
) -> None:
    with receiver() as (base, got):
        target = _add(settings, f"{base}/slow")
        _moderate(settings, tmp_path / "posts.jsonl", 400)
        committed = _outbox_ids(settings)
        assert len(committed) > 400

        first = _deliverer(settings, "--nats", nats_url, "--retry-delay", "0.1")
        deadline = time.monotonic() + 120
        while len(got.on("/slow")) < 60 and time.monotonic() < deadline:
            assert first.poll() is None, first.stderr.read().decode() if first.stderr else ""
            time.sleep(0.01)
        os.kill(first.pid, signal.SIGKILL)
        first.wait()
        at_kill = len({h["webhook-id"] for h, _ in got.on("/slow")})
        assert 0 < at_kill < len(committed), "the kill must land mid-run"

        # meanwhile a change starts, writes its event, and is rolled back: never sent
        store = Store.open(settings)
        uncommitted = Event("decision.made", "decision.made:rolled-back", {"decision_id": "x"})
        with pytest.raises(RuntimeError), store.transaction() as session:
            emit(session, [uncommitted], at=store_time())
            raise RuntimeError("rolled back")
        store.close()

        second = _deliverer(settings, "--nats", nats_url, "--once", "--retry-delay", "0.1")
        _out, err = second.communicate(timeout=300)
        assert second.returncode == 0, err.decode()[-2000:]

        received = got.on("/slow")
        ids = [h["webhook-id"] for h, _ in received]
        assert set(ids) == committed  # nothing committed is never sent, nothing else is sent
        assert len(ids) - len(committed) <= 100  # resent: at most the batch in hand at the kill
        for headers, body in received:
            Webhook(target["secret"]).verify(body, headers)

    # JetStream got every committed event once (its duplicate window drops the resends)
    async def read_events() -> list[str]:
        client = await nats.connect(nats_url)
        js = client.jetstream()
        subscription = await js.pull_subscribe("redline.events.>", stream="REDLINE_EVENTS")
        seen: list[str] = []
        while True:
            try:
                batch = await subscription.fetch(500, timeout=1)
            except TimeoutError:
                break
            seen += [json.loads(m.data)["id"] for m in batch]
            for m in batch:
                await m.ack()
        await client.close()
        return seen

    seen = asyncio.run(read_events())
    assert sorted(seen) == sorted(committed)


def store_time():
    from datetime import UTC, datetime

    return datetime.now(UTC)


@pytest.mark.postgres
def test_an_event_still_in_an_open_transaction_is_not_sent(pg_url, tmp_path) -> None:
    settings = Settings(home=tmp_path / "home", database_url=pg_url, hash_key=HASH_KEY)
    with receiver() as (base, got):
        _add(settings, f"{base}/ok")
        engine = create_engine(pg_url)
        with engine.connect() as open_transaction:
            open_transaction.execute(text("SELECT 1"))
            emit(
                open_transaction,
                [Event("decision.made", "decision.made:open", {"decision_id": "open"})],
                at=store_time(),
            )
            done = _deliverer(settings, "--once")
            done.communicate(timeout=120)
            assert done.returncode == 0
            assert got.on("/ok") == []  # uncommitted: invisible to the deliverer
            open_transaction.commit()
        done = _deliverer(settings, "--once")
        done.communicate(timeout=120)
        assert [json.loads(b)["data"] for _, b in got.on("/ok")] == [{"decision_id": "open"}]
        engine.dispose()
