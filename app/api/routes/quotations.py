"""Quotations across all articles."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.api import examples as ex
from app.api.deps import MAX_ID, After, Limit, Offset, QuotationId, SessionDep
from app.api.filters import BAD_SEARCH, QuotationFiltersDep
from app.api.paging import paged
from app.api.problems import ProblemError
from app.api.routing import LeanRoute
from app.queries import quotations as q
from app.schemas import Page, Problem, QuotationWithArticle

router = APIRouter(prefix="/quotations", tags=["quotations"], route_class=LeanRoute)


@router.get(
    "",
    response_model=Page[QuotationWithArticle],
    summary="List quotations",
    description=(
        "Quotations from every article in stored order, each with its speaker, article title"
        " and paragraph number. Filters combine: speaker (id or name), article, kind, full"
        " text (`q`) and the article's publication dates. For deep paging pass the previous"
        " page's `next_cursor` as `after` instead of a large `offset`."
    ),
    responses={**ex.ok(ex.page(ex.QUOTATION_WITH_ARTICLE)), **BAD_SEARCH},
)
def list_quotations(
    request: Request,
    response: Response,
    session: SessionDep,
    filters: QuotationFiltersDep,
    limit: Limit = 20,
    offset: Offset = 0,
    after: After = None,
) -> Page[QuotationWithArticle]:
    cursor = min(int(after), MAX_ID) if after is not None else None  # ids are 32-bit
    page = q.list_quotations(session, filters=filters, limit=limit, offset=offset, after=cursor)
    return paged(request, response, page)


@router.get(
    "/{quotation_id}",
    response_model=QuotationWithArticle,
    summary="Get a quotation",
    description="One quotation with its speaker, paragraph and article.",
    responses={
        **ex.ok(ex.QUOTATION_WITH_ARTICLE),
        404: {"model": Problem, "description": "No such quotation"},
    },
)
def get_quotation(quotation_id: QuotationId, session: SessionDep) -> QuotationWithArticle:
    quotation = q.get_quotation(session, quotation_id=quotation_id)
    if quotation is None:
        raise ProblemError(404, f"No quotation with id {quotation_id}.")
    return quotation
