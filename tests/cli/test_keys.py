"""``redline keys`` and ``redline serve``: the README's walk-through, as real processes."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from redline.settings import Settings
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


def test_serve_create_key_post_and_read(settings: Settings, tmp_path: Path) -> None:
    """The README's "Run the service" section, step by step."""
    port = _free_port()
    config = tmp_path / "redline.toml"
    config.write_text(f'api_port = {port}\napi_profile = "contain"\n', encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "redline.cli.main", "serve", "--config", str(config)],
        env=env_for(settings),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{url}/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"server did not start: {server.communicate()[1].decode()[-2000:]}")
            time.sleep(0.1)
        token = redline(settings, "keys", "create", "--role", "ingest").stdout.strip()
        headers = {"Authorization": f"Bearer {token}"}
        post = {"id": "post-1", "author_id": "u1", "text": "Jo Doe's SSN is 078-05-1120"}
        made = httpx.post(f"{url}/v1/content", json=post, headers=headers)
        assert made.status_code == 201, made.text
        decision = made.json()
        assert decision["profile"].startswith("contain@")  # from the config file
        assert decision["violations"]
        read = httpx.get(f"{url}{made.headers['location']}", headers=headers)
        assert read.status_code == 200 and read.json() == decision
        shown = redline(settings, "decision", "show", decision["decision_id"])
        assert json.loads(shown.stdout) == decision
    finally:
        server.terminate()
        server.wait(30)


def test_serve_refuses_a_bad_config_file(settings: Settings, tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("api_prot = 1\n", encoding="utf-8")
    done = redline(settings, "serve", "--config", str(config))
    assert done.returncode == 6, done.stderr  # ReturnCode.CONFIG
    assert "api_prot" in done.stderr
