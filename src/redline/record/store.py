"""Opening the store: the engine, the schema (Alembic ``upgrade head``), and units of work.

SQLite is the embedded default: one file in the data directory, WAL so readers never block the
writer, and ``BEGIN IMMEDIATE`` for every transaction so the single writer takes its lock up front
instead of failing half-way on a lock upgrade. PostgreSQL is the same code by URL. The caller
commits: ``with store.transaction() as session:`` is one unit of work, all or nothing.

This is also where database errors stop: inside a unit of work (or a read) they become the
project's own (``translated``), so no layer above record/ imports SQLAlchemy to catch them.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import (
    DisconnectionError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.exc import TimeoutError as PoolTimeout

from redline.errors import StoreConflict, StoreError
from redline.settings import Settings

log = logging.getLogger(__name__)

# The unit of work repositories and services pass around (what ``Store.transaction`` yields),
# named here so that the layers above need not import SQLAlchemy themselves (only ``record`` does).
UnitOfWork = Connection

# Any constant will do; it only has to be the same for every Redline process.
_PG_MIGRATION_LOCK = 0x7265646C


def database_url(settings: Settings) -> URL:
    """The configured URL, or the SQLite file ``redline.sqlite3`` in the data directory."""
    if settings.database_url:
        return make_url(settings.database_url)
    return make_url(f"sqlite:///{settings.home / 'redline.sqlite3'}")


def _sqlite_engine(url: URL, synchronous: str) -> Engine:
    # hide_parameters: a database error's message must never carry a statement's values (a
    # post's text, an account id) into a log or an error shown to a caller
    engine = create_engine(url, connect_args={"timeout": 60}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below be the only one
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        reader = connection.get_execution_options().get("redline_read", False)
        connection.exec_driver_sql("BEGIN" if reader else "BEGIN IMMEDIATE")

    return engine


# Errors that mean the database cannot be reached or stopped answering (a pool timeout included);
# anything else SQLAlchemy raises is a bug in our statements and stays one.
_UNREACHABLE = (OperationalError, InterfaceError, DisconnectionError, PoolTimeout)


@contextmanager
def translated() -> Iterator[None]:
    """Database errors raised in the block, as the project's own.

    An integrity error (a unique or foreign key refused the write) becomes ``StoreConflict``, a
    lost or unreachable database ``StoreError``. Neither message quotes the database's text,
    which can hold a row's values; the original stays attached as ``__cause__`` for a debugger.

    Raises:
        StoreConflict: the write contradicts stored rows.
        StoreError: the database cannot be reached or failed.
    """
    try:
        yield
    except IntegrityError as error:
        raise StoreConflict("the write contradicts stored rows") from error
    except _UNREACHABLE as error:
        kind = type(error.orig if isinstance(error, OperationalError) and error.orig else error)
        raise StoreError(f"the store is unavailable ({kind.__name__})") from error


class Store:
    """The system of record for one Redline process."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        # Reads need no write lock: on SQLite they begin DEFERRED and never block the writer.
        self._reader = engine.execution_options(redline_read=True)

    @classmethod
    def open(cls, settings: Settings) -> Store:
        """Connect and bring the schema to the newest revision.

        Raises:
            StoreError: the database cannot be reached or migrated (the message has no password).
        """
        url = database_url(settings)
        try:
            if url.get_backend_name() == "sqlite":
                settings.home.mkdir(parents=True, exist_ok=True)
                engine = _sqlite_engine(url, settings.sqlite_synchronous)
            else:
                engine = create_engine(url, pool_pre_ping=True, hide_parameters=True)
            store = cls(engine)
            store.migrate(settings.home)
        except SQLAlchemyError as error:
            where = url.render_as_string(hide_password=True)
            raise StoreError(f"cannot open the store at {where}: {_reason(error)}") from None
        return store

    def migrate(self, home: Path) -> None:
        """Run Alembic ``upgrade head``, one process at a time."""
        script = resources.files("redline.record").joinpath("migrations")
        config = Config()
        config.set_main_option("script_location", str(script))
        with self.engine.connect() as connection:
            config.attributes["connection"] = connection
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
                connection.commit()
                try:
                    command.upgrade(config, "head")
                    connection.commit()
                finally:
                    connection.execute(
                        text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_MIGRATION_LOCK}
                    )
                    connection.commit()
            else:
                with open(home / ".migrate.lock", "a") as lock:
                    fcntl.flock(lock, fcntl.LOCK_EX)
                    command.upgrade(config, "head")
                    connection.commit()

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One unit of work: committed when the block ends, rolled back if it raises.

        Repositories get a Core connection, not an ORM session: they write each row once with
        prepared statements, and one small transaction per content makes ORM overhead dominate.
        """
        with translated(), self.engine.begin() as connection:
            yield connection

    @contextmanager
    def reading(self, *, snapshot: bool = False) -> Iterator[Connection]:
        """A connection for reads only: always rolled back, so nothing it touches is written.

        ``snapshot``: every read sees the database as of the first one (PostgreSQL's repeatable
        read; a SQLite read transaction always does), for checks that compare several tables
        while writers go on, such as the audit chain against its head row.
        """
        reader = self._reader
        if snapshot and self.engine.dialect.name == "postgresql":
            reader = reader.execution_options(isolation_level="REPEATABLE READ")
        with translated(), reader.connect() as connection:
            try:
                yield connection
            finally:
                connection.rollback()

    def close(self) -> None:
        """Release every pooled connection."""
        self.engine.dispose()


def _reason(error: SQLAlchemyError) -> str:
    if isinstance(error, OperationalError):
        return str(error.orig).strip().splitlines()[0] if error.orig else "operational error"
    return type(error).__name__
