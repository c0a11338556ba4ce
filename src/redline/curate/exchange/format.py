"""The exchange format: one signal a line (JSON Lines), validated with the line and field named.

A signal says what to match (``kind`` and ``value``), why (``designations``), who shared it and
when (``provenance``), who may see it (``level``, the Traffic Light Protocol), until when it
holds (``expires_at``) and which revision it is (``version``: a newer one replaces an older one
of the same ``id``). docs/exchange.md is the reference; ``schema()`` is the JSON Schema that
``docs/exchange.schema.json`` holds (a test keeps the two equal).

Values are checked here, not only typed: a hash is the right number of hex digits, a URL or a
domain canonicalises, keyed fingerprints decode. A receiver learns of a bad line before anything
is written.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from redline.detect.banks.bank import EntryKind, validate_designation
from redline.detect.banks.keyed import KeyedFingerprints
from redline.detect.links.rules import rule_value
from redline.errors import RecordRefused

__all__ = [
    "FORMAT_VERSION",
    "Level",
    "Provenance",
    "SignalKind",
    "SignalLine",
    "dump_lines",
    "parse_lines",
    "schema",
]

FORMAT_VERSION = 1
MAX_LINE_BYTES = 16 * 1024 * 1024  # keyed fingerprints of a 1,000-page dossier fit
_HEX = {"sha256": 64, "text_sha256": 64, "pdq": 64, "md5": 32}
_LINKS = ("url", "url_prefix", "domain")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:/@#-]{0,199}$")


class SignalKind(StrEnum):
    """What a signal's value is, and so how a receiver matches it."""

    SHA256 = "sha256"  # of a file's bytes
    TEXT_SHA256 = "text_sha256"  # of a document's normalised text
    PDQ = "pdq"  # an image's PDQ hash, 64 hex digits
    URL = "url"  # a canonical URL
    URL_PREFIX = "url_prefix"  # a canonical URL and everything under it
    DOMAIN = "domain"  # a registrable domain and every subdomain
    EXCERPT_FINGERPRINTS = "excerpt_fingerprints"  # keyed winnowed fingerprints, base64


class Level(StrEnum):
    """Traffic Light Protocol 2.0: how far a receiver may pass a signal on (CLEAR widest)."""

    CLEAR = "TLP:CLEAR"
    GREEN = "TLP:GREEN"
    AMBER = "TLP:AMBER"
    RED = "TLP:RED"

    @property
    def rank(self) -> int:
        """0 for CLEAR up to 3 for RED: a signal goes to a key granted this rank or more."""
        return list(Level).index(self)

    @classmethod
    def parse(cls, value: str) -> Level:
        """``AMBER``, ``amber`` or ``TLP:AMBER``; ValueError otherwise."""
        text = value.strip().upper()
        text = text if text.startswith("TLP:") else f"TLP:{text}"
        try:
            return cls(text)
        except ValueError:
            raise ValueError(f"level must be one of CLEAR, GREEN, AMBER, RED: {value!r}") from None


