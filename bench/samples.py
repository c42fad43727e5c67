"""The benchmark databases made ready, and the ids and words the requests cycle over."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bench.common import OUT

SEARCH_WORDS = ("government", "film", "economy", "match", "music", "election", "phone", "growth")
# "search (distinct words)" cycles over this many different indexed words, more than our search
# result cache holds (SEARCH_CACHE_SIZE, 256 by default), so every request is a cache miss.
DISTINCT_WORDS = 2048


def prepare(db: Path) -> None:
    """Bring a cached database to the current schema; give Datasette a paragraph FTS index."""
    from app.core import migrate
    from app.core.db import dispose_engine

    url = f"sqlite:///{db}"
    migrate.upgrade(url)
    dispose_engine(url)
    with sqlite3.connect(db) as conn:
        if not _paragraph_fts(conn):
            conn.execute(
                "CREATE VIRTUAL TABLE bench_paragraphs_fts USING fts5"
                '(text, content="paragraphs", content_rowid="id")'
            )
            conn.execute(
                "INSERT INTO bench_paragraphs_fts(bench_paragraphs_fts) VALUES ('rebuild')"
            )
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def datasette_metadata(db: Path) -> Path:
    """Tell Datasette which FTS table indexes paragraphs (`?_search=` on /paragraphs.json)."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        fts = _paragraph_fts(conn)
    conn.close()
    path = OUT / "datasette-metadata.json"
    tables = {"paragraphs": {"fts_table": fts, "fts_pk": "id"}} if fts else {}
    path.write_text(json.dumps({"databases": {db.stem: {"tables": tables}}}, indent=2))
    return path


def _paragraph_fts(conn: sqlite3.Connection) -> str | None:
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE sql LIKE '%VIRTUAL TABLE%USING fts%'"
        " AND (sql LIKE '%content=\"paragraphs\"%' OR sql LIKE '%content=''paragraphs''%'"
        " OR sql LIKE '%content=paragraphs%')"
    ).fetchone()
    return row[0] if row else None


@dataclass
class Samples:
    last_id: int
    article_ids: list[int]
    people: list[int]
    talkers: list[int]
    words: list[str]  # DISTINCT_WORDS indexed paragraph terms, each in 0.2-20% of paragraphs


def samples(db: Path) -> Samples:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        last_id = conn.execute("SELECT max(id) FROM articles").fetchone()[0]
        article_ids = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT 64", (last_id // 2,)
            )
        ]
        people = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM entities WHERE kind = 'person' ORDER BY mention_count DESC LIMIT 64"
            )
        ]
        talkers = [
            r[0]
            for r in conn.execute(
                "SELECT id FROM entities WHERE kind = 'person'"
                " ORDER BY quotation_count DESC, mention_count DESC LIMIT 64"
            )
        ]
        words = _vocabulary(conn)
    conn.close()
    return Samples(last_id, article_ids, people, talkers, words)


def _vocabulary(conn: sqlite3.Connection) -> list[str]:
    """Common but not stop-word terms of the paragraph index, in a fixed shuffled order."""
    conn.execute("CREATE VIRTUAL TABLE temp.bench_vocab USING fts5vocab(main, paragraphs_fts, row)")
    paragraphs = conn.execute("SELECT count(*) FROM paragraphs").fetchone()[0]
    terms = [
        r[0]
        for r in conn.execute(
            "SELECT term FROM temp.bench_vocab WHERE doc BETWEEN ? AND ?"
            " AND term GLOB '[a-z][a-z][a-z]*' AND term NOT GLOB '*[^a-z]*'"
            " ORDER BY doc DESC, term LIMIT ?",
            (paragraphs // 500, paragraphs // 5, DISTINCT_WORDS),
        )
    ]
    conn.execute("DROP TABLE temp.bench_vocab")
    return sorted(terms, key=lambda t: hashlib.blake2b(t.encode(), digest_size=8).digest())
