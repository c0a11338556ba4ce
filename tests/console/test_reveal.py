"""Raw evidence in the console: masked on every page, revealed only with the key's permission and
a reason, in one response, and always an audit event.

The store here keeps the raw text (``retention = "raw"``), so the page could leak it: the test
checks that it does not, for every role, until an audited reveal.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from redline.record.audit.tables import AUDIT_EVENTS
from redline.record.decisions import Decisions
from redline.review.cases import show_case
from tests.console.conftest import Console

RAW = "42 Maple Avenue, Springfield, IL 62704"


def reveals(console: Console) -> list[Any]:
    with console.store.reading() as session:
        query = select(AUDIT_EVENTS).where(AUDIT_EVENTS.c.kind == "evidence.revealed")
        return list(session.execute(query).all())


def case_of(console: Console, content_id: str) -> str:
    with console.store.reading() as session:
        decision = Decisions(session).get(content_id)
    return show_case(console.store, decision.id).id


def test_raw_values_need_the_permission_and_a_reason_and_are_audited(
    raw_console: Console,
) -> None:
    console = raw_console
    case_id = case_of(console, "demo-journalist-2")
    for role in ("moderator", "auditor", "admin", "raw"):
        with console.client() as client:
            token = console.sign_in(client, role)
            page = client.get(f"/console/cases/{case_id}")
            assert page.status_code == 200
            assert RAW not in page.text and "Maple" not in page.text
            assert "***-**-6789" in page.text
            assert ('action="/console/cases/' + case_id + '/reveal"' in page.text) == (
                role == "raw"
            )
            if role != "raw":
                refused = client.post(
                    f"/console/cases/{case_id}/reveal", data={"csrf": token, "reason": "curious"}
                )
                assert refused.status_code == 403 and "Maple" not in refused.text
    assert reveals(console) == []

    with console.client() as client:
        token = console.sign_in(client, "raw")
        empty = client.post(f"/console/cases/{case_id}/reveal", data={"csrf": token, "reason": ""})
        assert empty.status_code == 422 and "Maple" not in empty.text
        assert reveals(console) == []
        shown = client.post(
            f"/console/cases/{case_id}/reveal",
            data={"csrf": token, "reason": "appeal review, checking the quote"},
        )
        assert shown.status_code == 200
        assert "42 Maple Avenue" in shown.text and 'class="pii revealed' in shown.text
        events = reveals(console)
        assert len(events) == 1 and events[0].actor.startswith("key:")
        # the reveal lasts one response: the page read again is masked
        again = client.get(f"/console/cases/{case_id}")
        assert "Maple" not in again.text
