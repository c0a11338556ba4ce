"""Build hostile files in memory: bombs, deep nesting, entity expansion, lying headers."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections.abc import Callable

from tests.extract.files import make_docx, pdf_from_objects


def one_page_pdf(stream: bytes, *, flate: bool = False) -> bytes:
    """One page drawn by ``stream`` with Helvetica as /F1."""
    body = zlib.compress(stream, 9) if flate else stream
    filt = b" /Filter /FlateDecode" if flate else b""
    return pdf_from_objects(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d%s >>\nstream\n" % (len(body), filt) + body + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def pdf_stream_bomb(mib: int = 200) -> bytes:
    """A page whose content stream is ~200 KB deflated and ``mib`` MiB inflated."""
    return one_page_pdf(b" " * (mib * 1024 * 1024), flate=True)


def pdf_nested_arrays(depth: int = 5000) -> bytes:
    """A content stream whose TJ operand nests ``depth`` arrays deep."""
    return one_page_pdf(
        b"BT /F1 10 Tf 20 700 Td " + b"[" * depth + b"(x)" + b"]" * depth + b" TJ ET"
    )


def pdf_deep_page_tree(depth: int = 3000) -> bytes:
    """A page tree of ``depth`` /Pages nodes, each the only kid of the one above."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    objects += [b"<< /Type /Pages /Kids [%d 0 R] /Count 1 >>" % (3 + i) for i in range(depth)]
    objects.append(b"<< /Type /Page /MediaBox [0 0 612 792] >>")
    return pdf_from_objects(objects)


def pdf_slow(pages: int = 300, ops: int = 3000) -> bytes:
    """Many pages of many tiny text runs: slow to walk, cheap to build."""
    stream = b"BT /F1 10 Tf " + b"1 0 Td (a) Tj " * ops + b"ET"
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (kids, pages)]  # fmt: skip
    content = 3 + pages
    font = content + 1
    for _ in range(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (content, font)
        )
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf_from_objects(objects)


def replace_member(docx: bytes, name: str, data: bytes) -> bytes:
    """The DOCX with one member's bytes replaced."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == name else src.read(info))
    return out.getvalue()


def docx_billion_laughs() -> bytes:
    """A DOCX whose document.xml declares nested entities (the "billion laughs")."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    return replace_member(make_docx(["x"]), "word/document.xml", xml.encode())


def docx_deep_nesting(depth: int = 20000) -> bytes:
    """A DOCX whose document.xml nests ``depth`` elements."""
    xml = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>" + "<w:sdt>" * depth + "</w:sdt>" * depth + "</w:body></w:document>"
    )
    return replace_member(make_docx(["x"]), "word/document.xml", xml.encode())


def docx_lying_sizes(mib: int = 50) -> bytes:
    """A DOCX whose document.xml header claims 1 KB but inflates to ``mib`` MiB."""
    real = make_docx(["x"])
    body = b"<w:t>" + b"a" * (mib * 1024 * 1024) + b"</w:t>"
    bombed = replace_member(real, "word/document.xml", body)
    # Patch the declared uncompressed size of document.xml in both headers to 1024.
    out = bytearray(bombed)
    name = b"word/document.xml"
    for sig, size_at in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        start = 0
        while (i := out.find(sig, start)) >= 0:
            name_len_at = 28 if sig == b"PK\x01\x02" else 26
            n = struct.unpack_from("<H", out, i + name_len_at)[0]
            head = 46 if sig == b"PK\x01\x02" else 30
            if out[i + head : i + head + n] == name:
                struct.pack_into("<I", out, i + size_at, 1024)
            start = i + 4
    return bytes(out)


def png_pixel_bomb(side: int = 100_000) -> bytes:
    """A few-hundred-byte PNG whose header says ``side`` x ``side`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (side + 1) * 4)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def deep_html(depth: int = 100_000) -> bytes:
    """An HTML page nested ``depth`` divs deep."""
    return b"<html><body>" + b"<div>" * depth + b"deep" + b"</div>" * depth + b"</body></html>"


# Found by the fuzzer (tests/fuzz/test_files.py): each raised past the readers' guards.
def _patch_member_headers(
    docx: bytes, name: bytes, patch: Callable[[bytearray, int], None]
) -> bytes:
    """Apply ``patch(buffer, header_start)`` to both zip headers of member ``name``."""
    out = bytearray(docx)
    for sig, head, name_len_at in ((b"PK\x01\x02", 46, 28), (b"PK\x03\x04", 30, 26)):
        start = 0
        while (i := out.find(sig, start)) >= 0:
            n = struct.unpack_from("<H", out, i + name_len_at)[0]
            if out[i + head : i + head + n] == name:
                patch(out, i if sig == b"PK\x03\x04" else i + 2)  # central: 2 bytes further
            start = i + 4
    return bytes(out)


def docx_corrupt_deflate() -> bytes:
    """A DOCX whose document.xml deflate stream is garbage (zlib.error, before any CRC check)."""
    out = bytearray(make_docx(["x"]))
    with zipfile.ZipFile(io.BytesIO(bytes(out))) as zf:
        info = zf.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    out[start : start + 8] = b"\xff" * 8
    return bytes(out)


def docx_encrypted_member() -> bytes:
    """A DOCX whose document.xml says it is encrypted (zipfile: RuntimeError, no password)."""

    def flag(out: bytearray, at: int) -> None:
        out[at + 6] |= 0x01  # general purpose flag, bit 0: encrypted

    return _patch_member_headers(make_docx(["x"]), b"word/document.xml", flag)


def docx_unknown_compression() -> bytes:
    """A DOCX whose document.xml names compression method 99 (NotImplementedError)."""

    def method(out: bytearray, at: int) -> None:
        struct.pack_into("<H", out, at + 8, 99)

    return _patch_member_headers(make_docx(["x"]), b"word/document.xml", method)


def tiff_frame_without_width() -> bytes:
    """A two-frame TIFF whose second frame has no width tag (Pillow: TypeError on seek)."""
    from PIL import Image

    frames = [Image.new("L", (40, 20), 255), Image.new("L", (40, 20), 0)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    data = bytearray(out.getvalue())
    first = struct.unpack_from("<I", data, 4)[0]
    count = struct.unpack_from("<H", data, first)[0]
    second = struct.unpack_from("<I", data, first + 2 + 12 * count)[0]
    for i in range(struct.unpack_from("<H", data, second)[0]):
        entry = second + 2 + 12 * i
        if struct.unpack_from("<H", data, entry)[0] == 256:  # ImageWidth
            struct.pack_into("<H", data, entry, 0xFFF0)
    return bytes(data)
