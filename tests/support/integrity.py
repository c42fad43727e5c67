"""Whole-database consistency checks shared by the concurrency and crash tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from app.core import analytics_counts

# article_entities from scratch: an article's names grouped by the entity each belongs to.
LINKS_RECOUNT = """
    SELECT an.article_id, n.entity_id, sum(an.mention_count) AS mentions,
           sum(an.quotation_count) AS quotations, sum(an.person_votes) AS person_votes,
           sum(an.org_votes) AS org_votes, sum(an.other_votes) AS other_votes
    FROM article_names an JOIN entity_names n ON n.id = an.name_id
    GROUP BY an.article_id, n.entity_id
"""
LINKS_KEPT = """
    SELECT article_id, entity_id, mention_count, quotation_count, person_votes, org_votes,
           other_votes
    FROM article_entities
"""

CHECKS = {
    "articles whose paragraph_count differs from their paragraph rows": """
        SELECT a.id FROM articles a
        WHERE a.paragraph_count <> (SELECT count(*) FROM paragraphs p WHERE p.article_id = a.id)
    """,
    "articles without paragraphs": """
        SELECT a.id FROM articles a
        WHERE NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.article_id = a.id)
    """,
    "entities whose mention_count differs from a recount": """
        SELECT e.id FROM entities e
        WHERE e.mention_count <> (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)
    """,
    "entities whose article_count differs from a recount": """
        SELECT e.id FROM entities e
        WHERE e.article_count <>
              (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id)
    """,
    "entities whose quotation_count differs from a recount": """
        SELECT e.id FROM entities e
        WHERE e.quotation_count <> (SELECT count(*) FROM quotations q WHERE q.speaker_id = e.id)
    """,
    "article_entities whose mention_count differs from a recount": """
        SELECT ae.article_id FROM article_entities ae
        WHERE ae.mention_count <> (SELECT count(*) FROM mentions m
                                   WHERE m.article_id = ae.article_id
                                     AND m.entity_id = ae.entity_id)
    """,
    "duplicate texts": """
        SELECT content_hash FROM articles GROUP BY content_hash HAVING count(*) > 1
    """,
    "counters that differ from a recount": """
        SELECT c.name FROM counters c WHERE c.value <> CASE c.name
          WHEN 'articles' THEN (SELECT count(*) FROM articles)
          WHEN 'quotations' THEN (SELECT count(*) FROM quotations)
          WHEN 'entities:person' THEN (SELECT count(*) FROM entities WHERE kind = 'person')
          WHEN 'entities:organisation'
            THEN (SELECT count(*) FROM entities WHERE kind = 'organisation')
          ELSE c.value END
    """,
    "entities without their root name (the name whose key is theirs)": """
        SELECT e.id FROM entities e WHERE NOT EXISTS
          (SELECT 1 FROM entity_names n WHERE n.entity_id = e.id AND n.key = e.key)
    """,
    "entities whose votes differ from a recount": """
        SELECT e.id FROM entities e
        WHERE e.person_votes <> (SELECT coalesce(sum(ae.person_votes), 0)
                                 FROM article_entities ae WHERE ae.entity_id = e.id)
           OR e.org_votes <> (SELECT coalesce(sum(ae.org_votes), 0)
                              FROM article_entities ae WHERE ae.entity_id = e.id)
           OR e.other_votes <> (SELECT coalesce(sum(ae.other_votes), 0)
                                FROM article_entities ae WHERE ae.entity_id = e.id)
    """,
    "entities whose kind is not what their votes say": """
        SELECT id FROM entities
        WHERE (person_votes > org_votes AND person_votes > other_votes AND kind <> 'person')
           OR (org_votes > person_votes AND org_votes > other_votes AND kind <> 'organisation')
           OR (other_votes > person_votes AND other_votes > org_votes AND kind <> 'other')
           OR kind NOT IN ('person', 'organisation', 'other')
    """,
    "names whose article count or votes differ from a recount": """
        SELECT n.id FROM entity_names n
        WHERE n.article_count <> (SELECT count(*) FROM article_names an WHERE an.name_id = n.id)
           OR n.person_votes <> (SELECT coalesce(sum(an.person_votes), 0)
                                 FROM article_names an WHERE an.name_id = n.id)
           OR n.org_votes <> (SELECT coalesce(sum(an.org_votes), 0)
                              FROM article_names an WHERE an.name_id = n.id)
           OR n.other_votes <> (SELECT coalesce(sum(an.other_votes), 0)
                                FROM article_names an WHERE an.name_id = n.id)
    """,
    "names no article uses": "SELECT id FROM entity_names WHERE article_count <= 0",
    "mentions not on their name's entity": """
        SELECT m.id FROM mentions m LEFT JOIN entity_names n ON n.id = m.name_id
        WHERE n.id IS NULL OR m.entity_id <> n.entity_id
    """,
    "quotations whose speaker is not their speaker name's entity": """
        SELECT q.id FROM quotations q LEFT JOIN entity_names n ON n.id = q.speaker_name_id
        WHERE (q.speaker_name_id IS NULL) <> (q.speaker_id IS NULL)
           OR (q.speaker_name_id IS NOT NULL AND (n.id IS NULL OR q.speaker_id <> n.entity_id))
    """,
    "article_entities that the article's names do not give": (
        f"SELECT article_id FROM ({LINKS_KEPT} EXCEPT {LINKS_RECOUNT}) AS d"
    ),
    "article_entities missing for the article's names": (
        f"SELECT article_id FROM ({LINKS_RECOUNT} EXCEPT {LINKS_KEPT}) AS d"
    ),
}

# The date an article was "seen" (app.ingest.seen_date), per dialect.
SEEN = {
    "sqlite": "coalesce(a.published, date(a.ingested_at))",
    "postgresql": "coalesce(a.published, (a.ingested_at AT TIME ZONE 'UTC')::date)",
}
# co_mentions from scratch: ordered pairs of distinct entities named in the same articles.
CO_MENTIONS_RECOUNT = """
    SELECT mine.entity_id, other.entity_id AS other_id, e.kind AS other_kind,
           count(*) AS shared_articles, sum(other.mention_count) AS shared_mentions
    FROM article_entities mine
    JOIN article_entities other
      ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id
    JOIN entities e ON e.id = other.entity_id
    GROUP BY mine.entity_id, other.entity_id, e.kind
