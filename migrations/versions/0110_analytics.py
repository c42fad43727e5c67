"""analytics: unnamed sources and the maintained aggregates of timelines and statistics

* `quotations.speaker_named`: False for an unnamed source ("officials", "a spokesman"),
  True for a named one, NULL when not known (stored as the annotator gives it).
* `entity_days`, `corpus_days`, `quotation_days`, `timeline_people`, `source_totals`,
  `quotation_about`: counts per day (and source, kind, speaker group), distinct people per
  period, and which quotations hold a mention of which entity; see
  app/core/analytics_counts.py, which keeps them exact on every write and fills them here
  from the stored rows.

Revision ID: 0110
Revises: 0106
Create Date: 2026-12-04 18:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0110"
down_revision: str | None = "0106"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_ROWID = {"sqlite_with_rowid": False}
COUNT = sa.Integer()


def _create_tables() -> None:
    op.create_table(
        "entity_days",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dated", sa.Boolean(), nullable=False),
        sa.Column("articles", COUNT, nullable=False),
        sa.Column("mentions", COUNT, nullable=False),
        sa.Column("quotations", COUNT, nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "day", "dated"),
        **NO_ROWID,
    )
    op.create_table(
        "corpus_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dated", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("articles", COUNT, nullable=False),
        sa.Column("quotations", COUNT, nullable=False),
        sa.PrimaryKeyConstraint("day", "dated", "source"),
        **NO_ROWID,
    )
    op.create_table(
        "quotation_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dated", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("speaker", sa.String(length=16), nullable=False),
        sa.Column("quotations", COUNT, nullable=False),
        sa.PrimaryKeyConstraint("day", "dated", "source", "kind", "speaker"),
        **NO_ROWID,
    )
    op.create_table(
        "timeline_people",
        sa.Column("grain", sa.String(length=8), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        sa.Column("people", COUNT, nullable=False),
        sa.PrimaryKeyConstraint("grain", "start"),
        **NO_ROWID,
    )
    op.create_table(
        "source_totals",
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("articles", COUNT, nullable=False),
        sa.Column("quotations", COUNT, nullable=False),
        sa.PrimaryKeyConstraint("source"),
        **NO_ROWID,
    )
    op.create_table(
        "quotation_about",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("quotation_id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "quotation_id"),
        **NO_ROWID,
    )


def upgrade() -> None:
    from app.core.analytics_counts import rebuild_sql

    # Plain ALTER (no batch copy of `quotations`, whose rebuild would cascade on SQLite).
    op.add_column("quotations", sa.Column("speaker_named", sa.Boolean(), nullable=True))
    _create_tables()
    for statement in rebuild_sql(op.get_bind().dialect.name):
        op.execute(statement)
    # Secondary indexes after the backfill: built once, sorted.
    op.create_index(
        "ix_entity_days_day",
        "entity_days",
        ["day", "dated", "entity_id", "articles", "mentions", "quotations"],
    )
    op.create_index("ix_quotation_about_article", "quotation_about", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_quotation_about_article", table_name="quotation_about")
    op.drop_index("ix_entity_days_day", table_name="entity_days")
    for table in (
        "quotation_about",
        "source_totals",
        "timeline_people",
        "quotation_days",
        "corpus_days",
        "entity_days",
    ):
        op.drop_table(table)
    op.execute("ALTER TABLE quotations DROP COLUMN speaker_named")
