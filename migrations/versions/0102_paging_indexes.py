"""paging indexes: thin id-only indexes so deep OFFSETs skip index entries, not table rows

Revision ID: 0102
Revises: 0101
Create Date: 2026-11-23 14:00:00

On SQLite the rows of a rowid table live in the primary-key B-tree with the article text, so
`ORDER BY id OFFSET 2000` walks 2,000 full rows (about a page each). A separate index on id
alone packs hundreds of ids per page; the list queries find the first id of the page there
(`id >= (SELECT id ... OFFSET n)`) and then read only the rows they return. On PostgreSQL the
primary-key index already plays this part and these indexes are small duplicates.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0102"
down_revision: str | None = "0101"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_articles_id", "articles", ["id"])
    op.create_index("ix_quotations_id", "quotations", ["id"])


def downgrade() -> None:
    op.drop_index("ix_quotations_id", table_name="quotations")
    op.drop_index("ix_articles_id", table_name="articles")
