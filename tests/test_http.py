"""HTTP niceties: RFC 8288 Link headers on paged responses, ETag and If-None-Match, Allow."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import httpx
from fastapi.testclient import TestClient


def links(response: httpx.Response) -> dict[str, str]:
    header = response.headers.get("link", "")
    return {rel: url for url, rel in re.findall(r'<([^>]*)>;\s*rel="([^"]+)"', header)}


def query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def test_link_next_and_prev_keep_other_parameters(
    client: TestClient, corpus: dict[str, int]
) -> None:
    first = client.get("/articles", params={"source": "Gazette", "sort": "published", "limit": 1})
    rels = links(first)
    assert set(rels) == {"next"}
    assert urlsplit(rels["next"]).path == "/articles"
    assert query(rels["next"]) == {
        "source": ["Gazette"],
        "sort": ["published"],
        "limit": ["1"],
        "offset": ["1"],
    }
    second = client.get(rels["next"])
    assert [a["id"] for a in second.json()["items"]] == [corpus["a3"]]
    assert set(links(second)) == {"prev"}  # last page
    assert query(links(second)["prev"])["offset"] == ["0"]


def test_link_keeps_repeated_parameters(client: TestClient, corpus: dict[str, int]) -> None:
    lopez = corpus["lopez"]
    response = client.get(
        "/articles", params={"person": [lopez, lopez], "limit": 1, "q": "said OR visited"}
    )
    assert response.json()["total"] == 2
    nxt = query(links(response)["next"])
    assert nxt["person"] == [str(lopez), str(lopez)]
    assert nxt["q"] == ["said OR visited"]


def test_link_on_middle_page_and_none_when_one_page(
    client: TestClient, corpus: dict[str, int]
) -> None:
    middle = client.get("/quotations", params={"limit": 1, "offset": 1})
    assert set(links(middle)) == {"next", "prev"}
    assert query(links(middle)["next"])["offset"] == ["2"]
    assert query(links(middle)["prev"])["offset"] == ["0"]
    assert "link" not in client.get("/quotations").headers
    for path in (
        "/people",
        "/organisations",
        "/search?q=said",
        f"/people/{corpus['lopez']}/mentions",
        f"/organisations/{corpus['acme']}/co-mentions",
        f"/articles/{corpus['a1']}/paragraphs",
    ):
        sep = "&" if "?" in path else "?"
        response = client.get(f"{path}{sep}limit=1")
        assert "next" in links(response), path


def test_etag_and_if_none_match(client: TestClient, corpus: dict[str, int]) -> None:
    first = client.get("/articles")
    etag = first.headers["etag"]
    assert etag.startswith('W/"')
    assert client.get("/articles").headers["etag"] == etag  # stable
    for candidate in (etag, etag.removeprefix("W/"), f'"nope", {etag}', "*"):
        again = client.get("/articles", headers={"If-None-Match": candidate})
        assert again.status_code == 304, candidate
        assert again.content == b""
        assert again.headers["etag"] == etag
    assert client.get("/articles", headers={"If-None-Match": '"nope"'}).status_code == 200
    # a change gives a new tag
    client.delete(f"/articles/{corpus['a2']}")
    changed = client.get("/articles", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag


def test_etag_on_html_and_detail_not_on_errors_or_streams(
    client: TestClient, corpus: dict[str, int]
) -> None:
    for path in (f"/articles/{corpus['a1']}", f"/articles/{corpus['a1']}/view", "/people"):
        response = client.get(path)
        assert "etag" in response.headers, path
        assert (
            client.get(path, headers={"If-None-Match": response.headers["etag"]}).status_code == 304
        )
    assert "etag" not in client.get("/articles/999").headers
    assert "etag" not in client.get("/export/quotations.csv").headers
    assert "etag" not in client.get("/export/articles.jsonl").headers


def test_405_allow_lists_every_method_of_the_resource(client: TestClient) -> None:
    # RFC 9110: Allow names every method the resource supports, not those of one route
    for method, path, allowed in (
        ("PUT", "/articles", "GET, POST"),
        ("OPTIONS", "/articles/1", "DELETE, GET"),
        ("DELETE", "/health", "GET"),
        ("POST", "/people/1/co-mentions", "GET"),
    ):
        response = client.request(method, path)
        assert response.status_code == 405, (method, path)
        assert response.headers["allow"] == allowed, (method, path)
        assert response.headers["content-type"] == "application/problem+json"
