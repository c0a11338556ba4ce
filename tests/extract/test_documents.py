"""Extraction from PDF, DOCX, HTML, text and images, with the location map each format allows."""

from __future__ import annotations

import pytest

from redline.errors import InputError
from redline.extract.documents import (
    DOCX,
    HTML,
    PDF,
    TEXT,
    extract_document,
    sniff_media_type,
)
from redline.extract.limits import DocumentLimits
from redline.extract.ocr import ocr_missing, read_image
from tests.extract.files import make_docx, make_pdf
from tests.extract.hostile import replace_member
from tests.extract.images import render_text, require_ocr

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_pdf_text_with_pages() -> None:
    doc = extract_document(make_pdf(["memo page one", "SSN 123-45-6789 on page two"]))
    assert doc.media_type == PDF
    assert [p.number for p in doc.pages] == [1, 2]
    at = doc.text.index("123-45-6789")
    assert doc.page_at(at) == 2
    assert doc.page_at(0) == 1


def test_docx_reads_body_tables_and_hidden_places() -> None:
    data = make_docx(["Dear committee,", "call 415 555 2671"], table=[["name", "ssn"]])
    xml = (
        f"<w:document {W}><w:body>"
        "<w:p><w:r><w:t>split </w:t></w:r><w:r><w:t>across runs</w:t></w:r></w:p>"
        "<w:p><w:del><w:r><w:delText>deleted 123-45-6789</w:delText></w:r></w:del></w:p>"
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "</w:body></w:document>"
    ).encode()
    doc = extract_document(replace_member(data, "word/document.xml", xml))
    assert doc.media_type == DOCX
    lines = doc.text.splitlines()
    assert "split across runs" in lines  # one paragraph, however many runs
    assert "deleted 123-45-6789" in lines  # tracked deletions stay in the file, so they count
    assert "cell" in lines
    member, index, start, end = doc.blocks[0]
    assert (member, index) == ("word/document.xml", 0)
    assert doc.text[start:end] == "split across runs"


def test_docx_table_and_properties() -> None:
    doc = extract_document(make_docx(["intro"], table=[["a", "b"], ["c", "d"]]))
    assert doc.text.splitlines()[:5] == ["intro", "a", "b", "c", "d"]
    assert any(b[0] == "docProps/core.xml" for b in doc.blocks)  # author, title: a leak too


def test_html_readable_text_without_scripts_styles_or_comments() -> None:
    page = (
        b"<!doctype html><html><head><title>t</title><style>p{color:red}</style>"
        b"<script>var ssn='000-00-0000'</script></head><body><h1>Memo</h1>"
        b"<p>Lives at <b>1520 Oak Ridge Dr</b></p><!-- 111-22-3333 -->after<div>next</div>"
        b"<noscript>nojs</noscript></body></html>"
    )
    doc = extract_document(page)
    assert doc.media_type == HTML
    assert doc.text == "Memo\nLives at 1520 Oak Ridge Dr\nafter\nnext"


def test_text_and_sniffing() -> None:
    assert extract_document("café 123".encode()).text == "café 123"
    assert sniff_media_type(b"%PDF-1.7 ...", "text/plain") == PDF  # magic beats the declaration
    assert sniff_media_type(b"hello", "application/pdf") == PDF  # declared, nothing contradicts
    assert sniff_media_type(b"hello", None, "a.txt") == TEXT
    assert sniff_media_type(render_text(["x"]), None) == "image/png"
    with pytest.raises(InputError, match="not valid UTF-8"):
        extract_document(b"caf\xe9")


def test_image_without_ocr_says_it_was_not_read_or_reads_it() -> None:
    image = render_text(["Call 415 555 2671 today"])
    if ocr_missing():
        with pytest.raises(InputError, match="OCR is not installed"):
            extract_document(image)
    require_ocr()
    doc = extract_document(image)
    assert "555" in doc.text and doc.pages and doc.boxes
    box = next(b for b in doc.boxes if "2671" in doc.text[b.start : b.end])
    assert box.page == 1 and box.x1 > box.x0 and box.y1 > box.y0


def test_multi_frame_image_has_pages() -> None:
    require_ocr()
    import io

    from PIL import Image

    frames = [Image.open(io.BytesIO(render_text([line]))) for line in ("first page", "SECOND")]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    ocr = read_image(out.getvalue(), DocumentLimits())
    assert [p.number for p in ocr.pages] == [1, 2]
    assert "SECOND" in ocr.text[ocr.pages[1].start : ocr.pages[1].end]


def test_missing_ocr_skips_here_but_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    import redline.extract.ocr

    monkeypatch.setattr(redline.extract.ocr, "ocr_missing", lambda: "no tesseract (simulated)")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception, match="simulated"):
        require_ocr()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true: the OCR tests must run"):
        require_ocr()
