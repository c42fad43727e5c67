"""Queries over people and organisations."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from app.core.counters import get_count
from app.models import Article, ArticleEntity, CoMention, Entity, Mention, Paragraph
from app.queries.filters import EntityFilters, EntitySort, entity_where
from app.schemas import (
    ArticleEntityOut,
    CoMentionOut,
    EntityArticleOut,
    EntityKind,
    EntityMentionOut,
    EntityOut,
    EntitySummary,
    Page,
)

ENTITY_ORDER = {
    "name": (Entity.name, Entity.id),
    "-mentions": (Entity.mention_count.desc(), Entity.id),
    "-articles": (Entity.article_count.desc(), Entity.id),
    "-quotations": (Entity.quotation_count.desc(), Entity.id),
}


def _summary(e: Entity) -> EntitySummary:
    return EntitySummary(
        id=e.id,  # type: ignore[arg-type]
        name=e.name,
        kind=e.kind,  # type: ignore[arg-type]
        aliases=e.aliases,
        roles=e.roles,
        mention_count=e.mention_count,
        article_count=e.article_count,
        quotation_count=e.quotation_count,
    )


def entity_summary(e: Entity) -> EntitySummary:
    """An entity row as the lists give it (its maintained counts)."""
    return _summary(e)


def list_entities(
    session: Session,
    *,
    kind: EntityKind,
    filters: EntityFilters = EntityFilters(),
    sort: EntitySort = "name",
    limit: int,
    offset: int,
) -> Page[EntitySummary]:
    if filters.in_range():
        from app.queries.entity_ranges import list_entities_in_range

        return list_entities_in_range(
            session, kind=kind, filters=filters, sort=sort, limit=limit, offset=offset
        )
    where = entity_where(kind, filters)
    if filters == EntityFilters():
        total = get_count(session, f"entities:{kind}")
    else:
        total = session.execute(select(func.count()).select_from(Entity).where(*where)).scalar_one()
    rows = session.execute(
        select(Entity).where(*where).order_by(*ENTITY_ORDER[sort]).limit(limit).offset(offset)
    ).scalars()
    return Page(items=[_summary(e) for e in rows], total=total, limit=limit, offset=offset)


def entity_exists(session: Session, *, kind: EntityKind, entity_id: int) -> bool:
    found = session.execute(
        select(Entity.id).where(Entity.id == entity_id, Entity.kind == kind)
    ).first()
    return found is not None


def get_entity(session: Session, *, kind: EntityKind, entity_id: int) -> EntityOut | None:
    """The entity with its first and last dates, both maintained on ingest (one row read)."""
    entity = session.get(Entity, entity_id)
    if entity is None or entity.kind != kind:
        return None
    return EntityOut(
        **_summary(entity).model_dump(), first_seen=entity.first_seen, last_seen=entity.last_seen
    )


def list_entity_articles(
    session: Session, *, entity_id: int, limit: int, offset: int
) -> Page[EntityArticleOut]:
    """Articles naming the entity, newest publication first (undated last)."""
    where = ArticleEntity.entity_id == entity_id
    total = session.execute(
        select(func.count()).select_from(ArticleEntity).where(where)
    ).scalar_one()
    rows = session.execute(
        select(Article, ArticleEntity)
        .join(ArticleEntity, ArticleEntity.article_id == Article.id)
        .where(where)
        .order_by(Article.published.is_(None), Article.published.desc(), Article.id.desc())
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        EntityArticleOut(
            id=a.id,  # type: ignore[arg-type]
            title=a.title,
            authors=a.authors,
            source=a.source,
            published=a.published,
            url=a.url,
            paragraph_count=a.paragraph_count,
            ingested_at=a.ingested_at,
            aliases=ae.aliases,
            roles=ae.roles,
            mention_count=ae.mention_count,
            quotation_count=ae.quotation_count,
        )
        for a, ae in rows
    ]
    return Page(items=items, total=total, limit=limit, offset=offset)


def list_entity_mentions(
    session: Session, *, entity_id: int, limit: int, offset: int
) -> Page[EntityMentionOut]:
    """Every mention of the entity in article and text order, with its paragraph."""
    where = Mention.entity_id == entity_id
    total = session.execute(select(func.count()).select_from(Mention).where(where)).scalar_one()
    rows = session.execute(
        select(Mention, Paragraph, Article.title, Article.published)
        .join(Paragraph, Paragraph.id == Mention.paragraph_id)
        .join(Article, Article.id == Mention.article_id)
        .where(where)
        .order_by(Mention.article_id, Mention.start_char, Mention.id)
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        EntityMentionOut(
            id=m.id,  # type: ignore[arg-type]
            article_id=m.article_id,
            article_title=title,
            published=published,
            paragraph=p.number,
            text=m.text,
            start=m.start_char,
            end=m.end_char,
            paragraph_text=p.text,
            paragraph_offset=m.start_char - p.start_char,
        )
        for m, p, title, published in rows
    ]
    return Page(items=items, total=total, limit=limit, offset=offset)


def list_co_mentions(
    session: Session, *, entity_id: int, kind: EntityKind | None, limit: int, offset: int
) -> Page[CoMentionOut]:
    """Entities named in the same articles, most shared articles first.

    Reads the maintained `co_mentions` rows in index order (ix_co_mentions_rank, or
    ix_co_mentions_kind_rank with a kind): no aggregate over the entity's articles.
    """
    where = [CoMention.entity_id == entity_id]
    if kind is not None:
        where.append(CoMention.other_kind == kind)
    total = session.execute(select(func.count()).select_from(CoMention).where(*where)).scalar_one()
    rows = session.execute(
        select(
            Entity.id,
            Entity.name,
            Entity.kind,
            CoMention.shared_articles,
            CoMention.shared_mentions,
        )
        .select_from(CoMention)
        .join(Entity, Entity.id == CoMention.other_id)
        .where(*where)
        .order_by(
            CoMention.shared_articles.desc(),
            CoMention.shared_mentions.desc(),
            CoMention.other_id,
        )
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        CoMentionOut(id=i, name=name, kind=k, shared_articles=n, shared_mentions=m)
        for i, name, k, n, m in rows
    ]
    return Page(items=items, total=total, limit=limit, offset=offset)


def list_article_entities(
    session: Session, *, article_id: int, kind: EntityKind, limit: int, offset: int
) -> Page[ArticleEntityOut]:
    where = (ArticleEntity.article_id == article_id) & (Entity.kind == kind)
    base = select(ArticleEntity, Entity).join(Entity, Entity.id == ArticleEntity.entity_id)
    total = session.execute(
        select(func.count())
        .select_from(ArticleEntity)
        .join(Entity, Entity.id == ArticleEntity.entity_id)
        .where(where)
    ).scalar_one()
    rows = session.execute(
        base.where(where).order_by(ArticleEntity.position).limit(limit).offset(offset)
    ).all()
    items = [article_entity_out(ae, e) for ae, e in rows]
    return Page(items=items, total=total, limit=limit, offset=offset)


def article_entity_out(ae: ArticleEntity, e: Entity) -> ArticleEntityOut:
    """An entity as one article names it."""
    return ArticleEntityOut(
        id=e.id,  # type: ignore[arg-type]
        name=e.name,
        kind=e.kind,  # type: ignore[arg-type]
        aliases=ae.aliases,
        roles=ae.roles,
        mention_count=ae.mention_count,
        quotation_count=ae.quotation_count,
    )
