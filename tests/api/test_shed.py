"""Load shedding against the real server: past the bound, an immediate 503 with Retry-After.

A detector that holds every post saying ``HOLD`` until the test lets go fills the places in
flight on demand, so each test asserts what the service answers, never how fast.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace

import httpx
import pytest
from sqlalchemy import select

from redline.api import create_app
from redline.content import Content
from redline.detect.finding import Signal
from redline.record.decisions.tables import CONTENTS
from redline.settings import Settings
from tests.api.conftest import make_keys
from tests.api.server import Running, serve
from tests.store_fixtures import HASH_KEY

WAIT = 30.0  # generous: a test that hangs fails here instead of blocking the suite


class Holding:
    """A signal source that blocks on ``HOLD`` posts until ``release``; counts who it holds."""

    name = "holding"
    version = "1"

    def __init__(self) -> None:
        self.gate = threading.Event()
        self.arrived = threading.Semaphore(0)

    def detect(self, content: Content) -> Iterable[Signal]:
        if "HOLD" in content.text:
            self.arrived.release()
            assert self.gate.wait(WAIT), "the test never released the held posts"
        return []

    def holding(self, count: int) -> None:
        """Wait until ``count`` posts are held inside the service."""
        for _ in range(count):
            assert self.arrived.acquire(timeout=WAIT), "a post never reached the detector"


@contextmanager
def service(tmp_path, **limits: object) -> Iterator[tuple[Running, Holding, dict[str, str]]]:
    settings = Settings(home=tmp_path / "home", hash_key=HASH_KEY, sqlite_synchronous="NORMAL")
    chosen = replace(settings, api_rate_per_second=1000.0, **limits)
    source = Holding()
    app = create_app(chosen, sources=[source])
    tokens = make_keys(app.state.service.store)
    try:
        with serve(app) as running:
            yield running, source, tokens
    finally:
        source.gate.set()


def post(running: Running, token: str, content_id: str, text: str) -> httpx.Response:
    return httpx.post(
        f"{running.url}/v1/content",
        json={"id": content_id, "author_id": "u1", "text": text},
        headers={"Authorization": f"Bearer {token}"},
        timeout=WAIT,
    )


def test_a_flood_past_the_bound_gets_503_with_retry_after_and_health_still_answers(
    tmp_path,
) -> None:
    with service(tmp_path, api_max_in_flight=2, api_queue_wait_seconds=0.0) as (run, src, keys):
        ingest = keys["ingest"]
        with ThreadPoolExecutor(4) as pool:
            held = [pool.submit(post, run, ingest, f"held-{i}", "HOLD") for i in range(2)]
            src.holding(2)  # both places taken
            flood = [post(run, ingest, f"flood-{i}", "hello") for i in range(5)]
            assert [r.status_code for r in flood] == [503] * 5
            for refused in flood:
                assert refused.headers["retry-after"] == "1"
                assert refused.headers["content-type"] == "application/problem+json"
                problem = refused.json()
                assert problem["type"].endswith(":overloaded") and problem["status"] == 503
                assert "flood" not in refused.text  # nothing of the request echoed
            for path in ("/healthz", "/readyz", "/metrics"):
                assert httpx.get(run.url + path, timeout=WAIT).status_code == 200
            metrics = httpx.get(run.url + "/metrics", timeout=WAIT).text
            assert "redline_http_shed_total 5.0" in metrics
            assert "redline_http_in_flight 2.0" in metrics
            src.gate.set()
            assert [f.result().status_code for f in held] == [201, 201]
        # Within the bound again: answered, and nothing refused was stored.
        assert post(run, ingest, "after", "hello").status_code == 201
        with run.service.store.reading() as session:
            ids = set(session.execute(select(CONTENTS.c.id)).scalars())
        assert ids == {"held-0", "held-1", "after"}


def test_a_request_that_finds_the_service_full_waits_its_turn_within_the_queue_wait(
    tmp_path,
) -> None:
    limits = {"api_max_in_flight": 1, "api_queue_wait_seconds": WAIT}
    with service(tmp_path, **limits) as (run, src, keys), ThreadPoolExecutor(2) as pool:
        first = pool.submit(post, run, keys["ingest"], "first", "HOLD")
        src.holding(1)
        second: Future[httpx.Response] = pool.submit(post, run, keys["ingest"], "second", "hello")
        while "redline_http_waiting 1.0" not in httpx.get(run.url + "/metrics").text:
            assert not second.done(), "the second request was answered without waiting"
        src.gate.set()
        assert first.result().status_code == 201
        assert second.result().status_code == 201  # queued, then served: not shed


def test_one_key_past_its_share_gets_429_while_another_key_is_served(tmp_path) -> None:
    limits = {"api_max_in_flight": 8, "api_max_in_flight_per_key": 1}
    with service(tmp_path, **limits) as (run, src, keys), ThreadPoolExecutor(2) as pool:
        held = pool.submit(post, run, keys["ingest"], "held", "HOLD")
        src.holding(1)
        over = post(run, keys["ingest"], "over", "hello")
        assert over.status_code == 429 and over.headers["retry-after"] == "1"
        assert over.json()["type"].endswith(":key-over-capacity")
        other = httpx.get(  # another key, another share: served
            f"{run.url}/v1/decisions/none",
            headers={"Authorization": f"Bearer {keys['admin']}"},
            timeout=WAIT,
        )
        assert other.status_code == 404
        src.gate.set()
        assert held.result().status_code == 201


@pytest.mark.parametrize("value", [-1, 100_001])
def test_the_bound_is_checked_when_the_settings_are_built(value: int) -> None:
    with pytest.raises(ValueError, match="api_max_in_flight"):
        Settings(api_max_in_flight=value)
