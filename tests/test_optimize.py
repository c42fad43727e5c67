"""`python -m app optimize`: merges the search indexes without changing any answer."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app import __main__ as cli
from app.core.db import dispose_engine, get_engine
from app.main import create_app
from tests.conftest import make_settings
from tests.support.corpus import load

QUERIES = ("said", "acme widgets", "part*", '"said the"', "acme OR globex")


def segments(engine: Engine) -> int:
    """Rows of paragraphs_fts' index (structure, segment leaves); one segment after optimize."""
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM paragraphs_fts_data").scalar_one()


def test_optimize_keeps_every_search_answer(
    database_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    engine = get_engine(database_url)
    load(engine)  # one write transaction per article: several index segments
    settings = make_settings(database_url, search_cache_size=0)

    def answers() -> list[dict]:
        with TestClient(create_app(settings)) as client:
            return [
                client.get("/search", params={"q": q, "sort": sort}).json()
                for q in QUERIES
                for sort in ("relevance", "-ingested")
            ]

    before = answers()
    assert all(page["total"] > 0 for page in before)
    sqlite = engine.dialect.name == "sqlite"
    data_rows = segments(engine) if sqlite else 0
    monkeypatch.setattr(cli, "get_settings", lambda: settings)
    assert cli.main(["optimize"]) == 0
    assert "optimized in" in capsys.readouterr().out
    assert answers() == before
    if sqlite:
        assert segments(engine) < data_rows
        with engine.begin() as conn:  # FTS5's own check of the index against the content
            for fts in ("paragraphs_fts", "quotations_fts"):
                conn.exec_driver_sql(
                    f"INSERT INTO {fts} ({fts}, rank) VALUES ('integrity-check', 1)"
                )
    dispose_engine(database_url)
