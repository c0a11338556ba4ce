"""Banks and the dashboard in the browser: who sees what, releasing a held entry, axe-core."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from redline.curate.banks import Banks
from tests.console.conftest import Console, shot, sign_in_page
from tests.console.test_accessibility import serious

BANK, ENTRY = "carver-dossier", "dossier-link"


def hold(console: Console) -> None:
    """Make the flood guard hold the dossier's link: a quiet history, then a jump.

    The history counts from the entry's first full window on, and the demo banked it just now:
    the windows are laid in the next hours.
    """
    start = datetime.now(UTC)
    key = [(BANK, ENTRY)]
    for hour in range(1, 11):
        for _ in range(2):
            with console.store.transaction() as session:
                Banks(session).observe(key, start + timedelta(hours=hour))
    flood = start + timedelta(hours=11, minutes=5)
    for _ in range(40):
        with console.store.transaction() as session:
            if Banks(session).observe(key, flood):
                return
    raise AssertionError("the flood guard did not hold the entry")


def held(console: Console) -> dict[tuple[str, str], str]:
    with console.store.reading() as session:
        return Banks(session).held()


def test_banks_and_dashboard_by_role_and_a_moderator_releases_a_held_entry(
    sqlite_console: Console, browser: Any
) -> None:
    console = sqlite_console
    hold(console)
    assert (BANK, ENTRY) in held(console)

    auditor = sign_in_page(browser, console, "auditor")
    auditor.click("text=Banks")
    assert BANK in auditor.locator("table").inner_text()
    assert serious(auditor) == []
    auditor.click(f"text={BANK}")
    assert "held" in auditor.locator("table").inner_text()
    assert auditor.locator("text=Release").count() == 0  # auditors may not release
    assert serious(auditor) == []
    shot(auditor, console, "bank")
    auditor.click("text=Dashboard")
    assert "Top violations" in auditor.content()
    auditor.click("text=Verify the audit chain")
    assert "the chain holds" in auditor.locator("[role=status]").inner_text()
    assert serious(auditor) == []
    shot(auditor, console, "dashboard-auditor")

    moderator = sign_in_page(browser, console, "moderator")
    assert moderator.locator("nav >> text=Banks").count() == 0  # moderators may not list banks
    moderator.click("text=Dashboard")
    assert "Cases waiting" in moderator.content() and "Top violations" not in moderator.content()
    moderator.goto(f"{console.url}/console/queues?rule=hacked.material")
    moderator.click("table.queue tbody a >> nth=0")
    moderator.click("text=Release entry")
    assert "Entry released" in moderator.locator("[role=status]").first.inner_text()
    assert held(console) == {}
    forged = moderator.request.get(f"{console.url}/console/banks", max_redirects=0)
    assert forged.status == 403
