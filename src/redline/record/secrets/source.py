"""Where the keyed-hash secret comes from: a place the operator chooses, never the data directory.

A stored signal keeps a masked form (an SSN's last four digits) and a keyed hash of the value.
Someone holding the hash and its key recovers a low-entropy value by trying every candidate (an
SSN's 100,000 prefixes in under a second), so the key must not travel with the data: a copied
data directory or a database dump alone must be useless (docs/security.md).

The key comes from exactly one of, in the operator's hands:

* ``REDLINE_HASH_KEY``: the key (or ring) itself, e.g. from the service manager's secret store;
* ``REDLINE_HASH_KEY_FILE``: a file holding it (a mounted secret), refused inside the data dir;
* ``REDLINE_HASH_KEY_PROVIDER``: ``module:function``, the KMS hook: called with the settings,
  it returns the key text (``KeyProvider``), e.g. after unwrapping it with a cloud KMS.

With none set, a PostgreSQL store refuses to start: a server install has an operator who must
choose. The embedded SQLite default keeps its quick start: the first process generates a key in
``REDLINE_SECRETS_DIR`` (the user's config directory, ``~/.config/redline``; mode 0600, created
exclusively so two processes starting at once agree on one key) and says so on stderr, once.
"""

from __future__ import annotations

import logging
import os
import secrets
import stat
from importlib import import_module
from pathlib import Path
from typing import Protocol

from redline.errors import ConfigError
from redline.record.secrets.ring import KeyRing, parse_ring
from redline.settings import Settings

log = logging.getLogger(__name__)

KEY_FILE = "hash.key"

_CHOICES = (
    "REDLINE_HASH_KEY, REDLINE_HASH_KEY_FILE (a file outside the data directory) or"
    " REDLINE_HASH_KEY_PROVIDER (module:function)"
)


class KeyProvider(Protocol):
    """The KMS hook: ``REDLINE_HASH_KEY_PROVIDER=package.module:function`` names one of these.

    It gets the process's settings and returns the key text, as ``REDLINE_HASH_KEY`` would hold
    it (one key, or a ring oldest first separated by commas or new lines). It is called once per
    process that hashes (each command, each server), so it may fetch and unwrap over the network.
    """

    def __call__(self, settings: Settings) -> str:
        """The key text for the process with these settings."""
        ...


def hash_key(settings: Settings) -> KeyRing:
    """The keyed-hash key ring of this installation (one key until a rotation).

    Raises:
        ConfigError: more than one source set, a source unreadable or inside the data
            directory, a key too short, or no key for a server database (saying what to set).
    """
    text, origin = key_text(settings)
    return parse_ring(text, origin)


def key_text(settings: Settings) -> tuple[str, str]:
    """The key's text and a name for where it came from (for messages; never the key)."""
    chosen = [
        name
        for name, value in (
            ("REDLINE_HASH_KEY", settings.hash_key),
            ("REDLINE_HASH_KEY_FILE", settings.hash_key_file),
            ("REDLINE_HASH_KEY_PROVIDER", settings.hash_key_provider),
        )
        if value
    ]
    if len(chosen) > 1:
        raise ConfigError(f"set only one of {', '.join(chosen)}: each names the hash key")
    if settings.hash_key:
        return settings.hash_key, "REDLINE_HASH_KEY"
    if settings.hash_key_file is not None:
        path = settings.hash_key_file
        refuse_inside_data(settings, path, "REDLINE_HASH_KEY_FILE")
        return _read(path), f"REDLINE_HASH_KEY_FILE ({path})"
    if settings.hash_key_provider:
        return _provided(settings, settings.hash_key_provider), "REDLINE_HASH_KEY_PROVIDER"
    if is_server_database(settings):
        raise ConfigError(
            "no hash key: a PostgreSQL store needs an operator-chosen key for the hashes of"
            f" private values; set {_CHOICES}. See docs/security.md."
        )
    path = generated_key_path(settings)
    return _read(path), f"the generated key {path}"


