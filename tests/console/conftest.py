"""Fixtures: the served app (API + console) on a free port over the demo, and a real chromium.

The store is SQLite, and PostgreSQL where the test asks for the ``settings`` fixture's second
parameter. The browser is Debian's chromium driven by Playwright (never a downloaded one).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import httpx
import pytest

from redline.cli.demo_cmd import load_demo
from redline.console.app import create_app
from redline.record.store import Store
from redline.settings import Settings
from tests.api.conftest import make_keys
from tests.api.server import serve
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

CHROMIUM = "/usr/bin/chromium"
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Console:
    """A running server with the demo loaded and a token per role."""

    url: str
    store: Store
    tokens: dict[str, str]
    shots: Path

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, follow_redirects=False, timeout=30)

    def sign_in(self, client: httpx.Client, role: str) -> str:
        """Sign a plain HTTP client in; returns the session's CSRF token."""
        page = client.get("/console/sign-in")
        token = CSRF.search(page.text)
        assert token is not None
        answer = client.post(
            "/console/sign-in", data={"csrf": token.group(1), "key": self.tokens[role]}
        )
        assert answer.status_code == 303, answer.text
        queues = client.get("/console/queues")
        found = CSRF.search(queues.text)
        assert found is not None
        return found.group(1)


def start(settings: Settings, shots: Path, **overrides: Any) -> Iterator[Console]:
    chosen = replace(settings, api_rate_per_second=1000.0, **overrides)
    store = Store.open(chosen)
    try:
        load_demo(store, chosen, ordinary=20)
    finally:
        store.close()
    app = create_app(chosen)
    tokens = make_keys(app.state.service.store)
    with serve(app) as running:
        yield Console(running.url, running.service.store, tokens, shots)


@pytest.fixture
def console(settings: Settings, tmp_path: Path) -> Iterator[Console]:
    """The demo behind a running server, on SQLite and on PostgreSQL."""
    yield from start(settings, tmp_path / "screenshots")


@pytest.fixture
def sqlite_console(tmp_path: Path) -> Iterator[Console]:
    """The same on SQLite alone (the tests that are not about the database)."""
    from tests.store_fixtures import HASH_KEY

    chosen = Settings(home=tmp_path / "home", hash_key=HASH_KEY, sqlite_synchronous="NORMAL")
    yield from start(chosen, tmp_path / "screenshots")


@pytest.fixture(scope="package")
def browser() -> Iterator[Any]:
    """Debian's chromium under Playwright; skipped (failed under CI=true) when absent.

    Package scope: the sync API runs an event loop while it lives, and other packages' tests
    (tests/report) start their own Playwright, which a loop left running would refuse.
    """
    if not os.path.exists(CHROMIUM):
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            yield launched
        finally:
            launched.close()


def sign_in_page(browser: Any, console: Console, role: str) -> Any:
    """A fresh browser context signed in with the role's key, on the queues page."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{console.url}/console/")
    page.fill("#key", console.tokens[role])
    page.keyboard.press("Enter")
    page.wait_for_url("**/console/queues")
    return page


def shot(page: Any, console: Console, name: str) -> None:
    """Save a screenshot of the page (looked at by a person before the work is called done)."""
    console.shots.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(console.shots / f"{name}.png"), full_page=True)


@pytest.fixture
def raw_console(tmp_path: Path) -> Iterator[Console]:
    """The demo on SQLite with ``retention = "raw"``: the store keeps the posts' real text."""
    from tests.store_fixtures import HASH_KEY

    chosen = Settings(home=tmp_path / "home", hash_key=HASH_KEY, sqlite_synchronous="NORMAL")
    yield from start(chosen, tmp_path / "screenshots", retention="raw")
