"""Full-text search across paragraphs and quotations, best matches first."""

from __future__ import annotations

from sqlalchemy import String, literal, select, union_all
from sqlmodel import Session

from app.models import Article, Paragraph, Quotation
from app.queries import fts
from app.schemas import Page, SearchHit

RANKED = 250


def search(session: Session, *, query: fts.SearchQuery, limit: int, offset: int) -> Page[SearchHit]:
    """Paragraph and quotation hits ranked together (bm25 on SQLite, ts_rank on PostgreSQL)."""
    # Relevance is computed over the RANKED most recent matches of each kind (further for
    # deep pages), so a common word in a large archive costs the same as a rare one; the
    # total still counts every match.
    window = max(RANKED, offset + limit)
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
