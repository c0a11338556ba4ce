"""Public operational routes: liveness, readiness (the store answers), Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from redline.api.auth import ServiceDep
from redline.api.problems import Problem

router = APIRouter(tags=["operations"])


@router.get("/healthz", summary="The process is up")
async def healthz() -> JSONResponse:
    """Always ``ok`` while the process serves requests."""
    return JSONResponse({"status": "ok"})


@router.get("/readyz", summary="The store is reachable")
async def readyz(service: ServiceDep) -> JSONResponse:
    """``ready`` when the store answers a query; a 503 problem when it does not."""
    if not await run_in_threadpool(service.ready):
        raise Problem(
            503, "store-unavailable", "The store is unavailable", headers={"Retry-After": "5"}
        )
    return JSONResponse({"status": "ready"})


@router.get("/metrics", summary="Prometheus metrics", response_class=Response)
async def metrics(service: ServiceDep) -> Response:
    """Request counts and latencies by route, decisions by rule and action."""
    return Response(service.metrics.exposition(), media_type=service.metrics.content_type)
