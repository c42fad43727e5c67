"""Queries over quotations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, select
from sqlmodel import Session, col

from app.core.counters import get_count
from app.models import Article, Entity, EntityQuotation, Quotation
from app.queries.statements import Prepared, id_window
from app.queries.where_clauses import QuotationFilters, about_ids, quotation_where
from app.schemas import Page, QuotationOut, QuotationWithArticle, SpeakerOut


def _speaker(q: Quotation, names: dict[int, tuple[str, str]]) -> SpeakerOut | None:
    if q.speaker_id is not None and q.speaker_id in names:
        name, kind = names[q.speaker_id]
        named = q.speaker_named if q.speaker_named is not None else True  # an entity is named
        entity_id = q.speaker_id if kind != "other" else None  # no page for "neither"
        return SpeakerOut(id=entity_id, name=name, type=kind, named=named)  # type: ignore[arg-type]
    if q.speaker_label:
        return SpeakerOut(
            id=None,
            name=q.speaker_label,
            type=q.speaker_type or "other",  # type: ignore[arg-type]
            named=q.speaker_named,
        )
    return None


def _speaker_names(session: Session, quotations: Sequence[Quotation]) -> dict[int, tuple[str, str]]:
    ids = {q.speaker_id for q in quotations if q.speaker_id is not None}
    if not ids:
        return {}
    rows = session.execute(
        select(col(Entity.id), col(Entity.name), col(Entity.kind)).where(col(Entity.id).in_(ids))
    )
    return {i: (name, kind) for i, name, kind in rows}


def _fields(q: Quotation, names: dict[int, tuple[str, str]]) -> dict:
    return {
        "id": q.id,
        "article_id": q.article_id,
        "paragraph": q.paragraph_number,
        "text": q.text,
        "kind": q.kind,
        "cue": q.cue,
        "speaker": _speaker(q, names),
        "start": q.start_char,
        "end": q.end_char,
        "spans": [tuple(s) for s in q.spans],
    }


def quotations_out(session: Session, quotations: Sequence[Quotation]) -> list[QuotationOut]:
    """Serialise quotations with their speakers (one extra query for all speakers)."""
    names = _speaker_names(session, quotations)
    return [QuotationOut(**_fields(q, names)) for q in quotations]


def list_article_quotations(
    session: Session, *, article_id: int, limit: int, offset: int
) -> Page[QuotationOut]:
    where = col(Quotation.article_id) == article_id
    total = session.execute(select(func.count()).select_from(Quotation).where(where)).scalar_one()
    rows = session.execute(
        select(Quotation)
        .where(where)
        .order_by(col(Quotation.start_char), col(Quotation.id))
        .limit(limit)
        .offset(offset)
    ).scalars()
    return Page(items=quotations_out(session, list(rows)), total=total, limit=limit, offset=offset)


def with_articles(
    session: Session,
    rows: Sequence[tuple[Quotation, str | None, date | None]],
    names: dict[int, tuple[str, str]] | None = None,
) -> list[QuotationWithArticle]:
    """Serialise (quotation, article title, published) rows (one extra query for speakers,
    unless `names` already maps every speaker id to its (name, kind))."""
    if names is None:
        names = _speaker_names(session, [q for q, _, _ in rows])
    return [
        QuotationWithArticle(**_fields(q, names), article_title=title, published=published)
        for q, title, published in rows
    ]


def _page_query(about: int | None) -> Select:
    """Quotations with their article's title and date, in id order; with `about`, walked from
    the entity's 'about' rows of entity_quotations (their primary key is in that order)."""
    query = select(Quotation, col(Article.title), col(Article.published))
    order: ColumnElement[Any] = Quotation.__table__.c.id  # type: ignore[attr-defined]
    if about is not None:
        links = EntityQuotation.__table__.c  # type: ignore[attr-defined]
        query = (
            query.select_from(EntityQuotation)
            .join(Quotation, col(Quotation.id) == links.quotation_id)
            .where(links.entity_id == about, links.role == "about")
        )
        order = links.quotation_id
    return query.join(Article, col(Article.id) == Quotation.article_id).order_by(order)


