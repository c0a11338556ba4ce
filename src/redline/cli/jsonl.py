"""Reading JSONL content records, one line at a time, refusing bad lines without stopping.

A batch of a million posts must not fail because line 17 is broken, and must not let a 2 GB line
exhaust memory: each line is read with a size cap, decoded strictly, parsed, and checked; a bad
line becomes a ``RecordRefused`` value naming its line number and reason, and reading goes on.
Reasons never quote the line itself, which may hold the very data we protect.

A record may carry files: ``attachments: [{"filename", "media_type", "data"}]`` with ``data`` in
standard base64. Decoding is strict (a stray character is an error naming the attachment, not a
silently shorter file); reading the file's text is left to extraction, where a hostile file becomes
an "unread" part of an accepted record rather than a refused line.
"""

from __future__ import annotations

import binascii
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO, NamedTuple

import orjson

from redline.content import Attachment, Content
from redline.errors import RecordRefused

_DRAIN_CHUNK = 1 << 20


class Line(NamedTuple):
    """One accepted JSON object and where it came from (a named tuple: one per input line)."""

    number: int
    record: dict[str, Any]
    size: int


@dataclass(frozen=True, slots=True)
class BadLine:
    """One refused line: its number, why, and how many bytes it took."""

    number: int
    error: RecordRefused
    size: int


def read_records(stream: BinaryIO, max_bytes: int) -> Iterator[Line | BadLine]:
    """Yield each non-blank line as a parsed object or a refusal; never raises for bad input."""
    number = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        size = len(raw)
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            size += _drain_line(stream)
            yield BadLine(
                number,
                RecordRefused(
                    f"line {number}: over the size limit of {max_bytes} bytes", field="line"
                ),
                size,
            )
            continue
        body = raw.rstrip(b"\r\n")
        if not body.strip():
            continue
        try:
            yield Line(number, _parse(body), size)
        except RecordRefused as refused:
            yield BadLine(
                number, RecordRefused(f"line {number}: {refused}", field=refused.field), size
            )


def _drain_line(stream: BinaryIO) -> int:
    """Skip the rest of an oversize line; return how many bytes were skipped."""
    skipped = 0
    while chunk := stream.readline(_DRAIN_CHUNK):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def _parse(body: bytes) -> dict[str, Any]:
    """The line's object; orjson (4x the standard library's speed) for the lines it reads alike.

    orjson refuses what the standard library accepts (NaN, lone surrogates) and reads integers
    beyond 64 bits as floats: those lines, and every bad one, are read again by ``json``, whose
    reasons name what is wrong, so a line is accepted or refused exactly as before.
    """
    try:
        value = orjson.loads(body)
    except orjson.JSONDecodeError:
        return _parse_slowly(body)
    if isinstance(value, dict) and not _holds_float_id(value):
        return value
    return _parse_slowly(body)


def _holds_float_id(value: dict[str, Any]) -> bool:
    return isinstance(value.get("id"), float) or isinstance(value.get("author_id"), float)


def _parse_slowly(body: bytes) -> dict[str, Any]:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as bad:
        raise RecordRefused(f"invalid UTF-8 at byte {bad.start}", field="line") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as bad:
        raise RecordRefused(f"not JSON ({bad.msg} at column {bad.colno})", field="line") from None
    except ValueError:  # an integer of thousands of digits: Python refuses to convert it
        raise RecordRefused("holds a number too long to read", field="line") from None
    if not isinstance(value, dict):
        raise RecordRefused(f"not a JSON object (got {type(value).__name__})", field="line")
    return value


_encode_exactly = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


def json_line(value: Any) -> str:
    """One compact JSON line (no newline), UTF-8 as is: orjson, else the standard library.

    orjson writes the same bytes for the values we emit, several times faster; it refuses
    integers beyond 64 bits (a record's id may be one), which ``json`` writes exactly.
    """
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return _encode_exactly(value)


def to_content(record: dict[str, Any]) -> Content:
    """Check a record's fields and build ``Content``; the error names the offending field."""
    record_id = record.get("id")
    if record_id is None:
        raise RecordRefused("missing 'id'", field="id")
    _check_id(record_id, "id")
    if "text" not in record:
        raise RecordRefused("missing 'text'", field="text")
    text = record["text"]
    if not isinstance(text, str):
        raise RecordRefused(f"'text' must be a string, not {_json_type(text)}", field="text")
    urls = record.get("urls", [])
    if urls is None:
        urls = []
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise RecordRefused("'urls' must be a list of strings", field="urls")
    author = record.get("author_id")
    if author is not None:
        _check_id(author, "author_id")
    return Content(
        id=str(record_id),
        text=text,
        author_id=None if author is None else str(author),
        urls=tuple(urls),
        attachments=to_attachments(record.get("attachments")),
    )


# An integer id has at most as many digits as a string id (the API's) has characters.
MAX_ID_DIGITS = 200


def _check_id(value: object, name: str) -> None:
    """Refuse an id that is neither a string nor an integer, or an integer of too many digits."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RecordRefused(f"'{name}' must be a string or an integer", field=name)
    if isinstance(value, int) and not -(10**MAX_ID_DIGITS) < value < 10**MAX_ID_DIGITS:
        raise RecordRefused(f"'{name}' must have at most {MAX_ID_DIGITS} digits", field=name)


def to_attachments(value: object) -> tuple[Attachment, ...]:
    """Check the ``attachments`` field and decode each file; the error names the attachment."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise RecordRefused("'attachments' must be a list of objects", field="attachments")
    out = []
    for n, item in enumerate(value):
        where = f"attachments[{n}]"
        if not isinstance(item, dict):
            raise RecordRefused(f"'{where}' must be an object", field=where)
        unknown = sorted(set(item) - {"filename", "media_type", "data"})
        if unknown:
            raise RecordRefused(f"'{where}' has unknown fields {unknown}", field=where)
        data = item.get("data")
        if not isinstance(data, str):
            raise RecordRefused(f"'{where}.data' must be a base64 string", field=f"{where}.data")
        try:
            raw = binascii.a2b_base64(data, strict_mode=True)
        except binascii.Error:
            message = f"'{where}.data' is not valid base64"
            raise RecordRefused(message, field=f"{where}.data") from None
        for key in ("filename", "media_type"):
            if item.get(key) is not None and not isinstance(item[key], str):
                raise RecordRefused(f"'{where}.{key}' must be a string", field=f"{where}.{key}")
        out.append(Attachment(raw, item.get("media_type") or "", item.get("filename")))
    return tuple(out)


def _json_type(value: object) -> str:
    names = {
        dict: "an object",
        list: "an array",
        int: "a number",
        float: "a number",
        bool: "a boolean",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)
