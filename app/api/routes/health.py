"""Liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter

from app import __version__
from app.api.deps import SessionDep
from app.api.examples import HEALTH, ok
from app.api.lean_route import LeanRoute
from app.core.annotator_version import annotator_version
from app.core.counters import get_count
from app.jobs.queue import stale_count
from app.schemas import Health

router = APIRouter(tags=["health"], route_class=LeanRoute)


@router.get(
    "/health",
    response_model=Health,
    summary="Service health",
    description=(
        "Checks that the database answers; used by the container HEALTHCHECK. Also the"
        " current annotator version and how many articles are stale (annotated by another)."
    ),
    responses=ok(HEALTH),
)
def health(session: SessionDep) -> Health:
    count = get_count(session, "articles")
    return Health(
        status="ok",
        database="ok",
        articles=count,
        version=__version__,
        annotator_version=annotator_version(),
        stale_articles=stale_count(session),
    )
