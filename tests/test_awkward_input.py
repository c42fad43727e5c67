"""Any user query string is safe: a 400 problem or a plain-words search, never a 500."""

from __future__ import annotations

from fastapi.testclient import TestClient

AWKWARD = [
    '"',
    '""',
    "*",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(zebra growing, 2)",
    "zebra AND",
    "((zebra",
    "zebra)",
    "^zebra",
    "zebra:*",
    "col:zebra",
    "a & b | !c <-> d",
    "'",
    "don't",
    "😀",
    "zebra 😀",
    "\x00",
    "zebra\x00\x01\x1f",
    "\u202e\u200b",
    "x" * 10_000,
    "zebra " * 1_700,  # ~10 kB of words
    "-",
    "\\",
    "%_",
    "é" * 50,
]
ENDPOINTS = [
    ("/search", "q"),
    ("/articles", "q"),
    ("/quotations", "q"),
    ("/quotations", "speaker_name"),
    ("/people", "q"),
    ("/organisations", "q"),
    ("/export/quotations.csv", "q"),
    ("/export/articles.jsonl", "q"),
]


def test_awkward_query_strings(client: TestClient, corpus: dict[str, int]) -> None:
    for value in AWKWARD:
        for path, name in ENDPOINTS:
            response = client.get(path, params={name: value})
            where = f"{path}?{name}={value[:20]!r}"
            assert response.status_code in (200, 400, 422), where
            if response.status_code != 200:
                assert response.headers["content-type"] == "application/problem+json", where
                assert response.json()["status"] == response.status_code


def test_query_without_words_matches_nothing(client: TestClient, corpus: dict[str, int]) -> None:
    for value in ('"', "*", "😀", "AND", "()", "zebra" * 30):
        response = client.get("/search", params={"q": value})
        assert response.status_code == 200, value
        assert response.json()["items"] == [] and response.json()["total"] == 0, value
        for path in ("/articles", "/quotations"):
            assert client.get(path, params={"q": value}).json()["total"] == 0, (path, value)
    assert client.get("/articles", params={"q": "zebra"}).json()["total"] == 1


def test_operators_are_plain_words(client: TestClient, corpus: dict[str, int]) -> None:
    # Broken FTS syntax is searched as the words it holds.
    body = client.get("/search", params={"q": 'zebra) "economy'}).json()
    assert body["total"] >= 1
    assert client.get("/articles", params={"q": "zebra)"}).json()["total"] == 1
    long_words = client.get("/articles", params={"q": "zebra " * 1_700}).json()
    assert long_words["total"] == 1
