"""Cases, appeals, external requests and reports over HTTP, with the key as the moderator."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from redline.record.keys import Keys, Role
from tests.api.conftest import DOXX, Api
from tests.api.test_problems import refused


def moderator_key(api: Api, name: str) -> dict[str, str]:
    with api.store.transaction() as session:
        token = Keys(session).create(Role.MODERATOR, name=name, actor="t", now=datetime.now(UTC))
    return {"Authorization": f"Bearer {token.token}"}


def key_actor(api: Api, role: str) -> str:
    """How the audit log names the key of ``role``."""
    return "key:" + api.tokens[role].split("_")[1]


def assignment_actors(api: Api) -> list[str]:
    """Who each ``appeal.assigned`` audit event says did it, oldest first."""
    from sqlalchemy import select

    from redline.record.audit.tables import AUDIT_EVENTS

    query = select(AUDIT_EVENTS.c.actor).where(AUDIT_EVENTS.c.kind == "appeal.assigned")
    with api.store.reading() as session:
        return list(session.execute(query.order_by(AUDIT_EVENTS.c.seq)).scalars())


def doxx_decision(api: Api, content_id: str, author: str) -> dict[str, Any]:
    """Post the doxxing sample as the ingest role; the decision document it gets back."""
    made = api.client.post(
        "/v1/content",
        json={"id": content_id, "author_id": author, "text": DOXX},
        headers=api.auth("ingest"),
    )
    assert made.status_code == 201, made.text
    document: dict[str, Any] = made.json()
    return document


def test_case_opened_taken_and_decided(api: Api) -> None:
    made = doxx_decision(api, "n1", "reporter")
    mod = api.auth("moderator")
    opened = api.client.post(
        "/v1/cases",
        json={
            "decision_id": made["decision_id"],
            "claim": "public interest reporting",
            "reach": 10,
        },
        headers=mod,
    )
    assert opened.status_code == 201, opened.text
    case = opened.json()
    listed = api.client.get("/v1/cases", headers=api.auth("auditor")).json()
    assert [c["case_id"] for c in listed] == [case["case_id"]]
    taken = api.client.post("/v1/cases:next", headers=mod).json()["case"]
    assert taken["case_id"] == case["case_id"] and taken["assignee"].startswith("key:")
    assert api.client.post("/v1/cases:next", headers=mod).json() == {"case": None}
    decided = api.client.post(
        f"/v1/cases/{case['case_id']}/decision",
        json={"outcome": "overturn", "reason": "the address is a public office"},
        headers=mod,
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] != "open"
    shown = api.client.get(f"/v1/cases/{case['case_id']}", headers=mod).json()
    assert shown["outcome"] == "overturn"
    again = api.client.post(
        f"/v1/cases/{case['case_id']}/decision",
        json={"outcome": "confirm", "reason": "changed my mind"},
        headers=mod,
    )
    assert again.status_code in (404, 409), again.text
    missing = api.client.get("/v1/cases/nope", headers=mod)
    refused(api, missing, 404, "not-found", "case_id")


def test_appeal_heard_by_another_moderator(api: Api) -> None:
    made = doxx_decision(api, "ap1", "writer")
    filed = api.client.post(
        "/v1/appeals",
        json={
            "decision_ids": [made["decision_id"]],
            "author": "writer",
            "statement": "This is reporting.",
        },
        headers=api.auth("ingest"),
    )
    assert filed.status_code == 201, filed.text
    appeal = filed.json()
    not_theirs = api.client.post(
        "/v1/appeals",
        json={"decision_ids": [made["decision_id"]], "author": "someone", "statement": "x"},
        headers=api.auth("ingest"),
    )
    refused(api, not_theirs, 409, "conflict", None)
    hearing = moderator_key(api, "appeals desk")
    assigned = api.client.post(
        f"/v1/appeals/{appeal['appeal_id']}/assign", json={}, headers=hearing
    )
    assert assigned.status_code == 200, assigned.text
    by_lead = api.client.post(  # a lead hands it to another moderator: the lead is the actor
        f"/v1/appeals/{appeal['appeal_id']}/assign",
        json={"moderator": assigned.json()["assignee"]},
        headers=api.auth("admin"),
    )
    assert by_lead.status_code == 200, by_lead.text
    assert assignment_actors(api) == [assigned.json()["assignee"], key_actor(api, "admin")]
    other = api.client.post(
        f"/v1/appeals/{appeal['appeal_id']}/decision",
        json={"upheld": True, "reason": "x"},
        headers=api.auth("moderator"),
    )
    refused(api, other, 409, "conflict", None)  # assigned to someone else
    decided = api.client.post(
        f"/v1/appeals/{appeal['appeal_id']}/decision",
        json={"upheld": True, "reason": "public interest reporting"},
        headers=hearing,
    )
    assert decided.status_code == 200, decided.text
    assert decided.json()["status"] == "upheld"
    shown = api.client.get(f"/v1/appeals/{appeal['appeal_id']}", headers=api.auth("auditor")).json()
    assert shown["notices"] and "upheld" in shown["notices"][0]["text"]


def test_external_requests_and_reports(api: Api) -> None:
    doxx_decision(api, "rq1", "a")
    recorded = api.client.post(
        "/v1/requests",
        json={
            "requester_type": "election_campaign",
            "requester": "Carver for Senate",
            "asked": "Remove posts with the dossier",
            "received_at": "2026-11-01T09:00:00Z",
            "content_ids": ["rq1"],
        },
        headers=api.auth("admin"),
    )
    assert recorded.status_code == 201, recorded.text
    request = recorded.json()
    bad = api.client.post(
        "/v1/requests",
        json={
            "requester_type": "oracle",
            "requester": "x",
            "asked": "y",
            "received_at": "2026-11-01T09:00:00Z",
            "content_ids": ["rq1"],
        },
        headers=api.auth("admin"),
    )
    refused(api, bad, 422, "invalid-input", "requester_type")
    outcome = api.client.post(
        f"/v1/requests/{request['request_id']}/outcome",
        json={"outcome": "no_action", "note": "decided under policy alone"},
        headers=api.auth("moderator"),
    )
    assert outcome.status_code == 200, outcome.text
    listed = api.client.get("/v1/requests", headers=api.auth("auditor")).json()
    assert [r["request_id"] for r in listed] == [request["request_id"]]
    about = api.client.get("/v1/requests?content_id=rq1", headers=api.auth("auditor")).json()
    assert [r["request_id"] for r in about] == [request["request_id"]]
    assert api.client.get("/v1/requests?content_id=zz", headers=api.auth("auditor")).json() == []
    page = api.client.get("/v1/reports/transparency.html", headers=api.auth("auditor"))
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<svg" in page.text or "<table" in page.text
    figures = api.client.get("/v1/reports/transparency", headers=api.auth("auditor"))
    assert figures.status_code == 200, figures.text
    assert figures.json()
    statements = api.client.get("/v1/reports/statements", headers=api.auth("auditor"))
    assert statements.status_code == 200, statements.text
    assert isinstance(statements.json(), list) and statements.json()


def test_a_decision_the_policy_sends_to_people_opens_its_case_at_once(api: Api) -> None:
    critical = {"id": "crit1", "author_id": "w", "text": "Found Jo Doe's SSN 078-05-1120 here"}
    made = api.client.post("/v1/content", json=critical, headers=api.auth("ingest"))
    assert made.status_code == 201, made.text
    case_id = made.headers["redline-case"]
    case = api.client.get(f"/v1/cases/{case_id}", headers=api.auth("moderator")).json()
    assert case["decision_id"] == made.json()["decision_id"]
    assert "high_severity" in case["reasons"]
    again = api.client.post("/v1/content", json=critical, headers=api.auth("ingest"))
    assert again.status_code == 200 and "redline-case" not in again.headers
    clean = api.client.post(
        "/v1/content",
        json={"id": "crit2", "text": "Polls open at 7am."},
        headers=api.auth("ingest"),
    )
    assert "redline-case" not in clean.headers
    batch = api.client.post(
        "/v1/content:batch",
        json={"items": [dict(critical, id="crit3"), {"id": "crit4", "text": "hello"}]},
        headers=api.auth("ingest"),
    ).json()["results"]
    assert batch[0]["case"] and batch[1]["case"] is None
    synced = api.client.post("/v1/cases:sync", headers=api.auth("moderator")).json()
    assert synced == []  # nothing was missed


def test_unknown_rules_are_refused_and_write_nothing(api: Api) -> None:
    made = doxx_decision(api, "ur1", "x")
    mod = api.auth("moderator")
    case = api.client.post(
        "/v1/cases", json={"decision_id": made["decision_id"], "claim": "news"}, headers=mod
    ).json()
    before = api.counts()
    for outcome in ("modify", "newsworthy"):
        response = api.client.post(
            f"/v1/cases/{case['case_id']}/decision",
            json={"outcome": outcome, "reason": "x", "rules": ["no.such.rule"]},
            headers=mod,
        )
        problem = refused(api, response, 422, "invalid-input", "rules")
        assert problem["pointer"] == "#/rules"
        assert "no.such.rule" in problem["detail"]
    response = api.client.post(
        f"/v1/cases/{case['case_id']}/decision",
        json={"outcome": "modify", "reason": "x"},
        headers=mod,
    )
    problem = refused(api, response, 422, "invalid-input", "rules")
    assert problem["pointer"] == "#/rules"
    assert "--rule" not in problem["detail"]  # the API has no flags
    assert api.counts() == before
    still = api.client.get(f"/v1/cases/{case['case_id']}", headers=mod).json()
    assert still["status"] == "open"


def test_integers_beyond_their_bounds_are_refused_with_the_field_named(api: Api) -> None:
    made = doxx_decision(api, "big1", "reporter")
    mod = api.auth("moderator")
    case = {"decision_id": made["decision_id"], "claim": "public interest reporting"}
    before = api.counts()
    for reach in (2**63, 2**31, -1):
        response = api.client.post("/v1/cases", json={**case, "reach": reach}, headers=mod)
        problem = refused(api, response, 422, "invalid-field", "reach")
        assert str(reach) not in problem["detail"]  # errors never echo input
    for limit in (0, 1001, 2**70):
        response = api.client.get(f"/v1/cases?limit={limit}", headers=mod)
        refused(api, response, 422, "invalid-field", "limit")
    assert api.counts() == before
    most = api.client.post("/v1/cases", json={**case, "reach": 2**31 - 1}, headers=mod)
    assert most.status_code in (200, 201), most.text
    assert most.json()["reach"] == 2**31 - 1
