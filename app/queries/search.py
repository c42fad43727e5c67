"""Full-text search across paragraphs and quotations, best matches first."""

from __future__ import annotations

import functools
import sqlite3
from typing import Any, Literal

from sqlalchemy import String, literal, select, union_all
from sqlmodel import Session, col

from app.core import search_terms
from app.models import Article, Paragraph, Quotation
from app.queries import fts
from app.schemas import Page, SearchHit

RANKED = 100  # matches of each kind ranked on a first page (see `search`)
HitType = Literal["paragraph", "quotation"]
SearchSort = Literal["relevance", "-ingested"]
TYPES: tuple[HitType, ...] = ("paragraph", "quotation")


def search(
    session: Session,
    *,
    query: fts.SearchQuery,
    limit: int,
    offset: int,
    sort: SearchSort = "relevance",
    types: tuple[HitType, ...] = TYPES,
) -> Page[SearchHit]:
    """Paragraph and quotation hits (or only those of `types`) matching `query`.

    `relevance`: best first (bm25 on SQLite, ts_rank on PostgreSQL), computed over the RANKED
    most recent matches of each kind (further for deep pages), so a common word in a large
    archive costs the same as a rare one. `-ingested`: the articles stored last first, and
    within an article its last paragraph first (reverse stored order): no ranking at all, only
    the page's rows are read. The total always counts every match.
    """
    if query.matches_nothing:
        return Page(items=[], total=0, limit=limit, offset=offset)
    if session.get_bind().dialect.name == "sqlite":
        conn = session.connection().connection.driver_connection
        assert isinstance(conn, sqlite3.Connection)
        return search_sqlite(
            conn,
            query=query,
            limit=limit,
            offset=offset,
            sort=sort,
            types=types,
        )
    return _search_postgresql(
        session,
        query=query,
        window=_window(sort, limit=limit, offset=offset),
        limit=limit,
        offset=offset,
        sort=sort,
        types=types,
    )


def _window(sort: SearchSort, *, limit: int, offset: int) -> int:
    """How many of the newest matches of each kind a page is chosen from."""
    return max(RANKED, offset + limit) if sort == "relevance" else offset + limit


# One statement per (sort, types): the total(s), the window of each table, the page, its
# texts and articles. `ORDER BY rowid DESC LIMIT :window` walks each FTS index newest first
# and, for relevance, ranks only the rows it returns. Rows are stored in article order (one
# writer at a time on SQLite), so the newest window by rowid is the newest by article too.
# The page's texts are highlighted in Python (fts.Highlighter) and trimmed (fts.excerpt):
# FTS5's highlight() would walk the index again to find them and re-tokenize each one. With
# an empty page the LEFT JOIN still yields the one row holding the total.
_WINDOW = {
    "relevance": """
  {alias} AS (SELECT rowid AS id, rank FROM {table}_fts WHERE {table}_fts MATCH :q
        ORDER BY rowid DESC LIMIT :window)""",
    "-ingested": """
  {alias} AS (SELECT w.id, t.article_id, t.{number} AS number FROM
        (SELECT rowid AS id FROM {table}_fts WHERE {table}_fts MATCH :q
         ORDER BY rowid DESC LIMIT :window) AS w JOIN {table} AS t ON t.id = w.id)""",
}
_PAGE_COLUMNS = {"relevance": "rank", "-ingested": "article_id, number"}
_PAGE_ORDER = {
    "relevance": "rank, type, id",
    "-ingested": "article_id DESC, number DESC, type, id DESC",
}
_TABLES: dict[str, tuple[str, fts.Target, str]] = {  # kind: (alias, table, number column)
    "paragraph": ("p", "paragraphs", "number"),
    "quotation": ("qu", "quotations", "paragraph_number"),
}


@functools.cache
def sqlite_statement(
    sort: SearchSort, types: tuple[HitType, ...], *, term_counts: bool = False
) -> str:
    """The one SQLite statement that answers a search page (see above). With `term_counts`
    (a one-word query; :term is its FTS5 term) each total is read from `search_terms`
    instead of counted by walking the term's posting list (app/core/search_terms.py)."""
    parts = [(kind, *_TABLES[kind]) for kind in types]
    windows = [
        _WINDOW[sort].format(alias=alias, table=table, number=number)
        for _, alias, table, number in parts
    ]
    columns = _PAGE_COLUMNS[sort]
    union = "\n    UNION ALL ".join(
        f"SELECT '{kind}' AS type, id, {columns} FROM {alias}" for kind, alias, _, _ in parts
    )
    page = f"""
  page AS MATERIALIZED (
    {union}
    ORDER BY {_PAGE_ORDER[sort]} LIMIT :limit OFFSET :offset)"""
    counts = " + ".join(
        f"coalesce((SELECT docs FROM {search_terms.TABLE} WHERE kind = '{kind}'"
        " AND term = :term), 0)"
        if term_counts
        else f"(SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH :q)"
        for kind, _, table, _ in parts
    )
    joins = "\n".join(
        f"LEFT JOIN {table} ON page.type = '{kind}' AND {table}.id = page.id"
        for kind, _, table, _ in parts
    )
    pick = ", ".join(f"{table}.text" for _, _, table, _ in parts)
    numbers = ", ".join(f"{table}.{number}" for _, _, table, number in parts)
    article = ", ".join(f"{table}.article_id" for _, _, table, _ in parts)
    if len(parts) > 1:
        pick, numbers, article = (f"coalesce({x})" for x in (pick, numbers, article))
    order = ", ".join(f"page.{c.strip()}" for c in _PAGE_ORDER[sort].split(","))
    return f"""
WITH{",".join(windows)},{page},
  total AS (SELECT {counts} AS n)
SELECT total.n, page.type, page.id, {pick}, {numbers},
  articles.id, articles.title, articles.published
FROM total
LEFT JOIN page ON 1
{joins}
LEFT JOIN articles ON articles.id = {article}
ORDER BY {order}
"""


