"""``/v1/cases`` and ``/v1/appeals``: the human review workflow, over ``redline.review``.

Thin routes over the services ``redline case`` and ``redline appeal`` call. The person acting is
the API key (``key:<id>``), never a name in the body: "another moderator decides the appeal" is
only a guarantee if identities cannot be typed in.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool

from redline.api.auth import Caller, ServiceDep, guarded
from redline.api.schemas import Name, Text
from redline.api.service import Service
from redline.record.keys import ApiKey, Role
from redline.review import appeals, cases, queue
from redline.review.cases import MAX_REACH
from redline.review.rulebook import Rulebook

router = APIRouter(tags=["review"])

READERS = (Role.MODERATOR, Role.ADMIN, Role.AUDITOR)
DECIDERS = (Role.MODERATOR, Role.ADMIN)


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CaseIn(_Request):
    """Open the case for a decision (or return the one it has)."""

    decision_id: Name
    claim: Annotated[Text, Field(min_length=1, max_length=2000)] | None = Field(
        default=None, description="A newsworthiness claim: opens a case for any decision."
    )
    reach: int = Field(
        default=0, ge=0, le=MAX_REACH, description="How many people saw the content."
    )


class AssignIn(_Request):
    """Who takes it (default: the calling key)."""

    moderator: Name | None = None


class CaseDecisionIn(_Request):
    """A moderator's outcome on a case."""

    outcome: Literal["confirm", "overturn", "modify", "newsworthy"]
    reason: Annotated[Text, Field(min_length=1, max_length=2000)]
    rules: list[Name] = Field(default_factory=list, max_length=50)


class AppealIn(_Request):
    """An author's appeal, filed by the platform on their behalf."""

    decision_ids: list[Name] = Field(min_length=1, max_length=50)
    author: Name
    statement: Annotated[Text, Field(min_length=1, max_length=5000)]


class AppealDecisionIn(_Request):
    """Uphold or deny an appeal."""

    upheld: bool
    reason: Annotated[Text, Field(min_length=1, max_length=2000)]


def actor(key: ApiKey) -> str:
    """The identity a key acts under in cases, appeals and the audit log."""
    return f"key:{key.id}"


def rulebook(service: Service) -> Rulebook:
    """The service's policy, and the profile each decision was made under."""
    return service.rulebook


async def _json(work: Any, *args: Any, status_code: int = 200, **kwargs: Any) -> JSONResponse:
    return JSONResponse(await run_in_threadpool(work, *args, **kwargs), status_code=status_code)


# -- cases ------------------------------------------------------------------------------------


