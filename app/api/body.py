"""Reading an article from a request body: JSON or text/plain, size- and encoding-checked."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.api.problems import ProblemError, problem_type
from app.core.text import text_problem
from app.schemas import ARTICLE_IN_EXAMPLE, ArticleIn

MAX_JSON_DEPTH = 32


def json_depth(value: Any, limit: int) -> int:
    stack = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if deepest > limit:
            return deepest
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _check_text(article: ArticleIn, max_bytes: int) -> None:
    """Apply the storage rule (`app.core.text.text_problem`) to the text and the string fields."""
    for name, value in article.model_dump(include={"text", "title", "source", "url"}).items():
        if not isinstance(value, str):
            continue
        problem = text_problem(value, max_bytes=max_bytes, field=name)
        if problem is not None:
            raise ProblemError(problem.status, problem.message, type_=problem_type(problem.slug))


def _too_large(limit: int) -> ProblemError:
    return ProblemError(
        413, f"The body is larger than the limit of {limit} bytes.", type_=problem_type("too-large")
    )


async def read_body(request: Request, limit: int) -> bytes:
    """The raw body, refused as soon as it is clearly over the limit (the declared length
    first, before reading). The slack is for JSON escapes and the other fields."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit + 64 * 1024:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit + 64 * 1024:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def decoded_utf8(raw: bytes) -> str:
    """The body as text; a body that is not UTF-8 is a 400 (bad-encoding)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProblemError(
            400,
            f"The body is not valid UTF-8 (byte {exc.start}).",
            type_=problem_type("bad-encoding"),
        ) from exc


def _payload(raw: bytes, media_type: str) -> Any:
    """The body as the fields of an ArticleIn: a text/plain body is the text."""
    decoded = decoded_utf8(raw)
    if media_type == "text/plain":
        return {"text": decoded}
    try:
        payload = json.loads(decoded)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise ProblemError(
            400, f"The body is not valid JSON: {exc}"[:300], type_=problem_type("bad-json")
        ) from exc
    if json_depth(payload, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise ProblemError(
            400, "The JSON body is nested too deeply.", type_=problem_type("bad-json")
        )
    return payload


async def read_article_in(request: Request) -> ArticleIn:
    limit = request.app.state.settings.max_article_bytes
    raw = await read_body(request, limit)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in ("application/json", "text/plain"):
        raise ProblemError(
            415,
            'Send the article as application/json ({"text": ...}) or text/plain.',
            type_=problem_type("unsupported-media-type"),
        )
    try:
        article = ArticleIn.model_validate(_payload(raw, media_type))
    except ValidationError as exc:
        raise RequestValidationError(
            [
                {**e, "loc": ("body", *e["loc"])}
                for e in exc.errors(include_url=False, include_context=False)
            ]
        ) from exc
    _check_text(article, limit)
    return article


ArticleInDep = Annotated[ArticleIn, Depends(read_article_in)]

REQUEST_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {"$ref": "#/components/schemas/ArticleIn"},
                "example": ARTICLE_IN_EXAMPLE,
            },
            "text/plain": {
                "schema": {"$ref": "#/components/schemas/ArticleText"},
                "example": "Acme Corp said on Monday it would hire 200 people.",
            },
        },
    }
}
