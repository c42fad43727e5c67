"""An article's contribution to what is kept per entity, added and taken away exactly.

Per entity: mention, article and quotation counts, kind votes (and so the kind), first and
last seen dates, aliases, roles and the folded search text; per pair of entities: the
`co_mentions` row. An article's `article_entities` rows (its links) are derived from its
names (several names of one article may belong to one entity), and every change to them
goes: take the contribution away, rebuild the links, add it again. Writers lock entity rows
in id order, so concurrent writers cannot deadlock one another on them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from sqlalchemy import (
    Connection,
    and_,
    bindparam,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.sql.dml import Insert, Update

from app.core import analytics_counts
from app.core.text import entity_search_text
from app.models import Article, ArticleEntity, ArticleName, CoMention, Entity, EntityName
from app.store.rows import seen_date_sql

_entities = Entity.__table__  # type: ignore[attr-defined]
_links = ArticleEntity.__table__  # type: ignore[attr-defined]
_co = CoMention.__table__  # type: ignore[attr-defined]


@dataclass(slots=True)
class Link:
    """One `article_entities` row: an entity named in an article, with what it says there."""

    entity_id: int
    position: int
    aliases: list[str]
    roles: list[str]
    mention_count: int
    quotation_count: int
    person_votes: int
    org_votes: int
    other_votes: int

    def absorb(self, other: Link) -> None:
        self.position = min(self.position, other.position)
        self.aliases.extend(a for a in other.aliases if a not in self.aliases)
        self.roles.extend(r for r in other.roles if r not in self.roles)
        self.mention_count += other.mention_count
        self.quotation_count += other.quotation_count
        self.person_votes += other.person_votes
        self.org_votes += other.org_votes
        self.other_votes += other.other_votes


def group_links(links: list[Link]) -> list[Link]:
    """One link per entity, in entity id order (names of one entity merged)."""
    by_entity: dict[int, Link] = {}
    for link in links:
        if link.entity_id in by_entity:
            by_entity[link.entity_id].absorb(link)
        else:
            by_entity[link.entity_id] = link
    return [by_entity[e] for e in sorted(by_entity)]


def insert_links(connection: Connection, article_id: int, links: list[Link]) -> None:
    if links:
        rows = [{"article_id": article_id, **_link_values(link)} for link in links]
        connection.execute(insert(_links), rows)


def _link_values(link: Link) -> dict[str, object]:
    return {
        "entity_id": link.entity_id,
        "position": link.position,
        "aliases": link.aliases,
        "roles": link.roles,
        "mention_count": link.mention_count,
        "quotation_count": link.quotation_count,
        "person_votes": link.person_votes,
        "org_votes": link.org_votes,
        "other_votes": link.other_votes,
    }


def rebuild_links(connection: Connection, article_id: int) -> list[Link]:
    """Derive the article's links again from its names (after a name changed entity)."""
    an = ArticleName.__table__  # type: ignore[attr-defined]
    names = EntityName.__table__  # type: ignore[attr-defined]
    rows = connection.execute(
        select(names.c.entity_id, an.c.position, an.c.aliases, an.c.roles)
        .add_columns(an.c.mention_count, an.c.quotation_count, an.c.person_votes)
        .add_columns(an.c.org_votes, an.c.other_votes)
        .join(names, names.c.id == an.c.name_id)
        .where(an.c.article_id == article_id)
        .order_by(an.c.position)
    )
    links = group_links([Link(r[0], r[1], list(r[2]), list(r[3]), *r[4:]) for r in rows])
    connection.execute(delete(_links).where(_links.c.article_id == article_id))
    insert_links(connection, article_id, links)
    return links


def stored_links(connection: Connection, article_id: int) -> list[Link]:
    columns = [_links.c[name] for name in Link.__slots__]
    rows = connection.execute(
        select(*columns).where(_links.c.article_id == article_id).order_by(_links.c.entity_id)
    )
    return [Link(*r) for r in rows]


_LOCK_ENTITY = (
    select(
        _entities.c.kind,
        _entities.c.name,
        _entities.c.aliases,
        _entities.c.roles,
        _entities.c.first_seen,
        _entities.c.last_seen,
        _entities.c.person_votes,
        _entities.c.org_votes,
        _entities.c.other_votes,
    )
    .where(_entities.c.id == bindparam("entity_id"))
    .with_for_update()
)


