"""Full-text search across every paragraph and quotation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api import examples as ex
from app.api.deps import Limit, Offset, SearchBackendDep
from app.api.filters import BAD_SEARCH, MAX_QUERY_CHARS, SEARCH_DOC, search_query
from app.api.paging import paged
from app.api.routing import cached_read
from app.queries import search as q
from app.schemas import Page, SearchHit

router = APIRouter(tags=["search"])


@router.get(
    "/search",
    response_model=Page[SearchHit],
    summary="Search paragraphs and quotations",
    description=(
        "Full-text search over every paragraph and quotation, best matches first (or, with"
        " `sort=-ingested`, the articles stored last first). Each hit has its article,"
        " paragraph number and a highlighted snippet. `type` keeps hits of one kind only."
    ),
    responses={
        **ex.ok(ex.page(ex.SEARCH_HIT)),
        **BAD_SEARCH,
    },
)
async def search(
    request: Request,
    response: Response,
    backend: SearchBackendDep,
    q_: Annotated[
        str, Query(alias="q", min_length=1, max_length=MAX_QUERY_CHARS, description=SEARCH_DOC)
    ],
    sort: Annotated[
        q.SearchSort,
        Query(
            description="`relevance` (best matches first: bm25 on SQLite, ts_rank on"
            f" PostgreSQL, over the {q.RANKED} most recent matches of each kind) or"
            " `-ingested` (the articles stored last first, each from its last paragraph up;"
            " no ranking)"
        ),
    ] = "relevance",
    type_: Annotated[
        q.HitType | None,
        Query(alias="type", description="Only `paragraph` or only `quotation` hits"),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[SearchHit]:
    query = search_query(q_)
    assert query is not None
    types = (type_,) if type_ is not None else q.TYPES
    page = await cached_read(
        backend.engine,
        backend.cache,
        ("search", query, sort, types, limit, offset),
        lambda s: q.search(s, query=query, limit=limit, offset=offset, sort=sort, types=types),
        offload=backend.offload,
        inline=lambda c: q.search_sqlite(
            c, query=query, limit=limit, offset=offset, sort=sort, types=types
        ),
    )
    return paged(request, response, page)
