"""The store for one CLI command: opened from the environment's settings, closed when it ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redline.record.store import Store
from redline.settings import Settings


@contextmanager
def opened_store() -> Iterator[Store]:
    """Open the store ``REDLINE_HOME`` / ``REDLINE_DATABASE_URL`` name; close it on any exit.

    Every store command is ``with opened_store() as store, store.transaction() as session:``,
    so none can forget to close the engine (SQLite's WAL checkpoint and file handles).
    """
    store = Store.open(Settings())
    try:
        yield store
    finally:
        store.close()
