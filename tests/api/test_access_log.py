"""`redline serve` never writes an id from a path into its logs (uvicorn's access log or ours).

An id may be private data (an email used as an account id). The service is started as the
operator starts it, a real process at the default log level, so the test reads what would land
in its log files.
"""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

import httpx

from redline.settings import Settings
from tests.api.server import wait_until_ready
from tests.cli.test_moderate import env_for

EMAIL = "alice.carver@example.com"
RAW = (EMAIL, "alice.carver%40example.com")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_access_and_error_logs_show_routes_with_ids_hashed(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "home", hash_key="test-hash-key-0123456789")
    env = env_for(settings)
    made = subprocess.run(
        [sys.executable, "-m", "redline.cli.main", "keys", "create", "--role", "admin"],
        env=env, capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    auth = {"Authorization": f"Bearer {made.stdout.strip()}"}
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "redline.cli.main", "serve", "--port", str(port)],
            env=env, stdout=sink, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            url = f"http://127.0.0.1:{port}"
            wait_until_ready(url, server, log.read_text)
            with httpx.Client(base_url=url, headers=auth) as client:
                answers = [
                    client.get(f"/v1/accounts/{EMAIL}"),
                    client.get(
                        "/v1/accounts/alice.carver%40example.com"
                    ),  # as some clients send it
                    client.get(f"/v1/decisions/{EMAIL}"),
                    client.delete(f"/v1/keys/{EMAIL}"),
                    client.get("/v1/requests", params={"content_id": EMAIL}),
                    client.get(f"/v1/no-such-route/{EMAIL}"),
                ]
        finally:
            server.terminate()
            server.wait(30)
    assert [a.status_code for a in answers] == [404, 404, 404, 404, 200, 404]
    for answer in answers:
        assert not any(raw in answer.text for raw in RAW)
    written = log.read_text()
    # the access log is on and has every request, by route ...
    assert written.count('"GET /v1/accounts/~') == 2, written
    assert '"DELETE /v1/keys/~' in written and "GET /v1/requests?content_id=~" in written
    # ... and nowhere the id
    assert not any(raw in written for raw in RAW), written
    # the mark in the log is the one in the problem's instance, however the client encoded the id
    mark = answers[0].json()["instance"].rsplit("/", 1)[1]
    assert answers[1].json()["instance"].rsplit("/", 1)[1] == mark
    assert written.count(f'"GET /v1/accounts/{mark} HTTP') == 2, written
