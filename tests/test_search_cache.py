"""The search result cache (app/api/result_cache.py): repeated searches are served from it, and
any write, by this process or another one, is seen by the very next search."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from anyio import CapacityLimiter
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlmodel import Session

from app.api.result_cache import ResultCache
from app.api.search_execution import Offload, cached_read
from app.core import migrate
from app.core.db import dispose_engine
from app.main import create_app
from tests.conftest import app_of, make_settings

PLAIN = {"content-type": "text/plain; charset=utf-8"}
ZEBRA = (
    "Zebra crossings to be repainted\n\nBy Ann Lee\n\n"
    "The council said on Monday that every zebra crossing in the town would be repainted.\n\n"
    '"Zebra crossings save lives," said Mayor John Smith.\n'
)


@pytest.fixture
def two_workers(database_url: str) -> Iterator[tuple[TestClient, TestClient]]:
    """Two app instances on one database, as two uvicorn workers would be."""
    with (
        TestClient(create_app(make_settings(database_url))) as a,
        TestClient(create_app(make_settings(database_url, migrate_on_start=False))) as b,
    ):
        yield a, b
    if database_url.startswith("sqlite"):
        dispose_engine(database_url)


def _generation(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        value = conn.execute(text("SELECT value FROM counters WHERE name = 'generation'"))
        generation = value.scalar_one()
    engine.dispose()
    return generation


def test_writes_by_another_worker_are_seen_at_once(
    two_workers: tuple[TestClient, TestClient], database_url: str
) -> None:
    a, b = two_workers
    cache = app_of(a).state.search_cache
    assert a.get("/search", params={"q": "zebra"}).json()["total"] == 0
    assert a.get("/search", params={"q": "zebra"}).json()["total"] == 0
    assert cache.hits == 1  # the repeat came from the cache

    before = _generation(database_url)
    created = b.post("/articles", content=ZEBRA.encode(), headers=PLAIN)
    assert created.status_code == 201
    assert _generation(database_url) > before

    page = a.get("/search", params={"q": "zebra"}).json()
    assert page["total"] == 4  # two paragraphs, one direct and one reported quotation
    assert {hit["type"] for hit in page["items"]} == {"paragraph", "quotation"}
    assert all("<mark>" in hit["snippet"] for hit in page["items"])
    assert a.get("/search", params={"q": "zebra"}).json() == page
    assert cache.hits == 2

    assert b.delete(f"/articles/{created.json()['id']}").status_code == 204
    assert a.get("/search", params={"q": "zebra"}).json()["total"] == 0


def test_the_same_text_posted_again_is_not_a_write(
    two_workers: tuple[TestClient, TestClient], database_url: str
) -> None:
    a, b = two_workers
    assert b.post("/articles", content=ZEBRA.encode(), headers=PLAIN).status_code == 201
    generation = _generation(database_url)
    assert a.get("/search", params={"q": "council"}).json()["total"] == 1
    assert (
        b.post("/articles", content=ZEBRA.encode(), headers=PLAIN).status_code == 200
    )  # already stored
    assert _generation(database_url) == generation
    assert a.get("/search", params={"q": "council"}).json()["total"] == 1


def test_pages_and_queries_are_cached_apart(client: TestClient) -> None:
    assert client.post("/articles", content=ZEBRA.encode(), headers=PLAIN).status_code == 201
    first = client.get("/search", params={"q": "zebra", "limit": 1}).json()
    second = client.get("/search", params={"q": "zebra", "limit": 1, "offset": 1}).json()
    assert first["items"] != second["items"]
    assert client.get("/search", params={"q": "council"}).json()["total"] == 1
    assert client.get("/search", params={"q": "repainted"}).json()["total"] == 2
    assert client.get("/search", params={"q": "council OR lives"}).json()["total"] == 3


def test_cache_can_be_turned_off(database_url: str) -> None:
    settings = make_settings(database_url, search_cache_size=0)
    with TestClient(create_app(settings)) as client:
        assert client.post("/articles", content=ZEBRA.encode(), headers=PLAIN).status_code == 201
        for _ in range(3):
            assert client.get("/search", params={"q": "zebra"}).json()["total"] == 4
        cache = app_of(client).state.search_cache
        assert cache.hits == 0 and cache.misses == 0
    if database_url.startswith("sqlite"):
        dispose_engine(database_url)


def test_cached_reads_never_wait_for_the_pool_on_the_event_loop(tmp_path: Path) -> None:
    """Six cached reads at once on a one-connection pool. Each miss holds the connection in
    the thread pool until its request ends on the loop; a generation read that took a pooled
    connection on the loop would block the loop itself (TimeoutError after 2 s). The loop's
    read uses a connection of its own, so the misses just take turns."""
    url = f"sqlite:///{tmp_path / 'pool.db'}"
    migrate.upgrade(url)
    engine = create_engine(url, pool_size=1, max_overflow=0, pool_timeout=2)
    cache: ResultCache[int] = ResultCache(8)

    async def read(i: int) -> int:
        def compute(session: Session) -> int:
            session.execute(text("SELECT count(*) FROM articles")).scalar_one()
            time.sleep(0.1)  # a slow search, holding the session's connection
            return i

        offload = Offload(CapacityLimiter(4))  # no inline attempt: every miss offloaded
        return await cached_read(engine, cache, i, compute, offload=offload)

    async def main() -> list[int]:
        return list(await asyncio.gather(*(read(i) for i in range(6))))

    assert asyncio.run(main()) == list(range(6))
    assert asyncio.run(main()) == list(range(6))  # all cached now
    assert cache.hits == 6
    engine.dispose()
