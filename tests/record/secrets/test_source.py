"""Where the keyed-hash secret comes from: the operator's choice, never the data directory."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from redline.api import create_app
from redline.errors import ConfigError
from redline.record.secrets import hash_key, key_id
from redline.settings import Settings
from tests.store_fixtures import pg_url

__all__ = ["pg_url"]

KEY = "0123456789abcdef0123456789abcdef"


def provide(settings: Settings) -> str:
    """A KMS hook as an operator would write one (here: no KMS, a constant)."""
    return KEY


def provide_badly(settings: Settings) -> str:
    raise RuntimeError(f"kms said no to {KEY}")


def test_an_embedded_install_generates_its_key_apart_from_the_data_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(home=tmp_path / "data", secrets_dir=tmp_path / "config" / "redline")
    with caplog.at_level(logging.WARNING):
        ring = hash_key(settings)
        assert hash_key(settings) == ring and len(ring) == 1 and len(ring[0]) == 64
    path = tmp_path / "config" / "redline" / "hash.key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not (tmp_path / "data").exists() or not list((tmp_path / "data").iterdir())
    said = [r.getMessage() for r in caplog.records if "generated the secret" in r.getMessage()]
    assert len(said) == 1 and str(path) in said[0]  # loudly, and only the first time


def test_a_key_file_or_secrets_dir_inside_the_data_directory_is_refused(tmp_path: Path) -> None:
    home = tmp_path / "data"
    (home / "keys").mkdir(parents=True)
    (home / "keys" / "k").write_text(KEY)
    with pytest.raises(ConfigError, match="inside the data directory"):
        hash_key(Settings(home=home, hash_key_file=home / "keys" / "k"))
    with pytest.raises(ConfigError, match=r"REDLINE_SECRETS_DIR .* inside the data directory"):
        hash_key(Settings(home=home, secrets_dir=home))


def test_the_key_comes_from_a_variable_a_file_or_a_kms_hook(tmp_path: Path) -> None:
    outside = tmp_path / "secret" / "hash.key"
    outside.parent.mkdir()
    outside.write_text(KEY + "\n")
    home = tmp_path / "data"
    by_variable = hash_key(Settings(home=home, hash_key=KEY))
    by_file = hash_key(Settings(home=home, hash_key_file=outside))
    by_hook = hash_key(Settings(home=home, hash_key_provider=f"{__name__}:provide"))
    assert by_variable == by_file == by_hook == (KEY.encode(),)
    assert not home.exists()  # nothing generated, nothing written beside the data


def test_a_failing_hook_two_sources_or_a_short_key_is_a_clear_error(tmp_path: Path) -> None:
    home = tmp_path / "data"
    with pytest.raises(ConfigError, match="failed: RuntimeError") as failed:
        hash_key(Settings(home=home, hash_key_provider=f"{__name__}:provide_badly"))
    assert KEY not in str(failed.value)
    with pytest.raises(ConfigError, match="module:function"):
        hash_key(Settings(home=home, hash_key_provider="no_colon"))
    with pytest.raises(ConfigError, match="set only one of"):
        hash_key(Settings(home=home, hash_key=KEY, hash_key_provider=f"{__name__}:provide"))
    with pytest.raises(ConfigError, match="use at least 16") as short:
        hash_key(Settings(home=home, hash_key="hunter2"))
    assert "hunter2" not in str(short.value)


def test_a_key_an_older_version_left_beside_the_data_is_moved_out(tmp_path: Path) -> None:
    home = tmp_path / "data"
    home.mkdir()
    (home / "hash.key").write_text(KEY)
    settings = Settings(home=home, secrets_dir=tmp_path / "config")
    assert hash_key(settings) == (KEY.encode(),)  # the same key: stored digests still match
    assert not (home / "hash.key").exists()
    assert (tmp_path / "config" / "hash.key").read_text().strip() == KEY


def test_a_ring_has_a_public_id_that_names_every_key() -> None:
    one = (KEY.encode(),)
    assert key_id(one) == key_id(one) and len(key_id(one)) == 12
    assert key_id((*one, b"another-key-0123456789")) != key_id(one)


def test_postgresql_refuses_to_start_without_an_operator_chosen_key(
    pg_url: str, tmp_path: Path
) -> None:
    settings = Settings(home=tmp_path / "data", database_url=pg_url, secrets_dir=tmp_path / "s")
    with pytest.raises(ConfigError, match="PostgreSQL store needs an operator-chosen key"):
        create_app(settings)
    engine = create_engine(pg_url)
    with engine.connect() as connection:  # refused before the database was touched
        assert not inspect(connection).get_table_names()
    engine.dispose()
    assert not (tmp_path / "s").exists() and not (tmp_path / "data" / "hash.key").exists()
    chosen = Settings(home=tmp_path / "data", database_url=pg_url, hash_key=KEY)
    create_app(chosen).state.service.close()  # with a key chosen, it starts
