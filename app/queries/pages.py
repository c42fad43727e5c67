"""What the HTML pages of an entity and of the corpus show, in a few statements each."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from sqlalchemy import BindParameter, Select, bindparam, func, or_, select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col

from app.analytics_schemas import (
    CorpusTimeline,
    EntityTimeline,
    Interval,
    QuotationStats,
    SourceOut,
)
from app.core.analytics_counts import KINDS, SPEAKER_GROUPS
from app.models import Article, CoMention, Entity, EntityQuotation, Quotation, SourceTotal
from app.queries import timelines
from app.queries.entities import SHOWN_KINDS, get_entity
from app.queries.periods import periods_between
from app.queries.quotations import with_articles
from app.queries.stats import shares
from app.schemas import CoMentionOut, EntityKind, EntityOut, QuotationWithArticle

MAX_BARS = 120  # a chart's periods: months while they fit, else years
LATEST = 8
TOP = 12


def chart_interval(first: date | None, last: date | None) -> Interval:
    if first is None or last is None or periods_between(first, last, "month") <= MAX_BARS:
        return "month"
    return "year"


@dataclass(frozen=True)
class EntityPage:
    entity: EntityOut
    timeline: EntityTimeline
    said: list[QuotationWithArticle]  # the entity's latest quotations
    said_about: list[QuotationWithArticle]  # others' latest quotations mentioning it
    co_mentions: list[CoMentionOut]


def entity_page(session: Session, *, kind: EntityKind, entity_id: int) -> EntityPage | None:
    row = session.get(Entity, entity_id)  # held: the reads below find it in the session
    entity = get_entity(session, kind=kind, entity_id=entity_id)
    if row is None or entity is None:
        return None
    interval = chart_interval(entity.first_seen, entity.last_seen)
    timeline = timelines.entity_timeline(session, kind=kind, entity_id=entity_id, interval=interval)
    assert timeline is not None
    return EntityPage(
        entity=entity,
        timeline=timeline,
        said=_latest(session, entity_id, "by"),
        said_about=_latest(session, entity_id, "about"),
        co_mentions=_top_co_mentions(session, entity_id),
    )


@functools.cache
def _latest_query(role: str) -> Select:
    """The statement of `_latest` (built once per role: an aliased join costs more to build
    than to run)."""
    links = EntityQuotation.__table__.c  # type: ignore[attr-defined]
    speaker = aliased(Entity)
    entity_id: BindParameter[int] = bindparam("entity_id")
    speaker_id = col(Quotation.speaker_id)
    query = (
        select(Quotation, col(Article.title), col(Article.published))
        .add_columns(col(speaker.name), col(speaker.kind))
        .select_from(EntityQuotation)
        .join(Quotation, col(Quotation.id) == links.quotation_id)
        .join(Article, col(Article.id) == links.article_id)
        .outerjoin(speaker, col(speaker.id) == speaker_id)
        .where(links.entity_id == entity_id, links.role == role)
        .order_by(links.day.desc(), links.quotation_id.desc())
        .limit(LATEST)
    )
    if role == "about":  # what others say
        query = query.where(or_(speaker_id.is_(None), speaker_id != entity_id))
    return query


def _latest(session: Session, entity_id: int, role: str) -> list[QuotationWithArticle]:
    """The entity's quotations ('by') or those mentioning it ('about', by others), latest
    article day first: a backward walk of ix_entity_quotations_latest."""
    rows = session.execute(_latest_query(role), {"entity_id": entity_id}).all()
    names = {q.speaker_id: (n, k) for q, _, _, n, k in rows if q.speaker_id is not None}
    return with_articles(session, [(q, t, p) for q, t, p, _, _ in rows], names=names)


def _top_co_mentions(session: Session, entity_id: int) -> list[CoMentionOut]:
    """The first page of /people/{id}/co-mentions, without its total."""
    co = CoMention.__table__.c  # type: ignore[attr-defined]
    rows = session.execute(
        select(col(Entity.id), col(Entity.name), col(Entity.kind))
        .add_columns(co.shared_articles, co.shared_mentions)
        .select_from(CoMention)
        .join(Entity, col(Entity.id) == co.other_id)
        .where(co.entity_id == entity_id, co.other_kind.in_(SHOWN_KINDS))
        .order_by(co.shared_articles.desc(), co.shared_mentions.desc(), co.other_id)
        .limit(TOP)
    ).all()
    return [
        CoMentionOut(id=i, name=name, kind=k, shared_articles=n, shared_mentions=m)
        for i, name, k, n, m in rows
    ]


@dataclass(frozen=True)
class StatsPage:
    timeline: CorpusTimeline
    speakers: QuotationStats
    kinds: QuotationStats
    sources: list[SourceOut]


def stats_page(session: Session) -> StatsPage:
    extent = timelines.corpus_days(session)
    interval = chart_interval(*extent)
    timeline = timelines.corpus_timeline(session, interval=interval, extent=extent)
    c = SourceTotal.__table__.c  # type: ignore[attr-defined]
    names = [f"kind_{k}" for k in KINDS] + [f"speaker_{g}" for g in SPEAKER_GROUPS]
    sums = session.execute(
        select(*(func.coalesce(func.sum(getattr(c, n)), 0) for n in names))
    ).one()
    found: dict[str, int] = dict(zip(names, sums, strict=True))
    by_kind: dict[str | None, int] = {k: found[f"kind_{k}"] for k in KINDS}
    by_speaker: dict[str | None, int] = {g: found[f"speaker_{g}"] for g in SPEAKER_GROUPS}
    top = session.execute(
        select(c.source, c.articles, c.quotations).order_by(c.articles.desc(), c.source).limit(TOP)
    ).all()
    return StatsPage(
        timeline=timeline,
        speakers=shares("speaker_type", by_speaker),
        kinds=shares("kind", by_kind),
        sources=[
            SourceOut(source=s or None, article_count=a, quotation_count=q) for s, a, q in top
        ],
    )
