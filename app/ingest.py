"""Store and delete annotated articles: one short write transaction each, idempotent by
content hash.

Annotation (slow, CPU-bound) happens before and outside the transaction; the write itself
inserts the article's rows, adds its evidence about names, decides (or re-decides) which
entity each name belongs to and adds its contribution to what is maintained per entity, so
writers hold the database for milliseconds. The steps live in `app.store`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date

from sqlalchemy import Connection, Engine, bindparam, select
from sqlmodel import Session, col

from app.annotate import annotate
from app.annotate.identity import identify
from app.annotate.types import AnnotatedArticle
from app.models import Article
from app.store import contributions, evidence, identity, rows
from app.store.contributions import Link
from app.store.evidence import LocalName, NameRow
from app.store.rows import ArticleFields, StoredArticle
from app.store.transaction import run_write

__all__ = [
    "ArticleFields",
    "content_hash",
    "delete_article",
    "ingest",
    "reannotate_article",
    "store_article",
]
log = logging.getLogger("app.ingest")


def content_hash(text: str) -> str:
    """Identity of an article: SHA-256 of its exact text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


_FIND_ARTICLE = select(col(Article.id)).where(col(Article.content_hash) == bindparam("text_hash"))


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


# Called inside the write transaction with (session, article id, created): a job records
# the item's outcome there, so the article and its job item commit (or roll back) together.
Then = Callable[[Session, int, bool], None]


def store_article(
    engine: Engine,
    *,
    text: str,
    annotation: AnnotatedArticle,
    fields: ArticleFields = ArticleFields(),
    then: Then | None = None,
) -> tuple[int, bool]:
    """Write the article and its annotations; returns (article id, created).

    When the same text is already stored (also when another writer wins a race), nothing is
    written and the existing id is returned with created=False.
    """
    text_hash = content_hash(text)
    annotation = checked_annotation(text, annotation)

    def work(session: Session) -> tuple[int, bool]:
        existing = find_article_id(session, text_hash=text_hash)
        if existing is None:
            article = rows.insert_article(
                session.connection(),
                text=text,
                text_hash=text_hash,
                annotation=annotation,
                fields=fields,
            )
            _write_annotations(session, article, annotation)
        result = (existing, False) if existing is not None else (article.id, True)
        if then is not None:
            then(session, *result)
        return result

    return run_write(engine, work, what=f"the write of article {text_hash[:12]}")


def _write_annotations(
    session: Session, article: StoredArticle, annotation: AnnotatedArticle
) -> None:
    """Names (evidence and decisions), mentions, quotations, links and contributions."""
    connection = session.connection()
    locals_ = evidence.local_names(annotation)
    identity.lock_keys(connection, _lock_set(locals_))
    names = list(zip(locals_, identity.names_for(connection, locals_), strict=True))
    evidence.add_article_names(connection, article.id, names)
    name_ids, entity_ids = _by_entity_index(names, len(annotation.entities))
    rows.insert_mentions_and_quotations(
        connection, article=article, annotation=annotation, name_ids=name_ids, entity_ids=entity_ids
    )
    links = contributions.group_links([_link(local, name) for local, name in names])
    contributions.insert_links(connection, article.id, links)
    contributions.add(connection, article.id, links, article.seen)
    identity.redecide(connection, identity.affected_keys(connection, names))
    rows.add_search_terms(connection, annotation)


def _lock_set(locals_: list[LocalName]) -> set[str]:
    from app.store.evidence import given_of, surname_of

    keys = {n.key for n in locals_} | {k for n in locals_ for k in n.alias_keys}
    return keys | {w for n in locals_ for w in (surname_of(n.key), given_of(n.key)) if w}


def _by_entity_index(
    names: list[tuple[LocalName, NameRow]], count: int
) -> tuple[list[int], list[int]]:
    """Name ids and entity ids indexed like AnnotatedArticle.entities."""
    name_ids, entity_ids = [0] * count, [0] * count
    for local, name in names:
        assert name.id is not None and name.entity_id is not None
        name_ids[local.index], entity_ids[local.index] = name.id, name.entity_id
    return name_ids, entity_ids


def _link(local: LocalName, name: NameRow) -> Link:
    assert name.entity_id is not None
    return Link(
        entity_id=name.entity_id,
        position=local.index,
        aliases=list(local.aliases),
        roles=list(local.roles),
        mention_count=local.mentions,
        quotation_count=local.quotations,
        person_votes=local.person_votes,
        org_votes=local.org_votes,
        other_votes=local.other_votes,
    )