@functools.cache
def _update_entity(changed: frozenset[str]) -> Update:
    """UPDATE of a locked entity: the counts and votes are added to, the `changed` columns
    set (one statement per combination of changed columns, built once)."""
    values: dict[str, object] = {
        "mention_count": _entities.c.mention_count + bindparam("d_mentions"),
        "article_count": _entities.c.article_count + bindparam("d_articles"),
        "quotation_count": _entities.c.quotation_count + bindparam("d_quotations"),
        "person_votes": _entities.c.person_votes + bindparam("d_person"),
        "org_votes": _entities.c.org_votes + bindparam("d_org"),
        "other_votes": _entities.c.other_votes + bindparam("d_other"),
    }
    values.update({name: bindparam(f"new_{name}") for name in sorted(changed)})
    return update(_entities).where(_entities.c.id == bindparam("entity_id")).values(values)


KINDS = ("person", "organisation", "other")


def winner(person: int, organisation: int, other: int, current: str) -> str:
    """The kind with the most votes ("other": neither a person nor an organisation); a tie
    keeps the current kind when it is among the best, else the first of KINDS."""
    votes = dict(zip(KINDS, (person, organisation, other), strict=True))
    best = max(votes.values())
    if votes.get(current) == best:
        return current
    return next(kind for kind in KINDS if votes[kind] == best)


def _merged(old: list[str], new: list[str]) -> list[str]:
    return list(dict.fromkeys([*old, *new]))


def _apply(connection: Connection, link: Link, sign: int, seen: date) -> None:
    """Add (sign 1) or take away (sign -1) one article's link to the entity's row; a kind
    that changes takes the entity's other counted articles out of the analytics tables and
    back (they count the entity under its kind)."""
    row = connection.execute(_LOCK_ENTITY, {"entity_id": link.entity_id}).one()
    values: dict[str, object] = {
        "entity_id": link.entity_id,
        "d_mentions": sign * link.mention_count,
        "d_articles": sign,
        "d_quotations": sign * link.quotation_count,
        "d_person": sign * link.person_votes,
        "d_org": sign * link.org_votes,
        "d_other": sign * link.other_votes,
    }
    if sign > 0:
        values.update(_grown_labels(row, link, seen))
    kind = winner(
        row.person_votes + sign * link.person_votes,
        row.org_votes + sign * link.org_votes,
        row.other_votes + sign * link.other_votes,
        row.kind,
    )
    if kind != row.kind:
        values["new_kind"] = kind
    changed = frozenset(key[4:] for key in values if key.startswith("new_"))
    if kind == row.kind:
        connection.execute(_update_entity(changed), values)
        return
    counted = _counted_articles(connection, link.entity_id)
    for article_id in counted:
        analytics_counts.remove_article(connection, article_id)
    connection.execute(_update_entity(changed), values)
    connection.execute(update(_co).where(_co.c.other_id == link.entity_id).values(other_kind=kind))
    for article_id in counted:
        analytics_counts.add_article(connection, article_id)


def _detached(connection: Connection) -> set[int]:
    """Articles of this transaction whose contribution is taken away and not yet added
    back: not counted anywhere until `add`."""
    found: set[int] = connection.info.setdefault("store_detached_articles", set())
    return found


def _counted_articles(connection: Connection, entity_id: int) -> list[int]:
    """The entity's articles that the analytics tables count now."""
    ids = connection.execute(
        select(_links.c.article_id).where(_links.c.entity_id == entity_id)
    ).scalars()
    detached = _detached(connection)
    return [i for i in ids if i not in detached]


def _grown_labels(row: object, link: Link, seen: date) -> dict[str, object]:
    """The dates, aliases and roles of a locked entity row after one more article."""
    values: dict[str, object] = {}
    first, last = row.first_seen, row.last_seen  # type: ignore[attr-defined]
    if first is None or seen < first:
        values["new_first_seen"] = seen
    if last is None or seen > last:
        values["new_last_seen"] = seen
    aliases = _merged(row.aliases, link.aliases)  # type: ignore[attr-defined]
    if aliases != row.aliases:  # type: ignore[attr-defined]
        values["new_aliases"] = aliases
        values["new_search_text"] = entity_search_text(row.name, aliases)  # type: ignore[attr-defined]
    roles = _merged(row.roles, link.roles)  # type: ignore[attr-defined]
    if roles != row.roles:  # type: ignore[attr-defined]
        values["new_roles"] = roles
    return values


def add(connection: Connection, article_id: int, links: list[Link], seen: date) -> None:
    """Add the article's contribution (its rows and links are stored)."""
    _detached(connection).add(article_id)
    for link in sorted(links, key=lambda k: k.entity_id):
        _apply(connection, link, 1, seen)
    if len(links) > 1:
        connection.execute(_co_mentions_upsert(connection.dialect.name), {"article_id": article_id})
    analytics_counts.add_article(connection, article_id)
    _detached(connection).discard(article_id)


