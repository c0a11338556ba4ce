"""The store: schema by migration, idempotent decisions, retention, the audit chain."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from importlib import resources

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, inspect, text

from redline.content import Content
from redline.decide import load_policy
from redline.enforce import load_profile
from redline.errors import Conflict, StoreConflict, StoreError
from redline.pipeline import Moderator
from redline.record import Accounts, Decisions, Store, verify
from redline.settings import Settings
from tests.signal_fakes import REFERENCE_TEXT, reference_signals

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)
POLICY = load_policy()


class Fixed:
    """A source returning hand-built signals for the reference text."""

    name = "fixed"
    version = "1"

    def detect(self, content: Content) -> list:
        return reference_signals(content.text) if content.text == REFERENCE_TEXT else []


def moderator(store: Store, profile: str = "strict", retention: str = "redacted") -> Moderator:
    clock = iter(T0 + timedelta(minutes=i) for i in range(10_000))
    return Moderator(
        store,
        POLICY,
        load_profile(profile),
        [Fixed()],
        retention=retention,  # type: ignore[arg-type]
        clock=lambda: next(clock),
    )


@pytest.fixture
def store(settings: Settings):
    opened = Store.open(settings)
    yield opened
    opened.close()


def test_schema_comes_from_the_migrations_and_reopening_is_a_no_op(settings: Settings) -> None:
    first = Store.open(settings)
    names = set(inspect(first.engine).get_table_names())
    assert {
        "accounts",
        "contents",
        "decisions",
        "actions",
        "strikes",
        "audit_events",
        "audit_head",
        "alembic_version",
        "newsworthy_grants",
        "account_digests",
    } <= names
    first.close()
    again = Store.open(settings)
    with again.reading() as session:
        version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
    assert version == _head_revision()
    again.close()


def _head_revision() -> str:
    """The newest revision in the migrations folder: the one a fresh store must be at."""
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("redline.record").joinpath("migrations"))
    )
    head = ScriptDirectory.from_config(config).get_current_head()
    assert head is not None
    return head


def test_sqlite_store_is_in_wal_mode(tmp_path) -> None:
    store = Store.open(Settings(home=tmp_path, database_url=None, hash_key="k" * 16))
    with store.reading() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert (tmp_path / "redline.sqlite3").exists()


def test_unreachable_database_is_a_store_error(tmp_path) -> None:
    bad = Settings(home=tmp_path, database_url="postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(StoreError, match="cannot open the store"):
        Store.open(bad)


def test_same_content_twice_gives_one_decision_and_one_strike(store: Store) -> None:
    mod = moderator(store)
    post = Content("post-1", REFERENCE_TEXT, author_id="u1")
    first = mod.moderate(post)
    second = mod.moderate(post)
    assert first.created and not second.created
    assert second.record == first.record
    with store.reading() as session:
        assert session.execute(text("SELECT count(*) FROM strikes")).scalar() == 1
        assert session.execute(text("SELECT count(*) FROM decisions")).scalar() == 1
        assert verify(session).ok


def test_retention_keeps_raw_text_only_when_configured(store: Store) -> None:
    for retention, content_id in (("raw", "a"), ("redacted", "b"), ("none", "c")):
        moderator(store, retention=retention).moderate(Content(content_id, REFERENCE_TEXT, "u9"))
    with store.reading() as session:
        rows = dict(session.execute(text("SELECT id, text FROM contents")).all())
        documents = [str(r) for r in session.execute(text("SELECT document FROM decisions")).all()]
    assert rows["a"] == REFERENCE_TEXT
    assert rows["c"] is None
    assert len(rows["b"]) == len(REFERENCE_TEXT)
    assert "Maple" not in rows["b"] and "John Carver" not in rows["b"] and "6789" not in rows["b"]
    assert "Leaked campaign dossier" in rows["b"]
    assert not any("Maple" in d for d in documents)


def test_account_history_and_own_data(store: Store) -> None:
    mod = moderator(store)
    mod.moderate(Content("p1", REFERENCE_TEXT, author_id="u1"))
    with store.transaction() as session:
        accounts = Accounts(session)
        assert accounts.add_own_digests("u1", {"abc": "PHONE_NUMBER"}, actor="t", now=T0) == 1
        assert accounts.add_own_digests("u1", {"abc": "PHONE_NUMBER"}, actor="t", now=T0) == 0
        accounts.grant_newsworthy("p9", "hacked.material", granted_by="editor", reason="r", now=T0)
    with store.reading() as session:
        accounts = Accounts(session)
        view = accounts.show("u1")
        assert view.state == "suspended" and len(view.strikes) == 1
        facts = accounts.author_facts("u1", "p9")
        assert facts.own_digests == {"abc"} and facts.newsworthy == {"hacked.material"}
        assert Decisions(session).get("p1").content_id == "p1"
        assert verify(session).ok


def _tamper(store: Store, *statements: str) -> None:
    with store.engine.begin() as connection:
        for statement in statements:
            connection.execute(text(statement))


@pytest.mark.parametrize(
    ("statements", "problem"),
    [
        (
            ['UPDATE audit_events SET payload = \'{"author":"someone-else"}\' WHERE seq = 2'],
            "event 2 was altered",
        ),
        (["UPDATE audit_events SET actor = 'mallory' WHERE seq = 3"], "event 3 was altered"),
        (["DELETE FROM audit_events WHERE seq = 2"], "event 2 is missing"),
        (
            [
                "UPDATE audit_events SET seq = 1000 WHERE seq = 2",
                "UPDATE audit_events SET seq = 2 WHERE seq = 3",
                "UPDATE audit_events SET seq = 3 WHERE seq = 1000",
            ],
            "event 2 does not follow",
        ),
        (
            ["DELETE FROM audit_events WHERE seq >= (SELECT max(seq) - 1 FROM audit_events)"],
            "events were removed",
        ),
    ],
)
def test_audit_verify_finds_edited_deleted_and_reordered_events(
    store: Store, statements: list[str], problem: str
) -> None:
    mod = moderator(store)
    for i in range(3):
        mod.moderate(Content(f"p{i}", REFERENCE_TEXT, author_id="u1"))
    with store.reading() as session:
        report = verify(session)
        assert report.ok and report.events >= 8
    _tamper(store, *statements)
    with store.reading() as session:
        report = verify(session)
    assert not report.ok
    assert problem in (report.problem or "")


def test_database_errors_never_carry_statement_values(settings) -> None:
    # A failed statement's message is what reaches logs and callers; it must not hold the
    # private value the statement carried.
    store = Store.open(settings)
    secret = "SSN 078-05-1120"
    with pytest.raises(StoreConflict) as failed, store.transaction() as session:
        insert = text(
            "INSERT INTO accounts (id, created_at, state, updated_at) VALUES (:i, :t, :s, :t)"
        )
        session.execute(insert, {"i": "dup", "t": T0, "s": "active"})
        session.execute(insert, {"i": "dup", "t": T0, "s": secret})
    # record/ hands back the project's own error, not the driver's ...
    assert isinstance(failed.value, Conflict)
    assert str(failed.value) == "the write contradicts stored rows"
    # ... and the database's own, kept as the cause, holds no value either
    assert secret not in str(failed.value.__cause__)
    assert "hidden" in str(failed.value.__cause__)
    with store.reading() as session:  # nothing of the refused unit was written
        assert session.execute(text("SELECT count(*) FROM accounts")).scalar() == 0
    store.close()


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:////nonexistent-redline-dir/nowhere/redline.sqlite3",
        pytest.param("postgresql+psycopg://nobody@127.0.0.1:1/none", marks=pytest.mark.postgres),
    ],
)
def test_a_database_that_went_away_is_a_store_error(url: str) -> None:
    store = Store(create_engine(url))
    try:
        with (
            pytest.raises(StoreError, match="the store is unavailable"),
            store.transaction() as session,
        ):
            session.execute(text("SELECT 1"))
        with (
            pytest.raises(StoreError, match="the store is unavailable"),
            store.reading() as session,
        ):
            session.execute(text("SELECT 1"))
    finally:
        store.close()


def test_a_mistake_in_a_statement_is_not_taken_for_an_outage(settings) -> None:
    # a bug stays a bug (a 500, a traceback): only a lost database is a StoreError
    store = Store.open(settings)
    try:
        with pytest.raises(Exception) as failed, store.reading() as session:
            session.execute(text("SELECT id FROM accounts WHERE id = :id"))  # :id not given
        assert not isinstance(failed.value, StoreError)
    finally:
        store.close()


def test_many_reads_decisions_by_id_and_leaves_unknown_ids_out(store: Store) -> None:
    mod = moderator(store)
    made = [mod.moderate(Content(f"m{n}", REFERENCE_TEXT, author_id=f"u{n}")) for n in range(3)]
    ids = [o.record.id for o in made]
    with store.reading() as session:
        found = Decisions(session).many([*ids, ids[0], "d_unknown"])
        assert set(found) == set(ids)
        assert all(found[i] == Decisions(session).get(i) for i in ids)
        assert Decisions(session).many([]) == {}
