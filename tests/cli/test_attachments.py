"""Attachments in content records: scanned by ``redline scan`` and ``redline moderate``."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path

from redline.cli.returncode import ReturnCode
from tests.cli.test_moderate import redline
from tests.extract.files import make_docx, make_pdf, zip_bomb_docx
from tests.extract.images import render_text
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

REDLINE = [sys.executable, "-m", "redline.cli.main"]


def attachment(data: bytes, filename: str, media_type: str = "") -> dict[str, str]:
    return {"filename": filename, "media_type": media_type, "data": base64.b64encode(data).decode()}


def write(path: Path, records: list[object]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records))
    return path


def test_scan_finds_pii_on_the_page_of_each_attachment_and_survives_hostile_files(
    tmp_path: Path,
) -> None:
    memo = make_pdf(["Campaign memo, page one", "Candidate SSN 123-45-6789"])
    notes = make_docx(["Call the donor at (415) 555-2671"])
    records = [
        {"id": "a", "text": "see attached", "attachments": [attachment(memo, "memo.pdf")]},
        {
            "id": "b",
            "text": "two files",
            "attachments": [
                attachment(zip_bomb_docx(), "bomb.docx"),
                attachment(b"%PDF-1.4 broken", "broken.pdf"),
                attachment(notes, "notes.docx"),
            ],
        },
        {"id": "c", "text": "bad base64", "attachments": [{"data": "***"}]},
        {"id": "d", "text": "SSN 078-05-1120 in the text"},
    ]
    src = write(tmp_path / "in.jsonl", records)
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDLINE_")}
    env["REDLINE_HOME"] = str(tmp_path / "home")
    done = subprocess.run([*REDLINE, "scan", str(src)], capture_output=True, env=env, timeout=300)
    assert done.returncode == ReturnCode.INPUT_REFUSED, done.stderr  # hostile files were refused
    lines = {r["id"]: r for r in map(json.loads, done.stdout.decode().splitlines())}
    assert set(lines) == {"a", "b", "d"}  # the batch went on past every bad file and line
    (ssn,) = lines["a"]["findings"]
    assert (ssn["entity"], ssn["part"], ssn["page"], ssn["masked"]) == (
        "US_SSN", "attachment:0", 2, "***-**-6789",
    )  # fmt: skip
    assert "unread" not in lines["a"]
    unread = {u["part"]: u["reason"] for u in lines["b"]["unread"]}
    assert "max_unzipped_bytes" in unread["attachment:0"]
    assert "malformed PDF" in unread["attachment:1"]
    (phone,) = lines["b"]["findings"]
    assert (phone["entity"], phone["part"]) == ("PHONE_NUMBER", "attachment:2")
    assert "page" not in phone  # DOCX has no pages
    assert lines["d"]["findings"][0].get("part") is None  # findings in the text keep their shape
    err = done.stderr.decode()
    assert "line 3: 'attachments[0].data' is not valid base64" in err
    assert "4 attachments, 2 not read (2 refused as unsafe)" in err
    assert b"123-45-6789" not in done.stdout + done.stderr


def test_scan_says_images_were_not_read_without_ocr(tmp_path: Path) -> None:
    image = render_text(["SSN 123-45-6789"])
    src = write(tmp_path / "in.jsonl", [
        {"id": 1, "text": "screenshot", "attachments": [attachment(image, "shot.png")]},
    ])  # fmt: skip
    env = {"PATH": "/nonexistent", "REDLINE_HOME": str(tmp_path / "home")}  # no tesseract here
    done = subprocess.run([*REDLINE, "scan", str(src)], capture_output=True, env=env, timeout=120)
    assert done.returncode == ReturnCode.OK, done.stderr  # not read is not refused
    (line,) = [json.loads(x) for x in done.stdout.decode().splitlines()]
    assert (
        line["unread"] == [{"part": "attachment:0", "reason": line["unread"][0]["reason"]}]
        and "OCR is not installed" in line["unread"][0]["reason"]
    )


def test_moderate_decides_on_attachments_and_sends_unreadable_ones_to_review(
    settings, tmp_path: Path
) -> None:
    memo = make_pdf(["Cover page", "Home: 42 Maple Avenue, Springfield, IL 62704. SSN 078-05-1120"])
    src = write(tmp_path / "posts.jsonl", [
        {"id": "m1", "author_id": "u1", "text": "the dossier", "attachments": [
            attachment(memo, "dossier.pdf", "application/pdf")]},
        {"id": "m2", "author_id": "u2", "text": "another file", "attachments": [
            attachment(zip_bomb_docx(), "dossier.docx")]},
        {"id": "m3", "author_id": "u3", "text": "Polls open at 7am."},
    ])  # fmt: skip
    done = redline(settings, "moderate", str(src), "--profile", "strict", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = {r["id"]: r for r in map(json.loads, done.stdout.splitlines())}
    assert set(lines) == {"m1", "m2", "m3"}
    signals = [s for v in lines["m1"]["violations"] for s in v["signals"]]
    assert signals and all(s["part"] == "attachment:0" and s["page"] == 2 for s in signals)
    assert {s["type"] for s in signals} >= {"US_SSN"}
    assert "078-05-1120" not in done.stdout
    show = redline(settings, "decision", "show", lines["m2"]["decision_id"], cwd=tmp_path)
    assert show.returncode == 0, show.stderr
    document = show.stdout
    assert "detector failed: extract" in document  # the unread file is sent to review
    assert not lines["m3"]["violations"]
    # ... and moderate opened the cases, as the HTTP API does: the unread file's, and the full
    # SSN's (the default pack sends critical severity to people); the clean post has none
    assert "2 sent to human review" in done.stderr
    queue = redline(settings, "case", "queue", cwd=tmp_path)
    assert queue.returncode == 0, queue.stderr
    assert lines["m2"]["decision_id"] in queue.stdout
    assert lines["m1"]["decision_id"] in queue.stdout
    assert lines["m3"]["decision_id"] not in queue.stdout
    again = redline(settings, "moderate", str(src), "--profile", "strict", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    requeue = redline(settings, "case", "queue", cwd=tmp_path)
    assert requeue.stdout.count(lines["m2"]["decision_id"]) == 1  # the rerun opens no second
