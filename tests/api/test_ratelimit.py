"""The per-key rate limit: a 429 with Retry-After past the burst, per key, nothing written."""

from __future__ import annotations

from redline.api.ratelimit import RateLimiter, retry_after
from redline.settings import Settings
from tests.api.conftest import CLEAN, start_api


def test_bucket_refills_at_the_rate() -> None:
    now = [100.0]
    limiter = RateLimiter(rate=2.0, burst=3, clock=lambda: now[0])
    assert [limiter.take("k") for _ in range(3)] == [0.0, 0.0, 0.0]
    wait = limiter.take("k")
    assert wait == 0.5
    assert limiter.take("other") == 0.0
    now[0] += 0.5
    assert limiter.take("k") == 0.0
    assert limiter.take("k") > 0
    now[0] += 100
    assert [limiter.take("k") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert retry_after(0.01) == "1" and retry_after(1.2) == "2"


def test_429_with_retry_after(settings: Settings) -> None:
    with start_api(settings, api_rate_per_second=0.2, api_rate_burst=3) as api:
        statuses = []
        for i in range(3):
            response = api.client.post(
                "/v1/content", json={"id": f"r{i}", "text": CLEAN}, headers=api.auth("ingest")
            )
            statuses.append(response.status_code)
        assert statuses == [201, 201, 201]
        before = api.counts()
        limited = api.client.post(
            "/v1/content", json={"id": "r9", "text": CLEAN}, headers=api.auth("ingest")
        )
        assert limited.status_code == 429, limited.text
        assert limited.headers["content-type"].startswith("application/problem+json")
        assert limited.json()["type"] == "urn:redline:problem:rate-limited"
        assert 1 <= int(limited.headers["retry-after"]) <= 5
        assert api.counts() == before
        # Another key has its own bucket.
        other = api.client.get("/v1/decisions/r0", headers=api.auth("auditor"))
        assert other.status_code == 200
        metrics = api.client.get("/metrics").text
        assert 'route="/v1/content",status="429"' in metrics
