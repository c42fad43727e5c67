"""Ingest throughput (annotate + store) against plain spaCy `nlp.pipe` on the same texts.

Each measurement runs in a fresh process: `python -m bench.ingest raw|app N PROCESSES` prints
one JSON line. The model is loaded (and warmed on a few texts) before the clock starts.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time

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
    from app.annotate import annotate_many, get_nlp
    from app.core import migrate
    from bench.build import ingest_texts

    get_nlp()
    for _ in annotate_many(texts[:WARMUP]):
        pass
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/ingest.db"
        migrate.upgrade(url)
        started = time.perf_counter()
        stored = ingest_texts(url, texts, n_process=n_process)
        elapsed = time.perf_counter() - started
    assert stored == len(texts), (stored, len(texts))
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
