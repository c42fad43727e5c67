"""generation: a counter bumped by every write to articles (keys the search result cache)

Articles are only ever inserted or deleted (their paragraphs and quotations with them), so
the counter names one state of everything search reads; see app/queries/cache.py. It is not a
row count: `app.core.counters.recount_sql` leaves it alone, and TRUNCATE bumps it too.

Revision ID: 0104
Revises: 0103
Create Date: 2026-11-23 16:30:00
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0104"
down_revision: str | None = "0103"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BUMP = "UPDATE counters SET value = value + 1 WHERE name = 'generation'"
PG_FUNCTION = f"""
CREATE FUNCTION generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  {BUMP};
  RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.execute("INSERT INTO counters (name, value) VALUES ('generation', 0)")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for event in ("INSERT", "DELETE", "TRUNCATE"):
            op.execute(
                f"CREATE TRIGGER generation_articles_{event.lower()} AFTER {event} ON articles"
                " FOR EACH STATEMENT EXECUTE FUNCTION generation_bump()"
            )
    else:
        for event in ("INSERT", "DELETE"):
            op.execute(
                f"CREATE TRIGGER generation_articles_{event.lower()} AFTER {event} ON articles"
                f" BEGIN {BUMP}; END"
            )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for event in ("insert", "delete", "truncate"):
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS generation_articles_{event} ON articles")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS generation_articles_{event}")
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS generation_bump()")
    op.execute("DELETE FROM counters WHERE name = 'generation'")
