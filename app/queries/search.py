"""Full-text search across paragraphs and quotations, best matches first."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, literal, select, union_all
from sqlmodel import Session

from app.models import Article, Paragraph, Quotation
from app.queries import fts
from app.schemas import Page, SearchHit

RANKED = 250


def search(session: Session, *, query: fts.SearchQuery, limit: int, offset: int) -> Page[SearchHit]:
    """Paragraph and quotation hits ranked together (bm25 on SQLite, ts_rank on PostgreSQL).

    Relevance is computed over the RANKED most recent matches of each kind (further for deep
    pages), so a common word in a large archive costs the same as a rare one; the total still
    counts every match.
    """
    window = max(RANKED, offset + limit)
    if session.get_bind().dialect.name == "sqlite":
        return _search_sqlite(session, query=query, window=window, limit=limit, offset=offset)
    return _search_postgresql(session, query=query, window=window, limit=limit, offset=offset)


# One statement: both totals, the ranked window of each table, the page, its snippets and
# articles. `ORDER BY rowid DESC LIMIT :window` walks each FTS index newest first and ranks
# only the rows it returns. Snippets are made for the page's rows alone by walking the same
# index newest first again until all of them are found (they lie within the window); the
# unary `+` stops FTS5 from turning `rowid IN (...)` into one doclist seek per row, which
# costs far more in a large index. With an empty page the LEFT JOIN still yields the one row
# holding the total.
SQLITE_SEARCH = """
WITH
  p AS (SELECT rowid AS id, rank FROM paragraphs_fts WHERE paragraphs_fts MATCH :q
        ORDER BY rowid DESC LIMIT :window),
  qu AS (SELECT rowid AS id, rank FROM quotations_fts WHERE quotations_fts MATCH :q
         ORDER BY rowid DESC LIMIT :window),
  page AS MATERIALIZED (
    SELECT 'paragraph' AS type, id, rank FROM p
    UNION ALL SELECT 'quotation', id, rank FROM qu
    ORDER BY rank, type, id LIMIT :limit OFFSET :offset),
  p_snippets AS (
    SELECT rowid AS id, snippet(paragraphs_fts, 0, :start, :stop, '…', 32) AS snippet
    FROM paragraphs_fts
    WHERE paragraphs_fts MATCH :q AND +rowid IN (SELECT id FROM page WHERE type = 'paragraph')
    ORDER BY rowid DESC LIMIT (SELECT count(*) FROM page WHERE type = 'paragraph')),
  qu_snippets AS (
    SELECT rowid AS id, snippet(quotations_fts, 0, :start, :stop, '…', 32) AS snippet
    FROM quotations_fts
    WHERE quotations_fts MATCH :q AND +rowid IN (SELECT id FROM page WHERE type = 'quotation')
    ORDER BY rowid DESC LIMIT (SELECT count(*) FROM page WHERE type = 'quotation')),
  total AS (SELECT (SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH :q)
                 + (SELECT count(*) FROM quotations_fts WHERE quotations_fts MATCH :q) AS n)
SELECT total.n, page.type, page.id, coalesce(p_snippets.snippet, qu_snippets.snippet),
  coalesce(paragraphs.number, quotations.paragraph_number),
  articles.id, articles.title, articles.published
FROM total
LEFT JOIN page ON 1
LEFT JOIN p_snippets ON page.type = 'paragraph' AND p_snippets.id = page.id
LEFT JOIN qu_snippets ON page.type = 'quotation' AND qu_snippets.id = page.id
LEFT JOIN paragraphs ON page.type = 'paragraph' AND paragraphs.id = page.id
LEFT JOIN quotations ON page.type = 'quotation' AND quotations.id = page.id
LEFT JOIN articles ON articles.id = coalesce(paragraphs.article_id, quotations.article_id)
ORDER BY page.rank, page.type, page.id
"""


def _search_sqlite(
    session: Session, *, query: fts.SearchQuery, window: int, limit: int, offset: int
) -> Page[SearchHit]:
    params = {
        "q": query.sqlite(),
        "window": window,
        "limit": limit,
        "offset": offset,
        "start": fts.HIGHLIGHT_START,
        "stop": fts.HIGHLIGHT_STOP,
    }
    rows = session.connection().exec_driver_sql(SQLITE_SEARCH, params).fetchall()
    items: list[dict[str, Any]] = [
        {
            "type": kind,
            "article_id": article_id,
            "article_title": title,
            "published": published,
            "paragraph": paragraph,
            "quotation_id": row_id if kind == "quotation" else None,
            "snippet": fts.render_snippet(snippet or ""),
        }
        for _, kind, row_id, snippet, paragraph, article_id, title, published in rows
        if kind is not None and article_id is not None
    ]
    return Page[SearchHit].model_validate(
        {"items": items, "total": rows[0][0], "limit": limit, "offset": offset}
    )


def _search_postgresql(
    session: Session, *, query: fts.SearchQuery, window: int, limit: int, offset: int
) -> Page[SearchHit]:
    paragraphs = fts.newest_matches(
        session, target="paragraphs", query=query, window=window
    ).subquery()
    quotations = fts.newest_matches(
        session, target="quotations", query=query, window=window
    ).subquery()
    hits = union_all(
        select(literal("paragraph", String).label("type"), paragraphs.c.id, paragraphs.c.rank),
        select(literal("quotation", String).label("type"), quotations.c.id, quotations.c.rank),
    ).subquery()
    total = fts.count_matches(session, target="paragraphs", query=query) + fts.count_matches(
        session, target="quotations", query=query
    )
    page = session.execute(
        select(hits.c.type, hits.c.id)
        .order_by(hits.c.rank, hits.c.type, hits.c.id)
        .limit(limit)
        .offset(offset)
    ).all()
    found = {
        **_hits(
            session, query=query, kind="paragraph", ids=[i for t, i in page if t == "paragraph"]
        ),
        **_hits(
            session, query=query, kind="quotation", ids=[i for t, i in page if t == "quotation"]
        ),
    }
    items = [found[t, i] for t, i in page if (t, i) in found]
    return Page(items=items, total=total, limit=limit, offset=offset)


def _hits(
    session: Session, *, query: fts.SearchQuery, kind: str, ids: list[int]
) -> dict[tuple[str, int], SearchHit]:
    """The hits of one kind with their article and snippet (two statements)."""
    if not ids:
        return {}
    table, number = (
        (Paragraph, Paragraph.number)
        if kind == "paragraph"
        else (Quotation, Quotation.paragraph_number)
    )
    snippets = fts.snippets(
        session, target="paragraphs" if kind == "paragraph" else "quotations", query=query, ids=ids
    )
    rows = session.execute(
        select(table.id, number, table.article_id, Article.title, Article.published)
        .join(Article, Article.id == table.article_id)
        .where(table.id.in_(ids))
    ).all()
    return {
        (kind, row_id): SearchHit(
            type=kind,  # type: ignore[arg-type]
            article_id=article_id,
            article_title=title,
            published=published,
            paragraph=paragraph,
            quotation_id=row_id if kind == "quotation" else None,
            snippet=snippets.get(row_id, ""),
        )
        for row_id, paragraph, article_id, title, published in rows
    }
