"""What each article says about each name, pooled per name.

`article_names` keeps one row per name an article uses (its display form, aliases, roles,
kind votes, mention and quotation counts). `entity_names` pools them per identity key: kind
votes and article counts, added and taken away as articles arrive and leave, so that
decisions about a name (app.store.identity) can weigh the whole corpus. `name_aliases`
counts, per name, the articles in which it was also written as another form.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, delete, insert, select, update
from sqlalchemy.sql.dml import Insert

from app.annotate.names import identity_key
from app.annotate.types import AnnotatedArticle
from app.models import ArticleName, Entity, EntityName, NameAlias

# Generational suffixes are not surnames: "Martin Luther King Jr" is a King.
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def surname_of(key: str) -> str | None:
    """The last word of a name of two or more words (None for one-word names)."""
    words = key.split()
    while len(words) > 2 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if len(words) >= 2 else None


def given_of(key: str) -> str | None:
    """The first word of a name of two or more words (None for one-word names)."""
    words = key.split()
    return words[0] if len(words) >= 2 else None


@dataclass(slots=True)
class LocalName:
    """One annotated entity of the article being stored, as evidence about its name."""

    index: int  # position in AnnotatedArticle.entities
    key: str
    name: str
    kind: str  # the article's decision, the default when the votes tie
    person_votes: int
    org_votes: int
    other_votes: int
    aliases: list[str]
    alias_keys: list[str]
    roles: list[str]
    mentions: int
    quotations: int


@dataclass(slots=True)
class NameRow:
    """A stored `entity_names` row (id None: not stored yet)."""

    id: int | None
    key: str
    name: str
    entity_id: int | None
    link: str
    person_votes: int
    org_votes: int
    other_votes: int
    article_count: int
    surname: str | None = field(default=None)
    given: str | None = field(default=None)
    entity_key: str | None = field(default=None)  # the key of the entity it belongs to

    @property
    def kind(self) -> str:
        """What the name's own votes say (a tie: organisation before other)."""
        if self.person_votes > max(self.org_votes, self.other_votes):
            return "person"
        return "organisation" if self.org_votes >= self.other_votes else "other"

    @property
    def is_person_mononym(self) -> bool:
        """A one-word name the articles take for a person's: maybe a surname."""
        return " " not in self.key and self.kind == "person"


def local_names(annotation: AnnotatedArticle) -> list[LocalName]:
    """The article's names in key order (the order rows are locked and written in)."""
    mentions = Counter(m.entity for m in annotation.mentions)
    quotations = Counter(
        q.speaker_entity for q in annotation.quotations if q.speaker_entity is not None
    )
    out = []
    for i, e in enumerate(annotation.entities):
        keys = dict.fromkeys(identity_key(e.kind, a) for a in e.aliases)
        out.append(
            LocalName(
                index=i,
                key=e.key,
                name=e.name,
                kind=e.kind,
                person_votes=e.votes.person,
                org_votes=e.votes.organisation,
                other_votes=e.votes.other,
                aliases=list(e.aliases),
                alias_keys=[k for k in keys if k and k != e.key],
                roles=list(e.roles),
                mentions=mentions[i],
                quotations=quotations[i],
            )
        )
    return sorted(out, key=lambda n: n.key)


_names = EntityName.__table__  # type: ignore[attr-defined]
_NAME_COLUMNS = (
    _names.c.id,
    _names.c.key,
    _names.c.name,
    _names.c.entity_id,
    _names.c.link,
    _names.c.person_votes,
    _names.c.org_votes,
    _names.c.other_votes,
    _names.c.article_count,
    _names.c.surname,
    _names.c.given,
)


_entities = Entity.__table__  # type: ignore[attr-defined]
_LOAD = select(*_NAME_COLUMNS, _entities.c.key).join(
    _entities, _entities.c.id == _names.c.entity_id
)


def load_names(
    connection: Connection, keys: Iterable[str], *, lock: bool = False
) -> dict[str, NameRow]:
    """The stored names among these keys (one query), locked for update when asked."""
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    statement = _LOAD.where(_names.c.key.in_(wanted)).order_by(_names.c.key)
    if lock:
        statement = statement.with_for_update(of=_names)
    return {row[1]: NameRow(*row) for row in connection.execute(statement)}


def load_name(connection: Connection, key: str, *, lock: bool = False) -> NameRow | None:
    return load_names(connection, [key], lock=lock).get(key)


def names_of_entity(connection: Connection, entity_id: int) -> list[str]:
    """Keys of the names that belong to an entity."""
    found = connection.execute(select(_names.c.key).where(_names.c.entity_id == entity_id))
    return sorted(found.scalars())


def insert_name(connection: Connection, name: NameRow) -> NameRow:
    """Store a new name (its entity decided); returns it with its id."""
    values = {
        "key": name.key,
        "name": name.name,
        "entity_id": name.entity_id,
        "link": name.link,
        "surname": name.surname,
        "given": name.given,
        "person_votes": name.person_votes,
        "org_votes": name.org_votes,
        "other_votes": name.other_votes,
        "article_count": name.article_count,
    }
    name.id = connection.execute(insert(_names).returning(_names.c.id), values).scalar_one()
    return name


