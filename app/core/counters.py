"""Maintained row counts: the `counters` table, kept exact by triggers (see migration 0101).

Every INSERT and DELETE on articles, quotations and entities (also cascaded deletes, bulk
inserts and, on PostgreSQL, TRUNCATE) adjusts the matching row in the same transaction, so a
page's `total` is one primary-key lookup instead of a COUNT(*) over a growing table.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session, col

from app.models import MaintainedCounter

# The write generation: bumped by a trigger on every INSERT and DELETE of an article, in the
# writing transaction (migration 0104); it names one state of everything search reads.
GENERATION = "generation"

# counter name -> the COUNT(*) it stands for
COUNTED: dict[str, str] = {
    "articles": "SELECT count(*) FROM articles",
    "quotations": "SELECT count(*) FROM quotations",
    "entities:person": "SELECT count(*) FROM entities WHERE kind = 'person'",
    "entities:organisation": "SELECT count(*) FROM entities WHERE kind = 'organisation'",
}


def recount_sql() -> list[str]:
    """Statements that reset every counter from the rows (after bulk loads that bypass triggers)."""
    return [
        f"UPDATE counters SET value = ({sql}) WHERE name = '{name}'"
        for name, sql in COUNTED.items()
    ]


def get_count(session: Session, name: str) -> int:
    value = _read(session, name)
    if value is None:
        raise KeyError(f"no counter {name!r}")
    return value


def get_generation(session: Session) -> int:
    """The write generation (0 on a database migrated before it existed, never decreasing)."""
    return _read(session, GENERATION) or 0


def _read(session: Session, name: str) -> int | None:
    statement = select(col(MaintainedCounter.value)).where(col(MaintainedCounter.name) == name)
    return session.execute(statement).scalar_one_or_none()
