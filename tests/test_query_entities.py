"""People and organisations across articles: filters, sorts, detail and sub-collections."""

from __future__ import annotations

import httpx
from fastapi.testclient import TestClient


def names(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [item["name"] for item in response.json()["items"]]


def test_counts_on_every_item(client: TestClient, corpus: dict[str, int]) -> None:
    people = {p["name"]: p for p in client.get("/people").json()["items"]}
    lopez = people["Maria López"]
    assert (lopez["mention_count"], lopez["article_count"], lopez["quotation_count"]) == (3, 2, 2)
    smith = people["John Smith"]
    assert (smith["mention_count"], smith["article_count"], smith["quotation_count"]) == (2, 1, 1)
    orgs = {o["name"]: o for o in client.get("/organisations").json()["items"]}
    assert (orgs["Globex Corp"]["mention_count"], orgs["Globex Corp"]["article_count"]) == (3, 2)
    assert orgs["Acme Widgets"]["quotation_count"] == 0


def test_sorts(client: TestClient, corpus: dict[str, int]) -> None:
    assert names(client.get("/people", params={"sort": "name"})) == ["John Smith", "Maria López"]
    for sort in ("-mentions", "-articles", "-quotations"):
        assert names(client.get("/people", params={"sort": sort})) == [
            "Maria López",
            "John Smith",
        ], sort
    assert names(client.get("/organisations", params={"sort": "-mentions"})) == [
        "Globex Corp",
        "Acme Widgets",
    ]
    assert client.get("/people", params={"sort": "mentions"}).status_code == 422


def test_q_is_case_and_accent_insensitive_on_names_and_aliases(
    client: TestClient, corpus: dict[str, int]
) -> None:
    for q in ("lopez", "LÓPEZ", "maría", "MARIA LOP", "smi"):
        found = names(client.get("/people", params={"q": q}))
        assert len(found) == 1, q
    assert names(client.get("/people", params={"q": "maría"})) == ["Maria López"]
    assert names(client.get("/organisations", params={"q": "globex"})) == ["Globex Corp"]
    for q in ("%", "_", "nobody", "lopez\x00x", "😀"):
        assert names(client.get("/people", params={"q": q})) == [], q
    assert len(names(client.get("/people", params={"q": " \x00 "}))) == 2  # blank: no filter


def test_article_filter(client: TestClient, corpus: dict[str, int]) -> None:
    assert names(client.get("/people", params={"article": corpus["a2"]})) == ["John Smith"]
    assert names(client.get("/organisations", params={"article": corpus["a1"]})) == ["Acme Widgets"]
    both = client.get("/people", params={"article": corpus["a1"], "q": "smith"})
    assert names(both) == []


def test_person_detail(client: TestClient, corpus: dict[str, int]) -> None:
    body = client.get(f"/people/{corpus['lopez']}").json()
    assert set(body["aliases"]) == {"Maria López", "López", "María López"}
    assert body["first_seen"] == "2024-01-10"
    assert body["last_seen"] >= "2024-01-10"
    assert (body["mention_count"], body["article_count"], body["quotation_count"]) == (3, 2, 2)


def test_entity_articles(client: TestClient, corpus: dict[str, int]) -> None:
    page = client.get(f"/people/{corpus['lopez']}/articles").json()
    assert page["total"] == 2
    assert [a["id"] for a in page["items"]] == [corpus["a1"], corpus["a3"]]  # undated last
    first = page["items"][0]
    assert first["title"] == "Acme hires in Leeds"
    assert (first["mention_count"], first["quotation_count"]) == (2, 1)
    assert set(first["aliases"]) == {"Maria López", "López"}
    orgs = client.get(f"/organisations/{corpus['globex']}/articles").json()
    assert [a["id"] for a in orgs["items"]] == [corpus["a2"], corpus["a3"]]


def test_entity_quotations(client: TestClient, corpus: dict[str, int]) -> None:
    page = client.get(f"/people/{corpus['lopez']}/quotations").json()
    assert page["total"] == 2
    for q in page["items"]:
        assert q["speaker"]["id"] == corpus["lopez"]
        assert q["article_title"] and q["paragraph"] == 2
    assert client.get(f"/organisations/{corpus['acme']}/quotations").json()["total"] == 0


def test_entity_mentions_have_their_paragraph(client: TestClient, corpus: dict[str, int]) -> None:
    page = client.get(f"/people/{corpus['lopez']}/mentions").json()
    assert page["total"] == 3
    for m in page["items"]:
        at = m["paragraph_offset"]
        assert m["paragraph_text"][at : at + len(m["text"])] == m["text"]
        assert m["end"] - m["start"] == len(m["text"])
    assert {m["text"] for m in page["items"]} == {"Maria López", "López", "María López"}
    assert page["items"][0]["article_title"] == "Acme hires in Leeds"


def test_co_mentions(client: TestClient, corpus: dict[str, int]) -> None:
    page = client.get(f"/organisations/{corpus['acme']}/co-mentions").json()
    by_name = {c["name"]: c for c in page["items"]}
    assert set(by_name) == {"Maria López", "John Smith", "Globex Corp"}
    assert by_name["Globex Corp"]["shared_articles"] == 1
    assert by_name["Globex Corp"]["shared_mentions"] == 2  # twice in a2
    lopez = client.get(f"/people/{corpus['lopez']}/co-mentions").json()
    assert {c["name"]: c["shared_articles"] for c in lopez["items"]} == {
        "Acme Widgets": 1,
        "Globex Corp": 1,
    }
    only_people = client.get(f"/people/{corpus['lopez']}/co-mentions", params={"kind": "person"})
    assert only_people.json()["total"] == 0
    smith = client.get(f"/people/{corpus['smith']}/co-mentions", params={"kind": "organisation"})
    assert [c["name"] for c in smith.json()["items"]] == ["Globex Corp", "Acme Widgets"]


def test_sub_collections_404_for_unknown_or_wrong_kind(
    client: TestClient, corpus: dict[str, int]
) -> None:
    for suffix in ("", "/articles", "/quotations", "/mentions", "/co-mentions"):
        for path in (
            f"/people/999{suffix}",
            f"/people/{corpus['acme']}{suffix}",
            f"/organisations/{corpus['lopez']}{suffix}",
        ):
            response = client.get(path)
            assert response.status_code == 404, path
            assert response.headers["content-type"] == "application/problem+json"
