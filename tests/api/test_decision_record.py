"""The decision record through the HTTP API: the JSON its schema describes reads back equal.

A content moderated over HTTP answers with the decision; ``GET /v1/decisions/{id}`` answers with
it again. Each body, validated by the OpenAPI schema's model (``DecisionOut``) and read back into
a record, must equal the record the store holds.
"""

from __future__ import annotations

from redline.api.schemas import DecisionOut
from redline.record.decisions import Decisions, record_of
from tests.api.conftest import DOXX, Api


def test_api_decisions_round_trip_through_the_schema(api: Api) -> None:
    body = {"id": "rt-1", "author_id": "u1", "text": DOXX, "urls": ["https://a.example/x"]}
    posted = api.client.post("/v1/content", json=body, headers=api.auth("ingest"))
    assert posted.status_code == 201, posted.text
    decision_id = posted.json()["decision_id"]
    fetched = api.client.get(f"/v1/decisions/{decision_id}", headers=api.auth("auditor"))
    assert fetched.status_code == 200, fetched.text
    with api.store.reading() as session:
        stored = Decisions(session).get(decision_id)
    assert stored.violations and stored.actions and stored.strike is not None
    for answer in (posted.json(), fetched.json()):
        validated = DecisionOut.model_validate(answer).model_dump(mode="json")
        assert record_of(validated) == stored
        assert record_of(answer) == stored
