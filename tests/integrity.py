"""Whole-database consistency checks shared by the concurrency and crash tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.engine import make_url

from app.core import analytics_counts

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
    """Entities' first/last seen, the co_mentions rows and the analytics aggregates
    (app.core.analytics_counts) that differ from a recount."""
    seen = SEEN[conn.dialect.name]
    problems: dict[str, list[object]] = {}
    for name, sql in MAINTAINED.items():
        found = [r[0] for r in conn.execute(text(sql.replace("{seen}", seen)))]
        if found:
            problems[name] = found
    for name, rows in analytics_counts.maintained_problems(conn).items():
        problems[name] = [rows]
    return problems


@dataclass
class Report:
    articles: int
    integrity_check: str
    problems: dict[str, list[object]]


def check_database(url: str) -> Report:
    """Run every check; on SQLite also PRAGMA integrity_check and foreign_key_check."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
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
