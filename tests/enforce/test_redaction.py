"""Redaction: typed masks shared with request_redaction, and files with the data truly removed."""

from __future__ import annotations

import io
import re
import zipfile

import pytest

from redline.detect.pii import detect_pii
from redline.enforce.redaction import redact
from redline.enforce.redaction.files import redact_file
from redline.errors import InputError
from redline.extract.documents import extract_document
from tests.extract.files import make_docx, make_pdf
from tests.extract.hostile import replace_member
from tests.extract.images import needs_ocr
from tests.extract.pdfs import composite_font_pdf, form_xobject_pdf, quote_operator_pdf

SSN, PHONE, EMAIL, ADDRESS = (
    "123-45-6789",
    "415-555-2671",
    "jane.doe@example.com",
    "1520 Oak Ridge Dr",
)
VALUES = (SSN, PHONE, EMAIL, ADDRESS)


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_layers(data: bytes) -> list[bytes]:
    """The file's bytes and every stream in it, decompressed (read independently of redline)."""
    from pypdf import PdfReader
    from pypdf.generic import StreamObject

    reader = PdfReader(io.BytesIO(data))
    layers = [data]
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(number)
        except Exception:
            continue
        if isinstance(obj, StreamObject):
            layers.append(obj.get_data())
    return layers


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def assert_pdf_clean(data: bytes, values: tuple[str, ...]) -> None:
    text = squash(pypdf_text(data))
    layers = pdf_layers(data)
    for value in values:
        assert squash(value) not in text, value
        for layer in layers:
            assert value.encode() not in layer
            assert value.encode("utf-16-be") not in layer


def test_request_redaction_text_is_the_file_redaction_of_the_same_text() -> None:
    text = f"Leaked: SSN {SSN}, lives at {ADDRESS}, mail {EMAIL}. Call {PHONE}."
    offered = redact(text, detect_pii(text))
    redacted = redact_file(text.encode(), "text/plain")
    assert offered == redacted.data.decode()
    assert offered == "Leaked: SSN [SSN], lives at [ADDRESS], mail [EMAIL]. Call [PHONE]."


def test_text_report_lists_what_and_where_by_masked_form_only() -> None:
    text = f"SSN {SSN} and {PHONE}"
    done = redact_file(text.encode(), filename="note.txt")
    report = done.report
    assert report["counts"] == {"PHONE_NUMBER": 1, "US_SSN": 1}
    first = report["redactions"][0]
    assert (first["entity"], first["mask"], first["start"], first["end"]) == (
        "US_SSN",
        "[SSN]",
        4,
        15,
    )
    assert first["masked"] == "***-**-6789"
    assert report["verified"]["findings_left"] == 0
    assert not any(v in str(report) for v in (SSN, PHONE))


def test_entities_limit_what_is_redacted_and_unknown_ones_are_refused() -> None:
    done = redact_file(f"SSN {SSN} call {PHONE}".encode(), entities=["PHONE_NUMBER"])
    assert done.data.decode() == f"SSN {SSN} call [PHONE]"
    with pytest.raises(InputError, match="no typed mask") as unknown:
        redact_file(b"x", entities=["NOPE"])
    assert unknown.value.field == "entities"
    with pytest.raises(InputError, match="plain text, DOCX and PDF"):
        redact_file(b"<html><body>x</body></html>")


def test_simple_pdf_text_is_removed_not_covered() -> None:
    original = make_pdf([f"SSN {SSN} at {ADDRESS}, call {PHONE}", f"page two {EMAIL} end"])
    done = redact_file(original)
    assert_pdf_clean(done.data, VALUES)
    text = pypdf_text(done.data)
    assert "SSN" in text and "call" in text and "page two" in text and "end" in text
    where = {(r["entity"], r["page"]) for r in done.report["redactions"]}
    assert where == {
        ("US_SSN", 1),
        ("STREET_ADDRESS", 1),
        ("PHONE_NUMBER", 1),
        ("EMAIL_ADDRESS", 2),
    }
    box = done.report["redactions"][0]["boxes"][0]
    assert box[0] < box[2] and box[1] < box[3] and 690 < box[1] < 710  # on the line at y=700
    from pypdf import PdfReader

    content = PdfReader(io.BytesIO(done.data)).pages[0].get_contents().get_data()
    assert content.count(b" re\nf") == 3  # a box drawn over each gap


def test_composite_font_with_kerning_and_annotation() -> None:
    original = composite_font_pdf(
        ["Candidate file", f"SSN {SSN}", f"Tel {PHONE} ok"], annotation=f"SSN {SSN}"
    )
    assert SSN in extract_document(original).text  # two-byte codes: readable, not raw-searchable
    done = redact_file(original)
    assert_pdf_clean(done.data, (SSN, PHONE))
    assert "Candidate file" in pypdf_text(done.data) and "ok" in pypdf_text(done.data)
    assert any("annotations dropped" in n for n in done.report["notes"])


