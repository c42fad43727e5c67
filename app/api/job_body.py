"""Reading the body of `POST /jobs/ingest`: a JSON array of articles or NDJSON, checked as a
whole (size, encoding, media type, JSON, 1..1,000 items: else a problem and no job) and item
by item (an item that is not a valid article becomes a failed item with its problem)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError

from app.api.body import MAX_JSON_DEPTH, decoded_utf8, json_depth, read_body
from app.api.problems import ProblemError, problem_type
from app.core.text import text_problem
from app.jobs.queue import problem
from app.schemas import ARTICLE_IN_EXAMPLE, MAX_JOB_ITEMS, ArticleIn

NDJSON = "application/x-ndjson"


def _bad_json(detail: str) -> ProblemError:
    return ProblemError(400, detail[:300], type_=problem_type("bad-json"))


def _json_entries(decoded: str) -> list[Any]:
    try:
        payload = json.loads(decoded)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise _bad_json(f"The body is not valid JSON: {exc}") from exc
    if not isinstance(payload, list):
        raise _count_error("Send a JSON array of articles.", "list_type")
    return payload


class _BrokenLine:
    """An NDJSON line that is not JSON: a failed item, the other lines go on."""

    def __init__(self, detail: str) -> None:
        self.detail = detail


def _ndjson_entries(decoded: str) -> list[Any]:
    entries: list[Any] = []
    for number, line in enumerate(decoded.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            entries.append(json.loads(line))
        except (json.JSONDecodeError, RecursionError) as exc:
            entries.append(_BrokenLine(f"Line {number} is not valid JSON: {exc}"[:300]))
    return entries


def _count_error(message: str, kind: str) -> RequestValidationError:
    return RequestValidationError([{"loc": ("body",), "msg": message, "type": kind}])


def item_of(entry: Any, max_bytes: int) -> dict[str, Any]:
    """One job item: `{"payload": article fields}`, or `{"problem": ...}` when invalid."""
    if isinstance(entry, _BrokenLine):
        return {"problem": problem("bad-json", 400, "Bad Request", entry.detail)}
    if json_depth(entry, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        return {"problem": problem("bad-json", 400, "Bad Request", "Nested too deeply.")}
    try:
        article = ArticleIn.model_validate(entry)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False, include_input=False)
        found = problem("validation-error", 422, "Unprocessable Content", "Invalid article.")
        return {"problem": {**found, "errors": [{**e, "loc": list(e["loc"])} for e in errors]}}
    for name, value in article.model_dump(include={"text", "title", "source", "url"}).items():
        if isinstance(value, str) and (bad := text_problem(value, max_bytes=max_bytes, field=name)):
            return {"problem": problem(bad.slug, bad.status, _TITLES[bad.status], bad.message)}
    return {"payload": article.model_dump(mode="json", exclude_none=True)}


_TITLES = {413: "Content Too Large", 422: "Unprocessable Content", 400: "Bad Request"}


async def read_job_items(request: Request) -> list[dict[str, Any]]:
    """The items of an ingest job, or a problem for a body that is not a batch of them."""
    settings = request.app.state.settings
    raw = await read_body(request, settings.max_job_bytes)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in ("application/json", NDJSON):
        raise ProblemError(
            415,
            "Send the articles as a JSON array (application/json) or as"
            " application/x-ndjson (one JSON object a line).",
            type_=problem_type("unsupported-media-type"),
        )
    decoded = decoded_utf8(raw)
    entries = (
        _json_entries(decoded) if media_type == "application/json" else _ndjson_entries(decoded)
    )
    if not entries:
        raise _count_error("Send at least one article.", "too_short")
    if len(entries) > MAX_JOB_ITEMS:
        raise _count_error(
            f"At most {MAX_JOB_ITEMS:,} articles a job; got {len(entries):,}.", "too_long"
        )
    return [item_of(entry, settings.max_article_bytes) for entry in entries]


JobItemsDep = Annotated[list[dict[str, Any]], Depends(read_job_items)]

JOB_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "type": "array",
                    # Each an ArticleIn; anything else is accepted as a failed item.
                    "items": {"anyOf": [{"$ref": "#/components/schemas/ArticleIn"}, {}]},
                    "minItems": 1,
                    "maxItems": MAX_JOB_ITEMS,
                },
                "example": [ARTICLE_IN_EXAMPLE],
            },
            NDJSON: {
                "schema": {
                    "type": "string",
                    "pattern": "\\S",  # at least one line that is not blank
                    "description": "One ArticleIn object a line (a line that is not one is"
                    " accepted as a failed item); blank lines are skipped",
                },
                "example": json.dumps(ARTICLE_IN_EXAMPLE) + "\n",
            },
        },
    }
}
