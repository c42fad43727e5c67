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

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from sqlmodel import Session

from app.core.counters import get_generation

T = TypeVar("T")


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
        generation = get_generation(session)
        found = self.get(generation, key)
        if found is not None:
            return found
        value = compute(session)
        self.store(generation, key, value)
        return value
