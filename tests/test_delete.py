"""DELETE /articles/{id}: everything of the article goes, counters stay true, no orphans."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from tests.conftest import app_of
from tests.support.integrity import maintained_problems

RECOUNT = """
SELECT e.id, e.mention_count, e.article_count, e.quotation_count,
  (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id),
  (SELECT count(*) FROM article_entities ae WHERE ae.entity_id = e.id),
  (SELECT count(*) FROM quotations q WHERE q.speaker_id = e.id)
FROM entities e
"""
ORPHANS = {
    "paragraphs": "SELECT count(*) FROM paragraphs"
    " WHERE article_id NOT IN (SELECT id FROM articles)",
    "mentions": "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
    " OR paragraph_id NOT IN (SELECT id FROM paragraphs)"
    " OR entity_id NOT IN (SELECT id FROM entities)",
    "quotations": "SELECT count(*) FROM quotations"
    " WHERE article_id NOT IN (SELECT id FROM articles)"
    " OR paragraph_id NOT IN (SELECT id FROM paragraphs)",
    "article_entities": "SELECT count(*) FROM article_entities"
    " WHERE article_id NOT IN (SELECT id FROM articles)"
    " OR entity_id NOT IN (SELECT id FROM entities)",
    "unnamed entities": "SELECT count(*) FROM entities e WHERE NOT EXISTS"
    " (SELECT 1 FROM article_entities ae WHERE ae.entity_id = e.id)",
    "co_mentions": "SELECT count(*) FROM co_mentions"
    " WHERE entity_id NOT IN (SELECT id FROM entities)"
    " OR other_id NOT IN (SELECT id FROM entities)",
}


def assert_consistent(engine: Engine) -> None:
    with engine.connect() as conn:
        for row in conn.execute(text(RECOUNT)):
            entity_id, mentions, articles, quotes, *recount = row
            assert [mentions, articles, quotes] == recount, f"entity {entity_id}"
        assert maintained_problems(conn) == {}
        for name, sql in ORPHANS.items():
            assert conn.execute(text(sql)).scalar_one() == 0, name
        if engine.dialect.name == "sqlite":
            for table in ("paragraphs", "quotations"):
                fts = f"{table}_fts"
                # raises if the index and its content table disagree
                conn.execute(text(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)"))
                indexed = conn.execute(text(f"SELECT count(*) FROM {fts}_docsize")).scalar_one()
                rows = conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
                assert indexed == rows, fts


def test_delete_article(client: TestClient, corpus: dict[str, int]) -> None:
    engine = app_of(client).state.engine
    assert_consistent(engine)
    assert client.get("/search", params={"q": "partnership"}).json()["total"] == 2

    response = client.delete(f"/articles/{corpus['a2']}")
    assert response.status_code == 204 and response.content == b""

    assert client.get(f"/articles/{corpus['a2']}").status_code == 404
    assert client.delete(f"/articles/{corpus['a2']}").status_code == 404
    assert client.get("/articles").json()["total"] == 2
    assert client.get("/search", params={"q": "partnership"}).json()["total"] == 0
    assert client.get("/quotations", params={"article": corpus["a2"]}).json()["total"] == 0
    # Smith was only in a2: gone. Acme and Globex lose a2's mentions.
    assert client.get(f"/people/{corpus['smith']}").status_code == 404
    acme = client.get(f"/organisations/{corpus['acme']}").json()
    assert (acme["mention_count"], acme["article_count"]) == (1, 1)
    globex = client.get(f"/organisations/{corpus['globex']}").json()
    assert (globex["mention_count"], globex["article_count"], globex["quotation_count"]) == (
        1,
        1,
        0,
    )
    assert_consistent(engine)

    assert client.delete(f"/articles/{corpus['a1']}").status_code == 204
    lopez = client.get(f"/people/{corpus['lopez']}").json()
    assert (lopez["mention_count"], lopez["article_count"], lopez["quotation_count"]) == (1, 1, 1)
    assert client.delete(f"/articles/{corpus['a3']}").status_code == 204
    assert_consistent(engine)
    assert client.get("/people").json()["total"] == 0
    assert client.get("/organisations").json()["total"] == 0
    assert client.get("/search", params={"q": "said"}).json()["total"] == 0


def test_delete_annotated_seed_keeps_counts_true(seeded_client: TestClient) -> None:
    engine = app_of(seeded_client).state.engine
    assert_consistent(engine)
    first, second = (a["id"] for a in seeded_client.get("/articles").json()["items"])
    assert seeded_client.delete(f"/articles/{first}").status_code == 204
    assert_consistent(engine)
    people = seeded_client.get("/people", params={"limit": 100}).json()["items"]
    assert people and all(p["article_count"] == 1 for p in people)
    assert seeded_client.delete(f"/articles/{second}").status_code == 204
    assert_consistent(engine)
    assert seeded_client.get("/people").json()["total"] == 0


def test_delete_unknown_or_invalid_id(client: TestClient) -> None:
    assert client.delete("/articles/999").status_code == 404
    assert client.delete("/articles/0").status_code == 422


def test_ids_of_deleted_rows_are_never_reused(client: TestClient) -> None:
    """Deleting the newest article (and with it the only article naming an entity and its
    quotation) must not hand its ids to the next article: clients keep links by id."""
    from app.ingest import store_article
    from tests.support.corpus import Doc, Quote, build

    engine = app_of(client).state.engine

    def store(i: int, name: str, key: str) -> tuple[int, int, int]:
        doc = Doc(
            f"r{i}",
            f"Story {i}",
            "Wire",
            None,
            [f"{name} spoke on day {i}.", f'"Fine {i}," said {name}.'],
            [Quote(2, f"Fine {i}", key)],
        )
        text, annotation = build(doc)
        article_id = store_article(engine, text=text, annotation=annotation)[0]
        quotation = client.get("/quotations", params={"article": article_id}).json()["items"]
        return article_id, quotation[0]["speaker"]["id"], quotation[0]["id"]

    first = store(1, "John Smith", "smith")
    assert client.delete(f"/articles/{first[0]}").status_code == 204
    assert client.get(f"/people/{first[1]}").status_code == 404
    second = store(2, "Maria López", "lopez")
    assert all(new > old for new, old in zip(second, first, strict=True)), (first, second)
    assert client.get(f"/articles/{first[0]}").status_code == 404
    assert client.get(f"/quotations/{first[2]}").status_code == 404


def test_concurrent_ingest_and_delete_keep_counts_true(client: TestClient) -> None:
    """Writers racing on the same new entities, and deletes racing with them, all succeed
    (a write that loses a race is retried) and leave true counters."""
    from concurrent.futures import ThreadPoolExecutor

    from app.ingest import delete_article, store_article
    from tests.support.corpus import Doc, Quote, build

    engine = app_of(client).state.engine

    def doc(i: int) -> Doc:
        return Doc(
            f"c{i}",
            f"Story {i}",
            "Wire",
            None,
            [f"Acme Widgets and Globex Corp met John Smith on day {i}.", '"Fine," said Smith.'],
            [Quote(2, "Fine", "smith")],
        )

    def store(i: int) -> int:
        text, annotation = build(doc(i))
        return store_article(engine, text=text, annotation=annotation)[0]

    with ThreadPoolExecutor(max_workers=6) as pool:
        ids = list(pool.map(store, range(12)))
        list(pool.map(lambda a: delete_article(engine, article_id=a), ids[:6]))
        more = list(pool.map(store, range(12, 18)))
    assert len(set(ids + more)) == 18
    assert_consistent(engine)
    smith = client.get("/people", params={"q": "smith"}).json()["items"][0]
    assert (smith["article_count"], smith["quotation_count"]) == (12, 12)
