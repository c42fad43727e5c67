"""Hostile input on every endpoint, from ONE table (tests/support/bad_input.py), and offsets.

Each row gets its documented status and problem type; a refused write leaves every table
empty; an accepted odd text is stored exactly as sent and every paragraph, mention and
quotation offset slices the stored text to the surface form the API serves.
"""

from __future__ import annotations

import json
import unicodedata
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from app.models import Article, ArticleEntity, Job, JobItem, Mention, Paragraph, Quotation
from tests.conftest import app_of
from tests.support.bad_input import CASES, BadInput

PROBLEM_BASE = "https://annotated-news.example/problems/"


def _row_counts(client: TestClient) -> dict[str, int]:
    engine = app_of(client).state.engine
    with engine.connect() as conn:
        return {
            model.__tablename__: conn.execute(select(func.count()).select_from(model)).scalar_one()
            for model in (Article, Paragraph, ArticleEntity, Mention, Quotation, Job, JobItem)
        }


def _sent_text(case: BadInput) -> str:
    assert case.body is not None
    if case.content_type == "application/json":
        return json.loads(case.body)["text"]
    return case.body.decode("utf-8")


def _all(client: TestClient, path: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    while True:
        page = client.get(path, params={"limit": 100, "offset": len(items)})
        assert page.status_code == 200, page.text
        body = page.json()
        items += body["items"]
        if not body["items"] or len(items) >= body["total"]:
            return items


def assert_offsets_slice_stored_text(client: TestClient, article_id: int, sent: str) -> int:
    """Every offset the API serves slices the stored text to the served surface form.

    Returns the number of offsets checked.
    """
    article = client.get(f"/articles/{article_id}").json()
    text = article["text"]
    assert text == sent, "the text must be stored exactly as received"
    checked = 0
    paragraphs = _all(client, f"/articles/{article_id}/paragraphs")
    assert len(paragraphs) == article["paragraph_count"]
    for paragraph in paragraphs:
        assert text[paragraph["start"] : paragraph["end"]] == paragraph["text"]
        detail = client.get(f"/articles/{article_id}/paragraphs/{paragraph['number']}").json()
        for mention in detail["mentions"]:
            assert text[mention["start"] : mention["end"]] == mention["text"], mention
            assert paragraph["start"] <= mention["start"] <= mention["end"] <= paragraph["end"]
            checked += 1
        checked += 1
    for quotation in _all(client, f"/articles/{article_id}/quotations"):
        spans = quotation["spans"]
        assert spans and quotation["start"] == spans[0][0] and quotation["end"] == spans[-1][1]
        assert " ".join(text[s:e] for s, e in spans) == quotation["text"], quotation
        checked += 1
    return checked


@pytest.mark.parametrize(
    "case",
    [pytest.param(c, id=c.id) for c in CASES],
)
def test_bad_input(database_url: str, client: TestClient, case: BadInput) -> None:
    if case.costly and not database_url.startswith("sqlite"):
        pytest.skip("annotation cost is the same on every backend; run once, on SQLite")
    headers = {"content-type": case.content_type} if case.content_type else {}
    response = client.request(case.method, case.path, content=case.body, headers=headers)
    assert response.status_code == case.status, response.text[:500]
    if case.problem is not None:
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["type"] == PROBLEM_BASE + case.problem
        assert problem["status"] == case.status
        assert problem["title"] and problem["detail"]
        assert problem["request_id"] == response.headers["x-request-id"]
        assert len(response.content) < 5_000, "errors must not echo huge input"
        assert "Traceback" not in response.text and "/work/" not in response.text
    if case.method == "POST" and case.status >= 400:
        assert set(_row_counts(client).values()) == {0}, "nothing may be stored half-way"
    elif case.item_error is not None:
        assert_item_error(client, response.json(), case)
    elif case.method == "POST":
        article_id = response.json()["id"]
        assert_offsets_slice_stored_text(client, article_id, _sent_text(case))
        assert_reader_view_is_inert(client, article_id)


def assert_item_error(client: TestClient, job: dict[str, Any], case: BadInput) -> None:
    """A valid job body with a bad item: the job exists, item 0 failed with the problem, the
    other items are queued (no worker runs here), no article is stored."""
    assert job["errors"][0]["index"] == 0, job
    assert job["errors"][0]["problem"]["type"] == PROBLEM_BASE + str(case.item_error)
    assert job["failed"] == job["processed"] == len(job["errors"]) == 1
    assert client.get(f"/jobs/{job['id']}").json() == job
    assert _row_counts(client)["articles"] == 0


def assert_reader_view_is_inert(client: TestClient, article_id: int) -> None:
    """The HTML reader view escapes the text: no markup from the article survives as markup."""
    view = client.get(f"/articles/{article_id}/view")
    assert view.status_code == 200
    assert view.headers["content-type"].startswith("text/html")
    assert "<script" not in view.text.lower() and "<b>" not in view.text
    csp = view.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "'unsafe-eval'" not in csp
    assert "script-src" not in csp or "script-src 'none'" in csp


# --- hostile texts: offsets stay valid --------------------------------------------------

BASE = (
    "Café owners back new Leeds market\n\n"
    "By José Núñez\n\n"
    "The Leeds Traders Association said on Monday that it backed the new market.\n\n"
    '"We have waited ten years for this," said Zoë Brontë, the chair of the association.\n\n'
    "Brontë added that Acme Widgets would run the market, according to the council.\n\n"
    "“It is a good day,” said Amélie Côté, a café owner.\n"
)


def _hostile_texts() -> dict[str, str]:
    rtl = BASE.replace("new market", "new market (\u05e9\u05d5\u05e7 \u0633\u0648\u0642)")
    return {
        "nfd": unicodedata.normalize("NFD", BASE),
        "rtl": rtl.replace("Zoë", "\u200fZoë\u200e").replace("said", "\u202bsaid\u202c", 1),
        "emoji": BASE.replace("market", "market 🛒🏪👩🏽‍🌾").replace("chair", "chair 🪑"),
        "control": BASE.replace(" ", "\u0007 ", 3).replace("Monday", "Mon\u001bday\u007f"),
        "crlf": BASE.replace("\n", "\r\n"),
        "tabs": BASE.replace("\n\n", "\n\t\n").replace(" the ", "\tthe\t"),
        "nbsp": BASE.replace(" ", "\u00a0", 12).replace("Zoë Brontë", "Zoë\u00a0Brontë"),
        "zero-width": BASE.replace("Leeds", "Le\u200beds").replace("Acme", "\ufeffAcme"),
        "mixed": unicodedata.normalize("NFD", BASE).replace("\n", "\r\n").replace("a", "a\u0301", 5)
        + "\r\n\t🙂 \u202eend\u202c\r\n",
    }


HOSTILE = _hostile_texts()


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_text_offsets_slice_the_stored_text(client: TestClient, name: str) -> None:
    text = HOSTILE[name]
    response = client.post("/articles", json={"text": text})
    assert response.status_code == 201, response.text
    assert assert_offsets_slice_stored_text(client, response.json()["id"], text) > 0
    plain = client.post(
        "/articles",
        content=text.encode("utf-8"),
        headers={"content-type": "text/plain; charset=utf-8"},
    )
    assert plain.status_code == 200 and plain.json()["id"] == response.json()["id"]


def test_hostile_base_text_yields_annotations(client: TestClient) -> None:
    """The base of the hostile texts has people and quotations, so the checks above bite."""
    response = client.post("/articles", json={"text": BASE})
    article = response.json()
    assert article["people_count"] >= 1 and article["quotation_count"] >= 1, article


def test_annotations_that_do_not_slice_the_text_are_never_stored(database_url: str) -> None:
    """A safety net under the annotator: offsets are valid by construction in the database."""
    from dataclasses import replace

    from app.annotate import annotate
    from app.annotate.types import Mention, Paragraph, Quotation
    from app.core.db import get_engine
    from app.ingest import store_article
    from tests.support.integrity import assert_consistent

    text = BASE
    good = annotate(text)
    assert good.mentions and good.quotations
    first = good.paragraphs[0]
    bad = replace(
        good,
        mentions=[
            *good.mentions,
            Mention(0, first.number, first.start, first.start + 3, "XYZ"),  # wrong surface
            Mention(0, 999, 0, 1, text[0]),  # no such paragraph
            Mention(0, first.number, len(text), len(text) + 5, ""),  # out of range
        ],
        quotations=[
            *good.quotations,
            Quotation(first.number, [(0, 4), (10, 14)], "not this", "direct"),
            Quotation(first.number, [], "", "direct"),
        ],
    )
    engine = get_engine(database_url)
    article_id, created = store_article(engine, text=text, annotation=bad)
    assert created
    from sqlalchemy import text as sql

    with engine.connect() as conn:
        mentions = conn.execute(
            sql("SELECT count(*) FROM mentions WHERE article_id = :a"), {"a": article_id}
        ).scalar_one()
        quotations = conn.execute(
            sql("SELECT count(*) FROM quotations WHERE article_id = :a"), {"a": article_id}
        ).scalar_one()
    assert (mentions, quotations) == (len(good.mentions), len(good.quotations))
    assert_consistent(database_url)

    broken = replace(good, paragraphs=[Paragraph(1, 0, 5, "nope!")])
    with pytest.raises(ValueError):
        store_article(engine, text=text + " (again)", annotation=broken)
    assert assert_consistent(database_url).articles == 1  # nothing stored half-way
