"""The FastAPI application: wiring of settings, database, routes, errors and docs."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

from anyio import CapacityLimiter
from fastapi import Depends, FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute

from app import __version__
from app.api.docs import install_docs
from app.api.etag import ETagMiddleware
from app.api.openapi import harden_openapi
from app.api.problems import install_problem_handlers
from app.api.query_guard import single_valued_query
from app.api.result_cache import ResultCache
from app.api.routes import (
    articles,
    entities,
    export,
    health,
    jobs,
    quotations,
    search,
    stats,
    timelines,
    views,
)
from app.api.search_execution import InlineGate, Offload
from app.api.security import install_security
from app.core import migrate
from app.core.config import Settings, get_settings
from app.core.db import get_engine
from app.jobs.runner import ServerWorker, wants_server_worker
from app.schemas import ArticleIn, Page, SearchHit
from app.seeds import load_seeds

TAGS = [
    {"name": "articles", "description": "Ingest articles and read them with their annotations."},
    {"name": "people", "description": "People named across all articles."},
    {"name": "organisations", "description": "Organisations named across all articles."},
    {"name": "quotations", "description": "Quotations and their speakers across all articles."},
    {"name": "search", "description": "Full-text search over paragraphs and quotations."},
    {"name": "stats", "description": "Timelines, sources and who gets quoted, with pages."},
    {"name": "export", "description": "Streamed CSV and JSON Lines exports."},
    {"name": "jobs", "description": "Batches of articles to ingest or annotate again, by workers."},
    {"name": "health", "description": "Service status."},
]


ROUTERS = (
    articles.router,
    entities.people,
    entities.organisations,
    timelines.people,
    timelines.organisations,
    timelines.corpus,
    stats.router,
    views.router,
    quotations.router,
    search.router,
    export.router,
    jobs.router,
    health.router,
)


def _operation_id(route: APIRoute) -> str:
    return route.name


def startup(settings: Settings) -> None:
    """Migrate the database and load the seeds (blocking; run before serving)."""
    if settings.migrate_on_start:
        migrate.upgrade(settings.database_url)
    if settings.load_seeds:
        load_seeds(get_engine(settings.database_url), settings.seed_dir)


def freeze_startup_heap() -> None:
    """Keep what startup loaded (spaCy, the models, SQLAlchemy's mappers: ~170k objects) out
    of the garbage collector's full passes. Each pass walked all of it on the event loop,
    whenever requests had allocated enough: the tail of list endpoints' latency at 100k
    articles (bench/README.md)."""
    gc.collect()
    gc.freeze()


def _lifespan(settings: Settings) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(startup, settings)
        # made here, in the event loop the app will run in
        app.state.search_offload = Offload(
            CapacityLimiter(settings.search_concurrency),
            InlineGate(settings.search_inline_ms / 1000),
        )
        freeze_startup_heap()
        if wants_server_worker(settings):
            app.state.server_worker = ServerWorker(settings)
            app.state.server_worker.start()
        try:
            yield
        finally:
            worker = getattr(app.state, "server_worker", None)
            if worker is not None:
                await run_in_threadpool(worker.stop)

    return lifespan


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    app = FastAPI(
        title="Annotated News API",
        version=__version__,
        summary="News articles with their people, organisations and attributed quotations.",
        description=(
            "Post plain-text news articles; get back their structure (title, authors, source,"
            " date, paragraphs), the people and organisations they name, and every quotation"
            " with its speaker. All errors are RFC 9457 `application/problem+json`."
        ),
        openapi_tags=TAGS,
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan(settings),
        generate_unique_id_function=_operation_id,
        dependencies=[Depends(single_valued_query)],
    )
    app.state.settings = settings
    app.state.engine = get_engine(settings.database_url)
    app.state.search_cache = ResultCache[Page[SearchHit]](settings.search_cache_size)

    app.add_middleware(ETagMiddleware)
    install_problem_handlers(app)
    install_security(app, settings)
    install_docs(app)
    for router in ROUTERS:
        app.include_router(router)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, built once: FastAPI's, with the article body's schema and the
    problem responses every operation can give (app.api.openapi.harden_openapi)."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            description=app.description,
            routes=app.routes,
            tags=app.openapi_tags,
        )
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components["ArticleIn"] = ArticleIn.model_json_schema(
            ref_template="#/components/schemas/{model}"
        )
        text = {**components["ArticleIn"]["properties"]["text"], "title": "ArticleText"}
        components["ArticleText"] = text  # the whole of a text/plain body (app.api.body)
        app.openapi_schema = harden_openapi(schema)
    return app.openapi_schema
