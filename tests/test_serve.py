"""`python -m app serve` as a real process: configured by the environment, seeds loaded once."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.core.config import PROJECT_ROOT


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(db: Path, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "PORT": str(port),
        "LOG_LEVEL": "warning",
    }
    env.pop("LOAD_SEEDS", None)
    return subprocess.Popen([sys.executable, "-m", "app", "serve"], cwd=PROJECT_ROOT, env=env)


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "server exited"
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise AssertionError("server did not start")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_two_independent_instances_and_restart(tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    port_one, port_two = free_port(), free_port()
    first, second = serve(one, port_one), serve(two, port_two)
    try:
        wait_ready(f"http://127.0.0.1:{port_one}", first)
        wait_ready(f"http://127.0.0.1:{port_two}", second)
        a = httpx.get(f"http://127.0.0.1:{port_one}/articles").json()
        b = httpx.get(f"http://127.0.0.1:{port_two}/articles").json()
        assert a["total"] == 2 and b["total"] == 2
        created = httpx.post(
            f"http://127.0.0.1:{port_two}/articles",
            json={"text": "Only the second instance stores this short note about Acme Corp."},
        )
        assert created.status_code == 201
        assert httpx.get(f"http://127.0.0.1:{port_one}/articles").json()["total"] == 2
        assert httpx.get(f"http://127.0.0.1:{port_two}/articles").json()["total"] == 3
    finally:
        stop(first)
        stop(second)
    assert one.exists() and two.exists()

    again = serve(one, port_one)  # a second start adds nothing
    try:
        wait_ready(f"http://127.0.0.1:{port_one}", again)
        listing = httpx.get(f"http://127.0.0.1:{port_one}/articles").json()
        assert listing["total"] == 2
    finally:
        stop(again)
