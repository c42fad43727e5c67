"""An article's own rows: the article, its paragraphs, mentions and quotations, and (on
SQLite) the search-term counts of its texts. Core statements, built once; rows are plain
dicts executed as one executemany / multi-row INSERT each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import Connection, Date, cast, delete, func, insert, select, text, update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col

from app.annotate.types import AnnotatedArticle
from app.annotate.types import Quotation as AnnotatedQuotation
from app.core import search_terms
from app.core.annotator_version import annotator_version
from app.models import (
    Article,
    ArticleEntity,
    ArticleName,
    Mention,
    Paragraph,
    Quotation,
    utcnow,
)

_articles = Article.__table__  # type: ignore[attr-defined]
_paragraphs = Paragraph.__table__  # type: ignore[attr-defined]
_INSERT_ARTICLE = insert(_articles).returning(_articles.c.id)
# RETURNING the number too: a multi-row INSERT does not promise to return rows in order.
_INSERT_PARAGRAPHS = insert(_paragraphs).returning(_paragraphs.c.id, _paragraphs.c.number)
_INSERT_MENTIONS = insert(Mention.__table__)  # type: ignore[attr-defined]
_INSERT_QUOTATIONS = insert(Quotation.__table__)  # type: ignore[attr-defined]
_BUMP_GENERATION = text("UPDATE counters SET value = value + 1 WHERE name = 'generation'")


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """Caller-supplied metadata; each field, when given, overrides what the annotator found."""

    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    authors: list[str] | None = None


@dataclass(frozen=True, slots=True)
class StoredArticle:
    """What later steps of the write need: the new ids and the date the article was seen."""

    id: int
    paragraph_ids: dict[int, int]  # paragraph number -> row id
    seen: date


def seen_date(published: date | None, ingested_at: datetime) -> date:
    """The date an article was "seen" (entities' first_seen/last_seen, timelines): its
    publication date, else the UTC date it was stored."""
    if published is not None:
        return published
    if ingested_at.tzinfo is not None:
        ingested_at = ingested_at.astimezone(UTC)
    return ingested_at.date()


def seen_date_sql(dialect: str) -> ColumnElement[date]:
    """`seen_date` of an `articles` row, in SQL (for recounts over stored rows)."""
    ingested: ColumnElement[date]
    if dialect == "postgresql":
        ingested = cast(func.timezone("UTC", col(Article.ingested_at)), Date)
    else:
        ingested = func.date(col(Article.ingested_at))
    return func.coalesce(col(Article.published), ingested)


def article_seen(connection: Connection, article_id: int) -> date | None:
    """The stored article's `seen_date`, or None when there is no such article."""
    row = connection.execute(
        select(col(Article.published), col(Article.ingested_at)).where(
            col(Article.id) == article_id
        )
    ).first()
    return None if row is None else seen_date(*row)


def insert_article(
    connection: Connection,
    *,
    text: str,
    text_hash: str,
    annotation: AnnotatedArticle,
    fields: ArticleFields,
) -> StoredArticle:
    """The article row and its paragraphs."""
    meta = annotation.metadata
    published = fields.published if fields.published is not None else meta.published
    ingested_at = utcnow()
    values = {
        "title": fields.title if fields.title is not None else meta.title,
        "authors": fields.authors if fields.authors is not None else list(meta.authors),
        "source": fields.source if fields.source is not None else meta.source,
        "published": published,
        "url": fields.url,
        "content_hash": text_hash,
        "text": text,
        "images": [{"file": i.file, "caption": i.caption} for i in meta.images],
        "paragraph_count": len(annotation.paragraphs),
        "ingested_at": ingested_at,
        "annotator_version": annotator_version(),
    }
    article_id: int = connection.execute(_INSERT_ARTICLE, values).scalar_one()
    paragraph_ids = insert_paragraphs(connection, article_id, annotation)
    return StoredArticle(article_id, paragraph_ids, seen_date(published, ingested_at))


def reannotated_article(
    connection: Connection, article_id: int, annotation: AnnotatedArticle
) -> dict[int, int]:
    """A stored article's new paragraphs (its old annotations are gone), its paragraph
    count, images and annotator version; bumps the write generation (search caches), as
    the triggers on articles do for inserts and deletes. Returns number -> paragraph id."""
    images = [{"file": i.file, "caption": i.caption} for i in annotation.metadata.images]
    connection.execute(
        update(_articles)
        .where(_articles.c.id == article_id)
        .values(
            paragraph_count=len(annotation.paragraphs),
            images=images,
            annotator_version=annotator_version(),
        )
    )
    connection.execute(_BUMP_GENERATION)
    return insert_paragraphs(connection, article_id, annotation)


def insert_paragraphs(
    connection: Connection, article_id: int, annotation: AnnotatedArticle
) -> dict[int, int]:
    """The article's paragraph rows; returns paragraph number -> row id."""
    if not annotation.paragraphs:
        return {}
    rows = [
        {"article_id": article_id, "number": p.number, "start_char": p.start}
        | {"end_char": p.end, "text": p.text}
        for p in annotation.paragraphs
    ]
    returned = connection.execute(_INSERT_PARAGRAPHS, rows)
    return {number: id_ for id_, number in returned}


def insert_mentions_and_quotations(
    connection: Connection,
    *,
    article: StoredArticle,
    annotation: AnnotatedArticle,
    name_ids: list[int],
    entity_ids: list[int],
) -> None:
    """Mentions and quotations, pointing at their names (name_ids[i] is annotated entity
    i's name) and at those names' entities."""
    ids = article.paragraph_ids
    if annotation.mentions:
        connection.execute(
            _INSERT_MENTIONS,
            [
                {"article_id": article.id, "paragraph_id": ids[m.paragraph], "start_char": m.start}
                | {"end_char": m.end, "text": m.text, "entity_id": entity_ids[m.entity]}
                | {"name_id": name_ids[m.entity]}
                for m in annotation.mentions
            ],
        )
    if annotation.quotations:
        connection.execute(
            _INSERT_QUOTATIONS,
            [
                _quotation_row(q, article.id, ids[q.paragraph], name_ids, entity_ids)
                for q in annotation.quotations
            ],
        )


def _quotation_row(
    q: AnnotatedQuotation,
    article_id: int,
    paragraph_id: int,
    name_ids: list[int],
    entity_ids: list[int],
) -> dict[str, object]:
    speaker = q.speaker_entity
    return {
        "article_id": article_id,
        "paragraph_id": paragraph_id,
        "paragraph_number": q.paragraph,
        "start_char": q.start,
        "end_char": q.end,
        "spans": [list(span) for span in q.spans],
        "text": q.text,
        "kind": q.kind,
        "cue": q.cue,
        "speaker_id": entity_ids[speaker] if speaker is not None else None,
        "speaker_name_id": name_ids[speaker] if speaker is not None else None,
        "speaker_label": q.speaker_label,
        "speaker_type": q.speaker_type,
        "speaker_named": q.speaker_named,
    }


def add_search_terms(connection: Connection, annotation: AnnotatedArticle) -> None:
    if connection.dialect.name == "sqlite":
        texts = [p.text for p in annotation.paragraphs]
        search_terms.add(connection, kind="paragraph", texts=texts)
        search_terms.add(
            connection, kind="quotation", texts=[q.text for q in annotation.quotations]
        )


def delete_article_rows(connection: Connection, article_id: int) -> None:
    """The article and everything that hangs off it, children first and explicitly (the FTS
    triggers fire on these deletes on SQLite); search-term counts are taken away first."""
    remove_search_terms(connection, article_id)
    delete_annotation_rows(connection, article_id)
    connection.execute(delete(Article).where(col(Article.id) == article_id))


def remove_search_terms(connection: Connection, article_id: int) -> None:
    """SQLite: take the article's paragraphs and quotations out of the search-term counts."""
    if connection.dialect.name == "sqlite":
        searched: tuple[tuple[search_terms.Kind, type[Paragraph] | type[Quotation]], ...] = (
            ("paragraph", Paragraph),
            ("quotation", Quotation),
        )
        for kind, model in searched:
            texts = select(col(model.text)).where(col(model.article_id) == article_id)
            found = connection.execute(texts).scalars().all()
            search_terms.remove(connection, kind=kind, texts=found)


def delete_annotation_rows(connection: Connection, article_id: int) -> None:
    """What hangs off the article (not its search-term counts: see delete_article_rows)."""
    children = (Quotation, Mention, ArticleEntity, ArticleName, Paragraph)
    for child in children:
        connection.execute(delete(child).where(col(child.article_id) == article_id))
