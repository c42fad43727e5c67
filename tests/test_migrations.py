"""Alembic owns the schema: upgrade and downgrade run cleanly and match the models."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Row, create_engine, inspect
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.core import migrate


def test_upgrade_downgrade_upgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    migrate.upgrade(url)
    engine = create_engine(url)
    tables = set(inspect(engine).get_table_names())
    assert {"articles", "paragraphs", "entities", "mentions", "quotations"} <= tables
    migrate.downgrade(url, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(url)
    assert {"articles", "quotations"} <= set(inspect(engine).get_table_names())
    engine.dispose()


def test_models_match_migrations(database_url: str) -> None:
    engine = create_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": migrate.include_object}),
            SQLModel.metadata,
        )
    engine.dispose()
    assert diff == []


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    from app.core.db import make_engine

    url = f"sqlite:///{tmp_path / 'w.db'}"
    migrate.upgrade(url)
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()


def test_search_migrations_down_and_up_keep_data(database_url: str) -> None:
    """0003 -> 0001 -> head with articles stored: rows survive, search columns are rebuilt."""
    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from app.core.db import dispose_engine, get_engine
    from app.main import create_app
    from tests.conftest import make_settings
    from tests.support.corpus import load

    load(get_engine(database_url))
    migrate.downgrade(database_url, "0001")
    engine = create_engine(database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM entities")).scalar_one() == 4
        assert conn.execute(text("SELECT count(*) FROM mentions")).scalar_one() > 0
        columns = {c["name"] for c in inspect(conn).get_columns("entities")}
        assert "search_text" not in columns
        assert not any("_fts" in name for name in inspect(conn).get_table_names())
    engine.dispose()
    dispose_engine(database_url)
    migrate.upgrade(database_url)
    with TestClient(create_app(make_settings(database_url))) as client:
        assert client.get("/people", params={"q": "lopez"}).json()["total"] == 1
        assert client.get("/search", params={"q": "partnership"}).json()["total"] == 2


def test_stable_ids_migration_keeps_every_row(database_url: str) -> None:
    """0104 -> head rebuilds articles, entities and quotations on SQLite (AUTOINCREMENT): every
    row of every table survives with its id, references hold and search still finds them."""
    from fastapi.testclient import TestClient
    from sqlalchemy import text

    from app.core.db import dispose_engine, get_engine
    from app.main import create_app
    from tests.conftest import make_settings
    from tests.support.corpus import load

    tables = ("articles", "paragraphs", "entities", "article_entities", "mentions", "quotations")

    columns: dict[str, str] = {}

    def snapshot() -> dict[str, list[Row[Any]]]:
        """Every row, with the columns the tables had at 0104 (later migrations add some;
        0107 makes entity keys kind-free, so the key is left out)."""
        engine = create_engine(database_url)
        with engine.connect() as conn:
            for t in tables:
                found = [c["name"] for c in inspect(conn).get_columns(t) if c["name"] != "key"]
                columns.setdefault(t, ", ".join(f'"{c}"' for c in found))
            rows = {
                t: list(conn.execute(text(f"SELECT {columns[t]} FROM {t} ORDER BY 1, 2")))
                for t in tables
            }
            if conn.dialect.name == "sqlite":
                assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        engine.dispose()
        return rows

    load(get_engine(database_url))
    dispose_engine(database_url)
    migrate.downgrade(database_url, "0104")
    before = snapshot()
    assert all(before.values())
    migrate.upgrade(database_url, "0105")  # later revisions may add columns
    assert snapshot() == before
    migrate.upgrade(database_url)
    with TestClient(create_app(make_settings(database_url))) as client:
        assert client.get("/search", params={"q": "partnership"}).json()["total"] == 2
        quotation = client.get("/quotations").json()["items"][0]
        assert client.get(f"/quotations/{quotation['id']}").json() == quotation
