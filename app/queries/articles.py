"""Queries over articles and their paragraphs."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import bindparam, func, select
from sqlmodel import Session

from app.core.counters import get_count
from app.models import Article, ArticleEntity, Entity, Mention, Paragraph, Quotation
from app.queries.paging import Prepared, counter_column, fetch, id_window
from app.queries.quotations import quotations_out
from app.schemas import (
    ArticleOut,
    ArticleSummary,
    ImageOut,
    MentionOut,
    Page,
    ParagraphDetail,
    ParagraphOut,
)

SUMMARY_COLUMNS = (
    Article.id,
    Article.title,
    Article.authors,
    Article.source,
    Article.published,
    Article.url,
    Article.paragraph_count,
    Article.ingested_at,
)


def _summary(row) -> ArticleSummary:  # type: ignore[no-untyped-def]
    return ArticleSummary(
        id=row.id,
        title=row.title,
        authors=row.authors,
        source=row.source,
        published=row.published,
        url=row.url,
        paragraph_count=row.paragraph_count,
        ingested_at=row.ingested_at,
    )


@lru_cache
def _articles_page(offset: bool, after: bool) -> Prepared:
    return Prepared(
        select(*SUMMARY_COLUMNS, counter_column("articles"))
        .where(id_window(Article.id, offset=offset, after=after))
        .order_by(Article.id)
        .limit(bindparam("limit"))
    )


def list_articles(
    session: Session, *, limit: int, offset: int, after: int | None = None
) -> Page[ArticleSummary]:
    query = _articles_page(bool(offset), after is not None)
    rows = query.rows(session, {"limit": limit + 1, "offset": offset, "after": after})
    total = rows[0].pop("total") if rows else get_count(session, "articles")
    for row in rows[1:]:
        del row["total"]
    return Page[ArticleSummary].model_validate(
        {
            "items": rows[:limit],
            "total": total,
            "limit": limit,
            "offset": offset,
            "next_cursor": str(rows[limit - 1]["id"]) if len(rows) > limit else None,
        }
    )


def article_exists(session: Session, *, article_id: int) -> bool:
    return fetch(session, _ARTICLE_EXISTS, {"id": article_id}) != []


_ARTICLE_EXISTS = select(Article.id).where(Article.id == bindparam("id"))


def get_article(session: Session, *, article_id: int) -> ArticleOut | None:
    article = session.get(Article, article_id)
    if article is None:
        return None
    counts = dict(
        session.execute(
            select(Entity.kind, func.count())
            .select_from(ArticleEntity)
            .join(Entity, Entity.id == ArticleEntity.entity_id)
            .where(ArticleEntity.article_id == article_id)
            .group_by(Entity.kind)
        ).all()
    )
    quotation_count = session.execute(
        select(func.count()).select_from(Quotation).where(Quotation.article_id == article_id)
    ).scalar_one()
    return ArticleOut(
        **_summary(article).model_dump(),
        content_hash=article.content_hash,
        images=[ImageOut(**i) for i in article.images],
        text=article.text,
        people_count=counts.get("person", 0),
        organisation_count=counts.get("organisation", 0),
        quotation_count=quotation_count,
    )


_PARAGRAPHS = (
    select(
        Article.paragraph_count.label("total"),
        Paragraph.number,
        Paragraph.text,
        Paragraph.start_char.label("start"),
        Paragraph.end_char.label("end"),
    )
    .select_from(Article)
    .outerjoin(Paragraph, Paragraph.article_id == Article.id)
    .where(Article.id == bindparam("id"))
    .order_by(Paragraph.number)
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)
_PARAGRAPH_TOTAL = select(Article.paragraph_count).where(Article.id == bindparam("id"))


def list_paragraphs(
    session: Session, *, article_id: int, limit: int, offset: int
) -> Page[ParagraphOut] | None:
    """One query: the article's paragraph count with the page (None: no such article)."""
    params = {"id": article_id, "limit": limit, "offset": offset}
    rows = fetch(session, _PARAGRAPHS, params)
    if rows:
        total = rows[0].total
    else:  # past the last page, or no such article
        total = session.execute(_PARAGRAPH_TOTAL, {"id": article_id}).scalar_one_or_none()
        if total is None:
            return None
    items = [
        {"number": r.number, "text": r.text, "start": r.start, "end": r.end}
        for r in rows
        if r.number is not None
    ]
    return Page[ParagraphOut].model_validate(
        {"items": items, "total": total, "limit": limit, "offset": offset}
    )


def get_paragraph(session: Session, *, article_id: int, number: int) -> ParagraphDetail | None:
    paragraph = session.execute(
        select(Paragraph).where(Paragraph.article_id == article_id, Paragraph.number == number)
    ).scalar_one_or_none()
    if paragraph is None:
        return None
    mentions = session.execute(
        select(Mention, Entity.name, Entity.kind)
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Mention.paragraph_id == paragraph.id)
        .order_by(Mention.start_char)
    ).all()
    quotations = session.execute(
        select(Quotation)
        .where(Quotation.paragraph_id == paragraph.id)
        .order_by(Quotation.start_char)
    ).scalars()
    return ParagraphDetail(
        number=paragraph.number,
        text=paragraph.text,
        start=paragraph.start_char,
        end=paragraph.end_char,
        mentions=[
            MentionOut(
                entity_id=m.entity_id,
                name=name,
                kind=kind,
                text=m.text,
                start=m.start_char,
                end=m.end_char,
            )
            for m, name, kind in mentions
        ],
        quotations=quotations_out(session, list(quotations)),
    )
