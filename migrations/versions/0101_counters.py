"""counters: row counts maintained by triggers

Revision ID: 0101
Revises: 0003
Create Date: 2026-11-23 13:50:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0101"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COUNTED = {
    "articles": "SELECT count(*) FROM articles",
    "quotations": "SELECT count(*) FROM quotations",
    "entities:person": "SELECT count(*) FROM entities WHERE kind = 'person'",
    "entities:organisation": "SELECT count(*) FROM entities WHERE kind = 'organisation'",
}

# table -> SQL expression naming the counter of a row (NEW/OLD substituted)
TRACKED = {
    "articles": "'articles'",
    "quotations": "'quotations'",
    "entities": "'entities:' || {row}.kind",
}

PG_FUNCTION = """
CREATE FUNCTION counters_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE counters SET value = 0
     WHERE name = TG_TABLE_NAME OR name LIKE TG_TABLE_NAME || ':%';
  ELSIF TG_OP = 'INSERT' THEN
    IF TG_TABLE_NAME = 'entities' THEN
      UPDATE counters c SET value = c.value + n.rows
        FROM (SELECT 'entities:' || kind AS name, count(*) AS rows FROM new_rows GROUP BY kind) n
       WHERE c.name = n.name;
    ELSE
      UPDATE counters SET value = value + (SELECT count(*) FROM new_rows)
       WHERE name = TG_TABLE_NAME;
    END IF;
  ELSIF TG_OP = 'DELETE' THEN
    IF TG_TABLE_NAME = 'entities' THEN
      UPDATE counters c SET value = c.value - n.rows
        FROM (SELECT 'entities:' || kind AS name, count(*) AS rows FROM old_rows GROUP BY kind) n
       WHERE c.name = n.name;
    ELSE
      UPDATE counters SET value = value - (SELECT count(*) FROM old_rows)
       WHERE name = TG_TABLE_NAME;
    END IF;
  END IF;
  RETURN NULL;
END
$$
"""


def upgrade() -> None:
    op.create_table(
        "counters",
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    for name, count in COUNTED.items():
        op.execute(f"INSERT INTO counters (name, value) VALUES ('{name}', ({count}))")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(PG_FUNCTION)
        for table in TRACKED:
            # Statement-level triggers with transition tables: one UPDATE per statement,
            # however many rows a bulk INSERT or a cascaded DELETE touches.
            op.execute(
                f"CREATE TRIGGER counters_{table}_insert AFTER INSERT ON {table}"
                " REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT"
                " EXECUTE FUNCTION counters_track()"
            )
            op.execute(
                f"CREATE TRIGGER counters_{table}_delete AFTER DELETE ON {table}"
                " REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT"
                " EXECUTE FUNCTION counters_track()"
            )
            op.execute(
                f"CREATE TRIGGER counters_{table}_truncate AFTER TRUNCATE ON {table}"
                " FOR EACH STATEMENT EXECUTE FUNCTION counters_track()"
            )
    else:
        for table, name in TRACKED.items():
            op.execute(
                f"CREATE TRIGGER counters_{table}_insert AFTER INSERT ON {table} BEGIN"
                f" UPDATE counters SET value = value + 1 WHERE name = {name.format(row='NEW')};"
                " END"
            )
            op.execute(
                f"CREATE TRIGGER counters_{table}_delete AFTER DELETE ON {table} BEGIN"
                f" UPDATE counters SET value = value - 1 WHERE name = {name.format(row='OLD')};"
                " END"
            )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in TRACKED:
        for event in ("insert", "delete", "truncate"):
            if postgresql:
                op.execute(f"DROP TRIGGER IF EXISTS counters_{table}_{event} ON {table}")
            else:
                op.execute(f"DROP TRIGGER IF EXISTS counters_{table}_{event}")
    if postgresql:
        op.execute("DROP FUNCTION IF EXISTS counters_track()")
    op.drop_table("counters")
