"""The framework floor: the article page from a minimal FastAPI app with one hand-written query.

Run as `uvicorn bench.floor:app` with BENCH_DB=path/to.db. Same JSON shape as GET /articles
(items with the summary fields, total, limit, offset); the total comes from the same query,
which uses the same plan as the API's (maintained counter, thin id index for the offset).
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading

from fastapi import FastAPI, Query

app = FastAPI()
_local = threading.local()

# The same plan as the API's query (first id of the page from the thin id index).
SQL = """
SELECT id, title, authors, source, published, url, paragraph_count, ingested_at,
       (SELECT value FROM counters WHERE name = 'articles') AS total
FROM articles
WHERE id >= (SELECT id FROM articles ORDER BY id LIMIT 1 OFFSET ?)
ORDER BY id LIMIT ?
"""


def _conn() -> sqlite3.Connection:
    conn = getattr(_local, "conn", None)
    if conn is None:
        conn = _local.conn = sqlite3.connect(os.environ["BENCH_DB"], check_same_thread=False)
    return conn


@app.get("/articles")
def articles(limit: int = Query(20, ge=1, le=100), offset: int = Query(0, ge=0)) -> dict:
    rows = _conn().execute(SQL, (offset, limit)).fetchall()
    items = [
        {
            "id": r[0],
            "title": r[1],
            "authors": json.loads(r[2]),
            "source": r[3],
            "published": r[4],
            "url": r[5],
            "paragraph_count": r[6],
            "ingested_at": r[7],
        }
        for r in rows
    ]
    return {"items": items, "total": rows[0][8] if rows else 0, "limit": limit, "offset": offset}


@app.get("/health")
def health() -> dict:
    return {"status": "ok"}
