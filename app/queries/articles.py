"""Queries over articles and their paragraphs."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from sqlalchemy import Executable, bindparam, func, select
from sqlmodel import Session, col

from app.core.counters import get_count
from app.models import Article, ArticleEntity, Entity, Mention, Paragraph, Quotation
from app.queries.entities import SHOWN_KINDS, article_entity_out
from app.queries.quotations import quotations_out
from app.queries.statements import Prepared, counter_column, fetch, id_window
from app.queries.where_clauses import ArticleFilters, ArticleSort, article_where
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
    col(Article.id),
    col(Article.title),
    col(Article.authors),
    col(Article.source),
    col(Article.published),
    col(Article.url),
    col(Article.paragraph_count),
    col(Article.ingested_at),
)


def summary_of(row: Any) -> ArticleSummary:
    """An article row (a stored Article or a Row of SUMMARY_COLUMNS) as a summary."""
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
        return (
            col(Article.published).is_(None),
            col(Article.published).desc(),
            col(Article.id).desc(),
        )
    if sort == "published":
        return (col(Article.published).is_(None), col(Article.published), col(Article.id))
    if sort == "-ingested":
        return (col(Article.ingested_at).desc(), col(Article.id).desc())
    return (col(Article.id),)


@lru_cache
def _articles_page(offset: bool, after: bool) -> Prepared:
    return Prepared(
        select(*SUMMARY_COLUMNS, counter_column("articles"))
        .where(id_window(col(Article.id), offset=offset, after=after))
        .order_by(col(Article.id))
        .limit(bindparam("limit"))
    )


def list_articles(
    session: Session,
    *,
    filters: ArticleFilters = ArticleFilters(),
    sort: ArticleSort | None = None,
    limit: int,
    offset: int,
    after: int | None = None,
) -> Page[ArticleSummary]:
    """Articles matching every filter; stored order unless `sort` is given (no date last).

    `after` (an article id, the previous page's `next_cursor`) pages in stored order.
    """
    if filters == ArticleFilters() and sort is None:
        return _stored_order_page(session, limit=limit, offset=offset, after=after)
    where = article_where(session, filters)
    if after is not None:
        where.append(col(Article.id) > after)
    total = session.execute(select(func.count()).select_from(Article).where(*where)).scalar_one()
    rows = session.execute(
        select(*SUMMARY_COLUMNS)
        .where(*where)
        .order_by(*_order(sort))
        .limit(limit + 1)
        .offset(offset)
    ).all()
    return Page(
        items=[summary_of(r) for r in rows[:limit]],
        total=total,
        limit=limit,
        offset=offset,
        next_cursor=str(rows[limit - 1].id) if len(rows) > limit and sort is None else None,
    )


def _stored_order_page(
    session: Session, *, limit: int, offset: int, after: int | None
) -> Page[ArticleSummary]:
    """The unfiltered list: one prepared statement, total from the maintained counter."""
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


_ARTICLE_EXISTS = select(col(Article.id)).where(col(Article.id) == bindparam("id"))


def get_article(session: Session, *, article_id: int) -> ArticleOut | None:
    article = session.get(Article, article_id)
    if article is None:
        return None
    counts = dict(
        session.execute(
            select(col(Entity.kind), func.count())
            .select_from(ArticleEntity)
            .join(Entity, col(Entity.id) == ArticleEntity.entity_id)
            .where(col(ArticleEntity.article_id) == article_id)
            .group_by(col(Entity.kind))
        ).all()
    )
    quotation_count = session.execute(
        select(func.count()).select_from(Quotation).where(col(Quotation.article_id) == article_id)
    ).scalar_one()
    return ArticleOut(
        **summary_of(article).model_dump(),
        content_hash=article.content_hash,
        images=[ImageOut(**i) for i in article.images],
        text=article.text,
        people_count=counts.get("person", 0),
        organisation_count=counts.get("organisation", 0),
        quotation_count=quotation_count,
    )


_PARAGRAPHS: Executable = (
    select(
        col(Article.paragraph_count).label("total"),
        col(Paragraph.number),
        col(Paragraph.text),
        col(Paragraph.start_char).label("start"),
        col(Paragraph.end_char).label("end"),
    )
    .select_from(Article)
    .outerjoin(Paragraph, col(Paragraph.article_id) == Article.id)
    .where(col(Article.id) == bindparam("id"))
    .order_by(col(Paragraph.number))
    .limit(bindparam("limit"))
    .offset(bindparam("offset"))
)
_PARAGRAPH_TOTAL = select(col(Article.paragraph_count)).where(col(Article.id) == bindparam("id"))


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
        select(Paragraph).where(
            col(Paragraph.article_id) == article_id, col(Paragraph.number) == number
        )
    ).scalar_one_or_none()
    if paragraph is None:
        return None
    mentions = session.execute(
        select(Mention, col(Entity.name), col(Entity.kind))
        .join(Entity, col(Entity.id) == Mention.entity_id)
        .where(col(Mention.paragraph_id) == paragraph.id, col(Entity.kind) != "other")
        .order_by(col(Mention.start_char))
    ).all()
    quotations = session.execute(
        select(Quotation)
        .where(col(Quotation.paragraph_id) == paragraph.id)
        .order_by(col(Quotation.start_char))
    ).scalars()
    return ParagraphDetail(
        number=paragraph.number,
        text=paragraph.text,
        start=paragraph.start_char,
        end=paragraph.end_char,
        mentions=[_mention_out(m, name, kind) for m, name, kind in mentions],
        quotations=quotations_out(session, list(quotations)),
    )


def _mention_out(m: Mention, name: str, kind: str) -> MentionOut:
    return MentionOut(
        entity_id=m.entity_id,
        name=name,
        kind=kind,  # type: ignore[arg-type]
        text=m.text,
        start=m.start_char,
        end=m.end_char,
    )


def articles_full(session: Session, *, article_ids: list[int]) -> list[ArticleFull]:
    """The articles with paragraphs, entities, mentions and quotations, in `article_ids`
    order (missing ids skipped); six queries whatever the number of articles."""
    if not article_ids:
        return []
    articles = {
        a.id: a
        for a in session.execute(select(Article).where(col(Article.id).in_(article_ids))).scalars()
    }
    paragraphs = _paragraphs_of(session, article_ids)
    entities = _entities_of(session, article_ids)
    mentions = _mentions_of(session, article_ids)
    quotations = _quotations_of(session, article_ids)
    out = []
    for article_id in article_ids:
        a = articles.get(article_id)
        if a is None:
            continue
        people = entities[article_id, "person"]
        organisations = entities[article_id, "organisation"]
        out.append(
            ArticleFull(
                **summary_of(a).model_dump(),
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


def _paragraphs_of(session: Session, article_ids: list[int]) -> dict[int, list[ParagraphOut]]:
    paragraphs: dict[int, list[ParagraphOut]] = defaultdict(list)
    for p in session.execute(
        select(Paragraph)
        .where(col(Paragraph.article_id).in_(article_ids))
        .order_by(col(Paragraph.article_id), col(Paragraph.number))
    ).scalars():
        paragraphs[p.article_id].append(
            ParagraphOut(number=p.number, text=p.text, start=p.start_char, end=p.end_char)
        )
    return paragraphs


def _entities_of(
    session: Session, article_ids: list[int]
) -> dict[tuple[int, str], list[ArticleEntityOut]]:
    """The entities of each article, by (article id, kind), in order of first appearance."""
    entities: dict[tuple[int, str], list[ArticleEntityOut]] = defaultdict(list)
    for ae, e in session.execute(
        select(ArticleEntity, Entity)
        .join(Entity, col(Entity.id) == ArticleEntity.entity_id)
        .where(col(ArticleEntity.article_id).in_(article_ids))
        .where(col(Entity.kind).in_(SHOWN_KINDS))  # 'other': the corpus says neither
        .order_by(col(ArticleEntity.article_id), col(ArticleEntity.position))
    ).all():
        entities[ae.article_id, e.kind].append(article_entity_out(ae, e))
    return entities


def _mentions_of(session: Session, article_ids: list[int]) -> dict[int, list[MentionOut]]:
    mentions: dict[int, list[MentionOut]] = defaultdict(list)
    for m, name, kind in session.execute(
        select(Mention, col(Entity.name), col(Entity.kind))
        .join(Entity, col(Entity.id) == Mention.entity_id)
        .where(col(Mention.article_id).in_(article_ids), col(Entity.kind) != "other")
        .order_by(col(Mention.article_id), col(Mention.start_char), col(Mention.id))
    ).all():
        mentions[m.article_id].append(_mention_out(m, name, kind))
    return mentions


def _quotations_of(session: Session, article_ids: list[int]) -> dict[int, list[QuotationOut]]:
    rows = session.execute(
        select(Quotation)
        .where(col(Quotation.article_id).in_(article_ids))
        .order_by(col(Quotation.article_id), col(Quotation.start_char), col(Quotation.id))
    ).scalars()
    quotations: dict[int, list[QuotationOut]] = defaultdict(list)
    for quotation in quotations_out(session, list(rows)):
        quotations[quotation.article_id].append(quotation)
    return quotations
