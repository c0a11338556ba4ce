"""A key ring as text and as bytes: how the keyed-hash secret is written down, and its id.

One key until the first ``redline keys rotate-hash``; after it, the keys oldest first (see
``detect.pii.masking.keyed_digest`` for why the old ones stay). The text of each key is the key:
it is not decoded, so a hex or base64 key from ``openssl rand`` works as written and installs
whose key was generated as 64 hex characters keep their digests.
"""

from __future__ import annotations

import hashlib
import re

from redline.errors import ConfigError

# Commas in a variable, new lines in a file: base64, hex and URL-safe tokens hold neither.
_SEPARATORS = re.compile(r"[,\r\n]+")

# Shorter keys are refused: a keyed hash is only as strong as its key is hard to guess.
MIN_KEY_CHARS = 16

KeyRing = tuple[bytes, ...]


def parse_ring(text: str, origin: str) -> KeyRing:
    """The keys in ``text`` (oldest first); ``origin`` names where it came from in errors.

    Raises:
        ConfigError: no key, or a key shorter than ``MIN_KEY_CHARS`` (its value never shown).
    """
    keys = tuple(k.strip() for k in _SEPARATORS.split(text) if k.strip())
    if not keys:
        raise ConfigError(f"the keyed-hash secret from {origin} is empty")
    for position, key in enumerate(keys, 1):
        if len(key) < MIN_KEY_CHARS:
            raise ConfigError(
                f"key {position} of the keyed-hash secret from {origin} has {len(key)}"
                f" characters; use at least {MIN_KEY_CHARS} (e.g. `openssl rand -hex 32`)"
            )
    return tuple(k.encode("utf-8") for k in keys)


def ring_text(ring: KeyRing) -> str:
    """The ring as a file holds it: one key a line, oldest first."""
    return "".join(key.decode("utf-8") + "\n" for key in ring)


def key_id(ring: KeyRing) -> str:
    """A short public name for a ring (a hash of all its keys): safe to log and audit.

    Keys are long random strings, so their hash says nothing usable about them; it only tells
    two rings apart (which ring a store's digests were last re-keyed to).
    """
    digest = hashlib.sha256(b"redline-key-id\x1f" + b"\x1f".join(ring))
    return digest.hexdigest()[:12]


def derived_key(ring: KeyRing) -> bytes:
    """The secret other keys are derived from (log marks of ids): the ring's newest key.

    Those derived keys mark nothing stored, so unlike digests they may change with a rotation.
    """
    return ring[-1]
