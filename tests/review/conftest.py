"""Fixtures for the review services: a store on each database and a moderated reference case."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from redline.content import Content
from redline.decide import load_policy
from redline.detect.finding import Signal
from redline.enforce import load_profile
from redline.pipeline import Moderator
from redline.record import Store
from redline.record.decisions import document_of
from redline.review.rulebook import Rulebook
from redline.settings import Settings
from tests.signal_fakes import REFERENCE_TEXT, REFERENCE_URL, at, bank, reference_signals
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)
LOW_ADDRESS = "Meet me near 12 Birch Lane, Dover, DE 19901 tonight"


class Fixed:
    """Hand-built signals by text: the reference post, a low-confidence address, a full SSN."""

    name = "fixed"
    version = "1"

    def detect(self, content: Content) -> list[Signal]:
        text = content.text
        if text == REFERENCE_TEXT:
            return reference_signals(text)
        if text.startswith("Link only"):
            return [bank("hacked_material"), bank("foreign_state_operation")]
        if text == LOW_ADDRESS:
            return [at(text, "12 Birch Lane, Dover, DE 19901", "STREET_ADDRESS", score=0.55)]
        if "078-05-1120" in text:
            return [at(text, "078-05-1120", "US_SSN", score=0.95)]
        return []


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    opened = Store.open(settings)
    yield opened
    opened.close()


@pytest.fixture
def rulebook() -> Rulebook:
    return Rulebook()


def moderate(store: Store, content: Content, when: datetime, profile: str = "strict") -> dict:
    """Moderate one content at a fixed time; return the stored decision document."""
    moderator = Moderator(
        store, load_policy(), load_profile(profile), [Fixed()], clock=lambda: when
    )
    return document_of(moderator.moderate(content).record)


def post(content_id: str, author: str | None = "u1", text: str = REFERENCE_TEXT) -> Content:
    urls = (REFERENCE_URL,) if text in (REFERENCE_TEXT,) or text.startswith("Link only") else ()
    return Content(
        content_id, text, author_id=author, urls=urls, created_at=T0 - timedelta(hours=1)
    )
