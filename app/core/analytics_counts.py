"""Maintained aggregates behind timelines, range counts, quotation statistics and `about`.

Tables (migration 0108, models in app.models), all derived from the stored rows:

* `entity_days`: per entity and day, its articles, mentions and quotations (from the
  article's `article_entities` row: one article, its mention_count and quotation_count);
* `entity_months`: the same per month (a busy person's monthly timeline reads ~300 rows);
* `corpus_days`: per day and source, articles and quotations, and the quotations by kind
  (direct, indirect, mixed) and by speaker group (person, organisation, other, unnamed,
  unattributed: columns, not rows, so that a statistic over years sums a few thousand rows);
* `source_totals`: the same per source, over all days;
* `corpus_periods`: per day, week, month and year, articles, quotations and distinct people;
* `entity_quotations`: each quotation under its speaker ('by') and under every entity its
  quoted spans mention ('about'), with the article's day (latest first, `about=`).

A "day" is the date an article was seen: its publication date, else the UTC date it was
stored (app.ingest.seen_date); `dated` says which, so that `published_from`/`published_to`
leave undated articles out, as on every other endpoint.

The write path calls, inside its transaction and after the entity rows it touches are locked
(so that two writers naming the same entity never count one period's newcomers twice):

* `add_article(conn, article_id)` once the article's rows (articles, article_entities,
  mentions, quotations) are written, and again after any relink changed them;
* `remove_article(conn, article_id)` before the rows change (a relink) or go (a delete).

An article's contribution also depends on the kind of the entities it names (people counted
per period, speaker groups of quotations), so an entity whose kind changes needs
`remove_entity_kind(conn, entity_id)` before the change and `add_entity_kind(conn, entity_id)`
after it (the same as removing and adding back each of its articles, in a few statements).

`rebuild(conn)` recomputes every table from scratch (migration backfill, bulk loads) and
`maintained_problems(conn)` compares each with a recount (tests, integrity checks).
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
    CorpusPeriod,
    Entity,
    EntityDay,
    EntityMonth,
    EntityQuotation,
    Quotation,
    SourceTotal,
)

Grain = Literal["day", "week", "month", "year"]
GRAINS: tuple[Grain, ...] = ("day", "week", "month", "year")
KINDS = ("direct", "indirect", "mixed")
SPEAKER_GROUPS = ("person", "organisation", "other", "unnamed", "unattributed")
BREAKDOWN = tuple(f"kind_{k}" for k in KINDS) + tuple(f"speaker_{g}" for g in SPEAKER_GROUPS)

_ae: Table = ArticleEntity.__table__  # type: ignore[attr-defined]
_entities: Table = Entity.__table__  # type: ignore[attr-defined]
_quotations: Table = Quotation.__table__  # type: ignore[attr-defined]
_entity_days: Table = EntityDay.__table__  # type: ignore[attr-defined]
_entity_months: Table = EntityMonth.__table__  # type: ignore[attr-defined]
_corpus_days: Table = CorpusDay.__table__  # type: ignore[attr-defined]
_sources: Table = SourceTotal.__table__  # type: ignore[attr-defined]
_periods_table: Table = CorpusPeriod.__table__  # type: ignore[attr-defined]
_links: Table = EntityQuotation.__table__  # type: ignore[attr-defined]
# In rebuild order: corpus_periods counts its people from entity_days.
_ALL = (_entity_days, _entity_months, _corpus_days, _sources, _periods_table, _links)
TABLES = tuple(t.name for t in _ALL)
_TABLES = {t.name: t for t in _ALL}


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
    return statement.on_conflict_do_update(
        index_elements=_keys(table),
        set_={c: table.c[c] + getattr(statement.excluded, c) for c in _counts(table)},
    )


def _keys(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _counts(table: Table) -> list[str]:
    """The count columns (`kind` of entity rows is an attribute, set when a row is made)."""
    return [c.name for c in table.columns if c.name not in _keys(table) and c.name != "kind"]


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


_articles: Table = Article.__table__  # type: ignore[attr-defined]
_ARTICLE = select(
    _articles.c.published,
    _articles.c.ingested_at,
    _articles.c.source,
    select(func.count())
    .where(_quotations.c.article_id == _articles.c.id)
    .scalar_subquery()
    .label("quotations"),
).where(_articles.c.id == bindparam("article_id"))
_LINKS = (
    select(_ae.c.entity_id, _ae.c.mention_count, _ae.c.quotation_count, _entities.c.kind)
    .join(_entities, _entities.c.id == _ae.c.entity_id)
    .where(_ae.c.article_id == bindparam("article_id"))
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
    """How many people the article names that no stored day of the period (:p_start <= day <
    :p_end) names: run before the article's own entity_days rows are added, after they are
    taken away, so those never count."""
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


def _people_change(sign: int) -> Any:
    p = _periods_table
    return (
        update(p)
        .where(p.c.grain == bindparam("p_grain"), p.c.start == bindparam("p_start"))
        .values(people=p.c.people + sign * _newcomers())
    )


_PEOPLE_ADD, _PEOPLE_SUBTRACT = _people_change(1), _people_change(-1)

# Quotations whose quoted spans hold a mention (not merely lie around it: the speaker's name
# between the two halves of a quotation is not what it is about).
SPANS_HOLD = {
    "sqlite": "EXISTS (SELECT 1 FROM json_each(q.spans) s"
    " WHERE json_extract(s.value, '$[0]') <= m.start_char"
    " AND m.end_char <= json_extract(s.value, '$[1]'))",
    "postgresql": "EXISTS (SELECT 1 FROM json_array_elements(q.spans) AS s(value)"
    " WHERE CAST(s.value->>0 AS integer) <= m.start_char"
    " AND m.end_char <= CAST(s.value->>1 AS integer))",
}
# entity_quotations rows: each quotation by its speaker, and about each entity its quoted
# spans mention. {day} is the article's day, {articles} joins what it needs, {where} selects.
QUOTATION_LINKS = """
SELECT q.speaker_id, 'by', q.id, {day}, q.article_id
FROM quotations q{articles}
WHERE {where} AND q.speaker_id IS NOT NULL
UNION
SELECT m.entity_id, 'about', q.id, {day}, q.article_id
FROM quotations q{articles} JOIN mentions m
  ON m.article_id = q.article_id AND m.start_char >= q.start_char AND m.end_char <= q.end_char
