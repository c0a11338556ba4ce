"""``/readyz`` answers 503 when the store stops answering (PostgreSQL: its schema dropped)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from redline.settings import Settings
from tests.api.conftest import start_api
from tests.store_fixtures import HASH_KEY, PG_URL


@pytest.mark.postgres
def test_readyz_fails_when_the_store_does_not_answer(pg_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = Settings(home=tmp_path / "home", database_url=pg_url, hash_key=HASH_KEY)
    with start_api(settings) as api:
        assert api.client.get("/readyz").status_code == 200
        schema = pg_url.rsplit("%3D", 1)[1]
        engine = create_engine(PG_URL)
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))  # for the fixture's cleanup
        engine.dispose()
        response = api.client.get("/readyz")
        assert response.status_code == 503
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["type"] == "urn:redline:problem:store-unavailable"
        assert response.headers["retry-after"] == "5"
        assert api.client.get("/healthz").status_code == 200


def test_losing_the_database_mid_request_is_a_503_not_a_500() -> None:
    """record/ translates the database's errors; the API maps ours, knowing no SQLAlchemy class."""
    from sqlalchemy.exc import IntegrityError, OperationalError, TimeoutError

    from redline.api.problems import from_crash
    from redline.record.store import translated

    def through_record(error: Exception) -> Exception:
        with pytest.raises(Exception) as raised, translated():
            raise error
        return raised.value

    for error in (OperationalError("SELECT 1", {}, Exception("gone")), TimeoutError("pool")):
        problem = from_crash(through_record(error))
        assert (problem.status, problem.slug) == (503, "store-unavailable")
        assert problem.headers == {"Retry-After": "5"}
    conflict = from_crash(through_record(IntegrityError("INSERT", {}, Exception("dup"))))
    assert (conflict.status, conflict.slug) == (409, "conflict")
    # an error that did not pass through record/ is not recognised by its class name any more
    assert from_crash(OperationalError("SELECT 1", {}, Exception("gone"))).status == 500
    assert from_crash(ValueError("bug")).status == 500


def test_a_crash_is_a_problem_and_its_text_is_not_logged(
    tmp_path, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    import logging

    import httpx
    from sqlalchemy.exc import OperationalError

    from redline.api import create_app
    from tests.api.server import serve

    app = create_app(Settings(home=tmp_path / "home", hash_key=HASH_KEY))
    secret = "078-05-1120"

    store = app.state.service.store

    @app.get("/boom/{kind}")
    async def boom(kind: str) -> None:
        if kind == "db":  # the database goes away inside a unit of work
            with store.transaction():
                raise OperationalError("INSERT INTO contents", {"text": secret}, Exception("gone"))
        raise RuntimeError(f"bug while handling {secret}")

    caplog.set_level(logging.DEBUG)
    with serve(app) as running:
        db = httpx.get(f"{running.url}/boom/db")
        bug = httpx.get(f"{running.url}/boom/bug")
    assert (db.status_code, db.json()["type"]) == (503, "urn:redline:problem:store-unavailable")
    assert (bug.status_code, bug.json()["type"]) == (500, "urn:redline:problem:internal")
    assert secret not in db.text + bug.text
    assert "store unavailable" in caplog.text and "RuntimeError" in caplog.text
    assert secret not in caplog.text
    printed = capfd.readouterr()
    assert secret not in printed.out + printed.err  # uvicorn's own handler writes to stderr
