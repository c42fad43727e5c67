"""Every article endpoint over real HTTP on a real, migrated database."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient

ARTICLE = (
    "Acme Widgets hires 200 in Leeds\n\n"
    "By Jane Reporter\n\n"
    "Acme Widgets said on Monday that it would hire 200 people at its Leeds plant.\n\n"
    '"We are growing faster than we expected," said Maria Lopez, the chief executive of '
    "Acme Widgets.\n\n"
    "Lopez added that the new jobs would be filled by March.\n"
)


def post(client: TestClient, text: str = ARTICLE, **fields: object) -> httpx.Response:
    return client.post("/articles", json={"text": text, **fields})


def test_post_creates_then_returns_existing(client: TestClient) -> None:
    first = post(client)
    assert first.status_code == 201, first.text
    body = first.json()
    assert first.headers["location"] == f"/articles/{body['id']}"
    assert body["text"] == ARTICLE
    assert body["paragraph_count"] >= 3
    second = post(client)
    assert second.status_code == 200
    assert second.json()["id"] == body["id"]
    listing = client.get("/articles").json()
    assert listing["total"] == 1


def test_post_text_plain_body(client: TestClient) -> None:
    response = client.post(
        "/articles", content=ARTICLE.encode(), headers={"content-type": "text/plain; charset=utf-8"}
    )
    assert response.status_code == 201, response.text
    again = post(client)
    assert again.status_code == 200 and again.json()["id"] == response.json()["id"]


def test_caller_metadata_overrides(client: TestClient) -> None:
    body = post(
        client,
        title="Given title",
        source="Example Gazette",
        url="https://example.org/a",
        published="2024-05-06",
    ).json()
    assert body["title"] == "Given title"
    assert body["source"] == "Example Gazette"
    assert body["url"] == "https://example.org/a"
    assert body["published"] == "2024-05-06"


def test_article_listing_and_paging(client: TestClient) -> None:
    ids = [post(client, f"{ARTICLE}\nVariant {i} of the story.").json()["id"] for i in range(3)]
    page = client.get("/articles", params={"limit": 2, "offset": 1}).json()
    assert page["total"] == 3 and page["limit"] == 2 and page["offset"] == 1
    assert [item["id"] for item in page["items"]] == ids[1:3]
    assert set(page["items"][0]) >= {"id", "title", "authors", "source", "published"}


def test_article_detail_and_sub_resources(client: TestClient) -> None:
    article = post(client).json()
    article_id = article["id"]
    detail = client.get(f"/articles/{article_id}").json()
    assert detail["id"] == article_id and detail["text"] == ARTICLE

    paragraphs = client.get(f"/articles/{article_id}/paragraphs").json()
    assert paragraphs["total"] == detail["paragraph_count"] == len(paragraphs["items"])
    for p in paragraphs["items"]:
        assert ARTICLE[p["start"] : p["end"]] == p["text"]
    numbers = [p["number"] for p in paragraphs["items"]]
    assert numbers == list(range(1, len(numbers) + 1))

    people = client.get(f"/articles/{article_id}/people").json()
    names = {p["name"] for p in people["items"]}
    assert "Maria Lopez" in names
    assert all(p["kind"] == "person" for p in people["items"])
    orgs = client.get(f"/articles/{article_id}/organisations").json()
    assert "Acme Widgets" in {o["name"] for o in orgs["items"]}

    quotations = client.get(f"/articles/{article_id}/quotations").json()
    for q in quotations["items"]:
        assert q["kind"] in {"direct", "indirect", "mixed"}
        assert " ".join(ARTICLE[s:e] for s, e in q["spans"]) == q["text"]


def test_paragraph_detail_has_annotations_with_offsets(client: TestClient) -> None:
    article_id = post(client).json()["id"]
    paragraphs = client.get(f"/articles/{article_id}/paragraphs").json()["items"]
    seen_mentions = 0
    for p in paragraphs:
        detail = client.get(f"/articles/{article_id}/paragraphs/{p['number']}").json()
        assert detail["text"] == p["text"]
        for m in detail["mentions"]:
            assert p["start"] <= m["start"] < m["end"] <= p["end"]
            assert ARTICLE[m["start"] : m["end"]] == m["text"]
            seen_mentions += 1
        for q in detail["quotations"]:
            assert q["paragraph"] == p["number"]
    assert seen_mentions > 0


def test_entities_and_quotations_collections(client: TestClient) -> None:
    post(client)
    people = client.get("/people").json()
    assert people["total"] >= 1
    person = people["items"][0]
    detail = client.get(f"/people/{person['id']}").json()
    assert detail["id"] == person["id"] and detail["article_count"] == 1
    assert detail["first_seen"] is not None

    orgs = client.get("/organisations").json()
    assert orgs["total"] >= 1
    org = client.get(f"/organisations/{orgs['items'][0]['id']}").json()
    assert org["kind"] == "organisation"
    # an organisation id is not a person
    assert client.get(f"/people/{org['id']}").status_code == 404

    quotations = client.get("/quotations").json()
    assert quotations["total"] == len(quotations["items"])
    for q in quotations["items"]:
        assert client.get(f"/quotations/{q['id']}").json()["text"] == q["text"]


def test_same_person_across_articles_is_one_entity(client: TestClient) -> None:
    post(client)
    post(client, "Maria Lopez opened a second plant in York.\n\nLopez said it cost a lot.")
    people = client.get("/people", params={"limit": 100}).json()["items"]
    lopez = [p for p in people if p["name"] == "Maria Lopez"]
    assert len(lopez) == 1 and lopez[0]["article_count"] == 2


def test_unknown_ids_are_404(client: TestClient) -> None:
    for path in (
        "/articles/999",
        "/articles/999/paragraphs",
        "/articles/999/paragraphs/1",
        "/articles/999/people",
        "/articles/999/organisations",
        "/articles/999/quotations",
        "/people/999",
        "/organisations/999",
        "/quotations/999",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
    article_id = post(client).json()["id"]
    assert client.get(f"/articles/{article_id}/paragraphs/99").status_code == 404


def test_health(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok" and body["database"] == "ok" and body["articles"] == 0


def test_posted_quotations_say_whether_the_speaker_is_named(client: TestClient) -> None:
    text = (
        "Ferry contract in doubt\n\n"
        "Port traffic fell by a third in March, harbour master Ines Kalder said on Monday.\n\n"
        "Officials familiar with the talks said the ferry contract would be cancelled.\n"
    )
    article = post(client, text).json()
    quotes = client.get("/quotations", params={"article": article["id"]}).json()["items"]
    assert [(q["speaker"]["name"], q["speaker"]["named"]) for q in quotes] == [
        ("Ines Kalder", True),
        ("Officials familiar with the talks", False),
    ]
    stats = client.get("/stats/quotations", params={"group_by": "speaker_type"}).json()
    groups = {g["key"]: g["quotations"] for g in stats["groups"]}
    assert (groups["person"], groups["unnamed"]) == (1, 1)
