"""The queue page's counts and filters over the demo's open cases (real server, plain HTTP)."""

from __future__ import annotations

import re

import pytest

from tests.console.conftest import Console

ROW = re.compile(r"<td>(demo-[a-z0-9-]+)</td>")


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("", {"demo-journalist-1", "demo-journalist-2", "demo-journalist-3"}),
        ("rule=privacy.ssn.partial", {"demo-journalist-2"}),
        (
            "designation=foreign_state_operation&severity=critical",
            {"demo-journalist-1", "demo-journalist-2", "demo-journalist-3"},
        ),
        ("severity=low", set()),
        ("older_than=7d", set()),
        ("assignee=me", set()),
    ],
)
def test_filters(sqlite_console: Console, query: str, shown: set[str]) -> None:
    with sqlite_console.client() as client:
        sqlite_console.sign_in(client, "moderator")
        page = client.get(f"/console/queues?{query}")
        assert page.status_code == 200
        assert set(ROW.findall(page.text)) == shown
        assert "critical: <strong>3</strong>" in page.text  # counts are over the whole queue
