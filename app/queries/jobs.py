"""Queries over jobs and their items."""

from __future__ import annotations

from typing import Any, get_args

from sqlalchemy import func, select
from sqlmodel import Session, col

from app.models import Article, Job, JobItem
from app.queries.articles import SUMMARY_COLUMNS, summary_of
from app.schemas import ArticleSummary, ItemProblem, JobError, JobOut, JobStatus, JobSummary, Page

JOB_COLUMNS = (
    col(Job.id),
    col(Job.kind),
    col(Job.status),
    col(Job.total),
    col(Job.processed),
    col(Job.created),
    col(Job.existing),
    col(Job.reannotated),
    col(Job.failed),
    col(Job.created_at),
    col(Job.started_at),
    col(Job.finished_at),
)


def _summary(row: Any) -> JobSummary:
    return JobSummary.model_validate(dict(row._mapping))


def job_exists(session: Session, *, job_id: int) -> bool:
    return session.execute(select(col(Job.id)).where(col(Job.id) == job_id)).first() is not None


def get_job(session: Session, *, job_id: int) -> JobOut | None:
    """The job with the errors of its failed items."""
    row = session.execute(select(*JOB_COLUMNS).where(col(Job.id) == job_id)).first()
    if row is None:
        return None
    failed = session.execute(
        select(col(JobItem.position), col(JobItem.problem))
        .where(col(JobItem.job_id) == job_id, col(JobItem.status) == "failed")
        .order_by(col(JobItem.position))
    ).all()
    errors = [
        JobError(index=position, problem=ItemProblem.model_validate(problem))
        for position, problem in failed
    ]
    return JobOut(**_summary(row).model_dump(), errors=errors)


def list_jobs(
    session: Session, *, status: JobStatus | None, limit: int, offset: int
) -> Page[JobSummary]:
    """Jobs, newest first."""
    # Every status, when none is given: counted on the status index (jobs are few, but a
    # bare count(*) would walk the whole table).
    statuses = [status] if status is not None else list(get_args(JobStatus))
    where = [col(Job.status).in_(statuses)]
    total = session.execute(select(func.count()).select_from(Job).where(*where)).scalar_one()
    rows = session.execute(
        select(*JOB_COLUMNS).where(*where).order_by(col(Job.id).desc()).limit(limit).offset(offset)
    ).all()
    return Page(items=[_summary(r) for r in rows], total=total, limit=limit, offset=offset)


def job_articles(
    session: Session, *, job_id: int, limit: int, offset: int
) -> Page[ArticleSummary] | None:
    """The articles the job created, found or re-annotated, in item order (None: no job)."""
    if not job_exists(session, job_id=job_id):
        return None
    joined = (
        select(*SUMMARY_COLUMNS)
        .join(JobItem, col(JobItem.article_id) == col(Article.id))
        .where(col(JobItem.job_id) == job_id)
    )
    total = session.execute(select(func.count()).select_from(joined.subquery())).scalar_one()
    rows = session.execute(joined.order_by(col(JobItem.position)).limit(limit).offset(offset)).all()
    return Page(items=[summary_of(r) for r in rows], total=total, limit=limit, offset=offset)
