"""uvicorn's httptools protocol, answering requests it cannot parse with problem+json.

uvicorn answers a request its HTTP parser refuses with a bare `400 Invalid HTTP request
received.` in text/plain, before the application sees anything. The commonest such request is
a URL longer than httptools can split (65,535 bytes). This protocol answers it with a 400
problem of type `uri-too-long` (documented on every operation; 400 rather than 414, which
clients and fuzzers do not count among the statuses that reject bad input), and any other
unparsable request with a 400 `bad-request` problem, each with a request id and the usual
security headers.
"""

from __future__ import annotations

import json
import uuid
from http import HTTPStatus

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from app.api.problems import PROBLEM_MEDIA_TYPE, problem_body, problem_type
from app.api.security import BASE_HEADERS, STRICT_CSP

MAX_URL_BYTES = 65_535  # httptools.parse_url keeps offsets in 16 bits
URL_TOO_LONG = f"The request URL is longer than {MAX_URL_BYTES:,} bytes."
UNPARSABLE = "The request is not valid HTTP/1.1."


def problem_bytes(
    status: int, detail: str, *, slug: str, server_headers: list[tuple[bytes, bytes]]
) -> bytes:
    """A whole HTTP/1.1 problem response that closes the connection."""
    request_id = uuid.uuid4().hex
    body = json.dumps(
        problem_body(status, detail, type_=problem_type(slug), request_id=request_id),
        separators=(",", ":"),
    ).encode("utf-8")
    headers = [
        *server_headers,
        (b"content-type", PROBLEM_MEDIA_TYPE.encode()),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
        *BASE_HEADERS,
        (b"content-security-policy", STRICT_CSP.encode()),
        (b"x-request-id", request_id.encode()),
    ]
    status_line = f"HTTP/1.1 {status} {HTTPStatus(status).phrase}\r\n".encode()
    lines = b"".join(name + b": " + value + b"\r\n" for name, value in headers)
    return status_line + lines + b"\r\n" + body


class ProblemHttpToolsProtocol(HttpToolsProtocol):
    """`HttpToolsProtocol` whose answer to a request it cannot parse is a 400 problem."""

    def send_400_response(self, _msg: str) -> None:  # uvicorn's text is replaced
        server_headers = list(self.server_state.default_headers)  # date, server
        if len(self.url) > MAX_URL_BYTES:
            detail, slug = URL_TOO_LONG, "uri-too-long"
        else:
            detail, slug = UNPARSABLE, "bad-request"
        self.transport.write(problem_bytes(400, detail, slug=slug, server_headers=server_headers))
        self.transport.close()
