"""Standard Webhooks signatures: what a receiver checks to know an event is ours and fresh.

The spec (standardwebhooks.com): the signed content is ``{webhook-id}.{webhook-timestamp}.{body}``,
signed with HMAC-SHA256 under the secret's bytes (the base64 after ``whsec_``), and sent as
``webhook-signature: v1,<base64 signature>``. The id is the event's, the same on every retry, so a
receiver that already handled it can say 200 and do nothing; the timestamp lets it refuse replays.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

PREFIX = "whsec_"


def secret_bytes(secret: str) -> bytes:
    """The key a ``whsec_`` secret stands for."""
    return base64.b64decode(secret.removeprefix(PREFIX))


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """``v1,<base64 HMAC-SHA256 of id.timestamp.body>``."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(secret_bytes(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(secret: str, message_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """The headers of one webhook request."""
    return {
        "content-type": "application/json",
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(secret, message_id, timestamp, body),
    }
