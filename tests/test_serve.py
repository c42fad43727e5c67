"""`python -m app serve` as a real process: configured by the environment, seeds loaded once."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from app.core.config import PROJECT_ROOT
from tests.support.live_server import start_server


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


def _raw_request(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send bytes as they are; the status, headers and body of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(request)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.lower().split(": ", 1) for line in lines)
    return int(status_line.split()[1]), headers, body


def test_requests_the_http_server_cannot_parse_get_problems(tmp_path: Path) -> None:
    server = start_server(f"sqlite:///{tmp_path / 'http.db'}", tmp_path / "server.log")
    port = int(server.base_url.rsplit(":", 1)[1])
    try:
        near_limit = httpx.get(f"{server.base_url}/articles", params={"q": "a" * 19_000})
        assert near_limit.status_code == 200  # long, but within what the server parses
        long_url = b"GET /articles?q=" + b"%C3%A9" * 12_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n"
        for request, slug in (
            (long_url, "uri-too-long"),
            (b"NOT HTTP AT ALL\r\n\r\n", "bad-request"),
        ):
            status, headers, body = _raw_request(port, request)
            assert status == 400, body
            assert headers["content-type"] == "application/problem+json"
            assert headers["x-content-type-options"] == "nosniff"
            problem = json.loads(body)
            assert problem["type"].endswith(f"/problems/{slug}")
            assert problem["status"] == 400 and problem["request_id"] == headers["x-request-id"]
        assert httpx.get(f"{server.base_url}/health").status_code == 200  # still serving
    finally:
        server.stop()
