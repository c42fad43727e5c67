"""Who gets quoted: sources and quotation statistics."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from app.analytics_schemas import QuotationGroupBy, QuotationStats, SourceOut, SourceSort
from app.api import analytics_examples as ax
from app.api import examples as ex
from app.api.deps import Limit, Offset, SessionDep
from app.api.filter_params import PublishedFrom, PublishedTo
from app.api.lean_route import LeanRoute
from app.api.link_header import paged
from app.api.problems import ProblemError
from app.queries import stats as stats_queries
from app.queries.periods import RangeError
from app.schemas import Page, Problem

router = APIRouter(tags=["stats"], route_class=LeanRoute)
BAD_RANGE: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "Bad date, or published_from after _to"}
}


@router.get(
    "/sources",
    response_model=Page[SourceOut],
    summary="List sources",
    description=(
        "Each publication with its article and quotation counts (over the articles published"
        " in a range when `published_from`/`published_to` are given); articles without a"
        " source count under `null`."
    ),
    responses={**ex.ok(ex.page(ax.SOURCE)), **BAD_RANGE},
)
def list_sources(
    request: Request,
    response: Response,
    session: SessionDep,
    sort: Annotated[
        SourceSort, Query(description="Most `-articles` or `-quotations` first, or by `name`")
    ] = "-articles",
    published_from: PublishedFrom = None,
    published_to: PublishedTo = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[SourceOut]:
    try:
        page = stats_queries.list_sources(
            session,
            sort=sort,
            published_from=published_from,
            published_to=published_to,
            limit=limit,
            offset=offset,
        )
    except RangeError as exc:
        raise ProblemError(422, str(exc)) from exc
    return paged(request, response, page)


@router.get(
    "/stats/quotations",
    response_model=QuotationStats,
    summary="Quotation counts and shares per group",
    description=(
        "Quotations per `source`, `speaker_type` (person, organisation, other, `unnamed`:"
        " 'officials', 'a spokesman'..., unattributed), `kind` (direct, indirect, mixed) or"
        " `month` (every month of the range), each with its share of the total. Filters:"
        " publication dates (undated articles are then left out) and an exact source."
    ),
    responses={**ex.ok(ax.QUOTATION_STATS), **BAD_RANGE},
)
def quotation_stats(
    session: SessionDep,
    group_by: Annotated[QuotationGroupBy, Query(description="What to count by")],
    published_from: PublishedFrom = None,
    published_to: PublishedTo = None,
    source: Annotated[
        str | None, Query(max_length=500, description="Exact publication name")
    ] = None,
) -> QuotationStats:
    try:
        return stats_queries.quotation_stats(
            session,
            group_by=group_by,
            published_from=published_from,
            published_to=published_to,
            source=source,
        )
    except RangeError as exc:
        raise ProblemError(422, str(exc)) from exc