WHERE {where} AND {spans_hold}
"""


def _quotation_links(dialect: str, *, day: str, articles: str, where: str) -> str:
    return QUOTATION_LINKS.format(
        day=day,
        articles=articles,
        where=where,
        spans_hold=SPANS_HOLD.get(dialect, SPANS_HOLD["postgresql"]),
    )


@functools.cache
def _links_add(dialect: str) -> Any:
    rows = _quotation_links(dialect, day=":day", articles="", where="q.article_id = :article_id")
    columns = ", ".join(c.name for c in _links.columns)
    return text(f"INSERT INTO entity_quotations ({columns}) {rows} ORDER BY 1, 2, 3").bindparams(
        bindparam("day", type_=Date)
    )


# ------------------------------------------------------------------------------ the hooks


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
    dated = found.published is not None
    _corpus_part(conn, article_id, (day, dated, found.source or ""), found.quotations, sign)
    _entity_part(conn, article_id, (day, dated), found.quotations, sign)
    if sign < 0:
        conn.execute(delete(_links).where(_links.c.article_id == article_id))
    elif found.quotations:
        conn.execute(_links_add(conn.dialect.name), {"article_id": article_id, "day": day})


def _corpus_part(
    conn: Connection, article_id: int, key: tuple[date, bool, str], quotations: int, sign: int
) -> None:
    """The article in corpus_days and source_totals."""
    breakdown = dict.fromkeys(BREAKDOWN, 0)
    if quotations:
        for kind, speaker, n in conn.execute(_GROUPS, {"article_id": article_id}):
            breakdown[f"kind_{kind}"] += n
            breakdown[f"speaker_{speaker}"] += n
    totals = {"articles": 1, "quotations": quotations, **breakdown}
    day, dated, source = key
    _bump(conn, _corpus_days, [{"day": day, "dated": dated, "source": source, **totals}], sign)
    _bump(conn, _sources, [{"source": source, **totals}], sign)


def _entity_part(
    conn: Connection, article_id: int, key: tuple[date, bool], quotations: int, sign: int
) -> None:
    """The article's entities in entity_days and entity_months, the article in
    corpus_periods, and the people new to (or gone from) each of its periods."""
    day, dated = key
    links = conn.execute(_LINKS, {"article_id": article_id}).all()
    days, months = [], []
    for entity_id, mentions, quoted, kind in links:
        counts = {"kind": kind, "articles": 1, "mentions": mentions, "quotations": quoted}
        days.append({"entity_id": entity_id, "day": day, "dated": dated, **counts})
        months.append(
            {"entity_id": entity_id, "month": day.replace(day=1), "dated": dated} | counts
        )
    periods = []
    for grain in GRAINS:
        start = period_start(day, grain)
        end = next_start(start, grain)
        periods.append({"p_grain": grain, "p_start": start, "p_end": end, "article_id": article_id})
    corpus = [
        {"grain": p["p_grain"], "start": p["p_start"], "articles": 1, "quotations": quotations}
        for p in periods
    ]
    for row in corpus:
        row["people"] = 0  # counted by _PEOPLE_ADD / _PEOPLE_SUBTRACT
    if sign > 0:
        _bump(conn, _periods_table, corpus, sign)
        if links:  # people new to each period: before this article's days are counted
            conn.execute(_PEOPLE_ADD, periods)
    _bump(conn, _entity_days, days, sign)
    _bump(conn, _entity_months, months, sign)
    if sign < 0:
        if links:  # people no other day of each period names: once this article's are gone
            conn.execute(_PEOPLE_SUBTRACT, periods)
        _bump(conn, _periods_table, corpus, sign)


def remove_entity_kind(conn: Connection, entity_id: int) -> None:
    """Take out what depends on the entity's kind (call before the kind changes)."""
    _entity_kind(conn, entity_id, -1)


