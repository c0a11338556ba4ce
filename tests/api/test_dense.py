"""A megabyte of dense private data over real HTTP: a bounded answer, in bounded time (issue 14).

Before the detection budget and the per-part cap, a 1 MiB body of values each after its cue held
a worker for minutes and answered about 24 bytes per input character.
"""

from __future__ import annotations

import time
from dataclasses import replace

import pytest

from redline.settings import Settings
from tests.api.conftest import Api, start_api

UNIT = "ssn 123-45-6789 "
BODY_TEXT = UNIT * 62_500  # 1,000,000 characters: the largest text the default body limit takes


@pytest.fixture
def dense_api(settings: Settings):
    with start_api(replace(settings, sqlite_synchronous="NORMAL")) as started:
        yield started


def _post(api: Api, content_id: str, text: str) -> tuple[int, bytes, float]:
    started = time.process_time()  # the server runs in this process: its CPU time counts too
    response = api.client.post(
        "/v1/content",
        json={"id": content_id, "author_id": "u1", "text": text},
        headers=api.auth("ingest"),
        timeout=300,
    )
    return response.status_code, response.content, time.process_time() - started


@pytest.mark.slow
def test_a_megabyte_of_dense_ssns_gets_a_bounded_answer(dense_api: Api) -> None:
    status, body, cpu = _post(dense_api, "dense-1", BODY_TEXT)
    assert status == 201, body[:300]
    assert len(body) < 100_000, f"{len(body)} bytes answered for {len(BODY_TEXT)} characters"
    decision = dense_api.client.get(
        "/v1/decisions/dense-1", headers=dense_api.auth("moderator")
    ).json()
    assert decision["needs_review"]
    assert any("detector_budget" in r["reason"] for r in decision["reviews"])
    (violation,) = [v for v in decision["violations"] if v["rule"] == "privacy.ssn.full"]
    assert len(violation["signals"]) == 100  # REDLINE_OUTPUT_MAX_FINDINGS, per part
    assert violation["signals_omitted"]["text"] > 1_000
    # body parsing, the budget's 10,000 findings, deciding and storing them; a loaded
    # machine's CPU time is still within a few times this
    assert cpu < 30, f"{cpu:.1f}s of CPU for one request"


def test_a_few_findings_are_all_listed(dense_api: Api) -> None:
    status, _, _ = _post(dense_api, "few", UNIT * 5)
    assert status == 201
    decision = dense_api.client.get("/v1/decisions/few", headers=dense_api.auth("ingest")).json()
    (violation,) = [v for v in decision["violations"] if v["rule"] == "privacy.ssn.full"]
    assert len(violation["signals"]) == 5
    assert "signals_omitted" not in violation
    assert not decision["reviews"]
