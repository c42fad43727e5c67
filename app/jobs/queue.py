"""The job queue, in the database: submit jobs, claim items with a lease, record outcomes.

A claim is one `UPDATE job_items ... WHERE id = (SELECT ... FOR UPDATE SKIP LOCKED)
RETURNING ...` in a write transaction: on PostgreSQL concurrent workers skip the rows another
claim holds, on SQLite the write transaction is the single writer (BEGIN IMMEDIATE). It takes
an item whose lease expired (its worker died) first, else the oldest queued one, and bumps its
`attempts`. The outcome of an item is written by `finish` inside the transaction that stores
the article, and only while this claim still holds the item (same worker token and attempt):
the article and its item commit together, or neither does. See docs/jobs.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Literal

from sqlalchemy import Connection, Engine, and_, func, insert, or_, select, update
from sqlmodel import Session

from app.core.annotator_version import annotator_version
from app.core.counters import get_count
from app.models import Article, Job, JobItem, utcnow
from app.store.transaction import run_write

_jobs = Job.__table__  # type: ignore[attr-defined]
_items = JobItem.__table__  # type: ignore[attr-defined]
_articles = Article.__table__  # type: ignore[attr-defined]

JobKind = Literal["ingest", "reannotate"]
Outcome = Literal["created", "existing", "reannotated", "failed"]
PROBLEM_BASE = "https://annotated-news.example/problems/"
INSERT_CHUNK = 500


class LeaseLost(Exception):
    """The item's lease expired and another claim took it: this attempt's write rolls back."""


@dataclass(frozen=True, slots=True)
class Claimed:
    """An item held by this worker until `lease_until` (or until its outcome is recorded)."""

    id: int
    job_id: int
    kind: JobKind
    payload: dict[str, Any]
    attempts: int
    worker: str
    problem: dict[str, Any] | None  # the last attempt's error, if any


def problem(slug: str, status: int, title: str, detail: str) -> dict[str, Any]:
    """An RFC 9457 problem object, as an item error."""
    return {"type": PROBLEM_BASE + slug, "title": title, "status": status, "detail": detail}


# --- submitting ----------------------------------------------------------------------------


def submit(engine: Engine, kind: JobKind, items: Sequence[dict[str, Any]]) -> int:
    """Store a job with one item per entry: `{"payload": {...}}` to do, or `{"problem":
    {...}}` for an entry already known to be bad (recorded as failed at once). Returns its id."""
    failed = sum(1 for item in items if item.get("problem") is not None)

    def work(session: Session) -> int:
        connection = session.connection()
        now = utcnow()
        finished = failed == len(items)
        job_id: int = connection.execute(
            insert(_jobs).returning(_jobs.c.id),
            {"kind": kind, "total": len(items), "processed": failed, "failed": failed}
            | {"created": 0, "existing": 0, "reannotated": 0, "created_at": now}
            | {"status": _final_status(failed, len(items)) if finished else "queued"}
            | {"started_at": now if finished else None, "finished_at": now if finished else None},
        ).scalar_one()
        rows = [_item_row(job_id, position, item) for position, item in enumerate(items)]
        for start in range(0, len(rows), INSERT_CHUNK):
            connection.execute(insert(_items), rows[start : start + INSERT_CHUNK])
        return job_id

    return run_write(engine, work, what=f"a new {kind} job")


def _item_row(job_id: int, position: int, item: dict[str, Any]) -> dict[str, Any]:
    bad = item.get("problem")
    return {
        "job_id": job_id,
        "position": position,
        "status": "failed" if bad is not None else "queued",
        "payload": item.get("payload") or {},
        "problem": bad,
        "attempts": 0,
        "article_id": None,
        "outcome": "failed" if bad is not None else None,
        "worker": None,
        "lease_until": None,
    }


def _final_status(failed: int, total: int) -> str:
    """`done` once every item is processed, `failed` when every one of them failed."""
    return "failed" if total and failed == total else "done"


def reannotation_items(
    engine: Engine, selection: Literal["stale", "all"] | list[int]
) -> list[dict[str, Any]]:
    """The items of a re-annotation job: the stale articles, all of them, or those named (an
    unknown id is an item error)."""
    column = _articles.c.id
    with engine.connect() as connection:
        if selection == "stale":
            ids = list(
                connection.execute(select(column).where(_stale()).order_by(column)).scalars()
            )
        elif selection == "all":
            ids = list(connection.execute(select(column).order_by(column)).scalars())
        else:
            found = set(connection.execute(select(column).where(column.in_(selection))).scalars())
            return [_reannotate_item(i, i in found) for i in selection]
    force = selection == "all"
    return [{"payload": {"article_id": i, "force": force}} for i in ids]


def _reannotate_item(article_id: int, exists: bool) -> dict[str, Any]:
    if exists:
        return {"payload": {"article_id": article_id, "force": True}}
    detail = f"No article with id {article_id}."
    return {
        "payload": {"article_id": article_id},
        "problem": problem("not-found", 404, "Not Found", detail),
    }


def _stale() -> Any:
    version = _articles.c.annotator_version
    return or_(version.is_(None), version != annotator_version())


def stale_count(session: Session) -> int:
    """Articles whose annotations come from another annotator version (or an unknown one):
    all of them but the up-to-date ones (an index search, where counting `_stale` scans)."""
    current = _articles.c.annotator_version == annotator_version()
    up_to_date = session.execute(select(func.count()).where(current)).scalar_one()
    return get_count(session, "articles") - int(up_to_date)


# --- claiming ----------------------------------------------------------------------------


def _candidate(expired: bool, now: Any) -> Any:
    """The next item of one class, locked (PostgreSQL: skipping those other claims lock)."""
    status = _items.c.status
    lease = _items.c.lease_until
    where = and_(status == "claimed", lease < now) if expired else status == "queued"
    return (
        select(_items.c.id)
        .where(where)
        .order_by(lease, _items.c.id)
        .limit(1)
        .with_for_update(skip_locked=True)
        .scalar_subquery()
    )


def claim(engine: Engine, *, worker: str, lease_seconds: float) -> Claimed | None:
    """Take one item (an expired lease first, else the oldest queued), or None when there is
    none. Its job becomes `running` on its first claim."""

    def work(session: Session) -> Claimed | None:
        connection = session.connection()
        now = utcnow()
        for expired in (True, False):
            row = connection.execute(
                update(_items)
                .where(_items.c.id == _candidate(expired, now))
                .values(
                    status="claimed",
                    attempts=_items.c.attempts + 1,
                    worker=worker,
                    lease_until=now + timedelta(seconds=lease_seconds),
                )
                .returning(
                    _items.c.id,
                    _items.c.job_id,
                    _items.c.payload,
                    _items.c.attempts,
                    _items.c.problem,
                )
            ).first()
            if row is not None:
                return _claimed(connection, row, worker, now)
        return None

    return run_write(engine, work, what="a job item claim")


def _claimed(connection: Connection, row: Any, worker: str, now: Any) -> Claimed:
    kind = connection.execute(select(_jobs.c.kind).where(_jobs.c.id == row.job_id)).scalar_one()
    connection.execute(
        update(_jobs)
        .where(_jobs.c.id == row.job_id, _jobs.c.status == "queued")
        .values(status="running", started_at=now)
    )
    return Claimed(row.id, row.job_id, kind, row.payload, row.attempts, worker, row.problem)


def has_work(engine: Engine) -> bool:
    """A cheap read: is there an item to claim? (Idle workers poll this, not `claim`.)"""
    status, lease = _items.c.status, _items.c.lease_until
    ready = or_(status == "queued", and_(status == "claimed", lease < utcnow()))
    with engine.connect() as connection:
        return connection.execute(select(_items.c.id).where(ready).limit(1)).first() is not None


# --- outcomes ------------------------------------------------------------------------------


def _holding(claimed: Claimed) -> Any:
    return and_(
        _items.c.id == claimed.id,
        _items.c.status == "claimed",
        _items.c.worker == claimed.worker,
        _items.c.attempts == claimed.attempts,
    )


def finish(session: Session, claimed: Claimed, article_id: int, outcome: Outcome) -> None:
    """Record the item's outcome and count it in its job, inside the caller's write
    transaction; raise LeaseLost (rolling the whole transaction back) when the claim no
    longer holds the item."""
    connection = session.connection()
    done = connection.execute(
        update(_items)
        .where(_holding(claimed))
        .values(status="done", outcome=outcome, article_id=article_id, lease_until=None)
        .values(problem=None, payload={})  # the text is in the article now: not kept twice
    )
    if done.rowcount != 1:
        raise LeaseLost(f"job item {claimed.id}: lease lost")
    _count(connection, claimed.job_id, outcome)


def finish_alone(engine: Engine, claimed: Claimed, article_id: int, outcome: Outcome) -> None:
    """`finish` in a transaction of its own (nothing else to write)."""
    run_write(
        engine,
        lambda session: finish(session, claimed, article_id, outcome),
        what=f"the outcome of job item {claimed.id}",
    )


def fail(
    engine: Engine,
    claimed: Claimed,
    error: dict[str, Any],
    *,
    max_attempts: int,
    final: bool = False,
) -> bool:
    """Record an attempt's error: the item goes back to the queue, or is failed for good
    (with this error) after `max_attempts` attempts or when `final`. Returns True when it
    failed for good. Does nothing when the claim no longer holds the item."""
    final = final or claimed.attempts >= max_attempts

    def work(session: Session) -> None:
        connection = session.connection()
        values: dict[str, Any] = {"problem": error, "lease_until": None, "worker": None}
        values |= {"status": "failed", "outcome": "failed"} if final else {"status": "queued"}
        changed = connection.execute(update(_items).where(_holding(claimed)).values(**values))
        if final and changed.rowcount == 1:
            _count(connection, claimed.job_id, "failed")

    run_write(engine, work, what=f"the error of job item {claimed.id}")
    return final


def _count(connection: Connection, job_id: int, outcome: Outcome) -> None:
    """One more processed item in the job (its row lock, taken last, serialises these
    updates); the job is finished when it was the last."""
    column = _jobs.c[outcome]
    row = connection.execute(
        update(_jobs)
        .where(_jobs.c.id == job_id)
        .values({_jobs.c.processed: _jobs.c.processed + 1, column: column + 1})
        .returning(_jobs.c.processed, _jobs.c.total, _jobs.c.failed)
    ).one()
    if row.processed >= row.total:
        connection.execute(
            update(_jobs)
            .where(_jobs.c.id == job_id)
            .values(status=_final_status(row.failed, row.total), finished_at=utcnow())
        )


def pending(engine: Engine, job_ids: Iterable[int] | None = None) -> int:
    """Items not finished yet (queued or claimed), of these jobs or of all."""
    query = select(func.count()).where(_items.c.status.in_(("queued", "claimed")))
    if job_ids is not None:
        query = query.where(_items.c.job_id.in_(list(job_ids)))
    with engine.connect() as connection:
        return int(connection.execute(query).scalar_one())


def job_counts(engine: Engine, job_id: int) -> dict[str, Any]:
    """The job's row as a dict (status and counts)."""
    with engine.connect() as connection:
        row = connection.execute(select(_jobs).where(_jobs.c.id == job_id)).one()
    return dict(row._mapping)
