"""Attachments are extracted once per content: by ``moderate`` and by ``redline scan``.

The PII scan and the bank matcher both read every attachment's text; the pipeline (and ``scan``)
extracts the parts once and hands them to both. Counted here by wrapping the one function that
reads a file, on a store that holds a bank, so that both readers run.
"""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

import redline.extract.documents as documents
from redline.cli.main import build_app
from redline.content import Attachment, Content
from redline.decide import load_policy
from redline.enforce import load_profile
from redline.pipeline import Moderator, default_sources
from redline.record import Store
from redline.record.banks import Banks
from redline.settings import Settings
from tests.detect.banks.corpus import DOSSIER, excerpt
from tests.extract.files import make_pdf
from tests.store_fixtures import HASH_KEY, pg_url, settings

__all__ = ["pg_url", "settings"]
T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)
PAGES = [excerpt(200, 150), "Candidate SSN 078-05-1120"]


@pytest.fixture
def store(settings: Settings):
    opened = Store.open(settings)
    with opened.transaction() as session:
        banks = Banks(session)
        banks.create_bank("leaks", ["hacked_material"], now=T0)
        banks.add_document("leaks", DOSSIER.encode(), "marsh.txt", now=T0)
    yield opened
    opened.close()


@pytest.fixture
def extractions(monkeypatch) -> list[str]:
    """The media type of every file extraction, in order."""
    seen: list[str] = []
    real = documents.extract_document

    def counted(data: bytes, media_type: str, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        seen.append(media_type)
        return real(data, media_type, *args, **kwargs)

    monkeypatch.setattr(documents, "extract_document", counted)
    return seen


def test_moderate_extracts_each_attachment_once(
    store: Store, settings: Settings, extractions: list[str]
) -> None:
    sources = default_sources(settings, store)
    assert [s.name for s in sources] == ["pii", "banks"]  # both read the attachments
    moderator = Moderator(store, load_policy(), load_profile("strict"), sources, clock=lambda: T0)
    pdf = Attachment(make_pdf(PAGES), "application/pdf")
    record = moderator.moderate(Content("m1", "see attached", "u1", attachments=(pdf,))).record
    found = {s.kind.value for v in record.violations for s in v.signals}
    assert found == {"pii", "bank_match"}  # both readers saw the attachment's text
    assert extractions == ["application/pdf"]


def test_scan_extracts_each_attachment_once(
    store: Store, settings: Settings, extractions: list[str], tmp_path
) -> None:
    data = base64.b64encode(make_pdf(PAGES)).decode()
    record = {"id": "s1", "text": "see attached", "attachments": [
        {"filename": "memo.pdf", "media_type": "application/pdf", "data": data}]}  # fmt: skip
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n")
    env = {"REDLINE_HOME": str(settings.home), "REDLINE_HASH_KEY": HASH_KEY}
    if settings.database_url:
        env["REDLINE_DATABASE_URL"] = settings.database_url
    done = CliRunner().invoke(build_app(), ["scan", str(path)], env=env)
    assert done.exit_code == 0, done.output
    (line,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert line["findings"] and line["matches"]  # both readers saw the attachment's text
    assert extractions == ["application/pdf"]
