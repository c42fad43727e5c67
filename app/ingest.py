"""Store an annotated article: one short write transaction, idempotent by content hash.

Annotation (slow, CPU-bound) happens before and outside the transaction; the write itself only
inserts rows and bumps the maintained counters, so writers hold the database for milliseconds.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
from collections import Counter
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from sqlalchemy import (
    Date,
    Engine,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.sql.dml import Insert, Update
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from app.annotate import annotate
from app.annotate.types import AnnotatedArticle
from app.annotate.types import Entity as AnnotatedEntity
from app.core import analytics_counts, search_terms
from app.core.db import begin_write, is_sqlite, is_transient
from app.core.text import entity_search_text
from app.models import (
    Article,
    ArticleEntity,
    CoMention,
    Entity,
    Mention,
    Paragraph,
    Quotation,
    utcnow,
)

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


def seen_date(published: date | None, ingested_at: datetime) -> date:
    """The date an article was "seen" (entities' first_seen/last_seen): its publication date,
    else the UTC date it was stored."""
    if published is not None:
        return published
    if ingested_at.tzinfo is not None:
        ingested_at = ingested_at.astimezone(UTC)
    return ingested_at.date()


def seen_date_sql(dialect: str) -> ColumnElement[date]:
    """`seen_date` of an `articles` row, in SQL (for recounts over stored rows)."""
    if dialect == "postgresql":
        ingested = cast(func.timezone("UTC", Article.ingested_at), Date)
    else:
        ingested = func.date(Article.ingested_at)
    return func.coalesce(Article.published, ingested)


_FIND_ARTICLE = select(Article.id).where(Article.content_hash == bindparam("text_hash"))


def find_article_id(session: Session, *, text_hash: str) -> int | None:
    return session.execute(_FIND_ARTICLE, {"text_hash": text_hash}).scalar_one_or_none()


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


_articles = Article.__table__  # type: ignore[attr-defined]
_paragraphs = Paragraph.__table__  # type: ignore[attr-defined]
# Core statements, built once (executing a prebuilt statement skips building and hashing its
# cache key); the rows below are plain dicts, executed as one executemany / multi-row INSERT.
# Column types (JSON, UTCDateTime) still process the values; defaults are filled in here.
_INSERT_ARTICLE = insert(_articles).returning(_articles.c.id)
_INSERT_PARAGRAPHS = insert(_paragraphs).returning(_paragraphs.c.id, _paragraphs.c.number)
_INSERT_LINKS = insert(ArticleEntity.__table__)  # type: ignore[attr-defined]
_INSERT_MENTIONS = insert(Mention.__table__)  # type: ignore[attr-defined]
_INSERT_QUOTATIONS = insert(Quotation.__table__)  # type: ignore[attr-defined]


def _write(
    session: Session, *, text: str, text_hash: str, a: AnnotatedArticle, f: ArticleFields
) -> int:
    connection = session.connection()
    meta = a.metadata
    published = f.published if f.published is not None else meta.published
    ingested_at = utcnow()
    article_id: int = connection.execute(
        _INSERT_ARTICLE,
        {
            "title": f.title if f.title is not None else meta.title,
            "authors": f.authors if f.authors is not None else list(meta.authors),
            "source": f.source if f.source is not None else meta.source,
            "published": published,
            "url": f.url,
            "content_hash": text_hash,
            "text": text,
            "images": [{"file": i.file, "caption": i.caption} for i in meta.images],
            "paragraph_count": len(a.paragraphs),
            "ingested_at": ingested_at,
        },
    ).scalar_one()
    seen = seen_date(published, ingested_at)

    paragraph_ids: dict[int, int] = {}
    if a.paragraphs:
        # RETURNING the number too: a multi-row INSERT does not promise to return rows in order.
        returned = connection.execute(
            _INSERT_PARAGRAPHS,
            [
                {
                    "article_id": article_id,
                    "number": p.number,
                    "start_char": p.start,
                    "end_char": p.end,
                    "text": p.text,
                }
                for p in a.paragraphs
            ],
        )
        paragraph_ids = {number: id_ for id_, number in returned}

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
            seen=seen,
        )
    if a.entities:
        connection.execute(
            _INSERT_LINKS,
            [
                {
                    "article_id": article_id,
                    "entity_id": entity_ids[index],
                    "position": index,
                    "aliases": list(entity.aliases),
                    "roles": list(entity.roles),
                    "mention_count": mention_counts[index],
                    "quotation_count": quotation_counts[index],
                }
                for index, entity in enumerate(a.entities)
            ],
        )
    if a.mentions:
        connection.execute(
            _INSERT_MENTIONS,
            [
                {
                    "article_id": article_id,
                    "paragraph_id": paragraph_ids[m.paragraph],
                    "entity_id": entity_ids[m.entity],
                    "start_char": m.start,
                    "end_char": m.end,
                    "text": m.text,
                }
                for m in a.mentions
            ],
        )
    if a.quotations:
        connection.execute(
            _INSERT_QUOTATIONS,
            [
                {
                    "article_id": article_id,
                    "paragraph_id": paragraph_ids[q.paragraph],
                    "paragraph_number": q.paragraph,
                    "start_char": q.start,
                    "end_char": q.end,
                    "spans": [list(span) for span in q.spans],
                    "text": q.text,
                    "kind": q.kind,
                    "cue": q.cue,
                    "speaker_id": (
                        entity_ids[q.speaker_entity] if q.speaker_entity is not None else None
                    ),
                    "speaker_label": q.speaker_label,
                    "speaker_type": q.speaker_type,
                    "speaker_named": q.speaker_named,
                }
                for q in a.quotations
            ],
        )
    if len(set(entity_ids)) > 1:
        _add_co_mentions(session, article_id=article_id)
    analytics_counts.add_article(connection, article_id)
    if connection.dialect.name == "sqlite":
        search_terms.add(connection, kind="paragraph", texts=[p.text for p in a.paragraphs])
        search_terms.add(connection, kind="quotation", texts=[q.text for q in a.quotations])
    return article_id


_entities = Entity.__table__  # type: ignore[attr-defined]
_LOCK_ENTITY = (
    select(
        _entities.c.id,
        _entities.c.name,
        _entities.c.aliases,
        _entities.c.roles,
        _entities.c.first_seen,
        _entities.c.last_seen,
    )
    .where(_entities.c.kind == bindparam("kind"), _entities.c.key == bindparam("key"))
    .with_for_update()
)


def _dialect_insert(dialect: str):  # type: ignore[no-untyped-def]
    """`insert` with ON CONFLICT support for the dialect (PostgreSQL's or SQLite's)."""
    return pg_insert if dialect == "postgresql" else sqlite_insert


@functools.cache
def _insert_entity(dialect: str) -> Insert:
    """INSERT ... ON CONFLICT (kind, key) DO NOTHING RETURNING id, built once per dialect."""
    insert = _dialect_insert(dialect)
    return (
        insert(_entities)
        .on_conflict_do_nothing(index_elements=["kind", "key"])
        .returning(_entities.c.id)
    )


@functools.cache
def _update_entity(changed: frozenset[str]) -> Update:
    """UPDATE of a locked entity: the counts are added to, the `changed` columns set (one
    statement per combination of changed columns, built once)."""
    values: dict[str, object] = {
        "mention_count": _entities.c.mention_count + bindparam("add_mentions"),
        "article_count": _entities.c.article_count + 1,
        "quotation_count": _entities.c.quotation_count + bindparam("add_quotations"),
    }
    values.update({name: bindparam(f"new_{name}") for name in sorted(changed)})
    return update(_entities).where(_entities.c.id == bindparam("entity_id")).values(values)


def _upsert_entity(
    session: Session, e: AnnotatedEntity, *, mentions: int, quotations: int, seen: date
) -> int:
    """Insert the entity with this article's counts and date, or add them to the stored one.

    INSERT ... ON CONFLICT DO NOTHING, then a locked read and an UPDATE: safe when another
    writer inserts the same entity at the same moment (no unique violation, no lost update).
    """
    connection = session.connection()
    new_id = connection.execute(
        _insert_entity(connection.dialect.name),
        {
            "kind": e.kind,
            "name": e.name,
            "key": e.key,
            "aliases": list(e.aliases),
            "roles": list(e.roles),
            "search_text": entity_search_text(e.name, list(e.aliases)),
            "mention_count": mentions,
            "article_count": 1,
            "quotation_count": quotations,
            "first_seen": seen,
            "last_seen": seen,
        },
    ).scalar_one_or_none()
    if new_id is not None:
        return new_id
    row = connection.execute(_LOCK_ENTITY, {"kind": e.kind, "key": e.key}).one()
    values: dict[str, object] = {
        "entity_id": row.id,
        "add_mentions": mentions,
        "add_quotations": quotations,
    }
    # The row is locked (FOR UPDATE; SQLite's write lock): min/max in Python are safe.
    if row.first_seen is None or seen < row.first_seen:
        values["new_first_seen"] = seen
    if row.last_seen is None or seen > row.last_seen:
        values["new_last_seen"] = seen
    aliases = _merged(row.aliases, e.aliases)
    if aliases != row.aliases:
        values["new_aliases"] = aliases
        values["new_search_text"] = entity_search_text(row.name, aliases)
    roles = _merged(row.roles, e.roles)
    if roles != row.roles:
        values["new_roles"] = roles
    changed = frozenset(key[4:] for key in values if key.startswith("new_"))
    connection.execute(_update_entity(changed), values)
    return row.id


def _add_co_mentions(session: Session, *, article_id: int) -> None:
    """Count the article in `co_mentions` for every ordered pair of distinct entities it names
    (+1 shared article, + the other entity's mentions here): one INSERT ... SELECT ... ON
    CONFLICT DO UPDATE over the article's entity links, however many pairs there are.

    Runs after the article's entities were upserted: their rows are locked until commit, so
    two writers never update the same pair concurrently (no deadlock, no lost update).
    """
    session.connection().execute(
        _co_mentions_upsert(session.get_bind().dialect.name), {"article_id": article_id}
    )


@functools.cache
def _co_mentions_upsert(dialect: str) -> Insert:
    """The statement of `_add_co_mentions`, built once per dialect (:article_id bound)."""
    co = CoMention.__table__  # type: ignore[attr-defined]
    links = ArticleEntity.__table__  # type: ignore[attr-defined]
    mine, other = links.alias("mine"), links.alias("other")
    entities = Entity.__table__
    pairs = (
        select(
            mine.c.entity_id,
            other.c.entity_id.label("other_id"),
            entities.c.kind,
            literal(1),
            other.c.mention_count,
        )
        .select_from(mine)
        .join(
            other,
            and_(other.c.article_id == mine.c.article_id, other.c.entity_id != mine.c.entity_id),
        )
        .join(entities, entities.c.id == other.c.entity_id)
        .where(mine.c.article_id == bindparam("article_id"))
        .order_by(mine.c.entity_id, other.c.entity_id)
    )
    insert = _dialect_insert(dialect)
    statement = insert(co).from_select(
        ["entity_id", "other_id", "other_kind", "shared_articles", "shared_mentions"], pairs
    )
    return statement.on_conflict_do_update(
        index_elements=["entity_id", "other_id"],
        set_={
            "shared_articles": co.c.shared_articles + statement.excluded.shared_articles,
            "shared_mentions": co.c.shared_mentions + statement.excluded.shared_mentions,
        },
    )


def _remove_co_mentions(session: Session, *, article_id: int, entity_ids: list[int]) -> None:
    """Take the article out of `co_mentions` (before its entity links are deleted): every
    pair among its entities loses one shared article and the other entity's mentions here;
    pairs no other article shares are deleted."""
    co = CoMention.__table__  # type: ignore[attr-defined]
    links = ArticleEntity.__table__  # type: ignore[attr-defined]
    pairs = (co.c.entity_id.in_(entity_ids), co.c.other_id.in_(entity_ids))
    others_mentions = (
        select(links.c.mention_count)
        .where(links.c.article_id == article_id, links.c.entity_id == co.c.other_id)
        .scalar_subquery()
    )
    session.execute(
        update(co)
        .where(*pairs)
        .values(
            shared_articles=co.c.shared_articles - 1,
            shared_mentions=co.c.shared_mentions - others_mentions,
        )
    )
    session.execute(delete(co).where(*pairs, co.c.shared_articles <= 0))


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
            dates = session.execute(
                select(Article.published, Article.ingested_at).where(Article.id == article_id)
            ).first()
            if dates is None:
                return False
            _delete(session, article_id=article_id, seen=seen_date(*dates))
            session.commit()
            return True
    finally:
        if lock is not None:
            lock.release()


def _delete(session: Session, *, article_id: int, seen: date) -> None:
    """Delete the article; `seen` is its `seen_date` (entities' first/last seen to revisit)."""
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
    analytics_counts.remove_article(session.connection(), article_id)
    if len(entity_ids) > 1:
        _remove_co_mentions(session, article_id=article_id, entity_ids=entity_ids)
    if session.get_bind().dialect.name == "sqlite":
        for kind, model in (("paragraph", Paragraph), ("quotation", Quotation)):
            texts = select(model.text).where(model.article_id == article_id)  # type: ignore[attr-defined]
            search_terms.remove(
                session.connection(), kind=kind, texts=session.execute(texts).scalars().all()
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
        # first/last seen: recomputed from the remaining articles of the surviving entities
        # whose first or last date was this article's (deletes are rare; one aggregate each).
        seen_sql = seen_date_sql(session.get_bind().dialect.name)

        def remaining(aggregate):  # type: ignore[no-untyped-def]
            return (
                select(aggregate(seen_sql))
                .select_from(ArticleEntity)
                .join(Article, Article.id == ArticleEntity.article_id)
                .where(ArticleEntity.entity_id == Entity.id)
                .scalar_subquery()
            )

        session.execute(
            update(Entity)
            .where(
                Entity.id.in_(entity_ids),
                Entity.article_count > 0,
                or_(
                    Entity.first_seen.is_(None),
                    Entity.first_seen >= seen,
                    Entity.last_seen <= seen,
                ),
            )
            .values(
                first_seen=remaining(func.min),
                last_seen=remaining(func.max),
            )
            .execution_options(synchronize_session=False)
        )
        session.execute(
            delete(Entity)
            .where(
                Entity.id.in_(entity_ids),
                ~exists().where(ArticleEntity.entity_id == Entity.id),
                ~exists().where(Mention.entity_id == Entity.id),
            )
            .execution_options(synchronize_session=False)
        )
