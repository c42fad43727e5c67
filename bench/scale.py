"""Grow the annotated-corpus database to N articles by replicating its rows with bulk SQL.

Not new annotations: copy k of article i gets a fresh id, content hash and publication date,
and copies of i's paragraphs, entity links, mentions and quotations (with shifted ids). People
and organisations stay shared, so popular people get many articles, as in a real archive.
Afterwards every maintained number is recomputed from the rows (entity mention/article/
quotation counts and first/last seen dates, the `co_mentions` pairs, the analytics tables of
app.core.analytics_counts, the `counters` table)
and external-content FTS indexes are rebuilt, so the database is exactly what ingesting those
articles would have produced. The corpus database is first brought to the current schema.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import OUT, code_hash

# (table, id column or None, {column: SQL expression for the copy}); k = copy number.
COPIES = (
    (
        "articles",
        "id",
        {
            "id": "id + :k * :articles",
            "content_hash": "sha256(content_hash || ':' || :k)",
            "published": "date('2000-01-01', '+' || ((id + :k * :articles) * 7919 % 9131)"
            " || ' days')",
            "ingested_at": "datetime(ingested_at, '+' || :k || ' hours')",
        },
    ),
    (
        "paragraphs",
        "id",
        {"id": "id + :k * :paragraphs", "article_id": "article_id + :k * :articles"},
    ),
    ("article_entities", None, {"article_id": "article_id + :k * :articles"}),
    ("article_names", None, {"article_id": "article_id + :k * :articles"}),
    (
        "mentions",
        "id",
        {
            "id": "id + :k * :mentions",
            "article_id": "article_id + :k * :articles",
            "paragraph_id": "paragraph_id + :k * :paragraphs",
        },
    ),
    (
        "quotations",
        "id",
        {
            "id": "id + :k * :quotations",
            "article_id": "article_id + :k * :articles",
            "paragraph_id": "paragraph_id + :k * :paragraphs",
        },
    ),
)


def _sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _fts_tables(conn: sqlite3.Connection) -> list[str]:
    return [
        name
        for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='table' AND sql LIKE '%USING fts5%'"
        )
        if "content=" in sql.replace(" ", "").lower()
        and "content=''" not in sql.replace(" ", "").lower()
    ]


def grow(conn: sqlite3.Connection, target: int, log: Callable[[str], None] = print) -> None:
    conn.create_function("sha256", 1, _sha256, deterministic=True)
    maxes = {
        "articles": conn.execute("SELECT max(id) FROM articles").fetchone()[0],
        "paragraphs": conn.execute("SELECT coalesce(max(id), 0) FROM paragraphs").fetchone()[0],
        "mentions": conn.execute("SELECT coalesce(max(id), 0) FROM mentions").fetchone()[0],
        "quotations": conn.execute("SELECT coalesce(max(id), 0) FROM quotations").fetchone()[0],
    }
    base = maxes["articles"]
    copies = -(-target // base) - 1
    big = [t for t, _, _ in COPIES]
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({','.join('?' * len(big))})",
        big,
    ).fetchall()
    triggers = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _ in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    for name, _ in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    started = time.perf_counter()
    for k in range(1, copies + 1):
        for table, _, changes in COPIES:
            cols = _columns(conn, table)
            names = ", ".join(f'"{c}"' for c in cols)
            values = ", ".join(changes.get(c, f'"{c}"') for c in cols)
            ref = "id" if table == "articles" else "article_id"
            conn.execute(
                f"INSERT INTO {table} ({names}) SELECT {values} FROM {table}"
                f" WHERE {ref} <= :base AND {ref} + :k * :articles <= :target",
                {**maxes, "k": k, "base": base, "target": target},
            )
        conn.commit()
    log(f"scale db: {copies} copies inserted in {time.perf_counter() - started:.0f} s")
    for _, sql in indexes:
        conn.execute(sql)
    for _, sql in triggers:
        conn.execute(sql)
    _recount(conn, base=base, copies=copies, target=target)
    for fts in _fts_tables(conn):
        conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
    if _has(conn, "search_terms"):  # the per-term counts of one-word search totals
        from app.core import search_terms

        for sql in search_terms.rebuild_sql():
            conn.execute(sql)
    conn.commit()
    # as an operator would after a bulk load: `python -m app optimize` (one FTS5 segment)
    from app.core.maintenance import SQLITE_OPTIMIZE

    for sql in SQLITE_OPTIMIZE:
        conn.execute(sql)
    conn.commit()
    conn.execute("ANALYZE")
    log(f"scale db: indexes, counts and search rebuilt at {time.perf_counter() - started:.0f} s")


def _has(conn: sqlite3.Connection, table: str, column: str | None = None) -> bool:
    if column is None:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)
        ).fetchone()
        return found is not None
    return column in _columns(conn, table)


# Entities' first/last seen dates from all their articles (as app.ingest.seen_date: the
# publication date, else the UTC date of ingest); grouped in ix_article_entities_entity order.
RECOUNT_SEEN = """
UPDATE entities SET first_seen = s.first_seen, last_seen = s.last_seen
FROM (
  SELECT ae.entity_id,
         min(coalesce(a.published, date(a.ingested_at))) AS first_seen,
         max(coalesce(a.published, date(a.ingested_at))) AS last_seen
  FROM article_entities ae JOIN articles a ON a.id = ae.article_id
  GROUP BY ae.entity_id
) AS s
WHERE s.entity_id = entities.id
"""

# Co-mention pairs of the grown database without a self-join over every copy: a copy names
# the same entities as its original with the same mention counts, so each original article
# counts once per copy of it (itself included) -- copy k of article i exists when
# i + k * base <= target, k = 1..copies (see grow). tests/test_co_mentions.py checks the result
# against a plain recount.
RECOUNT_CO_MENTIONS = """
INSERT INTO co_mentions (entity_id, other_id, other_kind, shared_articles, shared_mentions)
SELECT mine.entity_id, other.entity_id, e.kind, sum(w.n), sum(w.n * other.mention_count)
FROM (
  SELECT id, 1 + max(0, min(:copies, (:target - id) / :base)) AS n
  FROM articles WHERE id <= :base
) AS w
JOIN article_entities mine ON mine.article_id = w.id
JOIN article_entities other
  ON other.article_id = w.id AND other.entity_id <> mine.entity_id
