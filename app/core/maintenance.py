"""`python -m app optimize`: database upkeep after a bulk load (or nightly).

SQLite's FTS5 indexes grow as a stack of segments, one or more per write transaction, merged
only now and then (automerge). Every search walks every segment of a term, so an index built
by many small transactions costs more per search than a merged one (bench/README.md).
'optimize' merges each index into one segment; `PRAGMA
optimize` refreshes the query planner's statistics. On PostgreSQL: ANALYZE.
"""

from __future__ import annotations

from sqlalchemy import Engine

from app.core.search_terms import FTS_TABLES

SQLITE_OPTIMIZE = [
    *(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')" for fts in FTS_TABLES.values()),
    "PRAGMA optimize",
]


def optimize(engine: Engine) -> None:
    """Merge the full-text indexes and refresh planner statistics, in one transaction."""
    with engine.begin() as conn:
        statements = SQLITE_OPTIMIZE if conn.dialect.name == "sqlite" else ["ANALYZE"]
        for sql in statements:
            conn.exec_driver_sql(sql)
