"""Store fixtures: every store test runs on SQLite, and on PostgreSQL when it is reachable.

PostgreSQL tests get a fresh schema per test (dropped afterwards), so reruns start clean and two
test sessions never see each other's rows. If the server is unreachable the tests skip, saying
so, except under CI=true, where a missing database must fail the build rather than hide.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from redline.settings import Settings

PG_URL = os.environ.get("REDLINE_TEST_PG_URL", "postgresql+psycopg://root@127.0.0.1:5432/test")
HASH_KEY = "test-hash-key-0123456789"


def _unreachable(reason: str) -> None:
    message = f"PostgreSQL unreachable at {PG_URL}: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message + " (CI=true: PostgreSQL tests must run)")
    pytest.skip(message)


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A URL whose connections live in a new, empty schema; the schema is dropped afterwards."""
    schema = f"redline_test_{os.getpid()}_{secrets.token_hex(4)}"
    try:
        engine = create_engine(PG_URL)
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    except (OperationalError, ModuleNotFoundError) as error:
        _unreachable(str(error).strip().splitlines()[0])
    try:
        yield f"{PG_URL}?options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for a fresh store on each database."""
    url = request.getfixturevalue("pg_url") if request.param == "postgres" else None
    return Settings(
        home=tmp_path / "home", database_url=url, hash_key=HASH_KEY, sqlite_synchronous="NORMAL"
    )
