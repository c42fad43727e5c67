"""Maintained aggregates behind timelines, range counts, quotation statistics and `about`.

Tables (migration 0110, models in app.models), all derived from the stored rows:

* `entity_days`: per entity and day, its articles, mentions and quotations (the article's
  `article_entities` row: one article, its mention_count and quotation_count);
* `corpus_days`: per day and source, articles and quotations;
* `quotation_days`: per day and source, quotations by kind and speaker group;
* `timeline_people`: per period (day, week, month, year), the distinct people named;
* `source_totals`: per source, articles and quotations;
* `quotation_about`: each (entity, quotation) whose quoted spans hold a mention of the entity.

A "day" is the date an article was seen: its publication date, else the UTC date it was
stored (app.ingest.seen_date); `dated` says which, so that `published_from`/`published_to`
leave undated articles out, as on every other endpoint.

The write path calls, inside its transaction and after the entity rows it touches are locked:

* `add_article(conn, article_id)` once the article's rows (articles, article_entities,
  mentions, quotations) are written, and again after any relink changed them;
* `remove_article(conn, article_id)` before the rows change (a relink) or go (a delete).

An article's contribution also depends on the kind of the entities it names (people counted
per period, speaker groups of quotations), so an entity whose kind changes needs
`remove_entity_kind(conn, entity_id)` before the change and `add_entity_kind(conn, entity_id)`
after it (the same as removing and adding back each of its articles, in a few statements).

`rebuild(conn)` recomputes every table from scratch (migration backfill, bulk loads) and
`recount_sql(dialect)` gives the from-scratch rows that tests compare the tables with.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    Date,
    String,
    Table,
    and_,
    bindparam,
    case,
    delete,
    exists,
    func,
    literal_column,
    select,
    text,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.dml import Insert

from app.models import (
    Article,
    ArticleEntity,
    CorpusDay,
    Entity,
    EntityDay,
    Quotation,
    QuotationAbout,
    QuotationDay,
    SourceTotal,
    TimelinePeople,
)

Grain = Literal["day", "week", "month", "year"]
GRAINS: tuple[Grain, ...] = ("day", "week", "month", "year")
SPEAKER_GROUPS = ("person", "organisation", "other", "unnamed", "unattributed")
TABLES = (
    "entity_days",
    "corpus_days",
    "quotation_days",
    "timeline_people",
    "source_totals",
    "quotation_about",
)

_ae: Table = ArticleEntity.__table__  # type: ignore[attr-defined]
_entities: Table = Entity.__table__  # type: ignore[attr-defined]
_quotations: Table = Quotation.__table__  # type: ignore[attr-defined]
_entity_days: Table = EntityDay.__table__  # type: ignore[attr-defined]
_corpus_days: Table = CorpusDay.__table__  # type: ignore[attr-defined]
_quotation_days: Table = QuotationDay.__table__  # type: ignore[attr-defined]
_people: Table = TimelinePeople.__table__  # type: ignore[attr-defined]
_sources: Table = SourceTotal.__table__  # type: ignore[attr-defined]
_about: Table = QuotationAbout.__table__  # type: ignore[attr-defined]
_TABLES = {t.name: t for t in (_entity_days, _corpus_days, _quotation_days, _sources, _people)}


# ------------------------------------------------------------------------------ periods


def seen_day(published: date | None, ingested_at: datetime) -> date:
    """The day an article was seen: published, else the UTC date of ingest (as
    app.ingest.seen_date, which entities' first_seen/last_seen use)."""
    if published is not None:
        return published
    if ingested_at.tzinfo is not None:
        ingested_at = ingested_at.astimezone(UTC)
    return ingested_at.date()


def period_start(day: date, grain: Grain) -> date:
    """First day of the period holding `day` (weeks start on Monday, as ISO weeks do)."""
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "year":
        return day.replace(month=1, day=1)
    return day


def next_start(start: date, grain: Grain) -> date:
    """First day of the period after the one starting on `start`."""
    if grain == "day":
        return start + timedelta(days=1)
    if grain == "week":
        return start + timedelta(days=7)
    if grain == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


SQLITE_YEAR = "'start of year'"


def bucket_sql(dialect: str, grain: Grain, column: str) -> str:
    """SQL for the first day of the `grain` period holding the date `column`."""
    if grain == "day":
        return column
    if dialect == "postgresql":
        return f"CAST(date_trunc('{grain}', CAST({column} AS timestamp)) AS date)"
    modifier = {"week": "'weekday 0', '-6 days'", "month": "'start of month'"}
    return f"date({column}, {modifier.get(grain, SQLITE_YEAR)})"


# ------------------------------------------------------------------------------ statements


def _insert(dialect: str) -> Any:
    return pg_insert if dialect == "postgresql" else sqlite_insert


@functools.cache
def _add_to(dialect: str, table_name: str) -> Insert:
    """INSERT of one row that adds its count columns to an existing row with the same key."""
    table = _TABLES[table_name]
    statement = _insert(dialect)(table)
    keys = [c.name for c in table.primary_key.columns]
    return statement.on_conflict_do_update(
        index_elements=keys,
        set_={
            c.name: c + getattr(statement.excluded, c.name)
            for c in table.columns
            if c.name not in keys
        },
    )


def _keys(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _counts(table: Table) -> list[str]:
    return [c.name for c in table.columns if c.name not in _keys(table)]


@functools.cache
def _subtract_from(table_name: str) -> Any:
    """UPDATE taking :n_<column> from each count column of the row keyed :k_<key>."""
    table = _TABLES[table_name]
    return (
        update(table)
        .where(*(table.c[k] == bindparam(f"k_{k}") for k in _keys(table)))
        .values({c: table.c[c] - bindparam(f"n_{c}") for c in _counts(table)})
    )


@functools.cache
def _drop_empty(table_name: str) -> Any:
    """DELETE of the row keyed :k_<key> when its first count is down to zero."""
    table = _TABLES[table_name]
    keys = _keys(table)
    return delete(table).where(
        *(table.c[k] == bindparam(f"k_{k}") for k in keys), table.c[_counts(table)[0]] <= 0
    )


def _bump(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], sign: int) -> None:
    """Add (sign 1) or take away (sign -1) `rows` (key and count columns) in `table`; a row
    whose first count reaches zero is deleted. Rows go in key order (no lock-order cycles
    between concurrent writers)."""
    keys = _keys(table)
    rows = sorted(rows, key=lambda r: tuple(r[k] for k in keys))
    if not rows:
        return
    if sign > 0:
        conn.execute(_add_to(conn.dialect.name, table.name), list(rows))
        return
    keyed = [
        {**{f"k_{k}": r[k] for k in keys}, **{f"n_{c}": r[c] for c in _counts(table)}} for r in rows
    ]
    conn.execute(_subtract_from(table.name), keyed)
    conn.execute(_drop_empty(table.name), [{f"k_{k}": r[k] for k in keys} for r in rows])


def _speaker_group(q: Table, e: Table) -> Any:
    """A quotation's speaker group: unnamed sources first, then the speaker's type as the
    quotation JSON gives it (the entity's kind, else the free label's type), else none."""
    # Literal strings, not bound parameters: the GROUP BY repeats this expression, and
    # PostgreSQL only matches it to the selected one when the two are written alike.
    return case(
        (q.c.speaker_named.is_(False), literal_column("'unnamed'")),
        (e.c.id.is_not(None), e.c.kind),
        (
            and_(q.c.speaker_label.is_not(None), q.c.speaker_label != literal_column("''")),
            func.coalesce(q.c.speaker_type, literal_column("'other'")),
        ),
        else_=literal_column("'unattributed'"),
    )


_ARTICLE = select(
    Article.published,
    Article.ingested_at,
    Article.source,
    select(func.count())
    .where(_quotations.c.article_id == Article.id)
    .scalar_subquery()
    .label("quotations"),
).where(Article.id == bindparam("article_id"))
_LINKS = select(_ae.c.entity_id, _ae.c.mention_count, _ae.c.quotation_count).where(
    _ae.c.article_id == bindparam("article_id")
)
_GROUPS = (
    select(
        _quotations.c.kind,
        _speaker_group(_quotations, _entities).label("speaker"),
        func.count().label("n"),
    )
    .select_from(_quotations.outerjoin(_entities, _entities.c.id == _quotations.c.speaker_id))
    .where(_quotations.c.article_id == bindparam("article_id"))
    .group_by(_quotations.c.kind, _speaker_group(_quotations, _entities))
)


def _newcomers() -> Any:
    """How many people the article names that no other stored day of the period names:
    :p_start <= day < :p_end (entity_days rows of this article excluded by the caller's
    ordering: counted before they are added, after they are taken away)."""
    present = exists().where(
        _entity_days.c.entity_id == _ae.c.entity_id,
        _entity_days.c.day >= bindparam("p_start"),
        _entity_days.c.day < bindparam("p_end"),
    )
    return (
        select(func.count())
        .select_from(_ae.join(_entities, _entities.c.id == _ae.c.entity_id))
        .where(_ae.c.article_id == bindparam("article_id"), _entities.c.kind == "person", ~present)
        .scalar_subquery()
    )


@functools.cache
def _people_add(dialect: str) -> Insert:
    inner = select(_newcomers().label("n")).subquery()
    rows = select(
        bindparam("p_grain", type_=String), bindparam("p_start", type_=Date), inner.c.n
    ).where(inner.c.n > 0)
    statement = _insert(dialect)(_people).from_select(["grain", "start", "people"], rows)
    return statement.on_conflict_do_update(
        index_elements=["grain", "start"],
        set_={"people": _people.c.people + statement.excluded.people},
    )


_PEOPLE_SUBTRACT = (
    update(_people)
    .where(_people.c.grain == bindparam("p_grain"), _people.c.start == bindparam("p_start"))
    .values(people=_people.c.people - _newcomers())
)
_PEOPLE_DROP_EMPTY = delete(_people).where(
    _people.c.grain == bindparam("p_grain"),
    _people.c.start == bindparam("p_start"),
    _people.c.people <= 0,
)

# Quotations whose quoted spans hold a mention (not merely lie around it: the speaker's name
# between the two halves of a quotation is not what it is about). {where} selects quotations.
SPANS_HOLD = {
    "sqlite": "EXISTS (SELECT 1 FROM json_each(q.spans) s"
    " WHERE json_extract(s.value, '$[0]') <= m.start_char"
    " AND m.end_char <= json_extract(s.value, '$[1]'))",
    "postgresql": "EXISTS (SELECT 1 FROM json_array_elements(q.spans) AS s(value)"
    " WHERE CAST(s.value->>0 AS integer) <= m.start_char"
    " AND m.end_char <= CAST(s.value->>1 AS integer))",
}
ABOUT_ROWS = """
SELECT DISTINCT m.entity_id, q.id AS quotation_id, q.article_id
FROM quotations q JOIN mentions m
  ON m.article_id = q.article_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char
WHERE {where} AND {spans_hold}
"""


def _about_rows(dialect: str, where: str) -> str:
    return ABOUT_ROWS.format(
        where=where, spans_hold=SPANS_HOLD.get(dialect, SPANS_HOLD["postgresql"])
    )


# ------------------------------------------------------------------------------ the hooks


def _periods(day: date) -> list[dict[str, Any]]:
    return [
        {
            "p_grain": g,
            "p_start": period_start(day, g),
            "p_end": next_start(period_start(day, g), g),
        }
        for g in GRAINS
    ]


def add_article(conn: Connection, article_id: int) -> None:
    """Count the article, as its rows now stand, in every maintained table."""
    _article(conn, article_id, 1)


def remove_article(conn: Connection, article_id: int) -> None:
    """Take the article, as its rows now stand, out of every maintained table (call before
    they change or are deleted)."""
    _article(conn, article_id, -1)


def _article(conn: Connection, article_id: int, sign: int) -> None:
    found = conn.execute(_ARTICLE, {"article_id": article_id}).first()
    if found is None:
        return
    day = seen_day(found.published, found.ingested_at)
    where = {"day": day, "dated": found.published is not None}
    source = found.source or ""
    periods = [{**p, "article_id": article_id} for p in _periods(day)]
    links = conn.execute(_LINKS, {"article_id": article_id}).all()
    entity_rows = [
        {"entity_id": i, **where, "articles": 1, "mentions": m, "quotations": q}
        for i, m, q in links
    ]
    if sign > 0 and links:
        conn.execute(_people_add(conn.dialect.name), periods)
    _bump(conn, _entity_days, entity_rows, sign)
    if sign < 0 and links:
        conn.execute(_PEOPLE_SUBTRACT, periods)
        conn.execute(_PEOPLE_DROP_EMPTY, periods)
    totals = {"articles": 1, "quotations": found.quotations}
    _bump(conn, _corpus_days, [{**where, "source": source, **totals}], sign)
    _bump(conn, _sources, [{"source": source, **totals}], sign)
    if not found.quotations:
        return
    groups = conn.execute(_GROUPS, {"article_id": article_id}).all()
    rows = [
        {**where, "source": source, "kind": kind, "speaker": speaker, "quotations": n}
        for kind, speaker, n in groups
    ]
    _bump(conn, _quotation_days, rows, sign)
    if sign < 0:
        conn.execute(delete(_about).where(_about.c.article_id == article_id))
    elif links:
        select_rows = _about_rows(conn.dialect.name, "q.article_id = :article_id")
        conn.execute(
            text(
                f"INSERT INTO quotation_about (entity_id, quotation_id, article_id) {select_rows}"
                " ORDER BY 1, 2"
            ),
            {"article_id": article_id},
        )


def remove_entity_kind(conn: Connection, entity_id: int) -> None:
    """Take out what depends on the entity's kind (call before the kind changes)."""
    _entity_kind(conn, entity_id, -1)


def add_entity_kind(conn: Connection, entity_id: int) -> None:
    """Count back what depends on the entity's kind (call after the kind changed)."""
    _entity_kind(conn, entity_id, 1)


def _entity_kind(conn: Connection, entity_id: int, sign: int) -> None:
    """The entity among the people of each period it appears in (a person), and its
    quotations in the speaker group of its kind (unnamed ones stay unnamed)."""
    kind = conn.execute(
        select(_entities.c.kind).where(_entities.c.id == entity_id)
    ).scalar_one_or_none()
    if kind is None:
        return
    if kind == "person":
        days = conn.execute(
            select(_entity_days.c.day).where(_entity_days.c.entity_id == entity_id).distinct()
        ).scalars()
        periods = {(g, period_start(day, g)) for day in days for g in GRAINS}
        rows = [{"grain": g, "start": start, "people": 1} for g, start in periods]
        _bump(conn, _people, rows, sign)
    spoken = conn.execute(
        select(Article.published, Article.ingested_at, Article.source, Quotation.kind, func.count())
        .join(Article, Article.id == Quotation.article_id)
        .where(Quotation.speaker_id == entity_id, Quotation.speaker_named.is_not(False))
        .group_by(
            Article.id, Article.published, Article.ingested_at, Article.source, Quotation.kind
        )
    ).all()
    totals: Counter[tuple[date, bool, str, str]] = Counter()
    for published, ingested_at, source, quotation_kind, n in spoken:
        key = (
            seen_day(published, ingested_at),
            published is not None,
            source or "",
            quotation_kind,
        )
        totals[key] += n
    rows = [
        {"day": d, "dated": dated, "source": s, "kind": k, "speaker": kind, "quotations": n}
        for (d, dated, s, k), n in totals.items()
    ]
    _bump(conn, _quotation_days, rows, sign)


# ------------------------------------------------------------------------------ recounts

SEEN_SQL = {
    "sqlite": "coalesce(a.published, date(a.ingested_at))",
    "postgresql": "coalesce(a.published, CAST((a.ingested_at AT TIME ZONE 'UTC') AS date))",
}
SPEAKER_GROUP_SQL = """CASE
  WHEN q.speaker_named IS FALSE THEN 'unnamed'
  WHEN e.id IS NOT NULL THEN e.kind
  WHEN q.speaker_label IS NOT NULL AND q.speaker_label <> '' THEN coalesce(q.speaker_type, 'other')
  ELSE 'unattributed' END"""


def recount_sql(dialect: str) -> dict[str, str]:
    """For each maintained table, a SELECT of the rows it must hold (its columns, in
    order), computed from scratch from the stored rows."""
    seen = SEEN_SQL.get(dialect, SEEN_SQL["postgresql"])
    dated = "(a.published IS NOT NULL)"
    people = " UNION ALL ".join(
        f"SELECT '{g}', {bucket_sql(dialect, g, 'd.day')}, count(DISTINCT d.entity_id)"
        " FROM entity_days d JOIN entities e ON e.id = d.entity_id WHERE e.kind = 'person'"
        f" GROUP BY {bucket_sql(dialect, g, 'd.day')}"
        for g in GRAINS
    )
    return {
        "entity_days": f"SELECT ae.entity_id, {seen}, {dated}, count(*),"
        " sum(ae.mention_count), sum(ae.quotation_count)"
        " FROM article_entities ae JOIN articles a ON a.id = ae.article_id"
        f" GROUP BY ae.entity_id, {seen}, {dated}",
        "corpus_days": f"SELECT {seen}, {dated}, coalesce(a.source, ''), count(*),"
        " coalesce(sum(qc.n), 0) FROM articles a LEFT JOIN"
        " (SELECT article_id, count(*) AS n FROM quotations GROUP BY article_id) qc"
        f" ON qc.article_id = a.id GROUP BY {seen}, {dated}, coalesce(a.source, '')",
        "quotation_days": f"SELECT {seen}, {dated}, coalesce(a.source, ''), q.kind,"
        f" {SPEAKER_GROUP_SQL}, count(*) FROM quotations q JOIN articles a ON a.id = q.article_id"
        " LEFT JOIN entities e ON e.id = q.speaker_id"
        f" GROUP BY {seen}, {dated}, coalesce(a.source, ''), q.kind, {SPEAKER_GROUP_SQL}",
        "timeline_people": people,
        "source_totals": "SELECT coalesce(a.source, ''), count(*), coalesce(sum(qc.n), 0)"
        " FROM articles a LEFT JOIN"
        " (SELECT article_id, count(*) AS n FROM quotations GROUP BY article_id) qc"
        " ON qc.article_id = a.id GROUP BY coalesce(a.source, '')",
        "quotation_about": _about_rows(dialect, "1 = 1"),
    }


def rebuild_sql(dialect: str, *, skip: tuple[str, ...] = ()) -> list[str]:
    """Statements that refill every maintained table but `skip` from the stored rows (in
    dependency order: timeline_people is counted from entity_days)."""
    statements = []
    for table, rows in recount_sql(dialect).items():
        if table in skip:
            continue
        columns = ", ".join(c.name for c in _TABLE_COLUMNS[table])
        statements += [f"DELETE FROM {table}", f"INSERT INTO {table} ({columns}) {rows}"]
    return statements


def rebuild(conn: Connection) -> None:
    for statement in rebuild_sql(conn.dialect.name):
        conn.execute(text(statement))


_TABLE_COLUMNS = {
    t.name: list(t.columns)
    for t in (_entity_days, _corpus_days, _quotation_days, _people, _sources, _about)
}


def maintained_problems(conn: Connection) -> dict[str, int]:
    """Rows of each maintained table that differ from a recount (both ways): {} when exact."""
    problems = {}
    for table, rows in recount_sql(conn.dialect.name).items():
        kept = f"SELECT * FROM {table}"
        recount = f"SELECT * FROM ({rows}) AS r"
        for label, a, b in (("extra", kept, recount), ("missing", recount, kept)):
            n = conn.execute(text(f"SELECT count(*) FROM ({a} EXCEPT {b}) AS d")).scalar_one()
            if n:
                problems[f"{table}: {label} rows"] = n
    return problems
