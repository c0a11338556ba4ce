"""``/v1/banks``: banks of known material, their entries (files, URL and domain rules), short links.

Thin routes over ``curate.banks.Banks``, the service ``redline bank`` uses: each call is one unit
of work (several files all or nothing). Files come as multipart uploads or as base64 in JSON.
After any change the service reloads the bank snapshot its moderator matches against.
"""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.schemas import Name, Text
from redline.api.service import Service
from redline.curate.banks import BankFile, Banks
from redline.errors import InputError
from redline.record.keys import ApiKey, Role

router = APIRouter(tags=["banks"])


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class BankIn(_Request):
    """A bank to create."""

    name: Name
    designations: list[Annotated[Text, Field(min_length=1, max_length=100)]] = Field(
        default_factory=list, max_length=20
    )
    source: Annotated[Text, Field(max_length=500)] | None = None
    note: Annotated[Text, Field(max_length=2000)] = ""
    distance: int = Field(default=31, ge=0, le=128, description="Largest PDQ distance (images).")
    text_distance: float | None = Field(default=None, ge=0.0, le=0.99)
    negative: bool = False


class FileIn(_Request):
    """One file, base64-encoded."""

    filename: Annotated[Text, Field(min_length=1, max_length=255)]
    data_base64: str
    name: Name | None = None
    media_type: Annotated[Text, Field(max_length=100)] | None = None


class EntriesIn(_Request):
    """Exactly one of: files, a URL rule (``prefix`` for everything under it), a domain rule."""

    files: list[FileIn] | None = Field(default=None, min_length=1, max_length=100)
    url: Annotated[Text, Field(max_length=4096)] | None = None
    prefix: bool = False
    domain: Annotated[Text, Field(max_length=255)] | None = None
    name: Name | None = None
    source: Annotated[Text, Field(max_length=500)] | None = None
    note: Annotated[Text, Field(max_length=2000)] = ""


class ExpansionIn(_Request):
    """A known short link and where it leads (never resolved over the network)."""

    short: Annotated[Text, Field(min_length=1, max_length=4096)]
    target: Annotated[Text, Field(min_length=1, max_length=4096)]


def _actor(key: ApiKey) -> str:
    return f"key:{key.id}"


def _changed(service: Service, work: Any) -> Any:
    """Run one unit of work on the banks, then reload the moderator's bank snapshot."""
    with service.store.transaction() as session:
        result = work(Banks(session))
    service.reload_sources()
    return result


def _entries(added: list[Any]) -> dict[str, Any]:
    return {"added": [{"name": e.name, "kind": e.kind.value} for e in added]}


@router.get(
    "/v1/banks", summary="Banks with their entry counts", **guarded(Role.ADMIN, Role.AUDITOR)
)
async def list_banks(service: ServiceDep, key: Caller) -> JSONResponse:
    """Every bank: designations, whether negative, entries by kind, provenance."""

    def read() -> list[dict[str, Any]]:
        with service.store.reading() as session:
            return [s.to_dict() for s in Banks(session).list_banks()]

    return JSONResponse(await run_in_threadpool(read))


