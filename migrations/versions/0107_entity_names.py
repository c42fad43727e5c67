"""entity names: identity and kind decided from evidence pooled over the corpus

Until now an entity was decided inside one article and merged by (kind, key) at write time,
so one odd article made "Kate Bush" an organisation as well as a person. Now:

* `entities.key` is kind-free and unique; `kind` is the winner of the kind votes of every
  article naming the entity (`person_votes`, `org_votes`, also kept per `article_entities`
  row so that a delete can take them away).
* `entity_names`: one row per identity key an article used, with its pooled evidence and
  the entity it belongs to; `article_names`: what each article says about each name;
  `name_aliases`: how often a name was written as another form. `mentions.name_id` and
  `quotations.speaker_name_id` say which name a mention or a speaker was, so a name that
  changes entity takes them along (app/store/identity.py).

Existing rows: keys lose their kind prefix ("person:ann lee" -> "ann lee"); entities that
then share a key (the same name stored as both kinds) are merged into the one named in the
most articles, and the counts, dates and co-mentions are recounted. Each entity gets one
name, each article link one name row, and votes of one per mention for the stored kind.
Re-annotating the corpus (`python -m app reannotate --all`) gathers the full evidence.

Revision ID: 0107
Revises: 0106
Create Date: 2026-12-04 18:00:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy import Connection

from app.annotate.names import identity_key

revision: str = "0107"
down_revision: str | None = "0106"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEEN = {
    "sqlite": "coalesce(a.published, date(a.ingested_at))",
    "postgresql": "coalesce(a.published, (a.ingested_at AT TIME ZONE 'UTC')::date)",
}
RECOUNT_ENTITIES = """
UPDATE entities SET
  mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id),
  article_count = (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = entities.id),
  quotation_count = (SELECT count(*) FROM quotations q WHERE q.speaker_id = entities.id),
  first_seen = (SELECT min({seen}) FROM article_entities ae JOIN articles a ON a.id = ae.article_id
                WHERE ae.entity_id = entities.id),
  last_seen = (SELECT max({seen}) FROM article_entities ae JOIN articles a ON a.id = ae.article_id
               WHERE ae.entity_id = entities.id)
"""
RECOUNT_CO_MENTIONS = """
INSERT INTO co_mentions (entity_id, other_id, other_kind, shared_articles, shared_mentions)
SELECT mine.entity_id, other.entity_id, e.kind, count(*), sum(other.mention_count)
FROM article_entities mine
JOIN article_entities other
  ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id
JOIN entities e ON e.id = other.entity_id
GROUP BY mine.entity_id, other.entity_id, e.kind
"""
# Kind changes move an entity between the `entities:<kind>` counters (0101 counts inserts
# and deletes only).
SQLITE_KIND_TRIGGER = """
CREATE TRIGGER counters_entities_kind AFTER UPDATE OF kind ON entities
WHEN OLD.kind <> NEW.kind BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'entities:' || OLD.kind;
  UPDATE counters SET value = value + 1 WHERE name = 'entities:' || NEW.kind;
END
"""
PG_KIND_FUNCTION = """
CREATE FUNCTION counters_entity_kind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE counters SET value = value - 1 WHERE name = 'entities:' || OLD.kind;
  UPDATE counters SET value = value + 1 WHERE name = 'entities:' || NEW.kind;
  RETURN NULL;
