"""/search `sort` and `type`, and how a search that misses the cache runs (loop or thread)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from anyio import CapacityLimiter
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session

from app.api.result_cache import ResultCache
from app.api.search_execution import UNFINISHED, InlineGate, Offload, cached_read, run_within
from app.core import migrate
from app.core.db import dispose_engine, get_engine
from app.main import create_app
from app.queries.fts import HIGHLIGHT_START, HIGHLIGHT_STOP, excerpt
from tests.conftest import make_settings


def _hits(client: TestClient, **params: object) -> list[tuple[str, int, int]]:
    body = client.get("/search", params={"limit": 100, **params}).json()
    assert body["total"] == len(body["items"])
    return [(h["type"], h["article_id"], h["paragraph"]) for h in body["items"]]


def test_sort_ingested_is_reverse_stored_order(client: TestClient, corpus: dict[str, int]) -> None:
    """Newest article first, its last paragraph first; same hits as relevance order."""
    ranked = _hits(client, q="said")
    latest = _hits(client, q="said", sort="-ingested")
    assert sorted(latest) == sorted(ranked) and len(latest) >= 4
    keys = [(-article, -paragraph, kind) for kind, article, paragraph in latest]
    assert keys == sorted(keys)
    assert latest[0][1] == max(corpus[name] for name in ("a1", "a2", "a3"))


def test_sort_ingested_pages_tile_the_whole_list(
    client: TestClient, corpus: dict[str, int]
) -> None:
    whole = client.get("/search", params={"q": "said", "sort": "-ingested", "limit": 100}).json()
    pages = []
    for offset in range(0, whole["total"], 2):
        page = client.get(
            "/search", params={"q": "said", "sort": "-ingested", "limit": 2, "offset": offset}
        ).json()
        assert page["total"] == whole["total"]
        pages += page["items"]
    assert pages == whole["items"]


def test_type_keeps_one_kind_of_hit(client: TestClient, corpus: dict[str, int]) -> None:
    both = _hits(client, q="partnership")
    for kind in ("paragraph", "quotation"):
        for sort in ("relevance", "-ingested"):
            only = _hits(client, q="partnership", type=kind, sort=sort)
            assert only == [hit for hit in both if hit[0] == kind] != []


def test_bad_sort_or_type_is_a_422_problem(client: TestClient) -> None:
    for params in ({"sort": "newest"}, {"type": "article"}):
        response = client.get("/search", params={"q": "x", **params})
        assert response.status_code == 422
        assert response.headers["content-type"] == "application/problem+json"


def test_searches_out_of_inline_time_finish_in_the_thread_pool(tmp_path: Path) -> None:
    """With no time on the loop every miss is interrupted there and run again in the thread
    pool: the pages are the same as when they all finish inline."""
    url = f"sqlite:///{tmp_path / 'inline.db'}"
    from tests.support.corpus import load

    migrate.upgrade(url)
    load(get_engine(url))
    pages = {}
    for inline_ms in (1000.0, 1e-6):
        settings = make_settings(url, search_inline_ms=inline_ms, search_cache_size=0)
        with TestClient(create_app(settings)) as client:
            pages[inline_ms] = [
                client.get("/search", params={"q": q, "sort": sort}).json()
                for q in ("said", "partnership", "zebra OR acme")
                for sort in ("relevance", "-ingested")
            ]
    assert pages[1000.0] == pages[1e-6]
    assert all(page["total"] > 0 for page in pages[1e-6])
    dispose_engine(url)


SLOW = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT max(i) FROM n"


def test_run_within_interrupts_at_the_deadline_and_leaves_the_connection_usable(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'deadline.db'}"
    migrate.upgrade(url)
    engine = get_engine(url)

    def endless(conn: sqlite3.Connection) -> int:
        return conn.execute(SLOW).fetchone()[0]

    def quick(conn: sqlite3.Connection) -> int:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    assert run_within(engine, endless, 0.01) is UNFINISHED
    assert run_within(engine, quick, 0.5) == 0  # same connection, handler removed
    assert run_within(engine, quick, 0) is UNFINISHED  # 0: never inline
    dispose_engine(url)


def test_a_miss_out_of_inline_time_is_cached_like_any_other(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'miss.db'}"
    migrate.upgrade(url)
    engine = get_engine(url)
    cache: ResultCache[int] = ResultCache(4)
    calls: list[str] = []

    def inline(conn: sqlite3.Connection) -> int:
        calls.append("loop")
        conn.execute(SLOW).fetchall()  # runs out of time
        return 8

    def compute(session: Session) -> int:
        calls.append("pool")
        return session.execute(text("SELECT 7")).scalar_one()

    async def read() -> int:
        offload = Offload(CapacityLimiter(1), InlineGate(0.01))
        return await cached_read(engine, cache, "k", compute, offload=offload, inline=inline)

    assert asyncio.run(read()) == 7 and calls == ["loop", "pool"]
    assert asyncio.run(read()) == 7 and calls == ["loop", "pool"]  # a hit
    dispose_engine(url)


def test_a_search_that_overran_goes_straight_to_the_thread_pool_next_time(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'gate.db'}"
    migrate.upgrade(url)
    engine = get_engine(url)
    loop_thread = threading.get_ident()
    ran: list[tuple[str, str]] = []

    def inline_for(key: str) -> Callable[[sqlite3.Connection], int]:
        def inline(conn: sqlite3.Connection) -> int:
            assert threading.get_ident() == loop_thread
            ran.append((key, "loop"))
            if key == "slow":
                conn.execute(SLOW).fetchall()
            return conn.execute("SELECT 7").fetchone()[0]

        return inline

    def compute_for(key: str) -> Callable[[Session], int]:
        def compute(session: Session) -> int:
            assert threading.get_ident() != loop_thread
            ran.append((key, "pool"))
            return session.execute(text("SELECT 7")).scalar_one()

        return compute

    async def read(offload: Offload, key: str) -> int:
        return await cached_read(
            engine,
            ResultCache(0),
            key,
            compute_for(key),
            offload=offload,
            inline=inline_for(key),
        )

    async def scenario() -> None:
        offload = Offload(CapacityLimiter(1), InlineGate(0.01))
        assert await read(offload, "slow") == 7
        assert await read(offload, "slow") == 7
        assert await read(offload, "fast") == 7

    asyncio.run(scenario())
    assert ran == [("slow", "loop"), ("slow", "pool"), ("slow", "pool"), ("fast", "loop")]
    dispose_engine(url)


def test_the_inline_gate_bounds_the_loop_time_lost_to_overruns() -> None:
    now = [0.0]
    gate = InlineGate(0.01, share=0.1, burst=2, remember=2, clock=lambda: now[0])
    assert gate.admits("a")
    gate.overran("a")
    assert not gate.admits("a") and gate.admits("b")  # "a" is known to be slow
    gate.overran("b")
    assert not gate.admits("c")  # two deadlines lost in a burst: nothing inline for now
    now[0] += 0.1  # drains 0.1 * 0.1 = 0.01 s of debt
    assert gate.admits("c")
    gate.overran("c")  # remembers two keys: "a" is forgotten
    now[0] += 1.0
    assert gate.admits("a") and not gate.admits("b") and not gate.admits("c")
    assert not InlineGate(0).admits("a")  # 0: never inline


def mark(word: str) -> str:
    return HIGHLIGHT_START + word + HIGHLIGHT_STOP


def test_excerpt_keeps_short_texts_whole() -> None:
    text_ = f"Short text with a {mark('match')}."
    assert excerpt(text_) == text_


def test_excerpt_cuts_long_texts_around_the_densest_matches_in_whole_words() -> None:
    words = " ".join(f"w{i}" for i in range(200))
    text_ = f"{mark('alone')} {words} {mark('one')} and {mark('two')} {words}"
    cut = excerpt(text_, chars=120, lead=30)
    assert cut.startswith("… ") and cut.endswith(" …")
    assert mark("one") in cut and mark("two") in cut and mark("alone") not in cut
    body = cut.removeprefix("… ").removesuffix(" …")
    assert body in text_
    assert text_[text_.index(body) - 1] == " "  # starts at a word
    assert len(body) <= 120 + 10


def test_excerpt_never_cuts_inside_a_match() -> None:
    text_ = "x " * 40 + mark("a" * 30) + " tail" * 40
    cut = excerpt(text_, chars=100, lead=10)
    assert cut.count(HIGHLIGHT_START) == cut.count(HIGHLIGHT_STOP) == 1