JOIN entities e ON e.id = other.entity_id
GROUP BY mine.entity_id, other.entity_id, e.kind
"""


# The pooled evidence (app/store/evidence.py): kind votes per entity and per name, article
# counts per name, alias counts. Copies add evidence but, scaled alike for every name, change
# no decision (a name's owner keeps the largest share; copies multiply every count).
RECOUNT_EVIDENCE = (
    """UPDATE entities SET
         person_votes = (SELECT coalesce(sum(person_votes), 0) FROM article_entities a
                         WHERE a.entity_id = entities.id),
         org_votes = (SELECT coalesce(sum(org_votes), 0) FROM article_entities a
                      WHERE a.entity_id = entities.id),
         other_votes = (SELECT coalesce(sum(other_votes), 0) FROM article_entities a
                        WHERE a.entity_id = entities.id)""",
    """UPDATE entity_names SET
         article_count = (SELECT count(*) FROM article_names a WHERE a.name_id = entity_names.id),
         person_votes = (SELECT coalesce(sum(person_votes), 0) FROM article_names a
                         WHERE a.name_id = entity_names.id),
         org_votes = (SELECT coalesce(sum(org_votes), 0) FROM article_names a
                      WHERE a.name_id = entity_names.id),
         other_votes = (SELECT coalesce(sum(other_votes), 0) FROM article_names a
                        WHERE a.name_id = entity_names.id)""",
    "DELETE FROM name_aliases",
    """INSERT INTO name_aliases (alias_key, name_id, articles)
       SELECT k.value, a.name_id, count(*) FROM article_names a, json_each(a.alias_keys) k
       GROUP BY k.value, a.name_id""",
)


def _recount(conn: sqlite3.Connection, *, base: int, copies: int, target: int) -> None:
    conn.execute(
        """
        UPDATE entities SET
          mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id),
          article_count = (SELECT count(*) FROM article_entities a WHERE a.entity_id = entities.id),
          quotation_count = (SELECT count(*) FROM quotations q WHERE q.speaker_id = entities.id)
        """
    )
    if _has(conn, "entities", "first_seen"):
        conn.execute(RECOUNT_SEEN)
    if _has(conn, "entity_names"):
        for sql in RECOUNT_EVIDENCE:
            conn.execute(sql)
    if _has(conn, "co_mentions"):
        conn.execute("DELETE FROM co_mentions")
        conn.execute(RECOUNT_CO_MENTIONS, {"base": base, "copies": copies, "target": target})
    if _has(conn, "entity_days"):
        from app.core.analytics_counts import rebuild_sql

        for sql in rebuild_sql("sqlite"):
            conn.execute(sql)
    if _has(conn, "counters"):
        from app.core.counters import recount_sql

        for sql in recount_sql():
            conn.execute(sql)


def _migrate(db: Path) -> None:
    from app.core import migrate
    from app.core.db import dispose_engine

    url = f"sqlite:///{db}"
    migrate.upgrade(url)
    dispose_engine(url)
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def build_scale_db(corpus_db: Path, target: int, *, log: Callable[[str], None] = print) -> Path:
    key = code_hash(Path(__file__))
    path = OUT / f"scale-{target}-{corpus_db.stem.removeprefix('bbc-')}-{key[:8]}.db"
    if path.exists():
        log(f"scale db: {path.name} (cached)")
        return path
    for stale in OUT.glob("scale-*.db"):
        stale.unlink()
    tmp = path.with_suffix(".tmp")
    shutil.copyfile(corpus_db, tmp)
    _migrate(tmp)  # grow and recount on the current schema (a backfill over 2,000 articles)
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-262144")
    grow(conn, target, log=log)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    tmp.rename(path)
    return path
