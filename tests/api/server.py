"""A real uvicorn server on a free loopback port, in a thread, for tests and the benchmark."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from redline.api.service import Service


@dataclass
class Running:
    """A started server: its base URL and the app's service (for looking at the store)."""

    url: str
    app: FastAPI

    @property
    def service(self) -> Service:
        service: Service = self.app.state.service
        return service


@contextmanager
def serve(app: FastAPI) -> Iterator[Running]:
    """Run ``app`` on uvicorn until the block ends; the port is bound before the thread starts."""
    # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets whose proto says TCP, and
    # without it every keep-alive response waits out Nagle and a delayed ACK (~40 ms).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="on", access_log=False)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.01)
    try:
        yield Running(f"http://127.0.0.1:{port}", app)
    finally:
        server.should_exit = True
        thread.join(20)
        sock.close()


def wait_until_ready(
    url: str, process: subprocess.Popen[bytes], output: Callable[[], str], seconds: float = 60
) -> None:
    """Wait until a ``redline serve`` process answers ``/readyz``; fail with its output if not."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if httpx.get(f"{url}/readyz").status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"server did not start: {output()[-2000:]}")
        time.sleep(0.1)