def test_text_inside_a_form_xobject_and_quote_operators() -> None:
    done = redact_file(form_xobject_pdf(f"call {PHONE}", f"SSN {SSN} home"))
    assert_pdf_clean(done.data, (SSN, PHONE))
    assert "home" in pypdf_text(done.data)
    done = redact_file(
        quote_operator_pdf(["first line", f"SSN {SSN}", f"call ({PHONE[:3]}) {PHONE[4:]} now"])
    )
    assert_pdf_clean(done.data, (SSN, PHONE[4:]))
    assert "first line" in pypdf_text(done.data) and "now" in pypdf_text(done.data)


def test_pdf_that_cannot_be_rewritten_is_refused_not_half_redacted() -> None:
    with pytest.raises(InputError, match="cannot be redacted"):
        redact_file(form_xobject_pdf(f"call {PHONE}", f"SSN {SSN}", form_filter=b"hex"))


def test_encrypted_and_malformed_pdfs_are_refused() -> None:
    from tests.extract.files import encrypt_pdf

    with pytest.raises(InputError, match="encrypted"):
        redact_file(encrypt_pdf(make_pdf([f"SSN {SSN}"])))
    with pytest.raises(InputError, match="malformed"):
        redact_file(make_pdf(["a"])[:200])


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_docx_split_runs_headers_deletions_and_link_targets() -> None:
    base = make_docx(["placeholder"])
    body = (
        f"<w:document {W}><w:body>"
        "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>SSN </w:t></w:r><w:r><w:t>123-4</w:t></w:r>"
        "<w:r><w:rPr><w:i/></w:rPr><w:t>5-6789</w:t></w:r>"
        '<w:r><w:t xml:space="preserve"> end</w:t></w:r></w:p>'
        f"<w:p><w:del><w:r><w:delText>old number {PHONE}</w:delText></w:r></w:del></w:p>"
        f"<w:p><w:r><w:t>write to {EMAIL} please</w:t></w:r></w:p>"
        "</w:body></w:document>"
    ).encode()
    data = replace_member(base, "word/document.xml", body)
    rels = (
        '<?xml version="1.0"?><Relationships'
        ' xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId99" Type="http://x/hyperlink" Target="mailto:{EMAIL}"'
        ' TargetMode="External"/>'
        "</Relationships>"
    ).encode()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for name in names:
            dst.writestr(name, rels if name == "word/_rels/document.xml.rels" else src.read(name))
        dst.writestr(
            "word/header1.xml",
            f"<w:hdr {W}><w:p><w:r><w:t>Home: {ADDRESS}</w:t></w:r></w:p></w:hdr>",
        )
    done = redact_file(out.getvalue())
    text = extract_document(done.data).text
    assert "SSN [SSN] end" in text.splitlines()
    assert "old number [PHONE]" in text and "write to [EMAIL] please" in text
    assert "Home: [ADDRESS]" in text
    with zipfile.ZipFile(io.BytesIO(done.data)) as zf:
        for name in zf.namelist():
            member = zf.read(name)
            for value in VALUES:
                assert value.encode() not in member, (name, value)
        document = zf.read("word/document.xml")
    assert b"<w:b/>" in document and b"<w:i/>" in document  # run formatting kept
    assert any("further occurrences" in n for n in done.report["notes"])
    parts = {r["part"] for r in done.report["redactions"]}
    assert parts == {"word/document.xml", "word/header1.xml"}


def test_a_datum_only_pypdfs_text_shows_is_still_found_and_removed() -> None:
    from redline.detect.pii import PiiOptions
    from redline.enforce.redaction.pdf import redact_pdf
    from tests.extract.hostile import one_page_pdf

    # The last four digits are raised (Ts): the glyph walk starts a new line there, pypdf does not.
    data = one_page_pdf(b"BT /F1 10 Tf 72 700 Td (SSN 123-45-) Tj 6 Ts (6789) Tj 0 Ts ( ok) Tj ET")

    def strict(text: str, part: str) -> list:  # a detector that never reads across a line break
        found = detect_pii(text, PiiOptions(part=part))
        return [s for s in found if "\n" not in text[s.start : s.end]]

    out, cuts, _, removed = redact_pdf(data, strict, None)
    assert [c.cut.mask for c in cuts] == ["[SSN]"] and removed == ["123-45-\n6789"]
    assert_pdf_clean(out, (SSN,))
    assert "ok" in pypdf_text(out)


def _scanned_pdf(lines: list[str]) -> bytes:
    from PIL import Image

    from tests.extract.images import render_text

    scan = Image.open(io.BytesIO(render_text(lines))).convert("RGB")
    out = io.BytesIO()
    scan.save(out, format="PDF")  # a page that is one picture, as a scanner makes
    return out.getvalue()


def test_a_scanned_pdf_is_reported_as_images_not_read() -> None:
    done = redact_file(_scanned_pdf(["Minutes of the board meeting"]))
    assert done.report["redacted"] == 0
    assert any("page 1 holds images" in note for note in done.report["notes"])


@needs_ocr
def test_a_scan_showing_private_data_is_refused_not_passed_as_redacted() -> None:
    # The check of the output reads the page's pixels by OCR: the SSN is still there.
    with pytest.raises(InputError, match="US_SSN"):
        redact_file(_scanned_pdf([f"SSN {SSN}"]))
