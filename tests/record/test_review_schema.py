"""The review tables a migration builds are the ones the models describe, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from redline.record import Store
from redline.record.review.tables import Base
from redline.settings import Settings

REVIEW_TABLES = {"cases", "appeals", "notices", "external_requests", "request_subjects"}


def _table_of(diff: object) -> str | None:
    item = diff[0] if isinstance(diff, list) else diff
    for part in item[1:] if isinstance(item, tuple) else ():
        name = getattr(part, "name", None) if not isinstance(part, str) else None
        table = getattr(part, "table", None)
        if table is not None:
            return str(table.name)
        if name in REVIEW_TABLES:
            return str(name)
    return None


def test_migrated_review_tables_match_the_models(settings: Settings) -> None:
    store = Store.open(settings)
    try:
        with store.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            diffs = compare_metadata(context, Base.metadata)
    finally:
        store.close()
    ours = [d for d in diffs if _table_of(d) in REVIEW_TABLES]
    assert ours == []
    names = {t for t in Base.metadata.tables if t in REVIEW_TABLES}
    assert names == REVIEW_TABLES
