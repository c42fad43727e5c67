"""Jobs: batches of articles to ingest, or stored articles to annotate again, done by workers."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response

from app.api import examples as ex
from app.api.deps import MAX_ID, EngineDep, Limit, Offset, SessionDep
from app.api.job_body import JOB_BODY_DOC, JobItemsDep
from app.api.lean_route import LeanRoute
from app.api.link_header import paged
from app.api.openapi import problem_responses
from app.api.problems import ProblemError
from app.jobs import queue
from app.queries import jobs as job_queries
from app.schemas import ArticleSummary, JobOut, JobStatus, JobSummary, Page, ReannotateIn

router = APIRouter(prefix="/jobs", tags=["jobs"], route_class=LeanRoute)

JobId = Annotated[int, Path(ge=1, le=MAX_ID, description="Job id")]
NOT_FOUND = problem_responses(404, d404="No job with this id")


def _accepted(request: Request, response: Response, session: SessionDep, job_id: int) -> JobOut:
    """202 with the new job and its Location; the server's own worker (SQLite) is woken."""
    worker = getattr(request.app.state, "server_worker", None)
    if worker is not None:
        worker.wake()
    response.status_code = 202
    response.headers["Location"] = f"/jobs/{job_id}"
    job = job_queries.get_job(session, job_id=job_id)
    assert job is not None
    return job


@router.post(
    "/ingest",
    response_model=JobOut,
    status_code=202,
    summary="Queue articles to annotate and store",
    description=(
        "A JSON array of up to 1,000 articles (each as the body of `POST /articles`), or"
        " `application/x-ndjson` with one per line; at most `MAX_JOB_BYTES`. A body that is not"
        " such a batch is refused whole; an item that is not a valid article (or an NDJSON line"
        " that is not JSON) is recorded as a failed item with its problem, and the others go"
        " on. Workers do the rest: poll `Location` (`GET /jobs/{id}`, with ETags)."
    ),
    openapi_extra=JOB_BODY_DOC,
    responses={
        **ex.ok(ex.JOB_QUEUED, 202, "Queued: the job, with `Location: /jobs/{id}`"),
        **problem_responses(
            400,
            413,
            415,
            422,
            d400="Body is not UTF-8 or not valid JSON (an array), or nested too deeply",
            d413="Body over MAX_JOB_BYTES",
            d415="Neither application/json nor application/x-ndjson",
            d422="Not an array, no article, or more than 1,000",
        ),
    },
)
def create_ingest_job(
    items: JobItemsDep,
    request: Request,
    response: Response,
    engine: EngineDep,
    session: SessionDep,
) -> JobOut:
    job_id = queue.submit(engine, "ingest", items)
    return _accepted(request, response, session, job_id)


@router.post(
    "/reannotate",
    response_model=JobOut,
    status_code=202,
    summary="Queue stored articles to annotate again",
    description=(
        'The stale articles (`{"articles": "stale"}`: annotated by another annotator version,'
        ' see `/health`), all of them (`"all"`) or those listed by id. Each keeps its id,'
        " text and ingest time; its paragraphs, mentions, quotations and entity links are"
        " replaced in one transaction (quotation ids change). An unknown id is a failed item."
    ),
    responses={
        **ex.ok(ex.JOB_QUEUED_REANNOTATE, 202, "Queued: the job, with `Location: /jobs/{id}`"),
        **problem_responses(422, d422="`articles` is not `stale`, `all` or a list of 1..1,000 ids"),
    },
)
def create_reannotate_job(
    body: ReannotateIn,
    request: Request,
    response: Response,
    engine: EngineDep,
    session: SessionDep,
) -> JobOut:
    job_id = queue.submit(engine, "reannotate", queue.reannotation_items(engine, body.articles))
    return _accepted(request, response, session, job_id)


@router.get(
    "",
    response_model=Page[JobSummary],
    summary="List jobs",
    description="Jobs, newest first, optionally only those with one `status`.",
    responses=ex.ok(ex.page(ex.JOB_SUMMARY)),
)
def list_jobs(
    request: Request,
    response: Response,
    session: SessionDep,
    status: Annotated[JobStatus | None, Query(description="Only jobs with this status")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[JobSummary]:
    page = job_queries.list_jobs(session, status=status, limit=limit, offset=offset)
    return paged(request, response, page)


@router.get(
    "/{job_id:int}",
    response_model=JobOut,
    summary="Get a job",
    description=(
        "Where the job stands: its counts move as workers finish items, and `errors` lists"
        " the failed items with their problem. Carries an `ETag`: poll with `If-None-Match`"
        " to get 304 until something changes."
    ),
    responses={**ex.ok(ex.JOB_DONE), **NOT_FOUND},
)
def get_job(job_id: JobId, session: SessionDep) -> JobOut:
    job = job_queries.get_job(session, job_id=job_id)
    if job is None:
        raise ProblemError(404, f"No job with id {job_id}.")
    return job


@router.get(
    "/{job_id:int}/articles",
    response_model=Page[ArticleSummary],
    summary="List a job's articles",
    description="The articles the job created, found already stored or re-annotated, in item"
    " order.",
    responses={**ex.ok(ex.page(ex.ARTICLE_SUMMARY)), **NOT_FOUND},
)
def list_job_articles(
    job_id: JobId,
    request: Request,
    response: Response,
    session: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[ArticleSummary]:
    page = job_queries.job_articles(session, job_id=job_id, limit=limit, offset=offset)
    if page is None:
        raise ProblemError(404, f"No job with id {job_id}.")
    return paged(request, response, page)
