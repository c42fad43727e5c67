"""Store an annotated article: one short write transaction, idempotent by content hash.

Annotation (slow, CPU-bound) happens before and outside the transaction; the write itself only
inserts rows and bumps the maintained counters, so writers hold the database for milliseconds.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import Engine, delete, exists, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlmodel import Session

from app.annotate import annotate
from app.annotate.types import AnnotatedArticle
from app.annotate.types import Entity as AnnotatedEntity
from app.core.db import begin_write, is_sqlite, is_transient
from app.core.text import entity_search_text
from app.models import Article, ArticleEntity, Entity, Mention, Paragraph, Quotation

# SQLite allows one writer at a time; serialising writers inside the process avoids
# "database is locked" storms (other processes still wait on busy_timeout).
_sqlite_write_lock = threading.Lock()
WRITE_ATTEMPTS = 3  # a deadlock or serialization failure is retried, in a fresh transaction
log = logging.getLogger("app.ingest")


def content_hash(text: str) -> str:
    """Identity of an article: SHA-256 of its exact text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class ArticleFields:
    """Caller-supplied metadata; each field, when given, overrides what the annotator found."""

    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None
    authors: list[str] | None = None


@dataclass(frozen=True, slots=True)
class TextProblem:
    """Why a text cannot be stored: an HTTP status, a problem-type slug and a message."""

    status: int
    slug: str
    message: str


def text_problem(text: str, *, max_bytes: int, field: str = "text") -> TextProblem | None:
    """The one rule for what may be stored as an article text (API and bulk ingest alike).

    NUL and unpaired surrogates cannot be stored faithfully on every backend; everything else,
    control characters included, is kept exactly as sent.
    """
    if "\x00" in text:
        return TextProblem(
            422,
            "invalid-characters",
            f"The {field} contains a NUL character (U+0000), which cannot be stored.",
        )
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError as exc:
        return TextProblem(
            422,
            "invalid-characters",
            f"The {field} contains an unpaired surrogate (character {exc.start});"
            " it is not valid Unicode.",
        )
    if field != "text":
        return None
    if size > max_bytes:
        return TextProblem(
            413, "too-large", f"The text is larger than the limit of {max_bytes} bytes."
        )
    if not text.strip():
        return TextProblem(422, "empty-text", "The text is empty.")
    if not any(ch.isalpha() for ch in text):
        return TextProblem(422, "no-letters", "The text has no letters; it is not an article.")
    return None


def find_article_id(session: Session, *, text_hash: str) -> int | None:
    return session.execute(
        select(Article.id).where(Article.content_hash == text_hash)
    ).scalar_one_or_none()


def ingest(
    engine: Engine, *, text: str, fields: ArticleFields = ArticleFields()
) -> tuple[int, bool]:
    """Annotate and store `text` unless it is already stored; returns (article id, created)."""
    with Session(engine) as session:
        existing = find_article_id(session, text_hash=content_hash(text))
    if existing is not None:
        return existing, False
    return store_article(engine, text=text, annotation=annotate(text), fields=fields)


def store_article(
    engine: Engine,
    *,
    text: str,
    annotation: AnnotatedArticle,
    fields: ArticleFields = ArticleFields(),
) -> tuple[int, bool]:
    """Write the article and its annotations; returns (article id, created).

    When the same text is already stored (also when another writer wins a race), nothing is
    written and the existing id is returned with created=False.
    """
    text_hash = content_hash(text)
    annotation = checked_annotation(text, annotation)
    lock = _sqlite_write_lock if is_sqlite(str(engine.url)) else None
    if lock is not None:
        lock.acquire()
    try:
        for attempt in range(1, WRITE_ATTEMPTS + 1):
            with Session(engine) as session:
                begin_write(session)
                existing = find_article_id(session, text_hash=text_hash)
                if existing is not None:
                    return existing, False
                try:
                    article_id = _write(
                        session, text=text, text_hash=text_hash, a=annotation, f=fields
                    )
                    session.commit()
                except IntegrityError:
                    session.rollback()
                    existing = find_article_id(session, text_hash=text_hash)
                    if existing is not None:  # another writer stored the same text first
                        return existing, False
                    if attempt == WRITE_ATTEMPTS:
                        raise
                except DBAPIError as exc:
                    session.rollback()
                    if not is_transient(exc) or attempt == WRITE_ATTEMPTS:
                        raise
                else:
                    return article_id, True
            log.info("retrying the write of article %s (attempt %d)", text_hash[:12], attempt + 1)
        raise AssertionError("unreachable")
    finally:
        if lock is not None:
            lock.release()


