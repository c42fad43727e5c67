"""Whole-collection reads for the exports: batches by keyset over ids (bounded memory)."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlmodel import Session, col

from app.models import Article, Quotation
from app.queries.articles import articles_full
from app.queries.quotations import with_articles
from app.queries.where_clauses import (
    ArticleFilters,
    QuotationFilters,
    article_where,
    quotation_where,
)
from app.schemas import ArticleFull, QuotationWithArticle


def iter_quotations(
    session: Session, *, filters: QuotationFilters, batch_size: int = 500
) -> Iterator[list[QuotationWithArticle]]:
    """Every quotation matching `filters`, by id, `batch_size` at a time (2 queries a batch)."""
    where = quotation_where(session, filters)
    last_id = 0
    while True:
        rows = session.execute(
            select(Quotation, col(Article.title), col(Article.published))
            .join(Article, col(Article.id) == Quotation.article_id)
            .where(*where, col(Quotation.id) > last_id)
            .order_by(col(Quotation.id))
            .limit(batch_size)
        ).all()
        if not rows:
            return
        last_id = rows[-1][0].id
        yield with_articles(session, [tuple(r) for r in rows])
        session.expunge_all()
        if len(rows) < batch_size:
            return


def iter_articles(
    session: Session, *, filters: ArticleFilters, batch_size: int = 50
) -> Iterator[list[ArticleFull]]:
    """Every article matching `filters` with its annotations, by id, a batch at a time."""
    where = article_where(session, filters)
    last_id = 0
    while True:
        ids = list(
            session.execute(
                select(col(Article.id))
                .where(*where, col(Article.id) > last_id)
                .order_by(col(Article.id))
                .limit(batch_size)
            ).scalars()
        )
        if not ids:
            return
        last_id = ids[-1]
        yield articles_full(session, article_ids=ids)
        session.expunge_all()
        if len(ids) < batch_size:
            return
