"""A per-process cache of read results, keyed by the database's write generation.

The `counters` row `generation` is bumped by a trigger on every INSERT, DELETE (and, on
PostgreSQL, TRUNCATE) of `articles`, in the writing transaction (migration 0104). Articles are
never updated in place and their paragraphs and quotations only come and go with them, so
the generation names one state of everything full-text search reads. A result is stored under
the generation read *before* it was computed, so it is never older than its key; a reader
seeing generation g uses only results computed at g or later, i.e. exactly at g. A write by
any process (another worker, `python -m app ingest`) moves every reader on to fresh results
at their next request: nothing is ever served stale.

This is Solr's query-result cache in miniature: a search that many users repeat (a name in
the news) costs one primary-key read instead of ranking and highlighting again.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

from sqlalchemy import Engine, create_engine, event, select
from sqlalchemy.pool import StaticPool
from sqlmodel import Session

from app.core.db import sqlite_pragmas
from app.models import Counter
from app.queries.paging import Prepared

T = TypeVar("T")
GENERATION = "generation"
_GENERATION = Prepared(select(Counter.value).where(Counter.name == GENERATION))


def data_generation(session: Session) -> int:
    """The write generation (0 on a database migrated before it existed, never decreasing)."""
    rows = _GENERATION.rows(session, {})
    return rows[0]["value"] if rows else 0


class LoopReader:
    """A SQLite connection outside the app engine's pool, for reads run on the event loop: a
    read there must never wait for a pooled connection, since the requests holding them may
    need the loop to give them back. It reads the write generation before every search, and
    runs searches that may finish in time (`try_connection`, None while another user has it:
    other apps' loops in tests). Both use the driver connection itself, in autocommit (each
    statement reads one snapshot): a Session, a pooled checkout and SQLAlchemy's result
    wrappers would cost about a third of a short search."""

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
        self._driver: sqlite3.Connection = self.engine.raw_connection().driver_connection  # type: ignore[assignment]
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


class ResultCache(Generic[T]):
    """At most `size` results (least recently used dropped first), all of one generation."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.generation: int | None = None
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, generation: int, key: Hashable) -> T | None:
        """The result stored for `key` at `generation` (the current one), if any."""
        with self._lock:
            if generation == self.generation and key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
            self.misses += 1
        return None

    def store(self, generation: int, key: Hashable, value: T) -> None:
        """Keep `value`, computed after `generation` was read."""
        with self._lock:
            if generation != self.generation:  # a write happened: start afresh
                self._items.clear()
                self.generation = generation
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def get_or_compute(self, session: Session, key: Hashable, compute: Callable[[Session], T]) -> T:
        if self.size <= 0:
            return compute(session)
        generation = data_generation(session)
        found = self.get(generation, key)
        if found is not None:
            return found
        value = compute(session)
        self.store(generation, key, value)
        return value
