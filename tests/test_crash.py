"""Crash safety: SIGKILL a server mid-way through a stream of POSTs, and a bulk ingest mid-way
through its files; restart. The database passes integrity checks, no article is stored
half-way (paragraph_count equals its paragraph rows, maintained counters equal recounts), and
running the same work again completes it without duplicates.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine, text

from app.core.config import PROJECT_ROOT
from tests.support.integrity import assert_consistent
from tests.support.live_server import start_server

STREAM = 24  # articles in the stream
KILL_AFTER = 5  # stored articles seen before the kill
BULK = 60  # files in the bulk-ingest corpus (short texts: it stores dozens a second)


def _text(i: int) -> str:
    people = ["Maria Lopez", "Nora Quinn", "Sam Writer", "Ade Bello"][i % 4]
    return (
        f"Dispatch {i}: harbour works reach stage {i}\n\n"
        f"The Dunmore Harbour Board said on Tuesday that stage {i} of the works had begun.\n\n"
        f'"Stage {i} is on time," said {people}, a spokesperson for the Harbour Board.\n\n'
        f"{people.split()[-1]} added that Acme Widgets would supply the cranes for stage {i}.\n"
    )


def _count(url: str) -> int:
    """Articles stored so far: a light poll (the full checks of `check_database` take long
    enough for a fast writer to finish between two polls; they run after the kill)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
    except Exception:  # the database may be mid-creation; the caller polls again
        return 0
    finally:
        engine.dispose()


