"""The write transaction, written once for every writer (ingest, delete, re-decisions).

SQLite allows one writer at a time: writers of this process queue on a lock instead of
storming the file lock ("database is locked"), and other processes wait on busy_timeout.
PostgreSQL runs writers concurrently; a deadlock or serialization failure, or a unique
violation from a writer that stored the same thing first, is retried in a fresh transaction.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session

from app.core.db import begin_write, is_sqlite, is_transient

WRITE_ATTEMPTS = 3
_sqlite_write_lock = threading.Lock()
log = logging.getLogger("app.store")
T = TypeVar("T")


@contextlib.contextmanager
def _process_lock(engine: Engine) -> Iterator[None]:
    if not is_sqlite(str(engine.url)):
        yield
        return
    with _sqlite_write_lock:
        yield


def _retryable(exc: DBAPIError) -> bool:
    return isinstance(exc, IntegrityError) or is_transient(exc)


def _forget(session: Session) -> None:
    """Per-transaction notes the write steps keep on the connection (`store_*` keys of its
    `info`) start empty: a pooled connection may carry those of a rolled-back write."""
    info = session.connection().info
    for key in [k for k in info if isinstance(k, str) and k.startswith("store_")]:
        del info[key]


def run_write(engine: Engine, work: Callable[[Session], T], *, what: str) -> T:
    """Run `work` in a write transaction and commit; retry it from the start (in a fresh
    transaction, so it re-reads everything) after a transient failure or a unique
    violation. `what` names the work in the retry log line."""
    with _process_lock(engine):
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            with Session(engine) as session:
                begin_write(session)
                _forget(session)
                try:
                    result = work(session)
                    session.commit()
                    return result
                except DBAPIError as exc:
                    session.rollback()
                    if not _retryable(exc) or attempt == WRITE_ATTEMPTS:
                        raise
            log.info("retrying %s (attempt %d)", what, attempt + 1)
    raise AssertionError("unreachable")
