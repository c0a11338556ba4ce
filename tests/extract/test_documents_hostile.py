"""Hostile files, each built for real, refused with an error naming the limit; nothing crashes."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from redline.errors import InputError, LimitExceeded
from redline.extract.documents import DocumentLimits, extract_document
from redline.extract.ocr import read_image
from tests.extract.files import encrypt_pdf, make_pdf, zip_bomb_docx
from tests.extract.hostile import (
    deep_html,
    docx_billion_laughs,
    docx_corrupt_deflate,
    docx_deep_nesting,
    docx_encrypted_member,
    docx_lying_sizes,
    docx_unknown_compression,
    pdf_deep_page_tree,
    pdf_nested_arrays,
    pdf_slow,
    pdf_stream_bomb,
    png_pixel_bomb,
    tiff_frame_without_width,
)

CASES: dict[str, tuple[Callable[[], bytes], type[InputError], str]] = {
    "encrypted PDF": (lambda: encrypt_pdf(make_pdf(["SSN 123-45-6789"])), InputError, "encrypted"),
    "PDF stream bomb": (pdf_stream_bomb, LimitExceeded, "max_unzipped_bytes"),
    "PDF nested arrays": (pdf_nested_arrays, LimitExceeded, "max_depth"),
    "PDF deep page tree": (pdf_deep_page_tree, LimitExceeded, "max_depth"),
    "PDF too many pages": (lambda: make_pdf(["p"] * 1001), LimitExceeded, "max_pages"),
    "truncated PDF": (lambda: make_pdf(["a", "b"])[:300], InputError, "malformed PDF"),
    "DOCX zip bomb": (zip_bomb_docx, LimitExceeded, "max_unzipped_bytes"),
    "DOCX with lying sizes": (docx_lying_sizes, InputError, "malformed DOCX"),
    "DOCX billion laughs": (docx_billion_laughs, InputError, "DTD or entities"),
    "DOCX deep XML": (docx_deep_nesting, LimitExceeded, "max_depth"),
    "not a zip": (lambda: b"PK\x03\x04" + b"\x00" * 100, InputError, "malformed DOCX"),
    "deep HTML": (deep_html, LimitExceeded, "max_depth"),
    "PNG pixel bomb": (png_pixel_bomb, LimitExceeded, "max_pixels"),
    # found by the fuzzer (tests/fuzz/test_files.py): these escaped as zlib.error, RuntimeError,
    # NotImplementedError and TypeError
    "DOCX corrupt deflate": (docx_corrupt_deflate, InputError, r"malformed DOCX refused \(error\)"),
    "DOCX encrypted member": (docx_encrypted_member, InputError, "malformed DOCX"),
    "DOCX unknown compression": (docx_unknown_compression, InputError, "malformed DOCX"),
    "TIFF frame without width": (tiff_frame_without_width, InputError, "malformed image"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_hostile_file_is_refused_by_name(name: str) -> None:
    build, error, words = CASES[name]
    data = build()
    started = time.monotonic()
    with pytest.raises(error, match=words) as refused:
        extract_document(data)
    assert time.monotonic() - started < 10
    assert refused.value.field == "file"
    assert "123-45-6789" not in str(refused.value)  # the error never quotes the file


def test_pixel_bomb_is_refused_before_decoding_even_without_ocr() -> None:
    with pytest.raises(LimitExceeded, match="max_pixels"):
        read_image(png_pixel_bomb(), DocumentLimits())


def test_slow_pdf_is_stopped_by_the_time_limit() -> None:
    data = pdf_slow()
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="max_seconds"):
        extract_document(data, limits=DocumentLimits(max_seconds=0.5))
    assert time.monotonic() - started < 5  # stopped within about a page of the limit


def test_one_long_page_is_stopped_within_the_page_and_a_huge_one_before_parsing() -> None:
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="max_seconds"):
        extract_document(pdf_slow(pages=1, ops=30_000), limits=DocumentLimits(max_seconds=0.05))
    assert time.monotonic() - started < 15  # the parse of one page, then the first check
    started = time.monotonic()
    with pytest.raises(LimitExceeded, match="max_page_bytes"):
        extract_document(pdf_slow(pages=1, ops=400_000))  # 5.6 MB of operators on one page
    assert time.monotonic() - started < 5


def test_small_limits_are_named() -> None:
    with pytest.raises(LimitExceeded, match="max_bytes"):
        extract_document(b"x" * 101, limits=DocumentLimits(max_bytes=100))
    with pytest.raises(LimitExceeded, match="max_chars"):
        extract_document(b"x" * 101, limits=DocumentLimits(max_chars=100))
    with pytest.raises(LimitExceeded, match="max_pages"):
        extract_document(make_pdf(["a", "b", "c"]), limits=DocumentLimits(max_pages=2))
