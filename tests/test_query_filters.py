"""Article and quotation filters, and sorts, on the hand-annotated corpus."""

from __future__ import annotations

from fastapi.testclient import TestClient


def article_ids(client: TestClient, **params: object) -> list[int]:
    response = client.get("/articles", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return [a["id"] for a in body["items"]]


def quotation_texts(client: TestClient, **params: object) -> list[str]:
    response = client.get("/quotations", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["items"])
    return [q["text"] for q in body["items"]]


def test_article_filters(client: TestClient, corpus: dict[str, int]) -> None:
    a1, a2, a3 = corpus["a1"], corpus["a2"], corpus["a3"]
    assert article_ids(client) == [a1, a2, a3]
    assert article_ids(client, q="zebra") == [a1]
    assert article_ids(client, q="GROWING") == [a1]
    assert article_ids(client, q="grow*") == [a1]  # prefix
    assert article_ids(client, q='"historic partnership"') == [a2]
    assert article_ids(client, q='"partnership historic"') == []
    assert article_ids(client, q="zebra OR partnership") == [a1, a2]
    assert article_ids(client, q="zebra partnership") == []  # all words
    assert article_ids(client, person=corpus["lopez"]) == [a1, a3]
    assert article_ids(client, person=[corpus["lopez"], corpus["smith"]]) == []
    assert article_ids(client, organisation=[corpus["acme"], corpus["globex"]]) == [a2]
    assert article_ids(client, person=corpus["smith"], organisation=corpus["globex"]) == [a2]
    assert article_ids(client, person=corpus["acme"]) == []  # an organisation is no person
    assert article_ids(client, source="Gazette") == [a1, a3]
    assert article_ids(client, source="gazette") == []  # exact
    assert article_ids(client, published_from="2024-02-01") == [a2]
    assert article_ids(client, published_to="2024-02-01") == [a1]
    assert article_ids(client, published_from="2024-01-10", published_to="2024-03-05") == [a1, a2]
    assert article_ids(client, q="deal", source="Gazette") == []


def test_article_sorts(client: TestClient, corpus: dict[str, int]) -> None:
    a1, a2, a3 = corpus["a1"], corpus["a2"], corpus["a3"]
    assert article_ids(client, sort="-published") == [a2, a1, a3]  # undated last
    assert article_ids(client, sort="published") == [a1, a2, a3]
    assert article_ids(client, sort="-ingested") == [a3, a2, a1]
    assert client.get("/articles", params={"sort": "title"}).status_code == 422


def test_quotation_filters(client: TestClient, corpus: dict[str, int]) -> None:
    growing = "We are growing faster than expected"
    zebra = "the zebra economy was strong"
    partnership = "This is a historic partnership"
    script = "the <script>alert(1)</script> test was a success"
    assert quotation_texts(client) == [growing, zebra, partnership, script]
    assert quotation_texts(client, speaker=corpus["lopez"]) == [growing, script]
    assert quotation_texts(client, speaker_name="LOPEZ") == [growing, script]
    assert quotation_texts(client, speaker_name="maría") == [growing, script]
    assert quotation_texts(client, speaker_name="analysts") == [zebra]  # free label
    assert quotation_texts(client, speaker_name="%") == []
    assert quotation_texts(client, article=corpus["a2"]) == [partnership]
    assert quotation_texts(client, kind="indirect") == [zebra, script]
    assert quotation_texts(client, q="growing") == [growing]
    assert quotation_texts(client, q="alert success") == [script]
    assert quotation_texts(client, published_from="2024-02-01") == [partnership]
    assert quotation_texts(client, published_to="2024-02-01") == [growing, zebra]
    assert quotation_texts(client, speaker=corpus["lopez"], kind="direct") == [growing]
    assert client.get("/quotations", params={"kind": "rumour"}).status_code == 422


def test_quotation_items_carry_speaker_article_and_paragraph(
    client: TestClient, corpus: dict[str, int]
) -> None:
    items = client.get("/quotations", params={"article": corpus["a1"]}).json()["items"]
    first, second = items
    lopez = {"id": corpus["lopez"], "name": "Maria López", "type": "person", "named": True}
    assert first["speaker"] == lopez
    # a free label: named only as far as the annotator said (tests/corpus.py says nothing)
    assert second["speaker"] == {"id": None, "name": "analysts", "type": "other", "named": None}
    assert first["article_title"] == "Acme hires in Leeds"
    assert first["published"] == "2024-01-10"
    assert (first["paragraph"], second["paragraph"]) == (2, 3)


def test_search_hits_have_snippets_article_and_paragraph(
    client: TestClient, corpus: dict[str, int]
) -> None:
    body = client.get("/search", params={"q": "partnership"}).json()
    assert body["total"] == 2
    by_type = {hit["type"]: hit for hit in body["items"]}
    assert set(by_type) == {"paragraph", "quotation"}
    for hit in body["items"]:
        assert hit["article_id"] == corpus["a2"]
        assert hit["article_title"] == "Acme and Globex sign a deal"
        assert hit["paragraph"] == 2
        assert "<mark>partnership</mark>" in hit["snippet"]
    assert by_type["quotation"]["quotation_id"] is not None
    assert by_type["paragraph"]["quotation_id"] is None


def test_search_snippets_are_escaped(client: TestClient, corpus: dict[str, int]) -> None:
    hits = client.get("/search", params={"q": "alert"}).json()["items"]
    assert hits
    for hit in hits:
        assert "<script>" not in hit["snippet"]
        assert "&lt;/script&gt;" in hit["snippet"]
        assert "<mark>alert</mark>" in hit["snippet"]


def test_search_paging_and_requires_q(client: TestClient, corpus: dict[str, int]) -> None:
    everything = client.get("/search", params={"q": "said", "limit": 100}).json()
    assert everything["total"] == len(everything["items"]) >= 4
    page = client.get("/search", params={"q": "said", "limit": 2, "offset": 2}).json()
    assert page["items"] == everything["items"][2:4]
    assert client.get("/search").status_code == 422
