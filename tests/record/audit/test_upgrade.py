"""A store written before the chain covered rows: the upgrade seals its rows, once.

Such a store's events carry no row hashes, so every decision, strike, case and appeal in it is
"in no audit event". Opening it with this version runs revision 0006 (the store's identity for
checkpoints) and seals every covered row as it stands in one event, in the same transaction;
from then on an edit is caught like in any new store.
"""

from __future__ import annotations

import json
from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy import select, text, update

from redline.record import Store, verify
from redline.record.accounts.tables import STRIKES
from redline.record.audit.checkpoint import store_identity
from redline.record.audit.tables import AUDIT_EVENTS
from redline.record.integrity import BASELINE
from redline.settings import Settings
from tests.record.audit.forgery import history, rewrite


def _alembic(store: Store, action: str, revision: str) -> None:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("redline.record").joinpath("migrations"))
    )
    with store.engine.connect() as connection:
        config.attributes["connection"] = connection
        getattr(command, action)(config, revision)
        connection.commit()


def _as_written_before_coverage(settings: Settings) -> dict[str, str]:
    """A store as the previous version left it: revision 0005, events without row hashes."""
    store = Store.open(settings)
    ids = history(store)
    rewrite(
        store,
        lambda seq, p: {k: v for k, v in p.items() if k != "covers"} if "covers" in p else None,
    )
    _alembic(store, "downgrade", "0005_bank_background")
    with store.reading() as session:
        assert not verify(session).ok  # without the upgrade's seal, every row is unaccounted for
        columns = session.execute(text("SELECT * FROM audit_head")).keys()
        assert "store_id" not in columns
    store.close()
    return ids


def test_upgrading_an_old_store_seals_its_rows_and_gives_it_an_identity(settings: Settings) -> None:
    ids = _as_written_before_coverage(settings)
    store = Store.open(settings)  # the upgrade
    try:
        with store.reading() as session:
            report = verify(session)
            assert report.ok, report.findings
            seals = session.execute(
                select(AUDIT_EVENTS.c.payload, AUDIT_EVENTS.c.actor).where(
                    AUDIT_EVENTS.c.kind == BASELINE
                )
            ).all()
            assert len(seals) == 1 and seals[0].actor == "redline upgrade"
            assert json.loads(seals[0].payload)["rows"] == report.rows >= 7
            assert store_identity(session)
        with store.engine.begin() as connection:
            connection.execute(
                update(STRIKES).where(STRIKES.c.id == ids["strike"]).values(weight=0)
            )
        with store.reading() as session:
            assert verify(session).findings == (
                f"strike {ids['strike']} differs from its audit event: edited",
            )
    finally:
        store.close()
    again = Store.open(settings)  # reopening seals nothing more
    with again.reading() as session:
        kinds = session.execute(
            select(AUDIT_EVENTS.c.kind).where(AUDIT_EVENTS.c.kind == BASELINE)
        ).all()
        assert len(kinds) == 1
    again.close()


def test_a_fresh_store_has_an_identity_and_no_seal(settings: Settings) -> None:
    store = Store.open(settings)
    with store.reading() as session:
        assert store_identity(session)
        assert session.execute(select(AUDIT_EVENTS.c.seq)).first() is None
    store.close()
