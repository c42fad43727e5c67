"""Many clients at once against a real server process (uvicorn, two workers, loopback).

The same new text posted 20 times at once is stored exactly once; ingests of different texts
mixed with reads never surface "database is locked" or any 5xx. Threads + httpx, bounded loops.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator

import httpx
import pytest

from tests.support.live_server import LiveServer, start_server

SAME_TEXT = (
    "Dunmore council approves ferry terminal\n\n"
    "The Dunmore Harbour Board said on Tuesday that it had approved a new ferry terminal.\n\n"
    '"This will change the town," said Nora Quinn, the chair of the Harbour Board.\n'
)
CLIENTS = 20
WRITERS, TEXTS_PER_WRITER, READERS, READS_PER_READER = 4, 5, 4, 40


def _text(i: int) -> str:
    return (
        f"Story {i}: Leeds market opens its stall number {i}\n\n"
        f"Acme Widgets said on Monday that stall {i} would open in Leeds next week.\n\n"
        f'"We expect {i * 10} visitors," said Maria Lopez, the chief executive of Acme Widgets.\n'
    )


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    """One two-worker server per backend for the module (starting one costs seconds)."""
    tmp = tmp_path_factory.mktemp("live")
    if request.param == "sqlite":
        url = f"sqlite:///{tmp / 'live.db'}"
    else:
        from tests.conftest import _truncate

        url = request.getfixturevalue("postgres_url")
        _truncate(url)
    live = start_server(url, tmp / "server.log", workers=2)
    try:
        yield live
    finally:
        live.stop()


def _total(server: LiveServer) -> int:
    return httpx.get(f"{server.base_url}/articles", params={"limit": 1}).json()["total"]


def test_same_new_text_posted_at_once_is_stored_once(server: LiveServer) -> None:
    before = _total(server)
    barrier = threading.Barrier(CLIENTS)
    results: list[tuple[int, int | None]] = []
    lock = threading.Lock()

    def post() -> None:
        with httpx.Client(base_url=server.base_url, timeout=120) as client:
            barrier.wait(timeout=30)
            response = client.post("/articles", json={"text": SAME_TEXT})
            article_id = response.json().get("id") if response.status_code < 300 else None
            with lock:
                results.append((response.status_code, article_id))

    threads = [threading.Thread(target=post) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    statuses = Counter(status for status, _ in results)
    print(f"\nsame text x{CLIENTS}: statuses {dict(statuses)}")
    assert len(results) == CLIENTS
    assert statuses == {201: 1, 200: CLIENTS - 1}, statuses
    assert len({article_id for _, article_id in results}) == 1
    assert _total(server) == before + 1
    assert "database is locked" not in server.log()


def test_concurrent_ingests_and_reads_never_lock_or_fail(server: LiveServer) -> None:
    before = _total(server)
    statuses: Counter[str] = Counter()
    failures: list[str] = []
    lock = threading.Lock()
    writers_done = threading.Event()
    start = threading.Barrier(WRITERS + READERS)

    def record(kind: str, response: httpx.Response) -> None:
        with lock:
            statuses[f"{kind} {response.status_code}"] += 1
            if response.status_code >= 500 or "database is locked" in response.text:
                failures.append(f"{kind} {response.status_code} {response.text[:200]}")

    def writer(w: int) -> None:
        with httpx.Client(base_url=server.base_url, timeout=120) as client:
            start.wait(timeout=30)
            for k in range(TEXTS_PER_WRITER):
                record("POST", client.post("/articles", json={"text": _text(w * 100 + k)}))

    def reader(r: int) -> None:
        paths = ["/articles", "/health", "/people", "/quotations", "/search?q=Leeds"]
        with httpx.Client(base_url=server.base_url, timeout=120) as client:
            start.wait(timeout=30)
            for n in range(READS_PER_READER):  # bounded, whether or not the writers are done
                if writers_done.is_set() and n >= READS_PER_READER // 2:
                    break
                record("GET", client.get(paths[(r + n) % len(paths)]))

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(WRITERS)]
    readers = [threading.Thread(target=reader, args=(r,)) for r in range(READERS)]
    for thread in threads + readers:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    writers_done.set()
    for thread in readers:
        thread.join(timeout=120)

    total = sum(statuses.values())
    print(f"\nmixed: {total} requests, statuses {dict(statuses)}, errors {len(failures)}")
    assert not failures, failures[:5]
    assert statuses["POST 201"] == WRITERS * TEXTS_PER_WRITER
    assert sum(v for k, v in statuses.items() if k.startswith("GET")) >= READERS
    assert all(k in ("POST 201", "GET 200") for k in statuses), statuses
    assert _total(server) == before + WRITERS * TEXTS_PER_WRITER
    log = server.log()
    assert "database is locked" not in log and "Traceback" not in log, log[-2000:]


def test_writers_racing_on_the_same_new_people_keep_counts_exact(database_url: str) -> None:
    """In process, no HTTP: eight writers store different articles naming the same new people
    and organisation at the same moment. No unique violation, no deadlock, no lost update."""
    from app.annotate import annotate
    from app.core.db import get_engine
    from app.ingest import store_article
    from tests.support.integrity import assert_consistent

    texts = [_text(900 + i) for i in range(8)]
    annotations = [annotate(t) for t in texts]  # outside the race, as the API does
    engine = get_engine(database_url)
    barrier = threading.Barrier(len(texts))
    results: list[tuple[int, bool]] = []
    errors: list[BaseException] = []

    def write(i: int) -> None:
        barrier.wait(timeout=30)
        try:
            results.append(store_article(engine, text=texts[i], annotation=annotations[i]))
        except BaseException as exc:  # collected, asserted below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    assert sorted(created for _, created in results) == [True] * len(texts)
    report = assert_consistent(database_url)
    assert report.articles == len(texts)
    from sqlalchemy import text as sql

    with engine.connect() as conn:
        counts = conn.execute(sql("SELECT max(article_count) FROM entities")).scalar_one()
    assert counts == len(texts)  # the shared people were counted once per article
