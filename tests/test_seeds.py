"""Seeds load on first start and never duplicate on restart."""

from __future__ import annotations

from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import make_settings


def test_seeds_loaded_once_across_restarts(database_url: str, seed_texts: dict[str, str]) -> None:
    settings = make_settings(database_url, load_seeds=True)
    with TestClient(create_app(settings)) as client:
        first = client.get("/articles").json()
    assert first["total"] == len(seed_texts) == 2
    with TestClient(create_app(settings)) as client:  # a restart
        second = client.get("/articles").json()
        assert second["total"] == 2
        assert [a["id"] for a in second["items"]] == [a["id"] for a in first["items"]]
        for text in seed_texts.values():
            again = client.post("/articles", json={"text": text})
            assert again.status_code == 200
        assert client.get("/articles").json()["total"] == 2


def test_seed_articles_are_annotated(seeded_client: TestClient) -> None:
    articles = seeded_client.get("/articles").json()["items"]
    by_pars = {a["paragraph_count"]: a for a in articles}
    assert len(by_pars) == 2
    for article in articles:
        people = seeded_client.get(f"/articles/{article['id']}/people").json()
        assert people["total"] > 0
