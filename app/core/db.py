"""Database engine and sessions (SQLite with WAL and foreign keys, or PostgreSQL)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, create_engine

# Memory per pooled connection: a 16 MB page cache and a 64 MB memory map. Every connection
# that reads grows its own (searches in a large archive touch pages all over the file), so a
# worker's memory is these times its busy connections: larger values cost memory, not speed
# (bench/README.md, peak RSS).
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=30000",
    "PRAGMA cache_size=-16384",
    "PRAGMA mmap_size=67108864",
    "PRAGMA temp_store=MEMORY",
)


# PostgreSQL errors after which the whole transaction may simply be run again.
TRANSIENT_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure


def is_transient(exc: DBAPIError) -> bool:
    return getattr(exc.orig, "sqlstate", None) in TRANSIENT_SQLSTATES


def begin_write(session: Session) -> None:
    """Start a write transaction. On SQLite take the write lock up front (BEGIN IMMEDIATE,
    which waits on busy_timeout): a transaction that reads first and upgrades to a write later
    fails at once with "database is locked" when another process committed in between."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return
    driver = connection.connection.dbapi_connection
    if driver is not None and not driver.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    """`connect` event hook: set SQLITE_PRAGMAS on a new SQLite connection."""
    cursor = dbapi_connection.cursor()
    for pragma in SQLITE_PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str) -> Engine:
    """Create an engine; for SQLite make sure the directory exists and set pragmas."""
    if is_sqlite(url):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        # LIFO: reads mostly need one connection at a time; reusing the most recent one keeps
        # its page cache warm and stops every pooled connection growing its own cache/mmap.
        on_disk = bool(database) and database != ":memory:"
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            **({"pool_use_lifo": True} if on_disk else {}),  # in-memory: one-connection pool
        )

        event.listen(engine, "connect", sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20, pool_use_lifo=True)


_engines: dict[str, Engine] = {}


def get_engine(url: str) -> Engine:
    """One engine per URL per process."""
    engine = _engines.get(url)
    if engine is None:
        engine = _engines[url] = make_engine(url)
    return engine


def dispose_engine(url: str) -> None:
    """Close and forget the engine for `url` (tests and shutdown)."""
    engine = _engines.pop(url, None)
    if engine is not None:
        engine.dispose()
