"""``redline keys`` and ``redline serve``: the README's walk-through, as real processes."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from redline.settings import Settings
from tests.api.server import wait_until_ready
from tests.cli.test_moderate import env_for, redline
from tests.store_fixtures import pg_url, settings

__all__ = ["pg_url", "settings"]


def test_keys_create_list_revoke(settings: Settings) -> None:
    made = redline(settings, "keys", "create", "--role", "auditor", "--name", "audit desk")
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip()
    assert token.startswith("rl_") and "\n" not in token
    key_id = token.split("_")[1]
    assert key_id in made.stderr
    raw = redline(settings, "keys", "create", "--role", "moderator", "--raw-evidence")
    assert raw.returncode == 0, raw.stderr
    listed = redline(settings, "keys", "list")
    keys = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [(k["role"], k["name"], k["raw_evidence"]) for k in keys] == [
        ("auditor", "audit desk", False),
        ("moderator", "", True),
    ]
    assert token not in listed.stdout
    gone = redline(settings, "keys", "revoke", key_id)
    assert gone.returncode == 0, gone.stderr
    active = redline(settings, "keys", "list", "--active")
    assert key_id not in active.stdout
    again = redline(settings, "keys", "revoke", key_id)
    assert again.returncode == 5  # ReturnCode.CONFLICT
    unknown = redline(settings, "keys", "revoke", "nope")
    assert unknown.returncode == 4  # ReturnCode.NOT_FOUND
    bad = redline(settings, "keys", "create", "--role", "root")
    assert bad.returncode == 3 and "unknown role" in bad.stderr  # ReturnCode.INPUT_REFUSED


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def config_only_env(settings: Settings, tmp_path: Path, **extra: object) -> tuple[dict, Path]:
    """An environment naming no store, and a config file that names the test's store alone."""
    env = {k: v for k, v in env_for(settings).items()
           if k not in ("REDLINE_HOME", "REDLINE_DATABASE_URL")}  # fmt: skip
    env["HOME"] = str(tmp_path / "os-home")  # the default ~/.redline, which must stay unused
    values: dict[str, object] = {"home": str(settings.home), **extra}
    if settings.database_url:
        values["database_url"] = settings.database_url
    config = tmp_path / "redline.toml"
    config.write_text("".join(f"{k} = {json.dumps(v)}\n" for k, v in values.items()))
    return env, config


def run(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "redline.cli.main", *args],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip


def test_serve_create_key_post_and_read(settings: Settings, tmp_path: Path) -> None:
    """The README's "Run the service" section, step by step, with the store named only in the
    config file: ``keys create`` must write to the store ``serve`` reads."""
    port = _free_port()
    env, config = config_only_env(settings, tmp_path, api_port=port, api_profile="contain")
    server = subprocess.Popen(
        [sys.executable, "-m", "redline.cli.main", "--config", str(config), "serve"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until_ready(url, server, lambda: server.communicate()[1].decode())
        created = run(env, "--config", str(config), "keys", "create", "--role", "ingest")
        assert created.returncode == 0, created.stderr
        headers = {"Authorization": f"Bearer {created.stdout.strip()}"}
        post = {"id": "post-1", "author_id": "u1", "text": "Jo Doe's SSN is 078-05-1120"}
        made = httpx.post(f"{url}/v1/content", json=post, headers=headers)
        assert made.status_code == 201, made.text
        decision = made.json()
        assert decision["profile"].startswith("contain@")  # from the config file
        assert decision["violations"]
        read = httpx.get(f"{url}{made.headers['location']}", headers=headers)
        assert read.status_code == 200 and read.json() == decision
        env["REDLINE_CONFIG"] = str(config)  # the variable works as the option does
        shown = run(env, "decision", "show", decision["decision_id"])
        assert shown.returncode == 0, shown.stderr
        assert json.loads(shown.stdout) == decision
    finally:
        server.terminate()
        server.wait(30)
    assert not (tmp_path / "os-home" / ".redline").exists()


def test_a_bad_config_file_stops_every_command(settings: Settings, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("api_prot = 1\n", encoding="utf-8")
    for args in (["serve"], ["keys", "list"], ["scan", "-"]):
        done = redline(settings, "--config", str(config), *args)
        assert done.returncode == 6, (args, done.stderr)  # ReturnCode.CONFIG
        assert "api_prot" in done.stderr
