"""Which entity each name belongs to, decided from the evidence pooled over the corpus.

A name belongs to its own entity (the entity whose key is the name's key) unless the corpus
says it is another name's:

- **surname**: a one-word name that the articles take for a person's ("Blair", "Mr Blair")
  joins the full-name person with that surname when one of them holds at least
  `DOMINANCE` of the articles of all such people ("Tony Blair" in 147 articles against
  "Cherie Blair" in 4). Where none dominates, or the articles took the word for an
  organisation's name ("Federer beat ..."), the company it keeps decides: the people and
  organisations named around it must point to one candidate in `DOMINANCE` of its articles
  (app.store.company). Two full names are never joined this way.
- **alias**: a name that articles wrote as another name's alias ("Lib Dems" beside "Liberal
  Democrats") joins that name's entity when at least `ALIAS_SUPPORT` articles did, the
  other name is better established (more articles), and the kinds agree; an acronym joins
  its expansion when one article wrote it so, however often the acronym stands alone ("UN"
  in more articles than "United Nations" is still the United Nations).

Decisions depend only on the pooled evidence, never on the order articles came in, and are
re-made whenever the evidence of a name, of its possible owners or of its aliases changes;
a name that changes entity takes its mentions and quotations with it, and the counts move
exactly (app.store.contributions). `settle` keeps every entity owned by its root name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, select, text, update
from sqlmodel import Session

from app.models import ArticleName, Entity, EntityName, Mention, NameAlias, Quotation
from app.store import contributions
from app.store.company import company_roots
from app.store.evidence import (
    LocalName,
    NameRow,
    count_names,
    given_of,
    insert_name,
    load_name,
    load_names,
    names_of_entity,
    surname_of,
)
from app.store.rows import article_seen
from app.store.transaction import run_write

DOMINANCE = 0.75
ALIAS_SUPPORT = 2
_MAX_DEPTH = 8  # bound on re-decisions cascading through emptied entities
_ACRONYM_SKIP = frozenset({"of", "and", "the", "for", "&", "de", "du", "des", "in", "on"})

_entities = Entity.__table__  # type: ignore[attr-defined]
_names = EntityName.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class Decision:
    link: str  # own | surname | alias
    root: str  # key of the entity the name belongs to


def is_acronym_of(short: str, long: str) -> bool:
    """ "cra" of "canada revenue agency" (small words skipped)."""
    initials = "".join(w[0] for w in long.split() if w not in _ACRONYM_SKIP)
    return " " not in short and len(short) >= 2 and short == initials


def _rank(article_count: int, key: str) -> tuple[int, int, str]:
    """A strict order of how established a name is (ties: the longer, then the key)."""
    return (article_count, len(key), key)


def decide(connection: Connection, name: NameRow) -> Decision:
    """The entity a name belongs to, by the rules in the module docstring."""
    return decide_many(connection, [name])[name.key]


def decide_many(connection: Connection, names: list[NameRow]) -> dict[str, Decision]:
    """`decide` for several names at once (three queries, whatever their number)."""
    aliases = _alias_roots(connection, [n for n in names if not n.is_person_mononym])
    surnames = _surname_roots(
        connection, [n for n in names if _maybe_surname(n) and n.key not in aliases]
    )
    out: dict[str, Decision] = {}
    for n in names:
        link, root = (
            ("surname", surnames.get(n.key)) if n.key in surnames else ("alias", aliases.get(n.key))
        )
        out[n.key] = Decision(link, root) if root and root != n.key else Decision("own", n.key)
    return out


def _maybe_surname(name: NameRow) -> bool:
    """A one-word name taken for a person's, or for an organisation's (the company it keeps
    may still show a person: "Federer" read as a firm)."""
    return " " not in name.key and name.kind in ("person", "organisation")


_PERSON = (
    _names.c.person_votes > _names.c.org_votes,
    _names.c.person_votes > _names.c.other_votes,
    _entities.c.kind == "person",
)
_PEOPLE_BY_SURNAME = (
    select(_names.c.surname, _entities.c.key, func.sum(_names.c.article_count))
    .join(_entities, _entities.c.id == _names.c.entity_id)
    .where(_names.c.surname.in_(bindparam("words", expanding=True)), *_PERSON)
    .group_by(_names.c.surname, _entities.c.key)
)
_GIVEN_ARTICLES = (
    select(_names.c.given, func.sum(_names.c.article_count))
    .join(_entities, _entities.c.id == _names.c.entity_id)
    .where(_names.c.given.in_(bindparam("words", expanding=True)), *_PERSON)
    .group_by(_names.c.given)
)


def _surname_roots(connection: Connection, names: list[NameRow]) -> dict[str, str]:
    """For each one-word name, the entity of the full-name person with that surname it
    stands for: the dominant one, for a name taken for a person's, unless the corpus uses
    the word as a given name at least as often ("Andrew", "Harry" stay apart from "Rob
    Andrew", "Dirty Harry"); else the one the company it keeps shows (app.store.company)."""
    words = [n.key for n in names if n.is_person_mononym]
    groups: dict[str, list[tuple[int, str]]] = {}
    if words:
        for word, key, articles in connection.execute(_PEOPLE_BY_SURNAME, {"words": words}):
            groups.setdefault(word, []).append((int(articles), key))
    given: dict[str, int] = (
        dict(connection.execute(_GIVEN_ARTICLES, {"words": list(groups)}).all()) if groups else {}
    )
    out = {}
    for word, found in groups.items():
        total = sum(n for n, _key in found)
        best, key = max(found)
        if total > 0 and best / total >= DOMINANCE and total >= int(given.get(word) or 0):
            out[word] = key
    return out | company_roots(connection, [n for n in names if n.key not in out])


_aliases = NameAlias.__table__  # type: ignore[attr-defined]
_ALIAS_OWNERS = (
    select(_aliases.c.alias_key, _aliases.c.articles, _names.c.key, _names.c.article_count)
    .add_columns(_entities.c.key, _entities.c.kind)
    .join(_names, _names.c.id == _aliases.c.name_id)
    .join(_entities, _entities.c.id == _names.c.entity_id)
    .where(_aliases.c.alias_key.in_(bindparam("keys", expanding=True)))
)


def _alias_roots(connection: Connection, names: list[NameRow]) -> dict[str, str]:
    """For each name, the entity of the best-supported, better-established name of the same
    kind that articles wrote it as an alias of (any expansion of an acronym)."""
    if not names:
        return {}
    by_key = {n.key: n for n in names}
    fitting: dict[str, list[tuple[int, tuple[int, int, str], str]]] = {}
    for alias, support, key, count, root, kind in connection.execute(
        _ALIAS_OWNERS, {"keys": sorted(by_key)}
    ):
        name = by_key[alias]
        acronym = is_acronym_of(alias, key)  # the expansion names it, however rare
        if (
            key != alias
            and not is_acronym_of(key, alias)  # (an expansion never joins its acronym)
            and support >= (1 if acronym else ALIAS_SUPPORT)
            and (acronym or _rank(count, key) > _rank(name.article_count, name.key))
            and kind == name.kind
        ):
            fitting.setdefault(alias, []).append((support, _rank(count, key), root))
    return {alias: max(found)[2] for alias, found in fitting.items()}


def entity_for(connection: Connection, decision: Decision, name: NameRow, kind: str) -> int:
    """The id of the entity a decision names, creating the name's own entity (of `kind`)
    when needed, with zero counts: contributions add them."""
    found = connection.execute(select(_entities.c.id).where(_entities.c.key == decision.root))
    entity_id = found.scalar_one_or_none()
    if entity_id is not None:
        return int(entity_id)
    values = {
        "kind": kind,
        "name": name.name,
        "key": name.key,
        "aliases": [],
        "roles": [],
        "search_text": "",
        "mention_count": 0,
        "article_count": 0,
        "quotation_count": 0,
        "person_votes": 0,
        "org_votes": 0,
        "other_votes": 0,
    }
    return int(connection.execute(insert(_entities).returning(_entities.c.id), values).scalar_one())


def entity_exists(connection: Connection, entity_id: int) -> bool:
    found = connection.execute(select(_entities.c.id).where(_entities.c.id == entity_id))
    return found.first() is not None


def names_for(connection: Connection, locals_: list[LocalName]) -> list[NameRow]:
    """The stored names of the article's names, with this article's evidence added: a known
    name keeps its entity until `redecide`; a new one is decided and stored."""
    known = load_names(connection, [local.key for local in locals_], lock=True)
    count_names(connection, [(lo, known[lo.key]) for lo in locals_ if lo.key in known], 1)
    new = {lo.key: _new_name(lo) for lo in locals_ if lo.key not in known}
    decisions = decide_many(connection, list(new.values()))
    for local in locals_:
        if local.key in new:
            name, decision = new[local.key], decisions[local.key]
            kind = contributions.winner(
                name.person_votes, name.org_votes, name.other_votes, local.kind
            )
            name.entity_id = entity_for(connection, decision, name, kind)
            name.link, name.entity_key = decision.link, decision.root
            insert_name(connection, name)
    return [known.get(local.key) or new[local.key] for local in locals_]


def _new_name(local: LocalName) -> NameRow:
    return NameRow(
        id=None,
        key=local.key,
        name=local.name,
        entity_id=None,
        link="own",
        person_votes=local.person_votes,
        org_votes=local.org_votes,
        other_votes=local.other_votes,
        article_count=1,
        surname=surname_of(local.key),
        given=given_of(local.key),
    )


def lock_keys(connection: Connection, keys: Iterable[str]) -> None:
    """PostgreSQL: serialise writers deciding about the same names (transaction advisory
    locks, taken in key order). SQLite has one writer at a time already."""
    if connection.dialect.name != "postgresql":
        return
    for key in sorted(set(keys)):
        connection.execute(
            text("SELECT pg_advisory_xact_lock(hashtextextended(:k, 0))"), {"k": key}
        )


def affected_keys(connection: Connection, names: list[tuple[LocalName, NameRow]]) -> set[str]:
    """Names whose decision may change when these names' evidence changed: themselves, the
    surnames and given names of full names (their owner may change), the forms they are
    written as (their owner's standing changed)."""
    from app.store.evidence import alias_children

    keys = {local.key for local, _name in names}
    keys |= {w for local, _ in names for w in (surname_of(local.key), given_of(local.key)) if w}
    keys |= {k for local, _ in names for k in local.alias_keys}
    keys |= set(alias_children(connection, [n.id for _l, n in names if n.id is not None]))
    return keys


def redecide(connection: Connection, keys: Iterable[str], *, depth: int = 0) -> None:
    """Decide again about the names with these keys (those stored), moving each whose
    entity changed. Decided in one batch; after a move (which may change the evidence of
    the others) the rest are decided one by one."""
    names = load_names(connection, keys, lock=True)
    decisions = decide_many(connection, list(names.values()))
    moved = False
    for key in sorted(names):
        name = names[key]
        if moved:
            fresh = load_name(connection, key, lock=True)
            if fresh is None:
                continue
            name, decision = fresh, decide(connection, fresh)
        else:
            decision = decisions[key]
        if decision.root != name.entity_key:
            target = entity_for(connection, decision, name, name.kind)
            move_name(connection, name, target, decision.link, depth=depth)
            moved = True
        elif decision.link != name.link:
            link = update(_names).where(_names.c.id == name.id).values(link=decision.link)
            connection.execute(link)


def move_name(
    connection: Connection, name: NameRow, target: int, link: str, *, depth: int = 0
) -> None:
    """Move a name, with every mention and quotation of it, to another entity: each of its
    articles takes its contribution away, has its links rebuilt, and adds it again."""
    assert name.id is not None and name.entity_id is not None
    source = name.entity_id
    an = ArticleName.__table__  # type: ignore[attr-defined]
    articles = (
        connection.execute(
            select(an.c.article_id).where(an.c.name_id == name.id).order_by(an.c.article_id)
        )
        .scalars()
        .all()
    )
    seen = {a: article_seen(connection, a) or date.min for a in articles}
    touched: set[int] = set()
    for article_id in articles:
        touched.update(contributions.remove(connection, article_id, seen[article_id]))
    connection.execute(
        update(_names).where(_names.c.id == name.id).values(entity_id=target, link=link)
    )
    connection.execute(
        update(Mention).where(Mention.name_id == name.id).values(entity_id=target)  # type: ignore[arg-type]
    )
    connection.execute(
        update(Quotation)
        .where(Quotation.speaker_name_id == name.id)  # type: ignore[arg-type]
        .values(speaker_id=target)
    )
    for article_id in articles:
        links = contributions.rebuild_links(connection, article_id)
        contributions.add(connection, article_id, links, seen[article_id])
    contributions.refresh_seen(connection, sorted(touched), None)
    settle(connection, [source], depth=depth + 1, forget=True)


def settle(
    connection: Connection, entity_ids: Iterable[int], *, depth: int = 0, forget: bool = False
) -> None:
    """Every entity keeps its root name (the name whose key is its key) or goes: an entity
    without names is deleted; the names left in an entity whose root left are decided
    again (they came because of the root). With `forget`, an entity that names left
    recomputes its aliases and roles (a deleted article's forms are kept, as before)."""
    for entity_id in sorted(set(entity_ids)):
        key = connection.execute(
            select(_entities.c.key).where(_entities.c.id == entity_id)
        ).scalar_one_or_none()
        if key is None:
            continue
        names = names_of_entity(connection, entity_id)
        if names and key not in names and depth < _MAX_DEPTH:
            redecide(connection, names, depth=depth + 1)
            names = names_of_entity(connection, entity_id)
        if not names:
            connection.execute(delete(_entities).where(_entities.c.id == entity_id))
        elif forget:
            contributions.refresh_labels(connection, entity_id)


def redecide_all(engine: Engine, *, batch: int = 500) -> int:
    """Decide again about every stored name (after a migration that could not, or to check):
    one write transaction per `batch` names, in key order. Returns how many names moved."""
    with engine.connect() as connection:
        keys = list(connection.execute(select(_names.c.key).order_by(_names.c.key)).scalars())

    def count_moves(session: Session) -> int:
        connection = session.connection()
        before: dict[str, int] = dict(
            connection.execute(select(_names.c.key, _names.c.entity_id)).all()
        )
        redecide(connection, chunk)
        after: dict[str, int] = dict(
            connection.execute(select(_names.c.key, _names.c.entity_id)).all()
        )
        return sum(before.get(k) != after.get(k) for k in chunk)

    moved = 0
    for start in range(0, len(keys), batch):
        chunk = keys[start : start + batch]
        moved += run_write(engine, count_moves, what="re-deciding names")
    return moved