def remove(connection: Connection, article_id: int, seen: date) -> list[int]:
    """Take the article's contribution away (its links still stored); returns the entities
    it touched, whose dates `refresh_seen` must recompute once the links are gone."""
    links = stored_links(connection, article_id)
    ids = [link.entity_id for link in links]
    analytics_counts.remove_article(connection, article_id)
    _detached(connection).add(article_id)
    if len(links) > 1:
        _remove_co_mentions(connection, article_id, ids)
    for link in links:
        _apply(connection, link, -1, seen)
    return ids


@functools.cache
def _co_mentions_upsert(dialect: str) -> Insert:
    """Count the article (:article_id) in `co_mentions` for every ordered pair of distinct
    entities it names (+1 shared article, + the other entity's mentions here): one INSERT
    ... SELECT ... ON CONFLICT DO UPDATE, however many pairs. Runs after the article's
    entities were updated: their rows are locked until commit, so two writers never update
    the same pair concurrently."""
    mine, other = _links.alias("mine"), _links.alias("other")
    pairs = (
        select(
            mine.c.entity_id,
            other.c.entity_id.label("other_id"),
            _entities.c.kind,
            literal(1),
            other.c.mention_count,
        )
        .select_from(mine)
        .join(
            other,
            and_(other.c.article_id == mine.c.article_id, other.c.entity_id != mine.c.entity_id),
        )
        .join(_entities, _entities.c.id == other.c.entity_id)
        .where(mine.c.article_id == bindparam("article_id"))
        .order_by(mine.c.entity_id, other.c.entity_id)
    )
    dialect_insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = dialect_insert(_co).from_select(
        ["entity_id", "other_id", "other_kind", "shared_articles", "shared_mentions"], pairs
    )
    return statement.on_conflict_do_update(
        index_elements=["entity_id", "other_id"],
        set_={
            "shared_articles": _co.c.shared_articles + statement.excluded.shared_articles,
            "shared_mentions": _co.c.shared_mentions + statement.excluded.shared_mentions,
        },
    )


def _remove_co_mentions(connection: Connection, article_id: int, entity_ids: list[int]) -> None:
    """Every pair among the article's entities loses one shared article and the other
    entity's mentions here; pairs no other article shares are deleted."""
    pairs = (_co.c.entity_id.in_(entity_ids), _co.c.other_id.in_(entity_ids))
    others_mentions = (
        select(_links.c.mention_count)
        .where(_links.c.article_id == article_id, _links.c.entity_id == _co.c.other_id)
        .scalar_subquery()
    )
    connection.execute(
        update(_co)
        .where(*pairs)
        .values(
            shared_articles=_co.c.shared_articles - 1,
            shared_mentions=_co.c.shared_mentions - others_mentions,
        )
    )
    connection.execute(delete(_co).where(*pairs, _co.c.shared_articles <= 0))


def refresh_seen(connection: Connection, entity_ids: list[int], seen: date | None) -> None:
    """First/last seen of entities that lost an article seen on `seen`, recomputed from
    their remaining articles (only where that date was their first or last; every one of
    them when `seen` is None)."""
    if not entity_ids:
        return
    seen_sql = seen_date_sql(connection.dialect.name)

    def remaining(aggregate):  # type: ignore[no-untyped-def]
        return (
            select(aggregate(seen_sql))
            .select_from(_links)
            .join(Article, Article.id == _links.c.article_id)
            .where(_links.c.entity_id == _entities.c.id)
            .scalar_subquery()
        )

    where = [_entities.c.id.in_(entity_ids), _entities.c.article_count > 0]
    if seen is not None:
        where.append(
            or_(
                _entities.c.first_seen.is_(None),
                _entities.c.first_seen >= seen,
                _entities.c.last_seen <= seen,
            )
        )
    connection.execute(
        update(_entities)
        .where(*where)
        .values(first_seen=remaining(func.min), last_seen=remaining(func.max))
    )


def refresh_labels(connection: Connection, entity_id: int) -> None:
    """Aliases, roles and search text recomputed from the entity's links (after names
    left it: a grown entity only merges, a shrunk one must forget)."""
    rows = connection.execute(
        select(_links.c.aliases, _links.c.roles)
        .where(_links.c.entity_id == entity_id)
        .order_by(_links.c.article_id)
    ).all()
    aliases: list[str] = _merged([], [a for r in rows for a in r.aliases])
    roles: list[str] = _merged([], [x for r in rows for x in r.roles])
    name = connection.execute(select(_entities.c.name).where(_entities.c.id == entity_id))
    text = entity_search_text(name.scalar_one(), aliases)
    connection.execute(
        update(_entities)
        .where(_entities.c.id == entity_id)
        .values(aliases=aliases, roles=roles, search_text=text)
    )
