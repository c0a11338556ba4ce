"""The banks pages: every bank with its entries and holds, and releasing a held entry.

Reads and the release go through ``curate.banks.Banks``, the service the CLI and the API call;
a release reloads the bank snapshot the service moderates against, as the API's does.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from redline.console.access import Can
from redline.console.pages import Who
from redline.console.web import call, form_of, redirect, render, require, service_of
from redline.curate.banks import Banks

router = APIRouter(prefix="/console", include_in_schema=False)


@router.get("/banks")
async def banks_page(request: Request, who: Who) -> Response:
    """Every bank: designations, provenance, entries by kind."""
    require(who, Can.READ_BANKS)
    store = service_of(request).store

    def read() -> Any:
        with store.reading() as session:
            return Banks(session).list_banks()

    return render(request, "banks.html", {"banks": await call(read)}, viewer=who)


@router.get("/banks/{bank}")
async def bank_page(request: Request, who: Who, bank: str) -> Response:
    """One bank and its entries (hashes and links, never the banked text), holds marked."""
    require(who, Can.READ_BANKS)
    store = service_of(request).store

    def read() -> Any:
        with store.reading() as session:
            return Banks(session).show_bank(bank)

    context = {"view": await call(read), "notice": request.query_params.get("notice", "")}
    return render(request, "bank.html", context, viewer=who)


@router.post("/banks/{bank}/entries/{entry}/release")
async def release(request: Request, who: Who, bank: str, entry: str) -> Response:
    """Release an entry the flood guard holds, so its matches act again."""
    form = await form_of(request, who)
    require(who, Can.RELEASE_ENTRY)
    service = service_of(request)

    def work() -> None:
        with service.store.transaction() as session:
            Banks(session).release(bank, entry, actor=who.actor)
        service.reload_sources()

    await call(work)
    back = form.get("back", "")
    if back.startswith("/console/cases/"):
        return redirect(back + "?notice=released")
    return redirect(f"/console/banks/{bank}?notice=released")