@router.get(
    "/v1/banks/{bank}", summary="A bank and its entries", **guarded(Role.ADMIN, Role.AUDITOR)
)
async def show_bank(bank: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """Settings, provenance and entries (hashes and links, never the banked text)."""

    def read() -> dict[str, Any]:
        with service.store.reading() as session:
            return Banks(session).show_bank(bank).to_dict()

    return JSONResponse(await run_in_threadpool(read))


@router.post("/v1/banks", status_code=201, summary="Create a bank", **guarded(Role.ADMIN))
async def create_bank(body: BankIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Create a bank (409 if the name is taken)."""

    def work(banks: Banks) -> dict[str, Any]:
        banks.create_bank(
            body.name,
            body.designations,
            source=body.source,
            note=body.note,
            added_by=_actor(key),
            distance=body.distance,
            text_distance=body.text_distance,
            negative=body.negative,
        )
        return banks.show_bank(body.name).to_dict()

    return JSONResponse(await run_in_threadpool(_changed, service, work), status_code=201)


def _decode(index: int, item: FileIn) -> BankFile:
    try:
        data = base64.b64decode(item.data_base64, validate=True)
    except (binascii.Error, ValueError):
        raise InputError("not base64", field=f"files.{index}.data_base64") from None
    return BankFile(item.filename, data, item.name, item.media_type)


@router.post(
    "/v1/banks/{bank}/entries",
    status_code=201,
    summary="Add entries: files (base64), a URL rule or a domain rule",
    **guarded(Role.ADMIN),
)
async def add_entries(bank: str, body: EntriesIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Add base64 files (all or nothing), or one URL or domain rule."""
    if sum(x is not None for x in (body.files, body.url, body.domain)) != 1:
        raise InputError("give exactly one of files, url, domain", field="body")
    if body.prefix and body.url is None:
        raise InputError("prefix goes with url", field="prefix")
    files = [_decode(i, f) for i, f in enumerate(body.files or [])]

    def work(banks: Banks) -> dict[str, Any]:
        who = _actor(key)
        if files:
            added = banks.add_files(bank, files, added_by=who, source=body.source, note=body.note)
        elif body.url is not None:
            added = [
                banks.add_url(
                    bank,
                    body.url,
                    name=body.name,
                    prefix=body.prefix,
                    added_by=who,
                    source=body.source,
                    note=body.note,
                )
            ]
        else:
            assert body.domain is not None
            added = [
                banks.add_domain(
                    bank,
                    body.domain,
                    name=body.name,
                    added_by=who,
                    source=body.source,
                    note=body.note,
                )
            ]
        return _entries(added)

    return JSONResponse(await run_in_threadpool(_changed, service, work), status_code=201)


@router.post(
    "/v1/banks/{bank}/files",
    status_code=201,
    summary="Add files by multipart upload (all or nothing)",
    **guarded(Role.ADMIN),
)
async def upload_files(
    bank: str,
    service: ServiceDep,
    key: Caller,
    files: Annotated[list[UploadFile], File(description="Text, PDF, DOCX, HTML or image files.")],
    source: Annotated[str | None, Form(max_length=500)] = None,
    note: Annotated[str, Form(max_length=2000)] = "",
) -> JSONResponse:
    """Bank the uploaded files; one unreadable file and nothing is added."""
    batch = [
        BankFile(f.filename or f"file{i}", await f.read(), None, f.content_type)
        for i, f in enumerate(files)
    ]

    def work(banks: Banks) -> dict[str, Any]:
        return _entries(
            banks.add_files(bank, batch, added_by=_actor(key), source=source, note=note)
        )

    return JSONResponse(await run_in_threadpool(_changed, service, work), status_code=201)


@router.delete("/v1/banks/{bank}/entries/{entry}", summary="Remove an entry", **guarded(Role.ADMIN))
async def remove_entry(bank: str, entry: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """Remove one entry (the audit log keeps what it was)."""

    def work(banks: Banks) -> dict[str, Any]:
        banks.remove_entry(bank, entry, actor=_actor(key))
        return {"removed": entry, "bank": bank}

    return JSONResponse(await run_in_threadpool(_changed, service, work))


@router.post(
    "/v1/banks/{bank}/entries/{entry}:release",
    summary="Release an entry the flood guard holds",
    **guarded(Role.ADMIN, Role.MODERATOR),
)
async def release_entry(bank: str, entry: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """A person releases a held entry so its matches act again."""

    def work(banks: Banks) -> dict[str, Any]:
        banks.release(bank, entry, actor=_actor(key))
        return {"released": entry, "bank": bank}

    return JSONResponse(await run_in_threadpool(_changed, service, work))


@router.post(
    "/v1/link-expansions",
    status_code=201,
    summary="Record a short link's target",
    **guarded(Role.ADMIN),
)
async def add_expansion(body: ExpansionIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Record that a short link leads to a target (replacing an older answer)."""

    def work(banks: Banks) -> dict[str, Any]:
        banks.add_expansion(body.short, body.target, added_by=_actor(key))
        return {"short": body.short, "target": body.target}

    return JSONResponse(await run_in_threadpool(_changed, service, work), status_code=201)
