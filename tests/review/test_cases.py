"""Cases: opened as the policy says, queued by priority, decided with enforcement re-run."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import text

from redline.errors import Conflict, InputError, NotFound
from redline.record import Accounts, verify
from redline.record.decisions import document_of
from redline.review import cases as case_service
from redline.review import queue as queue_service
from tests.review.conftest import LOW_ADDRESS, T0, moderate, post


def audit_events(store, kind: str) -> list[dict]:
    with store.reading() as session:
        rows = session.execute(
            text("SELECT actor, subject, payload FROM audit_events WHERE kind = :k ORDER BY seq"),
            {"k": kind},
        ).all()
    return [{"actor": r.actor, "subject": r.subject, **json.loads(r.payload)} for r in rows]


def test_sync_opens_cases_the_policy_marks_and_the_queue_orders_them(store, rulebook) -> None:
    low = moderate(store, post("low", "u2", LOW_ADDRESS), T0)
    ssn = moderate(store, post("ssn", "u3", "Found SSN 078-05-1120 here"), T0 + timedelta(1))
    ref = moderate(store, post("ref", "u1"), T0 + timedelta(2))
    clean = moderate(store, post("clean", "u4", "Polls open at 7am."), T0)
    assert low["needs_review"] and [a["type"] for a in low["actions"]] == ["limit_visibility"]

    opened = case_service.sync_cases(store, rulebook=rulebook, now=T0 + timedelta(3))
    by_decision = {c.decision_id: c for c in opened}
    assert set(by_decision) == {low["decision_id"], ssn["decision_id"], ref["decision_id"]}
    assert by_decision[low["decision_id"]].reasons == ("low_confidence",)
    assert by_decision[ssn["decision_id"]].reasons == ("high_severity",)
    assert "high_severity" in by_decision[ref["decision_id"]].reasons
    assert case_service.sync_cases(store, rulebook=rulebook) == []  # idempotent

    with pytest.raises(Conflict, match="does not send"):
        case_service.open_case(store, clean["decision_id"], rulebook=rulebook)
    claimed = case_service.open_case(
        store, clean["decision_id"], rulebook=rulebook, claim="public interest", reach=10
    )
    assert claimed.reasons == ("newsworthiness_claim",) and claimed.severity == "low"

    # critical first (ssn, ref: same severity, so the older one first), then high, then low
    order = [c.decision_id for c in queue_service.queue(store)]
    assert order == [
        ssn["decision_id"],
        ref["decision_id"],
        low["decision_id"],
        clean["decision_id"],
    ]
    taken = queue_service.take_next(store, "mod-a", now=T0 + timedelta(4))
    assert taken is not None and taken.decision_id == ssn["decision_id"]
    assert taken.assignee == "mod-a"
    second = queue_service.take_next(store, "mod-b", now=T0 + timedelta(4))
    assert second is not None and second.decision_id == ref["decision_id"]
    assert [c.id for c in queue_service.queue(store, assignee="mod-a")] == [taken.id]


def test_confirm_turns_pending_into_enforcement_with_a_strike(store, rulebook) -> None:
    low = moderate(store, post("low", "u2", LOW_ADDRESS), T0)
    assert low["strike"] is None
    case = case_service.open_case(store, low["decision_id"], rulebook=rulebook)
    assert case.severity == "high"
    done = case_service.decide_case(
        store,
        case.id,
        moderator="mod-a",
        outcome="confirm",
        reason="a private home at 3 Oak St",
        rulebook=rulebook,
        now=T0 + timedelta(hours=2),
    )
    assert done.status == "closed" and done.outcome == "confirm" and done.closed_by == "mod-a"
    change = done.document
    entry = change["decisions"][low["decision_id"]]
    assert [a["type"] for a in entry["in_force"]] == ["remove_content", "request_redaction"]
    assert entry["lifted"] == ["limit_visibility"] and entry["strike"]["op"] == "issued"
    assert change["account"]["to"] == "suspended" and change["account"]["actions"] == ["suspend"]
    # the reason was masked before it was stored; the audit names moderator and reason
    event = audit_events(store, "case.decided")[-1]
    assert event["actor"] == "mod-a" and event["moderator"] == "mod-a"
    assert event["reason"] == done.outcome_reason and "3 Oak St" not in done.outcome_reason
    assert "[ADDRESS]" in done.outcome_reason
    with store.reading() as session:
        account = Accounts(session).show("u2")
        assert account.state == "suspended" and len(account.strikes) == 1
        assert verify(session).ok
    with pytest.raises(Conflict, match="already closed"):
        case_service.decide_case(
            store, case.id, moderator="mod-a", outcome="overturn", reason="x", rulebook=rulebook
        )


def test_overturn_restores_content_voids_the_strike_and_lifts_the_suspension(
    store, rulebook
) -> None:
    ref = moderate(store, post("ref", "u1"), T0)
    assert ref["account"]["state"] == "suspended"
    case = case_service.open_case(store, ref["decision_id"], rulebook=rulebook)
    queue_service.assign(store, case.id, "mod-b", actor="lead")
    with pytest.raises(Conflict, match="assigned to mod-b"):
        case_service.decide_case(
            store, case.id, moderator="mod-a", outcome="overturn", reason="no", rulebook=rulebook
        )
    done = case_service.decide_case(
        store,
        case.id,
        moderator="mod-b",
        outcome="overturn",
        reason="reporting, not doxxing",
        rulebook=rulebook,
        now=T0 + timedelta(hours=1),
    )
    entry = done.document["decisions"][ref["decision_id"]]
    assert entry["in_force"] == [] and entry["strike"]["op"] == "voided"
    assert set(entry["lifted"]) == {"block_link", "remove_content"}
    assert done.document["account"]["actions"] == ["lift_suspension"]
    with store.reading() as session:
        account = Accounts(session).show("u1")
        assert account.state == "active" and account.strikes[0].voided
    assert audit_events(store, "strike.voided")[-1]["actor"] == "mod-b"


def test_modify_keeps_only_the_named_rules(store, rulebook) -> None:
    ref = moderate(store, post("ref", "u1"), T0)
    case = case_service.open_case(store, ref["decision_id"], rulebook=rulebook)
    with pytest.raises(InputError, match="were not violated"):
        case_service.decide_case(
            store,
            case.id,
            moderator="m",
            outcome="modify",
            reason="r",
            rulebook=rulebook,
            rules=["privacy.ssn.full"],
        )
    with pytest.raises(InputError, match="needs the rules") as missing:
        case_service.decide_case(
            store, case.id, moderator="m", outcome="modify", reason="r", rulebook=rulebook
        )
    # the core names its own field; the CLI and the API spell it as they do
    assert missing.value.field == "rules"
    assert "--" not in str(missing.value)
    with pytest.raises(InputError, match="not one of"):
        case_service.decide_case(
            store, case.id, moderator="m", outcome="shrug", reason="r", rulebook=rulebook
        )
    done = case_service.decide_case(
        store,
        case.id,
        moderator="m",
        outcome="modify",
        reason="link only",
        rulebook=rulebook,
        rules=["hacked.material"],
    )
    entry = done.document["decisions"][ref["decision_id"]]
    assert entry["rules"] == ["hacked.material"]
    assert [a["type"] for a in entry["in_force"]] == ["block_link", "remove_content"]
    assert entry["lifted"] == []
    assert entry["strike"] == {"op": "changed", "rule": "hacked.material", "weight": 2}


def test_newsworthy_grant_is_stored_and_lifts_what_it_exempts(store, rulebook) -> None:
    ref = moderate(store, post("ref", "u1"), T0)
    case = case_service.open_case(
        store, ref["decision_id"], rulebook=rulebook, claim="The dossier is the story."
    )
    assert "newsworthiness_claim" in case.reasons
    done = case_service.decide_case(
        store,
        case.id,
        moderator="editor",
        outcome="newsworthy",
        reason="public interest",
        rulebook=rulebook,
        rules=["hacked.material", "election.foreign_state_operation"],
    )
    entry = done.document["decisions"][ref["decision_id"]]
    # privacy rules still stand: only the rules granted fall away
    assert entry["rules"] == ["privacy.address.home", "privacy.ssn.partial"]
    assert "block_link" in entry["lifted"]
    with store.reading() as session:
        facts = Accounts(session).author_facts("u1", "ref")
    assert facts.newsworthy == {"hacked.material", "election.foreign_state_operation"}
    assert audit_events(store, "case.newsworthy_granted")[0]["actor"] == "editor"


def test_unknown_things_are_not_found(store, rulebook) -> None:
    with pytest.raises(NotFound):
        case_service.open_case(store, "nope", rulebook=rulebook)
    with pytest.raises(NotFound):
        case_service.show_case(store, "nope")
    with pytest.raises(InputError):
        case_service.open_case(store, "nope", rulebook=rulebook, reach=-1)


def test_open_if_due_right_after_moderation(store, rulebook) -> None:
    low = moderate(store, post("low", "u2", LOW_ADDRESS), T0)
    clean = moderate(store, post("clean", "u4", "Polls open at 7am."), T0)
    opened = case_service.open_if_due(store, low["decision_id"], rulebook=rulebook, reach=500)
    assert opened is not None and opened.reach == 500
    again = case_service.open_if_due(store, low["decision_id"], rulebook=rulebook)
    assert again is not None and again.id == opened.id
    assert case_service.open_if_due(store, clean["decision_id"], rulebook=rulebook) is None


def test_moderators_taking_cases_at_once_get_different_cases(store, rulebook) -> None:
    from concurrent.futures import ThreadPoolExecutor

    for i in range(4):
        moderate(store, post(f"s{i}", f"u{i}", f"Found SSN 078-05-1120 here #{i}"), T0)
    assert len(case_service.sync_cases(store, rulebook=rulebook)) == 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        taken = list(pool.map(lambda m: queue_service.take_next(store, m), ["a", "b", "c", "d"]))
    assert all(t is not None for t in taken)
    assert len({t.id for t in taken}) == 4
    assert {t.assignee for t in taken} == {"a", "b", "c", "d"}
    assert queue_service.take_next(store, "e") is None


def test_a_detector_failure_opens_a_case_at_the_worst_severity_at_stake(store, rulebook) -> None:
    from redline.decide import load_policy
    from redline.enforce import load_profile
    from redline.pipeline import Moderator

    class Down:
        name = "bank-service"
        version = "1"

        def detect(self, content):
            raise TimeoutError("down")

    moderator = Moderator(store, load_policy(), load_profile("strict"), [Down()], clock=lambda: T0)
    document = document_of(moderator.moderate(post("x", "u1", "Polls open at 7am.")).record)
    assert document["reviews"] and not document["violations"]
    case = case_service.open_if_due(store, document["decision_id"], rulebook=rulebook)
    assert case is not None and case.reasons == ("detector_failure",)
    assert case.severity == "critical"
    done = case_service.decide_case(
        store,
        case.id,
        moderator="m",
        outcome="confirm",
        reason="nothing there",
        rulebook=rulebook,
    )
    entry = done.document["decisions"][document["decision_id"]]
    assert entry["in_force"] == [] and entry["lifted"] == ["limit_visibility"]


def test_an_upheld_appeal_makes_the_open_case_moot(store, rulebook) -> None:
    from redline.review import appeals as appeal_service

    ref = moderate(store, post("ref", "u1"), T0)
    case = case_service.open_case(store, ref["decision_id"], rulebook=rulebook)
    appeal = appeal_service.file_appeal(store, [ref["decision_id"]], author="u1", statement="no")
    appeal_service.decide_appeal(
        store, appeal.id, moderator="mod-b", upheld=True, reason="fine", rulebook=rulebook
    )
    with pytest.raises(Conflict, match="was upheld"):
        case_service.decide_case(
            store, case.id, moderator="mod-a", outcome="confirm", reason="x", rulebook=rulebook
        )
    with store.reading() as session:
        assert Accounts(session).show("u1").state == "active"
