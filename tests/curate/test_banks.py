"""The banks service on SQLite and PostgreSQL: create, add all-or-nothing, show, match, flood."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import func, select

from redline.content import Attachment, Content
from redline.curate.banks import BankFile, Banks
from redline.errors import Conflict, InputError, LimitExceeded, NotFound
from redline.extract.documents import DocumentLimits
from redline.record import Store, verify
from redline.record.banks.tables import BANK_ENTRIES, BANKS
from redline.settings import Settings
from tests.detect.banks.corpus import DOSSIER, PRESS_RELEASE, SAME_TOPIC, excerpt, ocr_noise
from tests.extract.files import encrypt_pdf, make_docx, make_pdf, zip_bomb_docx

T0 = datetime(2026, 11, 1, 12, tzinfo=UTC)


def picture(seed: int = 1, size: int = 256) -> bytes:
    """A PNG with smooth structure (like a photo), enough for a reliable PDQ hash."""
    from PIL import Image, ImageDraw

    rng = np.random.default_rng(seed)
    blocks = rng.integers(0, 255, (12, 12, 3), dtype=np.uint8)
    image = Image.fromarray(blocks).resize((size, size), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = (int(v) for v in rng.integers(0, size - 56, 2))
        colour = tuple(int(v) for v in rng.integers(0, 255, 3))
        draw.ellipse([x, y, x + 50, y + 40], fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def jpeg_copy(png: bytes, size: int = 200) -> bytes:
    from PIL import Image

    with Image.open(io.BytesIO(png)) as image:
        out = io.BytesIO()
        image.convert("RGB").resize((size, size)).save(out, format="JPEG", quality=60)
    return out.getvalue()


@pytest.fixture
def store(settings: Settings):
    s = Store.open(settings)
    yield s
    s.close()


def leaks(store: Store) -> None:
    with store.transaction() as session:
        Banks(session).create_bank(
            "leaks",
            ["hacked_material", "foreign_state_operation"],
            source="campaign notification",
            note="dossier circulated 2026-10",
            added_by="analyst@platform",
            now=T0,
        )


def count_entries(store: Store) -> int:
    with store.reading() as session:
        return int(session.execute(select(func.count()).select_from(BANK_ENTRIES)).scalar_one())


def test_create_list_show_and_provenance(store: Store) -> None:
    leaks(store)
    with store.transaction() as session:
        banks = Banks(session)
        banks.add_document("leaks", DOSSIER.encode(), "marsh-dossier.txt", added_by="a", now=T0)
        banks.add_url("leaks", "https://WWW.Leaks.example/dossier/?utm_source=x", now=T0)
        banks.add_domain("leaks", "mirror.example", name="mirror", now=T0)
    with store.reading() as session:
        listing = Banks(session).list_banks()
        view = Banks(session).show_bank("leaks")
    assert [s.bank.name for s in listing] == ["leaks"]
    assert listing[0].entries == 3
    assert listing[0].kinds == {"document": 1, "url": 1, "domain": 1}
    shown = view.to_dict()
    assert shown["designations"] == ["hacked_material", "foreign_state_operation"]
    assert shown["source"] == "campaign notification"
    assert shown["added_by"] == "analyst@platform"
    assert shown["added_at"] == T0.isoformat()
    assert [e["name"] for e in shown["entries"]] == [
        "marsh-dossier",
        "leaks.example/dossier",
        "mirror",
    ]
    doc = shown["entries"][0]
    assert doc["kind"] == "document" and len(doc["sha256"]) == 64 and doc["added_by"] == "a"
    assert "text" not in doc and DOSSIER[:40] not in str(shown)
    assert shown["entries"][2]["value"] == "mirror.example"


def test_name_conflicts_and_unknown_banks(store: Store) -> None:
    leaks(store)
    with pytest.raises(Conflict), store.transaction() as session:
        Banks(session).create_bank("leaks", ["hacked_material"])
    with pytest.raises(InputError), store.transaction() as session:
        Banks(session).create_bank("no designation", [])
    with pytest.raises(InputError), store.transaction() as session:
        Banks(session).create_bank("ok", ["Not Lower Snake"])
    with pytest.raises(NotFound), store.transaction() as session:
        Banks(session).add_url("nope", "https://a.example/x")
    with store.transaction() as session:
        Banks(session).add_document("leaks", DOSSIER.encode(), "dossier.txt")
    with pytest.raises(Conflict), store.transaction() as session:
        Banks(session).add_document("leaks", b"another text entirely, long enough", "dossier.md")
    with pytest.raises(NotFound), store.transaction() as session:
        Banks(session).remove_entry("leaks", "missing")


@pytest.mark.parametrize(
    ("bad", "limit"),
    [
        (lambda: encrypt_pdf(make_pdf(["secret page"])), False),
        (lambda: b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage", False),
        (lambda: zip_bomb_docx(150), True),
        (lambda: b"x" * 2048, True),  # over the 1 KiB limit set below
        (lambda: b"\x89PNG\r\n\x1a\n not really a png", False),
        (lambda: b"caf\xff\xfe text", False),
    ],
    ids=["encrypted-pdf", "malformed-pdf", "zip-bomb-docx", "oversize", "broken-image", "not-utf8"],
)
def test_a_bad_file_refuses_the_whole_batch(store: Store, bad, limit: bool) -> None:
    leaks(store)
    max_bytes = 1024 if bad().startswith(b"x") else DocumentLimits().max_bytes
    files = [
        BankFile("good.txt", b"A perfectly readable note about nothing much at all."),
        BankFile("bad.bin", bad()),
    ]
    with store.reading() as session:
        before = verify(session).events
    with pytest.raises(InputError) as refused, store.transaction() as session:
        Banks(session, limits=DocumentLimits(max_bytes=max_bytes)).add_files("leaks", files)
    assert "bad.bin" in str(refused.value)
    assert isinstance(refused.value, LimitExceeded) is limit
    assert count_entries(store) == 0
    with store.reading() as session:
        assert verify(session).events == before


def test_pdf_docx_html_and_image_entries_and_their_matches(store: Store) -> None:
    leaks(store)
    body = DOSSIER.split("\n\n", 1)[1]
    png = picture()
    with store.transaction() as session:
        added = Banks(session).add_files(
            "leaks",
            [
                BankFile("memo.pdf", make_pdf([body[:300], body[300:]])),
                BankFile("notes.docx", make_docx(body.split("\n"))),
                BankFile("page.html", f"<html><body><p>{body}</p></body></html>".encode()),
                BankFile("photo.png", png, name="front-page"),
            ],
            added_by="analyst",
            now=T0,
        )
    assert [(e.name, e.kind.value) for e in added] == [
        ("memo", "document"),
        ("notes", "document"),
        ("page", "document"),
        ("front-page", "image"),
    ]
    with store.reading() as session:
        snap = Banks(session).snapshot()
    post = Content(
        "p1",
        "Wow, read this: " + ocr_noise(excerpt(40, 140), 0.03),
        attachments=(Attachment(jpeg_copy(png), "image/jpeg"),),
    )
    hits = snap.scan_content(post).hits
    docs = {h.entry for h in hits if h.kind == "document"}
    assert docs == {"notes", "page"} | ({"memo"} & docs)
    image = next(h for h in hits if h.kind == "image")
    assert image.entry == "front-page" and image.location.part == "attachment:0"
    assert image.rule == "pdq" and 0 < image.distance <= 31
    assert "distance" in image.explanation
    text_hit = next(h for h in hits if h.entry == "page")
    assert text_hit.rule == "excerpt" and text_hit.location.part == "text"
    assert "identity" in text_hit.explanation
    assert snap.scan_content(Content("p2", SAME_TOPIC)).hits == []


def test_links_expansions_and_negative_banks(store: Store) -> None:
    leaks(store)
    with store.transaction() as session:
        banks = Banks(session)
        banks.add_url("leaks", "https://leaks.example/dossier", name="dossier-link")
        banks.add_url("leaks", "https://files.example/drop/", name="drop", prefix=True)
        banks.add_domain("leaks", "mirror.example")
        banks.add_expansion("https://bit.ly/abc", "https://leaks.example/dossier?utm_medium=x")
        banks.add_document("leaks", DOSSIER.encode(), "dossier.txt")
        banks.create_bank("press", [], negative=True, note="published by the campaign itself")
        banks.add_document("press", PRESS_RELEASE.encode(), "release.txt")
    with store.reading() as session:
        snap = Banks(session).snapshot()
    text = "see hxxps://cdn.mirror[.]example/x and bit.ly/abc, https://files.example/drop/a.pdf"
    hits = snap.scan_content(Content("p", text, urls=("http://m.leaks.example/dossier/",))).hits
    found = {(h.entry, h.rule, h.location.part) for h in hits}
    assert ("mirror.example", "domain", "text") in found
    assert ("dossier-link", "exact_url", "text") in found  # through the known expansion
    assert ("drop", "url_prefix", "text") in found
    assert ("dossier-link", "exact_url", "url:0") in found
    via = next(h for h in hits if h.entry == "dossier-link" and h.location.part == "text")
    assert "bit.ly/abc -> leaks.example/dossier" in via.explanation
    # the press release is also in the dossier: quoting only it is suppressed by the negative bank
    assert snap.scan_content(Content("q", "As stated: " + PRESS_RELEASE)).hits == []
    assert snap.scan_content(Content("r", excerpt(0, 150))).hits


def test_remove_entry_and_audit_chain(store: Store) -> None:
    leaks(store)
    with store.transaction() as session:
        Banks(session).add_url("leaks", "https://leaks.example/dossier", name="d", now=T0)
    with store.transaction() as session:
        Banks(session).remove_entry("leaks", "d", actor="analyst", now=T0)
    assert count_entries(store) == 0
    with store.reading() as session:
        report = verify(session)
        kinds = [
            r
            for (r,) in session.exec_driver_sql("SELECT kind FROM audit_events ORDER BY seq").all()
        ]
        assert session.execute(select(func.count()).select_from(BANKS)).scalar_one() == 1
    assert report.ok and kinds == ["bank.created", "bank.entries_added", "bank.entry_removed"]


def test_flood_guard_holds_a_jumping_entry_and_a_person_releases_it(store: Store) -> None:
    leaks(store)
    with store.transaction() as session:
        Banks(session).add_url("leaks", "https://leaks.example/d", name="d", now=T0)
    key = [("leaks", "d")]
    # a quiet history: two matches an hour for ten hours
    for hour in range(1, 11):
        for _ in range(2):
            with store.transaction() as session:
                assert Banks(session).observe(key, T0 + timedelta(hours=hour)) == []
    flood = T0 + timedelta(hours=11, minutes=5)
    held = []
    for _ in range(40):
        with store.transaction() as session:
            held = Banks(session).observe(key, flood)
        if held:
            break
    assert held and held[0].entry == "d" and "flood guard" in held[0].reason
    with store.transaction() as session:
        banks = Banks(session)
        assert banks.observe(key, flood) == held  # stays held
        assert banks.show_bank("leaks").entries[0].held == held[0].reason
        banks.release("leaks", "d", actor="moderator", now=flood)
        assert banks.held() == {}
        with pytest.raises(NotFound):
            banks.release("leaks", "d", actor="moderator", now=flood)
    with store.reading() as session:
        assert verify(session).ok


def test_a_new_entry_is_not_held_however_busy(store: Store) -> None:
    leaks(store)
    with store.transaction() as session:
        Banks(session).add_url("leaks", "https://leaks.example/d", name="d", now=T0)
    for _ in range(60):
        with store.transaction() as session:
            assert Banks(session).observe([("leaks", "d")], T0 + timedelta(minutes=30)) == []
