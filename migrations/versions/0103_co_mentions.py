"""co-mentions and first/last seen: maintained instead of aggregated per request

* `entities.first_seen` / `last_seen`: the earliest and latest date of the articles naming
  the entity, "seen" being the publication date, else the UTC date of ingest.
* `co_mentions`: one row per ordered pair of entities named in the same articles, with the
  number of such articles and the other entity's mentions in them, indexed in page order.

Both are backfilled here from the stored rows (one GROUP BY over every pair of entities
sharing an article: about 25 s for 100,000 articles on SQLite); from then on app.ingest keeps
them exact on every ingest and delete.

Revision ID: 0103
Revises: 0102
Create Date: 2026-11-23 16:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0103"
down_revision: str | None = "0102"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The date an article was "seen": published, else the (UTC) date it was ingested.
SEEN = {
    "sqlite": "coalesce(a.published, date(a.ingested_at))",
    "postgresql": "coalesce(a.published, (a.ingested_at AT TIME ZONE 'UTC')::date)",
}

BACKFILL_SEEN = """
UPDATE entities SET first_seen = s.first_seen, last_seen = s.last_seen
FROM (
  SELECT ae.entity_id, min({seen}) AS first_seen, max({seen}) AS last_seen
  FROM article_entities ae JOIN articles a ON a.id = ae.article_id
  GROUP BY ae.entity_id
) AS s
WHERE s.entity_id = entities.id
"""

BACKFILL_CO_MENTIONS = """
INSERT INTO co_mentions (entity_id, other_id, other_kind, shared_articles, shared_mentions)
SELECT mine.entity_id, other.entity_id, e.kind, count(*), sum(other.mention_count)
FROM article_entities mine
JOIN article_entities other
  ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id
JOIN entities e ON e.id = other.entity_id
GROUP BY mine.entity_id, other.entity_id, e.kind
"""


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column("entities", sa.Column("first_seen", sa.Date(), nullable=True))
    op.add_column("entities", sa.Column("last_seen", sa.Date(), nullable=True))
    op.create_table(
        "co_mentions",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("other_id", sa.Integer(), nullable=False),
        sa.Column("other_kind", sa.String(length=16), nullable=False),
        sa.Column("shared_articles", sa.Integer(), nullable=False),
        sa.Column("shared_mentions", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "other_id"),
        sqlite_with_rowid=False,
    )
    op.execute(BACKFILL_SEEN.format(seen=SEEN.get(dialect, SEEN["postgresql"])))
    op.execute(BACKFILL_CO_MENTIONS)
    # Indexes after the bulk insert: built once, sorted, instead of row by row.
    op.create_index(
        "ix_co_mentions_rank",
        "co_mentions",
        ["entity_id", sa.text("shared_articles DESC"), sa.text("shared_mentions DESC"), "other_id"],
    )
    op.create_index(
        "ix_co_mentions_kind_rank",
        "co_mentions",
        [
            "entity_id",
            "other_kind",
            sa.text("shared_articles DESC"),
            sa.text("shared_mentions DESC"),
            "other_id",
        ],
    )


def downgrade() -> None:
    op.drop_index("ix_co_mentions_kind_rank", table_name="co_mentions")
    op.drop_index("ix_co_mentions_rank", table_name="co_mentions")
    op.drop_table("co_mentions")
    # Plain ALTER (SQLite >= 3.35), as in 0002: a batch copy of `entities` would cascade.
    op.execute("ALTER TABLE entities DROP COLUMN last_seen")
    op.execute("ALTER TABLE entities DROP COLUMN first_seen")
