"""Streamed exports: CSV and JSON Lines, with the list endpoints' filters."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient

from app.api.export_streams import QUOTATION_COLUMNS
from app.queries.export_batches import iter_quotations
from app.queries.where_clauses import QuotationFilters
from tests.conftest import app_of


def test_quotations_csv(client: TestClient, corpus: dict[str, int]) -> None:
    response = client.get("/export/quotations.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(csv.reader(io.StringIO(response.text)).__next__()) == QUOTATION_COLUMNS
    listed = client.get("/quotations", params={"limit": 100}).json()["items"]
    assert [int(r["id"]) for r in rows] == [q["id"] for q in listed]
    script = next(r for r in rows if "script" in r["text"])
    assert script["text"] == "the <script>alert(1)</script> test was a success"
    assert script["speaker_name"] == "Maria López"
    first = rows[0]
    assert first["article_title"] == "Acme hires in Leeds" and first["published"] == "2024-01-10"


def test_quotations_csv_honours_filters(client: TestClient, corpus: dict[str, int]) -> None:
    for params in (
        {"speaker": corpus["lopez"]},
        {"kind": "indirect"},
        {"q": "partnership"},
        {"published_from": "2024-02-01"},
        {"speaker_name": "analysts"},
    ):
        rows = list(
            csv.DictReader(io.StringIO(client.get("/export/quotations.csv", params=params).text))
        )
        listed = client.get("/quotations", params=params).json()["items"]
        assert [int(r["id"]) for r in rows] == [q["id"] for q in listed], params
    empty = client.get("/export/quotations.csv", params={"article": 999})
    assert list(csv.reader(io.StringIO(empty.text))) == [list(QUOTATION_COLUMNS)]
    no_words = client.get("/export/quotations.csv", params={"q": "*"})  # matches nothing
    assert list(csv.reader(io.StringIO(no_words.text))) == [list(QUOTATION_COLUMNS)]


def test_quotations_jsonl(client: TestClient, corpus: dict[str, int]) -> None:
    response = client.get("/export/quotations.jsonl", params={"speaker": corpus["lopez"]})
    assert response.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in response.text.splitlines()]
    listed = client.get("/quotations", params={"speaker": corpus["lopez"]}).json()["items"]
    assert lines == listed


def test_articles_jsonl_with_annotations(client: TestClient, corpus: dict[str, int]) -> None:
    response = client.get("/export/articles.jsonl", params={"person": corpus["lopez"]})
    articles = [json.loads(line) for line in response.text.splitlines()]
    assert [a["id"] for a in articles] == [corpus["a1"], corpus["a3"]]
    a1 = articles[0]
    assert a1["title"] == "Acme hires in Leeds"
    assert len(a1["paragraphs"]) == a1["paragraph_count"] == 3
    assert {p["name"] for p in a1["people"]} == {"Maria López"}
    assert {o["name"] for o in a1["organisations"]} == {"Acme Widgets"}
    assert len(a1["quotations"]) == a1["quotation_count"] == 2
    for m in a1["mentions"]:
        assert a1["text"][m["start"] : m["end"]] == m["text"]
    everything = client.get("/export/articles.jsonl").text.splitlines()
    assert len(everything) == 3
    assert len(client.get("/export/articles.jsonl", params={"q": "zebra"}).text.splitlines()) == 1


def test_export_batches_by_keyset(client: TestClient, corpus: dict[str, int]) -> None:
    from sqlmodel import Session

    with Session(app_of(client).state.engine) as session:
        batches = list(iter_quotations(session, filters=QuotationFilters(), batch_size=1))
    assert [len(b) for b in batches] == [1, 1, 1, 1]
    ids = [q.id for b in batches for q in b]
    assert ids == sorted(ids)


def test_an_entity_the_corpus_takes_for_neither_is_left_out(client: TestClient) -> None:
    # "GMT" after a time is neither a person nor an organisation: its entity only votes
    text = (
        "Markets close early\n\nTrading closed at 1630 GMT on Friday, the Zurich exchange said.\n"
    )
    article_id = client.post("/articles", json={"text": text}).json()["id"]
    assert client.get(f"/articles/{article_id}").status_code == 200
    orgs = client.get(f"/articles/{article_id}/organisations").json()["items"]
    assert "GMT" not in {o["name"] for o in orgs}
    lines = client.get("/export/articles.jsonl").text.splitlines()
    exported = [json.loads(line) for line in lines]
    assert any(a["id"] == article_id for a in exported)
    for a in exported:
        assert all(
            e["kind"] in ("person", "organisation") for e in a["people"] + a["organisations"]
        )
