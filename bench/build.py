"""Build (once, then cached) a SQLite database holding the annotated BBC corpus.

The file is bench/out/bbc-<hash>.db where the hash covers the app code, the migrations and the
corpus, so a rerun with unchanged code reuses it and a code change rebuilds it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import OUT, code_hash, corpus_texts, words

if TYPE_CHECKING:
    from app.ingest import ArticleFields

BASE_DATE = date(2004, 1, 1)


def fields_for(index: int) -> ArticleFields:
    """Synthetic metadata (the corpus has no dates or sources): one date per article."""
    from app.ingest import ArticleFields

    return ArticleFields(source="BBC News", published=BASE_DATE + timedelta(days=index % 730))


def ingest_texts(database_url: str, texts: list[str], *, n_process: int = 1) -> int:
    """Annotate and store `texts` the way the app does; returns how many were stored."""
    from app.annotate import annotate_many
    from app.core.db import get_engine
    from app.ingest import store_article

    engine = get_engine(database_url)
    stored = 0
    annotations = annotate_many(texts, n_process=n_process)
    for index, (text, annotation) in enumerate(zip(texts, annotations, strict=True)):
        _, created = store_article(
            engine, text=text, annotation=annotation, fields=fields_for(index)
        )
        stored += created
    return stored


def build_corpus_db(*, log: Callable[[str], None] = print) -> Path | None:
    """Path of the annotated-corpus database, building it when missing; None without corpus."""
    texts = corpus_texts()
    if not texts:
        return None
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"bbc-{code_hash()}.db"
    if path.exists():
        log(f"corpus db: {path.relative_to(OUT.parent.parent)} (cached)")
        return path
    from app.core import migrate
    from app.core.db import dispose_engine

    tmp = path.with_suffix(".tmp")
    for stale in OUT.glob(f"{tmp.name}*"):
        stale.unlink()
    url = f"sqlite:///{tmp}"
    migrate.upgrade(url)
    n_process = min(2, os.cpu_count() or 1)
    log(f"corpus db: annotating {len(texts)} articles ({words(texts):,} words) ...")
    started = time.perf_counter()
    stored = ingest_texts(url, texts, n_process=n_process)
    elapsed = time.perf_counter() - started
    dispose_engine(url)
    import sqlite3

    with sqlite3.connect(tmp) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ANALYZE")
    conn.close()
    for side in OUT.glob(f"{tmp.name}-*"):
        side.unlink()
    tmp.rename(path)
    log(f"corpus db: {stored} articles stored in {elapsed:.0f} s -> {path.name}")
    return path
