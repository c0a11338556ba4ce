"""``redline keys rotate-hash`` as real processes: the ring it writes is what works after."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from redline.settings import Settings
from tests.cli.test_moderate import env_for, redline
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

POSTS = [
    {"id": "p1", "author_id": "u1", "text": "Found Jo Doe's SSN 078-05-1120 in the files"},
    {"id": "p2", "author_id": "u2", "text": "I live at 9 Elm Street, Dayton, OH 45402"},
]


def _posts(folder: Path, *records: dict) -> Path:
    path = folder / f"posts-{records[0]['id']}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def _ssn_digest(home: Path, content_id: str) -> str:
    database = sqlite3.connect(home / "redline.sqlite3")
    try:
        (signals,) = database.execute(
            "SELECT signals FROM contents WHERE id = ?", (content_id,)
        ).fetchone()
    finally:
        database.close()
    (digest,) = [s["digest"] for s in json.loads(signals) if s["type"] == "US_SSN"]
    return str(digest)


def test_an_operator_key_rotates_to_a_ring_file_and_the_old_key_is_refused(
    settings: Settings, tmp_path: Path
) -> None:
    first = redline(settings, "moderate", "--profile", "strict", str(_posts(tmp_path, *POSTS)))
    assert first.returncode == 0, first.stderr

    refused = redline(settings, "keys", "rotate-hash")  # the key is the operator's: no file
    assert refused.returncode == 6 and "--ring-out" in refused.stderr

    new_key = tmp_path / "new.key"
    new_key.write_text("fresh-key-0123456789abcdef\n")
    ring = tmp_path / "secrets" / "ring"
    ring.parent.mkdir()
    done = redline(
        settings, "keys", "rotate-hash", "--new-key-file", str(new_key), "--ring-out", str(ring)
    )
    assert done.returncode == 0, done.stderr
    assert "re-keyed" in done.stderr and f"REDLINE_HASH_KEY_FILE={ring}" in done.stderr
    assert ring.read_text().splitlines() == [settings.hash_key, "fresh-key-0123456789abcdef"]
    assert stat.S_IMODE(ring.stat().st_mode) == 0o600

    again = _posts(tmp_path, {**POSTS[0], "id": "p3", "author_id": "u3"})
    stale = redline(
        settings, "moderate", "--profile", "strict", str(again)
    )  # still the old key: refused, not mixed
    assert stale.returncode == 6 and "re-keyed to hash key ring" in stale.stderr

    env = {**env_for(settings), "REDLINE_HASH_KEY_FILE": str(ring)}
    del env["REDLINE_HASH_KEY"]
    later = subprocess.run(
        [sys.executable, "-m", "redline.cli.main", "moderate", "--profile", "strict", str(again)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert later.returncode == 0, later.stderr
    assert redline(settings, "audit", "verify").returncode == 0


def test_the_generated_key_of_an_embedded_install_is_rotated_in_place(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home")  # no key: generated under XDG_CONFIG_HOME
    config = tmp_path / "config"
    plain = dataclasses.replace(settings, hash_key=None)

    def run(*args: str) -> subprocess.CompletedProcess:
        env = {**env_for(plain), "XDG_CONFIG_HOME": str(config)}
        del env["REDLINE_HASH_KEY"]
        return subprocess.run(
            [sys.executable, "-m", "redline.cli.main", *args],
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    first = run("moderate", "--profile", "strict", str(_posts(tmp_path, POSTS[0])))
    assert first.returncode == 0 and "generated the secret" in first.stderr
    before = _ssn_digest(settings.home, "p1")
    key_file = config / "redline" / "hash.key"
    (old,) = key_file.read_text().splitlines()
    rotated = run("keys", "rotate-hash")
    assert rotated.returncode == 0, rotated.stderr
    assert key_file.read_text().splitlines()[0] == old
    assert len(key_file.read_text().splitlines()) == 2
    assert _ssn_digest(settings.home, "p1") != before
    # The same SSN in a new post: the ring hashes it to the digest the rotation stored.
    second = run("moderate", "--profile", "strict", str(_posts(tmp_path, {**POSTS[0], "id": "p9"})))
    assert second.returncode == 0, second.stderr
    assert _ssn_digest(settings.home, "p9") == _ssn_digest(settings.home, "p1")
    assert run("audit", "verify").returncode == 0
    assert list(config.joinpath("redline").iterdir()) == [key_file]  # no draft left behind
