"""Fetch another deployment's exchange feed (``GET /v1/exchange/{bank}``), every page of it.

Every signal is validated as it arrives (``format.parse_lines``): a bad one stops the pull before
anything is stored, naming the page and the signal. Transport failures are ``InputError``s that
name the URL's host and the status, never the key.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import httpx

from redline.curate.exchange.format import Level, SignalLine, parse_lines
from redline.errors import InputError

__all__ = ["fetch_feed"]

MAX_PAGES = 10_000


def fetch_feed(
    url: str, key: str, level: Level, *, client: httpx.Client | None = None
) -> list[SignalLine]:
    """Every signal of the feed at ``level``, in the sender's order."""
    host = urlsplit(url).netloc or url
    own = client is None
    http = client or httpx.Client(timeout=60)
    out: list[SignalLine] = []
    cursor: int | None = 0
    try:
        for page in range(MAX_PAGES):
            if cursor is None:
                break
            try:
                reply = http.get(
                    url,
                    params={"level": level.name, "cursor": cursor},
                    headers={"Authorization": f"Bearer {key}"},
                )
            except httpx.HTTPError as exc:
                raise InputError(
                    f"cannot reach {host}: {type(exc).__name__}", field="URL"
                ) from None
            if reply.status_code != 200:
                raise InputError(f"{host} answered {reply.status_code}", field="URL")
            body = reply.json()
            lines = [json.dumps(s) for s in body.get("signals", [])]
            try:
                out.extend(parse_lines(lines))
            except InputError as exc:
                raise InputError(f"page {page + 1}: {exc}", field=exc.field) from None
            cursor = body.get("next_cursor")
    finally:
        if own:
            http.close()
    return out
