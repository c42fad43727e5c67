"""OpenAPI: shared problem responses, and a pass that declares what every route can answer.

Routes may list their problem responses with `problem_responses(404, 422, ...)`; whatever they
leave out, `harden_openapi` adds from what the operation looks like, so routes added later are
documented too: 422 wherever there are parameters or a body, 404 wherever there is a path
parameter, 400/413/415 wherever there is a body, 401/403 and the bearer scheme on every write,
304 on GETs answered with JSON or HTML (ETags), and 400 everywhere (a URL too long for the
HTTP server, answered by app.api.http_protocol).
Problem responses are declared as `application/problem+json`, which is what is sent.
"""

from __future__ import annotations

from typing import Any

from app.api.problems import PROBLEM_MEDIA_TYPE
from app.api.security import is_write
from app.schemas import Problem

PROBLEM_REF = "#/components/schemas/Problem"
HTTP_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})

DESCRIPTIONS: dict[int, str] = {
    304: "Not modified: the representation matches If-None-Match",
    400: "URL over 65,535 bytes (answered by the HTTP server before routing)",
    401: "API_KEYS is set and the request has no valid 'Authorization: Bearer <key>'",
    403: "API_KEYS is not set and the client is not on this machine (loopback)",
    404: "No such resource",
    413: "Body over MAX_ARTICLE_BYTES",
    415: "Unsupported Content-Type",
    422: "Invalid parameters or body (problem+json with `errors`)",
    500: "Unexpected error (logged with the request id)",
}


def problem_responses(*codes: int, **descriptions: str) -> dict[int | str, dict[str, Any]]:
    """`responses=` entries for problem statuses, e.g. `problem_responses(404, 422)`.

    Pass `d404="No article with this id"` to override a description.
    """
    return {
        code: {
            "model": Problem,
            "description": descriptions.get(f"d{code}", DESCRIPTIONS.get(code, "Problem")),
        }
        for code in codes
    }


def _problem(code: int) -> dict[str, Any]:
    return {
        "description": DESCRIPTIONS.get(code, "Problem"),
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": PROBLEM_REF}}},
    }


def _is_problem(response: dict[str, Any]) -> bool:
    return any(
        media.get("schema", {}).get("$ref") == PROBLEM_REF
        for media in response.get("content", {}).values()
    )


def _as_problem_media_type(response: dict[str, Any]) -> None:
    """Declare a Problem-shaped response as application/problem+json, whatever media type
    FastAPI guessed from the route's response class (application/json, text/html, text/csv)."""
    content = response.get("content", {})
    for media_type in list(content):
        if media_type == PROBLEM_MEDIA_TYPE:
            continue
        if content[media_type].get("schema", {}).get("$ref") == PROBLEM_REF:
            media = content.pop(media_type)
            content.setdefault(PROBLEM_MEDIA_TYPE, media)


def _wanted(method: str, op: dict[str, Any]) -> list[int]:
    """The problem statuses an operation can answer, from what it looks like."""
    parameters = op.get("parameters", [])
    has_body = "requestBody" in op
    wanted = [400]  # a request the HTTP server cannot parse, such as a URL over 64 KiB
    if parameters or has_body:
        wanted.append(422)
    if any(p.get("in") == "path" for p in parameters):
        wanted.append(404)
    if has_body:
        wanted += [413, 415]
    if is_write(method):
        wanted += [401, 403]
    return wanted


def _document_problems(method: str, op: dict[str, Any]) -> None:
    responses: dict[str, Any] = op.setdefault("responses", {})
    if is_write(method):
        op["security"] = [{"bearerAuth": []}, {}]
    ok = responses.get("200", {}).get("content", {})
    if method == "get" and ("application/json" in ok or "text/html" in ok):
        responses.setdefault("304", {"description": DESCRIPTIONS[304]})  # ETagMiddleware
    for code in _wanted(method, op):
        existing = responses.get(str(code))
        if existing is None or not _is_problem(existing):
            # FastAPI's default 422 (HTTPValidationError) is not what is sent.
            description = (existing or {}).get("description")
            responses[str(code)] = _problem(code)
            if description and code != 422:
                responses[str(code)]["description"] = description
    for response in responses.values():
        _as_problem_media_type(response)


def _without_null(parameter: dict[str, Any]) -> None:
    """An optional parameter's schema without FastAPI's `anyOf: [..., {"type": "null"}]`: a
    query string has no null (an absent parameter is `required: false`), and fuzzers read
    the alternative as a value that must be refused."""
    schema = parameter.get("schema", {})
    alternatives = schema.get("anyOf")
    if not alternatives or len(alternatives) != 2 or {"type": "null"} not in alternatives:
        return
    (kept,) = [a for a in alternatives if a != {"type": "null"}]
    parameter["schema"] = {**{k: v for k, v in schema.items() if k != "anyOf"}, **kept}


def harden_openapi(schema: dict[str, Any]) -> dict[str, Any]:
    components = schema.setdefault("components", {})
    components.setdefault("securitySchemes", {})["bearerAuth"] = {
        "type": "http",
        "scheme": "bearer",
        "description": (
            "Needed for writes when the server sets API_KEYS. Without API_KEYS, writes are"
            " accepted only from the server's own machine (loopback), without a key."
        ),
    }
    for item in schema.get("paths", {}).values():
        for method, op in item.items():
            if method in HTTP_METHODS:
                _document_problems(method, op)
                for parameter in op.get("parameters", []):
                    _without_null(parameter)
    schemas = components.get("schemas", {})
    paths_text = repr(schema.get("paths", {}))
    if "/HTTPValidationError'" not in paths_text:
        schemas.pop("HTTPValidationError", None)
        if "/ValidationError'" not in paths_text:
            schemas.pop("ValidationError", None)
    return schema
