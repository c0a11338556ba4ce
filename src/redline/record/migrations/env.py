"""Alembic environment: runs on the connection the store hands over, never on its own URL.

``record.store`` opens the engine (SQLite pragmas, PostgreSQL schema) and passes a connection in
``config.attributes["connection"]``, so migrations run with exactly the settings the store uses.

A store upgraded from before audit coverage (``integrity.predates_coverage``) has rows no audit
event covers; they are sealed as they stand (``integrity.baseline``) in the upgrade's own
transaction, on the schema at head (a revision must not read tables through models that later
revisions change), so no store is ever at head with rows its chain does not cover.
"""

from __future__ import annotations

import logging

from alembic import context
from sqlalchemy.engine import Connection

from redline.record.integrity import baseline, predates_coverage
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
to_seal = predates_coverage(connection)
with context.begin_transaction():
    context.run_migrations()
    if to_seal:
        sealed = baseline(connection)
        logging.getLogger(__name__).warning(
            "audit: sealed %d rows written before the audit chain covered them", sealed
        )
