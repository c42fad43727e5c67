"""Keyset paging (`after` / `next_cursor`) walks the same items as offset paging."""

from __future__ import annotations

from fastapi.testclient import TestClient


def _walk(client: TestClient, path: str, limit: int) -> list[int]:
    ids: list[int] = []
    cursor = None
    for _ in range(100):
        query = f"{path}?limit={limit}" + (f"&after={cursor}" if cursor else "")
        page = client.get(query).json()
        ids += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return ids
    raise AssertionError("cursor never ended")


def test_cursor_paging_matches_offset_paging(client: TestClient) -> None:
    for n in range(5):
        text = f'Story {n}.\n\n"It works," said Jane Roe of Acme Corp on day {n}.'
        assert client.post("/articles", json={"text": text}).status_code == 201
    every = [a["id"] for a in client.get("/articles?limit=100").json()["items"]]
    assert len(every) == 5
    assert client.get("/articles?limit=100").json()["next_cursor"] is None
    assert _walk(client, "/articles", 2) == every
    first = client.get("/articles?limit=2").json()
    assert first["next_cursor"] == str(every[1])
    assert first["total"] == 5
    after = client.get(f"/articles?limit=2&after={every[1]}").json()
    offset = client.get("/articles?limit=2&offset=2").json()
    assert after["items"] == offset["items"]
    both = client.get(f"/articles?limit=2&offset=1&after={every[0]}").json()
    assert [a["id"] for a in both["items"]] == every[2:4]
    for offset in range(7):
        page = client.get(f"/articles?limit=2&offset={offset}").json()
        assert [a["id"] for a in page["items"]] == every[offset : offset + 2]
    quotations = [q["id"] for q in client.get("/quotations?limit=100").json()["items"]]
    assert _walk(client, "/quotations", 2) == quotations


def test_bad_cursor_is_422(client: TestClient) -> None:
    response = client.get("/articles?after=abc")
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("application/problem+json")


def test_cursor_past_any_id_is_an_empty_page(client: TestClient) -> None:
    """A 16-digit cursor is well-formed but beyond every (32-bit) id: an empty last page,
    not an integer overflow on PostgreSQL (found by tests/test_fuzz.py)."""
    for path in ("/quotations", "/articles"):
        for extra in ({}, {"kind": "direct"} if path == "/quotations" else {"source": "x"}):
            page = client.get(path, params={"after": "2056297762117010", **extra})
            assert page.status_code == 200, page.text
            assert page.json()["items"] == [] and page.json()["next_cursor"] is None