END
$$
"""
PG_KIND_TRIGGER = """
CREATE TRIGGER counters_entities_kind AFTER UPDATE OF kind ON entities
FOR EACH ROW WHEN (OLD.kind IS DISTINCT FROM NEW.kind)
EXECUTE FUNCTION counters_entity_kind()
"""


def _create_tables() -> None:
    op.create_table(
        "entity_names",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column(
            "entity_id",
            sa.Integer(),
            sa.ForeignKey("entities.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("link", sa.String(length=16), nullable=False),
        sa.Column("surname", sa.String(), nullable=True),
        sa.Column("given", sa.String(), nullable=True),
        sa.Column("person_votes", sa.Integer(), nullable=False),
        sa.Column("org_votes", sa.Integer(), nullable=False),
        sa.Column("other_votes", sa.Integer(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("key"),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_entity_names_entity", "entity_names", ["entity_id"])
    op.create_index("ix_entity_names_surname", "entity_names", ["surname"])
    op.create_index("ix_entity_names_given", "entity_names", ["given"])
    op.create_table(
        "article_names",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("name_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("alias_keys", sa.JSON(), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("person_votes", sa.Integer(), nullable=False),
        sa.Column("org_votes", sa.Integer(), nullable=False),
        sa.Column("other_votes", sa.Integer(), nullable=False),
        sa.Column("mention_count", sa.Integer(), nullable=False),
        sa.Column("quotation_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["name_id"], ["entity_names.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("article_id", "name_id"),
    )
    op.create_index("ix_article_names_name", "article_names", ["name_id", "article_id"])
    op.create_table(
        "name_aliases",
        sa.Column("alias_key", sa.String(), nullable=False),
        sa.Column("name_id", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["name_id"], ["entity_names.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("alias_key", "name_id"),
    )
    op.create_index("ix_name_aliases_name", "name_aliases", ["name_id"])


NEW_COLUMNS = (
    ("entities", "person_votes", "INTEGER DEFAULT 0 NOT NULL"),
    ("entities", "org_votes", "INTEGER DEFAULT 0 NOT NULL"),
    ("entities", "other_votes", "INTEGER DEFAULT 0 NOT NULL"),
    ("article_entities", "person_votes", "INTEGER DEFAULT 0 NOT NULL"),
    ("article_entities", "org_votes", "INTEGER DEFAULT 0 NOT NULL"),
    ("article_entities", "other_votes", "INTEGER DEFAULT 0 NOT NULL"),
    # No foreign keys: SQLite cannot drop a column that has one (downgrade), and a name is
    # deleted only once no article (so no mention or quotation) uses it.
    ("mentions", "name_id", "INTEGER"),
    ("quotations", "speaker_name_id", "INTEGER"),
)


def _add_columns(bind: Connection) -> None:
    for table, column, sql in NEW_COLUMNS:
        op.execute(f"ALTER TABLE {table} ADD COLUMN {column} {sql}")
    op.create_index("ix_mentions_name", "mentions", ["name_id"])
    op.create_index("ix_quotations_speaker_name", "quotations", ["speaker_name_id"])


def _plain_key(kind: str, key: str, name: str) -> str:
    """The kind-free key of a stored entity ("person:ann lee" -> "ann lee")."""
    bare = key.split(":", 1)[1] if ":" in key else key
    bare = bare.removesuffix(":mononym")
    return bare or identity_key(kind, name)


def _merge(bind: Connection, winner: int, loser: int) -> None:
    """Move the loser's links, mentions and quotations to the winner and drop the loser."""
    same = sa.text(
        "SELECT l.article_id, l.mention_count, l.quotation_count FROM article_entities l"
        " JOIN article_entities w ON w.article_id = l.article_id AND w.entity_id = :w"
        " WHERE l.entity_id = :l"
    )
    for article_id, mentions, quotations in bind.execute(same, {"w": winner, "l": loser}).all():
        bind.execute(
            sa.text(
                "UPDATE article_entities SET mention_count = mention_count + :m,"
                " quotation_count = quotation_count + :q WHERE article_id = :a AND entity_id = :w"
            ),
            {"m": mentions, "q": quotations, "a": article_id, "w": winner},
        )
        bind.execute(
            sa.text("DELETE FROM article_entities WHERE article_id = :a AND entity_id = :l"),
            {"a": article_id, "l": loser},
        )
    for table, column in (("article_entities", "entity_id"), ("mentions", "entity_id")):
        bind.execute(
            sa.text(f"UPDATE {table} SET {column} = :w WHERE {column} = :l"),
            {"w": winner, "l": loser},
        )
    bind.execute(
        sa.text("UPDATE quotations SET speaker_id = :w WHERE speaker_id = :l"),
        {"w": winner, "l": loser},
    )
    bind.execute(sa.text("DELETE FROM entities WHERE id = :l"), {"l": loser})


