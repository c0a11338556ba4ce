"""A real HTTP receiver on 127.0.0.1 for the webhook tests: records every request it gets.

``/ok`` answers 200, ``/fail`` 500 every time, ``/flaky`` 503 to the first two tries of each
event, ``/slow`` 200 after 20 ms (so a deliverer can be killed in the middle of a run).
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    requests: list[tuple[str, dict[str, str], bytes]] = field(default_factory=list)
    tries: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def on(self, path: str) -> list[tuple[dict[str, str], bytes]]:
        with self.lock:
            return [(h, b) for p, h, b in self.requests if p == path]


@contextmanager
def receiver() -> Iterator[tuple[str, Received]]:
    got = Received()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            if len(body) < length:  # the sender died mid-request: no request was made
                return
            headers = {k.lower(): v for k, v in self.headers.items()}
            with got.lock:
                got.requests.append((self.path, headers, body))
                got.tries[f"{self.path}:{headers.get('webhook-id')}"] += 1
                tries = got.tries[f"{self.path}:{headers.get('webhook-id')}"]
            if self.path == "/slow":
                time.sleep(0.02)
            code = {"/fail": 500, "/flaky": 503 if tries <= 2 else 200}.get(self.path, 200)
            self.send_response(code)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    class Server(ThreadingHTTPServer):
        request_queue_size = 128  # the deliverer sends 16 at once: refuse no connection

    server = Server(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", got
    finally:
        server.shutdown()
        server.server_close()
