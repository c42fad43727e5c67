"""The maintained analytics tables (app.core.analytics_counts, migration 0108) always equal a
from-scratch recount: after ingests and deletes, after an article's rows are relinked to
another entity, after an entity's kind flips, after the migration's backfill and after
bench/scale.py grows a database."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, Engine, create_engine, text

from app.core import analytics_counts, migrate
from app.core.db import dispose_engine, get_engine
from app.ingest import delete_article
from tests.analytics_corpus import store_random
from tests.support.integrity import assert_consistent


def _exact(engine: Engine) -> None:
    with engine.connect() as conn:
        assert analytics_counts.maintained_problems(conn) == {}


def _rows(engine: Engine) -> dict[str, set[tuple]]:
    with engine.connect() as conn:
        return {
            t: {tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))}
            for t in analytics_counts.TABLES
        }


def test_ingest_and_delete_keep_them_exact(database_url: str) -> None:
    engine = get_engine(database_url)
    ids = store_random(engine, seed=1, count=30)
    _exact(engine)
    rows = _rows(engine)
    assert all(rows.values()), {t: len(r) for t, r in rows.items()}
    assert {r[1] for r in rows["entity_quotations"]} == {"by", "about"}
    with engine.connect() as conn:
        unnamed = conn.execute(text("SELECT sum(speaker_unnamed) FROM source_totals")).scalar()
        assert unnamed is not None and unnamed > 0
    random.Random(2).shuffle(ids)
    for n, article_id in enumerate(ids):
        assert delete_article(engine, article_id=article_id)
        if n % 5 == 0:
            _exact(engine)
    assert _rows(engine) == {t: set() for t in analytics_counts.TABLES}


def _relink(conn: Connection, article_id: int, old: int, new: int) -> None:
    """What a corpus-level re-decision does to one article: its links, mentions and
    quotations of `old` now name `new` (which the article did not name)."""
    for table, column in (
        ("article_entities", "entity_id"),
        ("mentions", "entity_id"),
        ("quotations", "speaker_id"),
    ):
        conn.execute(
            text(f"UPDATE {table} SET {column} = :new WHERE article_id = :a AND {column} = :old"),
            {"new": new, "old": old, "a": article_id},
        )


def test_relinks_and_kind_flips_keep_them_exact(database_url: str) -> None:
    engine = get_engine(database_url)
    store_random(engine, seed=4, count=25)
    with engine.connect() as conn:
        pairs = conn.execute(
            text(
                "SELECT a.article_id, a.entity_id, b.id FROM article_entities a"
                " JOIN entities b ON b.kind = 'person' AND b.id <> a.entity_id"
                " WHERE NOT EXISTS (SELECT 1 FROM article_entities c"
                "   WHERE c.article_id = a.article_id AND c.entity_id = b.id)"
                " ORDER BY a.article_id, a.entity_id, b.id"
            )
        ).all()
        person = (
            conn.execute(
                text("SELECT id FROM entities WHERE kind = 'person' ORDER BY quotation_count DESC")
            )
            .scalars()
            .first()
        )
    assert len(pairs) > 3 and person is not None
    for article_id, old, new in pairs[:: max(1, len(pairs) // 4)]:
        with engine.begin() as conn:
            analytics_counts.remove_article(conn, article_id)
            _relink(conn, article_id, old, new)
            analytics_counts.add_article(conn, article_id)
        _exact(engine)
    for kind in ("organisation", "person"):
        with engine.begin() as conn:
            analytics_counts.remove_entity_kind(conn, person)
            conn.execute(
                text("UPDATE entities SET kind = :kind WHERE id = :id"),
                {"kind": kind, "id": person},
            )
            analytics_counts.add_entity_kind(conn, person)
        _exact(engine)


def test_migration_backfills_them(database_url: str) -> None:
    """A database at 0106 holding articles, upgraded: the backfill equals what ingest kept."""
    engine = get_engine(database_url)
    store_random(engine, seed=7, count=20)
    kept = _rows(engine)
    with engine.connect() as conn:
        named = conn.execute(text("SELECT id, speaker_named FROM quotations ORDER BY id")).all()
    dispose_engine(database_url)
    migrate.downgrade(database_url, "0106")
    plain = create_engine(database_url)
    with plain.begin() as conn:
        for table in analytics_counts.TABLES:
            assert not plain.dialect.has_table(conn, table)
    plain.dispose()
    migrate.upgrade(database_url)
    engine = get_engine(database_url)
    rows = _rows(engine)
    # speaker_named was dropped with its column: the backfilled tables see NULL, so what
    # was "unnamed" is counted as its speaker's type again; everything else is the same.
    assert rows["entity_days"] == kept["entity_days"]
    assert rows["entity_quotations"] == kept["entity_quotations"]
    assert rows["corpus_periods"] == kept["corpus_periods"]
    _exact(engine)
    assert any(n is not None and not n for _, n in named)  # some were unnamed sources
    dispose_engine(database_url)


def test_scale_builder_recounts_them(database_url: str) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("bench/scale.py grows SQLite files")
    from bench.scale import grow

    engine = get_engine(database_url)
    store_random(engine, seed=5, count=6)
    dispose_engine(database_url)
    conn = sqlite3.connect(Path(database_url.removeprefix("sqlite:///")))
    grow(conn, 20, log=lambda *_: None)
    conn.close()
    report = assert_consistent(database_url)  # includes analytics_counts.maintained_problems
    assert report.articles == 20
