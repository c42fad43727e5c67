"""Helpers for the hot list queries: id windows, prepared statements, one-pass validation.

Hot lists are built once per shape as SQLAlchemy Core statements with bound parameters (no
statement construction per request), run on the session's connection (no ORM result
machinery), turned into plain dicts and validated in one pass by pydantic-core.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Executable, Label, Row, Select, bindparam, select, true
from sqlalchemy.orm import Mapped
from sqlmodel import Session, col

from app.models import MaintainedCounter


def id_window(
    id_column: ColumnElement[int] | Mapped[int | None], *, offset: bool, after: bool
) -> ColumnElement[bool]:
    """WHERE clause for an id-ordered page: ids after :after, then :offset ids further.

    The offset is applied to the ids alone (a thin index), never to full table rows, so a
    deep page costs about as much as the first one.
    """
    if not offset:
        return id_column > bindparam("after") if after else true()
    first = select(id_column).order_by(id_column).offset(bindparam("offset")).limit(1)
    if after:
        first = first.where(id_column > bindparam("after"))
    return id_column >= first.scalar_subquery()


def counter_column(name: str) -> Label[int]:
    """The maintained count `name` as a column of the page query (saves a round trip)."""
    return (
        select(col(MaintainedCounter.value))
        .where(col(MaintainedCounter.name) == name)
        .scalar_subquery()
        .label("total")
    )


def fetch(session: Session, statement: Executable, params: Mapping[str, Any]) -> Sequence[Row]:
    """Run a Core statement on the session's connection."""
    return session.connection().execute(statement, dict(params)).all()


def _converter(column_type: Any) -> Callable[[Any], Any] | None:
    """Turn a raw driver value into what the column type would give (SQLite stores text)."""
    from sqlalchemy import JSON, Date, DateTime

    from app.models import UTCDateTime

    if isinstance(column_type, JSON):
        return lambda v: json.loads(v) if isinstance(v, str) else v
    if isinstance(column_type, UTCDateTime | DateTime):

        def to_datetime(v: Any) -> Any:
            if isinstance(v, str):
                v = datetime.fromisoformat(v)
            if isinstance(v, datetime) and v.tzinfo is None:
                v = v.replace(tzinfo=UTC)
            return v

        return to_datetime
    if isinstance(column_type, Date):
        return lambda v: date.fromisoformat(v) if isinstance(v, str) else v
    return None


class Prepared:
    """A Core SELECT compiled once per dialect and run as driver SQL.

    SQLAlchemy's `execute` derives a cache key from the statement on every call (a full walk
    of the statement tree), which costs more than the query itself for a small indexed read.
    Here the SQL string and the parameter order are computed once; each call only binds the
    values, runs the SQL and converts the few column types that SQLite returns as text.
    """

    def __init__(self, statement: Select) -> None:
        self.statement = statement
        self.keys = tuple(str(c.key) for c in statement.selected_columns)  # all are named
        self._by_dialect: dict[str, tuple[Any, ...]] = {}

    def _compiled(self, dialect: Any) -> tuple[Any, ...]:
        found = self._by_dialect.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            converters = [
                (i, conv)
                for i, col in enumerate(self.statement.selected_columns)
                if (conv := _converter(col.type)) is not None
            ]
            found = (compiled, str(compiled), compiled.positiontup, converters)
            self._by_dialect[dialect.name] = found
        return found

    def rows(self, session: Session, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        connection = session.connection()
        compiled, sql, positions, converters = self._compiled(connection.dialect)
        values = compiled.construct_params(dict(params))
        bound = tuple(values[name] for name in positions) if positions else values
        raw = connection.exec_driver_sql(sql, bound).fetchall()
        out = []
        for row in raw:
            item = dict(zip(self.keys, row, strict=True))
            for i, conv in converters:
                key = self.keys[i]
                item[key] = conv(item[key])
            out.append(item)
        return out
