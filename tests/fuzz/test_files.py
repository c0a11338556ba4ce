"""Fuzz every file reader (``extract/``: text, PDF, DOCX, HTML, images) with mutated real files.

Seeds are small valid files of each kind (``corpus/files``, written by ``make_corpus.py``);
each example mutates one of them: bytes flipped, set to boundary values, inserted, deleted or
duplicated, numbers (a PDF's lengths and offsets, an image's sizes) replaced by extremes, the
file truncated or spliced with another, and for DOCX also one zip member's XML mutated and the
zip rebuilt, which gets past the zip's checksums to the XML readers.

What must hold: ``extract_document`` returns a document or raises an ``InputError`` (the
project's "refused, and why": a limit, a malformed file, no OCR); nothing else escapes, and it
ends within its time limit (plus the one uninterruptible step, a page parse or an OCR call).
``content_parts`` never raises at all, and names the attachment as unread when it is refused.
"""

from __future__ import annotations

import io
import re
import time
import zipfile

from hypothesis import strategies as st

from redline.content import Attachment, Content
from redline.errors import InputError
from redline.extract.documents import DocumentLimits, extract_document
from redline.extract.parts import content_parts
from tests.fuzz.harness import Target, corpus, fuzz

SEEDS = {path.name: path.read_bytes() for path in corpus("files")}
LIMITS = DocumentLimits(max_seconds=3.0, max_pages=50, max_chars=200_000, max_pixels=4_000_000)
SLACK_SECONDS = 10.0  # one page parse or one Tesseract call past the deadline, on a busy machine
EXTREMES = [b"0", b"-1", b"1", b"255", b"65535", b"4294967296", b"99999999999999999999", b"1e308",
            b"-0", b"NaN", b"2147483648", b"3.4", b""]  # fmt: skip
BYTES = [0x00, 0xFF, 0x7F, 0x80, 0x20, 0x0A, 0x25, 0x3C, 0x3E, 0x28, 0x29, 0x2F]
_NUMBER = re.compile(rb"-?\d+(?:\.\d+)?")


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` after one to six mutations."""
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        if not buf:
            buf.extend(draw(st.binary(min_size=1, max_size=16)))
            continue
        i = draw(st.integers(0, len(buf) - 1))
        how = draw(st.integers(0, 8))
        if how == 0:
            buf[i] ^= 1 << draw(st.integers(0, 7))
        elif how == 1:
            buf[i] = draw(st.sampled_from(BYTES))
        elif how == 2:
            buf[i:i] = draw(st.binary(min_size=1, max_size=32))
        elif how == 3:
            del buf[i : i + draw(st.integers(1, 64))]
        elif how == 4:
            size = draw(st.integers(1, 128))
            buf[i:i] = buf[i : i + size] * draw(st.integers(1, 20))
        elif how == 5:
            numbers = list(_NUMBER.finditer(bytes(buf)))
            if numbers:
                found = numbers[draw(st.integers(0, len(numbers) - 1))]
                buf[found.start() : found.end()] = draw(st.sampled_from(EXTREMES))
        elif how == 6:
            del buf[i:]
        elif how == 7:
            other = SEEDS[draw(st.sampled_from(sorted(SEEDS)))]
            j = draw(st.integers(0, len(other)))
            buf[i:] = other[j:]
        else:
            buf[i : i + 4] = draw(st.binary(min_size=4, max_size=4))
    return bytes(buf)


@st.composite
def docx_members_mutated(draw: st.DrawFn) -> bytes:
    """A seed DOCX with one member's bytes mutated (or a member added), re-zipped."""
    seed = SEEDS[draw(st.sampled_from(sorted(n for n in SEEDS if n.endswith(".docx"))))]
    with zipfile.ZipFile(io.BytesIO(seed)) as zf:
        members = {info.filename: zf.read(info) for info in zf.infolist()}
    name = draw(st.sampled_from(sorted(members)) | st.sampled_from(["word/header1.xml", "x"]))
    members[name] = draw(mutated(members.get(name, b"<w:hdr/>")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for member, data in members.items():
            zf.writestr(member, data)
    return out.getvalue()


def seeded(suffixes: tuple[str, ...]) -> st.SearchStrategy[bytes]:
    """The seeds whose names end with one of ``suffixes``, as they are or mutated."""
    names = sorted(n for n in SEEDS if n.endswith(suffixes))
    return st.sampled_from(names).flatmap(lambda name: st.just(SEEDS[name]) | mutated(SEEDS[name]))


def check_document(case: tuple[bytes, str | None]) -> None:
    """A document or an InputError, within the time limit; the text within its limits."""
    data, declared = case
    began = time.monotonic()
    try:
        doc = extract_document(data, declared, limits=LIMITS)
    except InputError as error:
        assert str(error), "an error must say why"
    else:
        assert len(doc.text) <= LIMITS.max_chars
        for page in doc.pages:
            assert 0 <= page.start <= page.end <= len(doc.text), (page, len(doc.text))
        for _, _, start, end in doc.blocks:
            assert 0 <= start <= end <= len(doc.text)
    spent = time.monotonic() - began
    assert spent < LIMITS.max_seconds + SLACK_SECONDS, f"took {spent:.1f} s"


def check_parts(data: bytes) -> None:
    """``content_parts`` never raises; a refused attachment is named, never silently dropped."""
    content = Content(id="c", text="see attached", attachments=(Attachment(data, None, None),))
    parts = content_parts(content, LIMITS)
    names = [p.name for p in parts.parts] + [u.name for u in parts.unread]
    assert "attachment:0" in names
    for unread in parts.unread:  # a reader that raised something else names its type here
        assert "could not be read (" not in unread.reason, unread.reason


declared = st.none() | st.sampled_from(
    ["text/plain", "application/pdf", "text/html", "image/png", "text/plain; charset=latin-1"]
)
PDF = Target("files.pdf", st.tuples(seeded((".pdf",)), declared), check_document, batch=20)
DOCX = Target(
    "files.docx",
    st.tuples(seeded((".docx",)) | docx_members_mutated(), declared),
    check_document,
    batch=20,
)
HTML_TEXT = Target(
    "files.html_text", st.tuples(seeded((".html", ".txt")), declared), check_document, batch=50
)
IMAGES = Target(
    "files.images",
    st.tuples(seeded((".png", ".gif", ".bmp", ".jpg", ".tiff", ".webp")), declared),
    check_document,
    batch=5,
)
PARTS = Target("files.content_parts", seeded(("",)), check_parts, batch=10)


def test_pdf_reader_refuses_only_with_input_error() -> None:
    assert fuzz(PDF) > 0


def test_docx_reader_refuses_only_with_input_error() -> None:
    assert fuzz(DOCX) > 0


def test_html_and_text_readers_refuse_only_with_input_error() -> None:
    assert fuzz(HTML_TEXT) > 0


def test_image_reader_refuses_only_with_input_error() -> None:
    assert fuzz(IMAGES) > 0


def test_content_parts_never_raise() -> None:
    assert fuzz(PARTS) > 0
