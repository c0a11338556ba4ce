"""Moderating over HTTP: one item, a batch, idempotency, reading decisions and accounts, metrics."""

from __future__ import annotations

from tests.api.conftest import CLEAN, DOXX, Api


def test_post_content_decides_and_stores(api: Api) -> None:
    before = api.counts()
    body = {"id": "p1", "author_id": "u1", "text": DOXX, "surface": "feed"}
    response = api.client.post("/v1/content", json=body, headers=api.auth("ingest"))
    assert response.status_code == 201, response.text
    decision = response.json()
    assert decision["content_id"] == "p1"
    assert response.headers["location"] == f"/v1/decisions/{decision['decision_id']}"
    rules = {v["rule"] for v in decision["violations"]}
    assert rules, decision
    assert decision["actions"]
    # Evidence is masked: the address never comes back, the partial SSN only in its masked form.
    for private in ("42 Maple", "Springfield", "62704"):
        assert private not in response.text
    masked = {s["type"]: s["masked"] for v in decision["violations"] for s in v["signals"]}
    assert masked["US_SSN_PARTIAL"] == "***-**-6789"
    assert masked["STREET_ADDRESS"] == "** ***** Avenue, ***********, IL *****"
    for violation in decision["violations"]:
        for signal in violation["signals"]:
            assert signal["masked"] != DOXX[signal["location"]["start"] : signal["location"]["end"]]
    after = api.counts()
    assert after["contents"] == before["contents"] + 1
    assert after["decisions"] == before["decisions"] + 1
    assert after["audit_events"] > before["audit_events"]


def test_the_same_id_twice_returns_the_first_decision(api: Api) -> None:
    first = api.client.post(
        "/v1/content",
        json={"id": "p2", "text": DOXX, "author_id": "u2"},
        headers=api.auth("ingest"),
    )
    counts = api.counts()
    again = api.client.post(
        "/v1/content", json={"id": "p2", "text": CLEAN}, headers=api.auth("ingest")
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json() == first.json()
    assert api.counts() == counts


def test_read_decision_by_id_and_by_content_id(api: Api) -> None:
    made = api.client.post(
        "/v1/content", json={"id": "p3", "text": DOXX}, headers=api.auth("ingest")
    ).json()
    for ref in (made["decision_id"], "p3"):
        for role in ("ingest", "moderator", "auditor", "admin"):
            got = api.client.get(f"/v1/decisions/{ref}", headers=api.auth(role))
            assert got.status_code == 200, (role, got.text)
            assert got.json() == made


def test_batch_moderates_each_item_once(api: Api) -> None:
    api.client.post("/v1/content", json={"id": "b0", "text": CLEAN}, headers=api.auth("ingest"))
    items = [
        {"id": "b0", "text": CLEAN},
        {"id": "b1", "text": DOXX, "author_id": "u9"},
        {"id": "b2", "text": CLEAN, "urls": ["https://example.org/a"]},
        {"id": "b1", "text": DOXX, "author_id": "u9"},
    ]
    response = api.client.post(
        "/v1/content:batch", json={"items": items}, headers=api.auth("ingest")
    )
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [r["id"] for r in results] == ["b0", "b1", "b2", "b1"]
    assert [r["created"] for r in results] == [False, True, True, False]
    assert results[1]["decision"] == results[3]["decision"]
    assert results[1]["decision"]["violations"]
    assert not results[2]["decision"]["violations"]


def test_account_shows_strikes_after_a_violation(api: Api) -> None:
    api.client.post(
        "/v1/content",
        json={"id": "a1", "author_id": "acct", "text": DOXX},
        headers=api.auth("ingest"),
    )
    response = api.client.get("/v1/accounts/acct", headers=api.auth("moderator"))
    assert response.status_code == 200, response.text
    account = response.json()
    assert account["id"] == "acct"
    assert len(account["strikes"]) == 1
    assert account["strikes"][0]["active"] is True
    assert account["active_strikes"] >= 1


def test_metrics_count_requests_and_decisions_by_rule_and_action(api: Api) -> None:
    made = api.client.post(
        "/v1/content",
        json={"id": "m1", "text": DOXX, "author_id": "m"},
        headers=api.auth("ingest"),
    ).json()
    api.client.post("/v1/content", json={"id": "m2", "text": CLEAN}, headers=api.auth("ingest"))
    api.client.post("/v1/content", json={"id": "m2", "text": CLEAN}, headers=api.auth("ingest"))
    text = api.client.get("/metrics").text
    action = made["actions"][0]
    rule = action["rules"][0]
    line = f'redline_decisions_total{{action="{action["type"]}",rule="{rule}"}} 1.0'
    assert line in text, text
    # The repeat of m2 is not a new decision.
    assert 'redline_decisions_total{action="none",rule="none"} 1.0' in text
    assert 'redline_http_requests_total{method="POST",route="/v1/content",status="201"} 2.0' in text
    assert 'redline_http_requests_total{method="POST",route="/v1/content",status="200"} 1.0' in text
    assert "redline_http_request_duration_seconds_bucket" in text


def test_health_and_readiness(api: Api) -> None:
    assert api.client.get("/healthz").json() == {"status": "ok"}
    ready = api.client.get("/readyz")
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}
    spec = api.client.get("/openapi.json").json()
    assert "/v1/content" in spec["paths"]


def test_attachments_are_scanned(api: Api) -> None:
    import base64

    memo = "Internal memo. Home of the candidate: 42 Maple Avenue, Springfield, IL 62704."
    body = {
        "id": "att1",
        "author_id": "u5",
        "text": "see the attached memo",
        "attachments": [
            {
                "media_type": "text/plain",
                "filename": "memo.txt",
                "data_base64": base64.b64encode(memo.encode()).decode(),
            }
        ],
    }
    response = api.client.post("/v1/content", json=body, headers=api.auth("ingest"))
    assert response.status_code == 201, response.text
    parts = {s["location"]["part"] for v in response.json()["violations"] for s in v["signals"]}
    assert "attachment:0" in parts, response.json()
    before = api.counts()
    bad = dict(body, id="att2", attachments=[{"media_type": "text/plain", "data_base64": "%%%"}])
    refused = api.client.post("/v1/content", json=bad, headers=api.auth("ingest"))
    assert refused.status_code == 422
    assert refused.json()["field"] == "attachments.0.data_base64"
    assert api.counts() == before


def test_policy_in_force(api: Api) -> None:
    shown = api.client.get("/v1/policy", headers=api.auth("ingest")).json()
    made = api.client.post(
        "/v1/content", json={"id": "pol1", "text": DOXX}, headers=api.auth("ingest")
    ).json()
    policy, profile = shown["policy"], shown["profile"]
    assert made["policy"] == f"{policy['id']}@{policy['version']}"
    assert made["profile"] == f"{profile['id']}@{profile['version']}"
    assert {v["rule"] for v in made["violations"]} <= {r["id"] for r in policy["rules"]}
