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
    ids = {kind: [i for t, i in page if t == kind] for kind in ("paragraph", "quotation")}
    found: dict[tuple[str, int], SearchHit] = {}
    if ids["paragraph"]:
        snippets = fts.snippets(session, target="paragraphs", query=query, ids=ids["paragraph"])
        for pid, number, article_id, title, published in session.execute(
            select(
                Paragraph.id,
                Paragraph.number,
                Paragraph.article_id,
                Article.title,
                Article.published,
            )
            .join(Article, Article.id == Paragraph.article_id)
            .where(Paragraph.id.in_(ids["paragraph"]))
        ).all():
            found["paragraph", pid] = SearchHit(
                type="paragraph",
                article_id=article_id,
                article_title=title,
                published=published,
                paragraph=number,
                quotation_id=None,
                snippet=snippets.get(pid, ""),
            )
    if ids["quotation"]:
        snippets = fts.snippets(session, target="quotations", query=query, ids=ids["quotation"])
        for qid, number, article_id, title, published in session.execute(
            select(
                Quotation.id,
                Quotation.paragraph_number,
                Quotation.article_id,
                Article.title,
                Article.published,
            )
            .join(Article, Article.id == Quotation.article_id)
            .where(Quotation.id.in_(ids["quotation"]))
        ).all():
            found["quotation", qid] = SearchHit(
                type="quotation",
                article_id=article_id,
                article_title=title,
                published=published,
                paragraph=number,
                quotation_id=qid,
                snippet=snippets.get(qid, ""),
            )
    items = [found[t, i] for t, i in page if (t, i) in found]
    return Page(items=items, total=total, limit=limit, offset=offset)
