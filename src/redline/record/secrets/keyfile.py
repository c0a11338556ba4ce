"""The secret for keyed hashes of private values: from settings, or generated once per data dir.

Digests link the same phone number across posts (and to an author's registered own data) without
storing it, which only works if every process of one installation uses the same key. When the
operator sets none, the first process creates one in the data directory (mode 0600, created
exclusively so two processes starting at once agree on a single key).
"""

from __future__ import annotations

import os
import secrets

from redline.errors import ConfigError
from redline.settings import Settings

KEY_FILE = "hash.key"


def hash_key(settings: Settings) -> bytes:
    """The keyed-hash secret for this installation."""
    if settings.hash_key:
        return settings.hash_key.encode("utf-8")
    path = settings.home / KEY_FILE
    if not path.exists():
        settings.home.mkdir(parents=True, exist_ok=True)
        # Written aside, then linked into place: link fails if the name exists, so the first
        # process wins and nobody ever reads a half-written key.
        draft = settings.home / f".{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_hex(32))
            out.flush()
            os.fsync(out.fileno())
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    try:
        key = path.read_text(encoding="ascii").strip()
    except OSError as error:
        raise ConfigError(f"cannot read the hash key {path}: {error.strerror}") from None
    if not key:
        raise ConfigError(f"the hash key file {path} is empty; set REDLINE_HASH_KEY or remove it")
    return key.encode("ascii")
