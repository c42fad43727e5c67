"""`search_terms` (SQLite): maintained per-term row counts that give one-word search totals."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.core import migrate, search_terms
from app.core.db import dispose_engine, get_engine
from app.ingest import delete_article
from app.main import create_app
from tests.conftest import make_settings
from tests.support.corpus import load

KINDS = {"paragraph": "paragraphs", "quotation": "quotations"}


def fts_counts(engine: Engine) -> set[tuple[str, str, int]]:
    """Each term's row count as FTS5 itself reports it (walking every posting list)."""
    found: set[tuple[str, str, int]] = set()
    with engine.connect() as conn:
        for kind, table in KINDS.items():
            conn.exec_driver_sql(
                f"CREATE VIRTUAL TABLE temp.v_{table} USING fts5vocab(main, {table}_fts, row)"
            )
            rows = conn.exec_driver_sql(f"SELECT term, doc FROM temp.v_{table}").all()
            found |= {(kind, term, docs) for term, docs in rows}
            conn.exec_driver_sql(f"DROP TABLE temp.v_{table}")
    return found


def kept_counts(engine: Engine) -> set[tuple[str, str, int]]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT kind, term, docs FROM search_terms").all()
    return {tuple(row) for row in rows}


def test_counts_agree_with_the_fts_indexes_after_ingest_delete_and_migration(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'terms.db'}"
    migrate.upgrade(url)
    engine = get_engine(url)
    ids = load(engine)
    expected = fts_counts(engine)
    assert expected and kept_counts(engine) == expected
    assert {k for k, _, _ in expected} == {"paragraph", "quotation"}
    for article_id in list(ids.values())[:2]:
        assert delete_article(engine, article_id=article_id)
    after_delete = fts_counts(engine)
    assert after_delete != expected  # terms of the deleted articles went, or counted less
    assert kept_counts(engine) == after_delete
    dispose_engine(url)
    migrate.downgrade(url, "0105")  # the table goes; 0106 fills it again from the indexes
    migrate.upgrade(url)
    assert kept_counts(get_engine(url)) == after_delete
    dispose_engine(url)


def test_one_word_totals_match_counting_every_match(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'totals.db'}"
    migrate.upgrade(url)
    engine = get_engine(url)
    load(engine)
    with engine.connect() as conn:

        def counted(q: str) -> int:
            return sum(
                conn.exec_driver_sql(
                    f"SELECT count(*) FROM {t}_fts WHERE {t}_fts MATCH ?", (q,)
                ).scalar_one()
                for t in KINDS.values()
            )

        settings = make_settings(url, search_cache_size=0)
        with TestClient(create_app(settings)) as client:
            # inflected and capitalised forms count through their FTS5 term ("said" -> "said",
            # "Partnerships" -> "partnership"); an unknown word counts 0
            for word in ("said", "Partnerships", "widgets", "López", "zzzunknown"):
                body = client.get("/search", params={"q": word}).json()
                assert body["total"] == counted(f'"{word}"'), word
            # several words, phrases, prefixes: counted as before
            for q in ("acme widgets", '"said the"', "part*", "acme OR globex"):
                body = client.get("/search", params={"q": q}).json()
                assert body["total"] > 0, q
    dispose_engine(url)


def test_term_of_uses_the_fts5_tokenizer(tmp_path: Path) -> None:
    assert search_terms.term_of("Elections") == "elect"
    assert search_terms.term_of("Café") == "cafe"
    assert search_terms.term_of("don't") is None  # two terms
    url = f"sqlite:///{tmp_path / 'tok.db'}"
    migrate.upgrade(url)
    with get_engine(url).connect() as conn:
        for table in KINDS.values():
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = ?", (f"{table}_fts",)
            ).scalar_one()
            assert f"tokenize='{search_terms.TOKENIZER}'" in sql
    dispose_engine(url)
