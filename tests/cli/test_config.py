"""One place for settings: every command reads ``redline --config`` / ``REDLINE_CONFIG``."""

from __future__ import annotations

import ast
from pathlib import Path

from redline.record.keys import Keys
from redline.record.store import Store
from redline.settings import Settings
from tests.cli.test_keys import config_only_env, run
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]

CLI = Path(__file__).resolve().parents[2] / "src" / "redline" / "cli"


def _stored_key_names(settings: Settings) -> list[str]:
    store = Store.open(settings)
    try:
        with store.reading() as session:
            return [k.name for k in Keys(session).list(include_revoked=True)]
    finally:
        store.close()


def test_keys_go_to_the_store_the_config_file_names(settings: Settings, tmp_path: Path) -> None:
    env, config = config_only_env(settings, tmp_path)
    by_option = run(env, "--config", str(config), "keys", "create", "--role", "admin",
                    "--name", "by option")  # fmt: skip
    assert by_option.returncode == 0, by_option.stderr
    env["REDLINE_CONFIG"] = str(config)
    by_variable = run(env, "keys", "create", "--role", "ingest", "--name", "by variable")
    assert by_variable.returncode == 0, by_variable.stderr
    assert _stored_key_names(settings) == ["by option", "by variable"]
    listed = run(env, "keys", "list")
    assert [line.count("by ") for line in listed.stdout.splitlines()] == [1, 1]
    assert not (tmp_path / "os-home" / ".redline").exists()  # the default store was never made


def test_a_variable_wins_over_the_file(settings: Settings, tmp_path: Path) -> None:
    env, config = config_only_env(settings, tmp_path)
    config.write_text(config.read_text() + 'retention = "nonsense"\n')
    refused = run(env, "--config", str(config), "keys", "list")
    assert refused.returncode == 6 and "retention" in refused.stderr  # ReturnCode.CONFIG
    env["REDLINE_RETENTION"] = "raw"
    assert run(env, "--config", str(config), "keys", "list").returncode == 0


def test_no_command_reads_settings_or_opens_the_store_by_hand() -> None:
    """Only ``cli/config.py`` builds settings and only ``cli/store.py`` opens the store."""
    allowed = {"config.py": {"load_settings"}, "store.py": {"Store.open"}}
    found = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = ast.unparse(node.func)
            builds = name in ("Settings", "load_settings", "Store.open")
            if builds and name not in allowed.get(path.name, set()):
                found.append(f"{path.name}: {name}()")
    assert found == []
