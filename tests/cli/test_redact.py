"""``redline redact`` as a real process on text, DOCX and PDF, with its report."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from redline.cli.returncode import ReturnCode
from redline.extract.documents import extract_document
from tests.extract.files import encrypt_pdf, make_docx, make_pdf
from tests.extract.pdfs import form_xobject_pdf

REDLINE = [sys.executable, "-m", "redline.cli.main"]
SSN, PHONE, ADDRESS = "123-45-6789", "415-555-2671", "1520 Oak Ridge Dr"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*REDLINE, *args], capture_output=True, text=True, timeout=120)


def pypdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def test_redacts_a_pdf_and_reports_where(tmp_path: Path) -> None:
    src = tmp_path / "memo.pdf"
    src.write_bytes(make_pdf(["Memo", f"SSN {SSN}, lives at {ADDRESS}"]))
    out, report = tmp_path / "memo.redacted.pdf", tmp_path / "report.json"
    done = run("redact", str(src), "--output", str(out), "--report", str(report))
    assert done.returncode == ReturnCode.OK, done.stderr
    assert "redacted 2 values (STREET_ADDRESS 1, US_SSN 1)" in done.stderr
    text = pypdf_text(out.read_bytes())
    assert SSN not in text and "Oak Ridge" not in text and "Memo" in text
    assert SSN.encode() not in out.read_bytes()
    body = json.loads(report.read_text())
    assert body["output"] == str(out) and body["media_type"] == "application/pdf"
    assert [(r["entity"], r["page"]) for r in body["redactions"]] == [
        ("US_SSN", 2), ("STREET_ADDRESS", 2),
    ]  # fmt: skip
    assert SSN not in report.read_text() and "Oak Ridge" not in report.read_text()


def test_redacts_docx_and_text_with_typed_masks(tmp_path: Path) -> None:
    docx = tmp_path / "notes.docx"
    docx.write_bytes(make_docx([f"SSN {SSN}", f"call {PHONE} now"]))
    done = run("redact", str(docx), "-o", str(tmp_path / "out.docx"))
    assert done.returncode == ReturnCode.OK, done.stderr
    text = extract_document((tmp_path / "out.docx").read_bytes()).text
    assert text.startswith("SSN [SSN]\ncall [PHONE] now")
    plain = tmp_path / "post.txt"
    plain.write_text(f"SSN {SSN} call {PHONE}")
    done = run("redact", str(plain), "-o", str(tmp_path / "out.txt"), "--entities", "us_ssn")
    assert done.returncode == ReturnCode.OK, done.stderr
    assert (tmp_path / "out.txt").read_text() == f"SSN [SSN] call {PHONE}"


def test_refusals_write_nothing(tmp_path: Path) -> None:
    cases = {
        "locked.pdf": encrypt_pdf(make_pdf([f"SSN {SSN}"])),
        "form.pdf": form_xobject_pdf("x", f"SSN {SSN}", form_filter=b"hex"),
        "page.html": b"<html><body>SSN 123-45-6789</body></html>",
    }
    for name, data in cases.items():
        src = tmp_path / name
        src.write_bytes(data)
        out = tmp_path / f"out-{name}"
        done = run("redact", str(src), "-o", str(out))
        assert done.returncode == ReturnCode.INPUT_REFUSED, (name, done.stderr)
        assert done.stderr.startswith("error: ") and "Traceback" not in done.stderr
        assert not out.exists(), name
        assert not list(tmp_path.glob(".redline-*"))
    same = tmp_path / "post.txt"
    same.write_text("x")
    done = run("redact", str(same), "-o", str(same))
    assert done.returncode == ReturnCode.INPUT_REFUSED and "never overwritten" in done.stderr
