"""``GET /v1/audit/verify``: the chain and every covered row, problems named by kind and id."""

from __future__ import annotations

from sqlalchemy import update

from redline.record.accounts.tables import STRIKES
from tests.api.conftest import DOXX, Api


def test_verify_counts_covered_rows_and_names_an_edited_strike(api: Api) -> None:
    body = {"id": "p1", "author_id": "u1", "text": DOXX}
    assert api.client.post("/v1/content", json=body, headers=api.auth("ingest")).status_code == 201
    clean = api.client.get("/v1/audit/verify", headers=api.auth("auditor")).json()
    assert clean["ok"] and clean["rows"] == 2 and clean["findings"] == []  # decision, strike
    with api.store.engine.begin() as connection:
        connection.execute(update(STRIKES).values(weight=0))
    broken = api.client.get("/v1/audit/verify", headers=api.auth("auditor")).json()
    assert not broken["ok"] and broken["seq"] is None
    (finding,) = broken["findings"]
    assert finding.startswith("strike s_") and finding.endswith("edited") and "u1" not in finding
    assert broken["problem"] == finding