@router.get("/v1/cases", summary="Open cases, most urgent first", **guarded(*READERS))
async def list_cases(
    service: ServiceDep,
    key: Caller,
    assignee: Annotated[str | None, Query(max_length=200)] = None,
    unassigned: bool = False,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> JSONResponse:
    """The review queue (one moderator's cases, or only unassigned ones)."""

    def work() -> list[dict[str, Any]]:
        found = queue.queue(service.store, assignee=assignee, unassigned=unassigned, limit=limit)
        return [c.to_document() for c in found]

    return await _json(work)


@router.post("/v1/cases:sync", summary="Open every case the policy asks for", **guarded(*DECIDERS))
async def sync_cases(service: ServiceDep, key: Caller) -> JSONResponse:
    """Open a case for every decision the policy sends to review that has none yet."""

    def work() -> list[dict[str, Any]]:
        opened = cases.sync_cases(service.store, rulebook=rulebook(service))
        return [c.to_document() for c in opened]

    return await _json(work)


@router.post("/v1/cases", status_code=201, summary="Open a case", **guarded(*DECIDERS))
async def open_case(body: CaseIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """Open (or return the existing) case for one decision."""

    def work() -> dict[str, Any]:
        case = cases.open_case(
            service.store,
            body.decision_id,
            rulebook=rulebook(service),
            claim=body.claim,
            reach=body.reach,
            actor=actor(key),
        )
        return case.to_document()

    return await _json(work, status_code=201)


@router.post("/v1/cases:next", summary="Take the most urgent unassigned case", **guarded(*DECIDERS))
async def next_case(service: ServiceDep, key: Caller) -> JSONResponse:
    """Assign the most urgent unassigned case to the calling key; ``case`` is null when none."""

    def work() -> dict[str, Any]:
        case = queue.take_next(service.store, actor(key))
        return {"case": case.to_document() if case else None}

    return await _json(work)


@router.get("/v1/cases/{case_id}", summary="A case", **guarded(*READERS))
async def show_case(case_id: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """One case, by its id or by the decision id it is about."""
    return await _json(lambda: cases.show_case(service.store, case_id).to_document())


@router.post("/v1/cases/{case_id}/assign", summary="Assign a case", **guarded(*DECIDERS))
async def assign_case(
    case_id: str, body: AssignIn, service: ServiceDep, key: Caller
) -> JSONResponse:
    """Give an open case to a moderator (the calling key by default)."""

    def work() -> dict[str, Any]:
        to = body.moderator or actor(key)
        return queue.assign(service.store, case_id, to, actor=actor(key)).to_document()

    return await _json(work)


@router.post("/v1/cases/{case_id}/decision", summary="Decide a case", **guarded(*DECIDERS))
async def decide_case(
    case_id: str, body: CaseDecisionIn, service: ServiceDep, key: Caller
) -> JSONResponse:
    """Close a case (confirm, overturn, modify, newsworthy); enforcement is re-run."""

    def work() -> dict[str, Any]:
        case = cases.decide_case(
            service.store,
            case_id,
            moderator=actor(key),
            outcome=body.outcome,
            reason=body.reason,
            rulebook=rulebook(service),
            rules=body.rules or None,
        )
        return case.to_document()

    return await _json(work)


# -- appeals ----------------------------------------------------------------------------------


@router.post(
    "/v1/appeals",
    status_code=201,
    summary="File an author's appeal",
    **guarded(Role.INGEST, Role.MODERATOR, Role.ADMIN),
)
async def file_appeal(body: AppealIn, service: ServiceDep, key: Caller) -> JSONResponse:
    """File an appeal against one or more of the author's decisions."""

    def work() -> dict[str, Any]:
        appeal = appeals.file_appeal(
            service.store, body.decision_ids, author=body.author, statement=body.statement
        )
        return appeal.to_document()

    return await _json(work, status_code=201)


@router.get("/v1/appeals", summary="Pending appeals, oldest first", **guarded(*READERS))
async def list_appeals(
    service: ServiceDep,
    key: Caller,
    assignee: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 50,
) -> JSONResponse:
    """Appeals waiting for a decision (optionally one moderator's)."""

    def work() -> list[dict[str, Any]]:
        found = appeals.pending_appeals(service.store, assignee=assignee, limit=limit)
        return [a.to_document() for a in found]

    return await _json(work)


@router.get("/v1/appeals/{appeal_id}", summary="An appeal and its notices", **guarded(*READERS))
async def show_appeal(appeal_id: str, service: ServiceDep, key: Caller) -> JSONResponse:
    """An appeal and the notices sent about it."""

    def work() -> dict[str, Any]:
        appeal, notices = appeals.show_appeal(service.store, appeal_id)
        return {"appeal": appeal.to_document(), "notices": notices}

    return await _json(work)


@router.post("/v1/appeals/{appeal_id}/assign", summary="Assign an appeal", **guarded(*DECIDERS))
async def assign_appeal(
    appeal_id: str, body: AssignIn, service: ServiceDep, key: Caller
) -> JSONResponse:
    """Give a pending appeal to a moderator who took no part in the appealed decisions."""

    def work() -> dict[str, Any]:
        to = body.moderator or actor(key)
        return appeals.assign_appeal(service.store, appeal_id, to, actor=actor(key)).to_document()

    return await _json(work)


@router.post("/v1/appeals/{appeal_id}/decision", summary="Decide an appeal", **guarded(*DECIDERS))
async def decide_appeal(
    appeal_id: str, body: AppealDecisionIn, service: ServiceDep, key: Caller
) -> JSONResponse:
    """Uphold or deny; the author is notified either way."""

    def work() -> dict[str, Any]:
        appeal = appeals.decide_appeal(
            service.store,
            appeal_id,
            moderator=actor(key),
            upheld=body.upheld,
            reason=body.reason,
            rulebook=rulebook(service),
        )
        return appeal.to_document()

    return await _json(work)