def checked_annotation(text: str, a: AnnotatedArticle) -> AnnotatedArticle:
    """Keep offsets valid by construction: every stored paragraph, mention and quotation
    slices `text` to its own text. A paragraph that does not is an error (nothing is stored);
    a mention or quotation that does not is dropped, with a warning."""
    size = len(text)
    numbers = set()
    for p in a.paragraphs:
        if not (0 <= p.start <= p.end <= size and text[p.start : p.end] == p.text):
            raise ValueError(f"paragraph {p.number}: offsets do not slice the text")
        numbers.add(p.number)
    entities = range(len(a.entities))
    mentions = [
        m
        for m in a.mentions
        if m.paragraph in numbers
        and m.entity in entities
        and 0 <= m.start <= m.end <= size
        and text[m.start : m.end] == m.text
    ]
    quotations = [
        q
        for q in a.quotations
        if q.paragraph in numbers
        and q.spans
        and all(0 <= s <= e <= size for s, e in q.spans)
        and " ".join(text[s:e] for s, e in q.spans) == q.text
        and (q.speaker_entity is None or q.speaker_entity in entities)
    ]
    dropped = len(a.mentions) - len(mentions), len(a.quotations) - len(quotations)
    if not any(dropped):
        return a
    log.warning(
        "dropped %d mentions and %d quotations whose offsets do not slice the text", *dropped
    )
    return replace(a, mentions=mentions, quotations=quotations)


def _write(
    session: Session, *, text: str, text_hash: str, a: AnnotatedArticle, f: ArticleFields
) -> int:
    meta = a.metadata
    article = Article(
        title=f.title if f.title is not None else meta.title,
        authors=f.authors if f.authors is not None else list(meta.authors),
        source=f.source if f.source is not None else meta.source,
        published=f.published if f.published is not None else meta.published,
        url=f.url,
        content_hash=text_hash,
        text=text,
        images=[{"file": i.file, "caption": i.caption} for i in meta.images],
        paragraph_count=len(a.paragraphs),
    )
    session.add(article)
    session.flush()
    assert article.id is not None

    paragraph_rows = [
        Paragraph(
            article_id=article.id,
            number=p.number,
            start_char=p.start,
            end_char=p.end,
            text=p.text,
        )
        for p in a.paragraphs
    ]
    session.add_all(paragraph_rows)
    session.flush()
    paragraph_ids = {row.number: row.id for row in paragraph_rows}

    mention_counts = Counter(m.entity for m in a.mentions)
    quotation_counts = Counter(
        q.speaker_entity for q in a.quotations if q.speaker_entity is not None
    )
    # Entities are inserted or updated once each, in (kind, key) order: concurrent writers
    # lock shared entity rows in the same order and cannot deadlock one another.
    entity_ids = [0] * len(a.entities)
    for index in sorted(
        range(len(a.entities)), key=lambda i: (a.entities[i].kind, a.entities[i].key)
    ):
        entity_ids[index] = _upsert_entity(
            session,
            a.entities[index],
            mentions=mention_counts[index],
            quotations=quotation_counts[index],
        )
    for position, (index, entity) in enumerate(enumerate(a.entities)):
        session.add(
            ArticleEntity(
                article_id=article.id,
                entity_id=entity_ids[index],
                position=position,
                aliases=list(entity.aliases),
                roles=list(entity.roles),
                mention_count=mention_counts[index],
                quotation_count=quotation_counts[index],
            )
        )

    session.add_all(
        Mention(
            article_id=article.id,
            paragraph_id=paragraph_ids[m.paragraph],
            entity_id=entity_ids[m.entity],
            start_char=m.start,
            end_char=m.end,
            text=m.text,
        )
        for m in a.mentions
    )
    session.add_all(
        Quotation(
            article_id=article.id,
            paragraph_id=paragraph_ids[q.paragraph],
            paragraph_number=q.paragraph,
            start_char=q.start,
            end_char=q.end,
            spans=[list(span) for span in q.spans],
            text=q.text,
            kind=q.kind,
            cue=q.cue,
            speaker_id=entity_ids[q.speaker_entity] if q.speaker_entity is not None else None,
            speaker_label=q.speaker_label,
            speaker_type=q.speaker_type,
        )
        for q in a.quotations
    )
    session.flush()
    return article.id


