"""The audit checkpoint key: an Ed25519 key pair the operator keeps apart from the store.

Whoever can write the database can rewrite the whole chain (recompute every hash, move the
head); only a signature made with a key they do not hold tells the rewritten chain from the
real one. So the private key must never be where the database is: ``redline audit keygen``
refuses to write it into the data directory, creates it 0600, and loading refuses a key file
inside the data directory or readable by others (as ssh does). The public key can be copied
anywhere; verifying needs only it.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from redline.errors import ConfigError
from redline.record.secrets import refuse_inside_data
from redline.settings import Settings

__all__ = ["generate", "key_id", "load_private", "load_public", "public_path"]

_WHY = "whoever copies or writes the store would hold the key that proves it was not rewritten"


def public_path(private: Path) -> Path:
    """Where ``keygen`` writes the public half: beside the private key, ``.pub`` added."""
    return private.with_name(private.name + ".pub")


def key_id(public: Ed25519PublicKey) -> str:
    """A short public name of a key (a hash of its raw bytes): printed in every checkpoint."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def generate(path: Path, settings: Settings, *, name: str = "--output") -> Path:
    """Create a new key pair; return the public key's path.

    The private key goes to ``path`` (0600, never overwritten), the public key beside it.

    Raises:
        ConfigError: ``path`` is inside the data directory, or a file is already there.
    """
    refuse_inside_data(settings, path, name, _WHY)
    public = public_path(path)
    for target in (path, public):
        if target.exists():
            raise ConfigError(f"{name}: {target} exists; Redline never overwrites a key")
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as error:
        raise ConfigError(f"{name}: cannot create {path} ({error.strerror})") from None
    with os.fdopen(fd, "wb") as out:
        out.write(pem)
    public.write_bytes(
        key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
    )
    return public


def _read(path: Path, name: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise ConfigError(f"{name}: cannot read {path} ({error.strerror})") from None


def load_private(path: Path, settings: Settings, *, name: str = "--key") -> Ed25519PrivateKey:
    """The signing key at ``path``.

    Raises:
        ConfigError: inside the data directory, readable by group or others, unreadable, or
            not an Ed25519 private key in PEM.
    """
    refuse_inside_data(settings, path, name, _WHY)
    data = _read(path, name)
    if os.name == "posix" and path.stat().st_mode & 0o077:
        raise ConfigError(f"{name}: {path} is readable by others; `chmod 600 {path}`")
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(f"{name}: {path} is not an Ed25519 private key (PEM, unencrypted)")
    return key


def load_public(path: Path, *, name: str = "--public-key") -> Ed25519PublicKey:
    """The public key at ``path`` (PEM), to verify checkpoints with.

    Raises:
        ConfigError: unreadable, or not an Ed25519 public key in PEM.
    """
    data = _read(path, name)
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigError(f"{name}: {path} is not an Ed25519 public key (PEM)")
    return key
