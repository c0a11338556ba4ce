"""Every refusal is RFC 9457 problem+json naming type, title and field, and writes nothing."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.api.conftest import DOXX, Api

PROBLEM = "application/problem+json"


def refused(
    api: Api, response: httpx.Response, status: int, slug: str, field: str | None
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    problem: dict[str, Any] = response.json()
    assert problem["type"] == f"urn:redline:problem:{slug}"
    assert problem["title"]
    assert problem["status"] == status
    assert problem["field"] == field
    return problem


def test_malformed_json(api: Api) -> None:
    before = api.counts()
    bodies = (
        b'{"id": "x", "text": ',
        b"not json",
        b'{"id": "x", "text": "a",}',
        b'{"id": "x", "text": "\xff\xfe"}',
    )
    for body in bodies:
        response = api.client.post(
            "/v1/content",
            content=body,
            headers={**api.auth("ingest"), "content-type": "application/json"},
        )
        refused(api, response, 400, "malformed-json", "body")
    assert api.counts() == before


# A value no response may quote: each refused body carries it, in the offending field where the
# field can hold a string.
MARK = "Maple-6789"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"id": 5, "text": MARK}, "id"),
        ({"id": "x", "text": [MARK]}, "text"),
        ({"id": "x", "author_id": MARK}, "text"),
        ({"text": MARK}, "id"),
        ({"id": "", "text": MARK}, "id"),
        ({"id": "x", "text": "hi", "urls": f"https://{MARK}.example"}, "urls"),
        ({"id": "x", "text": "hi", "urls": [1], "author_id": MARK}, "urls.0"),
        ({"id": "x", "text": MARK, "author_id": True}, "author_id"),
        ({"id": "x", "text": "hi", "created_at": MARK}, "created_at"),
        ({"id": "x", "text": "hi", "colour": MARK}, "colour"),
        ({"id": "x", "text": f"nul \u0000 {MARK}"}, "text"),
        ({"id": "x", "text": f"lone \ud800 {MARK}"}, "text"),
        ([{"id": "x", "text": MARK}], "body"),
    ],
)
def test_wrong_types_and_missing_fields(api: Api, body: Any, field: str) -> None:
    before = api.counts()
    response = api.client.post(
        "/v1/content",
        content=json.dumps(body).encode("ascii"),  # \u escapes carry NULs and lone surrogates
        headers={**api.auth("ingest"), "content-type": "application/json"},
    )
    problem = refused(api, response, 422, "invalid-field", field)
    assert problem["errors"][0]["field"] == field
    # The problem never echoes the input (a refused post may hold private data).
    assert MARK not in response.text
    assert MARK not in str(response.headers)
    assert api.counts() == before


def test_a_bad_item_refuses_the_whole_batch(api: Api) -> None:
    before = api.counts()
    items = [{"id": "ok1", "text": DOXX}, {"id": "ok2", "text": 7}]
    response = api.client.post(
        "/v1/content:batch", json={"items": items}, headers=api.auth("ingest")
    )
    problem = refused(api, response, 422, "invalid-field", "items.1.text")
    assert problem["pointer"] == "#/items/1/text"
    assert problem["errors"][0]["pointer"] == "#/items/1/text"
    assert api.counts() == before


def test_a_batch_over_the_limit_is_refused(settings) -> None:  # type: ignore[no-untyped-def]
    from tests.api.conftest import start_api

    with start_api(settings, api_batch_max=2) as small:
        before = small.counts()
        items = [{"id": f"i{i}", "text": DOXX} for i in range(3)]
        response = small.client.post(
            "/v1/content:batch", json={"items": items}, headers=small.auth("ingest")
        )
        problem = refused(small, response, 422, "limit-exceeded", "items")
        assert problem["limit"] == 2
        assert small.counts() == before


def test_oversize_bodies(settings) -> None:  # type: ignore[no-untyped-def]
    from tests.api.conftest import start_api

    with start_api(settings, api_max_body_bytes=2000) as small:
        before = small.counts()
        big = {"id": "big", "text": "x" * 5000}
        response = small.client.post("/v1/content", json=big, headers=small.auth("ingest"))
        problem = refused(small, response, 413, "body-too-large", "body")
        assert problem["limit"] == 2000

        # Without a Content-Length (chunked), the gate counts as it reads.
        def chunks():  # type: ignore[no-untyped-def]
            yield b'{"id": "big", "text": "'
            for _ in range(10):
                yield b"y" * 500
            yield b'"}'

        response = small.client.post(
            "/v1/content",
            content=chunks(),
            headers={**small.auth("ingest"), "content-type": "application/json"},
        )
        refused(small, response, 413, "body-too-large", "body")
        # Just under the limit is fine.
        ok = small.client.post(
            "/v1/content", json={"id": "fits", "text": "z" * 1500}, headers=small.auth("ingest")
        )
        assert ok.status_code == 201, ok.text
        after = small.counts()
        assert after["decisions"] == before["decisions"] + 1


# An id that is private data: errors name the kind of thing not found, never this.
EMAIL = "alice.carver@example.com"


def test_unknown_ids_are_named_by_kind_never_echoed(api: Api) -> None:
    before = api.counts()
    cases = [
        ("GET", "/v1/decisions/{}", "moderator", None, "decision_id", "decision"),
        ("GET", "/v1/accounts/{}", "moderator", None, "account_id", "account"),
        ("DELETE", "/v1/keys/{}", "admin", None, "key_id", "key"),
        (
            "POST",
            "/v1/decisions/{}/evidence:reveal",
            "raw",
            {"reason": "appeal 17"},
            "decision_id",
            "decision",
        ),
        ("GET", "/v1/banks/{}", "admin", None, "bank", "bank"),
        ("GET", "/v1/cases/{}", "moderator", None, "case_id", "case"),
        ("GET", "/v1/appeals/{}", "moderator", None, "appeal_id", "appeal"),
        ("GET", "/v1/requests/{}", "moderator", None, "request_id", "external request"),
    ]
    for method, route, role, body, field, kind in cases:
        path = route.format(EMAIL)
        response = api.client.request(method, path, json=body, headers=api.auth(role))
        problem = refused(api, response, 404, "not-found", field)
        assert problem["detail"] == f"no such {kind}" and problem["kind"] == kind
        # the instance is the route with the id hashed: stable, and no use without the key
        assert problem["instance"] == route.format(problem["instance"].split("/")[3])
        assert problem["instance"].split("/")[3].startswith("~")
        for shown in (response.text, str(response.headers)):
            assert EMAIL not in shown and "alice.carver%40" not in shown
    assert api.counts() == before
    response = api.client.get(f"/v1/no-such-route/{EMAIL}", headers=api.auth("admin"))
    refused(api, response, 404, "not-found", None)
    assert EMAIL not in response.text and "alice.carver%40" not in response.text


def test_unauthorised_calls(api: Api) -> None:
    before = api.counts()
    body = {"id": "u1", "text": DOXX}
    no_key = api.client.post("/v1/content", json=body)
    refused(api, no_key, 401, "unauthenticated", "Authorization")
    assert no_key.headers["www-authenticate"].startswith("Bearer")
    for header in ("Bearer rl_0000_nope", "Bearer garbage", "Basic dXNlcjpwYXNz", "Bearer"):
        response = api.client.post("/v1/content", json=body, headers={"Authorization": header})
        assert response.status_code == 401, (header, response.text)
    # A right id with a wrong secret is refused too.
    token = api.tokens["ingest"]
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    response = api.client.post(
        "/v1/content", json=body, headers={"Authorization": f"Bearer {forged}"}
    )
    refused(api, response, 401, "invalid-key", "Authorization")
    # Unauthorised beats malformed: the body of a refused call is never parsed.
    response = api.client.post(
        "/v1/content", content=b"{bad", headers={"content-type": "application/json"}
    )
    assert response.status_code == 401
    # A role that may not call the route.
    response = api.client.post("/v1/content", json=body, headers=api.auth("auditor"))
    refused(api, response, 403, "forbidden", "Authorization")
    assert api.counts() == before


def test_a_revoked_key_is_refused_at_once(api: Api) -> None:
    created = api.client.post(
        "/v1/keys", json={"role": "ingest", "name": "temp"}, headers=api.auth("admin")
    )
    assert created.status_code == 201, created.text
    token, key_id = created.json()["token"], created.json()["key"]["id"]
    header = {"Authorization": f"Bearer {token}"}
    ok = api.client.post("/v1/content", json={"id": "r1", "text": "hi"}, headers=header)
    assert ok.status_code == 201
    revoked = api.client.delete(f"/v1/keys/{key_id}", headers=api.auth("admin"))
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    before = api.counts()
    response = api.client.post("/v1/content", json={"id": "r2", "text": "hi"}, headers=header)
    refused(api, response, 401, "invalid-key", "Authorization")
    again = api.client.delete(f"/v1/keys/{key_id}", headers=api.auth("admin"))
    refused(api, again, 409, "conflict", None)
    assert api.counts() == before
    listed = api.client.get("/v1/keys", headers=api.auth("admin")).json()
    assert any(k["id"] == key_id and k["revoked_at"] for k in listed)
    assert all("token" not in k and "secret_hash" not in k for k in listed)
