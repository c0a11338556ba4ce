"""``redline scan`` end to end, as a real subprocess: output shape, bad lines, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from redline.cli.returncode import ReturnCode

REDLINE = [sys.executable, "-m", "redline.cli.main"]


def run(
    args: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*REDLINE, *args], input=stdin, capture_output=True, timeout=120, env=env)


def test_scans_records_and_reports_spans(tmp_path: Path) -> None:
    text = "Leaked: SSN 123-45-6789, lives at 1520 Oak Ridge Dr"
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a1", "text": text})
        + "\n"
        + json.dumps({"id": 7, "text": "nothing here", "urls": []})
        + "\n"
    )
    out = tmp_path / "out.jsonl"
    done = run(["scan", str(src), "--output", str(out)])
    assert done.returncode == ReturnCode.OK, done.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in lines] == ["a1", 7]
    findings = lines[0]["findings"]
    assert {f["entity"] for f in findings} == {"US_SSN", "STREET_ADDRESS"}
    for f in findings:
        assert set(f) == {"entity", "start", "end", "score", "detector", "masked"}
        assert text[f["start"] : f["end"]] not in f["masked"]
    ssn = next(f for f in findings if f["entity"] == "US_SSN")
    assert text[ssn["start"] : ssn["end"]] == "123-45-6789"
    assert lines[1]["findings"] == []
    assert b"scanned 2 records" in done.stderr


def test_bad_lines_are_named_skipped_and_counted(tmp_path: Path) -> None:
    good = json.dumps({"id": 1, "text": "call (415) 555-2671"}).encode()
    lines = [
        good,
        b"not json",
        b"[1, 2]",
        b'{"id": 3}',
        b'{"id": 4, "text": 12}',
        b'{"id": 5, "text": "caf\xff"}',
        b'{"id": 6, "text": "' + b"a" * 5000 + b'"}',
        b"",
        json.dumps({"id": 8, "text": "ok"}).encode(),
    ]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"\n".join(lines) + b"\n")
    env = {"REDLINE_MAX_RECORD_BYTES": "1000", "PATH": "/usr/bin:/bin"}
    done = run(["scan", str(src)], env=env)
    assert done.returncode == ReturnCode.INPUT_REFUSED
    err = done.stderr.decode()
    assert "line 2: not JSON" in err
    assert "line 3: not a JSON object" in err
    assert "line 4: missing 'text'" in err
    assert "line 5: 'text' must be a string" in err
    assert "line 6: invalid UTF-8" in err
    assert "line 7: over the size limit of 1000 bytes" in err
    assert "5 refused" not in err and "6 refused" in err
    ids = [json.loads(x)["id"] for x in done.stdout.decode().splitlines()]
    assert ids == [1, 8]  # the rest of the file was still scanned
    assert "caf" not in err and "aaaa" not in err  # errors never quote the content


def test_reads_stdin_and_filters_entities() -> None:
    record = json.dumps({"id": "x", "text": "SSN 123-45-6789 call (415) 555-2671"})
    done = run(["scan", "-", "--entities", "PHONE_NUMBER"], stdin=record.encode())
    assert done.returncode == ReturnCode.OK
    findings = json.loads(done.stdout)["findings"]
    assert [f["entity"] for f in findings] == ["PHONE_NUMBER"]


def test_unknown_entity_and_missing_file_are_clear_errors(tmp_path: Path) -> None:
    done = run(["scan", "-", "--entities", "NOPE"], stdin=b"")
    assert done.returncode != 0 and b"unknown entities ['NOPE']" in done.stderr
    missing = run(["scan", str(tmp_path / "absent.jsonl")])
    assert missing.returncode != 0 and b"cannot read" in missing.stderr
    assert b"Traceback" not in missing.stderr


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": "x"}) + "\n" for i in range(500)))
    done = run(["scan", str(src)])
    assert done.stderr.decode().strip() == "scanned 500 records, 0 findings, 0 refused"


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    import os
    import pty

    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(
            json.dumps({"id": i, "text": f"call (415) 555-{i % 9000 + 1000:04d}"}) + "\n"
            for i in range(20000)
        )
    )
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [*REDLINE, "scan", str(src), "-o", str(tmp_path / "out.jsonl")],
            stderr=follower,
            stdout=subprocess.DEVNULL,
            timeout=300,
            env={**os.environ, "COLUMNS": "100", "TERM": "xterm"},
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    shown = b"".join(chunks).decode(errors="replace")
    assert done.returncode == 0
    assert "scanning" in shown  # the bar's label, drawn only because stderr is a terminal
    assert "scanned 20000 records" in shown


# Heavy modules a text-only ``redline scan`` without a store must never import: each is imported
# lazily, where the rare path that needs it starts (an attachment, a store, a terminal, a config
# file), because start-up is part of every batch job's wall time.
NOT_ON_THE_SCAN_PATH = (
    "redline.extract.documents",  # file readers: only once an attachment is seen
    "redline.extract.docx",
    "redline.extract.ocr",
    "redline.extract.pdf",
    "pypdf",
    "tomllib",  # only for a named settings file
    "rich",  # only for a progress bar on a terminal
    "redline.record",  # the store: only when one exists
    "sqlalchemy",
    "alembic",
    "fastapi",
    "pydantic",  # the API and policies need it, a scan does not (typer < 0.29 parses without it)
)


def test_text_only_scan_imports_no_heavy_module_and_freezes_its_startup_heap(
    tmp_path: Path,
) -> None:
    import os

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "1", "text": "call me at 415-555-0134"}) + "\n")
    out = tmp_path / "out.jsonl"
    probe = (
        "import gc, json, runpy, sys\n"
        "import redline.cli.main, redline.cli.scan_cmd\n"
        "redline.cli.main.build_app('scan')\n"
        "pydantic_on_import = 'pydantic' in sys.modules\n"
        f"sys.argv = ['redline', 'scan', {str(src)!r}, '--output', {str(out)!r}]\n"
        "try:\n"
        "    runpy.run_module('redline.cli.main', run_name='__main__', alter_sys=True)\n"
        "except SystemExit as done:\n"
        "    assert not done.code, done.code\n"
        f"heavy = {list(NOT_ON_THE_SCAN_PATH)!r}\n"
        "print(json.dumps({'loaded': [m for m in heavy if m in sys.modules],"
        " 'pydantic_on_import': pydantic_on_import,"
        " 'frozen': gc.get_freeze_count(), 'gc_enabled': gc.isenabled()}))\n"
    )
    env = {**os.environ, "REDLINE_HOME": str(tmp_path / "home")}  # no store here
    env.pop("REDLINE_DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, timeout=120, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.decode().splitlines()[-1])
    assert json.loads(out.read_text())["findings"]  # it did scan
    assert seen["loaded"] == []
    # Settings are a plain dataclass: neither the command's modules nor building the app import
    # pydantic. (Typer 0.29 itself still imports it to coerce the command's parameters at run
    # time, so "pydantic" cannot join NOT_ON_THE_SCAN_PATH until the CLI stops doing that.)
    assert not seen["pydantic_on_import"]
    # main() builds the app with the cyclic GC off, then freezes that long-lived heap so later
    # collections (and the ones at interpreter exit) skip it; the GC itself is back on.
    assert seen["frozen"] > 0 and seen["gc_enabled"]


def test_a_bad_setting_is_a_one_line_config_error(tmp_path: Path) -> None:
    import os

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "1", "text": "x"}) + "\n")
    env = {**os.environ, "REDLINE_PII_THRESHOLD": "1.5", "REDLINE_HOME": str(tmp_path / "home")}
    done = run(["scan", str(src), "-o", str(tmp_path / "out.jsonl")], env=env)
    assert done.returncode == ReturnCode.CONFIG
    assert done.stderr.decode().strip() == (
        "error: setting pii_threshold: must be within [0, 1], got 1.5"
    )


def _dense_scan(tmp_path: Path, **settings: str) -> dict:
    import os

    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d", "text": "ssn 123-45-6789 " * 300}) + "\n")
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "REDLINE_HOME": str(tmp_path / "home"), **settings}
    env.pop("REDLINE_DATABASE_URL", None)
    done = run(["scan", str(src), "--output", str(out)], env=env)
    assert done.returncode == ReturnCode.OK, done.stderr
    result: dict = json.loads(out.read_text())
    return result


def test_findings_per_part_are_capped_and_the_rest_counted(tmp_path: Path) -> None:
    result = _dense_scan(tmp_path)
    assert len(result["findings"]) == 100  # REDLINE_OUTPUT_MAX_FINDINGS
    assert result["findings_omitted"] == {"text": 200}
    assert "failures" not in result
    few = _dense_scan(tmp_path, REDLINE_OUTPUT_MAX_FINDINGS="1000")
    assert len(few["findings"]) == 300 and "findings_omitted" not in few


def test_a_scan_cut_short_by_its_budget_says_so(tmp_path: Path) -> None:
    result = _dense_scan(tmp_path, REDLINE_DETECT_MAX_FINDINGS="50")
    assert 0 < len(result["findings"]) <= 50
    assert [f["detector"] for f in result["failures"]] == ["detector_budget"]
    assert result["failures"][0]["part"] == "text"
