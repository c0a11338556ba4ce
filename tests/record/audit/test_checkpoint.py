"""Signed checkpoints: a chain rewritten or truncated after one is caught; none is signed.

The attacks are a database writer's: edit a covered row, then recompute every hash and move the
head (``forgery.rewrite``), or cut the newest events (``forgery.truncate``). Without checkpoints
both pass ``verify`` (``test_coverage``); the signed head they cannot forge catches them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, update

from redline.record import Store, verify
from redline.record.audit.checkpoint import (
    DirectorySink,
    Reading,
    SignedCheckpoint,
    current,
    read_directory,
    sign,
    store_identity,
)
from redline.record.audit.tables import AUDIT_HEAD
from redline.record.decisions.repository import decision_digest
from redline.record.decisions.tables import ACTIONS, DECISIONS
from redline.record.integrity import AuditReport, extends
from redline.settings import Settings
from tests.record.audit.forgery import cover, history, now, rewrite, truncate
from tests.review.conftest import T0, moderate, post

KEY = Ed25519PrivateKey.generate()


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = Store.open(settings)
    yield opened
    opened.close()


@pytest.fixture
def checkpoints(tmp_path: Path) -> Path:
    """The operator's checkpoint directory, apart from the data directory."""
    return tmp_path / "checkpoints"


def checkpoint(store: Store, directory: Path, key: Ed25519PrivateKey = KEY) -> str:
    with store.reading(snapshot=True) as session:
        return DirectorySink(directory).publish(sign(current(session, now()), key))


def checked(store: Store, directory: Path) -> AuditReport:
    with store.reading(snapshot=True) as session:
        identity = store_identity(session)
        reading = read_directory(directory, KEY.public_key(), identity)
        return verify(session, checkpoints=reading, store=identity)


def reading(store: Store, directory: Path) -> Reading:
    with store.reading() as session:
        return read_directory(directory, KEY.public_key(), store_identity(session))


def test_an_honest_store_verifies_against_its_checkpoints(store: Store, checkpoints: Path) -> None:
    history(store)
    checkpoint(store, checkpoints)
    moderate(store, post("p9", "someone"), T0)  # the chain goes on after the checkpoint
    checkpoint(store, checkpoints)
    report = checked(store, checkpoints)
    assert report.ok, report.findings
    assert report.checkpoints == 2 and report.rows >= 8
    saved = json.loads(sorted(checkpoints.iterdir())[0].read_text())
    assert set(saved) == {"format", "store", "seq", "head", "at", "key", "signature"}


def _forge_decision(store: Store, decision_id: str) -> None:
    """Erase a decision's actions and rewrite the chain to match: the full attack."""
    with store.engine.begin() as connection:
        document = connection.execute(
            select(DECISIONS.c.document).where(DECISIONS.c.id == decision_id)
        ).scalar_one()
        connection.execute(
            update(DECISIONS)
            .where(DECISIONS.c.id == decision_id)
            .values(document={**document, "actions": []})
        )
        connection.execute(ACTIONS.delete().where(ACTIONS.c.decision_id == decision_id))
        row = (
            connection.execute(select(DECISIONS).where(DECISIONS.c.id == decision_id))
            .mappings()
            .one()
        )
    rewrite(store, cover(f"decision:{decision_id}", decision_digest(row, [])))


def test_a_chain_rewritten_after_a_checkpoint_is_caught(store: Store, checkpoints: Path) -> None:
    ids = history(store)
    checkpoint(store, checkpoints)
    _forge_decision(store, ids["decision"])
    with store.reading() as session:
        assert verify(session).ok  # the rewrite is self-consistent
    report = checked(store, checkpoints)
    assert not report.ok
    assert "is not the one checkpoint" in (report.problem or "")
    assert "the chain was rewritten" in (report.problem or "")
    # and the checkpoint command refuses to sign the rewritten chain
    assert "rewritten" in (extends_now(store, checkpoints) or "")


def extends_now(store: Store, directory: Path) -> str | None:
    with store.reading(snapshot=True) as session:
        return extends(
            session, read_directory(directory, KEY.public_key(), store_identity(session))
        )


def test_a_truncated_chain_is_caught(store: Store, checkpoints: Path) -> None:
    history(store)
    checkpoint(store, checkpoints)
    with store.reading() as session:
        seq = session.execute(select(AUDIT_HEAD.c.seq)).scalar_one()
    truncate(store, seq - 3)
    with store.reading() as session:
        # the chain alone holds together (rows the cut events covered may differ, though)
        assert verify(session).seq is None
    report = checked(store, checkpoints)
    assert not report.ok and report.seq == seq - 2
    assert f"signed event {seq}, which is gone: the chain was truncated" in (report.problem or "")
    assert "truncated" in (extends_now(store, checkpoints) or "")


def test_a_checkpoint_signed_by_another_key_or_another_store_proves_nothing(
    store: Store, checkpoints: Path
) -> None:
    history(store)
    checkpoint(store, checkpoints, Ed25519PrivateKey.generate())
    report = checked(store, checkpoints)
    assert not report.ok
    assert "not signed by the public key given" in report.findings[0]
    assert "no checkpoint of this store" in report.findings[1]
    for path in checkpoints.iterdir():
        path.unlink()
    checkpoint(store, checkpoints)
    with store.engine.begin() as connection:  # the writer gives the store another identity
        connection.execute(update(AUDIT_HEAD).values(store_id="0" * 32))
    report = checked(store, checkpoints)
    assert report.findings == (
        f"no checkpoint of this store (id {'0' * 32}) was found; 1 of other stores were:"
        " the chain cannot be proven against one",
    )


def test_a_tampered_checkpoint_file_is_refused(store: Store, checkpoints: Path) -> None:
    history(store)
    path = Path(checkpoint(store, checkpoints))
    signed = SignedCheckpoint.from_json(path.read_text())
    body = json.loads(path.read_text())
    path.write_text(json.dumps({**body, "seq": signed.checkpoint.seq - 1}))
    assert "not signed by the public key given" in reading(store, checkpoints).problems[0]
    path.write_text("{not json")
    assert "is unreadable" in reading(store, checkpoints).problems[0]


def test_signing_reads_only_the_newest_checkpoint(store: Store, checkpoints: Path) -> None:
    """``checkpoint`` runs from cron: its cost must not grow with the directory."""
    history(store)
    older = Path(checkpoint(store, checkpoints))
    moderate(store, post("p9", "someone"), T0)
    newer = Path(checkpoint(store, checkpoints))
    older.write_text("{not json")
    with store.reading() as session:
        identity = store_identity(session)
        newest = read_directory(checkpoints, KEY.public_key(), identity, newest_only=True)
        every = read_directory(checkpoints, KEY.public_key(), identity)
    assert newest.problems == () and [p.label.split()[1] for p in newest.pins] == [newer.name]
    assert "is unreadable" in every.problems[0]  # verify still reads them all
