"""Two deployments over HTTP: A banks a dossier, B pulls A's feed and blocks an excerpt of it."""

from __future__ import annotations

import base64
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from redline.settings import Settings
from tests.api.conftest import start_api
from tests.cli.test_moderate import env_for
from tests.detect.banks.corpus import DOSSIER, excerpt

KEY = "exchange-key-0123456789abcdef"


@pytest.fixture
def platform_a(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Deployment A on its own SQLite store, with the dossier banked through its API."""
    settings = Settings(
        home=tmp_path / "a",
        hash_key="test-hash-key-0123456789",
        exchange_key=KEY,
        exchange_platform="platform-a",
        sqlite_synchronous="NORMAL",
    )
    with start_api(settings) as a:
        admin = a.auth("admin")
        made = a.client.post(
            "/v1/banks", json={"name": "leaks", "designations": ["hacked_material"]}, headers=admin
        )
        assert made.status_code == 201, made.text
        data = base64.b64encode(DOSSIER.encode()).decode()
        added = a.client.post(
            "/v1/banks/leaks/entries",
            json={"files": [{"filename": "marsh.txt", "data_base64": data}]},
            headers=admin,
        )
        assert added.status_code == 201, added.text
        yield a


def test_feed_roles_levels_and_pages(platform_a) -> None:  # type: ignore[no-untyped-def]
    a = platform_a
    got = a.client.get("/v1/exchange/leaks", headers=a.auth("exchange"))
    assert got.status_code == 200, got.text
    body = got.json()
    assert {s["kind"] for s in body["signals"]} == {"sha256", "text_sha256", "excerpt_fingerprints"}
    assert body["next_cursor"] is None
    assert "Delaware" not in got.text
    paged = a.client.get("/v1/exchange/leaks?limit=1", headers=a.auth("exchange")).json()
    assert len(paged["signals"]) == 1 and paged["next_cursor"] == 1
    for role in ("ingest", "moderator", "auditor"):
        assert a.client.get("/v1/exchange/leaks", headers=a.auth(role)).status_code == 403
    red = a.client.get("/v1/exchange/leaks?level=RED", headers=a.auth("exchange"))
    assert red.status_code in (400, 422) and "TLP:AMBER" in red.text
    assert a.client.get("/v1/exchange/leaks?level=RED", headers=a.auth("admin")).status_code == 200
    assert a.client.get("/v1/exchange/nope", headers=a.auth("exchange")).status_code == 404
    # only an admin may push signals into a bank
    signals = {"signals": body["signals"]}
    refused = a.client.post("/v1/exchange/copy", json=signals, headers=a.auth("exchange"))
    assert refused.status_code == 403


def test_b_pulls_a_and_blocks_an_excerpt(  # type: ignore[no-untyped-def]
    platform_a, settings: Settings
) -> None:
    a = platform_a
    b = replace(settings, exchange_key=KEY, exchange_platform="platform-b")
    env = {**env_for(b), "REDLINE_EXCHANGE_KEY": KEY}
    feed_url, token = f"{a.url}/v1/exchange/leaks", a.tokens["exchange"]
    pull = [sys.executable, "-m", "redline.cli.main", "exchange", "pull", feed_url,
            "--key", token, "--bank", "partners"]  # fmt: skip
    for expected in ("3 added", "3 unchanged"):
        done = subprocess.run(pull, env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert expected in done.stderr
    assert a.tokens["exchange"] not in done.stderr
    with start_api(b) as service_b:
        post = {"id": "p1", "author_id": "u1", "text": "Leaked memo: " + excerpt(120, 220)}
        decided = service_b.client.post("/v1/content", json=post, headers=service_b.auth("ingest"))
        assert decided.status_code == 201, decided.text
        decision = decided.json()
        rules = [v["rule"] for v in decision["violations"]]
        assert "hacked.material" in rules
        signal = decision["violations"][rules.index("hacked.material")]["signals"][0]
        assert "platform-a" in signal["masked"]
        # B can also take signals through its own API (admin), and that reloads its matcher
        feed = a.client.get("/v1/exchange/leaks", headers=a.auth("exchange")).json()
        took = service_b.client.post(
            "/v1/exchange/partners",
            json={"signals": feed["signals"]},
            headers=service_b.auth("admin"),
        )
        assert took.status_code == 200 and took.json() == {
            "added": 0,
            "replaced": 0,
            "unchanged": 3,
        }
        bad = service_b.client.post(
            "/v1/exchange/partners",
            json={"signals": [{**feed["signals"][0], "level": "TLP:PURPLE"}]},
            headers=service_b.auth("admin"),
        )
        assert bad.status_code in (400, 422) and "level" in bad.text
