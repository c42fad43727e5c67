"""Test fixtures: real databases migrated by Alembic, real HTTP through TestClient.

Every test that takes `database_url` runs on a fresh SQLite file and, when TEST_DATABASE_URL
points at a reachable PostgreSQL server, again on PostgreSQL (else that case is skipped).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.core import migrate
from app.core.config import PROJECT_ROOT, Settings
from app.core.db import dispose_engine
from app.main import create_app

SHARED = PROJECT_ROOT.parent / "shared"
SEED_DIR = PROJECT_ROOT / "seeds"
TABLES = (
    "job_items",
    "jobs",
    "entity_days",
    "entity_months",
    "corpus_days",
    "source_totals",
    "corpus_periods",
    "entity_quotations",
    "co_mentions",
    "quotations",
    "mentions",
    "article_entities",
    "paragraphs",
    "entities",
    "articles",
)


def _postgres_server_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL") or None


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throw-away PostgreSQL database, migrated once for the session."""
    server = _postgres_server_url()
    if server is None:
        pytest.skip("PostgreSQL tests need TEST_DATABASE_URL (set by .ci/run)")
    url = make_url(server)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    name = f"annews_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # unreachable server, bad credentials
        admin.dispose()
        pytest.skip(f"PostgreSQL at {url.host}:{url.port} is not usable: {exc.__class__.__name__}")
    test_url = url.set(database=name).render_as_string(hide_password=False)
    migrate.upgrade(test_url)
    yield test_url
    dispose_engine(test_url)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _truncate(url: str) -> None:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database of each backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        migrate.upgrade(url)
        return url
    url = request.getfixturevalue("postgres_url")
    _truncate(url)
    return url


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, Any] = {
        "database_url": database_url,
        "load_seeds": False,
        "seed_dir": SEED_DIR,
        "migrate_on_start": True,
        "worker_in_server": "off",  # tests that want one turn it on
    }
    values.update(overrides)
    return Settings(**values)


def app_of(client: TestClient) -> FastAPI:
    """The app behind a TestClient (which types it as any ASGI app)."""
    assert isinstance(client.app, FastAPI)
    return client.app


@pytest.fixture
def client(database_url: str) -> Iterator[TestClient]:
    """A client on an empty database."""
    with TestClient(create_app(make_settings(database_url))) as test_client:
        yield test_client
    if database_url.startswith("sqlite"):
        dispose_engine(database_url)


@pytest.fixture
def seeded_client(database_url: str) -> Iterator[TestClient]:
    """A client on a database holding the two seed articles."""
    with TestClient(create_app(make_settings(database_url, load_seeds=True))) as test_client:
        yield test_client
    if database_url.startswith("sqlite"):
        dispose_engine(database_url)


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt"))}


@pytest.fixture
def corpus(client: TestClient) -> dict[str, int]:
    """The hand-annotated corpus of tests/support/corpus.py stored through `client`'s app: ids
    of the articles (a1, a2, a3) and of the entities (lopez, smith, acme, globex)."""
    from tests.support.corpus import load

    ids = load(app_of(client).state.engine)
    for plural in ("people", "organisations"):
        for item in client.get(f"/{plural}", params={"limit": 100}).json()["items"]:
            key = {
                "Maria López": "lopez",
                "John Smith": "smith",
                "Acme Widgets": "acme",
                "Globex Corp": "globex",
            }[item["name"]]
            ids[key] = item["id"]
    return ids
