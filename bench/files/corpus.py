"""Synthetic leaked files for the files benchmark: PDFs and images of generated PII text.

Records come from the PII benchmark's generator (``bench.pii.generate``, fixed seed), so every
private value on a page or an image is known. PDFs are built directly (no PDF library needed to
write them): Helvetica with a width table, one record a paragraph, lines wrapped at word
boundaries, content streams deflated, as a word processor's export would be. Images are the same
text drawn with Pillow at screenshot-like size.
"""

from __future__ import annotations

import io
import textwrap
import zlib
from dataclasses import dataclass, field
from typing import Any

from bench.pii.generate import generate

LINES_PER_PAGE = 48
WRAP = 96


@dataclass
class Page:
    """The lines drawn on one page or image, and the gold private values on it."""

    lines: list[str] = field(default_factory=list)
    gold: list[tuple[str, str]] = field(default_factory=list)


def _printable(text: str) -> str:
    """What Helvetica/WinAnsi can draw: other characters become '?' (same length, spans kept)."""
    return text.encode("cp1252", errors="replace").decode("cp1252")


def pages(
    seed: int, n_pages: int, lines_per_page: int = LINES_PER_PAGE, wrap: int = WRAP
) -> list[Page]:
    """``n_pages`` pages of wrapped records with the private values each holds."""
    out: list[Page] = [Page()]
    records = generate(seed, n_pages * lines_per_page)
    for record in records:
        text = _printable(record["text"])
        gold = [(g["entity"], text[g["start"] : g["end"]]) for g in record["gold"]]
        lines = [w for part in text.split("\n") for w in textwrap.wrap(part, wrap) or [""]]
        if len(out[-1].lines) + len(lines) + 1 > lines_per_page:
            if len(out) == n_pages:
                break
            out.append(Page())
        out[-1].lines.extend([*lines, ""])
        out[-1].gold.extend(gold)
    return out


def _escape(line: str) -> bytes:
    raw = line.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def make_pdf(doc: list[Page]) -> bytes:
    """A PDF with one page per ``Page``: 9 pt Helvetica, 14 pt leading, deflated streams."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    font_id = 3
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding"
        b" /FirstChar 32 /LastChar 255 /Widths [%s] >>" % b" ".join([b"556"] * 224)
    )
    kids = []
    for page in doc:
        ops = [b"BT /F1 9 Tf 14 TL 50 760 Td"]
        ops.extend(b"(%s) Tj T*" % _escape(line) for line in page.lines)
        ops.append(b"ET")
        body = zlib.compress(b"\n".join(ops))
        objects.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(body) + body
                       + b"\nendstream")  # fmt: skip
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R"
            b" /Resources << /Font << /F1 %d 0 R >> >> >>" % (content_id, font_id)
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    out = io.BytesIO()
    out.write(b"%PDF-1.5\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % off for off in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))  # fmt: skip
    return out.getvalue()


def render_image(page: Page, size: int = 26) -> bytes:
    """The page's lines as a PNG screenshot (Pillow's built-in font, black on white)."""
    from PIL import Image, ImageDraw, ImageFont

    font: Any = ImageFont.load_default(size=size)
    lines = page.lines or [""]
    width = max(int(font.getlength(line)) for line in lines) + 2 * size
    step = int(size * 1.5)
    image = Image.new("L", (max(width, 100), (len(lines) + 1) * step), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((size, size // 2 + i * step), line, fill=0, font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
