"""Signed checkpoints of the chain's head, and where they are kept (sinks).

A checkpoint says "store S had N events, the last hashing to H, at time T", signed with the
operator's Ed25519 key (``signing``). Kept where a database writer cannot reach, it pins the
chain: a chain rewritten after it (hashes recomputed, head moved) no longer holds H at N, and a
truncated one no longer reaches N. ``redline audit verify --checkpoints DIR`` checks both.

The signed message is the canonical JSON of the checkpoint's fields with ``format`` in it, so a
signature can never be replayed as another kind of statement. A sink publishes a signed
checkpoint somewhere; ``DirectorySink`` writes one file per checkpoint. Others (a JetStream
subject, a transparency log) implement the same ``publish`` (docs/security.md).
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from sqlalchemy import select
from sqlalchemy.engine import Connection

from redline.errors import ConfigError, StoreError
from redline.record.audit.chain import Pin, canonical
from redline.record.audit.signing import key_id
from redline.record.audit.tables import AUDIT_HEAD

__all__ = [
    "FORMAT",
    "Checkpoint",
    "CheckpointSink",
    "DirectorySink",
    "Reading",
    "SignedCheckpoint",
    "current",
    "read_directory",
    "sign",
]

FORMAT = "redline.audit.checkpoint/1"
_SUFFIX = ".checkpoint.json"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    """The chain's head at one moment: which store, how many events, the last hash, when."""

    store: str
    seq: int
    head: str
    at: str

    def message(self) -> bytes:
        """The bytes signed: the canonical JSON of every field, with the format's name."""
        fields = {"store": self.store, "seq": self.seq, "head": self.head, "at": self.at}
        return canonical({"format": FORMAT, **fields}).encode()


@dataclass(frozen=True, slots=True)
class SignedCheckpoint:
    """A checkpoint, the id of the key that signed it, and the signature (base64)."""

    checkpoint: Checkpoint
    key: str
    signature: str

    def to_json(self) -> str:
        """The checkpoint file's text."""
        c = self.checkpoint
        body = {
            "format": FORMAT,
            "store": c.store,
            "seq": c.seq,
            "head": c.head,
            "at": c.at,
            "key": self.key,
            "signature": self.signature,
        }
        return json.dumps(body, indent=2, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> SignedCheckpoint:
        """Parse a checkpoint file.

        Raises:
            ValueError: not a checkpoint of this format.
        """
        body: Any = json.loads(text)
        if not isinstance(body, dict) or body.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        try:
            checkpoint = Checkpoint(
                str(body["store"]), int(body["seq"]), str(body["head"]), str(body["at"])
            )
            return cls(checkpoint, str(body["key"]), str(body["signature"]))
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"a field is missing or malformed ({error})") from None

    def valid(self, public: Ed25519PublicKey) -> bool:
        """Whether ``public`` verifies the signature over this checkpoint."""
        try:
            signature = base64.b64decode(self.signature, validate=True)
            public.verify(signature, self.checkpoint.message())
        except (InvalidSignature, binascii.Error, ValueError):
            return False
        return True


def sign(checkpoint: Checkpoint, private: Ed25519PrivateKey) -> SignedCheckpoint:
    """Sign a checkpoint."""
    signature = base64.b64encode(private.sign(checkpoint.message())).decode()
    return SignedCheckpoint(checkpoint, key_id(private.public_key()), signature)


def current(session: Connection, at: str) -> Checkpoint:
    """The chain's head as stored now, as an unsigned checkpoint.

    Raises:
        StoreError: the head row or the store's identity is missing.
    """
    row = session.execute(
        select(AUDIT_HEAD.c.seq, AUDIT_HEAD.c.hash, AUDIT_HEAD.c.store_id)
    ).one_or_none()
    if row is None or not row.store_id:
        raise StoreError("the audit chain has no head row or no store id (`redline audit verify`)")
    return Checkpoint(row.store_id, row.seq, row.hash, at)


def store_identity(session: Connection) -> str | None:
    """The store's identity (a random id made when its audit chain got checkpoints)."""
    return session.execute(select(AUDIT_HEAD.c.store_id)).scalar_one_or_none()


class CheckpointSink(Protocol):
    """Somewhere signed checkpoints are published, out of a database writer's reach."""

    def publish(self, signed: SignedCheckpoint) -> str:
        """Publish one checkpoint; say where it went (a path, a subject and sequence)."""


class DirectorySink:
    """One file per checkpoint in a directory the operator chooses (not the data directory)."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def path_for(self, checkpoint: Checkpoint) -> Path:
        """The file a checkpoint goes to: by store and sequence, so names sort by age."""
        return self.directory / f"{checkpoint.store}-{checkpoint.seq:012d}{_SUFFIX}"

    def publish(self, signed: SignedCheckpoint) -> str:
        """Write the checkpoint atomically (a reader never sees half a file); its path."""
        self.directory.mkdir(parents=True, exist_ok=True)
        target = self.path_for(signed.checkpoint)
        fd, draft = tempfile.mkstemp(dir=self.directory, prefix=".checkpoint-")
        try:
            with os.fdopen(fd, "w") as out:
                out.write(signed.to_json())
                out.flush()
                os.fsync(out.fileno())
            os.replace(draft, target)
        finally:
            if os.path.exists(draft):
                os.unlink(draft)
        return str(target)


@dataclass(frozen=True, slots=True)
class Reading:
    """The checkpoints of one store found in a directory, and what was wrong with the others."""

    pins: tuple[Pin, ...]
    problems: tuple[str, ...]
    other_stores: int

    @property
    def newest(self) -> Pin | None:
        """The checkpoint with the highest sequence number, if any."""
        return max(self.pins, key=lambda p: p.seq, default=None)


def read_directory(
    directory: Path, public: Ed25519PublicKey, store: str | None, *, newest_only: bool = False
) -> Reading:
    """Every checkpoint file in ``directory``, checked with ``public``, for store ``store``.

    A file that does not parse or whose signature fails is a problem (someone put it there);
    a valid checkpoint of another store is counted and left out; two valid checkpoints of this
    store that disagree about one event prove the chain was forked. ``newest_only`` stops at
    the newest valid checkpoint of the store (files are named by sequence number): what signing
    the next one needs, at a cost that does not grow with the directory.

    Raises:
        ConfigError: the directory cannot be read.
    """
    try:
        names = sorted(
            (p for p in directory.iterdir() if p.name.endswith(_SUFFIX)), reverse=newest_only
        )
    except OSError as error:
        raise ConfigError(f"--checkpoints: cannot read {directory} ({error.strerror})") from None
    pins: dict[int, Pin] = {}
    problems: list[str] = []
    others = 0
    for path in names:
        try:
            signed = SignedCheckpoint.from_json(path.read_text())
        except (OSError, ValueError) as error:
            problems.append(f"checkpoint {path.name} is unreadable: {error}")
            continue
        if not signed.valid(public):
            problems.append(
                f"checkpoint {path.name} is not signed by the public key given: forged, or made"
                " with another key"
            )
            continue
        c = signed.checkpoint
        if c.store != store:
            others += 1
            continue
        label = f"checkpoint {path.name} (signed {c.at})"
        seen = pins.get(c.seq)
        if seen is not None and seen.hash != c.head:
            problems.append(f"{label} and {seen.label} disagree about event {c.seq}: a fork")
        pins[c.seq] = Pin(c.seq, c.head, label)
        if newest_only:
            break
    return Reading(tuple(sorted(pins.values(), key=lambda p: p.seq)), tuple(problems), others)
