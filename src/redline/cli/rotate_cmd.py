"""``redline keys rotate-hash``: re-key every stored digest under a new key, written as a ring.

The new ring (old keys, then the new one) must reach every process that hashes, so it is written
before the store changes: to ``--ring-out`` (exclusively, 0600), or, for the key an embedded
install generated itself, over that file once the store has committed. See ``record.rekey`` for
what re-keying a one-way digest can and cannot do.
"""

from __future__ import annotations

import os
import secrets
from datetime import UTC, datetime
from pathlib import Path

import typer

from redline.cli import config
from redline.cli.store import opened_store
from redline.errors import ConfigError
from redline.record.rekey import rotate
from redline.record.secrets import hash_key, key_text, parse_ring, ring_text
from redline.record.secrets.source import generated_key_path


def rotate_hash(new_key_file: Path | None, ring_out: Path | None) -> None:
    """Re-key; see the command's help in ``keys_cmd``."""
    settings = config.settings()
    old = hash_key(settings)
    _, origin = key_text(settings)
    # hash_key succeeded with no source set: the key is the one this install generated
    generated = not (settings.hash_key or settings.hash_key_file or settings.hash_key_provider)
    if ring_out is None and not generated:
        raise ConfigError(
            "--ring-out FILE is needed: the hash key comes from "
            f"{origin.split(' (')[0]}, which Redline does not write; the new ring goes to FILE"
        )
    if new_key_file is not None:
        try:
            new_text = new_key_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"cannot read the new key {new_key_file}: {error}") from None
        given = parse_ring(new_text, f"--new-key-file ({new_key_file})")
        if len(given) != 1:
            raise ConfigError(f"--new-key-file ({new_key_file}) must hold one key")
        new_key = given[0]
    else:
        new_key = secrets.token_hex(32).encode("ascii")
    if new_key in old:
        raise ConfigError("the new key is already in the ring; rotate to a fresh key")
    ring = (*old, new_key)
    target = ring_out if ring_out is not None else generated_key_path(settings)
    draft = _write_private(target if ring_out is not None else _draft_of(target), ring_text(ring))
    try:
        with opened_store() as store:
            done = rotate(store, old, new_key, actor="cli", now=datetime.now(UTC))
    except BaseException:
        draft.unlink()
        raise
    if ring_out is None:
        os.replace(draft, target)
    typer.echo(
        f"re-keyed {done.total} stored digests ({_counts(done.counts)}) from ring"
        f" {done.old_id} to {done.new_id}; the ring ({len(ring)} keys) is in {target}",
        err=True,
    )
    if ring_out is not None:
        typer.echo(
            f"set REDLINE_HASH_KEY_FILE={target} (or its content in your secret store) for every"
            " process, and restart them: a process with the old ring is now refused",
            err=True,
        )


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{where}: {n}" for where, n in counts.items() if n) or "none stored"


def _draft_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.rotating.{os.getpid()}")


def _write_private(path: Path, text: str) -> Path:
    """Create ``path`` with ``text``, mode 0600; refuse to overwrite anything."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise ConfigError(f"{path} exists; name a new file for the ring") from None
    except OSError as error:
        raise ConfigError(f"cannot write {path}: {error.strerror}") from None
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    return path
