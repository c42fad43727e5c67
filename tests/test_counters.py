"""Maintained counters (migration 0101) always equal the COUNT(*) they replace."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.annotate.types import AnnotatedArticle, Entity, Mention, Metadata, Paragraph, Quotation
from app.core.counters import COUNTED, recount_sql
from app.core.db import get_engine
from app.ingest import store_article


def _article(n: int) -> tuple[str, AnnotatedArticle]:
    body = f'"We will win," said Jane Roe{n}. Acme{n} agreed.'
    name = f"Jane Roe{n}"
    start = body.index(name)
    annotation = AnnotatedArticle(
        Metadata(),
        [Paragraph(1, 0, len(body), body)],
        [Entity("person", name, name.casefold(), [name]), Entity("organisation", "Acme", "acme")],
        [Mention(0, 1, start, start + len(name), name)],
        [
            Quotation(
                paragraph=1,
                spans=[(1, 13)],
                text="We will win,",
                kind="direct",
                cue="said",
                speaker_entity=0,
                speaker_label=name,
                speaker_type="person",
            )
        ],
    )
    return body, annotation


def _check(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, value FROM counters")).all()
        kept = {name: value for name, value in rows if name in COUNTED}
        actual = {name: conn.execute(text(sql)).scalar_one() for name, sql in COUNTED.items()}
    engine.dispose()
    assert kept == actual
    return kept


def test_counters_follow_inserts_and_cascaded_deletes(database_url: str) -> None:
    engine = get_engine(database_url)
    assert _check(database_url) == dict.fromkeys(COUNTED, 0)
    for n in range(3):
        store_article(engine, text=_article(n)[0], annotation=_article(n)[1])
    store_article(engine, text=_article(0)[0], annotation=_article(0)[1])  # already stored
    counts = _check(database_url)
    assert counts["articles"] == 3
    assert counts["quotations"] == 3
    assert counts["entities:person"] == 3
    assert counts["entities:organisation"] == 1
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)"))
        conn.execute(text("DELETE FROM entities WHERE kind = 'organisation'"))
    counts = _check(database_url)
    assert counts["articles"] == 2
    assert counts["quotations"] == 2
    assert counts["entities:organisation"] == 0
    people = counts["entities:person"]
    with engine.begin() as conn:  # a re-decided kind moves the entity between counters
        conn.execute(
            text(
                "UPDATE entities SET kind = 'organisation' WHERE id = (SELECT"
                " min(id) FROM entities WHERE kind = 'person')"
            )
        )
    counts = _check(database_url)
    assert (counts["entities:person"], counts["entities:organisation"]) == (people - 1, 1)
    with engine.begin() as conn:
        for sql in recount_sql():
            conn.execute(text(sql))
    assert _check(database_url) == counts


def test_page_totals_come_from_counters(client: TestClient) -> None:
    for n in range(2):
        assert client.post("/articles", json={"text": _article(n)[0]}).status_code == 201
    assert client.get("/articles").json()["total"] == 2
    assert client.get("/health").json()["articles"] == 2
