"""Alembic environment: runs on the connection the store hands over, never on its own URL.

``record.store`` opens the engine (SQLite pragmas, PostgreSQL schema) and passes a connection in
``config.attributes["connection"]``, so migrations run with exactly the settings the store uses.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from redline.record.schema import METADATA

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("run migrations through redline.record.store, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=METADATA,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
