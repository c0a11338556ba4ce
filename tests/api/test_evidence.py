"""Raw evidence: only for a key with the permission, and every reveal is an audit event."""

from __future__ import annotations

import json

from sqlalchemy import select

from redline.record.audit import verify
from redline.record.audit.tables import AUDIT_EVENTS
from redline.settings import Settings
from tests.api.conftest import DOXX, Api, start_api

FULL = "Candidate John Carver, SSN 078-05-1120, home: 42 Maple Avenue, Springfield, IL 62704"


def reveal_events(api: Api) -> list[dict[str, object]]:
    with api.store.reading() as session:
        rows = session.execute(
            select(AUDIT_EVENTS).where(AUDIT_EVENTS.c.kind == "evidence.revealed")
        ).mappings()
        return [dict(r) for r in rows]


def test_raw_evidence_needs_the_permission_and_is_audited(api: Api) -> None:
    made = api.client.post(
        "/v1/content", json={"id": "e1", "text": FULL}, headers=api.auth("ingest")
    ).json()
    path = f"/v1/decisions/{made['decision_id']}/evidence:reveal"
    before = api.counts()
    for role in ("moderator", "auditor", "admin"):
        denied = api.client.post(path, json={"reason": "appeal"}, headers=api.auth(role))
        assert denied.status_code == 403, denied.text
        assert denied.json()["type"] == "urn:redline:problem:raw-evidence-not-permitted"
    assert api.counts() == before
    assert reveal_events(api) == []

    shown = api.client.post(path, json={"reason": "appeal 42"}, headers=api.auth("raw"))
    assert shown.status_code == 200, shown.text
    signals = shown.json()["signals"]
    assert signals
    for signal in signals:
        location = signal["location"]
        assert signal["raw"] == FULL[location["start"] : location["end"]]
        assert signal["raw"] != signal["masked"]
    # The stored decision's evidence stays masked.
    stored = api.client.get(f"/v1/decisions/{made['decision_id']}", headers=api.auth("auditor"))
    evidence = json.dumps(stored.json()["violations"])
    assert {s["type"] for s in signals} >= {"US_SSN", "STREET_ADDRESS"}
    assert all(s["raw"] not in evidence for s in signals)
    events = reveal_events(api)
    assert len(events) == 1
    key_id = api.tokens["raw"].split("_")[1]
    assert events[0]["actor"] == f"key:{key_id}"
    payload = json.loads(str(events[0]["payload"]))
    assert payload["by"] == f"key:{key_id}" and payload["reason"] == "appeal 42"
    assert payload["revealed"] == len(signals)
    assert signals[0]["raw"] not in str(events[0]["payload"])
    with api.store.reading() as session:
        assert verify(session).ok


def test_nothing_to_reveal_when_only_redacted_text_was_kept(settings: Settings) -> None:
    with start_api(settings, retention="redacted") as api:
        made = api.client.post(
            "/v1/content", json={"id": "e2", "text": DOXX}, headers=api.auth("ingest")
        ).json()
        shown = api.client.post(
            f"/v1/decisions/{made['decision_id']}/evidence:reveal",
            json={"reason": "appeal"},
            headers=api.auth("raw"),
        )
        assert shown.status_code == 200, shown.text
        assert shown.json()["signals"]
        assert all(s["raw"] is None for s in shown.json()["signals"])
        assert len(reveal_events(api)) == 1


def test_the_reason_for_a_reveal_is_masked_in_the_audit_log(api: Api) -> None:
    made = api.client.post(
        "/v1/content", json={"id": "e3", "text": FULL}, headers=api.auth("ingest")
    ).json()
    reason = "caller confirmed SSN 078-05-1120, lives at 42 Maple Avenue, Springfield, IL 62704"
    shown = api.client.post(
        f"/v1/decisions/{made['decision_id']}/evidence:reveal",
        json={"reason": reason},
        headers=api.auth("raw"),
    )
    assert shown.status_code == 200, shown.text
    (event,) = reveal_events(api)
    logged = json.loads(str(event["payload"]))["reason"]
    assert "078-05-1120" not in logged and "42 Maple Avenue" not in logged, logged
    assert logged.startswith("caller confirmed SSN [SSN]"), logged
    assert "078-05-1120" not in json.dumps({k: str(v) for k, v in event.items()})


def test_a_reveal_lists_the_first_signals_of_each_part_and_audits_those(api: Api) -> None:
    dense = "ssn 078-05-1120 " * 150
    made = api.client.post(
        "/v1/content", json={"id": "e9", "text": dense}, headers=api.auth("ingest")
    ).json()
    path = f"/v1/decisions/{made['decision_id']}/evidence:reveal"
    shown = api.client.post(path, json={"reason": "audit"}, headers=api.auth("raw")).json()
    assert len(shown["signals"]) == 100  # REDLINE_OUTPUT_MAX_FINDINGS
    assert shown["signals_omitted"] == {"text": 50}
    payload = json.loads(str(reveal_events(api)[0]["payload"]))
    assert payload["signals"] == payload["revealed"] == 100
