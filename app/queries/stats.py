"""Who gets quoted: sources and quotation statistics, from the maintained per-day tables.

`published_from`/`published_to` select articles by publication date (undated articles are
left out when either is set), as on every list endpoint; `source` is an exact name.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select, true
from sqlmodel import Session

from app.analytics_schemas import (
    QuotationGroupBy,
    QuotationStats,
    SourceOut,
    SourceSort,
    StatsGroup,
)
from app.core.analytics_counts import KINDS, SPEAKER_GROUPS, bucket_sql
from app.core.text import strip_control
from app.models import CorpusDay, CorpusPeriod, SourceTotal
from app.queries.periods import RangeError, label, resolve_span
from app.schemas import Page

_corpus_days = CorpusDay.__table__  # type: ignore[attr-defined]
_source_totals = SourceTotal.__table__  # type: ignore[attr-defined]
_corpus_periods = CorpusPeriod.__table__  # type: ignore[attr-defined]


def _key(source: str) -> str | None:
    return source or None  # stored as '' when the article has none


def _days(
    published_from: date | None, published_to: date | None, source: str | None = None
) -> list[ColumnElement[bool]]:
    if published_from is not None and published_to is not None and published_from > published_to:
        raise RangeError(f"`published_from` ({published_from}) is after `published_to`.")
    c = _corpus_days.c
    where: list[ColumnElement[bool]] = []
    if published_from is not None or published_to is not None:
        where.append(c.dated == true())
    if published_from is not None:
        where.append(c.day >= published_from)
    if published_to is not None:
        where.append(c.day <= published_to)
    if source is not None:
        where.append(c.source == strip_control(source))
    return where


_SOURCE_ORDER = {
    "-articles": ("articles", True),
    "-quotations": ("quotations", True),
    "name": ("source", False),
}


def list_sources(
    session: Session,
    *,
    sort: SourceSort = "-articles",
    published_from: date | None = None,
    published_to: date | None = None,
    limit: int,
    offset: int,
) -> Page[SourceOut]:
    """Each source with its article and quotation counts (over a range of publication
    dates when one is given)."""
    if published_from is None and published_to is None:
        t = _source_totals.c
        rows = select(t.source, t.articles, t.quotations)
        total = session.execute(select(func.count()).select_from(SourceTotal)).scalar_one()
    else:
        c = _corpus_days.c
        rows = (
            select(
                c.source,
                func.sum(c.articles).label("articles"),
                func.sum(c.quotations).label("quotations"),
            )
            .where(*_days(published_from, published_to))
            .group_by(c.source)
        )
        total = session.execute(select(func.count()).select_from(rows.subquery())).scalar_one()
    query = rows.subquery()
    column, descending = _SOURCE_ORDER[sort]
    by = query.c[column]
    order = (by.desc() if descending else by, query.c.source)
    found = session.execute(select(query).order_by(*order).limit(limit).offset(offset)).all()
    items = [SourceOut(source=_key(s), article_count=a, quotation_count=q) for s, a, q in found]
    return Page(items=items, total=total, limit=limit, offset=offset)


def quotation_stats(
    session: Session,
    *,
    group_by: QuotationGroupBy,
    published_from: date | None = None,
    published_to: date | None = None,
    source: str | None = None,
) -> QuotationStats:
    """Quotation counts and shares per source, speaker type, kind or month. Without a date
    range the per-source totals (or the corpus's months) answer, else the days in range."""
    ranged = published_from is not None or published_to is not None
    table = (_corpus_days if ranged else _source_totals).c
    where = _days(published_from, published_to, source) if ranged else []
    if not ranged and source is not None:
        where.append(_source_totals.c.source == strip_control(source))
    counts: dict[str | None, int]
    if group_by in ("kind", "speaker_type"):
        prefix, keys = ("kind", KINDS) if group_by == "kind" else ("speaker", SPEAKER_GROUPS)
        sums = [func.coalesce(func.sum(getattr(table, f"{prefix}_{k}")), 0) for k in keys]
        row = session.execute(select(*sums).where(*where)).one()
        counts = dict(zip(keys, row, strict=True))
    elif group_by == "month":
        found = _by_month(session, published_from, published_to, source)
        counts = {m: found.get(m, 0) for m in _months(found, published_from, published_to)}
    else:
        rows = session.execute(
            select(table.source, func.sum(table.quotations)).where(*where).group_by(table.source)
        ).all()
        ordered = sorted(rows, key=lambda r: (-r[1], r[0]))
        counts = {_key(s): n for s, n in ordered}
    return shares(group_by, counts, published_from, published_to, source)


def _by_month(
    session: Session, published_from: date | None, published_to: date | None, source: str | None
) -> dict[str, int]:
    """Quotations per month (`2005-01`): the corpus's maintained months when nothing narrows
    them, else the days the filters select."""
    if published_from is None and published_to is None and source is None:
        p = _corpus_periods.c
        rows = session.execute(select(p.start, p.quotations).where(p.grain == "month")).all()
    else:
        c = _corpus_days.c
        month: ColumnElement[Any] = literal_column(
            bucket_sql(session.get_bind().dialect.name, "month", "corpus_days.day")
        )
        where = _days(published_from, published_to, source)
        rows = session.execute(
            select(month, func.sum(c.quotations)).where(*where).group_by(month)
        ).all()
    return {label(_as_date(m), "month"): n for m, n in rows}


def shares(
    group_by: QuotationGroupBy,
    counts: dict[str | None, int],
    published_from: date | None = None,
    published_to: date | None = None,
    source: str | None = None,
) -> QuotationStats:
    """The counts per group with their shares of the total, in the order given."""
    total = sum(counts.values())
    return QuotationStats(
        group_by=group_by,
        published_from=published_from,
        published_to=published_to,
        source=source,
        total=total,
        groups=[
            StatsGroup(key=k, quotations=n, share=round(n / total, 4) if total else 0.0)
            for k, n in counts.items()
        ],
    )


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _months(
    counts: dict[str, int], published_from: date | None, published_to: date | None
) -> list[str]:
    """Every month from the first to the last (the range given, else the months found)."""
    found = sorted(date.fromisoformat(month + "-01") for month in counts)
    extent = (found[0], found[-1]) if found else (None, None)
    span = resolve_span(published_from, published_to, extent, "month")
    return [label(s, "month") for s in span.starts()] if span is not None else []