"""
CO_MENTIONS_KEPT = """
    SELECT entity_id, other_id, other_kind, shared_articles, shared_mentions FROM co_mentions
"""
# Maintained data derived from other rows (app.ingest keeps them on ingest and delete).
MAINTAINED = {
    "entities whose first_seen/last_seen differ from a recount": """
        SELECT e.id FROM entities e
        LEFT JOIN (SELECT ae.entity_id, min({seen}) AS first_seen, max({seen}) AS last_seen
                   FROM article_entities ae JOIN articles a ON a.id = ae.article_id
                   GROUP BY ae.entity_id) s ON s.entity_id = e.id
        WHERE e.first_seen IS DISTINCT FROM s.first_seen
           OR e.last_seen IS DISTINCT FROM s.last_seen
    """,
    "co_mentions rows that a recount does not give": (
        f"SELECT entity_id FROM ({CO_MENTIONS_KEPT} EXCEPT {CO_MENTIONS_RECOUNT}) AS d"
    ),
    "co-mention pairs of a recount missing from co_mentions": (
        f"SELECT entity_id FROM ({CO_MENTIONS_RECOUNT} EXCEPT {CO_MENTIONS_KEPT}) AS d"
    ),
}


def maintained_problems(conn: Connection) -> dict[str, list[object]]:
    """Entities' first/last seen, the co_mentions rows, the alias evidence and the identity
    decisions that differ from a recount."""
    seen = SEEN[conn.dialect.name]
    problems: dict[str, list[object]] = {}
    for name, sql in MAINTAINED.items():
        found = [r[0] for r in conn.execute(text(sql.replace("{seen}", seen)))]
        if found:
            problems[name] = found
    aliases: list[object] = list(alias_problems(conn))
    for name, found in (
        ("name_aliases rows that differ from a recount", aliases),
        ("names on another entity than a fresh decision gives", decision_problems(conn)),
    ):
        if found:
            problems[name] = found
    for name, rows in analytics_counts.maintained_problems(conn).items():
        problems[name] = [rows]
    return problems


def alias_problems(conn: Connection) -> list[tuple[tuple[tuple[str, int], int], int]]:
    """name_aliases against a recount of the article names' alias keys: ((alias key, name
    id), stored), recounted."""
    import json
    from collections import Counter

    counted: Counter[tuple[str, int]] = Counter()
    for name_id, keys in conn.execute(text("SELECT name_id, alias_keys FROM article_names")):
        for key in json.loads(keys) if isinstance(keys, str) else keys:
            counted[key, name_id] += 1
    kept = {
        (key, name_id): n
        for key, name_id, n in conn.execute(
            text("SELECT alias_key, name_id, articles FROM name_aliases")
        )
    }
    keys = sorted(set(kept) | set(counted))
    return [((k, kept.get(k, 0)), counted[k]) for k in keys if kept.get(k, 0) != counted[k]]


def decision_problems(conn: Connection) -> list[object]:
    """Names whose entity is not the one deciding afresh from the stored evidence gives:
    the incremental re-decisions left nothing stale."""
    from app.store.evidence import load_name
    from app.store.identity import decide

    wrong: list[object] = []
    for (key,) in conn.execute(text("SELECT key FROM entity_names ORDER BY key")).all():
        name = load_name(conn, key)
        assert name is not None
        root = decide(conn, name).root
        current = conn.execute(
            text("SELECT key FROM entities WHERE id = :i"), {"i": name.entity_id}
        ).scalar_one()
        if root != current:
            wrong.append((key, current, root))
    return wrong


@dataclass
class Report:
    articles: int
    integrity_check: str
    problems: dict[str, list[object]]


def _one_snapshot(conn: Connection) -> None:
    """Every check reads the same committed state, also while another process writes (a
    crash test checks while the surviving worker stores articles): one read transaction,
    with a snapshot taken at its first read (SQLite WAL) or for its whole length
    (PostgreSQL, REPEATABLE READ). Without it each SELECT saw a later state than the one
    before, and a recount could differ from a count read a moment later."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN")
    else:
        conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")


def check_database(url: str) -> Report:
    """Run every check; on SQLite also PRAGMA integrity_check and foreign_key_check."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            _one_snapshot(conn)
            integrity = "n/a (PostgreSQL)"
            problems: dict[str, list[object]] = {}
            if make_url(url).get_backend_name() == "sqlite":
                rows = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
                integrity = ", ".join(rows)
                fk = list(conn.execute(text("PRAGMA foreign_key_check")))
                if fk:
                    problems["foreign key violations"] = [tuple(r) for r in fk]
            for name, sql in CHECKS.items():
                found = [r[0] for r in conn.execute(text(sql))]
                if found:
                    problems[name] = found
            problems.update(maintained_problems(conn))
            articles = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    finally:
        engine.dispose()
    return Report(articles, integrity, problems)


def assert_consistent(url: str) -> Report:
    report = check_database(url)
    assert report.integrity_check in ("ok", "n/a (PostgreSQL)"), report.integrity_check
    assert not report.problems, report.problems
    return report
