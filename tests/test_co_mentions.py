"""Maintained co-mentions and first/last seen dates (migration 0103, app.ingest).

They always equal a from-scratch aggregate over the stored rows: after ingests, after deletes
(an entity's first date moving, entities orphaned), after the migration's backfill, and after
bench/scale.py grows a database. Pages read them in index order (no sort, no aggregate).
"""

from __future__ import annotations

import random
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, inspect, text

from app.annotate.types import AnnotatedArticle, Entity, Mention, Metadata, Paragraph
from app.core import migrate
from app.core.db import dispose_engine, get_engine
from app.ingest import ArticleFields, delete_article, store_article
from tests.conftest import app_of
from tests.support.corpus import load
from tests.support.integrity import CO_MENTIONS_RECOUNT, assert_consistent, maintained_problems
from tests.test_query_budget import query_plans

POOL = [("person", f"Person {n}") for n in range(8)] + [
    ("organisation", f"Org {n}") for n in range(5)
]


def _article(rng: random.Random, n: int) -> tuple[str, AnnotatedArticle, date | None]:
    """A one-paragraph article naming 0-7 entities of POOL, each 1-3 times, and its date."""
    named = rng.sample(POOL, rng.randint(0, 7))
    body = f"Story {n}:"
    mentions = []
    for index, (_, name) in enumerate(named):
        for _ in range(rng.randint(1, 3)):
            body += " "
            mentions.append(Mention(index, 1, len(body), len(body) + len(name), name))
            body += name + ","
    body += " and others."
    entities = [Entity(kind, name, name.casefold(), [name]) for kind, name in named]  # type: ignore[arg-type]
    annotation = AnnotatedArticle(
        Metadata(), [Paragraph(1, 0, len(body), body)], entities, mentions, []
    )
    published = rng.choice([None, date(2020, 1, 1 + n % 28), date(2023, 6, 1 + n % 28)])
    return body, annotation, published


def _kept(engine: Engine) -> tuple[set[tuple[Any, ...]], dict[int, tuple[str, str]]]:
    with engine.connect() as conn:
        pairs = {
            tuple(row)
            for row in conn.execute(
                text(
                    "SELECT entity_id, other_id, other_kind, shared_articles, shared_mentions"
                    " FROM co_mentions"
                )
            )
        }
        seen = {
            i: (str(f), str(last))
            for i, f, last in conn.execute(text("SELECT id, first_seen, last_seen FROM entities"))
        }
    return pairs, seen


def _assert_maintained(engine: Engine) -> None:
    with engine.connect() as conn:
        assert maintained_problems(conn) == {}


def _store_random(engine: Engine, *, seed: int, count: int) -> list[int]:
    """Store `count` random articles (`_article`); their ids."""
    rng = random.Random(seed)
    ids = []
    for n in range(count):
        body, annotation, published = _article(rng, n)
        article_id, _ = store_article(
            engine, text=body, annotation=annotation, fields=ArticleFields(published=published)
        )
        ids.append(article_id)
    return ids


def test_ingest_and_delete_keep_them_equal_to_a_recount(database_url: str) -> None:
    engine = get_engine(database_url)
    rng = random.Random(7)
    ids = []
    for n in range(30):
        body, annotation, published = _article(rng, n)
        article_id, _ = store_article(
            engine, text=body, annotation=annotation, fields=ArticleFields(published=published)
        )
        ids.append(article_id)
        _assert_maintained(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM co_mentions")).scalar_one() > 20
    rng.shuffle(ids)
    for article_id in ids:
        assert delete_article(engine, article_id=article_id)
        _assert_maintained(engine)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM co_mentions")).scalar_one() == 0
        assert conn.execute(text("SELECT count(*) FROM entities")).scalar_one() == 0


def test_first_seen_moves_and_orphans_leave_no_pairs(
    database_url: str, client: TestClient, corpus: dict[str, int]
) -> None:
    engine = app_of(client).state.engine
    today = client.get(f"/articles/{corpus['a3']}").json()["ingested_at"][:10]  # a3: undated
    acme = client.get(f"/organisations/{corpus['acme']}").json()
    assert (acme["first_seen"], acme["last_seen"]) == ("2024-01-10", "2024-03-05")
    lopez = client.get(f"/people/{corpus['lopez']}").json()
    assert (lopez["first_seen"], lopez["last_seen"]) == ("2024-01-10", today)

    assert client.delete(f"/articles/{corpus['a1']}").status_code == 204
    acme = client.get(f"/organisations/{corpus['acme']}").json()
    assert (acme["first_seen"], acme["last_seen"]) == ("2024-03-05", "2024-03-05")
    lopez = client.get(f"/people/{corpus['lopez']}").json()
    assert (lopez["first_seen"], lopez["last_seen"]) == (today, today)
    assert_consistent(database_url)

    # a2 is Smith's only article: Smith goes, and with him every pair that names him.
    assert client.delete(f"/articles/{corpus['a2']}").status_code == 204
    assert client.get(f"/people/{corpus['smith']}").status_code == 404
    with engine.connect() as conn:
        left = conn.execute(
            text("SELECT count(*) FROM co_mentions WHERE :smith IN (entity_id, other_id)"),
            {"smith": corpus["smith"]},
        ).scalar_one()
        assert left == 0
        assert maintained_problems(conn) == {}
    globex = client.get(f"/organisations/{corpus['globex']}/co-mentions").json()
    assert [(c["name"], c["shared_articles"]) for c in globex["items"]] == [("Maria López", 1)]
    assert globex["total"] == 1


def _old_co_mentions(engine: Engine, entity_id: int, kind: str | None) -> list[tuple]:
    """The aggregate the co-mentions page used to run, in its order."""
    where = " AND e.kind = :kind" if kind else ""
    sql = (
        "SELECT r.other_id, e.name, e.kind, r.shared_articles, r.shared_mentions"
        f" FROM ({CO_MENTIONS_RECOUNT}) r JOIN entities e ON e.id = r.other_id"
        f" WHERE r.entity_id = :id{where}"
        " ORDER BY r.shared_articles DESC, r.shared_mentions DESC, r.other_id"
    )
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(sql), {"id": entity_id, "kind": kind})]


