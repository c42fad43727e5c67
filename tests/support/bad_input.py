"""THE table of hostile inputs: what is sent, what must come back.

`tests/test_bad_input.py` runs every row against a real database (SQLite and PostgreSQL);
`scripts/doc_tables.py` renders the same rows into docs/bad-input.md, and a test fails when
that table is stale. Add a row here, run the script, commit both.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

MAX_ARTICLE_BYTES = 2_000_000  # the default setting, which the table is run against

SAMPLE = "Acme Widgets said on Monday that it would hire 200 people in Leeds."


@dataclass(frozen=True)
class BadInput:
    method: str
    path: str
    description: str  # what is sent, for the docs table
    status: int  # the expected status
    problem: str | None = None  # the expected problem type slug (None: a 2xx/3xx answer)
    body: bytes | None = None
    content_type: str | None = None
    note: str = ""
    shown_path: str | None = None  # for the docs, when the path itself is unreadable
    costly: bool = False  # seconds to annotate: run on one backend only
    item_error: str | None = None  # a job accepted (202) with this problem type on item 0

    @property
    def endpoint(self) -> str:
        return f"{self.method} {self.shown_path or self.path}"

    @property
    def id(self) -> str:
        return f"{self.method} {self.path[:40]} {self.description[:40]}"


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def post(description: str, status: int, problem: str | None, body: bytes, ctype: str | None,
         note: str = "", costly: bool = False) -> BadInput:  # fmt: skip
    return BadInput("POST", "/articles", description, status, problem, body, ctype, note,
                    costly=costly)  # fmt: skip


def get(path: str, description: str, status: int, problem: str | None, note: str = "",
        shown_path: str | None = None) -> BadInput:  # fmt: skip
    return BadInput("GET", path, description, status, problem, note=note, shown_path=shown_path)


def job(description: str, status: int, problem: str | None, body: bytes, ctype: str | None,
        note: str = "", item_error: str | None = None,
        path: str = "/jobs/ingest") -> BadInput:  # fmt: skip
    return BadInput("POST", path, description, status, problem, body, ctype, note,
                    item_error=item_error)  # fmt: skip


JSON = "application/json"
TEXT = "text/plain"
NDJSON = "application/x-ndjson"
MAX_JOB_BYTES = 50_000_000  # the default setting

CASES: list[BadInput] = [
    # --- text content ------------------------------------------------------------------
    post("empty text `\"\"`", 422, "empty-text", _json({"text": ""}), JSON),
    post("whitespace-only text (spaces, tabs, newlines, nbsp)", 422, "empty-text",
         _json({"text": " \t\n\r\n\u00a0 "}), JSON),
    post("empty text/plain body", 422, "empty-text", b"", TEXT),
    post("text with no letters (`1234 !!! 5678`)", 422, "no-letters",
         _json({"text": "1234 !!! 5678 -- ..."}), JSON),
    post("10,000 quotation marks and nothing else", 422, "no-letters", b'"' * 10_000, TEXT),
    post("only combining marks (no base letters)", 422, "no-letters",
         _json({"text": "\u0301\u0308\u0327 \u0301"}), JSON),
    post("NUL character (U+0000) in the text", 422, "invalid-characters",
         _json({"text": "Acme said\u0000 hello."}), JSON,
         "PostgreSQL cannot store NUL; refused on every backend"),
    post("unpaired surrogate escape `\\ud800` in the text", 422, "invalid-characters",
         b'{"text": "Acme said \\ud800 hello."}', JSON),
    post("NUL character in the title", 422, "invalid-characters",
         _json({"text": SAMPLE, "title": "A\u0000B"}), JSON),
    # --- size ----------------------------------------------------------------------------
    post("text one byte over MAX_ARTICLE_BYTES (2,000,000)", 413, "too-large",
         _json({"text": "a" * (MAX_ARTICLE_BYTES + 1)}), JSON),
    post("3 MB body (refused from Content-Length, before reading)", 413, "too-large",
         b"word " * 600_000, TEXT),
    # --- encoding and media type -------------------------------------------------------
    post("invalid UTF-8 (`\\xff\\xfe`)", 400, "bad-encoding", b"Acme \xff\xfe said", TEXT),
    post("binary body (PNG header) sent as text/plain", 400, "bad-encoding",
         b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8", TEXT),
    post("Latin-1 bytes labelled `charset=latin-1`", 400, "bad-encoding",
         "Caf\u00e9 owner said hello.".encode("latin-1"), "text/plain; charset=latin-1",
         "only UTF-8 is accepted"),
    post("no Content-Type", 415, "unsupported-media-type", _json({"text": SAMPLE}), None),
    post("application/xml", 415, "unsupported-media-type", b"<text>Acme</text>",
         "application/xml"),
    post("application/octet-stream", 415, "unsupported-media-type", b"\x00\x01\x02",
         "application/octet-stream"),
    post("multipart/form-data", 415, "unsupported-media-type", b"--x\r\n\r\n--x--",
         "multipart/form-data; boundary=x"),
    post("text/html", 415, "unsupported-media-type", b"<p>Acme said hi</p>", "text/html"),
    # --- JSON shape ----------------------------------------------------------------------
    post("malformed JSON (`{\"text\": `)", 400, "bad-json", b'{"text": ', JSON),
    post("JSON with a trailing comma", 400, "bad-json", b'{"text": "Acme said hi",}', JSON),
    post("JSON with a UTF-8 byte-order mark", 400, "bad-json",
         b"\xef\xbb\xbf" + _json({"text": SAMPLE}), JSON),
    post("JSON nested 5,000 deep", 400, "bad-json", b"[" * 5000 + b"]" * 5000, JSON),
    post("JSON nested 100 deep inside an extra field", 400, "bad-json",
         b'{"text": "Acme said hi", "x": ' + b'{"a": ' * 100 + b"1" + b"}" * 100 + b"}", JSON),
    post("JSON array instead of an object", 422, "validation-error", b'["Acme said hi"]', JSON),
    post("JSON string instead of an object", 422, "validation-error", b'"Acme said hi"', JSON),
    post("JSON `null`", 422, "validation-error", b"null", JSON),
    post("missing `text`", 422, "validation-error", _json({"title": "No text"}), JSON),
    post("unknown field", 422, "validation-error", _json({"text": SAMPLE, "colour": "red"}),
         JSON),
    post("unknown field with a 100 kB name", 422, "validation-error",
         _json({"text": SAMPLE, "k" * 100_000: 1}), JSON, "the error echoes 64 characters"),
    post("`text` is a number", 422, "validation-error", _json({"text": 5}), JSON),
    post("`text` is a list", 422, "validation-error", _json({"text": ["Acme", "said"]}), JSON),
    post("`text` is null", 422, "validation-error", _json({"text": None}), JSON),
    post("`published` is not a date", 422, "validation-error",
         _json({"text": SAMPLE, "published": "yesterday"}), JSON),
    post("`published` is a number", 422, "validation-error",
         _json({"text": SAMPLE, "published": 0}), JSON, "not read as a Unix time"),
    post("`published` is a date-time", 422, "validation-error",
         _json({"text": SAMPLE, "published": "2024-07-29T00:00:00"}), JSON),
    post("`published` is 2024-02-30", 422, "validation-error",
         _json({"text": SAMPLE, "published": "2024-02-30"}), JSON),
    post("`url` longer than 2,048 characters", 422, "validation-error",
         _json({"text": SAMPLE, "url": "https://example.org/" + "a" * 2100}), JSON),
    post("`title` is an object", 422, "validation-error",
         _json({"text": SAMPLE, "title": {"x": 1}}), JSON),
    # --- valid but odd: stored exactly as sent -----------------------------------------
    post("one paragraph of 100 kB", 201, None,
         _json({"text": "Acme Widgets said it would grow. " * 3100}), JSON,
         "3,100 mentions of one organisation", costly=True),
    post("10,000 quotation marks inside a sentence", 201, None,
         _json({"text": "Maria Lopez said " + '"' * 10_000 + " and left."}), JSON),
    post("control characters (BEL, ESC, DEL, zero-width space)", 201, None,
         _json({"text": "Acme\u0007 Widgets said\u001b[31m hello\u007f to\u200b Leeds."}), JSON),
    post("right-to-left text and bidi overrides", 201, None,
         _json({"text": "\u05e9\u05dc\u05d5\u05dd said \u202eMaria Lopez\u202c of Acme."}),
         JSON),
    post("combining characters (NFD)", 201, None,
         _json({"text": "Jose\u0301 Mari\u0301a said the cafe\u0301 would open."}), JSON),
    post("HTML and script in the text", 201, None,
         _json({"text": '<script>alert("x")</script> Acme said <b>hello</b> & bye.'}), JSON,
         "stored as sent; escaped wherever it is rendered as HTML"),
    post("CRLF line endings, tabs and nbsp, as text/plain", 201, None,
         b"Acme said hi.\r\n\r\n\tMaria\xc2\xa0Lopez said bye.\r\n", TEXT),
    # --- jobs: a bad body is refused whole (no job); a bad item is an item error ----------
    job("empty array `[]`", 422, "validation-error", b"[]", JSON),
    job("1,001 articles", 422, "validation-error", _json([{"text": SAMPLE}] * 1001), JSON,
        "at most 1,000 a job"),
    job("a JSON object instead of an array", 422, "validation-error", _json({"text": SAMPLE}),
        JSON),
    job("malformed JSON (`[{\"text\": `)", 400, "bad-json", b'[{"text": ', JSON),
    job("invalid UTF-8", 400, "bad-encoding", b'[{"text": "Acme \xff said"}]', JSON),
    job("body over MAX_JOB_BYTES (50,000,000)", 413, "too-large",
        b"[" + b" " * (MAX_JOB_BYTES + 70_000) + b"]", JSON,
        "refused from Content-Length, before reading"),
    job("text/plain", 415, "unsupported-media-type", SAMPLE.encode(), TEXT),
    job("NDJSON of blank lines only", 422, "validation-error", b"\n \n", NDJSON),
    job("an item without `text`", 202, None, _json([{"title": "No text"}, {"text": SAMPLE}]),
        JSON, "the other items go on", item_error="validation-error"),
    job("an item whose `text` is a number", 202, None, _json([{"text": 5}, {"text": SAMPLE}]),
        JSON, item_error="validation-error"),
    job("an item that is a string", 202, None, _json(["Acme said hi", {"text": SAMPLE}]), JSON,
        item_error="validation-error"),
    job("an item with `published` not a date", 202, None,
        _json([{"text": SAMPLE, "published": "yesterday"}]), JSON,
        item_error="validation-error"),
    job("an item with an empty text", 202, None, _json([{"text": " "}, {"text": SAMPLE}]), JSON,
        item_error="empty-text"),
    job("an item with a NUL character", 202, None, _json([{"text": "A\u0000B said"}]), JSON,
        item_error="invalid-characters"),
    job("an item over MAX_ARTICLE_BYTES", 202, None,
        _json([{"text": "a" * (MAX_ARTICLE_BYTES + 1)}, {"text": SAMPLE}]), JSON,
        item_error="too-large"),
    job("NDJSON with one broken line", 202, None,
        b'{"text": "' + SAMPLE.encode() + b'"\n' + _json({"text": SAMPLE + " Again."}), NDJSON,
        "the line is a failed item; the other lines go on", item_error="bad-json"),
    job("`articles` neither `stale`, `all` nor ids", 422, "validation-error",
        _json({"articles": "some"}), JSON, path="/jobs/reannotate"),
    job("`articles` an empty list", 422, "validation-error", _json({"articles": []}), JSON,
        path="/jobs/reannotate"),
    job("`articles` with id 0", 422, "validation-error", _json({"articles": [0]}), JSON,
        path="/jobs/reannotate"),
    job("1,001 ids", 422, "validation-error", _json({"articles": list(range(1, 1002))}), JSON,
        path="/jobs/reannotate"),
    job("an unknown article id", 202, None, _json({"articles": [999]}), JSON,
        item_error="not-found", path="/jobs/reannotate"),
    get("/jobs/999", "unknown job id", 404, "not-found"),
    get("/jobs/0", "job id 0", 422, "validation-error"),
    get("/jobs/abc", "job id not an integer", 404, "not-found", "no such path"),
    get("/jobs/999/articles", "articles of an unknown job", 404, "not-found"),
    get("/jobs?status=lost", "unknown job status", 422, "validation-error"),
    # --- parameters --------------------------------------------------------------------
    get("/articles?limit=0", "`limit=0`", 422, "validation-error"),
    get("/articles?limit=-5", "negative `limit`", 422, "validation-error"),
    get("/articles?limit=101", "`limit` over 100", 422, "validation-error"),
    get("/articles?limit=99999999999999999999999", "huge `limit`", 422, "validation-error"),
    get("/articles?limit=ten", "`limit` not an integer", 422, "validation-error"),
    get("/articles?limit=1.5", "`limit` a decimal", 422, "validation-error"),
    get("/articles?limit=5&limit=6", "`limit` given twice", 422, "validation-error"),
    get("/quotations?speaker=1&speaker=2", "`speaker` given twice", 422, "validation-error"),
    get("/articles?offset=-1", "negative `offset`", 422, "validation-error"),
    get("/articles?offset=10000000000", "`offset` over 1,000,000,000", 422, "validation-error"),
    get("/articles?offset=1000000000", "`offset` past the end", 200, None, "an empty page"),
    get("/articles?colour=red", "unknown query parameter", 200, None, "ignored"),
    get("/articles/0", "id 0", 422, "validation-error"),
    get("/articles/-1", "negative id", 422, "validation-error"),
    get("/articles/abc", "id not an integer", 422, "validation-error"),
    get("/articles/1e3", "id in exponent notation", 422, "validation-error"),
    get("/articles/2147483648", "id beyond 32 bits", 422, "validation-error"),
    get("/articles/%00", "id is a NUL byte", 422, "validation-error"),
    get("/articles/" + "9" * 5000, "id of 5,000 digits", 422, "validation-error",
        shown_path="/articles/999…9"),
    get("/articles/999", "unknown article id", 404, "not-found"),
    get("/articles/999/paragraphs", "paragraphs of an unknown article", 404, "not-found"),
    get("/articles/999/paragraphs/1", "paragraph of an unknown article", 404, "not-found"),
    get("/articles/1/paragraphs/0", "paragraph number 0", 422, "validation-error"),
    get("/articles/999/people", "people of an unknown article", 404, "not-found"),
    get("/articles/999/quotations", "quotations of an unknown article", 404, "not-found"),
    get("/people/999", "unknown person", 404, "not-found"),
    get("/people/x", "person id not an integer", 422, "validation-error"),
    get("/organisations/999", "unknown organisation", 404, "not-found"),
    get("/quotations/999", "unknown quotation", 404, "not-found"),
    get("/quotations/-3", "negative quotation id", 422, "validation-error"),
    get("/no/such/path", "unknown path", 404, "not-found"),
    get("/%3Cscript%3E", "unknown path with markup", 404, "not-found"),
    # --- search strings ----------------------------------------------------------------
    get("/search?q=", "empty query", 422, "validation-error"),
    get("/search?q=%20%20%09", "whitespace-only query", 200, None, "no words: an empty page"),
    get("/search", "missing `q`", 422, "validation-error"),
    get("/search?q=%22%22%22%22", "only quotation marks", 200, None, "an empty page"),
    get("/search?q=*%20%3A%5E~-()", "only punctuation and operators", 200, None,
        "an empty page"),
    get("/search?q=OR%20AND%20NOT", "only boolean keywords", 200, None, "searched as words"),
    get("/search?q=%22unclosed%20phrase", "unbalanced quotation mark", 200, None,
        "read as a phrase"),
    get("/search?q=acme%27%3B%20DROP%20TABLE%20articles%3B--", "SQL injection attempt", 200,
        None, "just words"),
    get("/search?q=NEAR(acme%20leeds)%20col%3Atext%20%5Ex", "FTS5 / tsquery syntax", 200, None,
        "just words"),
    get("/search?q=%E2%80%AEacme%CC%81%F0%9F%98%80", "RTL override, combining mark, emoji",
        200, None),
    get("/search?q=%00", "NUL byte", 200, None, "no words: an empty page"),
    get("/search?q=" + "acme%20" * 2000, "2,000-word query", 200, None),
    get("/search?q=" + "a" * 20_001, "query over 20,000 characters", 422, "validation-error",
        shown_path="/search?q=aaa…a"),
    get("/articles?q=", "empty `q` on a list", 200, None, "matches nothing"),
    get("/quotations?q=%21%21%21", "`q` of punctuation on quotations", 200, None,
        "matches nothing"),
    get("/export/quotations.csv?q=%3F", "`q` of punctuation on an export", 200, None,
        "the header row only"),
    # --- other filters -------------------------------------------------------------------
    get("/articles?published_from=2024-13-01", "month 13", 422, "validation-error"),
    get("/articles?published_from=tomorrow", "date not ISO", 422, "validation-error"),
    get("/articles?published_to=0", "date as a number", 422, "validation-error"),
    get("/articles?sort=-published&after=1", "`after` with `sort`", 200, None,
        "the articles stored after it, sorted"),
    get("/quotations?kind=direct&after=9999999999999999", "`after` beyond the largest id",
        200, None, "an empty page"),
    get("/articles?person=0", "person id 0", 422, "validation-error"),
    get("/articles?sort=random", "unknown sort", 422, "validation-error"),
    get("/quotations?kind=shouted", "unknown quotation kind", 422, "validation-error"),
    get("/quotations?speaker=abc", "speaker id not an integer", 422, "validation-error"),
    get("/people/999/co-mentions", "co-mentions of an unknown person", 404, "not-found"),
    get("/articles/999/view", "reader view of an unknown article", 404, "not-found"),
    # --- deletes -------------------------------------------------------------------------
    BadInput("DELETE", "/articles/999", "unknown article id", 404, "not-found"),
    BadInput("DELETE", "/articles/abc", "id not an integer", 422, "validation-error"),
    BadInput("DELETE", "/articles/-1", "negative id", 422, "validation-error"),
    BadInput("DELETE", "/articles", "delete the collection", 405, "method-not-allowed"),
    # --- methods -------------------------------------------------------------------------
    BadInput("PUT", "/articles", "method not allowed", 405, "method-not-allowed",
             _json({"text": SAMPLE}), JSON),
    BadInput("DELETE", "/health", "method not allowed", 405, "method-not-allowed"),
]  # fmt: skip


def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ")


def render_markdown() -> str:
    """The bad-input table as Markdown (docs/bad-input.md)."""
    lines = [
        "What the API answers to hostile or odd input. Every row is a test"
        " (`tests/test_bad_input.py`, on SQLite and PostgreSQL). Every 4xx is an RFC 9457"
        " `application/problem+json` body whose `type` is"
        " `https://annotated-news.example/problems/<type>`, with `status`, `title`, `detail`,"
        " `instance` and `request_id`; a rejected write stores nothing. Accepted text is"
        " stored exactly as sent and every offset indexes it.",
        "",
        f"Size limits: `MAX_ARTICLE_BYTES` (default {MAX_ARTICLE_BYTES:,} bytes of UTF-8 text),"
        f" `MAX_JOB_BYTES` (default {MAX_JOB_BYTES:,} bytes: the body of `POST /jobs/ingest`).",
        "A job whose body is valid but holds a bad item is accepted (202): the item is recorded"
        " as failed with its problem (`errors` of `GET /jobs/{id}`), the others are done.",
        "",
        "| Endpoint | Input | Status | Problem type | Note |",
        "|---|---|---|---|---|",
    ]
    for case in CASES:
        problem = f"`{case.problem}`" if case.problem else "—"
        if case.item_error:
            problem = f"item 0: `{case.item_error}`"
        lines.append(
            f"| `{_cell(case.endpoint)}` | {_cell(case.description)} | {case.status}"
            f" | {problem} | {_cell(case.note)} |"
        )
    return "\n".join(lines) + "\n"
