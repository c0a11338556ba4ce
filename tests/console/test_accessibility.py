"""Every console page passes axe-core (vendored by the axe-playwright-python package, so no page
or test loads anything from the network) with no serious or critical violation."""

from __future__ import annotations

from typing import Any

from tests.console.conftest import Console, shot, sign_in_page


def serious(page: Any) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.response["testEngine"]["name"] == "axe-core"  # it ran, CSP and all
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_every_page_passes_axe(sqlite_console: Console, browser: Any) -> None:
    console = sqlite_console
    context = browser.new_context()
    anonymous = context.new_page()
    anonymous.goto(f"{console.url}/console/sign-in")
    found = {"sign-in": serious(anonymous)}
    page = sign_in_page(browser, console, "moderator")
    found["queues"] = serious(page)
    page.keyboard.press("s")
    page.wait_for_url("**/console/cases/*")
    found["case"] = serious(page)
    page.keyboard.press("?")
    found["shortcuts"] = serious(page)
    page.keyboard.press("Escape")
    case_url = page.url.replace("?reviewing=1", "")
    page.check("input[value=confirm]")
    page.fill("#reason", "Shares the hacked file's link.")
    with page.expect_navigation():
        page.click("#decide-submit")
    page.goto(case_url)  # closed now: the outcome and the appeal form
    found["case-closed"] = serious(page)
    page.fill("#statement", "The link is to news.")
    page.click("text=File appeal")
    page.wait_for_url("**/console/appeals/*")
    found["appeal"] = serious(page)
    page.goto(f"{console.url}/console/appeals")
    found["appeals"] = serious(page)
    page.goto(f"{console.url}/console/queues?severity=critical&assignee=me")
    found["queues-filtered"] = serious(page)
    shot(page, console, "axe-queues-filtered")
    assert {name: v for name, v in found.items() if v} == {}
