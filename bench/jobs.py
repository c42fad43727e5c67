"""Ingest scaling: one job of N BBC articles on PostgreSQL done by one worker process, by
`python -m app worker --processes 2`, and by two `python -m app worker` commands, in one run.

Linux groups the processes of one session for CPU fairness (autogroup): when other sessions
keep the cores busy, the two processes of `--processes 2` share one session's part, while two
worker commands (each a session, as on machines or in containers of their own) get a part
each. Both are measured.

The workers start first and do a warm-up job (their model is loaded, their connections are
open); the clock is the measured job's own: from its first claim (`started_at`) to its last
outcome (`finished_at`), both written by the workers in the database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from bench.common import PY, ROOT, env_for

WARMUP_PER_PROCESS = 4
SERVER = os.environ.get("BENCH_POSTGRES_URL") or os.environ.get(
    "TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


@contextmanager
def scratch_database() -> Iterator[str]:
    """A throw-away PostgreSQL database, migrated; dropped afterwards."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from app.core import migrate
    from app.core.db import dispose_engine

    url = make_url(SERVER).set(drivername="postgresql+psycopg")
    name = f"annews_bench_jobs_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    database = url.set(database=name).render_as_string(hide_password=False)
    try:
        migrate.upgrade(database)
        yield database
    finally:
        dispose_engine(database)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _run_job(url: str, texts: list[str]) -> dict:
    """Submit a job and wait for it; its row."""
    from app.core.db import get_engine
    from app.jobs import queue

    engine = get_engine(url)
    job_id = queue.submit(engine, "ingest", [{"payload": {"text": t}} for t in texts])
    while (job := queue.job_counts(engine, job_id))["status"] not in ("done", "failed"):
        time.sleep(0.05)
    assert job["created"] == len(texts) and not job["failed"], job
    return job


def measure(texts: list[str], warmup: list[str], *, commands: int, processes: int) -> float:
    """Articles per second of one job of `texts` done by `commands` separate `python -m app
    worker --processes <processes>` commands, in a database of its own."""
    with scratch_database() as url:
        return _measure(url, texts, warmup, commands, processes)


def _measure(url: str, texts: list[str], warmup: list[str], commands: int, processes: int) -> float:
    env = env_for(url) | {"WORKER_POLL_SECONDS": "0.05"}
    command = [PY, "-m", "app", "worker", "--processes", str(processes), "--no-progress"]
    workers = [
        subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a session of its own, as on a machine of its own
        )
        for _ in range(commands)
    ]
    try:
        _run_job(url, warmup[: WARMUP_PER_PROCESS * processes * commands])
        job = _run_job(url, texts)
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=120)
    seconds = (job["finished_at"] - job["started_at"]).total_seconds()
    return len(texts) / seconds
