"""Group commit: concurrent requests' units of work share one database commit.

Every decision is its own unit of work, and its commit (an fsync on SQLite, a WAL flush on
PostgreSQL) is most of its cost; the audit chain's head row makes writers queue anyway. So the
service runs writes one at a time on a single connection, each inside a SAVEPOINT of a shared
transaction, and commits when no other writer is waiting (or after ``max_group`` of them). Under
light load every unit commits alone, at once; under heavy load one commit carries many.

Nothing acknowledged can be lost: a caller's ``with store.transaction()`` returns only after the
commit that holds its work has succeeded, so no response is sent before its data is durable. A
unit that raises is rolled back to its savepoint alone; a failed commit fails every unit of the
group (none of them was acknowledged).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from redline.errors import StoreError
from redline.record.store import Store, translated


class _Group:
    """Units of work waiting on one commit."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.error: BaseException | None = None
        self.size = 0


class GroupCommitStore(Store):
    """The store, with ``transaction()`` batched into group commits (see the module docstring)."""

    def __init__(self, engine: Any, max_group: int = 16) -> None:
        super().__init__(engine)
        self.max_group = max_group
        self.commits = 0  # how many commits carried how many units: for tests and metrics
        self.units = 0
        self._lock = threading.Lock()
        self._counter = threading.Lock()
        self._waiting = 0
        self._owner: int | None = None
        self._connection: Any = None
        self._transaction: Any = None
        self._group: _Group | None = None

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        """One unit of work; returns once it is committed (rolled back alone if it raises).

        Database errors come out as the project's own (``record.store.translated``).
        """
        with translated(), self._unit() as connection:
            yield connection

    @contextmanager
    def _unit(self) -> Iterator[Any]:
        if self._owner == threading.get_ident():  # nested inside this thread's own unit
            savepoint = self._connection.begin_nested()
            try:
                yield self._connection
            except BaseException:
                savepoint.rollback()
                raise
            savepoint.commit()
            return
        with self._counter:
            self._waiting += 1
        self._lock.acquire()
        with self._counter:
            self._waiting -= 1
        self._owner = threading.get_ident()
        try:
            group = self._join()
            failed = False
            try:
                savepoint = self._connection.begin_nested()
                try:
                    yield self._connection
                except BaseException:
                    failed = True
                    savepoint.rollback()
                    raise
                savepoint.commit()
                group.size += 1
            except BaseException as error:
                if not failed:  # the savepoint itself failed: the connection is unusable
                    self._abort(error)
                raise
            finally:
                if self._group is group:
                    with self._counter:
                        alone = self._waiting == 0
                    if alone or group.size >= self.max_group:
                        self._commit()
        finally:
            self._owner = None
            self._lock.release()
        group.done.wait()
        if group.error is not None:
            raise StoreError(f"the commit failed: {type(group.error).__name__}") from None

    def _join(self) -> _Group:
        if self._group is None:
            self._connection = self.engine.connect()
            self._transaction = self._connection.begin()
            self._group = _Group()
        return self._group

    def _commit(self) -> None:
        group = self._group
        assert group is not None
        try:
            if group.size:
                self._transaction.commit()
                self.commits += 1
                self.units += group.size
            else:
                self._transaction.rollback()
        except BaseException as error:
            group.error = error
        finally:
            self._close()
            group.done.set()

    def _abort(self, error: BaseException) -> None:
        group = self._group
        assert group is not None
        group.error = error
        with contextlib.suppress(Exception):  # a broken connection; closing below discards it
            self._transaction.rollback()
        self._close()
        group.done.set()

    def _close(self) -> None:
        try:
            self._connection.close()
        finally:
            self._connection = self._transaction = self._group = None
