"""The query endpoints are documented: every parameter described, examples for every format."""

from __future__ import annotations

from fastapi.testclient import TestClient

NEW_OPERATIONS = {
    "list_people",
    "list_organisations",
    "get_person",
    "get_organisation",
    "list_person_articles",
    "list_person_quotations",
    "list_person_mentions",
    "list_person_co_mentions",
    "list_organisation_articles",
    "list_organisation_quotations",
    "list_organisation_mentions",
    "list_organisation_co_mentions",
    "search",
    "export_quotations_csv",
    "export_quotations_jsonl",
    "export_articles_jsonl",
    "view_article",
    "delete_article",
}


def test_every_parameter_is_described(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    seen = set()
    for path, item in spec["paths"].items():
        for method, op in item.items():
            seen.add(op["operationId"])
            for p in op.get("parameters", []):
                assert p.get("description"), f"{method.upper()} {path} {p['name']}"
    assert not NEW_OPERATIONS - seen, NEW_OPERATIONS - seen


def test_formats_have_examples(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()["paths"]
    ok = {
        "/export/quotations.csv": "text/csv",
        "/export/quotations.jsonl": "application/x-ndjson",
        "/export/articles.jsonl": "application/x-ndjson",
        "/articles/{article_id}/view": "text/html",
    }
    for path, media_type in ok.items():
        assert "example" in spec[path]["get"]["responses"]["200"]["content"][media_type], path
    sort = next(p for p in spec["/people"]["get"]["parameters"] if p["name"] == "sort")
    assert sort["schema"]["enum"] == ["name", "-mentions", "-articles", "-quotations"]
