"""The schema the migrations build is the one the models describe: every table, on both databases.

A fresh store is migrated to head (``Store.open``), then Alembic's autogenerate compares it with
``record.schema.METADATA``: tables, columns, types, nullability, server defaults, indexes, unique
constraints and foreign keys. Any difference means a model changed without a migration (or the
other way round); the fix is a new migration, never an edit to one already applied.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Integer, MetaData, String
from sqlalchemy.engine import Connection

from redline.record import Store
from redline.record.schema import METADATA
from redline.settings import Settings

OPTIONS = {"compare_type": True, "compare_server_default": True}


@pytest.fixture
def migrated(settings: Settings) -> Iterator[Connection]:
    """A connection to a fresh store brought to the newest revision."""
    store = Store.open(settings)
    try:
        with store.engine.connect() as connection:
            yield connection
    finally:
        store.close()


def differences(connection: Connection, metadata: MetaData) -> list[Any]:
    context = MigrationContext.configure(connection, opts=OPTIONS)
    return list(compare_metadata(context, metadata))


def test_migrations_build_every_table_the_models_describe(migrated: Connection) -> None:
    assert differences(migrated, METADATA) == []
    # every part's tables are in the metadata compared (an empty one would compare clean)
    assert {
        "contents",
        "decisions",
        "accounts",
        "audit_events",
        "api_keys",
        "banks",
        "cases",
    } <= set(METADATA.tables)


def _kinds(diffs: list[Any]) -> set[str]:
    """The operation names in a diff list (column changes come as lists of tuples)."""
    found = set()
    for diff in diffs:
        for item in diff if isinstance(diff, list) else [diff]:
            found.add(str(item[0]))
    return found


def test_the_comparison_sees_type_and_nullability_drift(migrated: Connection) -> None:
    """A model that drifted from the migrations is caught (so a clean result means something)."""
    drifted = MetaData()
    for table in METADATA.tables.values():
        table.to_metadata(drifted)
    decisions = drifted.tables["decisions"]
    nullable = next(c for c in decisions.columns if not c.nullable and not c.primary_key)
    nullable.nullable = True
    typed = next(c for c in decisions.columns if isinstance(c.type, String) and c is not nullable)
    typed.type = Integer()
    drifted.remove(drifted.tables["api_keys"])
    kinds = _kinds(differences(migrated, drifted))
    assert {"modify_nullable", "modify_type", "remove_table"} <= kinds
