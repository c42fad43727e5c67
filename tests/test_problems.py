"""Every error is an RFC 9457 problem+json body (a contract test, as in datasette)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

CASES = [
    ("get", "/articles/0", None, None, 422),
    ("get", "/articles/abc", None, None, 422),
    ("get", "/articles/999", None, None, 404),
    ("get", "/articles?limit=0", None, None, 422),
    ("get", "/articles?limit=101", None, None, 422),
    ("get", "/articles?offset=-1", None, None, 422),
    ("get", "/no/such/path", None, None, 404),
    ("post", "/articles", b'{"text": ', "application/json", 400),
    ("post", "/articles", b"\xff\xfe\x00binary", "text/plain", 400),
    ("post", "/articles", b"<a>x</a>", "application/xml", 415),
    ("post", "/articles", b'{"txt": "hello"}', "application/json", 422),
    ("post", "/articles", b'{"text": 5}', "application/json", 422),
    ("post", "/articles", b'{"text": "  \\n "}', "application/json", 422),
    ("post", "/articles", b'{"text": "1234 !!"}', "application/json", 422),
    ("post", "/articles", b'{"text": "ok text", "extra": 1}', "application/json", 422),
    ("post", "/articles", b"[" * 5000 + b"]" * 5000, "application/json", 400),
    ("delete", "/health", None, None, 405),
]


@pytest.mark.parametrize(("method", "path", "body", "content_type", "status"), CASES)
def test_problem_shape(
    client: TestClient,
    method: str,
    path: str,
    body: bytes | None,
    content_type: str | None,
    status: int,
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = client.request(method, path, content=body, headers=headers)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert {"type", "title", "status", "detail"} <= set(problem)
    assert problem["status"] == status
    assert isinstance(problem["detail"], str) and problem["detail"]
    assert "Traceback" not in response.text
    assert client.get("/articles").json()["total"] == 0  # nothing stored


def test_body_over_limit_is_413(database_url: str) -> None:
    from app.main import create_app
    from tests.conftest import make_settings

    app = create_app(make_settings(database_url, max_article_bytes=1000))
    with TestClient(app) as client:
        response = client.post("/articles", json={"text": "word " * 1000})
        assert response.status_code == 413
        assert response.headers["content-type"] == "application/problem+json"
        assert client.get("/articles").json()["total"] == 0
