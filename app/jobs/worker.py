"""Job workers: claim an item, run the same annotate-and-store path as `POST /articles` (or
re-annotate), record the outcome with the article, repeat.

`python -m app worker [--processes N]` runs N of these loops (one per process) on any machine
sharing `DATABASE_URL`; on SQLite the server runs one in a thread (`WORKER_IN_SERVER`).
SIGTERM (or SIGINT) sets the stop event: the current item is finished, then the loop ends.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from app.annotate import annotate
from app.core.annotator_version import annotator_version
from app.ingest import (
    ArticleFields,
    content_hash,
    find_article_id,
    reannotate_article,
    store_article,
)
from app.jobs import queue
from app.jobs.queue import Claimed, LeaseLost
from app.models import Article

log = logging.getLogger("app.jobs")


@dataclass(frozen=True, slots=True)
class WorkerConfig:
    lease_seconds: float = 300.0
    max_attempts: int = 3
    poll_seconds: float = 1.0


def worker_name() -> str:
    """This worker's claim token: host, process and a random part (unique per loop)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def run_worker(
    engine: Engine,
    config: WorkerConfig,
    *,
    stop: threading.Event,
    wake: threading.Event | None = None,
    on_item: Any = None,
    until_idle: bool = False,
) -> int:
    """Process items until `stop` is set (or, with `until_idle`, until none is left);
    returns how many this loop processed. `wake` cuts an idle wait short (a job was
    submitted); `on_item(claimed, outcome)` is called after each item."""
    name = worker_name()
    log.info("worker %s started", name)
    done = 0
    busy = False  # after an item, claim at once; when idle, look first (a cheap read)
    while not stop.is_set():
        try:
            claimed = _next(engine, name, config, look=not busy)
        except DBAPIError as exc:  # the database is away (restart, failover): wait, retry
            log.warning("worker %s: cannot claim (%s); retrying", name, exc.__class__.__name__)
            _idle(config.poll_seconds, stop, wake)
            continue
        busy = claimed is not None
        if claimed is None:
            if until_idle:
                break
            _idle(config.poll_seconds, stop, wake)
            continue
        try:
            outcome = process(engine, claimed, config)
        except DBAPIError as exc:  # not even the error could be recorded: the lease will end
            log.warning("job item %d: database error (%s)", claimed.id, exc.__class__.__name__)
            outcome = "lost"
        done += 1
        if on_item is not None:
            on_item(claimed, outcome)
    log.info("worker %s stopped after %d items", name, done)
    return done


def _next(engine: Engine, name: str, config: WorkerConfig, *, look: bool) -> Claimed | None:
    if look and not queue.has_work(engine):
        return None
    return queue.claim(engine, worker=name, lease_seconds=config.lease_seconds)


def _idle(seconds: float, stop: threading.Event, wake: threading.Event | None) -> None:
    if wake is None:
        stop.wait(seconds)
        return
    wake.wait(seconds)
    wake.clear()


def process(engine: Engine, claimed: Claimed, config: WorkerConfig) -> str:
    """Do one claimed item; returns its outcome (`created`, `existing`, `reannotated`,
    `failed` for good, `retry` when it goes back to the queue, `lost` when the lease was)."""
    if claimed.attempts > config.max_attempts:  # its lease expired on every attempt
        last = claimed.problem or queue.problem(
            "worker-lost", 500, "Worker lost",
            f"The worker holding this item stopped {config.max_attempts} times (lease expired).",
        )  # fmt: skip
        queue.fail(engine, claimed, last, max_attempts=config.max_attempts, final=True)
        return "failed"
    try:
        if claimed.kind == "ingest":
            return _ingest(engine, claimed)
        return _reannotate(engine, claimed)
    except LeaseLost:
        log.warning(
            "job item %d: lease expired while working on it; left to its new claim", claimed.id
        )
        return "lost"
    except _ItemError as exc:
        queue.fail(engine, claimed, exc.problem, max_attempts=config.max_attempts, final=True)
        return "failed"
    except Exception as exc:
        log.exception("job item %d failed (attempt %d)", claimed.id, claimed.attempts)
        detail = f"{exc.__class__.__name__}: {exc}"[:500]
        error = queue.problem("item-failed", 500, "Annotation or storage failed", detail)
        final = queue.fail(engine, claimed, error, max_attempts=config.max_attempts)
        return "failed" if final else "retry"


class _ItemError(Exception):
    """An error that another attempt cannot fix (the item fails at once)."""

    def __init__(self, problem: dict[str, Any]) -> None:
        super().__init__(problem["detail"])
        self.problem = problem


def _fields(payload: dict[str, Any]) -> ArticleFields:
    published = payload.get("published")
    return ArticleFields(
        title=payload.get("title"),
        source=payload.get("source"),
        url=payload.get("url"),
        published=date.fromisoformat(published) if published else None,
    )


def _ingest(engine: Engine, claimed: Claimed) -> str:
    """The path of `POST /articles` (app.ingest.ingest), with the item's outcome recorded in
    the article's transaction."""
    text: str = claimed.payload["text"]
    with Session(engine) as session:
        existing = find_article_id(session, text_hash=content_hash(text))
    if existing is not None:
        queue.finish_alone(engine, claimed, existing, "existing")
        return "existing"

    def then(session: Session, article_id: int, created: bool) -> None:
        queue.finish(session, claimed, article_id, "created" if created else "existing")

    _, created = store_article(
        engine, text=text, annotation=annotate(text), fields=_fields(claimed.payload), then=then
    )
    return "created" if created else "existing"


def _reannotate(engine: Engine, claimed: Claimed) -> str:
    article_id: int = claimed.payload["article_id"]
    with Session(engine) as session:
        found = session.execute(
            select(col(Article.text), col(Article.annotator_version)).where(
                col(Article.id) == article_id
            )
        ).first()
    if found is None:
        raise _not_found(article_id)
    if not claimed.payload.get("force") and found.annotator_version == annotator_version():
        queue.finish_alone(engine, claimed, article_id, "existing")  # up to date already
        return "existing"

    def then(session: Session, stored_id: int, _created: bool) -> None:
        queue.finish(session, claimed, stored_id, "reannotated")

    if not reannotate_article(
        engine, article_id=article_id, annotation=annotate(found.text), then=then
    ):
        raise _not_found(article_id)  # deleted meanwhile
    return "reannotated"


def _not_found(article_id: int) -> _ItemError:
    detail = f"No article with id {article_id}."
    return _ItemError(queue.problem("not-found", 404, "Not Found", detail))
