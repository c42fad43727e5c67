"""Queries over people and organisations."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlmodel import Session

from app.core.counters import get_count
from app.models import Article, ArticleEntity, Entity
from app.schemas import ArticleEntityOut, EntityKind, EntityOut, EntitySummary, Page


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


def list_entities(
    session: Session, *, kind: EntityKind, limit: int, offset: int
) -> Page[EntitySummary]:
    where = Entity.kind == kind
    total = get_count(session, f"entities:{kind}")
    rows = session.execute(
        select(Entity).where(where).order_by(Entity.name, Entity.id).limit(limit).offset(offset)
    ).scalars()
    return Page(items=[_summary(e) for e in rows], total=total, limit=limit, offset=offset)


def get_entity(session: Session, *, kind: EntityKind, entity_id: int) -> EntityOut | None:
    entity = session.get(Entity, entity_id)
    if entity is None or entity.kind != kind:
        return None
    seen = func.coalesce(Article.published, func.date(Article.ingested_at))
    first, last = session.execute(
        select(func.min(seen), func.max(seen))
        .select_from(ArticleEntity)
        .join(Article, Article.id == ArticleEntity.article_id)
        .where(ArticleEntity.entity_id == entity_id)
    ).one()
    return EntityOut(
        **_summary(entity).model_dump(), first_seen=_as_date(first), last_seen=_as_date(last)
    )


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value  # type: ignore[return-value]
    return date.fromisoformat(str(value)[:10])


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
    items = [
        ArticleEntityOut(
            id=e.id,  # type: ignore[arg-type]
            name=e.name,
            kind=e.kind,  # type: ignore[arg-type]
            aliases=ae.aliases,
            roles=ae.roles,
            mention_count=ae.mention_count,
            quotation_count=ae.quotation_count,
        )
        for ae, e in rows
    ]
    return Page(items=items, total=total, limit=limit, offset=offset)
