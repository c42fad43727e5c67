"""Who may write, CORS, security headers, request ids, and errors that leak nothing."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.api.security import DOCS_CSP, STRICT_CSP, is_loopback
from app.main import create_app
from tests.conftest import make_settings

TEXT = "Acme Widgets said on Monday that it would hire 200 people in Leeds."
KEYS = "first-key-0123456789,second-key-abcdef"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    from app.core import migrate

    url = f"sqlite:///{tmp_path / 'sec.db'}"
    migrate.upgrade(url)
    return url


def _client(
    url: str, *, client: tuple[str, int] = ("testclient", 50000), **overrides: object
) -> TestClient:
    return TestClient(create_app(make_settings(url, **overrides)), client=client)


@pytest.fixture
def keyed(database_url: str) -> Iterator[TestClient]:
    with _client(database_url, api_keys=KEYS, client=("203.0.113.7", 4242)) as c:
        yield c


# --- write policy -------------------------------------------------------------------------


def test_with_api_keys_a_write_without_key_is_401(keyed: TestClient) -> None:
    response = keyed.post("/articles", json={"text": TEXT})
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert response.json()["type"].endswith("/unauthorized")
    assert response.json()["request_id"] == response.headers["x-request-id"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert keyed.get("/articles").json()["total"] == 0


@pytest.mark.parametrize(
    "authorization",
    ["Bearer wrong", "Bearer first-key-012345678", "Basic Zmlyc3Qta2V5", "Bearer", "first-key"],
)
def test_with_api_keys_a_wrong_or_malformed_key_is_401(
    keyed: TestClient, authorization: str
) -> None:
    response = keyed.post(
        "/articles", json={"text": TEXT}, headers={"authorization": authorization}
    )
    assert response.status_code == 401, response.text
    assert "Bearer" in response.headers["www-authenticate"]
    assert "first-key" not in response.text and "second-key" not in response.text
    assert keyed.get("/articles").json()["total"] == 0


@pytest.mark.parametrize("key", ["first-key-0123456789", "second-key-abcdef"])
def test_with_api_keys_any_configured_key_may_write(keyed: TestClient, key: str) -> None:
    response = keyed.post(
        "/articles", json={"text": TEXT}, headers={"Authorization": f"Bearer {key}"}
    )
    assert response.status_code == 201, response.text


def test_with_api_keys_reads_stay_public(keyed: TestClient) -> None:
    assert keyed.get("/articles").status_code == 200
    assert keyed.get("/health").status_code == 200
    assert keyed.get("/openapi.json").status_code == 200


def test_every_unsafe_method_is_guarded_even_on_unknown_paths(keyed: TestClient) -> None:
    for method in ("POST", "PUT", "PATCH", "DELETE"):
        assert keyed.request(method, "/no/such/route").status_code == 401, method
        assert keyed.request(method, "/articles/1").status_code == 401, method


def test_without_api_keys_remote_writes_are_403(sqlite_url: str) -> None:
    with _client(sqlite_url, client=("203.0.113.7", 4242)) as remote:
        response = remote.post("/articles", json={"text": TEXT})
        assert response.status_code == 403
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["type"].endswith("/forbidden")
        assert response.json()["request_id"] == response.headers["x-request-id"]
        assert remote.get("/articles").status_code == 200  # reads are public
        assert remote.get("/articles").json()["total"] == 0


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "testclient"])
def test_without_api_keys_loopback_writes_are_accepted(sqlite_url: str, host: str) -> None:
    with _client(sqlite_url, client=(host, 5555)) as local:
        assert local.post("/articles", json={"text": TEXT}).status_code == 201


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("127.255.255.254", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("testclient", True),
        ("10.0.0.1", False),
        ("192.168.1.1", False),
        ("::ffff:10.0.0.1", False),
        ("2001:db8::1", False),
        ("localhost.evil.example", False),
        ("", False),
    ],
)
def test_is_loopback(host: str, local: bool) -> None:
    assert is_loopback((host, 1)) is local
    assert is_loopback(None) is False


def test_openapi_declares_bearer_scheme_on_writes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in ("get", "head", "options"):
                assert "security" not in op, f"{method} {path}"
            else:
                assert {"bearerAuth": []} in op["security"], f"{method} {path}"
                assert {"401", "403"} <= set(op["responses"]), f"{method} {path}"
            for code, response in op["responses"].items():
                if code.startswith(("4", "5")):
                    assert list(response["content"]) == ["application/problem+json"], (
                        f"{method} {path} {code}"
                    )


# --- CORS -----------------------------------------------------------------------------------


def test_cors_is_off_by_default(client: TestClient) -> None:
    response = client.get("/articles", headers={"Origin": "https://news.example"})
    assert "access-control-allow-origin" not in response.headers


def test_cors_when_configured(sqlite_url: str) -> None:
    with _client(sqlite_url, cors_origins="https://news.example") as c:
        ok = c.get("/articles", headers={"Origin": "https://news.example"})
        assert ok.headers["access-control-allow-origin"] == "https://news.example"
        assert "x-request-id" in ok.headers["access-control-expose-headers"].lower()
        preflight = c.options(
            "/articles",
            headers={
                "Origin": "https://news.example",
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "authorization, content-type",
            },
        )
        assert preflight.status_code == 200
        assert "POST" in preflight.headers["access-control-allow-methods"]
        other = c.get("/articles", headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


# --- headers and request ids ---------------------------------------------------------------


@pytest.mark.parametrize("path", ["/articles", "/articles/999", "/health", "/openapi.json"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["content-security-policy"] == STRICT_CSP


def test_docs_csp_lets_the_offline_assets_and_init_script_run(client: TestClient) -> None:
    for path in ("/docs", "/redoc"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == DOCS_CSP
        assert "script-src 'self' 'unsafe-inline'" in DOCS_CSP
        assert "frame-ancestors 'none'" in DOCS_CSP
        assert response.headers["x-frame-options"] == "DENY"
    assert "script-src" not in STRICT_CSP and "default-src 'none'" in STRICT_CSP


def test_request_id_is_generated_and_echoed(client: TestClient) -> None:
    first = client.get("/articles/999")
    second = client.get("/articles/999")
    rid = first.headers["x-request-id"]
    assert len(rid) >= 16 and rid != second.headers["x-request-id"]
    assert first.json()["request_id"] == rid


@pytest.mark.parametrize(
    ("incoming", "kept"),
    [
        ("abc-123", True),
        ("3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b", True),
        ("req.42:edge/7", True),
        ("x" * 129, False),
        ("has space", False),
        ("<script>", False),
        ("-leading-dash", False),
    ],
)
def test_incoming_request_id_kept_only_when_sane(
    client: TestClient, incoming: str, kept: bool
) -> None:
    response = client.get("/articles/0", headers={"X-Request-ID": incoming})
    rid = response.headers["x-request-id"]
    assert (rid == incoming) is kept
    assert response.json()["request_id"] == rid


def test_request_id_in_access_log(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="app.access"):
        client.get("/articles", headers={"X-Request-ID": "trace-me-42"})
    assert any("request_id=trace-me-42" in r.getMessage() for r in caplog.records)


# --- errors leak nothing ------------------------------------------------------------------


def test_unexpected_error_is_a_bare_500_problem(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from app.api.routes import articles

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError(f"secret at {sqlite_url}")

    monkeypatch.setattr(articles.article_queries, "list_articles", boom)
    with _client(sqlite_url) as c, caplog.at_level(logging.ERROR):
        response = c.get("/articles", headers={"X-Request-ID": "boom-1"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"] == "boom-1"
    assert response.headers["x-content-type-options"] == "nosniff"
    body = response.json()
    assert body["request_id"] == "boom-1"
    assert "secret" not in response.text and "sec.db" not in response.text
    assert "Traceback" not in response.text and "/tmp" not in response.text
    assert any("boom-1" in r.getMessage() for r in caplog.records)


def test_validation_errors_do_not_echo_huge_input(client: TestClient) -> None:
    huge_key = "k" * 100_000
    response = client.post("/articles", json={"text": "Words here.", huge_key: "v" * 100_000})
    assert response.status_code == 422
    assert len(response.content) < 4_000
    long_path = client.get("/articles/" + "9" * 50_000)
    assert long_path.status_code == 422
    assert len(long_path.content) < 4_000
    missing = client.get("/nothing/" + "a" * 50_000)
    assert missing.status_code == 404 and len(missing.content) < 4_000


def test_not_modified_is_declared_and_carries_the_headers(client: TestClient) -> None:
    article_id = client.post("/articles", json={"text": TEXT}).json()["id"]
    first = client.get(f"/articles/{article_id}")
    again = client.get(f"/articles/{article_id}", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["x-content-type-options"] == "nosniff"
    assert again.headers["x-request-id"]
    spec = client.get("/openapi.json").json()
    assert "304" in spec["paths"]["/articles/{article_id}"]["get"]["responses"]
    assert "304" not in spec["paths"]["/export/quotations.csv"]["get"]["responses"]


@pytest.mark.parametrize(
    ("path", "body"),
    [("/jobs/ingest", [{"text": TEXT}]), ("/jobs/reannotate", {"articles": "all"})],
)
def test_job_writes_follow_the_write_rules(
    database_url: str, sqlite_url: str, path: str, body: object
) -> None:
    """`/jobs` writes: a key when API_KEYS is set, else loopback only; no job when refused."""
    with _client(database_url, api_keys=KEYS, client=("203.0.113.7", 4242)) as keyed:
        assert keyed.post(path, json=body).status_code == 401
        assert keyed.get("/jobs").json()["total"] == 0
        authorized = {"Authorization": "Bearer second-key-abcdef"}
        assert keyed.post(path, json=body, headers=authorized).status_code == 202
    with _client(sqlite_url, client=("203.0.113.7", 4242)) as remote:
        assert remote.post(path, json=body).status_code == 403
        assert remote.get("/jobs").json()["total"] == 0
    with _client(sqlite_url) as local:
        assert local.post(path, json=body).status_code == 202
