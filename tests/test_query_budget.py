"""Performance guards that need no clock: statements per request and query plans.

* Every read endpoint runs a fixed, small number of SQL statements, whatever the page size
  (no N+1): the same request with limit=1 and limit=100 issues at most one more statement
  (a batched lookup that a one-item page may not need).
* On SQLite, every statement a read endpoint issues is planned on an index: no full SCAN of
  a large table or of a whole index (EXPLAIN QUERY PLAN). A SCAN is accepted only when it
  walks ids in order under a LIMIT (offset/keyset paging by id). Sorting the rows found for
  one key (one article, one entity, one search) in a temporary B-tree is allowed here; its
  cost at 100,000 articles is what `python -m bench` measures.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import event

from app.api.search_execution import loop_reader
from tests.conftest import app_of

MAX_STATEMENTS = 6  # the HTML reader view loads everything about an article in 6
BIG_TABLES = (
    "articles",
    "paragraphs",
    "mentions",
    "quotations",
    "article_entities",
    "entities",
    "co_mentions",
)
# Streamed exports run a fixed number of statements per batch of rows, not per request.
STREAMED = ("/export/",)
# Extra query strings some endpoints need to answer 200.
QUERY = {"/search": "q=said", "/stats/quotations": "group_by=source"}


@contextmanager
def recording(client: TestClient) -> Iterator[list[tuple[str, object]]]:
    engine = app_of(client).state.engine
    seen: list[tuple[str, object]] = []

    def listener(
        _conn: object, _cursor: object, statement: str, parameters: object, *_rest: object
    ) -> None:
        seen.append((statement, parameters))

    # On SQLite, searches run on the event loop's own driver connection, without SQLAlchemy
    # (app.api.search_execution.LoopReader): SQLite's trace callback sees those statements, with
    # their parameters bound into the text, and also the ones FTS5 runs on its shadow tables
    # (always named with their schema, 'main'.), which are left out.
    def traced(sql: str) -> None:
        if "'main'." not in sql:
            seen.append((sql, ()))

    loop = loop_reader(engine).driver if engine.dialect.name == "sqlite" else None
    event.listen(engine, "before_cursor_execute", listener)
    if loop is not None:
        loop.set_trace_callback(traced)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", listener)
        if loop is not None:
            loop.set_trace_callback(None)


def query_plans(client: TestClient, urls: list[str]) -> dict[str, list[str]]:
    """SQLite's EXPLAIN QUERY PLAN lines of every distinct statement the GETs of `urls` run."""
    statements: dict[str, object] = {}
    for url in urls:
        with recording(client) as seen:
            client.get(url)
        for sql, params in seen:
            statements.setdefault(sql, params)
    engine = app_of(client).state.engine
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        return {
            sql: [row[3] for row in raw.execute("EXPLAIN QUERY PLAN " + sql, params)]
            for sql, params in statements.items()
        }


def _ids(client: TestClient) -> dict[str, int]:
    article = client.get("/articles").json()["items"][0]["id"]
    person = client.get("/people").json()["items"][0]["id"]
    organisation = client.get("/organisations").json()["items"][0]["id"]
    quotation = client.get("/quotations").json()["items"][0]["id"]
    return {
        "article_id": article,
        "number": 1,
        "person": person,
        "organisation": organisation,
        "quotation_id": quotation,
    }


def read_requests(client: TestClient) -> list[str]:
    """A GET for every read route of the app, path parameters filled from the seeds."""
    ids = _ids(client)
    urls = []
    for path, operations in client.get("/openapi.json").json()["paths"].items():
        if "get" not in operations or path.startswith(STREAMED):
            continue
        values = dict(ids)
        values["entity_id"] = ids["organisation" if "organisation" in path else "person"]
        try:
            url = path.format(**values)
        except KeyError:
            continue  # a path parameter this test does not know how to fill
        query = QUERY.get(path, "")
        urls.append(url + ("?" + query if query else ""))
    return urls


def _with_limit(url: str, limit: int) -> str:
    return url + ("&" if "?" in url else "?") + f"limit={limit}"


def test_statements_per_request_do_not_grow_with_the_page(seeded_client: TestClient) -> None:
    client = seeded_client
    urls = read_requests(client)
    assert len(urls) >= 10
    for url in urls:
        with recording(client) as one:
            first = client.get(url)
        assert first.status_code == 200, url
        assert 1 <= len(one) <= MAX_STATEMENTS, (url, [s for s, _ in one])
        is_json = first.headers["content-type"].startswith("application/json")
        body = first.json() if is_json else None
        if isinstance(body, dict) and "items" in body:
            with recording(client) as small:
                assert client.get(_with_limit(url, 1)).status_code == 200
            with recording(client) as large:
                assert client.get(_with_limit(url, 100)).status_code == 200
            # One batched lookup (e.g. speaker names) may be skipped when a page needs none.
            assert len(small) <= len(large) <= min(len(small) + 1, MAX_STATEMENTS), (
                url,
                [s for s, _ in large],
            )


def _bad_plan_lines(sql: str, plan: list[str]) -> list[str]:
    bad = []
    for line in plan:
        for table in BIG_TABLES:
            scan = re.match(rf"SCAN {table}\b(?! USING (COVERING )?INDEX)", line)
            walks_pk = re.search(rf"ORDER BY {table}\.id\b.*LIMIT", sql, re.S)
            if scan and not walks_pk:
                bad.append(line)
        index_scan = re.match(r"SCAN (\w+) USING (COVERING )?INDEX", line)
        if index_scan and not re.search(rf"ORDER BY {index_scan[1]}\.id\b.*LIMIT", sql, re.S):
            bad.append(line)  # walking a whole index is a full scan too
    return bad


def test_read_queries_use_indexes(database_url: str, seeded_client: TestClient) -> None:
    if not database_url.startswith("sqlite"):
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    client = seeded_client
    urls = read_requests(client)
    urls += [_with_limit(u, 5) + "&offset=1" for u in urls if "{" not in u]
    urls += ["/articles?limit=5&after=1", "/quotations?limit=5&after=1"]
    problems = {}
    for sql, plan in query_plans(client, urls).items():
        if bad := _bad_plan_lines(sql, plan):
            problems[sql] = bad
    assert problems == {}, "\n\n".join(f"{sql}\n  -> {bad}" for sql, bad in problems.items())
