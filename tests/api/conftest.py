"""Fixtures: a real server over HTTP on SQLite and PostgreSQL, with one key per role."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import httpx
import pytest
from sqlalchemy import func, select

from redline.api import create_app
from redline.record.audit.tables import AUDIT_EVENTS
from redline.record.decisions.tables import CONTENTS, DECISIONS
from redline.record.keys import Keys, Role
from redline.record.keys.tables import API_KEYS
from redline.record.store import Store
from redline.settings import Settings
from tests.api.server import Running, serve
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

# A post the default policy and the strict profile act on: a third party's SSN and home address.
DOXX = "Candidate John Carver, SSN ending 6789, home: 42 Maple Avenue, Springfield, IL 62704"
CLEAN = "Polls open at 7am."


@dataclass
class Api:
    """A running service, a client, and a token per role (plus a raw-evidence moderator)."""

    running: Running
    client: httpx.Client
    tokens: dict[str, str]

    @property
    def url(self) -> str:
        return self.running.url

    @property
    def store(self) -> Store:
        return self.running.service.store

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def counts(self) -> dict[str, int]:
        """Rows that any write would add to: a refused request must leave these unchanged."""
        with self.store.reading() as session:
            return {
                table.name: session.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (CONTENTS, DECISIONS, AUDIT_EVENTS, API_KEYS)
            }


def make_keys(store: Store) -> dict[str, str]:
    """One key per role, and ``raw`` (a moderator allowed raw evidence)."""
    now = datetime.now(UTC)
    with store.transaction() as session:
        keys = Keys(session)
        tokens = {r.value: keys.create(r, name=r.value, actor="test", now=now).token for r in Role}
        tokens["raw"] = keys.create(
            Role.MODERATOR, name="raw", raw_evidence=True, actor="test", now=now
        ).token
    return tokens


@contextmanager
def start_api(settings: Settings, **overrides: object) -> Iterator[Api]:
    """Start the service over ``settings`` (with overrides) and a client for it."""
    chosen = replace(settings, **{"api_rate_per_second": 1000.0, **overrides})
    app = create_app(chosen)
    tokens = make_keys(app.state.service.store)
    with serve(app) as running, httpx.Client(base_url=running.url, timeout=30) as client:
        yield Api(running, client, tokens)


@pytest.fixture
def api(settings: Settings) -> Iterator[Api]:
    """The service on SQLite and on PostgreSQL, keeping raw text so reveals can be tested."""
    with start_api(settings, retention="raw") as started:
        yield started
