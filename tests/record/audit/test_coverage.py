"""The chain covers decisions, strikes, cases and appeals: editing, deleting or inserting one
outside Redline fails ``verify``, which names the row by kind and id and nothing private.

Before coverage, every tampering below passed ``verify``: these rows were outside the chain.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.engine import Connection

from redline.record import Store, verify
from redline.record.accounts.tables import STRIKES
from redline.record.decisions.tables import ACTIONS, DECISIONS
from redline.record.review.tables import APPEALS, CASES
from redline.settings import Settings
from tests.record.audit.forgery import cover, history, rewrite


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = Store.open(settings)
    yield opened
    opened.close()


def _count(connection: Connection, table: str) -> int:
    return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_every_covered_row_is_checked_and_a_clean_history_passes(store: Store) -> None:
    history(store)
    with store.reading() as session:
        report = verify(session)
        expected = sum(_count(session, t) for t in ("decisions", "strikes", "cases", "appeals"))
    # the hashes written on the hot path (from the values inserted) equal the ones read back
    assert report.ok, report.findings
    assert report.rows == expected >= 7


def _edit_document(c: Connection, ids: dict[str, str]) -> None:
    document = c.execute(
        select(DECISIONS.c.document).where(DECISIONS.c.id == ids["decision"])
    ).scalar_one()
    assert document["actions"]
    document["actions"] = []  # the enforcement erased from the record
    c.execute(update(DECISIONS).where(DECISIONS.c.id == ids["decision"]).values(document=document))


def _insert_strike(c: Connection, ids: dict[str, str]) -> None:
    row = dict(c.execute(select(STRIKES).where(STRIKES.c.id == ids["strike"])).mappings().one())
    c.execute(
        STRIKES.insert().values({**row, "id": "s_" + "f" * 24, "decision_id": _other(c, ids)})
    )


def _other(c: Connection, ids: dict[str, str]) -> str:
    return str(
        c.execute(select(DECISIONS.c.id).where(DECISIONS.c.id != ids["decision"]).where(
            DECISIONS.c.account_id.is_(None) | (DECISIONS.c.account_id == "reader")
        )).scalars().first()
    )  # fmt: skip


def _set(table: Any, kind: str, **values: Any) -> Callable[[Connection, dict[str, str]], Any]:
    return lambda c, ids: c.execute(update(table).where(table.c.id == ids[kind]).values(**values))


def _delete_strike(c: Connection, ids: dict[str, str]) -> None:
    c.execute(STRIKES.delete().where(STRIKES.c.id == ids["strike"]))


def _relabel_actions(c: Connection, ids: dict[str, str]) -> None:
    c.execute(update(ACTIONS).where(ACTIONS.c.decision_id == ids["decision"]).values(type="label"))


Tamper = Callable[[Connection, dict[str, str]], Any]
EDITED = "{} {{{}}} differs from its audit event: edited"
DELETED = "strike {strike} is in the audit chain but not in the store: deleted"
INSERTED = "strike s_ffffffffffffffffffffffff is in no audit event: inserted outside Redline"
TAMPERING: list[tuple[str, Tamper, str]] = [
    ("decision document", _edit_document, EDITED.format("decision", "decision")),
    ("decision action", _relabel_actions, EDITED.format("decision", "decision")),
    ("deleted strike", _delete_strike, DELETED),
    ("lighter strike", _set(STRIKES, "strike", weight=0), EDITED.format("strike", "strike")),
    ("inserted strike", _insert_strike, INSERTED),
    ("case outcome", _set(CASES, "case", outcome="overturn"), EDITED.format("case", "case")),
    ("appeal outcome", _set(APPEALS, "appeal", status="upheld"), EDITED.format("appeal", "appeal")),
]  # fmt: skip


@pytest.mark.parametrize(("name", "tamper", "finding"), TAMPERING, ids=[t[0] for t in TAMPERING])
def test_a_covered_row_changed_outside_redline_fails_verify(
    store: Store, name: str, tamper: Tamper, finding: str
) -> None:
    ids = history(store)
    with store.engine.begin() as connection:
        tamper(connection, ids)
    with store.reading() as session:
        report = verify(session)
    assert not report.ok
    assert report.findings == (finding.format(**ids),)
    assert report.problem == report.findings[0]
    assert "journalist" not in str(report)  # an account id is never shown


def test_an_id_of_unexpected_form_is_shown_hashed(store: Store) -> None:
    ids = history(store)
    with store.engine.begin() as connection:
        connection.execute(
            update(CASES).where(CASES.c.id == ids["case"]).values(id="jane@example.com")
        )
    with store.reading() as session:
        report = verify(session)
    assert not report.ok and "jane" not in str(report)
    assert any("an id of unexpected form" in f for f in report.findings)


def test_without_checkpoints_a_writer_who_also_rewrites_the_chain_passes(store: Store) -> None:
    """The limit this feature's checkpoints lift (tests/record/audit/test_checkpoint.py)."""
    ids = history(store)
    with store.engine.begin() as connection:
        _edit_document(connection, ids)
    with store.reading() as session:
        assert not verify(session).ok
        row = (
            session.execute(select(DECISIONS).where(DECISIONS.c.id == ids["decision"]))
            .mappings()
            .one()
        )
        actions = (
            session.execute(
                select(ACTIONS)
                .where(ACTIONS.c.decision_id == ids["decision"])
                .order_by(ACTIONS.c.position)
            )
            .mappings()
            .all()
        )
    from redline.record.decisions.repository import decision_digest

    rewrite(store, cover(f"decision:{ids['decision']}", decision_digest(row, list(actions))))
    with store.reading() as session:
        assert verify(session).ok
