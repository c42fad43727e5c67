"""The reader view (escaped, highlighted, strict CSP) and /docs, also in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from html import unescape

import pytest
import uvicorn
from fastapi.testclient import TestClient

from app.main import create_app
from tests.conftest import make_settings
from tests.support.corpus import load

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--disable-dev-shm-usage",
)


def test_view_highlights_and_escapes(client: TestClient, corpus: dict[str, int]) -> None:
    response = client.get(f"/articles/{corpus['a3']}/view")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    csp = response.headers["content-security-policy"]
    for directive in ("default-src 'none'", "style-src 'unsafe-inline'", "img-src 'self'"):
        assert directive in csp
    html = response.text
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "López visits &lt;Globex&gt;" in html  # the title, escaped
    assert f'class="person" href="/people/{corpus["lopez"]}/view"' in html  # their pages
    assert f'class="organisation" href="/organisations/{corpus["globex"]}/view"' in html
    assert 'class="quote indirect" title="Speaker: Maria López"' in html
    assert f'class="speaker" href="/people/{corpus["lopez"]}/view"' in html
    assert "http://" not in html and "https://" not in html  # no external asset
    a1 = client.get(f"/articles/{corpus['a1']}/view").text
    # A speaker without a page (a free label): drawn by CSS in superscript like the linked
    # speakers, with no text of its own in the paragraph, hidden from screen readers.
    label = re.search(r'<span class="speaker" [^>]*>(.*?)</span>', a1)
    assert label is not None and label.group(1) == ""
    for attribute in ('title="Speaker: analysts"', 'data-speaker="analysts"', 'aria-hidden="true"'):
        assert attribute in label.group(0)
    assert "span.speaker::after{content:attr(data-speaker)}" in a1
    assert "— analysts (paragraph 3)" in a1  # named as text in the list of quotations
    assert client.get("/articles/999/view").status_code == 404


@pytest.fixture(scope="session")
def chromium() -> str:
    """The Chromium binary; installed with apt when missing and we are root, else skip."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip("chromium is not installed and cannot be installed (not root)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    try:
        if subprocess.run(install, env=env, capture_output=True, timeout=900).returncode != 0:
            subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=600)
            subprocess.run(install, env=env, capture_output=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired):
        pass
    found = shutil.which("chromium")
    if not found:
        pytest.skip("chromium could not be installed")
    return found


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def live_server(database_url: str) -> Iterator[tuple[str, dict[str, int]]]:
    """A real uvicorn server on a free port, holding the hand-annotated corpus."""
    app = create_app(make_settings(database_url))
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", load(app.state.engine)
    finally:
        server.should_exit = True
        thread.join(timeout=20)


def dump_dom(chromium: str, url: str, *extra: str) -> str:
    with tempfile.TemporaryDirectory() as profile:
        result = subprocess.run(
            [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *extra, "--dump-dom", url],
            capture_output=True,
            text=True,
            timeout=120,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_reader_view_and_docs_in_chromium(
    chromium: str, live_server: tuple[str, dict[str, int]]
) -> None:
    base, ids = live_server
    dom = dump_dom(chromium, f"{base}/articles/{ids['a1']}/view")
    assert 'class="person"' in dom and 'class="organisation"' in dom
    assert 'class="quote direct"' in dom
    assert 'title="Speaker: Maria López"' in dom
    assert 'class="speaker" href="/people/' in dom
    assert re.search(r'<span class="speaker" [^>]*aria-hidden="true"[^>]*></span>', dom)
    assert "We are growing faster than expected" in unescape(dom)

    escaped = dump_dom(chromium, f"{base}/articles/{ids['a3']}/view")
    assert "<script>alert(1)</script>" in unescape(escaped)  # shown as text...
    assert "<script>" not in escaped  # ...never parsed as an element

    docs = dump_dom(chromium, f"{base}/docs", "--virtual-time-budget=10000")
    for operation_id in ("list_articles", "search", "export_quotations_csv", "view_article"):
        assert operation_id in docs, operation_id
    for summary in ("List articles", "Search paragraphs and quotations", "Delete an article"):
        assert summary in docs, summary
