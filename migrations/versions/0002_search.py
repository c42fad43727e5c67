"""search: entities.search_text, full-text indexes on paragraphs and quotations

SQLite: external-content FTS5 tables `paragraphs_fts` and `quotations_fts` (porter stemming,
accents removed), kept in step with their tables by triggers, so every insert and delete
(ingest, article delete) updates them in the same transaction.
PostgreSQL: a generated `search_vector tsvector` column on each table with a GIN index.
Neither is part of the SQLModel metadata (see app.core.migrate.include_object).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 13:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.core.text import entity_search_text

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_TABLES = ("paragraphs", "quotations")
SQLITE_TOKENIZER = "porter unicode61 remove_diacritics 2"
PG_CONFIG = "english"


def _sqlite_fts_up(table: str) -> None:
    fts = f"{table}_fts"
    op.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5(text, content='{table}', content_rowid='id',"
        f" tokenize='{SQLITE_TOKENIZER}')"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN"
        f" INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN"
        f" INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text); END"
    )
    op.execute(
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF text ON {table} BEGIN"
        f" INSERT INTO {fts}({fts}, rowid, text) VALUES ('delete', old.id, old.text);"
        f" INSERT INTO {fts}(rowid, text) VALUES (new.id, new.text); END"
    )
    op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def _sqlite_fts_down(table: str) -> None:
    fts = f"{table}_fts"
    for suffix in ("ai", "ad", "au"):
        op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
    op.execute(f"DROP TABLE IF EXISTS {fts}")


def upgrade() -> None:
    op.add_column(
        "entities", sa.Column("search_text", sa.Text(), server_default="", nullable=False)
    )
    connection = op.get_bind()
    entities = sa.table(
        "entities",
        sa.column("id", sa.Integer),
        sa.column("name", sa.Text),
        sa.column("aliases", sa.JSON),
        sa.column("search_text", sa.Text),
    )
    rows = connection.execute(sa.select(entities.c.id, entities.c.name, entities.c.aliases)).all()
    for entity_id, name, aliases in rows:
        connection.execute(
            entities.update()
            .where(entities.c.id == entity_id)
            .values(search_text=entity_search_text(name, list(aliases or [])))
        )

    if connection.dialect.name == "sqlite":
        for table in FTS_TABLES:
            _sqlite_fts_up(table)
    elif connection.dialect.name == "postgresql":
        for table in FTS_TABLES:
            op.execute(
                f"ALTER TABLE {table} ADD COLUMN search_vector tsvector"
                f" GENERATED ALWAYS AS (to_tsvector('{PG_CONFIG}', text)) STORED"
            )
            op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search_vector)")


def downgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "sqlite":
        for table in FTS_TABLES:
            _sqlite_fts_down(table)
    elif connection.dialect.name == "postgresql":
        for table in FTS_TABLES:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
    # Plain ALTER (SQLite >= 3.35): a batch copy-and-rename of `entities` would cascade-delete
    # the rows that reference it when foreign keys are enforced.
    op.execute("ALTER TABLE entities DROP COLUMN search_text")