_COUNT_NAME = (
    update(_names)
    .where(_names.c.id == bindparam("name_id"))
    .values(
        article_count=_names.c.article_count + bindparam("articles"),
        person_votes=_names.c.person_votes + bindparam("person"),
        org_votes=_names.c.org_votes + bindparam("organisation"),
        other_votes=_names.c.other_votes + bindparam("other"),
    )
)


def count_names(connection: Connection, names: list[tuple[LocalName, NameRow]], sign: int) -> None:
    """Add (sign 1) or take away (sign -1) one article's evidence to stored names."""
    if not names:
        return
    values = [
        {
            "name_id": name.id,
            "articles": sign,
            "person": sign * local.person_votes,
            "organisation": sign * local.org_votes,
            "other": sign * local.other_votes,
        }
        for local, name in names
    ]
    connection.execute(_COUNT_NAME, values)
    for local, name in names:
        name.article_count += sign
        name.person_votes += sign * local.person_votes
        name.org_votes += sign * local.org_votes
        name.other_votes += sign * local.other_votes


@functools.cache
def _add_alias(dialect: str) -> Insert:
    """INSERT ... ON CONFLICT DO UPDATE adding one article to an alias count."""
    from sqlalchemy.dialects import postgresql, sqlite

    aliases = NameAlias.__table__  # type: ignore[attr-defined]
    dialect_insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = dialect_insert(aliases)
    return statement.on_conflict_do_update(
        index_elements=["alias_key", "name_id"],
        set_={"articles": aliases.c.articles + statement.excluded.articles},
    )


def add_article_names(
    connection: Connection, article_id: int, names: list[tuple[LocalName, NameRow]]
) -> None:
    """The article's `article_names` rows and its alias evidence."""
    if not names:
        return
    rows = [_article_name_row(article_id, local, name) for local, name in names]
    connection.execute(insert(ArticleName.__table__), rows)  # type: ignore[attr-defined]
    aliases = [
        {"alias_key": key, "name_id": name.id, "articles": 1}
        for local, name in names
        for key in local.alias_keys
    ]
    if aliases:
        connection.execute(_add_alias(connection.dialect.name), aliases)


def _article_name_row(article_id: int, local: LocalName, name: NameRow) -> dict[str, object]:
    return {
        "article_id": article_id,
        "name_id": name.id,
        "position": local.index,
        "name": local.name,
        "aliases": local.aliases,
        "alias_keys": local.alias_keys,
        "roles": local.roles,
        "person_votes": local.person_votes,
        "org_votes": local.org_votes,
        "other_votes": local.other_votes,
        "mention_count": local.mentions,
        "quotation_count": local.quotations,
    }


def stored_local_names(connection: Connection, article_id: int) -> list[tuple[LocalName, str]]:
    """A stored article's names as evidence, each with its key, in key order."""
    an = ArticleName.__table__  # type: ignore[attr-defined]
    rows = connection.execute(
        select(an, _names.c.key)
        .join(_names, _names.c.id == an.c.name_id)
        .where(an.c.article_id == article_id)
        .order_by(_names.c.key)
    ).mappings()
    return [
        (
            LocalName(
                index=r["position"],
                key=r["key"],
                name=r["name"],
                kind="person" if r["person_votes"] >= r["org_votes"] else "organisation",
                person_votes=r["person_votes"],
                org_votes=r["org_votes"],
                other_votes=r["other_votes"],
                aliases=list(r["aliases"]),
                alias_keys=list(r["alias_keys"]),
                roles=list(r["roles"]),
                mentions=r["mention_count"],
                quotations=r["quotation_count"],
            ),
            r["key"],
        )
        for r in rows
    ]


def remove_article_evidence(
    connection: Connection, names: list[tuple[LocalName, NameRow]]
) -> list[NameRow]:
    """Take one article's evidence away from its names and aliases (its `article_names`
    rows go with the article). Returns the names no article uses any more, deleted."""
    aliases = NameAlias.__table__  # type: ignore[attr-defined]
    count_names(connection, names, -1)
    for local, name in names:
        for key in local.alias_keys:
            where = (aliases.c.alias_key == key, aliases.c.name_id == name.id)
            connection.execute(
                update(aliases).where(*where).values(articles=aliases.c.articles - 1)
            )
            connection.execute(delete(aliases).where(*where, aliases.c.articles <= 0))
    unused = [name for _local, name in names if name.article_count <= 0]
    for name in unused:
        connection.execute(delete(aliases).where(aliases.c.name_id == name.id))
        connection.execute(delete(_names).where(_names.c.id == name.id))
    return unused


def alias_children(connection: Connection, name_ids: list[int]) -> list[str]:
    """Keys of the forms these names were ever written as (names that may join them)."""
    if not name_ids:
        return []
    aliases = NameAlias.__table__  # type: ignore[attr-defined]
    found = connection.execute(
        select(aliases.c.alias_key).where(aliases.c.name_id.in_(name_ids)).distinct()
    )
    return list(found.scalars())
