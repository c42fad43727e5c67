"""Queries over articles and their paragraphs."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlmodel import Session

from app.models import Article, ArticleEntity, Entity, Mention, Paragraph, Quotation
from app.queries.filters import ArticleFilters, ArticleSort, article_where
from app.queries.quotations import quotations_out
from app.schemas import (
    ArticleEntityOut,
    ArticleFull,
    ArticleOut,
    ArticleSummary,
    ImageOut,
    MentionOut,
    Page,
    ParagraphDetail,
    ParagraphOut,
    QuotationOut,
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


def _order(sort: ArticleSort | None) -> tuple:
    if sort == "-published":
        return (Article.published.is_(None), Article.published.desc(), Article.id.desc())
    if sort == "published":
        return (Article.published.is_(None), Article.published, Article.id)
    if sort == "-ingested":
        return (Article.ingested_at.desc(), Article.id.desc())
    return (Article.id,)


def list_articles(
    session: Session,
    *,
    filters: ArticleFilters = ArticleFilters(),
    sort: ArticleSort | None = None,
    limit: int,
    offset: int,
) -> Page[ArticleSummary]:
    """Articles matching every filter; stored order unless `sort` is given (no date last)."""
    where = article_where(session, filters)
    total = session.execute(select(func.count()).select_from(Article).where(*where)).scalar_one()
    rows = session.execute(
        select(*SUMMARY_COLUMNS).where(*where).order_by(*_order(sort)).limit(limit).offset(offset)
    ).all()
    return Page(items=[_summary(r) for r in rows], total=total, limit=limit, offset=offset)


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


def articles_full(session: Session, *, article_ids: list[int]) -> list[ArticleFull]:
    """The articles with paragraphs, entities, mentions and quotations, in `article_ids`
    order (missing ids skipped); six queries whatever the number of articles."""
    if not article_ids:
        return []
    articles = {
        a.id: a
        for a in session.execute(select(Article).where(Article.id.in_(article_ids))).scalars()
    }
    paragraphs: dict[int, list[ParagraphOut]] = defaultdict(list)
    for p in session.execute(
        select(Paragraph)
        .where(Paragraph.article_id.in_(article_ids))
        .order_by(Paragraph.article_id, Paragraph.number)
    ).scalars():
        paragraphs[p.article_id].append(
            ParagraphOut(number=p.number, text=p.text, start=p.start_char, end=p.end_char)
        )
    entities: dict[tuple[int, str], list[ArticleEntityOut]] = defaultdict(list)
    for ae, e in session.execute(
        select(ArticleEntity, Entity)
        .join(Entity, Entity.id == ArticleEntity.entity_id)
        .where(ArticleEntity.article_id.in_(article_ids))
        .order_by(ArticleEntity.article_id, ArticleEntity.position)
    ).all():
        entities[ae.article_id, e.kind].append(
            ArticleEntityOut(
                id=e.id,  # type: ignore[arg-type]
                name=e.name,
                kind=e.kind,  # type: ignore[arg-type]
                aliases=ae.aliases,
                roles=ae.roles,
                mention_count=ae.mention_count,
                quotation_count=ae.quotation_count,
            )
        )
    mentions: dict[int, list[MentionOut]] = defaultdict(list)
    for m, name, kind in session.execute(
        select(Mention, Entity.name, Entity.kind)
        .join(Entity, Entity.id == Mention.entity_id)
        .where(Mention.article_id.in_(article_ids))
        .order_by(Mention.article_id, Mention.start_char, Mention.id)
    ).all():
        mentions[m.article_id].append(
            MentionOut(
                entity_id=m.entity_id,
                name=name,
                kind=kind,
                text=m.text,
                start=m.start_char,
                end=m.end_char,
            )
        )
    rows = list(
        session.execute(
            select(Quotation)
            .where(Quotation.article_id.in_(article_ids))
            .order_by(Quotation.article_id, Quotation.start_char, Quotation.id)
        ).scalars()
    )
    quotations: dict[int, list[QuotationOut]] = defaultdict(list)
    for quotation in quotations_out(session, rows):
        quotations[quotation.article_id].append(quotation)

    out = []
    for article_id in article_ids:
        a = articles.get(article_id)
        if a is None:
            continue
        people = entities[article_id, "person"]
        organisations = entities[article_id, "organisation"]
        out.append(
            ArticleFull(
                **_summary(a).model_dump(),
                content_hash=a.content_hash,
                images=[ImageOut(**i) for i in a.images],
                text=a.text,
                people_count=len(people),
                organisation_count=len(organisations),
                quotation_count=len(quotations[article_id]),
                paragraphs=paragraphs[article_id],
                people=people,
                organisations=organisations,
                mentions=mentions[article_id],
                quotations=quotations[article_id],
            )
        )
    return out
