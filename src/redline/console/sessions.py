"""Console sessions: an API key exchanged once for a cookie, and the CSRF token of each session.

The browser never holds the API key after sign-in: it holds a random session token (HttpOnly,
SameSite=Strict, path ``/console``), and the server keeps only the token's SHA-256 with the key
id, the session's CSRF token and its expiry. Every form carries the CSRF token and every POST is
refused without it. Sessions live in the serving process's memory, as the API's rate limits do
(one process serves, docs/api.md): a restart signs everyone out, which is safe, never unsafe.
The key itself is looked up again on every request, so revoking it ends its sessions at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass

COOKIE = "redline_console"
PRE_COOKIE = "redline_console_signin"  # the sign-in form's own CSRF token (no session yet)
LIFETIME_SECONDS = 8 * 3600
MAX_SESSIONS = 10_000


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def same(a: str | None, b: str | None) -> bool:
    """Constant-time equality of two tokens; a missing one is never equal."""
    if not a or not b:
        return False
    return hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


def new_token() -> str:
    """A fresh random token (256 bits)."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True, slots=True)
class Session:
    """A signed-in browser: which key it acts as, its CSRF token, when it ends."""

    key_id: str
    csrf: str
    expires: float


class Sessions:
    """The session table of one serving process."""

    def __init__(self, lifetime: float = LIFETIME_SECONDS) -> None:
        self.lifetime = lifetime
        self._by_digest: dict[str, Session] = {}
        self._lock = threading.Lock()

    def open(self, key_id: str) -> tuple[str, Session]:
        """A new session for a key: the cookie's token (shown once) and the session."""
        token = new_token()
        session = Session(key_id, new_token(), time.monotonic() + self.lifetime)
        with self._lock:
            if len(self._by_digest) >= MAX_SESSIONS:
                self._sweep()
            self._by_digest[_digest(token)] = session
        return token, session

    def get(self, token: str | None) -> Session | None:
        """The live session a cookie's token belongs to, if any."""
        if not token:
            return None
        digest = _digest(token)
        with self._lock:
            session = self._by_digest.get(digest)
            if session is not None and session.expires <= time.monotonic():
                del self._by_digest[digest]
                return None
        return session

    def close(self, token: str | None) -> None:
        """End a session (sign-out)."""
        if token:
            with self._lock:
                self._by_digest.pop(_digest(token), None)

    def _sweep(self) -> None:
        now = time.monotonic()
        for digest in [d for d, s in self._by_digest.items() if s.expires <= now]:
            del self._by_digest[digest]
        if len(self._by_digest) >= MAX_SESSIONS:  # still full: the oldest make way
            oldest = sorted(self._by_digest, key=lambda d: self._by_digest[d].expires)
            for digest in oldest[: len(oldest) // 10 + 1]:
                del self._by_digest[digest]
