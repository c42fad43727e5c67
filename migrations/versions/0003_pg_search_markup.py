"""PostgreSQL search vectors: index words written inside <...> too

PostgreSQL's default text-search parser reads `<word>` as an XML tag and drops it (and the
text of a `<script>` element), so such words could not be found. The generated column now
parses the text with `<` and `>` replaced by spaces. SQLite (FTS5) is unchanged.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 14:20:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("paragraphs", "quotations")
OLD = "to_tsvector('english', text)"
NEW = "to_tsvector('english', translate(text, '<>', '  '))"


def _replace(expression: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{table}_search")
        op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN search_vector tsvector"
            f" GENERATED ALWAYS AS ({expression}) STORED"
        )
        op.execute(f"CREATE INDEX ix_{table}_search ON {table} USING gin (search_vector)")


def upgrade() -> None:
    _replace(NEW)


def downgrade() -> None:
    _replace(OLD)
