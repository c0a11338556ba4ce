"""Sign-in, CSRF and case assignment over plain HTTP against the real server.

A POST without the session's CSRF token is refused and changes nothing; an ingest key cannot
sign in; a revoked key's session ends; two moderators starting to review at once never get the
same case.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import func, select

from redline.record.audit.tables import AUDIT_EVENTS
from redline.record.keys import Keys
from redline.review import queue
from tests.console.conftest import CSRF, Console


def audit_count(console: Console) -> int:
    with console.store.reading() as session:
        return session.execute(select(func.count()).select_from(AUDIT_EVENTS)).scalar_one()


def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    sqlite_console: Console,
) -> None:
    console = sqlite_console
    with console.client() as client:
        token = console.sign_in(client, "moderator")
        case = queue.queue(console.store, limit=1)[0]
        before = audit_count(console)
        for form in ({}, {"csrf": "forged-" + token[7:]}, {"csrf": ""}):
            body = {**form, "outcome": "overturn", "reason": "no token"}
            answer = client.post(f"/console/cases/{case.id}/decision", data=body)
            assert answer.status_code == 403
            assert "security token" in answer.text
            assert client.post("/console/queues/next", data=form).status_code == 403
        assert audit_count(console) == before
        assert queue.queue(console.store, limit=1)[0].status == "open"
        # with the token it goes through
        ok = client.post("/console/queues/next", data={"csrf": token})
        assert ok.status_code == 303 and "/console/cases/" in ok.headers["location"]


def test_session_cookie_is_httponly_and_samesite_strict(sqlite_console: Console) -> None:
    console = sqlite_console
    with console.client() as client:
        page = client.get("/console/sign-in")
        assert "unsafe-inline" not in page.headers["content-security-policy"]
        found = CSRF.search(page.text)
        assert found is not None
        answer = client.post(
            "/console/sign-in", data={"csrf": found.group(1), "key": console.tokens["moderator"]}
        )
        cookie = answer.headers["set-cookie"].lower()
        assert "redline_console=" in cookie and "httponly" in cookie
        assert "samesite=strict" in cookie and "path=/console" in cookie
        # the sign-in form itself needs its token
        fresh = console.client()
        assert (
            fresh.post("/console/sign-in", data={"key": console.tokens["moderator"]}).status_code
            == 403
        )


def test_an_ingest_key_cannot_sign_in_and_a_revoked_key_is_signed_out(
    sqlite_console: Console,
) -> None:
    console = sqlite_console
    with console.client() as client:
        found = CSRF.search(client.get("/console/sign-in").text)
        assert found is not None
        answer = client.post(
            "/console/sign-in", data={"csrf": found.group(1), "key": console.tokens["ingest"]}
        )
        assert answer.status_code == 401
        assert "redline_console=" not in answer.headers.get("set-cookie", "")
        assert client.get("/console/queues").status_code == 303  # to the sign-in page
    with console.client() as client:
        console.sign_in(client, "admin")
        assert client.get("/console/queues").status_code == 200
        with console.store.transaction() as session:
            keys = Keys(session)
            admin = next(k for k in keys.list() if k.name == "admin")
            keys.revoke(admin.id, actor="test", now=datetime.now(UTC))
        gone = client.get("/console/queues")
        assert gone.status_code == 303 and gone.headers["location"] == "/console/sign-in"


def test_two_moderators_starting_at_once_never_get_the_same_case(
    sqlite_console: Console,
) -> None:
    console = sqlite_console
    got: dict[str, list[str]] = {"moderator": [], "raw": []}
    barrier = threading.Barrier(2)

    def review(role: str) -> None:
        with console.client() as client:
            token = console.sign_in(client, role)
            barrier.wait()
            for _ in range(3):
                answer = client.post("/console/queues/next", data={"csrf": token})
                assert answer.status_code == 303
                got[role].append(answer.headers["location"])

    threads = [threading.Thread(target=review, args=(r,)) for r in got]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    cases = [u for urls in got.values() for u in urls if "/cases/" in u]
    # three open cases in the demo: each given out once, the rest of the asks find it empty
    assert len(cases) == 3 and len(set(cases)) == 3
    assert sum("notice=empty" in u for urls in got.values() for u in urls) == 3
    taken = {role: {u for u in urls if "/cases/" in u} for role, urls in got.items()}
    assert not taken["moderator"] & taken["raw"]
    # and the store agrees: each case given out is assigned
    for url in cases:
        case_id = url.split("/cases/")[1].split("?")[0]
        mine = [c for c in queue.queue(console.store) if c.id == case_id]
        assert len(mine) == 1 and mine[0].assignee is not None


def test_unknown_ids_get_a_page_that_does_not_echo_them(sqlite_console: Console) -> None:
    console = sqlite_console
    with console.client() as client:
        console.sign_in(client, "moderator")
        for path in ("/console/cases/alice@example.com", "/console/appeals/alice@example.com"):
            page = client.get(path)
            assert page.status_code == 404
            assert "No such" in page.text and "alice@example.com" not in page.text
            assert "unsafe-inline" not in page.headers["content-security-policy"]


def test_an_auditor_cannot_file_take_or_decide_an_appeal(sqlite_console: Console) -> None:
    console = sqlite_console
    case = queue.queue(console.store, limit=1)[0]
    with console.client() as client:
        token = console.sign_in(client, "auditor")
        before = audit_count(console)
        for path, form in (
            (f"/console/cases/{case.id}/appeal", {"statement": "forged"}),
            ("/console/appeals/a_0/take", {}),
            ("/console/appeals/a_0/decision", {"upheld": "yes", "reason": "forged"}),
        ):
            assert client.post(path, data={**form, "csrf": token}).status_code == 403
        assert audit_count(console) == before


def test_a_decision_without_a_reason_is_refused_on_the_case_page(sqlite_console: Console) -> None:
    console = sqlite_console
    case = queue.queue(console.store, limit=1)[0]
    with console.client() as client:
        token = console.sign_in(client, "moderator")
        for form in ({"outcome": "confirm", "reason": "  "}, {"outcome": "modify", "reason": "x"}):
            page = client.post(f"/console/cases/{case.id}/decision", data={**form, "csrf": token})
            assert page.status_code == 422
            assert 'role="alert"' in page.text and "decision-form" in page.text
        assert queue.queue(console.store, limit=1)[0].status == "open"