def _rekey(bind: Connection) -> bool:
    """Kind-free keys; entities sharing one are merged. Returns whether any were."""
    rows = bind.execute(sa.text("SELECT id, kind, key, name, article_count FROM entities")).all()
    groups: dict[str, list[tuple[int, int]]] = {}
    for id_, kind, key, name, articles in rows:
        groups.setdefault(_plain_key(kind, key, name), []).append((articles, id_))
    merged = False
    for key, members in groups.items():
        members.sort(key=lambda m: (-m[0], m[1]))
        winner = members[0][1]
        for _articles, loser in members[1:]:
            _merge(bind, winner, loser)
            merged = True
        bind.execute(sa.text("UPDATE entities SET key = :k WHERE id = :i"), {"k": key, "i": winner})
    return merged


UNIQUE_KIND_KEY = 'CONSTRAINT uq_entities_kind_key UNIQUE (kind, "key")'
UNIQUE_KEY = 'CONSTRAINT uq_entities_key UNIQUE ("key")'


def _swap_unique(bind: Connection, old: str, new: str) -> None:
    """entities: UNIQUE (kind, key) <-> UNIQUE (key). SQLite rebuilds the table from its
    own stored CREATE statement, as 0105 does (foreign keys are off for migrations)."""
    if bind.dialect.name == "postgresql":
        names = {
            UNIQUE_KIND_KEY: ("uq_entities_kind_key", "kind, key"),
            UNIQUE_KEY: ("uq_entities_key", "key"),
        }
        op.execute(f"ALTER TABLE entities DROP CONSTRAINT {names[old][0]}")
        op.execute(f"ALTER TABLE entities ADD CONSTRAINT {names[new][0]} UNIQUE ({names[new][1]})")
        return
    create = bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'entities'"
    ).scalar_one()
    if old not in create:
        raise RuntimeError(f"unexpected schema for entities: {create}")
    dependents = list(
        bind.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger')"
            " AND tbl_name = 'entities' AND sql IS NOT NULL ORDER BY type, name"
        ).scalars()
    )
    _, _, body = create.replace(old, new).partition("(")
    op.execute(f"CREATE TABLE entities_rebuilt ({body}")
    op.execute("INSERT INTO entities_rebuilt SELECT * FROM entities")
    op.execute("DROP TABLE entities")
    op.execute("ALTER TABLE entities_rebuilt RENAME TO entities")
    for sql in dependents:
        op.execute(sql)


def _kind_trigger(bind: Connection) -> None:
    if bind.dialect.name == "postgresql":
        op.execute(PG_KIND_FUNCTION)
        op.execute(PG_KIND_TRIGGER)
    else:
        op.execute(SQLITE_KIND_TRIGGER)


VOTES = "CASE WHEN {m} > 1 THEN {m} ELSE 1 END"


def _backfill_votes(bind: Connection) -> None:
    """One vote per mention (at least one) for the stored kind, per link and per entity."""
    votes = VOTES.format(m="article_entities.mention_count")
    for column, kind in (("person_votes", "person"), ("org_votes", "organisation")):
        op.execute(
            f"UPDATE article_entities SET {column} = {votes} WHERE EXISTS (SELECT 1 FROM"
            f" entities e WHERE e.id = article_entities.entity_id AND e.kind = '{kind}')"
        )
        op.execute(
            f"UPDATE entities SET {column} = coalesce((SELECT sum(ae.{column}) FROM"
            " article_entities ae WHERE ae.entity_id = entities.id), 0)"
        )


def _backfill_names(bind: Connection) -> None:
    """One name per entity (its own), one article name per link, name ids on mentions and
    quotations, alias evidence from each link's aliases."""
    from app.store.evidence import given_of, surname_of

    entities = bind.execute(
        sa.text("SELECT id, key, name, kind, person_votes, org_votes, article_count FROM entities")
    ).all()
    kinds = {}
    for id_, key, name, kind, person, organisation, articles in entities:
        kinds[id_] = kind
        bind.execute(
            sa.text(
                "INSERT INTO entity_names (id, key, name, entity_id, link, surname, given,"
                " person_votes, org_votes, other_votes, article_count)"
                " VALUES (:i, :k, :n, :i, 'own', :s, :g, :p, :o, 0, :a)"
            ),
            {
                "i": id_,
                "k": key,
                "n": name,
                "s": surname_of(key),
                "g": given_of(key),
                "p": person,
                "o": organisation,
                "a": articles,
            },
        )
    if bind.dialect.name == "postgresql":
        op.execute(
            "SELECT setval(pg_get_serial_sequence('entity_names', 'id'),"
            " coalesce((SELECT max(id) FROM entity_names), 0) + 1, false)"
        )
    op.execute("UPDATE mentions SET name_id = entity_id")
    op.execute("UPDATE quotations SET speaker_name_id = speaker_id")
    _backfill_article_names(bind, kinds)


