"""Full-text search across every paragraph and quotation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api import examples as ex
from app.api.deps import Limit, Offset, SessionDep
from app.api.filters import BAD_SEARCH, MAX_QUERY_CHARS, SEARCH_DOC, search_query
from app.api.paging import paged
from app.api.routing import OffloadRoute
from app.queries import search as q
from app.schemas import Page, SearchHit

router = APIRouter(tags=["search"], route_class=OffloadRoute)


@router.get(
    "/search",
    response_model=Page[SearchHit],
    summary="Search paragraphs and quotations",
    description=(
        "Full-text search over every paragraph and quotation, best matches first. Each hit"
        " has its article, paragraph number and a highlighted snippet."
    ),
    responses={
        **ex.ok(ex.page(ex.SEARCH_HIT)),
        **BAD_SEARCH,
    },
)
def search(
    request: Request,
    response: Response,
    session: SessionDep,
    q_: Annotated[
        str, Query(alias="q", min_length=1, max_length=MAX_QUERY_CHARS, description=SEARCH_DOC)
    ],
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[SearchHit]:
    query = search_query(q_)
    assert query is not None
    return paged(request, response, q.search(session, query=query, limit=limit, offset=offset))
