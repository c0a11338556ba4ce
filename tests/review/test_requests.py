"""External requests: recorded, linked to decisions, and never read by deciding."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from redline.errors import InputError, NotFound
from redline.review import requests as request_service
from tests.review.conftest import T0, moderate, post


def test_a_request_links_to_decisions_on_its_content(store) -> None:
    request = request_service.record_request(
        store,
        requester_type="election_campaign",
        requester="Carver for Senate",
        asked="Remove posts with the candidate's address 42 Maple Avenue, Springfield, IL 62704",
        received_at=T0 - timedelta(days=1),
        content_ids=["p1"],
        account_ids=["journalist"],
        recorded_by="trust-desk",
        now=T0 - timedelta(hours=20),
    )
    assert "Maple" not in request.asked and request.outcome == "pending"
    assert request.decision_ids == ()
    decision = moderate(store, post("p1", "journalist"), T0)
    shown = request_service.show_request(store, request.id)
    assert shown.decision_ids == (decision["decision_id"],)
    assert shown.content_ids == ("p1",) and shown.account_ids == ("journalist",)
    done = request_service.set_request_outcome(
        store, request.id, outcome="actioned", note="already removed under policy", actor="desk"
    )
    assert done.outcome == "actioned" and done.outcome_by == "desk"
    assert [r.id for r in request_service.requests_about(store, "p1")] == [request.id]
    assert [r.id for r in request_service.list_requests(store, start=T0 - timedelta(days=2))] == [
        request.id
    ]


def test_bad_requests_are_refused(store) -> None:
    good = dict(
        requester_type="government",
        requester="Ministry",
        asked="take it down",
        received_at=T0,
        content_ids=["p1"],
        recorded_by="desk",
        now=T0,
    )
    for change, field in (
        ({"requester_type": "lobbyist"}, "requester_type"),
        ({"requester": " "}, "requester"),
        ({"asked": ""}, "asked"),
        ({"content_ids": []}, "content"),
        ({"received_at": T0 + timedelta(days=1)}, "received_at"),
    ):
        with pytest.raises(InputError) as error:
            request_service.record_request(store, **{**good, **change})
        assert error.value.field == field
    with pytest.raises(NotFound):
        request_service.set_request_outcome(store, "r_x", outcome="actioned", note=None, actor="d")
    with pytest.raises(InputError):
        request_service.set_request_outcome(store, "r_x", outcome="maybe", note=None, actor="d")


def test_deciding_never_reads_requests(settings, tmp_path) -> None:
    """The same content decided in two stores, one with a campaign's request on file first."""
    from redline.record import Store

    with_request = Store.open(replace(settings, home=tmp_path / "a"))
    bare = Store.open(replace(settings, home=tmp_path / "b", database_url=None))
    try:
        request_service.record_request(
            with_request,
            requester_type="election_campaign",
            requester="Carver for Senate",
            asked="ban the journalist",
            received_at=T0 - timedelta(days=1),
            content_ids=["p1"],
            account_ids=["journalist"],
            recorded_by="desk",
            now=T0 - timedelta(days=1),
        )
        one = moderate(with_request, post("p1", "journalist"), T0)
        other = moderate(bare, post("p1", "journalist"), T0)
        assert one == other
    finally:
        with_request.close()
        bare.close()
