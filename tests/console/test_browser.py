"""The console in a real browser: a moderator works the demo case from the queue to a decision
and through an appeal heard by a second moderator; an auditor sees but cannot act.

Playwright drives Debian's chromium against the real server (uvicorn on a free port) over the
demo store, on SQLite and on PostgreSQL. No page may show a raw private value of the dossier.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from redline.record.audit.tables import AUDIT_EVENTS
from redline.review import appeals
from tests.console.conftest import Console, shot, sign_in_page

RAW = ("42 Maple Avenue", "Springfield, IL 62704")  # the dossier's private data, as posted


def no_raw(page: Any) -> None:
    html = page.content()
    for value in RAW:
        assert value not in html


def events(console: Console, kind: str) -> list[Any]:
    with console.store.reading() as session:
        return list(session.execute(select(AUDIT_EVENTS).where(AUDIT_EVENTS.c.kind == kind)).all())


def test_moderator_works_the_demo_case_to_a_decision_and_through_an_appeal(
    console: Console, browser: Any
) -> None:
    page = sign_in_page(browser, console, "moderator")
    assert page.locator("h1").inner_text() == "Review queue"
    assert "critical: 3" in page.locator(".counts").inner_text()
    shot(page, console, "queues")

    # "?" lists the shortcuts; Escape closes the list; "s" starts reviewing
    page.keyboard.press("?")
    assert page.locator("#help").is_visible()
    shot(page, console, "shortcuts")
    page.keyboard.press("Escape")
    page.keyboard.press("s")
    page.wait_for_url("**/console/cases/*reviewing=1")
    assert "demo-journalist-1" in page.locator(".meta").inner_text()
    # the link that matched the bank is highlighted in place, side by side with the entry
    assert "leaks.example/carver-dossier" in page.locator("#post-text .match").first.inner_text()
    assert "carver-dossier/dossier-link" in page.locator(".match-pair").first.inner_text()
    shot(page, console, "case-link")

    # overturn by keyboard: "o", "r", type, Ctrl+Enter; the next case loads by itself
    page.keyboard.press("o")
    page.keyboard.press("r")
    page.keyboard.type("Link only, to a report already public; not the dossier itself.")
    with page.expect_navigation():
        page.keyboard.press("Control+Enter")
    assert "demo-journalist-2" in page.locator(".meta").inner_text()
    masked = page.locator("#post-text mark.pii").all_inner_texts()
    assert any("***-**-6789" in m for m in masked)
    assert any("Avenue" in m and "*" in m for m in masked)
    no_raw(page)
    shot(page, console, "case-pii")

    page.check("input[value=confirm]")
    page.fill("#reason", "Quotes the home address and SSN digits from the hacked file.")
    with page.expect_navigation():
        page.click("#decide-submit")
    assert "demo-journalist-3" in page.locator(".meta").inner_text()
    assert len(events(console, "case.decided")) == 2

    # back to the confirmed case: file the author's appeal for them
    case_two = console_case(console, "demo-journalist-2")
    page.goto(f"{console.url}/console/cases/{case_two}")
    assert "confirm" in page.locator("#outcome-title + p").inner_text()
    page.fill("#statement", "I am a journalist; the file is news.")
    page.click("text=File appeal")
    page.wait_for_url("**/console/appeals/*")
    appeal_url = page.url
    # the moderator who confirmed cannot hear it: the service refuses, the page says why
    page.click("#take-appeal")
    assert "took part in the appealed decisions" in page.locator("[role=alert]").inner_text()
    shot(page, console, "appeal-refused")

    other = sign_in_page(browser, console, "raw")  # a second moderator
    other.goto(f"{console.url}/console/appeals")
    other.click(f"a[href='{appeal_url.removeprefix(console.url)}']")
    assert "I am a journalist" in other.locator("blockquote").inner_text()
    other.click("#take-appeal")
    assert "The appeal is yours" in other.locator("[role=status]").inner_text()
    other.check("input[name=upheld][value=yes]")
    other.fill("#appeal-reason", "Reporting in the public interest; the private data is gone.")
    other.click("#appeal-form button[type=submit]")
    assert "upheld" in other.locator("h1").inner_text()
    assert "was upheld" in other.locator("#notices-title + ul").inner_text()
    no_raw(other)
    shot(other, console, "appeal-upheld")
    appeal_id = appeal_url.rsplit("/", 1)[1]
    found, _ = appeals.show_appeal(console.store, appeal_id)
    assert found.status == "upheld" and found.decided_by.startswith("key:")
    assert len(events(console, "appeal.upheld")) == 1


def console_case(console: Console, content_id: str) -> str:
    from redline.record.decisions import Decisions
    from redline.review.cases import show_case

    with console.store.reading() as session:
        decision = Decisions(session).get(content_id)
    return show_case(console.store, decision.id).id


def test_an_auditor_sees_the_case_but_no_decision_and_a_forged_post_is_refused(
    sqlite_console: Console, browser: Any
) -> None:
    console = sqlite_console
    page = sign_in_page(browser, console, "auditor")
    assert page.locator("#start-reviewing").count() == 0
    page.click("table.queue tbody a >> nth=0")
    page.wait_for_url("**/console/cases/*")
    assert page.locator("#post-text").count() == 1
    assert page.locator("#decision-form").count() == 0
    assert page.locator("input[name=outcome]").count() == 0
    shot(page, console, "case-auditor")
    case_id = page.url.rsplit("/", 1)[1]
    csrf = page.locator("input[name=csrf]").first.get_attribute("value")
    forged = page.request.post(
        f"{console.url}/console/cases/{case_id}/decision",
        form={"csrf": csrf, "outcome": "overturn", "reason": "forged"},
        max_redirects=0,
    )
    assert forged.status == 403
    taken = page.request.post(
        f"{console.url}/console/queues/next", form={"csrf": csrf}, max_redirects=0
    )
    assert taken.status == 403
    assert not events(console, "case.decided") and not events(console, "case.assigned")