def add_entity_kind(conn: Connection, entity_id: int) -> None:
    """Count back what depends on the entity's kind (call after the kind changed)."""
    _entity_kind(conn, entity_id, 1)


def _entity_kind(conn: Connection, entity_id: int, sign: int) -> None:
    """The entity among the people of each period it appears in (a person), its quotations
    in the speaker group of its kind (unnamed ones stay unnamed), and the kind its own
    entity_days and entity_months rows carry."""
    kind = conn.execute(
        select(_entities.c.kind).where(_entities.c.id == entity_id)
    ).scalar_one_or_none()
    if kind is None:
        return
    if sign > 0:  # the entity's rows carry its kind
        for table in (_entity_days, _entity_months):
            conn.execute(update(table).where(table.c.entity_id == entity_id).values(kind=kind))
    if kind == "person":
        days = conn.execute(
            select(_entity_days.c.day).where(_entity_days.c.entity_id == entity_id).distinct()
        ).scalars()
        periods = {(g, period_start(day, g)) for day in days for g in GRAINS}
        rows = [
            {"grain": g, "start": start, "articles": 0, "quotations": 0, "people": 1}
            for g, start in periods
        ]
        _bump(conn, _periods_table, rows, sign)
    a, q = _articles.c, _quotations.c
    spoken = conn.execute(
        select(a.published, a.ingested_at, a.source, func.count())
        .select_from(_quotations)
        .join(_articles, a.id == q.article_id)
        .where(q.speaker_id == entity_id, q.speaker_named.is_not(False))
        .group_by(a.id, a.published, a.ingested_at, a.source)
    ).all()
    by_day: Counter[tuple[date, bool, str]] = Counter()
    for published, ingested_at, source, n in spoken:
        by_day[(seen_day(published, ingested_at), published is not None, source or "")] += n
    zeros = dict.fromkeys(("articles", "quotations", *BREAKDOWN), 0)
    days_rows = [
        {"day": d, "dated": dated, "source": s, **zeros, f"speaker_{kind}": n}
        for (d, dated, s), n in by_day.items()
    ]
    _bump(conn, _corpus_days, days_rows, sign)
    by_source: Counter[str] = Counter()
    for (_, _, s), n in by_day.items():
        by_source[s] += n
    source_rows = [{"source": s, **zeros, f"speaker_{kind}": n} for s, n in by_source.items()]
    _bump(conn, _sources, source_rows, sign)


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


