"""search_terms: how many paragraphs and quotations hold each search term (SQLite only)

FTS5 keeps no per-term document counts, so the total of a one-word search walked the word's
whole posting list; this table keeps them (maintained by app.ingest, see
app/core/search_terms.py) and is filled here from the FTS5 indexes. PostgreSQL counts
matches with its GIN index and gets no table.

Revision ID: 0106
Revises: 0105
Create Date: 2026-11-23 20:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0106"
down_revision: str | None = "0105"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FTS_TABLES = {"paragraph": "paragraphs_fts", "quotation": "quotations_fts"}


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE search_terms (kind TEXT NOT NULL, term TEXT NOT NULL,"
        " docs INTEGER NOT NULL, PRIMARY KEY (kind, term)) WITHOUT ROWID"
    )
    for kind, fts in FTS_TABLES.items():
        op.execute(f"CREATE VIRTUAL TABLE temp.{fts}_terms USING fts5vocab(main, {fts}, row)")
        op.execute(
            f"INSERT INTO search_terms (kind, term, docs) SELECT '{kind}', term, doc"
            f" FROM temp.{fts}_terms"
        )
        op.execute(f"DROP TABLE temp.{fts}_terms")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE search_terms")