# The relevance statement over both tables (the default search), as the bench runs it.
SQLITE_SEARCH = sqlite_statement("relevance", TYPES)


def search_sqlite(
    conn: sqlite3.Connection,
    *,
    query: fts.SearchQuery,
    limit: int,
    offset: int,
    sort: SearchSort = "relevance",
    types: tuple[HitType, ...] = TYPES,
) -> Page[SearchHit]:
    """`search` on SQLite, on a driver connection: one statement (`sqlite_statement`). The
    event loop runs it on its own connection, without a Session (app.api.search_execution)."""
    if query.matches_nothing:
        return Page(items=[], total=0, limit=limit, offset=offset)
    window = _window(sort, limit=limit, offset=offset)
    word = query.single_word()
    term = search_terms.term_of(word) if word is not None else None
    params = {
        "q": query.sqlite(),
        "term": term,
        "window": window,
        "limit": limit,
        "offset": offset,
    }
    statement = sqlite_statement(sort, types, term_counts=term is not None)
    rows = conn.execute(statement, params).fetchall()
    highlighter = fts.Highlighter(query)
    items: list[dict[str, Any]] = [
        {
            "type": kind,
            "article_id": article_id,
            "article_title": title,
            "published": published,
            "paragraph": paragraph,
            "quotation_id": row_id if kind == "quotation" else None,
            "snippet": fts.render_snippet(fts.excerpt(highlighter.mark(text or ""))),
        }
        for _, kind, row_id, text, paragraph, article_id, title, published in rows
        if kind is not None and article_id is not None
    ]
    return Page[SearchHit].model_validate(
        {"items": items, "total": rows[0][0], "limit": limit, "offset": offset}
    )


def _search_postgresql(
    session: Session,
    *,
    query: fts.SearchQuery,
    window: int,
    limit: int,
    offset: int,
    sort: SearchSort,
    types: tuple[HitType, ...],
) -> Page[SearchHit]:
    windows = []
    for kind in types:
        target = _TABLES[kind][1]
        if sort == "relevance":
            rows = fts.newest_matches(session, target=target, query=query, window=window).subquery()
            keys = [rows.c.rank]
        else:
            rows = fts.latest_matches(session, target=target, query=query, window=window).subquery()
            keys = [rows.c.article_id, rows.c.number]
        windows.append(select(literal(kind, String).label("type"), rows.c.id, *keys))
    hits = (union_all(*windows) if len(windows) > 1 else windows[0]).subquery()
    order = (
        [hits.c.rank, hits.c.type, hits.c.id]
        if sort == "relevance"
        else [hits.c.article_id.desc(), hits.c.number.desc(), hits.c.type, hits.c.id.desc()]
    )
    total = sum(fts.count_matches(session, target=_TABLES[k][1], query=query) for k in types)
    page = session.execute(
        select(hits.c.type, hits.c.id).order_by(*order).limit(limit).offset(offset)
    ).all()
    found: dict[tuple[str, int], SearchHit] = {}
    for kind in types:
        ids = [i for t, i in page if t == kind]
        found.update(_hits(session, query=query, kind=kind, ids=ids))
    items = [found[t, i] for t, i in page if (t, i) in found]
    return Page(items=items, total=total, limit=limit, offset=offset)


def _hits(
    session: Session, *, query: fts.SearchQuery, kind: HitType, ids: list[int]
) -> dict[tuple[str, int], SearchHit]:
    """The hits of one kind with their article and snippet (two statements)."""
    if not ids:
        return {}
    model = Paragraph if kind == "paragraph" else Quotation
    id_column = col(model.id)
    number = col(Paragraph.number) if kind == "paragraph" else col(Quotation.paragraph_number)
    snippets = fts.snippets(
        session, target="paragraphs" if kind == "paragraph" else "quotations", query=query, ids=ids
    )
    rows = session.execute(
        select(id_column, number, col(model.article_id), col(Article.title), col(Article.published))
        .join(Article, col(Article.id) == model.article_id)
        .where(id_column.in_(ids))
    ).all()
    return {
        (kind, row_id): SearchHit(
            type=kind,
            article_id=article_id,
            article_title=title,
            published=published,
            paragraph=paragraph,
            quotation_id=row_id if kind == "quotation" else None,
            snippet=snippets.get(row_id, ""),
        )
        for row_id, paragraph, article_id, title, published in rows
    }
