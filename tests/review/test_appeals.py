"""Appeals: a different moderator decides; upheld restores, voids and lifts; notices either way."""

from __future__ import annotations

from datetime import timedelta

import pytest

from redline.errors import Conflict, InputError
from redline.record import Accounts, verify
from redline.review import appeals as appeal_service
from redline.review import cases as case_service
from tests.review.conftest import T0, moderate, post


def test_denied_then_upheld_by_another_moderator_restores_the_account(store, rulebook) -> None:
    first = moderate(store, post("p1", "journalist"), T0)
    second = moderate(store, post("p2", "journalist"), T0 + timedelta(hours=1))
    assert second["account"]["state"] == "banned"
    decisions = [first["decision_id"], second["decision_id"]]

    with pytest.raises(Conflict, match="not about"):
        appeal_service.file_appeal(store, decisions, author="someone", statement="mine")
    with pytest.raises(InputError, match="statement"):
        appeal_service.file_appeal(store, decisions, author="journalist", statement="  ")
    appeal = appeal_service.file_appeal(
        store,
        decisions,
        author="journalist",
        statement="Reporting. Call me on 555-201-3344.",
        now=T0 + timedelta(hours=2),
    )
    assert "555-201-3344" not in appeal.statement and appeal.status == "pending"
    with pytest.raises(Conflict, match="pending appeal"):
        appeal_service.file_appeal(store, decisions[:1], author="journalist", statement="again")
    # the automated decider may not hear the appeal
    with pytest.raises(Conflict, match="took part"):
        appeal_service.assign_appeal(store, appeal.id, "redline", actor="lead")
    appeal_service.assign_appeal(
        store, appeal.id, "mod-a", actor="lead", now=T0 + timedelta(hours=3)
    )
    with pytest.raises(Conflict, match="assigned to mod-a"):
        appeal_service.decide_appeal(
            store, appeal.id, moderator="mod-b", upheld=True, reason="x", rulebook=rulebook
        )
    denied = appeal_service.decide_appeal(
        store,
        appeal.id,
        moderator="mod-a",
        upheld=False,
        reason="the address is private",
        rulebook=rulebook,
        now=T0 + timedelta(hours=5),
    )
    assert denied.status == "denied" and denied.decided_by == "mod-a" and denied.document is None
    _, notices = appeal_service.show_appeal(store, appeal.id)
    assert [n["kind"] for n in notices] == ["appeal.denied"] and "denied" in notices[0]["text"]
    with store.reading() as session:
        assert Accounts(session).show("journalist").state == "banned"

    again = appeal_service.file_appeal(
        store,
        decisions,
        author="journalist",
        statement="Newsworthy: the hack is the story.",
        now=T0 + timedelta(days=1),
    )
    with pytest.raises(Conflict, match="took part"):
        appeal_service.decide_appeal(
            store, again.id, moderator="mod-a", upheld=True, reason="x", rulebook=rulebook
        )
    upheld = appeal_service.decide_appeal(
        store,
        again.id,
        moderator="mod-b",
        upheld=True,
        reason="public interest reporting",
        rulebook=rulebook,
        now=T0 + timedelta(days=1, hours=4),
    )
    assert upheld.status == "upheld" and upheld.decided_by == "mod-b"
    assert upheld.decided_at - upheld.filed_at == timedelta(hours=4)
    change = upheld.document
    assert set(change["lifted"]) == {"block_link", "remove_content"}
    assert change["account"]["from"] == "banned" and change["account"]["to"] == "active"
    assert change["account"]["actions"] == ["lift_ban"]
    for decision_id in decisions:
        assert change["decisions"][decision_id]["strike"]["op"] == "voided"
        assert change["decisions"][decision_id]["in_force"] == []
    _, notices = appeal_service.show_appeal(store, again.id)
    assert notices[0]["kind"] == "appeal.upheld" and "restored" in notices[0]["text"]
    with store.reading() as session:
        account = Accounts(session).show("journalist")
        assert account.state == "active" and all(s.voided for s in account.strikes)
        assert verify(session).ok
    with pytest.raises(Conflict, match="already upheld"):
        appeal_service.decide_appeal(
            store, again.id, moderator="mod-c", upheld=False, reason="x", rulebook=rulebook
        )


def test_the_case_reviewer_may_not_hear_the_appeal(store, rulebook) -> None:
    ref = moderate(store, post("p1", "u1"), T0)
    case = case_service.open_case(store, ref["decision_id"], rulebook=rulebook)
    case_service.decide_case(
        store, case.id, moderator="mod-a", outcome="confirm", reason="ok", rulebook=rulebook
    )
    appeal = appeal_service.file_appeal(store, [ref["decision_id"]], author="u1", statement="no")
    with pytest.raises(Conflict, match="took part"):
        appeal_service.assign_appeal(store, appeal.id, "mod-a", actor="lead")
    assert appeal_service.pending_appeals(store)[0].id == appeal.id


def test_nothing_to_appeal_on_a_clean_decision(store) -> None:
    clean = moderate(store, post("c", "u1", "Polls open at 7am."), T0)
    with pytest.raises(Conflict, match="restricted nothing"):
        appeal_service.file_appeal(store, [clean["decision_id"]], author="u1", statement="?")


def test_two_moderators_deciding_one_appeal_at_once_one_wins(store, rulebook) -> None:
    from concurrent.futures import ThreadPoolExecutor

    ref = moderate(store, post("p1", "u1"), T0)
    appeal = appeal_service.file_appeal(store, [ref["decision_id"]], author="u1", statement="no")

    def decide(moderator: str) -> str:
        try:
            appeal_service.decide_appeal(
                store,
                appeal.id,
                moderator=moderator,
                upheld=moderator == "mod-a",
                reason="reviewed",
                rulebook=rulebook,
            )
        except Conflict as error:
            return f"conflict: {error}"
        return "decided"

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(decide, ["mod-a", "mod-b"]))
    assert sorted(r.split(":")[0] for r in results) == ["conflict", "decided"]
    shown, notices = appeal_service.show_appeal(store, appeal.id)
    assert len(notices) == 1 and shown.status in ("upheld", "denied")
    with store.reading() as session:
        assert verify(session).ok


def _assigned_events(store) -> list[tuple[str, dict]]:
    import json

    from sqlalchemy import select

    from redline.record.audit.tables import AUDIT_EVENTS

    query = select(AUDIT_EVENTS.c.actor, AUDIT_EVENTS.c.payload).where(
        AUDIT_EVENTS.c.kind == "appeal.assigned"
    )
    with store.reading() as session:
        rows = session.execute(query).all()
    events = [(r.actor, json.loads(r.payload)) for r in rows]
    # the row's hash (``covers``) is checked by tests/record/test_audit_coverage.py
    return [(actor, {k: v for k, v in p.items() if k != "covers"}) for actor, p in events]


def test_assignment_is_audited_as_done_by_who_assigned_not_the_assignee(store) -> None:
    ref = moderate(store, post("p9", "u9"), T0)
    appeal = appeal_service.file_appeal(store, [ref["decision_id"]], author="u9", statement="no")
    assigned = appeal_service.assign_appeal(store, appeal.id, "mod-a", actor="lead-1")
    assert assigned.assignee == "mod-a"
    assert _assigned_events(store) == [("lead-1", {"assignee": "mod-a"})]
    with pytest.raises(InputError, match="actor"):
        appeal_service.assign_appeal(store, appeal.id, "mod-b", actor=" ")
