"""RFC 9457 problem+json errors for every 4xx/5xx the service returns."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.schemas import Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://annotated-news.example/problems/"

log = logging.getLogger("app.errors")


class ProblemError(Exception):
    """Raise from anywhere in request handling to answer with a problem response."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        type_: str | None = None,
        title: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.type = type_
        self.title = title
        self.headers = headers


def problem_type(slug: str) -> str:
    return PROBLEM_BASE + slug


def _slug(status: int) -> str:
    try:
        return HTTPStatus(status).phrase.lower().replace(" ", "-")
    except ValueError:
        return "error"


MAX_DETAIL_CHARS = 500
MAX_INSTANCE_CHARS = 300
MAX_ERRORS = 20
MAX_LOC_PART_CHARS = 64
MAX_MSG_CHARS = 200


def truncate(value: str, limit: int) -> str:
    """Cut `value` to at most `limit` characters so errors never echo huge inputs."""
    return value if len(value) <= limit else value[: limit - 1] + "…"


def problem_body(
    status: int,
    detail: str | None,
    *,
    type_: str | None = None,
    title: str | None = None,
    instance: str | None = None,
    request_id: str | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The JSON body of a problem response (also used by the ASGI middleware)."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    body = Problem(
        type=type_ or problem_type(_slug(status)),
        title=title or phrase,
        status=status,
        detail=truncate(detail, MAX_DETAIL_CHARS) if detail is not None else None,
        instance=truncate(instance, MAX_INSTANCE_CHARS) if instance is not None else None,
        request_id=request_id,
        errors=errors,
    )
    return jsonable_encoder(body, exclude_none=True)


def request_id_of(request: Request) -> str | None:
    return getattr(request.state, "request_id", None)


def problem_response(
    request: Request,
    status: int,
    detail: str | None,
    *,
    type_: str | None = None,
    title: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        problem_body(
            status,
            detail,
            type_=type_,
            title=title,
            instance=request.url.path,
            request_id=request_id_of(request),
            errors=errors,
        ),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


def allowed_methods(request: Request) -> str:
    """Every method the resource at this path supports, for `Allow` (RFC 9110 10.2.1).

    Starlette's 405 names only the methods of the first route matching the path, and each
    route here has one method (GET /articles and POST /articles are two routes).
    """
    path = request.scope["path"]
    methods: set[str] = set()
    for route in iter_route_contexts(request.app.routes):
        pattern = getattr(route, "path_regex", None)
        if route.methods and pattern is not None and pattern.match(path):
            methods |= route.methods
    return ", ".join(sorted(methods))


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Only location, message and type: never the offending input, which may be huge or secret.
    out = []
    for error in exc.errors()[:MAX_ERRORS]:
        out.append(
            {
                "loc": [truncate(str(part), MAX_LOC_PART_CHARS) for part in error.get("loc", ())],
                "msg": truncate(str(error.get("msg", "")), MAX_MSG_CHARS),
                "type": truncate(str(error.get("type", "")), MAX_LOC_PART_CHARS),
            }
        )
    return out


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(
            request, exc.status, exc.detail, type_=exc.type, title=exc.title, headers=exc.headers
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else None
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"No resource at {request.url.path}"
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": allowed_methods(request)}
        return problem_response(request, exc.status_code, detail, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = _validation_errors(exc)
        first = errors[0] if errors else None
        detail = (
            f"{'.'.join(first['loc'])}: {first['msg']}" if first else "The request is not valid"
        )
        return problem_response(
            request,
            422,
            detail,
            type_=problem_type("validation-error"),
            title="Request validation failed",
            errors=errors,
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception(
            "unhandled error on %s %s (request %s)",
            request.method,
            truncate(request.url.path, MAX_INSTANCE_CHARS),
            request_id_of(request),
        )
        return problem_response(request, 500, "An unexpected error occurred; it has been logged.")
