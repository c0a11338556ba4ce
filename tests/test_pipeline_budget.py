"""A content that spends its detection budget: decided on what was found, sent to review, and
never stored as "redacted" text that a cut-short scan could not redact."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from redline.content import Content
from redline.decide import load_policy
from redline.enforce import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record import Store
from redline.record.decisions import document_of
from redline.settings import Settings
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

T0 = datetime(2026, 12, 5, 12, tzinfo=UTC)
DENSE = "ssn 123-45-6789 " * 200


def _moderate(settings: Settings, content: Content) -> tuple[dict, dict]:
    store = Store.open(settings)
    try:
        sources = default_sources(settings)
        mod = Moderator(
            store,
            load_policy(),
            load_profile("strict"),
            sources,
            retention=settings.retention,
            clock=lambda: T0,
        )
        document = document_of(mod.moderate(content).record)
        with store.reading() as session:
            row = session.execute(
                text("SELECT retention, text, failures FROM contents WHERE id = :id"),
                {"id": content.id},
            ).one()
    finally:
        store.close()
    failures = json.loads(row.failures) if isinstance(row.failures, str) else row.failures
    return document, {"retention": row.retention, "text": row.text, "failures": failures}


def test_a_spent_budget_sends_to_review_with_what_was_found(settings: Settings) -> None:
    document, row = _moderate(
        replace(settings, detect_max_findings=20), Content("dense", DENSE, "u1")
    )
    assert {v["rule"] for v in document["violations"]} == {"privacy.ssn.full"}
    found = sum(len(v["signals"]) for v in document["violations"])
    assert 0 < found <= 20
    assert document["needs_review"]
    assert any("detector_budget" in r["reason"] for r in document["reviews"])
    assert any(f["detector"] == "detector_budget" for f in row["failures"])
    # the scan stopped early: most SSNs were never seen, so no text is kept as "redacted"
    assert (row["retention"], row["text"]) == ("none", None)


def test_the_same_content_within_budget_is_decided_and_redacted(settings: Settings) -> None:
    document, row = _moderate(settings, Content("dense", DENSE, "u1"))
    assert sum(len(v["signals"]) for v in document["violations"]) == 200
    assert not document["reviews"]
    assert row["retention"] == "redacted"
    assert "6789" not in row["text"]


@pytest.mark.parametrize("retention", ["raw", "none"])
def test_other_retentions_are_kept_as_chosen(settings: Settings, retention: str) -> None:
    chosen = replace(settings, detect_max_findings=20, retention=retention)
    _, row = _moderate(chosen, Content("dense", DENSE, "u1"))
    assert row["retention"] == retention
    assert row["text"] == (DENSE if retention == "raw" else None)