def checked_annotation(text: str, a: AnnotatedArticle) -> AnnotatedArticle:
    """Keep offsets valid by construction: every stored paragraph, mention and quotation
    slices `text` to its own text. A paragraph that does not is an error (nothing is stored);
    a mention or quotation that does not is dropped, with a warning. Entities get their
    identity keys and votes (`identify`, idempotent), one per key."""
    a = identify(a)
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


def delete_article(engine: Engine, *, article_id: int) -> bool:
    """Delete an article with its paragraphs, mentions, quotations and search rows, in one
    transaction: its contribution leaves the entities, its evidence leaves its names, names
    and entities no article uses any more go, and the names whose evidence changed are
    decided again. Returns False when there is no such article."""

    def work(session: Session) -> bool:
        connection = session.connection()
        seen = rows.article_seen(connection, article_id)
        if seen is None:
            return False
        touched, affected = _remove_annotations(
            connection, article_id, seen, rows.delete_article_rows
        )
        _settle(connection, touched, affected, seen)
        return True

    return run_write(engine, work, what=f"the delete of article {article_id}")


def _remove_annotations(
    connection: Connection,
    article_id: int,
    seen: date,
    delete_rows: Callable[[Connection, int], None],
    *,
    also_lock: Iterable[str] = (),
) -> tuple[list[int], set[str]]:
    """Take the article's contribution and evidence away and `delete_rows` (its rows, or
    only its annotations); names no article uses any more go. Returns the entities touched
    and the names whose decision may change, for `_settle`."""
    stored = evidence.stored_local_names(connection, article_id)
    identity.lock_keys(connection, _lock_set([local for local, _key in stored]) | set(also_lock))
    found = evidence.load_names(connection, [key for _local, key in stored], lock=True)
    live = [(local, found[key]) for local, key in stored if key in found]
    affected = identity.affected_keys(connection, live)
    touched = contributions.remove(connection, article_id, seen)
    delete_rows(connection, article_id)
    evidence.remove_article_evidence(connection, live)
    return touched, affected


def _settle(connection: Connection, touched: list[int], affected: set[str], seen: date) -> None:
    """After a removal: dates of the touched entities, entities left without names go, the
    names whose evidence changed are decided again."""
    contributions.refresh_seen(connection, touched, seen)
    identity.settle(connection, touched)
    identity.redecide(connection, affected)


def _relabel(connection: Connection, article_id: int, touched: list[int]) -> None:
    """Aliases and roles of the entities the article named before or names now, recomputed
    from their links: forms only the old annotation used are forgotten, as a fresh ingest
    of the same texts would never have had them."""
    now = [link.entity_id for link in contributions.stored_links(connection, article_id)]
    for entity_id in sorted(set(touched) | set(now)):
        if identity.entity_exists(connection, entity_id):
            contributions.refresh_labels(connection, entity_id)


def _strip_annotations(connection: Connection, article_id: int) -> None:
    rows.remove_search_terms(connection, article_id)
    rows.delete_annotation_rows(connection, article_id)


_ARTICLE_FOR_REANNOTATION = select(
    col(Article.text), col(Article.published), col(Article.ingested_at)
).where(col(Article.id) == bindparam("article_id"))


def reannotate_article(
    engine: Engine, *, article_id: int, annotation: AnnotatedArticle, then: Then | None = None
) -> bool:
    """Replace a stored article's paragraphs, mentions, quotations and entity links with
    `annotation` (of its stored text) in one transaction: its annotations leave the way
    DELETE takes them (entities that lose their last article go), the new ones arrive the
    way ingest writes them. Id, text, hash, metadata and ingest time stay; quotation ids
    change. Returns False when there is no such article."""

    def work(session: Session) -> bool:
        connection = session.connection()
        found = connection.execute(_ARTICLE_FOR_REANNOTATION, {"article_id": article_id}).first()
        if found is not None:
            checked = checked_annotation(found.text, annotation)
            seen = rows.seen_date(found.published, found.ingested_at)
            new_locks = _lock_set(evidence.local_names(checked))
            touched, affected = _remove_annotations(
                connection, article_id, seen, _strip_annotations, also_lock=new_locks
            )
            paragraph_ids = rows.reannotated_article(connection, article_id, checked)
            stored = StoredArticle(article_id, paragraph_ids, seen)
            # Written before the old entities are settled: an entity the new annotation
            # still names is found by its key and keeps its id.
            _write_annotations(session, stored, checked)
            _settle(connection, touched, affected, seen)
            _relabel(connection, article_id, touched)
        if then is not None and found is not None:
            then(session, article_id, False)
        return found is not None

    return run_write(engine, work, what=f"the re-annotation of article {article_id}")
