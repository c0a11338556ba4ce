"""``redline audit keygen | checkpoint | verify``, run as real processes, on both databases.

The operator's routine: make a key pair outside the data directory, sign checkpoints into a
directory of their choosing, verify against them. The attack: a database writer erases a
decision's enforcement and rewrites the chain to match; ``verify`` alone passes, ``verify
--checkpoints`` fails with exit 8, and ``checkpoint`` refuses to sign the rewritten chain.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, update

from redline.record.accounts.tables import STRIKES
from redline.record.decisions.repository import decision_digest
from redline.record.decisions.tables import ACTIONS, DECISIONS
from redline.record.store import Store
from redline.settings import Settings
from tests.cli.test_moderate import RECORDS, redline
from tests.record.audit.forgery import cover, rewrite
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]


@pytest.fixture
def moderated(settings: Settings, tmp_path: Path) -> Settings:
    posts = tmp_path / "posts.jsonl"
    posts.write_text("\n".join(json.dumps(r) for r in RECORDS if isinstance(r, dict)) + "\n")
    done = redline(settings, "moderate", str(posts), "--profile", "strict")
    assert done.returncode == 0, done.stderr
    return settings


def _erase_enforcement(settings: Settings) -> None:
    """The attack: one decision's actions erased, and the chain rewritten to match."""
    url = settings.database_url or f"sqlite:///{settings.home / 'redline.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        row = (
            connection.execute(select(DECISIONS).where(DECISIONS.c.content_id == "p1"))
            .mappings()
            .one()
        )
        connection.execute(
            update(DECISIONS)
            .where(DECISIONS.c.id == row["id"])
            .values(document={**row["document"], "actions": []})
        )
        connection.execute(ACTIONS.delete().where(ACTIONS.c.decision_id == row["id"]))
        forged = (
            connection.execute(select(DECISIONS).where(DECISIONS.c.id == row["id"]))
            .mappings()
            .one()
        )
    engine.dispose()
    store = Store(create_engine(url))
    rewrite(store, cover(f"decision:{row['id']}", decision_digest(forged, [])))
    store.close()


def test_keygen_checkpoint_verify_and_the_rewrite_attack(
    moderated: Settings, tmp_path: Path
) -> None:
    settings = moderated
    key = tmp_path / "keys" / "audit.key"
    made = redline(settings, "audit", "keygen", "--output", str(key))
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    public = Path(made.stdout.strip())
    assert public == key.with_name("audit.key.pub") and b"PRIVATE" not in public.read_bytes()
    again = redline(settings, "audit", "keygen", "--output", str(key))
    assert again.returncode == 6 and "never overwrites" in again.stderr

    out = tmp_path / "checkpoints"
    signed = redline(settings, "audit", "checkpoint", "--key", str(key), "--output", str(out))
    assert signed.returncode == 0, signed.stderr
    assert Path(signed.stdout.strip()).parent == out and "signed event" in signed.stderr
    unchanged = redline(settings, "audit", "checkpoint", "--key", str(key), "--output", str(out))
    assert unchanged.returncode == 0 and "nothing to sign" in unchanged.stderr
    check = ("audit", "verify", "--checkpoints", str(out), "--public-key", str(public))
    proven = redline(settings, *check)
    assert proven.returncode == 0, proven.stderr
    assert "proven against 1 signed checkpoints" in proven.stdout

    _erase_enforcement(settings)
    plain = redline(settings, "audit", "verify")
    assert plain.returncode == 0  # the rewrite is self-consistent: the chain alone cannot tell
    caught = redline(settings, *check)
    assert caught.returncode == 8
    assert "the chain was rewritten" in caught.stderr and "u1" not in caught.stderr
    refused = redline(settings, "audit", "checkpoint", "--key", str(key), "--output", str(out))
    assert refused.returncode == 8 and "not signing" in refused.stderr
    assert len(list(out.iterdir())) == 1


def test_keys_and_checkpoints_never_go_in_the_data_directory(
    moderated: Settings, tmp_path: Path
) -> None:
    settings = moderated
    inside = redline(settings, "audit", "keygen", "--output", str(settings.home / "audit.key"))
    assert inside.returncode == 6 and "inside the data directory" in inside.stderr
    key = tmp_path / "audit.key"
    assert redline(settings, "audit", "keygen", "--output", str(key)).returncode == 0
    into = ("audit", "checkpoint", "--key", str(key), "--output", str(settings.home / "cp"))
    refused = redline(settings, *into)
    assert refused.returncode == 6 and "inside the data directory" in refused.stderr
    key.chmod(0o644)
    loose = redline(
        settings, "audit", "checkpoint", "--key", str(key), "--output", str(tmp_path / "cp")
    )
    assert loose.returncode == 6 and "chmod 600" in loose.stderr
    usage = redline(settings, "audit", "verify", "--checkpoints", str(tmp_path))
    assert usage.returncode == 2 and "--public-key" in usage.stderr


def test_an_edited_strike_is_named_by_kind_and_id(moderated: Settings) -> None:
    url = moderated.database_url or f"sqlite:///{moderated.home / 'redline.sqlite3'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(update(STRIKES).values(weight=0))
    engine.dispose()
    broken = redline(moderated, "audit", "verify")
    assert broken.returncode == 8
    assert "audit check failed: strike s_" in broken.stderr and "edited" in broken.stderr
    assert "u1" not in broken.stderr
