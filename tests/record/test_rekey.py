"""Re-keying stored digests, and what a copy of the data directory alone gives away."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from redline.content import Content
from redline.decide import load_policy
from redline.detect.finding import Signal
from redline.detect.pii import PiiOptions, detect_pii
from redline.detect.pii.masking import keyed_digest
from redline.enforce import load_profile
from redline.errors import ConfigError, Conflict
from redline.pipeline import Moderator, default_sources
from redline.record import Accounts, Store, verify
from redline.record.accounts.tables import ACCOUNT_DIGESTS
from redline.record.decisions import document_of
from redline.record.decisions.tables import CONTENTS, DECISIONS
from redline.record.rekey import check_store_ring, rotate
from redline.record.secrets import hash_key
from redline.settings import Settings

T0 = datetime(2026, 11, 3, tzinfo=UTC)
SSN = "078-05-1120"
DOXX = f"Found Jo Doe's SSN {SSN} in the files, she lives at 9 Elm Street, Dayton, OH 45402"
OWN = "Here you go: 555-201-3344, 9 Elm Street, Dayton, OH 45402"
NEW_KEY = b"a-new-key-0123456789abcdef"
_HEX32 = re.compile(r'"digest": ?"([0-9a-f]{32})"')


def moderate(store: Store, settings: Settings, *contents: Content) -> list[dict]:
    moderator = Moderator(
        store, load_policy(), load_profile("strict"), default_sources(settings, store)
    )
    return [document_of(moderator.moderate(c).record) for c in contents]


def stored_digests(store: Store) -> set[str]:
    """Every digest the store holds: in signals and documents, and registered own data."""
    with store.reading() as session:
        own = set(session.execute(select(ACCOUNT_DIGESTS.c.digest)).scalars())
        signals = session.execute(select(CONTENTS.c.signals)).scalars()
        inside = {d for s in signals for d in _HEX32.findall(json.dumps(s))}
    return own | inside


def own_digests(settings: Settings) -> dict[str, str]:
    ring = hash_key(settings)
    found = detect_pii(OWN, PiiOptions(threshold=0.0, hash_key=ring))
    return {s.digest: s.type for s in found if isinstance(s, Signal) and s.digest}


def test_rotation_rekeys_every_stored_digest_and_the_ring_still_matches(
    settings: Settings,
) -> None:
    store = Store.open(settings)
    try:
        with store.transaction() as session:
            Accounts(session).add_own_digests("owner", own_digests(settings), actor="t", now=T0)
        moderate(store, settings, Content("p1", DOXX, "u1"))
        before = stored_digests(store)
        old = hash_key(settings)
        done = rotate(store, old, NEW_KEY, actor="test", now=T0)
        after = stored_digests(store)
        assert done.total >= 3 and len(after) == len(before)
        assert not before & after  # every digest re-derived, none left under the old key alone

        ring_text = ",".join(k.decode() for k in (*old, NEW_KEY))
        rotated = dataclasses.replace(settings, hash_key=ring_text)
        # The same SSN posted again hashes through the ring to the digest now stored.
        (again,) = moderate(store, rotated, Content("p2", DOXX, "u2"))
        assert set(_HEX32.findall(json.dumps(again))) <= after
        # Registered own data still exempts its owner, and only its owner.
        owner, stranger = moderate(
            store, rotated, Content("p3", OWN, "owner"), Content("p4", OWN, "stranger")
        )
        assert owner["violations"] == [] and stranger["violations"] != []
        # A process still holding the old ring is refused before it writes a digest.
        with pytest.raises(ConfigError, match="re-keyed to hash key ring"):
            check_store_ring(store, old)
        with pytest.raises(ConfigError, match="re-keyed to hash key ring"):
            moderate(store, settings, Content("p5", DOXX, "u5"))
        with store.reading() as session:
            assert verify(session).ok  # the rotation is an audit event; no event was rewritten
    finally:
        store.close()


def _brute_force(digest: str, last_four: str, keys: list[bytes]) -> str | None:
    """The attack of issue 14: every SSN ending in the masked form's last four, per key."""
    for key in keys:
        for prefix in range(100_000):
            value = f"{prefix:05d}{last_four}"
            if keyed_digest(key, "US_SSN", value) == digest:
                return value
    return None


def test_a_copied_data_directory_alone_gives_no_stored_value_back(tmp_path: Path) -> None:
    # The embedded default, as the README's quick start runs it: no key set by anyone.
    settings = Settings(home=tmp_path / "data", secrets_dir=tmp_path / "config" / "redline")
    store = Store.open(settings)
    moderate(store, settings, Content("p1", DOXX, "u1"))
    store.close()

    stolen = tmp_path / "stolen"
    shutil.copytree(settings.home, stolen)
    database = sqlite3.connect(stolen / "redline.sqlite3")
    (signals,) = database.execute("SELECT signals FROM contents").fetchone()
    database.close()
    (ssn,) = [s for s in json.loads(signals) if s["type"] == "US_SSN"]
    assert ssn["masked"] == "***-**-1120" and SSN not in signals

    # The key is nowhere in the copy (not in the database, not in a file beside it) ...
    key = hash_key(settings)[0]
    files = [p for p in stolen.rglob("*") if p.is_file()]
    assert files and not any(key in p.read_bytes() for p in files)
    # ... and every small file of the copy, and each line of it, tried as the key finds nothing
    # (as the issue found it: ``hash.key`` beside the database).
    candidates = {b""}
    for path in files:
        if path.stat().st_size <= 4096:
            data = path.read_bytes()
            candidates |= {data, data.strip(), *data.splitlines()}
    assert _brute_force(ssn["digest"], "1120", sorted(candidates)) is None

    # The control: with the key (kept apart, in the config dir) the same search finds it, so the
    # search above would have found the value had the key been in the copy.
    assert _brute_force(ssn["digest"], "1120", list(hash_key(settings))) == "078051120"


def test_rotation_refuses_a_store_whose_audit_check_fails(settings: Settings) -> None:
    """A rotation re-seals every covered row; it must not seal an edited one in."""
    store = Store.open(settings)
    try:
        (decided,) = moderate(store, settings, Content("p1", DOXX, "u1"))
        with store.engine.begin() as connection:
            connection.execute(
                update(DECISIONS)
                .where(DECISIONS.c.id == decided["decision_id"])
                .values(needs_review=not decided["needs_review"])
            )
        with pytest.raises(Conflict, match="audit check fails"):
            rotate(store, hash_key(settings), NEW_KEY, actor="test", now=T0)
        with store.reading() as session:
            assert not verify(session).ok  # still flagged: nothing was re-sealed
            assert session.execute(select(DECISIONS.c.id)).scalar_one() == decided["decision_id"]
    finally:
        store.close()
