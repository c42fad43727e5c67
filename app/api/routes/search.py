"""Full-text search across every paragraph and quotation."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api import examples as ex
from app.api.deps import Limit, Offset, SearchBackendDep
from app.api.filter_params import MAX_QUERY_CHARS, SEARCH_DOC
from app.api.link_header import paged
from app.api.search_execution import cached_read
from app.queries import fts
from app.queries import search as search_queries
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
    responses=ex.ok(ex.page(ex.SEARCH_HIT)),
)
async def search(
    request: Request,
    response: Response,
    backend: SearchBackendDep,
    text: Annotated[
        str, Query(alias="q", min_length=1, max_length=MAX_QUERY_CHARS, description=SEARCH_DOC)
    ],
    sort: Annotated[
        search_queries.SearchSort,
        Query(
            description="`relevance` (best matches first: bm25 on SQLite, ts_rank on"
            f" PostgreSQL, over the {search_queries.RANKED} most recent matches of each kind)"
            " or `-ingested` (the articles stored last first, each from its last paragraph"
            " up; no ranking)"
        ),
    ] = "relevance",
    type_: Annotated[
        search_queries.HitType | None,
        Query(alias="type", description="Only `paragraph` or only `quotation` hits"),
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[SearchHit]:
    query = fts.parse(text)
    types = (type_,) if type_ is not None else search_queries.TYPES
    page = await cached_read(
        backend.engine,
        backend.cache,
        ("search", query, sort, types, limit, offset),
        lambda session: search_queries.search(
            session, query=query, limit=limit, offset=offset, sort=sort, types=types
        ),
        offload=backend.offload,
        inline=lambda connection: search_queries.search_sqlite(
            connection, query=query, limit=limit, offset=offset, sort=sort, types=types
        ),
    )
    return paged(request, response, page)
