"""Banks over HTTP: create, add entries (JSON, multipart, link rules); moderation uses them."""

from __future__ import annotations

import base64

from tests.api.conftest import CLEAN, Api
from tests.api.test_problems import refused

DOSSIER = (
    "Internal memo of the Marsh campaign. Opposition research on the senator's donors, the "
    "schedule of the field offices for October, and the list of volunteers who knocked doors in "
    "the third district. Do not forward outside the leadership team under any circumstances. "
) * 3
URL = "https://leaks.example/dossier.pdf"


def test_bank_lifecycle_and_moderation_matches_it(api: Api) -> None:
    admin = api.auth("admin")
    made = api.client.post(
        "/v1/banks",
        json={"name": "leaks", "designations": ["hacked_material"], "source": "press desk"},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    assert made.json()["name"] == "leaks"
    again = api.client.post(
        "/v1/banks", json={"name": "leaks", "designations": ["hacked_material"]}, headers=admin
    )
    refused(api, again, 409, "conflict", None)

    rule = api.client.post(
        "/v1/banks/leaks/entries", json={"url": URL, "name": "marsh-url"}, headers=admin
    )
    assert rule.status_code == 201, rule.text
    assert rule.json()["added"][0]["name"] == "marsh-url"
    domain = api.client.post(
        "/v1/banks/leaks/entries", json={"domain": "dump.example"}, headers=admin
    )
    assert domain.status_code == 201, domain.text
    doc = api.client.post(
        "/v1/banks/leaks/entries",
        json={
            "files": [
                {
                    "filename": "memo.txt",
                    "data_base64": base64.b64encode(DOSSIER.encode()).decode(),
                    "name": "memo",
                }
            ]
        },
        headers=admin,
    )
    assert doc.status_code == 201, doc.text
    upload = api.client.post(
        "/v1/banks/leaks/files",
        files=[("files", ("notes.txt", (DOSSIER + " appendix").encode(), "text/plain"))],
        data={"source": "upload"},
        headers=admin,
    )
    assert upload.status_code == 201, upload.text
    assert upload.json()["added"][0]["name"] == "notes"

    shown = api.client.get("/v1/banks/leaks", headers=api.auth("auditor")).json()
    names = {e["name"] for e in shown["entries"]}
    assert {"marsh-url", "memo", "notes"} <= names
    assert DOSSIER[:40] not in str(shown)  # entries are hashes and links, never the text
    listed = api.client.get("/v1/banks", headers=admin).json()
    assert [b["bank"]["name"] if "bank" in b else b["name"] for b in listed] == ["leaks"]

    # The service reloaded its snapshot: a post linking the banked URL violates at once.
    decision = api.client.post(
        "/v1/content",
        json={"id": "link-1", "author_id": "sharer", "text": "read this", "urls": [URL]},
        headers=api.auth("ingest"),
    ).json()
    kinds = {s["kind"] for v in decision["violations"] for s in v["signals"]}
    assert "link_match" in kinds, decision

    removed = api.client.delete("/v1/banks/leaks/entries/marsh-url", headers=admin)
    assert removed.status_code == 200, removed.text
    after = api.client.post(
        "/v1/content",
        json={"id": "link-2", "author_id": "sharer2", "text": CLEAN, "urls": [URL]},
        headers=api.auth("ingest"),
    ).json()
    assert not after["violations"], after


def test_unknown_banks_and_entries_and_bad_input_write_nothing(api: Api) -> None:
    admin = api.auth("admin")
    api.client.post(
        "/v1/banks", json={"name": "b", "designations": ["hacked_material"]}, headers=admin
    )
    before = api.counts()
    cases = [
        ("GET", "/v1/banks/nope", None, 404, "not-found", "bank"),
        ("POST", "/v1/banks/nope/entries", {"url": URL}, 404, "not-found", "bank"),
        ("DELETE", "/v1/banks/b/entries/nope", None, 404, "not-found", "entry"),
        ("POST", "/v1/banks/b/entries/nope:release", None, 404, "not-found", "entry"),
        (
            "POST",
            "/v1/banks/b/entries",
            {"url": URL, "domain": "x.example"},
            422,
            "invalid-input",
            "body",
        ),
        ("POST", "/v1/banks/b/entries", {"url": "not a url at all"}, 422, "invalid-input", None),
        (
            "POST",
            "/v1/banks/b/entries",
            {"files": [{"filename": "a.txt", "data_base64": "***"}]},
            422,
            "invalid-input",
            "files.0.data_base64",
        ),
        (
            "POST",
            "/v1/banks",
            {"name": "c", "designations": []},
            422,
            "invalid-input",
            "designation",
        ),
    ]
    for method, path, body, status, slug, field in cases:
        response = api.client.request(method, path, json=body, headers=admin)
        problem = response.json()
        assert response.status_code == status, (path, response.text)
        assert problem["type"] == f"urn:redline:problem:{slug}", (path, problem)
        if field is not None:
            assert problem["field"] == field, (path, problem)
    assert api.counts() == before
