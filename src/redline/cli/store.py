"""The store for one CLI command: opened from this run's settings, closed when it ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redline.cli import config
from redline.record.store import Store


@contextmanager
def opened_store() -> Iterator[Store]:
    """Open the store the run's settings name (``cli.config``); close it on any exit.

    Every store command opens its store here, so none can read settings its own way or forget
    to close the engine (SQLite's WAL checkpoint and file handles).
    """
    store = Store.open(config.settings())
    try:
        yield store
    finally:
        store.close()
