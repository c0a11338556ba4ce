"""The outbox: every change a platform acts on is announced once, in its own transaction."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from redline.errors import InputError
from redline.record.accounts.expiry import announce_expired
from redline.record.outbox import Event, Outbox, Webhooks, emit
from redline.review import appeals as appeal_service
from redline.review import cases as case_service
from tests.review.conftest import T0, moderate, post, rulebook, store
from tests.signal_fakes import REFERENCE_TEXT
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "rulebook", "settings", "store"]


def _events(store) -> list[Event]:
    with store.reading() as session:
        return Outbox(session).events(limit=1000)


def test_decisions_outcomes_and_expiries_are_each_announced_once(store, rulebook) -> None:
    first = moderate(store, post("p1", "journalist"), T0)
    second = moderate(store, post("p2", "journalist"), T0 + timedelta(hours=1))
    moderate(store, post("p2", "journalist"), T0 + timedelta(hours=2))  # a redelivery
    assert second["account"]["state"] == "banned"
    kinds = [(e.kind, e.payload.get("decision_id") or e.payload["cause"]) for e in _events(store)]
    assert [k for k, _ in kinds] == [
        "decision.made",
        "account.state_changed",
        "decision.made",
        "account.state_changed",
    ]
    made = _events(store)[2]
    assert made.payload["content_id"] == "p2" and made.payload["account"]["state"] == "banned"
    assert made.id.startswith("evt_") and made.key == f"decision.made:{second['decision_id']}"

    # a person's outcome: the case on p1 confirmed, then an appeal upheld restores the account
    case = case_service.open_case(store, first["decision_id"], rulebook=rulebook)
    case_service.decide_case(
        store,
        case.id,
        moderator="mod-a",
        outcome="confirm",
        reason="home address of a private person at 3 Oak St",
        rulebook=rulebook,
        now=T0 + timedelta(hours=3),
    )
    appeal = appeal_service.file_appeal(
        store,
        [first["decision_id"], second["decision_id"]],
        author="journalist",
        statement="Reporting.",
        now=T0 + timedelta(hours=4),
    )
    appeal_service.decide_appeal(
        store,
        appeal.id,
        moderator="mod-b",
        upheld=True,
        reason="public interest",
        rulebook=rulebook,
        now=T0 + timedelta(hours=5),
    )
    events = _events(store)
    review = [e for e in events if e.kind == "review.decided"]
    assert len(review) == 1 and review[0].payload["case_id"] == case.id
    assert review[0].payload["outcome"] == "confirm"
    upheld = [e for e in events if e.kind == "appeal.decided"]
    assert len(upheld) == 1 and upheld[0].payload["outcome"] == "upheld"
    restored = events[-1]
    assert restored.kind == "account.state_changed"
    assert (restored.payload["from"], restored.payload["to"]) == ("banned", "active")
    assert restored.payload["cause"] == {"appeal_id": appeal.id}

    # no event carries the post, a moderator's words or name, or an action's redacted text
    dumped = json.dumps([e.to_document() for e in events])
    for private in (REFERENCE_TEXT, "3 Oak St", "mod-a", "mod-b", "public interest", "Reporting"):
        assert private not in dumped
    for line in REFERENCE_TEXT.split():
        if any(ch.isdigit() for ch in line) and len(line) > 3:
            assert line not in dumped


def test_a_strike_is_announced_when_it_expires_and_only_then(store) -> None:
    moderate(store, post("s1", "u9", "Found SSN 078-05-1120 here"), T0)
    with store.transaction() as session:
        assert announce_expired(session, T0 + timedelta(days=364)) == 0
    with store.transaction() as session:
        assert announce_expired(session, T0 + timedelta(days=366)) == 1
    with store.transaction() as session:
        assert announce_expired(session, T0 + timedelta(days=900)) == 0  # once
    expired = [e for e in _events(store) if e.kind == "strike.expired"]
    assert len(expired) == 1 and expired[0].payload["account_id"] == "u9"
    assert expired[0].occurred_at == T0 + timedelta(days=365)


def test_an_event_exists_only_if_its_transaction_committed(store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as session:
        emit(session, [Event("decision.made", "decision.made:x", {"decision_id": "x"})], at=T0)
        raise RuntimeError("the change failed after its event was written")
    assert _events(store) == []
    with pytest.raises(ValueError, match="unknown event kind"), store.transaction() as session:
        emit(session, [Event("decision.deleted", "k", {})], at=T0)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/hook", "http:// or https://"),
        ("https:///nohost", "with a host"),
        ("https://user:pw@example.org/hook", "user or password"),
        ("https://example.org:99999/hook", "not a URL"),
        ("https://example.org/" + "a" * 2000, "longer than 2000"),
    ],
)
def test_only_plain_http_addresses_can_be_registered(store, url: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason), store.transaction() as session:
        Webhooks(session).add(url, ["decision.made"], platform="a", actor="t", now=T0)
    with store.reading() as session:
        assert Webhooks(session).targets() == []


def test_a_new_target_gets_what_is_committed_from_then_on(store) -> None:
    moderate(store, post("old", "u1", "Found SSN 078-05-1120 here"), T0)
    with store.transaction() as session:
        with pytest.raises(InputError, match="unknown"):
            Webhooks(session).add("http://127.0.0.1:9/h", ["nope"], platform="a", actor="t", now=T0)
        target = Webhooks(session).add(
            "http://127.0.0.1:9/h", ["decision.made"], platform="a", actor="t", now=T0
        )
    assert target.secret and target.secret.startswith("whsec_")
    moderate(store, post("new", "u2", "Found SSN 078-05-1120 here"), T0)
    with store.transaction() as session:
        assert Webhooks(session).fan_out(T0) == 1  # the new decision, not its state change
        assert Webhooks(session).fan_out(T0) == 0
    with store.reading() as session:
        due = Webhooks(session).due(T0)
        listed = Webhooks(session).targets()
    assert [d.event.payload["content_id"] for d in due] == ["new"]
    assert "secret" not in listed[0].to_document()


def test_a_flood_guard_hold_is_announced_with_the_hold(store) -> None:
    from redline.curate.banks import Banks
    from tests.curate.test_banks import leaks

    leaks(store)
    with store.transaction() as session:
        Banks(session).add_url("leaks", "https://leaks.example/d", name="d", now=T0)
    key = [("leaks", "d")]
    for hour in range(1, 11):  # a quiet history, then a jump
        for _ in range(2):
            with store.transaction() as session:
                Banks(session).observe(key, T0 + timedelta(hours=hour))
    flood = T0 + timedelta(hours=11, minutes=5)
    for _ in range(40):
        with store.transaction() as session:
            if Banks(session).observe(key, flood):
                break
    with store.transaction() as session:
        Banks(session).observe(key, flood)  # still held: no second announcement
    held = [e for e in _events(store) if e.kind == "flood.held"]
    assert len(held) == 1
    assert held[0].payload["bank"] == "leaks" and held[0].payload["entry"] == "d"
    assert "flood guard" in held[0].payload["reason"]
