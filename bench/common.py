"""Paths, corpus loading, the cache key and small helpers shared by the benchmarks."""

from __future__ import annotations

import hashlib
import os
import socket
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
SHARED = Path(os.environ.get("SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "bbc-news-2225" / "articles"
PY = sys.executable


def corpus_files() -> list[Path]:
    """The BBC corpus files in a stable order (empty when ../shared is absent)."""
    return sorted(CORPUS.glob("*/*.txt")) if CORPUS.is_dir() else []


def corpus_texts(limit: int | None = None) -> list[str]:
    """Distinct corpus texts, first occurrence kept, in file order."""
    seen: set[str] = set()
    texts: list[str] = []
    for path in corpus_files():
        text = path.read_text(encoding="utf-8")
        if text not in seen:
            seen.add(text)
            texts.append(text)
            if limit is not None and len(texts) >= limit:
                break
    return texts


def words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def code_hash(*extra: Path) -> str:
    """Hash of the code that decides what gets stored (annotator, ingest) and of the corpus.

    Schema changes do not need a rebuild: the benchmarks run the migrations on the cached file.
    """
    h = hashlib.sha256()
    paths = sorted((ROOT / "app" / "annotate").rglob("*.py"))
    paths += [ROOT / "app" / "ingest.py", ROOT / "bench" / "build.py", *extra]
    for path in paths:
        h.update(str(path.relative_to(ROOT)).encode())
        h.update(path.read_bytes())
    for path in corpus_files():
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 60.0) -> None:
    import urllib.request

    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                response.read()
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def get_json(url: str) -> Any:
    import json
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as response:
        return json.loads(response.read())


def peak_rss_mb(pid: int) -> float | None:
    """Peak resident set size (VmHWM) of a process, in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def env_for(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        LOAD_SEEDS="false",
        MIGRATE_ON_START="false",
        LOG_LEVEL="warning",
        PYTHONPATH=str(ROOT),
    )
    return env
