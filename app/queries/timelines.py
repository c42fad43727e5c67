"""Timelines: an entity's or the corpus's activity per day, week, month or year.

Read from the maintained tables of app.core.analytics_counts, never from the articles: a
busy person's monthly timeline is one primary-key range of `entity_months` (a row per
month), a weekly or daily one sums `entity_days`; the corpus's periods are `corpus_periods`
rows. A period is dated by its articles' publication date, else their ingest date.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import and_, func, literal_column, or_, select
from sqlmodel import Session

from app.analytics_schemas import (
    CorpusTimeline,
    EntityTimeline,
    Interval,
)
from app.core.analytics_counts import bucket_sql, next_start, period_start
from app.models import CorpusDay, CorpusPeriod, Entity, EntityDay, EntityMonth
from app.queries.entities import entity_summary
from app.queries.periods import Span, label, resolve_span
from app.schemas import EntityKind

Extent = tuple[date | None, date | None]
Counts = dict[date, tuple[int, ...]]
_entity_months = EntityMonth.__table__  # type: ignore[attr-defined]
_entity_days = EntityDay.__table__  # type: ignore[attr-defined]
_corpus_days = CorpusDay.__table__  # type: ignore[attr-defined]
_corpus_periods = CorpusPeriod.__table__  # type: ignore[attr-defined]
_entities = Entity.__table__  # type: ignore[attr-defined]


def _bucket(session: Session, interval: Interval, column: str) -> Any:
    return literal_column(bucket_sql(session.get_bind().dialect.name, interval, column))


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _entity_rows(session: Session, entity_id: int, span: Span) -> dict[date, tuple[int, ...]]:
    """(articles, mentions, quotations) per period start: from entity_months for months and
    years (whole months: a span's first and last months are cut by summing days instead)."""
    interval = span.interval
    if interval in ("month", "year") and span.first.day == 1 and month_end(span.last):
        m = _entity_months.c
        period = m.month if interval == "month" else _bucket(session, "year", "entity_months.month")
        sums = (func.sum(m.articles), func.sum(m.mentions), func.sum(m.quotations))
        query = (
            select(period, *sums)
            .where(m.entity_id == entity_id, m.month >= span.first, m.month <= span.last)
            .group_by(period)
        )
    else:
        d = _entity_days.c
        bucket = _bucket(session, interval, "entity_days.day")
        query = (
            select(bucket, func.sum(d.articles), func.sum(d.mentions), func.sum(d.quotations))
            .where(d.entity_id == entity_id, d.day >= span.first, d.day <= span.last)
            .group_by(bucket)
        )
    return {_as_date(b): (a, m_, q) for b, a, m_, q in session.execute(query).all()}


def month_end(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


def entity_timeline(
    session: Session,
    *,
    kind: EntityKind,
    entity_id: int,
    interval: Interval,
    start: date | None = None,
    end: date | None = None,
) -> EntityTimeline | None:
    """The entity's articles, mentions and quotations per period; None: no such entity."""
    entity = session.get(Entity, entity_id)
    if entity is None or entity.kind != kind:
        return None
    first, last = entity.first_seen, entity.last_seen
    if start is None and end is None and first is not None and last is not None:
        # the whole range: whole periods hold nothing more
        first = period_start(first, interval)
        last = next_start(period_start(last, interval), interval) - timedelta(days=1)
    span = resolve_span(start, end, (first, last), interval)
    buckets: list[dict[str, Any]] = []
    if span is not None:
        found = _entity_rows(session, entity_id, span)
        zero = (0, 0, 0)
        buckets = [
            {
                "period": label(s, interval),
                "start": s,
                "articles": (c := found.get(s, zero))[0],
                "mentions": c[1],
                "quotations": c[2],
            }
            for s in span.starts()
        ]
    return EntityTimeline.model_validate(
        {
            "entity": entity_summary(entity),
            "interval": interval,
            "from": start if start is not None else entity.first_seen,
            "to": end if end is not None else entity.last_seen,
            "buckets": buckets,
        }
    )


def corpus_days(session: Session) -> Extent:
    """The first and last day any article was seen (two index reads)."""
    first = select(func.min(CorpusDay.day)).scalar_subquery()
    last = select(func.max(CorpusDay.day)).scalar_subquery()
    row = session.execute(select(first, last)).one()
    return (
        _as_date(row[0]) if row[0] is not None else None,
        _as_date(row[1]) if row[1] is not None else None,
    )


def corpus_timeline(
    session: Session,
    *,
    interval: Interval,
    start: date | None = None,
    end: date | None = None,
    extent: Extent | None = None,
) -> CorpusTimeline:
    """Articles, quotations and distinct people per period over the whole corpus (`extent`:
    the corpus's first and last day, when the caller has them)."""
    if extent is None:
        extent = corpus_days(session)
    span = resolve_span(start, end, extent, interval)
    buckets: list[dict[str, Any]] = []
    if span is not None:
        found = _corpus_rows(session, span, extent)
        zero = (0, 0, 0)
        buckets = [
            {
                "period": label(s, interval),
                "start": s,
                "articles": (c := found.get(s, zero))[0],
                "quotations": c[1],
                "people": c[2],
            }
            for s in span.starts()
        ]
    return CorpusTimeline.model_validate(
        {
            "interval": interval,
            "from": start if start is not None else extent[0],
            "to": end if end is not None else extent[1],
            "buckets": buckets,
        }
    )


def _corpus_rows(session: Session, span: Span, extent: Extent) -> dict[date, tuple[int, ...]]:
    """(articles, quotations, people) per period start: the maintained corpus_periods rows,
    except for the one or two periods the span cuts (where it leaves out days with
    articles), counted over the days inside."""
    grain = span.interval
    lo, hi = extent
    assert lo is not None and hi is not None
    cut = []
    for edge in sorted({period_start(span.first, grain), period_start(span.last, grain)}):
        end = next_start(edge, grain) - timedelta(days=1)
        if span.first > max(edge, lo) or span.last < min(end, hi):
            cut.append((max(edge, span.first), min(end, span.last)))
    p = _corpus_periods.c
    kept = session.execute(
        select(p.start, p.articles, p.quotations, p.people).where(
            p.grain == grain, p.start >= period_start(span.first, grain), p.start <= span.last
        )
    ).all()
    found: Counts = {_as_date(s): (a, q, n) for s, a, q, n in kept}
    if cut:
        for first, _ in cut:
            found.pop(period_start(first, grain), None)
        found.update(_cut_periods(session, grain, cut))
    return found


def _cut_periods(
    session: Session, grain: Interval, cut: list[tuple[date, date]]
) -> dict[date, tuple[int, ...]]:
    c, d, e = _corpus_days.c, _entity_days.c, _entities.c
    day_bucket = _bucket(session, grain, "corpus_days.day")
    totals = session.execute(
        select(day_bucket, func.sum(c.articles), func.sum(c.quotations))
        .where(or_(*(and_(c.day >= a, c.day <= b) for a, b in cut)))
        .group_by(day_bucket)
    ).all()
    person_bucket = _bucket(session, grain, "entity_days.day")
    people: dict[Any, int] = dict(
        session.execute(
            select(person_bucket, func.count(d.entity_id.distinct()))
            .join(_entities, e.id == d.entity_id)
            .where(e.kind == "person", or_(*(and_(d.day >= a, d.day <= b) for a, b in cut)))
            .group_by(person_bucket)
        ).all()
    )
    return {_as_date(b): (a, q, people.get(b, 0)) for b, a, q in totals}
