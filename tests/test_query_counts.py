"""Every endpoint runs a fixed number of SQL statements, whatever the page size (no N+1)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from tests.conftest import app_of


@contextmanager
def counting(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_statement_counts_do_not_grow_with_the_page(
    client: TestClient, corpus: dict[str, int]
) -> None:
    engine = app_of(client).state.engine
    lopez, acme = corpus["lopez"], corpus["acme"]
    paths = [
        "/articles?q=said",
        "/people?sort=-mentions",
        f"/organisations?article={corpus['a2']}",
        f"/people/{lopez}/articles",
        f"/people/{lopez}/mentions",
        f"/people/{lopez}/quotations",
        f"/organisations/{acme}/co-mentions",
        "/quotations?speaker_name=a",
        "/search?q=said",
    ]
    for path in paths:
        sep = "&" if "?" in path else "?"
        with counting(engine) as small:
            assert client.get(f"{path}{sep}limit=1").status_code == 200
        with counting(engine) as large:
            body = client.get(f"{path}{sep}limit=100").json()
        assert len(body["items"]) > 1, path
        assert len(large) == len(small) <= 8, (path, len(small), len(large))
    with counting(engine) as view:
        client.get(f"/articles/{corpus['a1']}/view")
    assert len(view) <= 8
