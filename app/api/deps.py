"""Shared route dependencies: database session and engine, search backend, paging and ids."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import Engine
from sqlmodel import Session

from app.api.result_cache import ResultCache
from app.api.search_execution import Offload
from app.schemas import Page, SearchHit

MAX_ID = 2**31 - 1  # ids are 32-bit integers (PostgreSQL INTEGER); larger ones cannot exist
MAX_OFFSET = 1_000_000_000


async def request_engine(request: Request) -> Engine:
    """The app's engine (for routes that open their own sessions: writes, exports)."""
    engine: Engine = request.app.state.engine
    return engine


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session per request, opened and closed on the event loop.

    An `async` dependency costs no thread-pool hop (a sync generator dependency costs two per
    request: one to enter, one to exit). Creating a Session does no I/O (the connection is
    checked out on first use, inside the sync endpoint's worker thread). Closing it is a
    ROLLBACK + pool check-in: microseconds on SQLite, so it runs inline; on PostgreSQL that is
    a network round trip, so it goes to the thread pool rather than block the loop.
    """
    session = Session(request.app.state.engine)
    try:
        yield session
    finally:
        if session.bind is not None and session.bind.dialect.name == "sqlite":
            session.close()
        else:
            await run_in_threadpool(session.close)


@dataclass(frozen=True, slots=True)
class SearchBackend:
    """What a search needs: the engine, the result cache and where misses run. One
    dependency rather than three: each costs FastAPI a resolution step on every request."""

    engine: Engine
    cache: ResultCache[Page[SearchHit]]
    offload: Offload


async def get_search_backend(request: Request) -> SearchBackend:
    state = request.app.state
    return SearchBackend(state.engine, state.search_cache, state.search_offload)


SessionDep = Annotated[Session, Depends(get_session)]
SearchBackendDep = Annotated[SearchBackend, Depends(get_search_backend)]
EngineDep = Annotated[Engine, Depends(request_engine)]

Limit = Annotated[int, Query(ge=1, le=100, description="Page size (1..100)")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")]
After = Annotated[
    str | None,
    Query(
        pattern=r"^[0-9]{1,16}$",
        description="Keyset cursor: the `next_cursor` of the previous page (items after it)",
    ),
]


def after_id(after: str | None) -> int | None:
    """The id an `after` cursor names, capped at the largest possible id (a larger one has
    nothing after it either, and PostgreSQL cannot compare an INTEGER column with it)."""
    return min(int(after), MAX_ID) if after is not None else None


ArticleId = Annotated[int, Path(ge=1, le=MAX_ID, description="Article id")]
EntityId = Annotated[int, Path(ge=1, le=MAX_ID, description="Entity id")]
QuotationId = Annotated[int, Path(ge=1, le=MAX_ID, description="Quotation id")]
ParagraphNumber = Annotated[int, Path(ge=1, le=MAX_ID, description="1-based paragraph number")]
