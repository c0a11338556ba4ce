"""Exchange keys: the secrets shared by the members of a signal exchange, as the operator set them.

An exchange key turns a document's fingerprints into hashes only members can compute
(``detect.banks.keyed``). Whoever holds it can test guessed phrases against a feed, so it is kept
like the hash key: from ``REDLINE_EXCHANGE_KEY`` or ``REDLINE_EXCHANGE_KEY_FILE`` (refused
inside the data directory), never in the store. Several exchanges: several keys, each signal
names the one it was made with by its public key id.
"""

from __future__ import annotations

from redline.errors import ConfigError
from redline.record.secrets.source import _read, refuse_inside_data
from redline.settings import Settings

__all__ = ["MIN_EXCHANGE_KEY", "exchange_keys"]

MIN_EXCHANGE_KEY = 16


def exchange_keys(settings: Settings) -> list[bytes]:
    """The exchange keys set for this process, in the order given (none set: empty)."""
    text = settings.exchange_key
    if text is None and settings.exchange_key_file is not None:
        refuse_inside_data(settings, settings.exchange_key_file, "REDLINE_EXCHANGE_KEY_FILE")
        text = _read(settings.exchange_key_file)
    if not text:
        return []
    keys = [k.strip() for k in text.replace("\n", ",").split(",") if k.strip()]
    if any(len(k) < MIN_EXCHANGE_KEY for k in keys):
        raise ConfigError(
            f"an exchange key must be at least {MIN_EXCHANGE_KEY} characters"
            " (e.g. openssl rand -hex 32)"
        )
    return [k.encode("utf-8") for k in keys]
