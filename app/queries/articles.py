"""Queries over articles and their paragraphs."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from app.core.counters import get_count
from app.models import Article, ArticleEntity, Entity, Mention, Paragraph, Quotation
from app.queries.paging import id_window
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


def list_articles(
    session: Session, *, limit: int, offset: int, after: int | None = None
) -> Page[ArticleSummary]:
    total = get_count(session, "articles")
    query = select(*SUMMARY_COLUMNS).order_by(Article.id).limit(limit + 1)
    query = query.where(id_window(Article.id, offset=offset, after=after))
    rows = session.execute(query).all()
    return Page(
        items=[_summary(r) for r in rows[:limit]],
        total=total,
        limit=limit,
        offset=offset,
        next_cursor=str(rows[limit - 1].id) if len(rows) > limit else None,
    )


def article_exists(session: Session, *, article_id: int) -> bool:
    return session.get(Article, article_id) is not None


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


def list_paragraphs(
    session: Session, *, article_id: int, limit: int, offset: int
) -> Page[ParagraphOut]:
    total = session.execute(
        select(Article.paragraph_count).where(Article.id == article_id)
    ).scalar_one()
    rows = session.execute(
        select(Paragraph.number, Paragraph.text, Paragraph.start_char, Paragraph.end_char)
        .where(Paragraph.article_id == article_id)
        .order_by(Paragraph.number)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [ParagraphOut(number=n, text=t, start=s, end=e) for n, t, s, e in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


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