def list_quotations(
    session: Session,
    *,
    filters: QuotationFilters = QuotationFilters(),
    limit: int,
    offset: int,
    after: int | None = None,
) -> Page[QuotationWithArticle]:
    """Quotations matching every filter, in the order they were stored.

    Unfiltered, the total is the maintained counter and `offset` skips ids in the thin id
    index (constant cost at any depth); `after` (a quotation id) starts after a cursor.
    """
    where = quotation_where(session, replace(filters, about=None))
    params = {"offset": offset, "after": after}
    query = _page_query(filters.about).where(*where).limit(limit + 1)
    if filters == QuotationFilters():
        total = get_count(session, "quotations")
        query = query.where(
            id_window(col(Quotation.id), offset=bool(offset), after=after is not None)
        )
    else:
        if filters.speaker is not None and filters == QuotationFilters(speaker=filters.speaker):
            # one speaker's quotations: the entity's maintained count
            count = select(col(Entity.quotation_count)).where(col(Entity.id) == filters.speaker)
            total = session.execute(count).scalar_one_or_none() or 0
        elif filters.about is not None and filters == QuotationFilters(about=filters.about):
            # quotations about one entity: a count over its rows of entity_quotations
            about = about_ids(filters.about).subquery()
            total = session.execute(select(func.count()).select_from(about)).scalar_one()
        else:
            count = select(func.count()).select_from(Quotation)
            if filters.needs_article():
                count = count.join(Article, col(Article.id) == Quotation.article_id)
            total = session.execute(count.where(*quotation_where(session, filters))).scalar_one()
        query = query.offset(offset)
        if after is not None:
            query = query.where(col(Quotation.id) > after)
    rows = session.execute(query, params).all()
    items = with_articles(session, [tuple(r) for r in rows[:limit]])
    return Page(
        items=items,
        total=total,
        limit=limit,
        offset=offset,
        next_cursor=str(items[-1].id) if len(rows) > limit else None,
    )


def get_quotation(session: Session, *, quotation_id: int) -> QuotationWithArticle | None:
    row = session.execute(
        select(Quotation, col(Article.title), col(Article.published))
        .join(Article, col(Article.id) == Quotation.article_id)
        .where(col(Quotation.id) == quotation_id)
    ).first()
    if row is None:
        return None
    q, title, published = row
    names = _speaker_names(session, [q])
    return QuotationWithArticle(**_fields(q, names), article_title=title, published=published)


_SPEAKER_PAGE = Prepared(
    select(
        col(Entity.quotation_count).label("total"),
        col(Entity.name).label("speaker_name"),
        col(Entity.kind).label("speaker_kind"),
        col(Quotation.id),
        col(Quotation.article_id),
        col(Quotation.paragraph_number),
        col(Quotation.text),
        col(Quotation.kind),
        col(Quotation.cue),
        col(Quotation.start_char),
        col(Quotation.end_char),
        col(Quotation.spans),
        col(Quotation.speaker_named),
        col(Article.title),
        col(Article.published),
    )
    .select_from(Entity)
    .outerjoin(Quotation, col(Quotation.speaker_id) == Entity.id)
    .outerjoin(Article, col(Article.id) == Quotation.article_id)
    .where(col(Entity.id) == bindparam("speaker"), col(Entity.kind) == bindparam("kind"))
    .order_by(col(Quotation.id))
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)


def list_speaker_quotations(
    session: Session, *, entity_id: int, kind: str, limit: int, offset: int
) -> Page[QuotationWithArticle] | None:
    """One person's (or organisation's) quotations in stored order; None: no such entity.

    One prepared statement: the entity row (its maintained quotation count is the total, its
    name the speaker of every row) joined to its quotations on (speaker_id, id).
    """
    params = {"speaker": entity_id, "kind": kind, "limit": limit, "offset": offset}
    rows = _SPEAKER_PAGE.rows(session, params)
    if not rows:  # past the end: only the count is needed (and whether the entity exists)
        rows = _SPEAKER_PAGE.rows(session, {**params, "limit": 1, "offset": 0})
        if not rows:
            return None
        return Page[QuotationWithArticle].model_validate(
            {"items": [], "total": rows[0]["total"], "limit": limit, "offset": offset}
        )
    items = [
        {
            "id": r["id"],
            "article_id": r["article_id"],
            "paragraph": r["paragraph_number"],
            "text": r["text"],
            "kind": r["kind"],
            "cue": r["cue"],
            "speaker": {
                "id": entity_id,
                "name": r["speaker_name"],
                "type": r["speaker_kind"],
                "named": r["speaker_named"] if r["speaker_named"] is not None else True,
            },
            "start": r["start_char"],
            "end": r["end_char"],
            "spans": r["spans"],
            "article_title": r["title"],
            "published": r["published"],
        }
        for r in rows
        if r["id"] is not None
    ]
    return Page[QuotationWithArticle].model_validate(
        {"items": items, "total": rows[0]["total"], "limit": limit, "offset": offset}
    )
