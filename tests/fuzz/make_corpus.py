"""Write the file readers' seed corpus (``tests/fuzz/corpus/files``): small, valid files.

The mutation fuzzer starts from real files of every kind Redline reads, built by the same helpers
the extract tests use, each holding a little synthetic private data; mutating a valid file reaches
far deeper into a parser than random bytes do. The files are committed (a few KB each, so a run
needs no generator and a failure can be replayed from the same bytes); rerun this to rebuild them:

    python -m tests.fuzz.make_corpus
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from tests.extract.files import make_docx, make_pdf
from tests.extract.images import render_text
from tests.extract.pdfs import composite_font_pdf, form_xobject_pdf, quote_operator_pdf

FOLDER = Path(__file__).parent / "corpus" / "files"
LINES = ["SSN 078-05-1120", "cell (415) 555-2671"]
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def small_docx() -> bytes:
    """A DOCX of the four parts a reader needs, a few hundred bytes: mutations reach the XML."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'
        "<w:p><w:r><w:t>SSN 078-05-1120</w:t></w:r><w:r><w:tab/><w:t>home</w:t></w:r></w:p>"
        "<w:p><w:r><w:delText>cell (415) 555-2671</w:delText></w:r></w:p>"
        "</w:body></w:document>"
    )
    footer = f"<w:ftr {W}><w:p><w:r><w:t>42 Maple Avenue</w:t></w:r><w:br/></w:p></w:ftr>"
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
        'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:creator>jane.doe@example.com</dc:creator></cp:coreProperties>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", document)
        zf.writestr("word/footer1.xml", footer)
        zf.writestr("docProps/core.xml", core)
    return out.getvalue()


def seeds() -> dict[str, bytes]:
    """Every seed file by name; the suffix says what it is."""
    html = (
        "<!doctype html><html><head><title>t</title><script>var x='555-2671'</script></head>"
        "<body><h1>Dossier</h1><p>SSN 078-05-1120<br>cell (415) 555-2671</p>"
        "<table><tr><td>42 Maple Avenue</td></tr></table><!-- c --></body></html>"
    )
    return {
        "text.txt": ("\n".join(LINES) + "\nemail jane.doe@example.com\n").encode(),
        "one-page.pdf": make_pdf(LINES[:1]),
        "two-pages.pdf": make_pdf(LINES),
        "composite-font.pdf": composite_font_pdf(LINES, annotation="note 078-05-1120"),
        "form-xobject.pdf": form_xobject_pdf("page 078-05-1120", "form (415) 555-2671"),
        "quote-operator.pdf": quote_operator_pdf(LINES),
        "small.docx": small_docx(),
        "python-docx.docx": make_docx(LINES, table=[["name", "ssn"], ["J", "078-05-1120"]]),
        "page.html": html.encode(),
        "image.png": render_text(LINES[:1], size=20),
        "image.gif": render_text(LINES[:1], size=20, fmt="GIF"),
        "image.bmp": render_text(["078-05-1120"], size=16, fmt="BMP"),
        "image.jpg": render_text(LINES[:1], size=20, fmt="JPEG"),
        "image.tiff": render_text(LINES[:1], size=20, fmt="TIFF"),
        "image.webp": render_text(LINES[:1], size=20, fmt="WEBP"),
    }


def main() -> None:
    """Rewrite every seed file."""
    FOLDER.mkdir(parents=True, exist_ok=True)
    for name, data in seeds().items():
        (FOLDER / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
