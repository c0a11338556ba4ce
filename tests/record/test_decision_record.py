"""The decision record: what the store gives back equals what was decided, through every edge.

The decisions cover every part of the record: violations with signals from the text and a URL,
actions with ``until``, ``targets`` and ``redacted_text``, a strike, an account suspended until a
time, exemptions, reviews (a detector that failed), DSA mappings. Each edge's round trip (the
stored column here; the CLI, the API and the export in their own test modules) must give back an
equal record.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from redline.content import Content
from redline.decide import load_policy
from redline.detect.finding import Location, Signal, SignalKind
from redline.enforce import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record import Store
from redline.record.decisions import (
    DecisionRecord,
    Decisions,
    document_of,
    record_of,
    shown,
)
from redline.record.decisions.reports import decisions_between
from redline.record.decisions.tables import DECISIONS
from redline.record.review.enforcement import ReviewEnforcement
from redline.report import statements
from redline.settings import Settings
from tests.test_pipeline import POST, Broken, DossierBank
from tests.test_pipeline import post as dossier_post

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)


@pytest.fixture
def store(settings: Settings):
    opened = Store.open(settings)
    yield opened
    opened.close()


def decided(store: Store, settings: Settings) -> list[DecisionRecord]:
    """Decisions that between them fill every field of the record."""
    sources = [*default_sources(settings), DossierBank()]
    strict = Moderator(store, load_policy(), load_profile("strict"), sources, clock=lambda: T0)
    broken = Moderator(store, load_policy(), load_profile("strict"), [Broken()], clock=lambda: T0)
    return [
        strict.moderate(dossier_post("post-1")).record,
        strict.moderate(dossier_post("post-2")).record,
        strict.moderate(Content("own", "My number is 555-201-3344, 9 Elm Street", "u1")).record,
        strict.moderate(Content("plain", POST, author_id="u2")).record,
        broken.moderate(Content("down", "nothing to see", "u3")).record,
        strict.moderate(Content("anon", POST)).record,
    ]


def test_the_records_cover_every_part(store: Store, settings: Settings) -> None:
    records = decided(store, settings)
    assert any(r.strike is not None for r in records)
    assert any(r.account.until is not None for r in records)
    assert any(r.exempted for r in records) and any(r.reviews for r in records)
    assert any(r.statement.dsa for r in records) and any(r.account_id is None for r in records)
    actions = [a for r in records for a in r.actions]
    assert any(a.until for a in actions) and any(a.targets for a in actions)
    assert any(a.redacted_text for a in actions)


def test_the_stored_document_round_trips(store: Store, settings: Settings) -> None:
    records = decided(store, settings)
    with store.reading() as session:
        decisions = Decisions(session)
        for record in records:
            stored = session.execute(
                select(DECISIONS.c.document).where(DECISIONS.c.id == record.id)
            ).scalar_one()
            assert stored == document_of(record)
            assert record_of(stored) == record
            assert decisions.get(record.id) == record
            assert decisions.for_content(record.content_id) == record
            assert ReviewEnforcement(session).context(record.id).decision == record
        by_id = sorted(records, key=lambda r: r.id)  # one decision time: the id orders them
        assert [r.decision for r in decisions_between(session, None, None)] == by_id
        assert [s.decision for s in decisions.stored()] == by_id


def test_a_rerun_returns_the_record_first_stored(store: Store, settings: Settings) -> None:
    first = decided(store, settings)
    assert decided(store, settings) == first


def test_export_of_a_round_tripped_record_is_the_same(store: Store, settings: Settings) -> None:
    decided(store, settings)
    policy = load_policy()
    with store.reading() as session:
        reported = list(decisions_between(session, None, None))
    for step in statements.steps(store, None, None):
        read_back = record_of(document_of(step.record.decision))
        again = replace(step, record=replace(step.record, decision=read_back))
        assert statements.build(again, policy, ["DE"]) == statements.build(step, policy, ["DE"])
    assert any(r.decision.actions for r in reported)


def _signal(start: int, part: str = "text") -> Signal:
    return Signal(
        SignalKind.PII, "US_SSN", Location(start, start + 11, part), 0.95, "us_ssn", "1.0", "***"
    )


def test_a_small_record_is_shown_unchanged(store: Store, settings: Settings) -> None:
    record = decided(store, settings)[0]
    assert shown(record, 100) is record


def test_a_large_record_lists_the_first_signals_of_each_part_and_counts_the_rest(
    store: Store, settings: Settings
) -> None:
    record = decided(store, settings)[0]
    signals = tuple(_signal(i * 16) for i in range(250)) + tuple(
        _signal(i * 16, "attachment:0") for i in range(3)
    )
    big = replace(record, violations=(replace(record.violations[0], signals=signals),))
    capped = shown(big, 100)
    (only,) = capped.violations
    assert len(only.signals) == 103 and only.signals_omitted == (("text", 150),)
    assert capped.id == big.id and len(big.violations[0].signals) == 253  # the original is kept
    document = document_of(capped)
    assert document["violations"][0]["signals_omitted"] == {"text": 150}
    assert record_of(document) == capped
