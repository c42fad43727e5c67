"""RFC 8288 `Link` headers (rel="next"/"prev") for paged collections."""

from __future__ import annotations

from typing import TypeVar
from urllib.parse import urlencode

from fastapi import Request, Response

from app.schemas import Page

T = TypeVar("T")
_PAGING = frozenset({"offset", "limit"})


def _link(request: Request, *, offset: int, limit: int, rel: str) -> str:
    # Built from the scope and the parsed query string directly: `request.url` (host header
    # parsing, urlsplit) and `include_query_params` (re-encoding the whole URL) are a
    # noticeable cost on every page of every list. `path` is `request.url.path`.
    path = request.scope["path"].replace("?", "%3F").replace("#", "%23").replace("\\", "%5C")
    params = [(k, v) for k, v in request.query_params.multi_items() if k not in _PAGING]
    params += [("offset", str(offset)), ("limit", str(limit))]
    return f'<{path}?{urlencode(params)}>; rel="{rel}"'


def paged(request: Request, response: Response, page: Page[T]) -> Page[T]:
    """Add the Link header for `page` (other query parameters kept) and return the page."""
    links = []
    if page.offset + page.limit < page.total:
        links.append(_link(request, offset=page.offset + page.limit, limit=page.limit, rel="next"))
    if page.offset > 0:
        prev = max(0, min(page.offset - page.limit, max(page.total - page.limit, 0)))
        links.append(_link(request, offset=prev, limit=page.limit, rel="prev"))
    if links:
        response.headers["Link"] = ", ".join(links)
    return page