def _per_article_quotations() -> str:
    """Per article: its quotations, and how many of each kind and speaker group."""
    kinds = "".join(f", sum(CASE WHEN q.kind = '{k}' THEN 1 ELSE 0 END) AS kind_{k}" for k in KINDS)
    groups = "".join(
        f", sum(CASE WHEN {SPEAKER_GROUP_SQL} = '{g}' THEN 1 ELSE 0 END) AS speaker_{g}"
        for g in SPEAKER_GROUPS
    )
    return (
        f"SELECT q.article_id, count(*) AS n{kinds}{groups} FROM quotations q"
        " LEFT JOIN entities e ON e.id = q.speaker_id GROUP BY q.article_id"
    )


def _corpus_periods(dialect: str, seen: str) -> str:
    """corpus_periods from scratch: articles and quotations per period, people from the
    (already rebuilt) entity_days."""
    parts = []
    for g in GRAINS:
        start, day = bucket_sql(dialect, g, seen), bucket_sql(dialect, g, "d.day")
        parts.append(
            f"SELECT '{g}', b.start, b.articles, b.quotations, coalesce(p.people, 0)"
            f" FROM (SELECT {start} AS start, count(*) AS articles,"
            " coalesce(sum(qc.n), 0) AS quotations FROM articles a"
            " LEFT JOIN (SELECT article_id, count(*) AS n FROM quotations GROUP BY article_id)"
            f" qc ON qc.article_id = a.id GROUP BY {start}) b"
            f" LEFT JOIN (SELECT {day} AS start, count(DISTINCT d.entity_id) AS people"
            " FROM entity_days d JOIN entities e ON e.id = d.entity_id"
            f" WHERE e.kind = 'person' GROUP BY {day}) p ON p.start = b.start"
        )
    return " UNION ALL ".join(parts)


def recount_sql(dialect: str) -> dict[str, str]:
    """For each maintained table, a SELECT of the rows it must hold (its columns, in
    order), computed from scratch from the stored rows."""
    seen = SEEN_SQL.get(dialect, SEEN_SQL["postgresql"])
    month = bucket_sql(dialect, "month", seen)
    dated = "(a.published IS NOT NULL)"
    breakdown = ", ".join(f"coalesce(sum(qc.{c}), 0)" for c in ("n", *BREAKDOWN))
    per_article = f"articles a LEFT JOIN ({_per_article_quotations()}) qc ON qc.article_id = a.id"
    entity_counts = "count(*), sum(ae.mention_count), sum(ae.quotation_count)"
    entity_rows = (
        "article_entities ae JOIN articles a ON a.id = ae.article_id"
        " JOIN entities e ON e.id = ae.entity_id"
    )
    return {
        "entity_days": f"SELECT ae.entity_id, {seen}, {dated}, e.kind, {entity_counts}"
        f" FROM {entity_rows} GROUP BY ae.entity_id, {seen}, {dated}, e.kind",
        "entity_months": f"SELECT ae.entity_id, {month}, {dated}, e.kind, {entity_counts}"
        f" FROM {entity_rows} GROUP BY ae.entity_id, {month}, {dated}, e.kind",
        "corpus_days": f"SELECT {seen}, {dated}, coalesce(a.source, ''), count(*), {breakdown}"
        f" FROM {per_article} GROUP BY {seen}, {dated}, coalesce(a.source, '')",
        "source_totals": f"SELECT coalesce(a.source, ''), count(*), {breakdown}"
        f" FROM {per_article} GROUP BY coalesce(a.source, '')",
        "corpus_periods": _corpus_periods(dialect, seen),
        "entity_quotations": _quotation_links(
            dialect, day=seen, articles=" JOIN articles a ON a.id = q.article_id", where="1 = 1"
        ),
    }


def rebuild_sql(dialect: str) -> list[str]:
    """Statements that refill every maintained table from the stored rows."""
    statements = []
    for table, rows in recount_sql(dialect).items():
        columns = ", ".join(c.name for c in _TABLES[table].columns)
        statements += [f"DELETE FROM {table}", f"INSERT INTO {table} ({columns}) {rows}"]
    return statements


def rebuild(conn: Connection) -> None:
    for statement in rebuild_sql(conn.dialect.name):
        conn.execute(text(statement))


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
