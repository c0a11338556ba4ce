"""Content to parts: text, URLs and attachments, with unreadable files as values."""

from __future__ import annotations

from redline.content import Attachment, Content
from redline.detect.parts import scan_parts
from redline.detect.pii import PiiOptions, default_scanner
from redline.extract.ocr import ocr_missing
from redline.extract.parts import content_parts
from tests.extract.files import make_docx, make_pdf, zip_bomb_docx
from tests.extract.images import render_text, require_ocr


def test_parts_of_a_content_and_what_could_not_be_read() -> None:
    content = Content(
        id="c1",
        text="see the files",
        urls=("https://example.org/a",),
        attachments=(
            Attachment(make_pdf(["cover", "SSN 123-45-6789"]), "application/pdf", "memo.pdf"),
            Attachment(zip_bomb_docx(), "application/octet-stream", "bomb.docx"),
            Attachment(b"<html><body><p>call (415) 555-2671</p></body></html>", "text/html"),
            Attachment(make_docx(["x"])[:100], "", "cut.docx"),
        ),
    )
    parts = content_parts(content)
    assert [p.name for p in parts.parts] == ["text", "url:0", "attachment:0", "attachment:2"]
    assert [(u.name, u.refused) for u in parts.unread] == [
        ("attachment:1", True),
        ("attachment:3", True),
    ]
    assert "max_unzipped_bytes" in parts.unread[0].reason
    assert parts.texts["attachment:2"] == "call (415) 555-2671"
    # no hidden cache: the pipeline reads once and shares the parts (tests/test_pipeline_extraction)
    assert content_parts(content) == parts and content_parts(content) is not parts

    signals = scan_parts(default_scanner(), parts, PiiOptions()).signals
    where = {(s.type, s.location.part, s.location.page) for s in signals}
    assert where == {("US_SSN", "attachment:0", 2), ("PHONE_NUMBER", "attachment:2", None)}


def test_an_image_is_read_by_ocr_or_named_as_unread() -> None:
    content = Content(
        id="c2", text="", attachments=(Attachment(render_text(["SSN 123-45-6789"]), "image/png"),)
    )
    parts = content_parts(content)
    if ocr_missing():
        (unread,) = parts.unread
        assert not unread.refused and "OCR is not installed" in unread.reason
    require_ocr()
    (image,) = [p for p in parts.parts if p.name == "attachment:0"]
    assert image.pages and image.boxes
    (signal,) = scan_parts(default_scanner(), parts, PiiOptions()).signals
    assert (signal.type, signal.location.part, signal.location.page) == (
        "US_SSN",
        "attachment:0",
        1,
    )
