"""Ingest throughput (annotate + store) against plain spaCy `nlp.pipe` on the same texts.

"Ingest" is the bulk path behind `python -m app ingest DIR --workers N` (app.bulk): read the
files, skip stored texts, annotate_many (nlp.pipe with N processes), store each article.

Each measurement runs in a fresh process: `python -m bench.ingest raw|app N PROCESSES` prints
one JSON line. The model is loaded (and warmed on a few texts) before the clock starts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import PY, ROOT, corpus_texts, env_for, words

WARMUP = 8


def _raw(texts: list[str], n_process: int) -> float:
    import spacy

    from app.annotate.nlp import EXCLUDE, MODEL_NAME

    nlp = spacy.load(MODEL_NAME, exclude=EXCLUDE)  # as app.annotate.get_nlp loads it
    for _ in nlp.pipe(texts[:WARMUP]):
        pass
    started = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=16):
        pass
    return time.perf_counter() - started


def _app(texts: list[str], n_process: int) -> float:
    """The bulk ingest path (`python -m app ingest DIR --workers N`) into a fresh SQLite file."""
    from app.annotate import annotate_many, get_nlp
    from app.bulk import ingest_paths
    from app.core import migrate
    from app.core.db import dispose_engine, get_engine

    get_nlp()
    for _ in annotate_many(texts[:WARMUP]):
        pass
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        url = f"sqlite:///{tmp}/ingest.db"
        migrate.upgrade(url)
        engine = get_engine(url)
        started = time.perf_counter()
        summary = ingest_paths(engine, [folder], workers=n_process, progress=False)
        elapsed = time.perf_counter() - started
        dispose_engine(url)
    assert summary.new == len(texts) and not summary.failed, summary
    return elapsed


def measure(kind: str, n: int, n_process: int) -> dict:
    """Run one measurement in a child process; {'seconds', 'articles', 'words'}."""
    out = subprocess.run(
        [PY, "-m", "bench.ingest", kind, str(n), str(n_process)],
        cwd=ROOT,
        env=env_for("sqlite:///unused.db"),
        capture_output=True,
        text=True,
        check=True,
        timeout=3600,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    kind, n, n_process = argv[0], int(argv[1]), int(argv[2])
    texts = corpus_texts(limit=n)
    seconds = (_raw if kind == "raw" else _app)(texts, n_process)
    print(json.dumps({"seconds": seconds, "articles": len(texts), "words": words(texts)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