def _backfill_article_names(bind: Connection, kinds: dict[int, str]) -> None:
    links = bind.execute(
        sa.text(
            "SELECT ae.article_id, ae.entity_id, ae.position, ae.aliases, ae.roles,"
            " ae.person_votes, ae.org_votes, ae.mention_count, ae.quotation_count, e.name, e.key"
            " FROM article_entities ae JOIN entities e ON e.id = ae.entity_id"
        )
    ).all()
    aliases_table = sa.table(
        "name_aliases", sa.column("alias_key"), sa.column("name_id"), sa.column("articles")
    )
    names_table = sa.table(
        "article_names",
        *(
            sa.column(c)
            for c in (
                "article_id",
                "name_id",
                "position",
                "name",
                "aliases",
                "alias_keys",
                "roles",
                "person_votes",
                "org_votes",
                "other_votes",
                "mention_count",
                "quotation_count",
            )
        ),
    )
    counts: dict[tuple[str, int], int] = {}
    rows = []
    for a, e, position, aliases, roles, person, organisation, mentions, quotes, name, key in links:
        aliases = _json(aliases)
        alias_keys = [
            k for k in dict.fromkeys(identity_key(kinds[e], x) for x in aliases) if k and k != key
        ]
        for k in alias_keys:
            counts[k, e] = counts.get((k, e), 0) + 1
        rows.append(
            {
                "article_id": a,
                "name_id": e,
                "position": position,
                "name": name,
                "aliases": aliases,
                "alias_keys": alias_keys,
                "roles": _json(roles),
                "person_votes": person,
                "org_votes": organisation,
                "other_votes": 0,
                "mention_count": mentions,
                "quotation_count": quotes,
            }
        )
    json_names = names_table.c
    for column in ("aliases", "alias_keys", "roles"):
        json_names[column].type = sa.JSON()
    for start in range(0, len(rows), 1000):
        bind.execute(names_table.insert(), rows[start : start + 1000])
    alias_rows = [{"alias_key": k, "name_id": e, "articles": n} for (k, e), n in counts.items()]
    for start in range(0, len(alias_rows), 1000):
        bind.execute(aliases_table.insert(), alias_rows[start : start + 1000])


def _json(value: object) -> list[str]:
    import json

    return list(json.loads(value)) if isinstance(value, str) else list(value or [])


def upgrade() -> None:
    bind = op.get_bind()
    _create_tables()
    _add_columns(bind)
    merged = _rekey(bind)
    _swap_unique(bind, UNIQUE_KIND_KEY, UNIQUE_KEY)
    _kind_trigger(bind)
    if merged:
        op.execute(RECOUNT_ENTITIES.format(seen=SEEN[bind.dialect.name]))
        op.execute("DELETE FROM co_mentions")
        op.execute(RECOUNT_CO_MENTIONS)
    _backfill_votes(bind)
    _backfill_names(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS counters_entities_kind ON entities")
        op.execute("DROP FUNCTION IF EXISTS counters_entity_kind()")
    else:
        op.execute("DROP TRIGGER IF EXISTS counters_entities_kind")
    op.drop_index("ix_quotations_speaker_name", table_name="quotations")
    op.drop_index("ix_mentions_name", table_name="mentions")
    for table, column, _sql in reversed(NEW_COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    op.drop_table("name_aliases")
    op.drop_table("article_names")
    op.drop_table("entity_names")
    op.execute("UPDATE entities SET key = kind || ':' || key")
    _swap_unique(bind, UNIQUE_KEY, UNIQUE_KIND_KEY)
