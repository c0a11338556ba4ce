"""Background samples on SQLite and PostgreSQL: stored as counts, merged into every snapshot."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from redline.content import Attachment, Content
from redline.curate.banks import BankFile, Banks
from redline.errors import Conflict, InputError, NotFound
from redline.record import Store, verify
from redline.record.banks.background import BackgroundSamples
from redline.record.banks.tables import BANK_BACKGROUND
from redline.settings import Settings
from tests.extract.images import needs_ocr, render_text
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

T0 = datetime(2026, 12, 1, 12, tzinfo=UTC)
FORMULA = (
    "Per our call last week, the research desk will circulate the revised budget and the"
    " vendor list by Friday; please route questions to the front office before Monday."
)
MEMO = (
    "INTERNAL MEMORANDUM\n\n" + FORMULA + "\n\nDaniel Marsh moved $412,880 from Harbor Holdings"
    " to a trust in Reno on 3 March, and the filing lists a second owner at 1418 Alder Crest"
    " Road that the campaign never disclosed."
)


@pytest.fixture
def store(settings: Settings):  # type: ignore[no-untyped-def]
    opened = Store.open(settings)
    with opened.transaction() as session:
        banks = Banks(session)
        banks.create_bank("leak", ["hacked_material"], added_by="analyst", now=T0)
        banks.add_files("leak", [BankFile("memo.txt", MEMO.encode())], added_by="analyst", now=T0)
    yield opened
    opened.close()


def scores(store: Store, text: str) -> list[float]:
    with store.reading() as session:
        snapshot = Banks(session).snapshot()
    return [m.score for m in snapshot.match_text(text).matches]


def test_a_sample_makes_the_house_formula_ordinary(store: Store) -> None:
    assert scores(store, FORMULA) and min(scores(store, FORMULA)) >= 0.5
    published = [f"Newsletter {i}. {FORMULA} See you there." for i in range(10)]
    with store.transaction() as session:
        sample = BackgroundSamples(session).add(
            "newsletters", [*published, "An unrelated note."], added_by="analyst", now=T0
        )
    assert sample.texts == 11
    assert scores(store, FORMULA) == []  # now house style: nothing reported
    quote = MEMO[-200:]
    assert scores(store, quote) and min(scores(store, quote)) >= 0.8  # the leak still matches


def test_samples_keep_counts_not_text_and_are_audited(store: Store) -> None:
    with store.transaction() as session:
        BackgroundSamples(session).add("sample", [FORMULA], source="press", added_by="a", now=T0)
    with store.reading() as session:
        (blob,) = session.execute(select(BANK_BACKGROUND.c.model)).one()
        listed = BackgroundSamples(session).list()
        assert verify(session).ok
    assert b"research desk" not in bytes(blob) and b"researchdesk" not in bytes(blob)
    assert [(s.name, s.texts, s.source) for s in listed] == [("sample", 1, "press")]
    with store.transaction() as session:
        BackgroundSamples(session).remove("sample", actor="a", now=T0)
        assert BackgroundSamples(session).list() == []
        assert BackgroundSamples(session).model() is None


def test_bad_samples_change_nothing(store: Store) -> None:
    with store.transaction() as session:
        samples = BackgroundSamples(session)
        samples.add("one", [FORMULA], now=T0)
        with pytest.raises(Conflict):
            samples.add("one", ["other"], now=T0)
        with pytest.raises(InputError):
            samples.add("empty", [], now=T0)
        with pytest.raises(InputError):
            samples.add("", ["x"], now=T0)
        with pytest.raises(NotFound):
            samples.remove("missing")
    with store.reading() as session:
        assert [s.name for s in BackgroundSamples(session).list()] == ["one"]


@needs_ocr
def test_a_screenshot_of_the_memo_matches_it(store: Store) -> None:
    lines = [MEMO[-170:-85], MEMO[-85:]]
    with store.reading() as session:
        snapshot = Banks(session).snapshot()
    image = render_text(lines)
    hits = snapshot.scan_content(
        Content("p", "look at this", attachments=(Attachment(image, "image/png"),))
    ).hits
    assert [(h.entry, h.location.part) for h in hits] == [("memo", "attachment:0")]

    from PIL import Image

    pdf = io.BytesIO()
    Image.open(io.BytesIO(image)).convert("RGB").save(pdf, format="PDF")
    scanned = Content("q", "", attachments=(Attachment(pdf.getvalue(), "application/pdf"),))
    (hit,) = snapshot.scan_content(scanned).hits
    assert (hit.entry, hit.location.part, hit.location.page) == ("memo", "attachment:0", 1)
