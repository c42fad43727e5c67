"""Request context and write policy as cheap, pure-ASGI middleware.

`RequestContextMiddleware` (outermost) gives every request an id (a sane incoming
`X-Request-ID`, else a fresh one), echoes it, adds security headers to every response,
writes one access-log line per request and turns an unhandled exception into a 500
problem+json that names the request id and nothing else.

`WritePolicyMiddleware` (innermost) guards every non-safe method, so routes added later
are covered without opting in: with `API_KEYS` set a write needs `Authorization: Bearer <key>`
(401 otherwise, also for a wrong key); without it writes are accepted only from loopback.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import logging
import re
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from time import perf_counter
from typing import Any

from app.api.problems import PROBLEM_MEDIA_TYPE, problem_body, problem_type, truncate
from app.core.config import Settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_REQUEST_ID_OK = re.compile(rb"[A-Za-z0-9][A-Za-z0-9._:@+=/-]{0,127}")
REALM = "annotated-news"

# Strict for everything we serve (JSON, problem+json and HTML views such as the reader view):
# no scripts, no plugins, no framing, nothing loaded from elsewhere.
STRICT_CSP = (
    "default-src 'none'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
# Swagger UI and ReDoc: same-origin assets plus their inline init script (and ReDoc's worker).
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_PATHS = frozenset({"/docs", "/redoc", "/docs/oauth2-redirect"})
BASE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)

access_log = logging.getLogger("app.access")
error_log = logging.getLogger("app.errors")


def _incoming_request_id(value: bytes | None) -> str:
    if value is not None and _REQUEST_ID_OK.fullmatch(value):
        return value.decode("ascii")
    return uuid.uuid4().hex


def is_loopback(client: tuple[str, int] | list[Any] | None) -> bool:
    """True for 127.0.0.0/8, ::1 (also IPv4-mapped) and Starlette's TestClient."""
    if not client:
        return False
    host = str(client[0])
    if host == "testclient":  # starlette.testclient's fixed peer name: in-process tests
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


async def send_problem(
    send: Send,
    status: int,
    detail: str,
    *,
    scope: Scope,
    type_: str | None = None,
    headers: list[tuple[bytes, bytes]] | None = None,
) -> None:
    state = scope.get("state") or {}
    body = json.dumps(
        problem_body(
            status,
            detail,
            type_=type_,
            instance=scope.get("path"),
            request_id=state.get("request_id"),
        ),
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
                (b"content-length", str(len(body)).encode()),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, log_requests: bool = True) -> None:
        self.app = app
        self.log_requests = log_requests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started_at = perf_counter()
        incoming = None
        for name, value in scope["headers"]:
            if name == b"x-request-id":
                incoming = value
                break
        request_id = _incoming_request_id(incoming)
        scope.setdefault("state", {})["request_id"] = request_id
        csp = DOCS_CSP if scope["path"] in DOCS_PATHS else STRICT_CSP
        rid_header = (b"x-request-id", request_id.encode("ascii"))
        status = 0

        async def send_with_headers(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers") or [])
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in BASE_HEADERS if h[0] not in present)
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", csp.encode()))
                if b"x-request-id" not in present:
                    headers.append(rid_header)
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            error_log.exception(
                "unhandled error on %s %s (request %s)",
                scope.get("method"),
                truncate(scope.get("path", ""), 300),
                request_id,
            )
            if status:  # the response has begun: nothing sensible can be sent any more
                raise
            await send_problem(
                send_with_headers,
                500,
                "An unexpected error occurred; it has been logged.",
                scope=scope,
            )
        finally:
            if self.log_requests:
                _log_request(scope, status, started_at, request_id)


def _log_request(scope: Scope, status: int, started_at: float, request_id: str) -> None:
    """The access-log line of a request: client, method, path, status, time and id."""
    client = scope.get("client")
    access_log.info(
        '%s - "%s %s" %d %.1fms request_id=%s',
        client[0] if client else "-",
        scope.get("method"),
        truncate(scope.get("path", ""), 300),
        status,
        (perf_counter() - started_at) * 1000,
        request_id,
    )


class WritePolicyMiddleware:
    def __init__(self, app: ASGIApp, *, api_keys: list[str]) -> None:
        self.app = app
        self.keys = [key.encode("utf-8") for key in api_keys]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        if self.keys:
            authorization = None
            for name, value in scope["headers"]:
                if name == b"authorization":
                    authorization = value
                    break
            scheme, _, token = (authorization or b"").partition(b" ")
            token = token.strip()
            if scheme.lower() != b"bearer" or not token:
                await send_problem(
                    send,
                    401,
                    "Writes need an API key: send 'Authorization: Bearer <key>'.",
                    scope=scope,
                    type_=problem_type("unauthorized"),
                    headers=[(b"www-authenticate", f'Bearer realm="{REALM}"'.encode())],
                )
                return
            matched = False
            for key in self.keys:  # look at every key: timing reveals no prefix or position
                matched |= hmac.compare_digest(token, key)
            if not matched:
                await send_problem(
                    send,
                    401,
                    "The API key is not valid.",
                    scope=scope,
                    type_=problem_type("unauthorized"),
                    headers=[
                        (
                            b"www-authenticate",
                            f'Bearer realm="{REALM}", error="invalid_token"'.encode(),
                        )
                    ],
                )
                return
        elif not is_loopback(scope.get("client")):
            await send_problem(
                send,
                403,
                "Writes are accepted only from this machine unless API_KEYS is configured.",
                scope=scope,
                type_=problem_type("forbidden"),
            )
            return
        await self.app(scope, receive, send)


def install_security(app: Any, settings: Settings) -> None:
    """Add the middleware in order: request context (outermost), CORS, write policy."""
    from starlette.middleware.cors import CORSMiddleware

    app.add_middleware(WritePolicyMiddleware, api_keys=settings.api_key_list)
    origins = settings.cors_origin_list
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "HEAD", "POST", "DELETE", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type", "X-Request-ID", "If-None-Match"],
            expose_headers=["X-Request-ID", "Location", "ETag"],
            max_age=600,
        )
    app.add_middleware(RequestContextMiddleware, log_requests=settings.access_log)


def is_write(method: str) -> bool:
    return method.upper() not in SAFE_METHODS