class Provenance(BaseModel):
    """Who shared a signal, when, and why (a free note)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    platform: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    created_at: datetime
    note: str = Field(default="", max_length=2000)

    @field_validator("created_at")
    @classmethod
    def _aware(cls, v: datetime) -> datetime:
        if v.tzinfo is None:
            raise ValueError("created_at needs a time zone (e.g. 2026-12-06T04:00:00Z)")
        return v


class SignalLine(BaseModel):
    """One signal of an exchange file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: int = Field(default=FORMAT_VERSION, ge=1, le=FORMAT_VERSION)
    id: str = Field(description="stable across versions: the sender's name for this signal")
    kind: SignalKind
    value: str = Field(min_length=1, max_length=MAX_LINE_BYTES)
    key_id: str | None = Field(
        default=None, description="excerpt_fingerprints only: the exchange key that made them"
    )
    designations: tuple[str, ...] = Field(min_length=1, max_length=16)
    provenance: Provenance
    level: Level
    expires_at: datetime | None = None
    version: int = Field(ge=1)

    @model_validator(mode="before")
    @classmethod
    def _canonical_link(cls, data: Any) -> Any:
        """Links are matched in canonical form: a URL, prefix or domain is canonicalised."""
        link = isinstance(data, dict) and data.get("kind") in _LINKS
        if link and isinstance(data.get("value"), str):
            try:
                data = {**data, "value": rule_value(EntryKind(data["kind"]), data["value"])}
            except ValueError as exc:
                raise ValueError(f"value: not a valid {data['kind']}: {exc}") from None
        return data

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("id: 1-200 of letters, digits and _ . : / @ # -")
        return v

    @field_validator("designations")
    @classmethod
    def _designations(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        for d in v:
            validate_designation(d)
        return v

    @field_validator("expires_at")
    @classmethod
    def _expiry_aware(cls, v: datetime | None) -> datetime | None:
        if v is not None and v.tzinfo is None:
            raise ValueError("expires_at needs a time zone (e.g. 2027-01-01T00:00:00Z)")
        return v

    @model_validator(mode="after")
    def _value_fits_kind(self) -> SignalLine:
        kind, v = self.kind, self.value
        if kind.value in _HEX:
            if not re.fullmatch(rf"[0-9a-f]{{{_HEX[kind.value]}}}", v):
                digits = _HEX[kind.value]
                raise ValueError(f"value: a {kind.value} is {digits} lower-case hex digits")
        elif kind is SignalKind.EXCERPT_FINGERPRINTS:
            if not self.key_id or not re.fullmatch(r"[0-9a-f]{16}", self.key_id):
                raise ValueError("key_id: excerpt_fingerprints need the 16-hex-digit key id")
            try:
                found = KeyedFingerprints.from_text(v)
            except ValueError as exc:
                raise ValueError(f"value: {exc}") from None
            if found.key_id != self.key_id:
                raise ValueError("key_id: does not match the key id inside the fingerprints")
        if kind is not SignalKind.EXCERPT_FINGERPRINTS and self.key_id is not None:
            raise ValueError("key_id: only excerpt_fingerprints carry one")
        return self

    def fingerprints(self) -> KeyedFingerprints:
        """The keyed fingerprints of an ``excerpt_fingerprints`` signal."""
        return KeyedFingerprints.from_text(self.value)

    def expired(self, now: datetime) -> bool:
        """Whether the signal has stopped holding at ``now``."""
        return self.expires_at is not None and self.expires_at <= now


def _where(error: dict[str, Any]) -> str:
    loc = ".".join(str(part) for part in error.get("loc", ()))
    return loc or "line"


def parse_lines(lines: Iterable[str | bytes]) -> Iterator[SignalLine]:
    """Signals of an exchange file, in order; ``RecordRefused`` names the line and the field.

    Blank lines are skipped. The first bad line stops the parse: a caller that writes only after
    the whole file has parsed writes nothing from a bad file.
    """
    for number, raw in enumerate(lines, start=1):
        if len(raw) > MAX_LINE_BYTES:
            raise RecordRefused(f"line {number}: over {MAX_LINE_BYTES} bytes", field="line")
        try:
            text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        except UnicodeDecodeError:
            raise RecordRefused(f"line {number}: not UTF-8", field="line") from None
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise RecordRefused(f"line {number}: not JSON ({exc.msg})", field="line") from None
        if not isinstance(data, dict):
            raise RecordRefused(f"line {number}: not a JSON object", field="line")
        try:
            yield SignalLine.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            message = str(first.get("msg", "invalid")).removeprefix("Value error, ")
            where = _where(dict(first))
            if where == "line" and ": " in message:  # a check across fields names its own
                where, _, message = message.partition(": ")
            raise RecordRefused(f"line {number}: {where}: {message}", field=where) from None


def dump_lines(signals: Iterable[SignalLine]) -> Iterator[str]:
    """One JSON line (with its newline) per signal, fields in schema order, no nulls."""
    for s in signals:
        yield json.dumps(s.model_dump(mode="json", exclude_none=True), ensure_ascii=False) + "\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of one line (docs/exchange.schema.json)."""
    out = SignalLine.model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["$id"] = "https://redline.example/schemas/exchange-signal-v1.json"
    return out