def test_pages_equal_the_old_aggregate(client: TestClient) -> None:
    engine = app_of(client).state.engine
    _store_random(engine, seed=3, count=40)
    for plural, kind in (("people", "person"), ("organisations", "organisation")):
        for entity in client.get(f"/{plural}", params={"limit": 100}).json()["items"]:
            for co_kind in (None, "person", "organisation"):
                expected = _old_co_mentions(engine, entity["id"], co_kind)
                params: dict[str, object] = {"limit": 4}
                if co_kind:
                    params["kind"] = co_kind
                got = []
                for offset in range(0, len(expected) + 4, 4):
                    page = client.get(
                        f"/{plural}/{entity['id']}/co-mentions", params={**params, "offset": offset}
                    ).json()
                    assert page["total"] == len(expected)
                    got += [
                        (c["id"], c["name"], c["kind"], c["shared_articles"], c["shared_mentions"])
                        for c in page["items"]
                    ]
                assert got == expected, (entity["name"], co_kind)
            assert kind == entity["kind"]


def test_migration_backfills_them(database_url: str) -> None:
    """A database at 0102 holding articles, upgraded: the backfill equals what ingest kept."""
    engine = get_engine(database_url)
    load(engine)
    _store_random(engine, seed=11, count=25)
    pairs, seen = _kept(engine)
    assert len(pairs) > 20
    dispose_engine(database_url)
    migrate.downgrade(database_url, "0102")
    plain = create_engine(database_url)
    columns = {c["name"] for c in inspect(plain).get_columns("entities")}
    assert "first_seen" not in columns and not inspect(plain).has_table("co_mentions")
    plain.dispose()
    migrate.upgrade(database_url)
    engine = get_engine(database_url)
    assert _kept(engine) == (pairs, seen)
    _assert_maintained(engine)
    dispose_engine(database_url)


def test_pages_use_indexes_without_sorting(database_url: str, seeded_client: TestClient) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    client = seeded_client
    person = client.get("/people", params={"sort": "-mentions"}).json()["items"][0]["id"]
    organisation = client.get("/organisations").json()["items"][0]["id"]
    urls = [
        f"/people/{person}",
        f"/organisations/{organisation}",
        f"/people/{person}/co-mentions",
        f"/people/{person}/co-mentions?kind=person&limit=5&offset=1",
        f"/people/{person}/co-mentions?kind=organisation",
        f"/organisations/{organisation}/co-mentions?offset=2",
    ]
    plans = query_plans(client, urls)
    co_mention_plans = [p for sql, p in plans.items() if "co_mentions" in sql]
    assert len(co_mention_plans) >= 4  # totals and pages, with and without a kind
    for sql, plan in plans.items():
        assert not any("TEMP B-TREE" in line for line in plan), (sql, plan)
        for line in plan:
            assert line.startswith("SEARCH"), (sql, plan)
        assert "article_entities" not in sql and "GROUP BY" not in sql, sql
    pages = [p for sql, p in plans.items() if "co_mentions" in sql and "LIMIT" in sql]
    assert any("ix_co_mentions_rank" in " ".join(p) for p in pages), pages
    assert any("ix_co_mentions_kind_rank" in " ".join(p) for p in pages), pages


def test_scale_db_recount_equals_a_plain_recount(database_url: str) -> None:
    """bench/scale.py counts co-mentions per original article times its copies: the grown
    database must be what ingesting every copy would have produced."""
    if not database_url.startswith("sqlite"):
        pytest.skip("bench/scale.py grows SQLite files")
    from bench.scale import grow

    engine = get_engine(database_url)
    load(engine)
    _store_random(engine, seed=5, count=6)
    dispose_engine(database_url)
    path = Path(database_url.removeprefix("sqlite:///"))
    conn = sqlite3.connect(path)
    grow(conn, 31, log=lambda *_: None)  # 9 articles: 2 more copies of each, then 4 of 9
    conn.close()
    report = assert_consistent(database_url)
    assert report.articles == 31
    plain = create_engine(database_url)
    with plain.connect() as c:
        most = c.execute(text("SELECT max(shared_articles) FROM co_mentions")).scalar_one()
        assert most >= 4
    plain.dispose()
