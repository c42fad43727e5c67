"""Whole-database consistency checks shared by the concurrency and crash tests."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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
            articles = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    finally:
        engine.dispose()
    return Report(articles, integrity, problems)


def assert_consistent(url: str) -> Report:
    report = check_database(url)
    assert report.integrity_check in ("ok", "n/a (PostgreSQL)"), report.integrity_check
    assert not report.problems, report.problems
    return report
