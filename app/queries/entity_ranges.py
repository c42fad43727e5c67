"""People and organisations counted over a range of publication dates.

"Who was quoted most in March 2005": each entity's articles, mentions and quotations among
the articles published in the range, summed from the maintained `entity_days` rows of those
days (the ix_entity_days_day index: a range of days, not every entity), sorted by one of them.
Only entities named in the range are listed; undated articles are left out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Subquery, func, select, true
from sqlmodel import Session, col

from app.models import Entity, EntityDay, EntityMonth
from app.queries.periods import RangeError
from app.queries.timelines import month_end
from app.queries.where_clauses import EntityFilters, EntitySort, entity_where
from app.schemas import EntityKind, EntitySummary, Page

_entity_months = EntityMonth.__table__  # type: ignore[attr-defined]
_entity_days = EntityDay.__table__  # type: ignore[attr-defined]


def _range_counts(kind: EntityKind, filters: EntityFilters) -> Subquery:
    """Per entity of `kind` named in the range: its articles, mentions and quotations there.
    Whole months ("March 2005", "2005") sum the entity_months rows of those months, other
    ranges the entity_days rows of their days (both indexed by date, dated, kind, entity)."""
    first, last = filters.published_from, filters.published_to
    if first is not None and last is not None and first > last:
        raise RangeError(f"`published_from` ({first}) is after `published_to` ({last}).")
    whole = (first is None or first.day == 1) and (last is None or month_end(last))
    t = (_entity_months if whole else _entity_days).c
    when = t.month if whole else t.day
    days: list[ColumnElement[bool]] = [t.dated == true(), t.kind == kind]
    if (
        whole
        and first is not None
        and last is not None
        and first.replace(day=1) == last.replace(day=1)
    ):
        # one month: its index entries come in entity order, grouped without sorting
        days.append(when == first)
        entity_id = t.entity_id.label("entity_id")
    else:
        if first is not None:
            days.append(when >= first)
        if last is not None:
            days.append(when <= last)
        # Grouped by an expression: SQLite then reads the range from the month or day index
        # instead of skip-scanning the primary key entity by entity for its ready-made order
        # (ten times slower at 100,000 articles).
        entity_id = (t.entity_id + 0).label("entity_id")
    return (
        select(
            entity_id,
            func.sum(t.articles).label("articles"),
            func.sum(t.mentions).label("mentions"),
            func.sum(t.quotations).label("quotations"),
        )
        .where(*days)
        .group_by(entity_id)
        .subquery()
    )


def _ranked(
    counts: Subquery,
    *,
    kind: EntityKind,
    filters: EntityFilters,
    sort: EntitySort,
    limit: int,
    offset: int,
) -> Subquery:
    """The page's entity ids and counts, with the total counted in the same pass. Sorted
    by a count, without a name filter, the counts alone decide (no entity is read)."""
    tie: ColumnElement[Any]
    if sort != "name" and filters.q is None and filters.article is None:
        query = select(counts)
        tie = counts.c.entity_id
    else:
        query = select(counts).join(Entity, col(Entity.id) == counts.c.entity_id)
        query = query.where(*entity_where(kind, filters))
        tie = Entity.__table__.c.id  # type: ignore[attr-defined]
    first = col(Entity.name) if sort == "name" else counts.c[sort[1:]].desc()
    return (
        query.add_columns(func.count().over().label("total"))
        .order_by(first, tie)
        .limit(limit)
        .offset(offset)
        .subquery()
    )


def list_entities_in_range(
    session: Session,
    *,
    kind: EntityKind,
    filters: EntityFilters,
    sort: EntitySort,
    limit: int,
    offset: int,
) -> Page[EntitySummary]:
    """One page of the entities named in the range, with their counts there: ranked on ids
    and counts; only the page's entities are then read, and put in the same order again."""
    counts = _range_counts(kind, filters)
    ranked = _ranked(counts, kind=kind, filters=filters, sort=sort, limit=limit, offset=offset)
    first = col(Entity.name) if sort == "name" else ranked.c[sort[1:]].desc()
    rows = session.execute(
        select(
            col(Entity.id),
            col(Entity.name),
            col(Entity.kind),
            col(Entity.aliases),
            col(Entity.roles),
            ranked.c.articles,
            ranked.c.mentions,
            ranked.c.quotations,
            ranked.c.total,
        )
        .join(ranked, ranked.c.entity_id == col(Entity.id))
        .order_by(first, col(Entity.id))
    ).all()
    if rows:
        total = rows[0].total
    else:  # past the end (or nothing): count alone
        total = session.execute(
            select(func.count())
            .select_from(Entity)
            .join(counts, counts.c.entity_id == col(Entity.id))
            .where(*entity_where(kind, filters))
        ).scalar_one()
    items = [
        EntitySummary(
            id=r.id,
            name=r.name,
            kind=r.kind,
            aliases=r.aliases,
            roles=r.roles,
            mention_count=r.mentions,
            article_count=r.articles,
            quotation_count=r.quotations,
        )
        for r in rows
    ]
    return Page(items=items, total=total, limit=limit, offset=offset)
