"""Queries over people and organisations."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.core.counters import get_count
from app.models import (
    Article,
    ArticleEntity,
    ArticleName,
    CoMention,
    Entity,
    EntityName,
    Mention,
    Paragraph,
)
from app.queries.where_clauses import EntityFilters, EntitySort, entity_where
from app.schemas import (
    ArticleEntityOut,
    CoMentionOut,
    EntityArticleOut,
    EntityKind,
    EntityMentionOut,
    EntityNameOut,
    EntityOut,
    EntitySummary,
    KindVotesOut,
    Page,
)

SHOWN_KINDS = ("person", "organisation")  # "other": the corpus says neither; not shown
ENTITY_ORDER = {
    "name": (col(Entity.name), col(Entity.id)),
    "-mentions": (col(Entity.mention_count).desc(), col(Entity.id)),
    "-articles": (col(Entity.article_count).desc(), col(Entity.id)),
    "-quotations": (col(Entity.quotation_count).desc(), col(Entity.id)),
}


def _summary(e: Entity) -> EntitySummary:
    return EntitySummary.model_validate(e, from_attributes=True)


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
        select(col(Entity.id)).where(col(Entity.id) == entity_id, col(Entity.kind) == kind)
    ).first()
    return found is not None


def get_entity(session: Session, *, kind: EntityKind, entity_id: int) -> EntityOut | None:
    """The entity with its first and last dates, both maintained on ingest (one row read)."""
    entity = session.get(Entity, entity_id)
    if entity is None or entity.kind != kind:
        return None
    summary = _summary(entity).model_dump()
    votes = KindVotesOut(
        person=entity.person_votes, organisation=entity.org_votes, other=entity.other_votes
    )
    return EntityOut(
        **summary, first_seen=entity.first_seen, last_seen=entity.last_seen, votes=votes
    )


def list_entity_names(
    session: Session, *, entity_id: int, limit: int, offset: int
) -> Page[EntityNameOut]:
    """The names that belong to the entity, most used first."""
    where = col(EntityName.entity_id) == entity_id
    total = session.execute(select(func.count()).select_from(EntityName).where(where))
    rows = session.execute(
        select(EntityName)
        .where(where)
        .order_by(col(EntityName.article_count).desc(), col(EntityName.key))
        .limit(limit)
        .offset(offset)
    ).scalars()
    items = [
        EntityNameOut(
            id=n.id,
            name=n.name,
            key=n.key,
            link=n.link,
            article_count=n.article_count,
            votes=KindVotesOut(
                person=n.person_votes, organisation=n.org_votes, other=n.other_votes
            ),
        )
        for n in rows
    ]
    return Page(items=items, total=total.scalar_one(), limit=limit, offset=offset)


def list_entity_articles(
    session: Session, *, entity_id: int, name_id: int | None = None, limit: int, offset: int
) -> Page[EntityArticleOut]:
    """Articles naming the entity (with `name_id`: by that name), newest publication first
    (undated last)."""
    where = col(ArticleEntity.entity_id) == entity_id
    if name_id is not None:
        uses = select(col(ArticleName.article_id)).where(col(ArticleName.name_id) == name_id)
        where = where & col(ArticleEntity.article_id).in_(uses)
    total = session.execute(
        select(func.count()).select_from(ArticleEntity).where(where)
    ).scalar_one()
    rows = session.execute(
        select(Article, ArticleEntity)
        .join(ArticleEntity, col(ArticleEntity.article_id) == Article.id)
        .where(where)
        .order_by(
            col(Article.published).is_(None), col(Article.published).desc(), col(Article.id).desc()
        )
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        EntityArticleOut(
            id=a.id,
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
    where = col(Mention.entity_id) == entity_id
    total = session.execute(select(func.count()).select_from(Mention).where(where)).scalar_one()
    rows = session.execute(
        select(Mention, Paragraph, col(Article.title), col(Article.published))
        .join(Paragraph, col(Paragraph.id) == Mention.paragraph_id)
        .join(Article, col(Article.id) == Mention.article_id)
        .where(where)
        .order_by(col(Mention.article_id), col(Mention.start_char), col(Mention.id))
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        EntityMentionOut(
            id=m.id,
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
    where = [col(CoMention.entity_id) == entity_id]
    if kind is not None:
        where.append(col(CoMention.other_kind) == kind)
    else:  # not the entities the corpus took for neither
        where.append(col(CoMention.other_kind).in_(SHOWN_KINDS))
    total = session.execute(select(func.count()).select_from(CoMention).where(*where)).scalar_one()
    rows = session.execute(
        select(
            col(Entity.id),
            col(Entity.name),
            col(Entity.kind),
            col(CoMention.shared_articles),
            col(CoMention.shared_mentions),
        )
        .select_from(CoMention)
        .join(Entity, col(Entity.id) == CoMention.other_id)
        .where(*where)
        .order_by(
            col(CoMention.shared_articles).desc(),
            col(CoMention.shared_mentions).desc(),
            col(CoMention.other_id),
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
    where = (col(ArticleEntity.article_id) == article_id) & (col(Entity.kind) == kind)
    base = select(ArticleEntity, Entity).join(Entity, col(Entity.id) == ArticleEntity.entity_id)
    total = session.execute(
        select(func.count())
        .select_from(ArticleEntity)
        .join(Entity, col(Entity.id) == ArticleEntity.entity_id)
        .where(where)
    ).scalar_one()
    rows = session.execute(
        base.where(where).order_by(col(ArticleEntity.position)).limit(limit).offset(offset)
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
