"""Route class: sync endpoints run in the thread pool from an async wrapper.

FastAPI runs a plain `def` endpoint in the thread pool and then, because the endpoint is not
a coroutine, makes a second thread-pool hop just to validate the returned value against the
response model. Wrapped this way the endpoint still runs off the event loop (database calls
block), but the response is validated and serialised on the loop: one hop per request.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute


def in_threadpool(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(endpoint)  # keeps the signature FastAPI reads parameters from
    async def run(*args: Any, **kwargs: Any) -> Any:
        return await run_in_threadpool(endpoint, *args, **kwargs)

    return run


class ThreadPoolRoute(APIRoute):
    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        if not inspect.iscoroutinefunction(endpoint):
            endpoint = in_threadpool(endpoint)
        super().__init__(path, endpoint, **kwargs)
