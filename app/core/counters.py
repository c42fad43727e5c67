"""Maintained row counts: the `counters` table, kept exact by triggers (see migration 0101).

Every INSERT and DELETE on articles, quotations and entities (also cascaded deletes, bulk
inserts and, on PostgreSQL, TRUNCATE) adjusts the matching row in the same transaction, so a
page's `total` is one primary-key lookup instead of a COUNT(*) over a growing table.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session

from app.models import Counter

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
    value = session.execute(select(Counter.value).where(Counter.name == name)).scalar_one_or_none()
    if value is None:
        raise KeyError(f"no counter {name!r}")
    return value
