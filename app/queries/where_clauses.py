"""Filters shared by the list endpoints and the exports, and the WHERE clauses they make."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from sqlalchemy import ColumnElement, Select, exists, false, func, or_, select
from sqlmodel import Session, col

from app.core.text import fold, like_pattern, strip_control
from app.models import (
    Article,
    ArticleEntity,
    Entity,
    EntityQuotation,
    Paragraph,
    Quotation,
)
from app.queries import fts
from app.schemas import EntityKind

ArticleSort = Literal["-published", "published", "-ingested"]
EntitySort = Literal["name", "-mentions", "-articles", "-quotations"]


@dataclass(frozen=True, slots=True)
class ArticleFilters:
    q: fts.SearchQuery | None = None
    people: tuple[int, ...] = ()
    organisations: tuple[int, ...] = ()
    source: str | None = None
    published_from: date | None = None
    published_to: date | None = None


@dataclass(frozen=True, slots=True)
class QuotationFilters:
    speaker: int | None = None
    speaker_name: str | None = None
    article: int | None = None
    kind: str | None = None
    q: fts.SearchQuery | None = None
    published_from: date | None = None
    published_to: date | None = None
    about: int | None = None  # quotations whose quoted text mentions this entity

    def needs_article(self) -> bool:
        return self.published_from is not None or self.published_to is not None


@dataclass(frozen=True, slots=True)
class EntityFilters:
    q: str | None = None
    article: int | None = None
    # either set: counts and count sorts over the articles published in the range
    published_from: date | None = None
    published_to: date | None = None

    def in_range(self) -> bool:
        return self.published_from is not None or self.published_to is not None


def _published(published_from: date | None, published_to: date | None) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if published_from is not None:
        where.append(col(Article.published) >= published_from)
    if published_to is not None:
        where.append(col(Article.published) <= published_to)
    return where


def _names_entity(entity_id: int, kind: EntityKind) -> ColumnElement[bool]:
    return exists().where(
        col(ArticleEntity.article_id) == Article.id,
        col(ArticleEntity.entity_id) == entity_id,
        col(Entity.id) == ArticleEntity.entity_id,
        col(Entity.kind) == kind,
    )


def article_where(session: Session, f: ArticleFilters) -> list[ColumnElement[bool]]:
    """Conditions on `Article` (every person and organisation given must be named)."""
    where = _published(f.published_from, f.published_to)
    where += [_names_entity(i, "person") for i in f.people]
    where += [_names_entity(i, "organisation") for i in f.organisations]
    if f.source is not None:
        where.append(col(Article.source) == strip_control(f.source))
    if f.q is not None and f.q.matches_nothing:
        where.append(false())
    elif f.q is not None:
        hits = fts.matches(session, target="paragraphs", query=f.q, ranked=False).subquery()
        where.append(
            col(Article.id).in_(
                select(col(Paragraph.article_id)).join(hits, hits.c.id == Paragraph.id)
            )
        )
    return where


def quotation_where(session: Session, f: QuotationFilters) -> list[ColumnElement[bool]]:
    """Conditions on `Quotation`; published_* also need `Article` joined (see needs_article)."""
    where = _published(f.published_from, f.published_to)
    if f.speaker is not None:
        where.append(col(Quotation.speaker_id) == f.speaker)
    if f.article is not None:
        where.append(col(Quotation.article_id) == f.article)
    if f.kind is not None:
        where.append(col(Quotation.kind) == f.kind)
    if f.speaker_name is not None:
        folded = fold(f.speaker_name)
        if not folded:
            where.append(false())
        else:
            pattern = like_pattern(folded)
            named = select(col(Entity.id)).where(col(Entity.search_text).like(pattern, escape="\\"))
            where.append(
                or_(
                    col(Quotation.speaker_id).in_(named),
                    func.lower(col(Quotation.speaker_label)).like(pattern, escape="\\"),
                )
            )
    if f.q is not None and f.q.matches_nothing:
        where.append(false())
    elif f.q is not None:
        hits = fts.matches(session, target="quotations", query=f.q, ranked=False).subquery()
        where.append(col(Quotation.id).in_(select(hits.c.id)))
    if f.about is not None:
        where.append(col(Quotation.id).in_(about_ids(f.about)))
    return where


def about_ids(entity_id: int) -> Select[tuple[int]]:
    """Ids of the quotations whose quoted spans hold a mention of the entity (maintained in
    `entity_quotations` by app.core.analytics_counts)."""
    links = EntityQuotation.__table__.c  # type: ignore[attr-defined]
    return select(links.quotation_id).where(links.entity_id == entity_id, links.role == "about")


def entity_where(kind: EntityKind, f: EntityFilters) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = [col(Entity.kind) == kind]
    if f.q is not None:
        folded = fold(f.q)
        if folded:
            where.append(col(Entity.search_text).like(like_pattern(folded), escape="\\"))
    if f.article is not None:
        where.append(
            exists().where(
                col(ArticleEntity.entity_id) == Entity.id,
                col(ArticleEntity.article_id) == f.article,
            )
        )
    return where
