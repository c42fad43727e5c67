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

Search, whose cost grows with the data, is an `async` endpoint that runs through
`app.api.search_execution.cached_read` instead.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from sqlmodel import Session

READ_METHODS = frozenset({"GET", "HEAD"})


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