def _upsert_entity(session: Session, e: AnnotatedEntity, *, mentions: int, quotations: int) -> int:
    """Insert the entity with this article's counts, or add them to the stored one.

    INSERT ... ON CONFLICT DO NOTHING, then a locked read and an UPDATE: safe when another
    writer inserts the same entity at the same moment (no unique violation, no lost update).
    """
    table = Entity.__table__
    insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
    new_id = session.execute(
        insert(table)
        .values(
            kind=e.kind,
            name=e.name,
            key=e.key,
            aliases=list(e.aliases),
            roles=list(e.roles),
            search_text=entity_search_text(e.name, list(e.aliases)),
            mention_count=mentions,
            article_count=1,
            quotation_count=quotations,
        )
        .on_conflict_do_nothing(index_elements=["kind", "key"])
        .returning(table.c.id)
    ).scalar_one_or_none()
    if new_id is not None:
        return new_id
    row = session.execute(
        select(table.c.id, table.c.name, table.c.aliases, table.c.roles)
        .where(table.c.kind == e.kind, table.c.key == e.key)
        .with_for_update()
    ).one()
    values: dict[str, object] = {
        "mention_count": table.c.mention_count + mentions,
        "article_count": table.c.article_count + 1,
        "quotation_count": table.c.quotation_count + quotations,
    }
    aliases = _merged(row.aliases, e.aliases)
    if aliases != row.aliases:
        values["aliases"] = aliases
        values["search_text"] = entity_search_text(row.name, aliases)
    roles = _merged(row.roles, e.roles)
    if roles != row.roles:
        values["roles"] = roles
    session.execute(update(table).where(table.c.id == row.id).values(**values))
    return row.id


def _merged(old: list[str], new: list[str]) -> list[str]:
    return list(dict.fromkeys([*old, *new]))


def delete_article(engine: Engine, *, article_id: int) -> bool:
    """Delete an article with its paragraphs, mentions, quotations and search rows, in one
    transaction; decrement the surviving entities' counters and delete the entities no other
    article names. Returns False when there is no such article."""
    lock = _sqlite_write_lock if is_sqlite(str(engine.url)) else None
    if lock is not None:
        lock.acquire()
    try:
        with Session(engine) as session:
            if session.get(Article, article_id) is None:
                return False
            _delete(session, article_id=article_id)
            session.commit()
            return True
    finally:
        if lock is not None:
            lock.release()


def _delete(session: Session, *, article_id: int) -> None:
    links = select(ArticleEntity.entity_id).where(ArticleEntity.article_id == article_id)
    entity_ids = list(session.execute(links).scalars())

    def own(column):  # type: ignore[no-untyped-def]
        return (
            select(column)
            .where(ArticleEntity.article_id == article_id, ArticleEntity.entity_id == Entity.id)
            .scalar_subquery()
        )

    # The counter UPDATE comes first: it row-locks the entities, so a concurrent ingest that
    # links one of them (and bumps its counters) either commits before the orphan check
    # below (which then sees its links) or waits for this transaction and retries.
    if entity_ids:
        session.execute(
            update(Entity)
            .where(Entity.id.in_(entity_ids))
            .values(
                mention_count=Entity.mention_count - own(ArticleEntity.mention_count),
                article_count=Entity.article_count - 1,
                quotation_count=Entity.quotation_count - own(ArticleEntity.quotation_count),
            )
            .execution_options(synchronize_session=False)
        )
    # Children first and explicitly (the FTS triggers fire on these deletes on SQLite).
    for model in (Quotation, Mention, ArticleEntity, Paragraph):
        session.execute(
            delete(model)
            .where(model.article_id == article_id)  # type: ignore[attr-defined]
            .execution_options(synchronize_session=False)
        )
    session.execute(
        delete(Article).where(Article.id == article_id).execution_options(synchronize_session=False)
    )
    if entity_ids:
        session.execute(
            delete(Entity)
            .where(
                Entity.id.in_(entity_ids),
                ~exists().where(ArticleEntity.entity_id == Entity.id),
                ~exists().where(Mention.entity_id == Entity.id),
            )
            .execution_options(synchronize_session=False)
        )
