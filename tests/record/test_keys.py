"""API keys in the store: hashed, found by token, revocable, audited; SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from redline.errors import Conflict, InputError, NotFound
from redline.record.audit import verify
from redline.record.audit.tables import AUDIT_EVENTS
from redline.record.keys import Keys, Role, parse_token, secret_hash
from redline.record.keys.tables import API_KEYS
from redline.record.store import Store
from redline.settings import Settings

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


def test_create_authenticate_revoke(settings: Settings) -> None:
    store = Store.open(settings)
    try:
        with store.transaction() as session:
            new = Keys(session).create(
                "moderator", name="desk", raw_evidence=True, actor="t", now=NOW
            )
        assert new.token.startswith(f"rl_{new.key.id}_")
        with store.reading() as session:
            row = session.execute(select(API_KEYS)).one()
            # Only the hash is stored; the token is nowhere in the row.
            assert row.secret_hash == secret_hash(new.token)
            assert new.token not in str(tuple(row))
            found = Keys(session).authenticate(new.token)
            assert found is not None
            assert (found.id, found.role, found.raw_evidence) == (new.key.id, Role.MODERATOR, True)
            assert Keys(session).authenticate(new.token + "x") is None
            assert Keys(session).authenticate(f"rl_{new.key.id}_wrong") is None
            assert Keys(session).authenticate("nonsense") is None
            assert Keys(session).authenticate("rl_ffff_abc") is None
        with store.transaction() as session:
            revoked = Keys(session).revoke(new.key.id, actor="t", now=NOW)
        assert revoked.revoked_at == NOW
        with store.reading() as session:
            assert Keys(session).authenticate(new.token) is None
            assert [k.id for k in Keys(session).list()] == [new.key.id]
            assert Keys(session).list(include_revoked=False) == []
            kinds = session.execute(select(AUDIT_EVENTS.c.kind, AUDIT_EVENTS.c.payload)).all()
            assert [k for k, _ in kinds] == ["key.created", "key.revoked"]
            assert all(new.token not in payload for _, payload in kinds)
            assert verify(session).ok
        with store.transaction() as session, pytest.raises(Conflict):
            Keys(session).revoke(new.key.id, actor="t", now=NOW)
    finally:
        store.close()


def test_refusals_write_nothing(settings: Settings) -> None:
    store = Store.open(settings)
    try:
        with store.transaction() as session, pytest.raises(InputError) as bad:
            Keys(session).create("superuser", actor="t", now=NOW)
        assert bad.value.field == "role"
        with store.transaction() as session, pytest.raises(InputError):
            Keys(session).create("admin", name="n" * 201, actor="t", now=NOW)
        with store.transaction() as session, pytest.raises(NotFound):
            Keys(session).revoke("0000", actor="t", now=NOW)
        with store.reading() as session:
            assert Keys(session).list() == []
            assert verify(session).events == 0
    finally:
        store.close()


def test_token_shape() -> None:
    assert parse_token("rl_abc123_s3cr_et-with_underscores") == "abc123"
    for bad in ("", "rl_", "rl__x", "xx_abc_def", "rl_ab-c_def", "rl_abc"):
        assert parse_token(bad) is None, bad
