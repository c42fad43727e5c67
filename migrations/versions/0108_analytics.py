"""analytics: unnamed sources and the maintained aggregates of timelines and statistics

* `quotations.speaker_named`: False for an unnamed source ("officials", "a spokesman"),
  True for a named one, NULL when not known (stored as the annotator gives it).
* `entity_days`, `entity_months`, `corpus_days`, `source_totals`, `corpus_periods`,
  `entity_quotations`: counts per entity per day and month, per source per day and in all
  (quotations by kind and speaker group too), per period with its distinct people, and each
  quotation under its speaker and under the entities its quoted text mentions; see
  app/core/analytics_counts.py, which keeps them exact on every write and fills them here
  from the stored rows.

Revision ID: 0108
Revises: 0107
Create Date: 2026-12-04 18:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0108"
down_revision: str | None = "0107"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

NO_ROWID = {"sqlite_with_rowid": False}
KINDS = ("direct", "indirect", "mixed")
SPEAKER_GROUPS = ("person", "organisation", "other", "unnamed", "unattributed")


def _counts(*names: str) -> list[sa.Column]:
    return [sa.Column(name, sa.Integer(), nullable=False) for name in names]


BREAKDOWN = (*(f"kind_{k}" for k in KINDS), *(f"speaker_{g}" for g in SPEAKER_GROUPS))


def _create_tables() -> None:
    op.create_table(
        "entity_days",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dated", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        *_counts("articles", "mentions", "quotations"),
        sa.PrimaryKeyConstraint("entity_id", "day", "dated"),
        **NO_ROWID,
    )
    op.create_table(
        "entity_months",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("dated", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        *_counts("articles", "mentions", "quotations"),
        sa.PrimaryKeyConstraint("entity_id", "month", "dated"),
        **NO_ROWID,
    )
    op.create_table(
        "corpus_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("dated", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        *_counts("articles", "quotations", *BREAKDOWN),
        sa.PrimaryKeyConstraint("day", "dated", "source"),
        **NO_ROWID,
    )
    op.create_table(
        "source_totals",
        sa.Column("source", sa.String(), nullable=False),
        *_counts("articles", "quotations", *BREAKDOWN),
        sa.PrimaryKeyConstraint("source"),
        **NO_ROWID,
    )
    op.create_table(
        "corpus_periods",
        sa.Column("grain", sa.String(length=8), nullable=False),
        sa.Column("start", sa.Date(), nullable=False),
        *_counts("articles", "quotations", "people"),
        sa.PrimaryKeyConstraint("grain", "start"),
        **NO_ROWID,
    )
    op.create_table(
        "entity_quotations",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.Column("quotation_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("entity_id", "role", "quotation_id"),
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
        ["day", "dated", "kind", "entity_id", "articles", "mentions", "quotations"],
    )
    op.create_index(
        "ix_entity_months_month",
        "entity_months",
        ["month", "dated", "kind", "entity_id", "articles", "mentions", "quotations"],
    )
    op.create_index(
        "ix_entity_quotations_latest",
        "entity_quotations",
        ["entity_id", "role", "day", "quotation_id"],
    )
    op.create_index("ix_entity_quotations_article", "entity_quotations", ["article_id"])


def downgrade() -> None:
    op.drop_index("ix_entity_quotations_article", table_name="entity_quotations")
    op.drop_index("ix_entity_quotations_latest", table_name="entity_quotations")
    op.drop_index("ix_entity_months_month", table_name="entity_months")
    op.drop_index("ix_entity_days_day", table_name="entity_days")
    for table in (
        "entity_quotations",
        "corpus_periods",
        "source_totals",
        "corpus_days",
        "entity_months",
        "entity_days",
    ):
        op.drop_table(table)
    op.execute("ALTER TABLE quotations DROP COLUMN speaker_named")
