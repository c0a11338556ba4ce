"""JSON lines: the fast path must accept, refuse and write exactly as ``json`` does."""

from __future__ import annotations

import io
import json

import pytest

from redline.cli.jsonl import BadLine, Line, json_line, read_records, to_content
from redline.errors import RecordRefused


def records(*lines: bytes) -> list[Line | BadLine]:
    return list(read_records(io.BytesIO(b"\n".join(lines) + b"\n"), 1 << 20))


@pytest.mark.parametrize(
    "line",
    [
        b'{"id": 123456789012345678901234567890, "text": "x"}',  # beyond 64 bits: kept exact
        b'{"id": "a", "text": "x", "author_id": 98765432109876543210987}',
        b'{"id": "a", "text": "x", "score": NaN}',  # json takes NaN; orjson does not
        b'{"id": "a", "text": "\\ud800 lone surrogate"}',
        b'{"id": "a", "text": "caf\xc3\xa9 \\u00e9", "urls": []}',
    ],
)
def test_accepted_lines_read_as_the_standard_library_reads_them(line: bytes) -> None:
    (item,) = records(line)
    assert isinstance(item, Line)
    expected = json.loads(line.decode())
    assert json.dumps(item.record, sort_keys=True) == json.dumps(expected, sort_keys=True)
    assert type(item.record["id"]) is type(expected["id"])


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b'{"id": 1, "text": "x"', "not JSON (Expecting ',' delimiter at column 22)"),
        (b"\xef\xbb\xbf{}", "not JSON (Unexpected UTF-8 BOM"),
        (b'{"id": 1, "text": "\xff"}', "invalid UTF-8 at byte 19"),
        (b"[1, 2]", "not a JSON object (got list)"),
        (b'{"id": ' + b"9" * 5000 + b', "text": "x"}', "holds a number too long to read"),
    ],
)
def test_bad_lines_keep_the_standard_reasons(line: bytes, reason: str) -> None:
    (item,) = records(line)
    assert isinstance(item, BadLine)
    assert reason in str(item.error)


@pytest.mark.parametrize(
    "value",
    [
        {"id": "a", "findings": [{"entity": "US_SSN", "score": 0.95, "masked": "***-**-6789"}]},
        {"id": 123456789012345678901234567890, "findings": []},
        {"id": "é✓🙂", "matches": [], "n": 1.0, "x": None, "b": True},
    ],
)
def test_json_line_writes_what_json_writes(value: object) -> None:
    assert json_line(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("field", ["id", "author_id"])
def test_integer_ids_have_an_upper_bound(field: str) -> None:
    largest = 10**200 - 1  # 200 digits, as many as a string id may have characters
    assert to_content({"id": "a", "text": "x", field: largest})
    assert to_content({"id": "a", "text": "x", field: -largest})
    for too_big in (10**200, -(10**200)):
        with pytest.raises(RecordRefused, match=f"'{field}' must have at most 200 digits"):
            to_content({"id": "a", "text": "x", field: too_big})