def test_server_killed_mid_stream_then_restarted(database_url: str, tmp_path: Path) -> None:
    texts = [_text(i) for i in range(STREAM)]
    server = start_server(database_url, tmp_path / "server.log")
    created: list[int] = []
    stop = threading.Event()
    lock = threading.Lock()

    def poster(offset: int) -> None:
        with httpx.Client(base_url=server.base_url, timeout=60) as client:
            for i in range(offset, STREAM, 2):
                if stop.is_set():
                    return
                try:
                    response = client.post("/articles", json={"text": texts[i]})
                except httpx.HTTPError:
                    return  # the server is gone
                if response.status_code == 201:
                    with lock:
                        created.append(i)

    threads = [threading.Thread(target=poster, args=(k,)) for k in range(2)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 120
    while len(created) < KILL_AFTER and time.monotonic() < deadline:
        time.sleep(0.01)
    server.kill()  # SIGKILL, requests in flight
    stop.set()
    for thread in threads:
        thread.join(timeout=60)
    acknowledged = len(created)
    assert KILL_AFTER <= acknowledged < STREAM

    report = assert_consistent(database_url)  # before any restart: what the kill left
    assert acknowledged <= report.articles <= acknowledged + 2  # + the ones in flight
    print(
        f"\nserver crash: {acknowledged} acknowledged, {report.articles} stored at the kill,"
        f" integrity_check {report.integrity_check}"
    )

    again = start_server(database_url, tmp_path / "server2.log")
    try:
        statuses = []
        with httpx.Client(base_url=again.base_url, timeout=60) as client:
            for text in texts:  # the whole stream once more
                statuses.append(client.post("/articles", json={"text": text}).status_code)
            total = client.get("/articles").json()["total"]
    finally:
        again.stop()
    assert statuses.count(200) == report.articles
    assert statuses.count(201) == STREAM - report.articles
    assert total == STREAM
    final = assert_consistent(database_url)
    assert final.articles == STREAM
    print(f"server crash: after re-run {final.articles} articles, no duplicates")


def test_bulk_ingest_killed_midway_then_rerun(database_url: str, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(BULK):
        (corpus / f"{i:03d}.txt").write_text(_text(1000 + i), encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": database_url, "LOG_LEVEL": "warning"}
    command = [sys.executable, "-m", "app", "ingest", str(corpus), "--no-progress"]
    command += ["--batch-size", "2"]
    log = (tmp_path / "ingest.log").open("wb")
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while _count(database_url) < KILL_AFTER and time.monotonic() < deadline:
            assert process.poll() is None, (tmp_path / "ingest.log").read_text()
            time.sleep(0.02)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the CLI and any annotator workers
        process.wait(timeout=30)
        log.close()
    report = assert_consistent(database_url)
    assert KILL_AFTER <= report.articles < BULK, "the kill should land mid-way"
    print(
        f"\nbulk crash: {report.articles} of {BULK} stored at the kill,"
        f" integrity_check {report.integrity_check}"
    )

    rerun = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=300)
    assert rerun.returncode == 0, rerun.stdout.decode()[-2000:] + rerun.stderr.decode()[-2000:]
    final = assert_consistent(database_url)
    assert final.articles == BULK
    print(f"bulk crash: after re-run {final.articles} articles, no duplicates")


JOB = 60  # articles in the job the two workers share


def test_worker_killed_holding_an_item_the_other_finishes(
    database_url: str, tmp_path: Path
) -> None:
    """Two workers on a 60-article job; SIGKILL one while it holds an item (mid-annotation
    or mid-write). Its item comes back when the lease expires and the other worker does it:
    every article is stored exactly once and the integrity checks pass."""
    from app.core.db import get_engine
    from app.jobs import queue
    from tests.support.jobs import article, query, start_worker, stop_worker

    job_id = queue.submit(
        get_engine(database_url), "ingest", [{"payload": article(i)} for i in range(JOB)]
    )
    victim = start_worker(database_url, tmp_path / "victim.log", lease_seconds=3)
    survivor = start_worker(database_url, tmp_path / "survivor.log", lease_seconds=3)
    try:
        held = _stop_holding_an_item(database_url, victim)
        os.killpg(victim.pid, signal.SIGKILL)
        victim.wait(timeout=30)
        at_kill = assert_consistent(database_url)  # what the kill left: nothing half-stored
        deadline = time.monotonic() + 180
        while query(database_url, "SELECT count(*) FROM job_items WHERE status <> 'done'")[0][0]:
            assert time.monotonic() < deadline, (tmp_path / "survivor.log").read_text()[-3000:]
            assert survivor.poll() is None, (tmp_path / "survivor.log").read_text()[-3000:]
            time.sleep(0.1)
    finally:
        if victim.poll() is None:
            os.killpg(victim.pid, signal.SIGKILL)
        assert stop_worker(survivor) == 0
    job = query(database_url, "SELECT * FROM jobs WHERE id = :j", j=job_id)[0]._mapping
    assert (job["status"], job["processed"], job["created"]) == ("done", JOB, JOB)
    assert (job["existing"], job["failed"]) == (0, 0)
    retried = query(database_url, "SELECT attempts, worker FROM job_items WHERE id = :i", i=held)
    assert retried[0].attempts == 2 and f":{victim.pid}:" not in retried[0].worker
    final = assert_consistent(database_url)
    assert final.articles == JOB  # each exactly once (check_database: no duplicate texts)
    print(
        f"\nworker crash: killed holding item {held} with {at_kill.articles} stored;"
        f" the other worker finished: {final.articles} articles, job {dict(job)['status']}"
    )


def _stop_holding_an_item(url: str, worker: subprocess.Popen[bytes]) -> int:
    """Stop (SIGSTOP) `worker` at a moment it holds an item, and return that item's id: it
    may finish the item it was seen holding between the look and the stop, so look again
    while it is stopped, and let it go on and retry when it held none."""
    from tests.support.jobs import query

    for _ in range(50):
        _wait_for_held_item(url, worker, after=KILL_AFTER)
        os.killpg(worker.pid, signal.SIGSTOP)
        rows = query(
            url,
            "SELECT id FROM job_items WHERE status = 'claimed' AND worker LIKE :w",
            w=f"%:{worker.pid}:%",
        )
        if len(rows) == 1:
            return int(rows[0][0])
        os.killpg(worker.pid, signal.SIGCONT)
    raise AssertionError("the worker was never stopped holding an item")


def _wait_for_held_item(url: str, worker: subprocess.Popen[bytes], *, after: int) -> int:
    """The id of an item `worker` holds, once it has done `after` items."""
    from tests.support.jobs import query

    mine = f"%:{worker.pid}:%"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert worker.poll() is None, "the worker exited"
        done = query(url, "SELECT count(*) FROM job_items WHERE worker LIKE :w", w=mine)[0][0]
        held = query(
            url, "SELECT id FROM job_items WHERE status = 'claimed' AND worker LIKE :w", w=mine
        )
        if held and done > after:
            return int(held[0][0])
        time.sleep(0.005)
    raise AssertionError("the worker never held an item")
