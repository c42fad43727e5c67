"""Helpers of the job tests: short articles, worker processes, waiting for jobs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from app.core.config import PROJECT_ROOT


def article(i: int) -> dict[str, Any]:
    """A short article (annotated in milliseconds) with people, an organisation, a quotation
    and a publication date (so its "seen" date does not depend on when it was stored)."""
    people = ["Maria Lopez", "Nora Quinn", "Sam Writer", "Ade Bello"][i % 4]
    body = (
        f"Dispatch {i}: harbour works reach stage {i}\n\n"
        f"The Dunmore Harbour Board said on Tuesday that stage {i} of the works had begun.\n\n"
        f'"Stage {i} is on time," said {people}, a spokesperson for the Harbour Board.\n\n'
        f"{people.split()[-1]} added that Acme Widgets would supply the cranes for stage {i}.\n"
    )
    published = date(2024, 1, 1) + timedelta(days=i % 40)
    return {"text": body, "source": "Dunmore Post", "published": published.isoformat()}


def start_worker(
    database_url: str, log_path: Path, *, processes: int = 1, lease_seconds: float = 300
) -> subprocess.Popen[bytes]:
    """`python -m app worker` in its own process group."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "warning",
        "JOB_LEASE_SECONDS": str(lease_seconds),
        "WORKER_POLL_SECONDS": "0.1",
    }
    log = log_path.open("ab")
    command = [sys.executable, "-m", "app", "worker", "--no-progress"]
    process = subprocess.Popen(
        [*command, "--processes", str(processes)],
        cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    log.close()
    return process


def stop_worker(process: subprocess.Popen[bytes], *, timeout: float = 60) -> int:
    """SIGTERM (its whole group, as `docker stop` would) and wait; SIGKILL if it hangs."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        return process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
        raise


def query(url: str, sql: str, **params: Any) -> list[Any]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql), params))
    finally:
        engine.dispose()


def wait_until_finished(url: str, job_id: int, *, timeout: float = 180) -> dict[str, Any]:
    """Poll the job row until it is done or failed; its final row."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = query(url, "SELECT * FROM jobs WHERE id = :j", j=job_id)
        if rows and rows[0]._mapping["status"] in ("done", "failed"):
            return dict(rows[0]._mapping)
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish: {rows}")
