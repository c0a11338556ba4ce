"""``/v1/exchange``: a bank's signals as a feed for other deployments, and signals taken in.

``GET /v1/exchange/{bank}`` serves the bank as ``redline exchange export`` writes it (hashes,
links, documents as keyed excerpt fingerprints), a page at a time: ``cursor`` is where the last
page ended, ``next_cursor`` where the next begins (None at the end). An ``exchange`` key, the
role other platforms are given, reads signals stamped at most at ``REDLINE_EXCHANGE_FEED_LEVEL``;
an admin may ask for any level. ``POST /v1/exchange/{bank}`` (admin) receives signals into a bank
in one unit of work, as ``redline exchange import`` does, and reloads the matcher.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.curate.exchange.export import export_bank
from redline.curate.exchange.format import Level, parse_lines
from redline.curate.exchange.receive import receive
from redline.errors import InputError
from redline.record.keys import Role
from redline.record.secrets.exchange import exchange_keys

router = APIRouter(tags=["exchange"])


class SignalsIn(BaseModel):
    """Signals to receive, each an object of the exchange format (docs/exchange.md)."""

    model_config = ConfigDict(extra="forbid")

    signals: list[dict[str, Any]] = Field(min_length=1, max_length=10_000)


@router.get(
    "/v1/exchange/{bank}",
    summary="A bank's signals, a page at a time (keyed fingerprints, hashes, links)",
    **guarded(Role.EXCHANGE, Role.ADMIN),
)
async def feed(
    bank: str,
    service: ServiceDep,
    key: Caller,
    level: str = Query("AMBER", description="Sharing level stamped on the signals (TLP)."),
    cursor: int = Query(0, ge=0, le=2**31 - 1, description="Where the previous page ended."),
    limit: int = Query(500, ge=1, le=5000),
) -> JSONResponse:
    """Signals ``[cursor, cursor + limit)`` of the bank's export at ``level``."""
    try:
        wanted = Level.parse(level)
    except ValueError as exc:
        raise InputError(str(exc), field="level") from None
    cap = Level.parse(service.settings.exchange_feed_level)
    if key.role is Role.EXCHANGE and wanted.rank > cap.rank:
        raise InputError(f"this feed serves exchange keys up to {cap.value}", field="level")
    settings = service.settings

    def read() -> dict[str, Any]:
        keys = exchange_keys(settings)
        with service.store.reading() as session:
            signals = export_bank(
                session,
                bank,
                platform=settings.exchange_platform,
                level=wanted,
                now=datetime.now(UTC),
                key=keys[0] if keys else None,
            )
        page = signals[cursor : cursor + limit]
        end = cursor + len(page)
        return {
            "signals": [s.model_dump(mode="json", exclude_none=True) for s in page],
            "next_cursor": end if end < len(signals) else None,
        }

    return JSONResponse(await run_in_threadpool(read))


@router.post(
    "/v1/exchange/{bank}",
    summary="Receive signals into a bank (all or nothing, idempotent)",
    **guarded(Role.ADMIN),
)
async def take(bank: str, body: SignalsIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Validate every signal, then store them in one unit of work; counts of what changed."""
    lines = [json.dumps(s) for s in body.signals]
    signals = list(parse_lines(lines))  # refuses with "line N" = signals[N - 1]
    settings = service.settings

    def work() -> dict[str, int]:
        with service.store.transaction() as session:
            done = receive(
                session,
                bank,
                signals,
                keys=exchange_keys(settings),
                actor=f"key:{key.id}",
                now=datetime.now(UTC),
            )
        service.reload_sources()
        return done.to_dict()

    return JSONResponse(await run_in_threadpool(work))
