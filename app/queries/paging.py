"""Paging helpers shared by the list queries."""

from __future__ import annotations

from sqlalchemy import select, true


def id_window(id_column, *, offset: int, after: int | None):  # type: ignore[no-untyped-def]
    """WHERE clause starting an id-ordered page after the cursor and `offset` ids further.

    The offset is applied to the ids alone (a thin index), never to full table rows, so a
    deep page costs about as much as the first one.
    """
    if not offset:
        return id_column > after if after is not None else true()
    first = select(id_column).order_by(id_column).offset(offset).limit(1)
    if after is not None:
        first = first.where(id_column > after)
    return id_column >= first.scalar_subquery()
