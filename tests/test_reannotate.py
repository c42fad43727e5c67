"""Re-annotation: `python -m app reannotate --all` on a database built by the bench's builder
leaves exactly the rows a fresh ingest of the same texts leaves (apart from quotation ids),
keeps every article's id, text, hash and ingest time, and a rerun does nothing; the
reannotate job over HTTP, and /health's stale count."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from app.annotate import annotate
from app.core.config import PROJECT_ROOT
from app.core.db import get_engine
from app.ingest import reannotate_article
from app.main import create_app
from bench.build import ingest_texts
from tests.conftest import SEED_DIR, make_settings
from tests.support.integrity import assert_consistent
from tests.support.jobs import article, query
from tests.support.snapshot import differences, snapshot
from tests.test_jobs import _empty_like

ARTICLE_ROWS = "SELECT id, content_hash, text, ingested_at FROM articles ORDER BY id"
ENTITY_IDS = "SELECT key, id FROM entities"


def _texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted(SEED_DIR.glob("*.txt"))]
    return seeds + [article(i)["text"] for i in range(10)]


def _cli(database_url: str, *args: str) -> str:
    env = {**os.environ, "DATABASE_URL": database_url, "LOG_LEVEL": "warning"}
    done = subprocess.run(
        [sys.executable, "-m", "app", "reannotate", "--no-progress", *args],
        cwd=PROJECT_ROOT, env=env, capture_output=True, timeout=300, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    return done.stdout


def _age(database_url: str, article_ids: list[int]) -> None:
    """Make these articles look annotated by an older, worse annotator (no quotations, half
    the mentions) whose version is unknown."""
    engine = get_engine(database_url)
    for article_id in article_ids:
        (text,) = query(database_url, "SELECT text FROM articles WHERE id = :i", i=article_id)[0]
        good = annotate(text)
        worse = replace(good, quotations=[], mentions=good.mentions[::2])
        assert reannotate_article(engine, article_id=article_id, annotation=worse)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE articles SET annotator_version = NULL")


def test_reannotate_all_equals_a_fresh_ingest(database_url: str, tmp_path: Path) -> None:
    texts = _texts()
    assert ingest_texts(database_url, texts) == len(texts)  # the bench's builder
    _age(database_url, [1, 2, 5])
    aged = snapshot(database_url)
    before = query(database_url, ARTICLE_ROWS)
    entity_ids = dict(query(database_url, ENTITY_IDS))

    out = _cli(database_url, "--all")
    assert f"{len(texts)} re-annotated, 0 already up to date, 0 failed" in out, out
    assert query(database_url, ARTICLE_ROWS) == before  # ids, texts, hashes, ingest times
    assert dict(query(database_url, ENTITY_IDS)) == entity_ids  # people keep their ids
    assert assert_consistent(database_url).articles == len(texts)
    reannotated = snapshot(database_url)

    assert "every one is up to date" in _cli(database_url)  # --stale: nothing to do
    assert query(database_url, "SELECT count(*) FROM jobs")[0][0] == 1  # no new job
    assert snapshot(database_url) == reannotated

    fresh = _empty_like(database_url, tmp_path)
    assert ingest_texts(fresh, texts) == len(texts)
    fresh_state = snapshot(fresh)
    assert reannotated == fresh_state, differences(reannotated, fresh_state)
    assert aged != fresh_state  # the aged annotations were different: the test bites


def test_reannotate_job_over_http_and_the_stale_count(database_url: str) -> None:
    with TestClient(create_app(make_settings(database_url, worker_in_server="on"))) as client:
        ids = [client.post("/articles", json=article(i)).json()["id"] for i in range(3)]
        assert client.get("/health").json()["stale_articles"] == 0
        with get_engine(database_url).begin() as conn:
            conn.exec_driver_sql(
                f"UPDATE articles SET annotator_version = 'old' WHERE id <> {ids[0]}"
            )
        health = client.get("/health").json()
        assert health["stale_articles"] == 2 and health["annotator_version"].startswith("0.")
        quotations = client.get(f"/articles/{ids[1]}/quotations").json()["items"]

        job = client.post("/jobs/reannotate", json={"articles": "stale"})
        assert job.status_code == 202 and job.json()["total"] == 2
        done = _finished(client, job.headers["location"])
        assert (done["status"], done["reannotated"], done["failed"]) == ("done", 2, 0)
        assert client.get("/health").json()["stale_articles"] == 0
        again = client.get(f"/articles/{ids[1]}/quotations").json()["items"]
        assert [q["text"] for q in again] == [q["text"] for q in quotations]  # ids may differ
        listed = client.get(f"/jobs/{done['id']}/articles").json()["items"]
        assert [a["id"] for a in listed] == ids[1:]

        nothing = client.post("/jobs/reannotate", json={"articles": "stale"}).json()
        assert (nothing["total"], nothing["status"]) == (0, "done")
        mixed = client.post("/jobs/reannotate", json={"articles": [ids[0], 999]})
        finished = _finished(client, mixed.headers["location"])
        assert (finished["reannotated"], finished["failed"]) == (1, 1)
        assert finished["errors"][0]["index"] == 1
    assert assert_consistent(database_url).articles == 3


def _finished(client: TestClient, location: str) -> dict[str, Any]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = client.get(location).json()
        if job["status"] in ("done", "failed"):
            return dict(job)
        time.sleep(0.05)
    raise AssertionError(f"{location} did not finish")
