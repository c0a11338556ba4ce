"""Build PDFs the way real producers do: composite fonts, kerning arrays, forms, compression."""

from __future__ import annotations

import zlib

from tests.extract.hostile import pdf_from_objects

_TO_UNICODE = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
    b"1 beginbfrange <0020> <007E> <0020> endbfrange\n"
    b"endcmap CMapName currentdict /CMap defineresource pop end end"
)


def _hex2(text: str) -> bytes:
    """Two-byte codes (Identity-H, code = Unicode code point here) as a PDF hex string."""
    return b"<" + "".join(f"{ord(c):04X}" for c in text).encode() + b">"


def _stream(data: bytes, extra: bytes = b"", flate: bool = True) -> bytes:
    body = zlib.compress(data) if flate else data
    filt = b" /Filter /FlateDecode" if flate else b""
    return b"<< /Length %d%s%s >>\nstream\n" % (len(body), filt, extra) + body + b"\nendstream"


def composite_font_pdf(lines: list[str], *, annotation: str | None = None) -> bytes:
    """One page, a Type0 font with two-byte codes, ToUnicode, /W widths; kerned TJ arrays.

    Each line is drawn as a TJ array split every four characters with a small kerning number, as
    word processors do, so a datum spans several strings. Optionally an annotation holds text.
    """
    ops = [b"BT /F1 11 Tf 72 720 Td 14 TL"]
    for line in lines:
        chunks = [line[i : i + 4] for i in range(0, len(line), 4)]
        ops.append(b"[" + b" -12 ".join(_hex2(c) for c in chunks) + b"] TJ T*")
    ops.append(b"ET")
    content = b"\n".join(ops)
    annots = b" /Annots [7 0 R]" if annotation else b""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >>%s >>" % annots,
        _stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Arial /Encoding /Identity-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 8 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Arial /DW 556"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        b" /W [32 [278] 45 [333] 46 [278]] >>",
        b"<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents (%s) >>"
        % (annotation or "").encode(),
        _stream(_TO_UNICODE),
    ]
    return pdf_from_objects(objects)


def form_xobject_pdf(page_text: str, form_text: str, *, form_filter: bytes = b"flate") -> bytes:
    """Text on the page and more text inside a form XObject the page draws with ``Do``."""
    page = b"BT /F1 10 Tf 72 720 Td (%s) Tj ET q 1 0 0 1 72 600 cm /X1 Do Q" % page_text.encode()
    form = b"BT /F1 10 Tf 0 0 Td (%s) Tj ET" % form_text.encode()
    if form_filter == b"hex":
        encoded = form.hex().encode() + b">"
        form_obj = (
            b"<< /Type /XObject /Subtype /Form /BBox [0 0 500 50] /Filter /ASCIIHexDecode"
            b" /Resources << /Font << /F1 6 0 R >> >> /Length %d >>\nstream\n"
            % len(encoded)
            + encoded
            + b"\nendstream"
        )
    else:
        form_obj = _stream(
            form,
            b" /Type /XObject /Subtype /Form /BBox [0 0 500 50]"
            b" /Resources << /Font << /F1 6 0 R >> >>",
        )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 6 0 R >> /XObject << /X1 5 0 R >> >> >>",
        _stream(page),
        form_obj,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 32 /LastChar 126"
        b" /Widths [%s] >>" % b" ".join([b"556"] * 95),
    ]
    return pdf_from_objects(objects)


def quote_operator_pdf(lines: list[str]) -> bytes:
    """Lines drawn with the ' and " operators (move to next line and show)."""
    ops = [b"BT /F1 10 Tf 14 TL 72 720 Td"]
    for i, line in enumerate(lines):
        safe = line.replace("(", "\\(").replace(")", "\\)").encode()
        ops.append(b"(%s) '" % safe if i % 2 == 0 else b'1 0.5 (%s) "' % safe)
    ops.append(b"ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(b"\n".join(ops), flate=False),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    return pdf_from_objects(objects)
