"""A private ``nats-server -js`` per test, on a free port with its own store directory.

The tests never touch the shared server on 4222. If Debian's ``nats-server`` is missing they
skip, saying so, except under CI=true (where ``.ci/run`` installs it, from .ci/system-packages).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest


def _binary() -> str | None:
    return shutil.which("nats-server") or (
        "/usr/sbin/nats-server" if Path("/usr/sbin/nats-server").exists() else None
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def nats_url(tmp_path: Path) -> Iterator[str]:
    """``nats://127.0.0.1:PORT`` of a JetStream server started for this test alone."""
    binary = _binary()
    if binary is None:
        message = "nats-server is not installed (Debian package nats-server)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " (CI=true: the stream tests must run)")
        pytest.skip(message)
    port = free_port()
    server = subprocess.Popen(
        [binary, "-js", "-a", "127.0.0.1", "-p", str(port), "-sd", str(tmp_path / "jetstream")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 15
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("nats-server did not start")
                time.sleep(0.05)
        yield f"nats://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)
