"""stable ids: on SQLite, articles, entities and quotations never reuse a deleted row's id

Their ids are public (`/articles/{id}`, `/people/{id}`, `/quotations/{id}`, cursors). A plain
SQLite rowid table gives a new row max(id) + 1, so deleting the newest article handed its id
to the next one ingested, and a client holding the old id silently got a different article.
AUTOINCREMENT (kept in `sqlite_sequence`) never reuses an id, like PostgreSQL's sequences, so
both backends now behave the same. PostgreSQL needs nothing.

SQLite cannot add AUTOINCREMENT to a table, so each table is rebuilt: new table, rows copied
with their ids, old table dropped, new one renamed, then its indexes and triggers (counters,
generation, full-text) recreated from their stored SQL. Foreign keys must be off (dropping a
parent table with them on would cascade-delete its children): `migrations/env.py` turns them
off around every SQLite migration run, and this migration refuses to run otherwise.

Revision ID: 0105
Revises: 0104
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from alembic import op

revision: str = "0105"
down_revision: str | None = "0104"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("articles", "entities", "quotations")
PLAIN_ID = "id INTEGER NOT NULL, "
TABLE_KEY = r"PRIMARY KEY \(id\),\s*"
AUTO_ID = "id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "
KEY_ID = "id INTEGER NOT NULL PRIMARY KEY, "  # downgrade: the same rowid alias, reusable ids


def _rebuild(table: str, *, autoincrement: bool) -> None:
    """Recreate `table` from its own stored CREATE statement with the id column switched to
    (or from) AUTOINCREMENT; every row keeps its id."""
    bind = op.get_bind()
    if bind.exec_driver_sql("PRAGMA foreign_keys").scalar():
        raise RuntimeError(
            "migration 0105 rebuilds tables and needs foreign keys off (see migrations/env.py)"
        )
    create = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).scalar_one()
    dependents = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ?"
        " AND sql IS NOT NULL ORDER BY type, name",
        (table,),
    ).scalars()
    dependents = list(dependents)
    _, _, body = create.partition("(")
    if autoincrement and KEY_ID in body:  # as 0105's downgrade left it
        body = body.replace(KEY_ID, AUTO_ID, 1)
    elif autoincrement and PLAIN_ID in body and re.search(TABLE_KEY, body):  # as 0001 made it
        body = re.sub(TABLE_KEY, "", body.replace(PLAIN_ID, AUTO_ID, 1), count=1)
    elif not autoincrement and AUTO_ID in body:
        body = body.replace(AUTO_ID, KEY_ID, 1)
    else:
        raise RuntimeError(f"unexpected schema for {table}: {create}")
    op.execute(f"CREATE TABLE {table}_rebuilt ({body}")
    op.execute(f"INSERT INTO {table}_rebuilt SELECT * FROM {table}")
    op.execute(f"DROP TABLE {table}")
    op.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    for sql in dependents:
        op.execute(sql)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            _rebuild(table, autoincrement=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table in TABLES:
            _rebuild(table, autoincrement=False)
