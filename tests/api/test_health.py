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