def is_server_database(settings: Settings) -> bool:
    """Whether the store is a database server (anything but the embedded SQLite file)."""
    url = settings.database_url
    return bool(url) and not str(url).startswith("sqlite")


def generated_key_path(settings: Settings) -> Path:
    """The embedded install's key under ``secrets_dir``, generated (or moved there) if missing."""
    folder = settings.secrets_dir
    refuse_inside_data(settings, folder, "REDLINE_SECRETS_DIR")
    path = folder / KEY_FILE
    legacy = settings.home / KEY_FILE
    if legacy.exists():
        _move_legacy(legacy, path)
    if not path.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _create_exclusively(path, secrets.token_hex(32) + "\n"):
            log.warning(
                "redline: generated the secret for keyed hashes of private values at %s (mode"
                " 0600), outside the data directory %s. Back it up apart from the data: without"
                " it stored digests can no longer be matched. For production set %s.",
                path,
                settings.home,
                _CHOICES,
            )
    return path


def _move_legacy(legacy: Path, path: Path) -> None:
    """A key an older version left beside the data moves out of it, once, loudly."""
    old = _read(legacy)
    if path.exists():
        if _read(path) != old:
            raise ConfigError(
                f"{legacy} (a hash key beside the data, from an older version) differs from"
                f" {path}; move it elsewhere and set REDLINE_HASH_KEY_FILE to it"
            )
    else:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _create_exclusively(path, old + "\n")
    legacy.unlink()
    log.warning(
        "redline: moved the hash key from the data directory (%s) to %s; copies or backups of"
        " the data directory made before now still hold it (see docs/security.md, rotation)",
        legacy,
        path,
    )


def _create_exclusively(path: Path, text: str) -> bool:
    """Write ``text`` at ``path`` (0600) unless it exists; whether this call created it.

    Written aside, then linked into place: link fails if the name exists, so the first process
    wins and nobody ever reads a half-written key.
    """
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    try:
        os.link(draft, path)
    except FileExistsError:
        return False
    finally:
        draft.unlink()
    return True


def refuse_inside_data(
    settings: Settings,
    path: Path,
    name: str,
    why: str = "a copy of the data would carry the key to its hashes; keep the key elsewhere",
) -> None:
    """Refuse a secret's path (or anything that must outlive the data) inside the data directory.

    Raises:
        ConfigError: ``path`` is the data directory or lies under it.
    """
    home = settings.home.expanduser().resolve()
    where = path.expanduser().resolve()
    if where == home or home in where.parents:
        raise ConfigError(
            f"{name} ({path}) is inside the data directory {settings.home}: {why}"
            " (docs/security.md)"
        )


def _read(path: Path) -> str:
    try:
        text = path.read_text(encoding="utf-8").strip()
        mode = path.stat().st_mode
    except OSError as error:
        raise ConfigError(f"cannot read the hash key {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"the hash key file {path} is not UTF-8 text") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("redline: the hash key file %s is readable by others; chmod 600 it", path)
    return text


def _provided(settings: Settings, spec: str) -> str:
    """Call the ``module:function`` KMS hook; its failures become a ConfigError, no secrets."""
    module_name, _, function_name = spec.partition(":")
    if not module_name or not function_name:
        raise ConfigError(f"REDLINE_HASH_KEY_PROVIDER {spec!r} must read module:function")
    try:
        provider: KeyProvider = getattr(import_module(module_name), function_name)
    except (ImportError, AttributeError) as error:
        raise ConfigError(f"REDLINE_HASH_KEY_PROVIDER {spec!r}: {error}") from None
    try:
        text = provider(settings)
    except Exception as error:  # the hook's own failure, whatever its library raises
        raise ConfigError(
            f"REDLINE_HASH_KEY_PROVIDER {spec!r} failed: {type(error).__name__}"
        ) from None
    if not isinstance(text, str):
        raise ConfigError(f"REDLINE_HASH_KEY_PROVIDER {spec!r} must return the key as text")
    return text
