"""BankSource in the pipeline, on SQLite and PostgreSQL: signals, unreadable files, flood holds."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest

from redline.content import Attachment, Content
from redline.decide import load_policy
from redline.detect.finding import DetectorFailure, Signal, SignalKind
from redline.enforce import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record import Store, verify
from redline.record.banks import Banks
from redline.record.banks.source import FLOOD_GUARD, BankSource
from redline.record.decisions import Decisions, document_of
from redline.settings import Settings
from tests.detect.banks.corpus import DOSSIER, excerpt
from tests.extract.files import encrypt_pdf, make_pdf

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)
URL = "https://leaks.example/dossier.pdf"


@pytest.fixture
def store(settings: Settings):
    s = Store.open(settings)
    with s.transaction() as session:
        banks = Banks(session)
        banks.create_bank("leaks", ["hacked_material", "foreign_state_operation"], now=T0)
        banks.add_document("leaks", DOSSIER.encode(), "marsh.txt", now=T0)
        banks.add_url("leaks", URL, name="marsh-url", now=T0)
    yield s
    s.close()


def test_no_banks_means_no_source(settings: Settings) -> None:
    s = Store.open(settings)
    try:
        assert BankSource.load(s) is None
        assert [src.name for src in default_sources(settings, s)] == ["pii"]
    finally:
        s.close()


def test_signals_for_text_links_and_attachments(store: Store, settings: Settings) -> None:
    assert [src.name for src in default_sources(settings, store)] == ["pii", "banks"]
    source = BankSource.load(store, clock=lambda: T0 + timedelta(hours=1))
    assert source is not None
    found = list(
        source.detect(
            Content(
                "c1",
                "Read: " + excerpt(60, 120),
                urls=(URL + "?utm_source=feed",),
                attachments=(
                    Attachment(make_pdf([excerpt(200, 150)]), "application/pdf"),
                    Attachment(encrypt_pdf(make_pdf(["x"])), "application/pdf"),
                ),
            )
        )
    )
    signals = [s for s in found if isinstance(s, Signal)]
    failures = [f for f in found if isinstance(f, DetectorFailure)]
    where = {(s.kind, s.location.part, s.masked) for s in signals}
    assert (SignalKind.BANK_MATCH, "text", "leaks/marsh") in where
    assert (SignalKind.BANK_MATCH, "attachment:0", "leaks/marsh") in where
    assert (SignalKind.LINK_MATCH, "url:0", "leaks/marsh-url") in where
    assert {s.type for s in signals} == {"hacked_material", "foreign_state_operation"}
    assert all("leaks" in s.evidence and s.digest is None for s in signals)
    assert DOSSIER[260:300] not in " ".join(s.evidence for s in signals)
    (bad,) = failures
    assert bad.part == "attachment:1" and "encrypted" in bad.error


def test_a_flood_of_matches_goes_to_review_instead_of_acting(
    store: Store, settings: Settings
) -> None:
    with store.transaction() as session:
        banks = Banks(session)
        for hour in range(1, 11):  # a quiet week-day: one match an hour
            banks.observe([("leaks", "marsh-url")], T0 + timedelta(hours=hour))
    flood = T0 + timedelta(hours=11, minutes=30)
    source = BankSource.load(store, clock=lambda: flood)
    assert source is not None
    moderator = Moderator(
        store,
        load_policy(),
        load_profile("strict"),
        [source],
        clock=lambda: flood,
    )
    documents = [
        document_of(
            moderator.moderate(Content(f"p{i}", f"look {i}", author_id=f"u{i}", urls=(URL,))).record
        )
        for i in range(30)
    ]
    acted = [d for d in documents if d["violations"]]
    held = [d for d in documents if not d["violations"]]
    assert acted and held, "the flood guard never held the entry"
    first_held = documents.index(held[0])
    assert all(not d["violations"] for d in documents[first_held:])  # held stays held
    for d in acted:
        assert "hacked.material" in {v["rule"] for v in d["violations"]}
        assert "block_link" in {a["type"] for a in d["actions"]}
    for d in held:
        assert d["needs_review"]
        assert any(
            r["rule"] == "hacked.material" and FLOOD_GUARD in r["reason"] for r in d["reviews"]
        )
        assert not {"block_link", "remove_content", "suspend"} & {a["type"] for a in d["actions"]}
    with store.reading() as session:
        banks = Banks(session)
        assert ("leaks", "marsh-url") in banks.held()
        assert verify(session).ok


def test_a_rerun_does_not_count_matches_twice(store: Store) -> None:
    at = T0 + timedelta(hours=2)
    source = BankSource.load(store, clock=lambda: at)
    assert source is not None
    moderator = Moderator(store, load_policy(), load_profile("contain"), [source], clock=lambda: at)
    post = Content("again", "look", author_id="u", urls=(URL,))
    first = moderator.moderate(post)
    second = moderator.moderate(post)
    assert first.created and not second.created and second.record == first.record
    with store.reading() as session:
        count = session.exec_driver_sql("SELECT sum(count) FROM bank_match_counts").scalar()
    assert count == 1


def test_two_writers_count_each_content_once(store: Store) -> None:
    """Two workers race on the same contents: one decision and one count per content.

    Each content is moderated by both workers at once (a barrier lines them up). The loser of
    the race either finds the decision already made or fails on the content's unique id; in
    both cases its count of the bank match never reaches the ledger.
    """
    at = T0 + timedelta(hours=3)
    contents = [Content(f"race-{i}", "look", author_id=f"u{i}", urls=(URL,)) for i in range(8)]
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work() -> None:
        source = BankSource.load(store, clock=lambda: at)
        assert source is not None
        moderator = Moderator(
            store, load_policy(), load_profile("contain"), [source], clock=lambda: at
        )
        try:
            for content in contents:
                barrier.wait(timeout=60)
                moderator.moderate(content)
        except BaseException as error:  # surfaced below
            errors.append(error)
            barrier.abort()

    workers = [threading.Thread(target=work) for _ in range(2)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert errors == []
    with store.reading() as session:
        count = session.exec_driver_sql("SELECT sum(count) FROM bank_match_counts").scalar()
        decided = session.exec_driver_sql("SELECT count(*) FROM decisions").scalar()
        assert verify(session).ok
    assert (decided, count) == (len(contents), len(contents))


def test_a_decision_that_fails_counts_nothing(store: Store, monkeypatch) -> None:
    at = T0 + timedelta(hours=4)
    source = BankSource.load(store, clock=lambda: at)
    assert source is not None
    moderator = Moderator(store, load_policy(), load_profile("contain"), [source], clock=lambda: at)

    def crash(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the process dies before the commit")

    monkeypatch.setattr(Decisions, "save", crash)
    with pytest.raises(RuntimeError):
        moderator.moderate(Content("lost", "look", author_id="u", urls=(URL,)))
    with store.reading() as session:
        count = session.exec_driver_sql("SELECT count(*) FROM bank_match_counts").scalar()
    assert count == 0
