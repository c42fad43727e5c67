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
cached page is served on the loop, a miss runs there too under a deadline, and only a search
that overruns it goes to the thread pool.
"""

from __future__ import annotations

import functools
import inspect
import sqlite3
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any, TypeVar

from anyio import CapacityLimiter, to_thread
from fastapi.concurrency import run_in_threadpool
from fastapi.routing import APIRoute
from sqlalchemy import Engine
from sqlmodel import Session

from app.queries.cache import ResultCache, loop_generation, loop_reader

T = TypeVar("T")

READ_METHODS = frozenset({"GET", "HEAD"})


class InlineGate:
    """Which cache misses may first run on the event loop, and for how long.

    A miss runs inline for at most `seconds`; one that runs out of time has cost the loop
    that long for nothing (it is run again in the thread pool), so the gate keeps two
    memories, both touched only on the event loop: the keys that overran lately (up to
    `remember`: asked again, they go straight to the thread pool) and a debt of wasted loop
    time that drains at `share` of wall time (when a burst of distinct slow searches has
    spent more than `burst` deadlines' worth, misses skip the loop until it drains). So
    however many slow searches arrive, they take at most about `share` of the loop's time.
    """

    def __init__(
        self,
        seconds: float,
        *,
        share: float = 0.1,
        burst: int = 4,
        remember: int = 1024,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.seconds = seconds
        self.share = share
        self.burst = burst
        self.remember = remember
        self._slow: OrderedDict[Hashable, None] = OrderedDict()
        self._clock = clock
        self._debt = 0.0
        self._at = clock()

    def admits(self, key: Hashable) -> bool:
        """Whether the miss of `key` may try the loop first."""
        if self.seconds <= 0 or key in self._slow:
            return False
        now = self._clock()
        self._debt = max(0.0, self._debt - (now - self._at) * self.share)
        self._at = now
        return self._debt < self.burst * self.seconds

    def overran(self, key: Hashable) -> None:
        """The inline attempt for `key` ran out of time."""
        self._debt += self.seconds
        self._slow[key] = None
        if len(self._slow) > self.remember:
            self._slow.popitem(last=False)


@dataclass(frozen=True)
class Offload:
    """Where the misses of a cached read run: on SQLite first on the event loop when `gate`
    admits them (None: never), then in the thread pool, at most `limiter`'s tokens at once."""

    limiter: CapacityLimiter
    gate: InlineGate | None = None


async def cached_read(
    engine: Engine,
    cache: ResultCache[T],
    key: Hashable,
    compute: Callable[[Session], T],
    *,
    offload: Offload,
    inline: Callable[[sqlite3.Connection], T] | None = None,
) -> T:
    """`compute(session)` through `cache`, for reads whose cost grows with the data.
    `inline`, when given, is the same computation on a SQLite driver connection: the form a
    miss takes on the event loop.

    Takes the engine, not a request's session: a cache hit or a miss finished on the loop
    needs no Session at all (the thread pool opens and closes its own).

    On SQLite the cache is consulted on the loop (one primary-key read of the generation, on
    a connection outside the pool, so the loop never waits for one): a hit costs no thread-pool
    hop. A miss is first tried on the loop too, on a connection of its own, with a deadline
    (SQLite's progress handler interrupts it after the gate's deadline): most searches finish
    in a few milliseconds, and on a two-core machine the hop and the GIL ping-pong with a
    worker thread cost more than that (bench: 1.3-1.6x the throughput of always offloading).
    Only a search that runs out of time, or that `offload.gate` keeps off the loop (it overran
    before, or overruns have lately cost too much), is run in the thread pool, at most
    `offload.limiter`'s tokens at a time: threads beyond the cores only fight over the GIL,
    and each holds a pooled connection (and grows its page cache). On PostgreSQL, where every
    query is a network round trip, lookup and compute both go to the thread pool.
    """
    if engine.dialect.name != "sqlite":
        return await to_thread.run_sync(
            _in_session, engine, cache.get_or_compute, key, compute, limiter=offload.limiter
        )
    generation = loop_generation(engine) if cache.size > 0 else None
    if generation is not None:
        found = cache.get(generation, key)
        if found is not None:
            return found
    gate = offload.gate
    value = UNFINISHED
    if inline is not None and gate is not None and gate.admits(key):
        value = run_within(engine, inline, gate.seconds)
        if value is UNFINISHED:
            gate.overran(key)
    if value is UNFINISHED:
        value = await to_thread.run_sync(_in_session, engine, compute, limiter=offload.limiter)
    if generation is not None:
        cache.store(generation, key, value)  # type: ignore[arg-type]
    return value  # type: ignore[return-value]


def _in_session(engine: Engine, call: Callable[..., T], *args: Any) -> T:
    """`call(session, *args)` in a session of its own (opened and closed in this thread)."""
    with Session(engine) as session:
        return call(session, *args)


UNFINISHED: Any = object()
PROGRESS_STEPS = 1000  # SQLite VM instructions between deadline checks (tens of microseconds)


def run_within(engine: Engine, compute: Callable[[sqlite3.Connection], T], seconds: float) -> T:
    """`compute` on the calling thread on the engine's LoopReader connection, interrupted by
    SQLite after `seconds`: its result, or UNFINISHED (also when `seconds` is 0 or the
    connection is busy). One FTS5 call (a term's document count for bm25) cannot be cut
    short, so a search may overrun by that much."""
    if seconds <= 0:
        return UNFINISHED
    with loop_reader(engine).try_connection() as conn:
        if conn is None:
            return UNFINISHED
        deadline = time.perf_counter() + seconds
        conn.set_progress_handler(lambda: time.perf_counter() > deadline, PROGRESS_STEPS)
        try:
            return compute(conn)
        except sqlite3.OperationalError:
            if time.perf_counter() > deadline:  # interrupted: out of time
                return UNFINISHED
            raise
        finally:
            conn.set_progress_handler(None, 0)


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
