"""Where a cached read runs: on the event loop under a deadline, or in the thread pool.

Search is the one read whose cost grows with the data. `cached_read` serves it through the
per-process `ResultCache`; on SQLite a hit is served on the event loop, and a miss is first
tried there too, on the engine's `LoopReader` connection, interrupted by SQLite after the
deadline of an `InlineGate` (`run_within`); a miss that runs out of time, or that the gate keeps
off the loop, runs in the thread pool under the `Offload` limiter. On PostgreSQL everything
goes to the thread pool.
"""

from __future__ import annotations

import sqlite3
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from anyio import CapacityLimiter, to_thread
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from app.api.result_cache import ResultCache
from app.core.counters import GENERATION
from app.core.db import sqlite_pragmas

T = TypeVar("T")


class LoopReader:
    """A SQLite connection outside the app engine's pool, for reads run on the event loop: a
    read there must never wait for a pooled connection, since the requests holding them may
    need the loop to give them back. It reads the write generation before every search, and
    runs searches that may finish in time (`try_connection`, None while another user has it:
    other apps' loops in tests). Both use the driver connection itself, in autocommit (each
    statement reads one snapshot): a Session, a pooled checkout and SQLAlchemy's result
    wrappers would cost a large part of a short search (bench/README.md)."""

    GENERATION_SQL = f"SELECT value FROM counters WHERE name = '{GENERATION}'"

    def __init__(self, engine: Engine) -> None:
        self.engine = create_engine(
            engine.url,
            poolclass=StaticPool,
            connect_args={"check_same_thread": False, "timeout": 30},
        )
        event.listen(self.engine, "connect", sqlite_pragmas)
        # StaticPool: one connection, checked out here for the process's lifetime (the engine
        # is kept only so that its pool, and so the connection, stays open)
        driver = self.engine.raw_connection().driver_connection
        assert isinstance(driver, sqlite3.Connection)
        self._driver = driver
        self._lock = threading.Lock()

    @property
    def driver(self) -> sqlite3.Connection:
        """The connection itself (for tests that trace its statements)."""
        return self._driver

    def generation(self) -> int:
        """The write generation, on the raw driver connection (the cache-hit path)."""
        with self._lock:
            row = self._driver.execute(self.GENERATION_SQL).fetchone()
        return row[0] if row else 0

    @contextmanager
    def try_connection(self) -> Iterator[sqlite3.Connection | None]:
        if not self._lock.acquire(blocking=False):
            yield None
            return
        try:
            yield self._driver
        finally:
            self._lock.release()


_readers: weakref.WeakKeyDictionary[Engine, LoopReader] = weakref.WeakKeyDictionary()
_readers_lock = threading.Lock()


def loop_reader(engine: Engine) -> LoopReader:
    """The LoopReader of a SQLite engine (one per engine per process)."""
    with _readers_lock:
        reader = _readers.get(engine)
        if reader is None:
            reader = _readers[engine] = LoopReader(engine)
    return reader


def loop_generation(engine: Engine) -> int:
    """The generation of a SQLite database, read without touching the engine's pool."""
    return loop_reader(engine).generation()


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
    sooner than a hop to a worker thread and the GIL ping-pong that follows would take on a
    two-core machine (bench/README.md: "Measurements behind the design").
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
        cache.store(generation, key, value)
    return value


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
