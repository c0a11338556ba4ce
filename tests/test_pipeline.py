"""The pipeline end to end on both databases: the reference case, exceptions, failures, replay."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from redline.content import Content
from redline.decide import load_policy, parse_policy
from redline.detect.finding import Location, Signal, SignalKind
from redline.enforce import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record import Accounts, Store, verify
from redline.record.decisions import DecisionRecord, Decisions, document_of
from redline.report.replay import replay
from redline.settings import Settings
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)
DOSSIER_URL = "https://leaks.example/dossier/carver.pdf"
POST = (
    "Leaked campaign dossier on candidate John Carver: home 42 Maple Avenue, Springfield, IL "
    "62704, SSN ending 6789. Read it all:"
)


class DossierBank:
    """A bank holding the dossier, matched by URL.

    A plug-in source in the shape the real one (``record.banks.source.BankSource``) has: kind
    link_match, type the designation, evidence naming bank and entry. It keeps these tests about
    the pipeline's plug-in contract; the real banks are tested end to end in
    ``tests/cli/test_bank.py``.
    """

    name = "test-bank"
    version = "1"
    designations = ("hacked_material", "foreign_state_operation")

    def detect(self, content: Content) -> list[Signal]:
        return [
            Signal(
                SignalKind.LINK_MATCH,
                designation,
                Location(0, len(url), f"url:{i}"),
                1.0,
                self.name,
                self.version,
                "https://leaks.example/…",
                None,
                "bank election-2026 entry dossier-carver",
            )
            for i, url in enumerate(content.urls)
            if url == DOSSIER_URL
            for designation in self.designations
        ]


class Broken:
    name = "broken"
    version = "0"

    def detect(self, content: Content) -> list[Signal]:
        raise TimeoutError("upstream bank service timed out")


@pytest.fixture
def store(settings: Settings):
    opened = Store.open(settings)
    yield opened
    opened.close()


def moderator(store: Store, settings: Settings, profile: str, *extra, policy=None) -> Moderator:
    clock = iter(T0 + timedelta(hours=i) for i in range(1000))
    sources = [*default_sources(settings), *extra]
    return Moderator(
        store, policy or load_policy(), load_profile(profile), sources, clock=lambda: next(clock)
    )


def post(content_id: str, author: str = "journalist") -> Content:
    return Content(content_id, POST, author_id=author, urls=(DOSSIER_URL,))


def actions(document: dict) -> list[str]:
    return [a["type"] for a in document["actions"]]


def test_reference_case_under_strict(store: Store, settings: Settings) -> None:
    mod = moderator(store, settings, "strict", DossierBank())
    first = document_of(mod.moderate(post("post-1")).record)
    assert {v["rule"] for v in first["violations"]} >= {
        "hacked.material",
        "election.foreign_state_operation",
        "privacy.address.home",
        "privacy.ssn.partial",
    }
    assert {"block_link", "remove_content", "suspend"} <= set(actions(first))
    assert first["account"]["state"] == "suspended"
    second = document_of(mod.moderate(post("post-2")).record)
    assert "ban" in actions(second)
    assert second["account"]["state"] == "banned"
    with store.reading() as session:
        assert verify(session).ok


def test_reference_case_under_contain(store: Store, settings: Settings) -> None:
    mod = moderator(store, settings, "contain", DossierBank())
    for content_id in ("post-1", "post-2"):
        document = document_of(mod.moderate(post(content_id)).record)
        assert {"restrict_sharing", "label"} <= set(actions(document))
        assert not {"remove_content", "suspend", "ban"} & set(actions(document))
        assert document["account"]["state"] == "active"


@pytest.mark.parametrize(
    "body",
    [
        "My number is 555-201-3344 and I live at 9 Elm Street, Dayton, OH 45402",
        "Rally outside campaign HQ, 100 Main Street, Dayton, OH 45402",
        "Sen. Jo Doe, SSN ***-**-6789, home [ADDRESS]",
    ],
    ids=["self-disclosure", "public-office", "already-redacted"],
)
def test_exceptions_end_to_end(store: Store, settings: Settings, body: str) -> None:
    document = document_of(
        moderator(store, settings, "strict").moderate(Content("c", body, "u1")).record
    )
    assert document["violations"] == [] and document["actions"] == []
    assert document["exempted"] or "***" in body


def test_registered_own_data_is_self_disclosure(store: Store, settings: Settings) -> None:
    body = "Here you go: 555-201-3344, 9 Elm Street, Dayton, OH 45402"
    mod = moderator(store, settings, "strict")
    signals = [
        s for src in mod.sources for s in src.detect(Content("x", body)) if isinstance(s, Signal)
    ]
    with store.transaction() as session:
        Accounts(session).add_own_digests(
            "owner", {s.digest: s.type for s in signals if s.digest}, actor="t", now=T0
        )
    assert mod.moderate(Content("a", body, "owner")).record.violations == ()
    assert mod.moderate(Content("b", body, "stranger")).record.violations != ()


def test_newsworthiness_granted_by_a_person(store: Store, settings: Settings) -> None:
    with store.transaction() as session:
        Accounts(session).grant_newsworthy(
            "post-1",
            "*",
            granted_by="editor@platform",
            reason="reported on by major outlets",
            now=T0,
        )
    document = document_of(
        moderator(store, settings, "strict", DossierBank()).moderate(post("post-1")).record
    )
    assert document["violations"] == []
    assert {e["exception"] for e in document["exempted"]} == {"newsworthy"}


def test_a_failing_source_sends_to_review_not_clean(store: Store, settings: Settings) -> None:
    document = (
        moderator(store, settings, "strict", Broken())
        .moderate(Content("c", "nothing to see", "u1"))
        .record
    )
    document = document_of(document)
    assert document["needs_review"] and document["reviews"]
    assert actions(document) == ["limit_visibility"]
    with store.reading() as session:
        failures = session.execute(text("SELECT failures FROM contents")).scalar()
    assert "TimeoutError" in str(failures) and "timed out" not in str(failures)


def test_rerun_returns_the_first_decision_and_no_second_strike(store: Store, settings) -> None:
    mod = moderator(store, settings, "strict", DossierBank())
    first = mod.moderate(post("post-1"))
    again = moderator(store, settings, "strict", DossierBank()).moderate(post("post-1"))
    assert first.created and not again.created and again.record == first.record
    with store.reading() as session:
        assert session.execute(text("SELECT count(*) FROM strikes")).scalar() == 1


def test_replay_shows_changes_and_acts_on_nothing(store: Store, settings: Settings) -> None:
    mod = moderator(store, settings, "strict", DossierBank())
    mod.moderate(post("post-1"))
    mod.moderate(Content("c2", "Call 555-201-3344 about 9 Elm Street, Dayton, OH 45402", "u2"))
    mod.moderate(Content("c3", "hello", "u3"))
    lenient = parse_policy(load_policy().model_dump_json(), "lenient").model_copy(
        update={"version": "2027.1.0"}
    )
    lenient = lenient.model_copy(
        update={"rules": tuple(r for r in lenient.rules if r.id != "privacy.address.home")}
    )

    def count(session) -> tuple:
        return tuple(
            session.execute(text(f"SELECT count(*) FROM {t}")).scalar()
            for t in ("decisions", "strikes", "audit_events", "actions")
        )

    with store.reading() as session:
        before = count(session)
    report = replay(store, lenient, lambda ref: load_profile(ref.split("@")[0])).to_document()
    assert report["compared"] == 3
    assert report["rules"]["privacy.address.home"] == {"before": 2, "after": 0, "change": -2}
    assert report["changed"] >= 1 and report["examples"]
    assert report["without_text"] == 0
    with store.reading() as session:
        assert count(session) == before
        assert verify(session).ok


def test_concurrent_writers_decide_each_content_once(store: Store, settings: Settings) -> None:
    """Two workers on overlapping input: one decision per content, one chain, strikes in order."""
    import threading

    from bench.decide.corpus import records

    from redline.cli.jsonl import to_content

    contents = [to_content(r) for r in records(120, seed=9, authors=10)]
    errors: list[BaseException] = []

    def work(order: list[Content]) -> None:
        mod = Moderator(store, load_policy(), load_profile("strict"), default_sources(settings))
        try:
            for content in order:
                mod.moderate(content)
        except BaseException as error:  # surfaced below
            errors.append(error)

    threads = [
        threading.Thread(target=work, args=(contents,)),
        threading.Thread(target=work, args=(contents[::-1],)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    with store.reading() as session:
        count = lambda sql: session.execute(text(sql)).scalar()  # noqa: E731
        assert count("SELECT count(*) FROM decisions") == 120
        assert count("SELECT count(*) FROM audit_events WHERE kind = 'decision.made'") == 120
        # one strike per decision with a confirmed (not pending) violation of an author's post
        confirmed = sum(
            s.decision.account_id is not None
            and any(not v.needs_review for v in s.decision.violations)
            for s in Decisions(session).stored()
        )
        assert count("SELECT count(*) FROM strikes") == confirmed
        assert verify(session).ok


@pytest.mark.postgres
def test_a_writer_that_loses_the_race_returns_the_winners_decision(pg_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The race the pipeline's conflict path exists for, made to happen every time.

    Our writer has checked that the content is undecided; before it writes, another writer
    decides the same content and commits. Our insert then meets the unique content id: record/
    turns the database's integrity error into ``StoreConflict``, and the pipeline answers with
    the winner's decision, writing nothing of its own. (PostgreSQL only: SQLite's writer holds
    the database lock from its first statement, so a second writer cannot get in between.)
    """
    import threading

    settings = Settings(
        home=tmp_path / "home", database_url=pg_url, hash_key="test-hash-key-0123456789"
    )
    store = Store.open(settings)
    content = Content(id="race-1", author_id="u1", text=POST)
    winner: list[DecisionRecord] = []

    def decide_first() -> None:
        other = Moderator(store, load_policy(), load_profile("strict"), default_sources(settings))
        winner.append(other.moderate(content).record)

    def clock() -> datetime:  # read inside our unit of work, after its check for a decision
        if not winner:
            racer = threading.Thread(target=decide_first)
            racer.start()
            racer.join(60)
        return T0

    try:
        ours = Moderator(
            store, load_policy(), load_profile("strict"), default_sources(settings), clock=clock
        )
        outcome = ours.moderate(content)
        assert winner, "the other writer did not finish"
        assert outcome.created is False
        assert outcome.record == winner[0]
        with store.reading() as session:
            assert session.execute(text("SELECT count(*) FROM decisions")).scalar() == 1
            assert verify(session).ok
    finally:
        store.close()
