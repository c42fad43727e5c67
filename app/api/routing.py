"""Route class for the read-mostly routers: fewer thread-pool hops per request.

FastAPI runs a plain `def` endpoint in the thread pool and then, because the endpoint is not
a coroutine, makes a second hop just to validate the returned value. Under load each hop
costs about as much as a small indexed SQLite read, so the wrapper installed here:

* runs GET endpoints on SQLite directly on the event loop: they are bounded (pages of at most
  100 rows, one article) indexed reads on a local file that take well under a millisecond,
  less than the hop would cost, and with one worker the GIL serialises Python work anyway;
* runs everything else (writes such as POST /articles, which annotates for a while, and
  every request on PostgreSQL, where a query is a network round trip) in the thread pool,
  and then validates the response on the loop: one hop instead of two.

Search, whose cost grows with the data, is an `async` endpoint that uses `cached_read`: a
cached page is served on the loop and only a miss goes to the thread pool.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from anyio import CapacityLimiter, to_thread
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from sqlmodel import Session

from app.queries.cache import ResultCache, loop_generation

T = TypeVar("T")

READ_METHODS = frozenset({"GET", "HEAD"})


async def cached_read(
    session: Session,
    cache: ResultCache[T],
    key: Hashable,
    compute: Callable[[], T],
    *,
    limiter: CapacityLimiter,
) -> T:
    """`compute()` through `cache`, for reads too costly to run on the event loop.

    On SQLite the cache is consulted on the loop (one primary-key read of the generation, on
    a connection outside the pool, so the loop never waits for one): a hit costs no thread-pool
    hop. A miss runs `compute` in the thread pool, at most `limiter`'s tokens at a time:
    threads beyond the cores only fight over the GIL, and each running search holds a pooled
    connection (and grows its page cache). On PostgreSQL, where the generation read is a
    network round trip, lookup and compute both go to the thread pool.
    """
    if cache.size <= 0 or not _is_sqlite(session):
        return await to_thread.run_sync(
            cache.get_or_compute, session, key, compute, limiter=limiter
        )
    generation = loop_generation(session.get_bind())  # type: ignore[arg-type]
    found = cache.get(generation, key)
    if found is not None:
        return found
    value = await to_thread.run_sync(compute, limiter=limiter)
    cache.store(generation, key, value)
    return value


def _is_sqlite(session: Session) -> bool:
    return session.bind is not None and session.bind.dialect.name == "sqlite"


def _on_sqlite(kwargs: dict[str, Any]) -> bool:
    for value in kwargs.values():
        if isinstance(value, Session):
            return _is_sqlite(value)
    return False


def wrap_endpoint(endpoint: Callable[..., Any], *, read_only: bool) -> Callable[..., Any]:
    @functools.wraps(endpoint)  # keeps the signature FastAPI reads parameters from
    async def run(*args: Any, **kwargs: Any) -> Any:
        if read_only and _on_sqlite(kwargs):
            return endpoint(*args, **kwargs)
        return await run_in_threadpool(endpoint, *args, **kwargs)

    return run


class LeanRoute(APIRoute):
    """Bounded reads inline on SQLite, everything else in the thread pool (one hop)."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not inspect.iscoroutinefunction(endpoint):
            methods = {m.upper() for m in kwargs.get("methods") or ("GET",)}
            endpoint = wrap_endpoint(endpoint, read_only=methods <= READ_METHODS)
        super().__init__(path, endpoint, **kwargs)
