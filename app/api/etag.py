"""ETag / If-None-Match for GET (pure ASGI, so streaming responses pass untouched).

Only complete 200 responses whose type is JSON or HTML are buffered and hashed; any other
response (exports streamed as CSV/JSONL, static files with their own ETag, errors) goes through
as it comes. A request whose If-None-Match names the body's tag gets 304 with no body.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HASHED_TYPES = ("application/json", "text/html")
MAX_HASHED_BYTES = 8 * 1024 * 1024  # larger bodies are passed on without an ETag


def weak_etag(body: bytes) -> str:
    return 'W/"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2): W/"x" and "x" match; "*" matches anything."""
    wanted = etag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == wanted:
            return True
    return False


class ETagMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0
        passing = False

        async def send_wrapper(message: Message) -> None:
            nonlocal start, size, passing
            if passing:
                await send(message)
                return
            if message["type"] == "http.response.start":
                headers = Headers(raw=message["headers"])
                media_type = headers.get("content-type", "").split(";")[0].strip()
                if message["status"] != 200 or media_type not in HASHED_TYPES or "etag" in headers:
                    passing = True
                    await send(message)
                    return
                start = message
                return
            if message["type"] != "http.response.body" or start is None:
                await send(message)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            more = message.get("more_body", False)
            if more and size <= MAX_HASHED_BYTES:
                return
            if more:  # too big to hash: let the rest through
                passing = True
                await send(start)
                await send(
                    {"type": "http.response.body", "body": b"".join(chunks), "more_body": True}
                )
                return
            body = b"".join(chunks)
            etag = weak_etag(body)
            headers = MutableHeaders(raw=start["headers"])
            headers["ETag"] = etag
            if if_none_match is not None and _matches(if_none_match, etag):
                for name in ("content-length", "content-type"):
                    if name in headers:
                        del headers[name]
                await send({"type": "http.response.start", "status": 304, "headers": headers.raw})
                await send({"type": "http.response.body", "body": b""})
                return
            await send(start)
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, send_wrapper)
