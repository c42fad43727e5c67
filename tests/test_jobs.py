"""Jobs end to end: a 50-article ingest job done by the server's own worker (SQLite) or by 2
worker processes (PostgreSQL) stores exactly what the synchronous `POST /articles` stores; the
queue's claim, lease, attempts and outcomes, tested directly and under concurrency."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import update
from sqlmodel import col

from app.core.db import dispose_engine, get_engine
from app.jobs import queue
from app.jobs.queue import LeaseLost
from app.jobs.worker import WorkerConfig, process, run_worker
from app.main import create_app
from app.models import JobItem
from tests.conftest import _truncate, make_settings
from tests.support.integrity import assert_consistent
from tests.support.jobs import article, query, start_worker, stop_worker, wait_until_finished
from tests.support.snapshot import differences, snapshot

JOB = 50


def _poll(client: TestClient, location: str, *, timeout: float = 180) -> dict[str, Any]:
    """Poll the job as a client would, with If-None-Match: 304 until something changes."""
    seen: list[int] = []
    etag = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = client.get(location, headers={"if-none-match": etag} if etag else {})
        if response.status_code == 304:
            time.sleep(0.05)
            continue
        assert response.status_code == 200, response.text
        etag = response.headers["etag"]
        job = response.json()
        seen.append(job["processed"])
        if job["status"] in ("done", "failed"):
            assert seen == sorted(seen), "counts only move forward"
            return job
    raise AssertionError(f"job at {location} did not finish")


def _run_job(database_url: str, tmp_path: Path, articles: list[dict[str, Any]]) -> dict[str, Any]:
    """Submit the job over HTTP; SQLite: the server's worker thread does it; PostgreSQL: two
    `python -m app worker` processes, stopped with SIGTERM afterwards."""
    sqlite = database_url.startswith("sqlite")
    settings = make_settings(database_url, worker_in_server="on" if sqlite else "off")
    workers = None if sqlite else start_worker(database_url, tmp_path / "w.log", processes=2)
    try:
        with TestClient(create_app(settings)) as client:
            response = client.post("/jobs/ingest", json=articles)
            assert response.status_code == 202, response.text
            assert response.headers["location"] == f"/jobs/{response.json()['id']}"
            job = _poll(client, response.headers["location"])
            listed = client.get(f"/jobs/{job['id']}/articles", params={"limit": 100}).json()
    finally:
        if workers is not None:
            assert stop_worker(workers) == 0, (tmp_path / "w.log").read_text()
    job["articles"] = listed
    return job


def test_ingest_job_stores_what_the_synchronous_path_stores(
    database_url: str, tmp_path: Path
) -> None:
    articles = [article(i) for i in range(JOB)]
    articles[7] = articles[3]  # a repeat within the job: found, not stored twice
    job = _run_job(database_url, tmp_path, articles)
    assert job["status"] == "done" and not job["errors"]
    assert (job["total"], job["processed"], job["failed"]) == (JOB, JOB, 0)
    assert (job["created"], job["existing"]) == (JOB - 1, 1)
    assert job["started_at"] and job["finished_at"]
    listed = job["articles"]
    assert listed["total"] == JOB and listed["items"][7]["id"] == listed["items"][3]["id"]
    assert assert_consistent(database_url).articles == JOB - 1
    by_job = snapshot(database_url)

    sync_url = _empty_like(database_url, tmp_path)
    with TestClient(create_app(make_settings(sync_url))) as client:
        for item in articles:
            assert client.post("/articles", json=item).status_code in (200, 201)
    by_post = snapshot(sync_url)
    assert by_job == by_post, differences(by_job, by_post)


def _empty_like(database_url: str, tmp_path: Path) -> str:
    """Another empty database of the same backend (PostgreSQL: the same one, emptied)."""
    if database_url.startswith("sqlite"):
        from app.core import migrate

        url = f"sqlite:///{tmp_path / 'sync.db'}"
        migrate.upgrade(url)
        return url
    dispose_engine(database_url)
    _truncate(database_url)
    return database_url


# --- the queue, directly ---------------------------------------------------------------------

CONFIG = WorkerConfig(lease_seconds=300, max_attempts=3, poll_seconds=0.05)


def _submit(database_url: str, n: int) -> int:
    return queue.submit(
        get_engine(database_url), "ingest", [{"payload": article(i)} for i in range(n)]
    )


def test_concurrent_claims_never_share_an_item(database_url: str) -> None:
    """Eight threads claim as fast as they can: each item is claimed exactly once."""
    engine = get_engine(database_url)
    _submit(database_url, 120)
    claimed: list[int] = []
    lock = threading.Lock()

    def claimer(k: int) -> None:
        while (item := queue.claim(engine, worker=f"t{k}", lease_seconds=300)) is not None:
            with lock:
                claimed.append(item.id)

    threads = [threading.Thread(target=claimer, args=(k,)) for k in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(claimed) == 120 and len(set(claimed)) == 120
    assert queue.claim(engine, worker="late", lease_seconds=300) is None
    assert query(database_url, "SELECT count(*) FROM jobs WHERE status = 'running'")[0][0] == 1


def test_expired_lease_returns_the_item_and_the_old_claim_cannot_finish(
    database_url: str,
) -> None:
    engine = get_engine(database_url)
    job_id = _submit(database_url, 1)
    first = queue.claim(engine, worker="a", lease_seconds=300)
    assert first is not None and first.attempts == 1
    assert queue.claim(engine, worker="b", lease_seconds=300) is None  # held
    _expire(database_url)
    second = queue.claim(engine, worker="b", lease_seconds=300)
    assert second is not None and (second.id, second.attempts) == (first.id, 2)
    with pytest.raises(LeaseLost):  # the first worker comes back: its whole write rolls back
        process_with_lost_lease(engine, first)
    assert query(database_url, "SELECT count(*) FROM articles")[0][0] == 0
    assert process(engine, second, CONFIG) == "created"
    job = wait_until_finished(database_url, job_id)
    assert (job["status"], job["created"], job["processed"]) == ("done", 1, 1)
    assert assert_consistent(database_url).articles == 1


def process_with_lost_lease(engine: Any, claimed: queue.Claimed) -> None:
    from app.annotate import annotate
    from app.ingest import store_article

    text = claimed.payload["text"]

    def then(session: Any, article_id: int, created: bool) -> None:
        queue.finish(session, claimed, article_id, "created" if created else "existing")

    store_article(engine, text=text, annotation=annotate(text), then=then)


def _expire(database_url: str) -> None:
    """Every held lease ends now (as if its worker had died an hour ago)."""
    past = datetime.now(UTC) - timedelta(hours=1)
    with get_engine(database_url).begin() as conn:
        conn.execute(
            update(JobItem).where(col(JobItem.status) == "claimed").values(lease_until=past)
        )


def test_an_item_that_keeps_failing_is_failed_with_its_last_error(database_url: str) -> None:
    engine = get_engine(database_url)
    good = article(1)
    job_id = queue.submit(engine, "ingest", [{"payload": {"title": "no text"}}, {"payload": good}])
    stop = threading.Event()
    run_worker(engine, CONFIG, stop=stop, until_idle=True)
    job = wait_until_finished(database_url, job_id)
    assert (job["status"], job["processed"], job["created"], job["failed"]) == ("done", 2, 1, 1)
    (attempts, problem), *_ = query(
        database_url, "SELECT attempts, problem FROM job_items WHERE position = 0"
    )
    assert attempts == CONFIG.max_attempts
    assert "KeyError" in str(problem)


def test_items_of_killed_workers_fail_after_max_attempts(database_url: str) -> None:
    """A lease that keeps expiring (a worker that dies on this item each time) counts as
    attempts too: once they are used up the item is failed, not retried for ever."""
    engine = get_engine(database_url)
    job_id = _submit(database_url, 1)
    for attempt in range(1, CONFIG.max_attempts + 1):
        claimed = queue.claim(engine, worker=f"dying-{attempt}", lease_seconds=300)
        assert claimed is not None and claimed.attempts == attempt
        _expire(database_url)
    last = queue.claim(engine, worker="survivor", lease_seconds=300)
    assert last is not None
    assert process(engine, last, CONFIG) == "failed"
    job = wait_until_finished(database_url, job_id)
    assert (job["status"], job["failed"]) == ("failed", 1)  # every item failed


def test_sigterm_finishes_the_current_item_then_exits(database_url: str, tmp_path: Path) -> None:
    job_id = _submit(database_url, 40)
    worker = start_worker(database_url, tmp_path / "w.log")
    deadline = time.monotonic() + 120
    while not query(database_url, "SELECT 1 FROM job_items WHERE status = 'done'"):
        assert time.monotonic() < deadline and worker.poll() is None
        time.sleep(0.05)
    assert stop_worker(worker) == 0, (tmp_path / "w.log").read_text()
    statuses = Counter(s for (s,) in query(database_url, "SELECT status FROM job_items"))
    assert statuses["claimed"] == 0, statuses  # nothing left held: it finished what it had
    assert statuses["done"] >= 1 and statuses["done"] + statuses["queued"] == 40
    job = query(database_url, "SELECT processed, created FROM jobs WHERE id = :j", j=job_id)[0]
    assert job.processed == job.created == statuses["done"]
    assert assert_consistent(database_url).articles == statuses["done"]


def test_racing_claims_with_expiring_leases_count_every_item_once(database_url: str) -> None:
    """Six threads claim with leases shorter than their work, so leases expire mid-item all
    the time and items are taken over: every item still ends done once, by the claim that
    held it, and the job's counts add up exactly."""
    import random

    engine = get_engine(database_url)
    job_id = _submit(database_url, 60)
    finished: list[int] = []
    lost: list[int] = []
    lock = threading.Lock()

    def racer(k: int) -> None:
        rng = random.Random(k)
        while (item := queue.claim(engine, worker=f"r{k}", lease_seconds=0.02)) is not None:
            time.sleep(rng.uniform(0, 0.04))  # often longer than the lease
            try:
                queue.finish_alone(engine, item, 1, "existing")
            except LeaseLost:
                with lock:
                    lost.append(item.id)
                continue
            with lock:
                finished.append(item.id)

    threads = [threading.Thread(target=racer, args=(k,)) for k in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(finished) == sorted(set(finished)) and len(finished) == 60
    job = wait_until_finished(database_url, job_id)
    assert (job["processed"], job["existing"], job["status"]) == (60, 60, "done")
    rows = query(database_url, "SELECT status, attempts FROM job_items")
    assert {status for status, _ in rows} == {"done"}
    assert sum(attempts for _, attempts in rows) == 60 + len(lost)  # each claim ended once
    print(f"\n{len(lost)} finishes refused (lease lost), {len(finished)} counted")


def test_a_worker_outlives_an_unreachable_database() -> None:
    """A database that is away (a restart, a failover) is waited for, not a crash."""
    from app.core.db import make_engine

    engine = make_engine("postgresql+psycopg://postgres@127.0.0.1:9/none?connect_timeout=1")
    stop = threading.Event()
    threading.Timer(0.5, stop.set).start()
    try:
        assert run_worker(engine, CONFIG, stop=stop) == 0
    finally:
        engine.dispose()


def test_job_list_newest_first_with_a_status_filter_and_etags(client: TestClient) -> None:
    """No worker runs here: the jobs stay queued (one of them failed at once)."""
    first = client.post("/jobs/ingest", json=[article(1)]).json()
    second = client.post("/jobs/ingest", json=[{"text": ""}]).json()  # every item failed
    third = client.post("/jobs/reannotate", json={"articles": "all"}).json()  # nothing: done
    listed = client.get("/jobs").json()
    assert [j["id"] for j in listed["items"]] == [third["id"], second["id"], first["id"]]
    assert listed["total"] == 3 and "errors" not in listed["items"][0]
    by_status = {
        status: [j["id"] for j in client.get("/jobs", params={"status": status}).json()["items"]]
        for status in ("queued", "running", "done", "failed")
    }
    assert by_status == {
        "queued": [first["id"]],
        "running": [],
        "done": [third["id"]],
        "failed": [second["id"]],
    }
    page = client.get("/jobs", params={"limit": 1, "offset": 1}).json()
    assert [j["id"] for j in page["items"]] == [second["id"]] and page["total"] == 3
    response = client.get(f"/jobs/{first['id']}")
    again = client.get(f"/jobs/{first['id']}", headers={"if-none-match": response.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    assert client.get(f"/jobs/{first['id']}/articles").json()["total"] == 0  # not done yet


def test_make_run_does_jobs_with_no_extra_command(tmp_path: Path) -> None:
    """`python -m app serve` on SQLite (what `make run` starts) runs a worker of its own."""
    from tests.support.live_server import start_server

    url = f"sqlite:///{tmp_path / 'serve.db'}"
    server = start_server(url, tmp_path / "server.log")
    try:
        import httpx

        with httpx.Client(base_url=server.base_url, timeout=60) as http:
            posted = http.post("/jobs/ingest", json=[article(i) for i in range(3)])
            assert posted.status_code == 202, posted.text
            deadline = time.monotonic() + 120
            while (job := http.get(posted.headers["location"]).json())["status"] != "done":
                assert time.monotonic() < deadline, job
                time.sleep(0.1)
            assert (job["created"], job["failed"]) == (3, 0)
    finally:
        server.stop()
    assert assert_consistent(url).articles == 3
