"""Bulk ingest CLI: files, directories, JSON Lines; idempotent; failures reported, not fatal."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import Session, col, select

import app.__main__ as cli
from app import annotate as annotator
from app.annotate.types import AnnotatedArticle
from app.bulk import ingest_paths
from app.core.db import get_engine
from app.models import Article
from tests.conftest import make_settings

STORY = (
    "Acme Widgets hires in Leeds\n\n"
    "Acme Widgets said on Monday it would hire {n} people, according to Maria Lopez.\n"
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text(STORY.format(n=1), encoding="utf-8")
    (root / "sub" / "b.txt").write_text(STORY.format(n=2), encoding="utf-8")
    (root / "sub" / "deeper" / "copy.txt").write_text(STORY.format(n=1), encoding="utf-8")
    (root / "sub" / "latin1.txt").write_bytes("Caf\xe9 story".encode("latin-1"))
    (root / "sub" / "empty.txt").write_text("  \n\n", encoding="utf-8")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    lines = [
        json.dumps({"text": STORY.format(n=3), "title": "Three", "published": "2024-05-06"}),
        json.dumps({"text": STORY.format(n=2)}),  # same text as sub/b.txt
        "{not json",
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": STORY.format(n=4), "published": "someday"}),
    ]
    (tmp_path / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def count_articles(url: str) -> int:
    with Session(get_engine(url)) as session:
        return session.execute(select(func.count()).select_from(Article)).scalar_one()


def test_ingest_paths_is_idempotent_and_reports_failures(database_url: str, inputs: Path) -> None:
    engine = get_engine(database_url)
    paths = [inputs / "in", inputs / "more.jsonl", inputs / "missing.txt"]
    first = ingest_paths(engine, paths, progress=False)
    assert (first.new, first.already_stored, first.duplicates) == (3, 0, 2)
    reasons = dict(first.failed)
    assert set(reasons) == {
        str(inputs / "in" / "sub" / "empty.txt"),
        str(inputs / "in" / "sub" / "latin1.txt"),
        f"{inputs / 'more.jsonl'}:3",
        f"{inputs / 'more.jsonl'}:4",
        f"{inputs / 'more.jsonl'}:6",
        str(inputs / "missing.txt"),
    }
    assert "UTF-8" in reasons[str(inputs / "in" / "sub" / "latin1.txt")]
    assert "empty" in reasons[str(inputs / "in" / "sub" / "empty.txt")]
    assert count_articles(database_url) == 3
    three = get_engine(database_url)
    with Session(three) as session:
        article = session.execute(select(Article).where(Article.title == "Three")).scalar_one()
        assert str(article.published) == "2024-05-06"

    again = ingest_paths(engine, paths, progress=False)
    assert (again.new, again.already_stored, again.duplicates) == (0, 3, 2)
    assert count_articles(database_url) == 3


def test_annotator_failure_on_one_text_does_not_stop_the_run(
    database_url: str, inputs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_many, real_one = annotator.annotate_many, annotator.annotate

    def flaky(text: str) -> AnnotatedArticle:
        if "hire 2 people" in text:
            raise RuntimeError("boom")
        return real_one(text)

    def flaky_many(texts: Iterable[str], **_options: object) -> Iterator[AnnotatedArticle]:
        for text in texts:
            yield flaky(text)

    monkeypatch.setattr(annotator, "annotate", flaky)
    monkeypatch.setattr(annotator, "annotate_many", flaky_many)
    summary = ingest_paths(
        get_engine(database_url), [inputs / "in", inputs / "more.jsonl"], progress=False
    )
    assert summary.new == 2
    failed = dict(summary.failed)
    assert "boom" in failed[str(inputs / "in" / "sub" / "b.txt")]
    assert real_many is not None


def test_cli_command(
    database_url: str, inputs: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setattr(cli, "get_settings", lambda: make_settings(database_url))
    code = cli.main(["ingest", str(inputs / "in"), "--workers", "1", "--no-progress"])
    out = capsys.readouterr().out
    assert code == 1  # some inputs failed
    assert "new:                2" in out and "failed:             2" in out
    assert "latin1.txt: not valid UTF-8" in out
    code = cli.main(["ingest", str(inputs / "in" / "a.txt"), "--no-progress"])
    assert code == 0
    assert "already stored:     1" in capsys.readouterr().out


def test_the_writer_thread_stores_in_input_order_and_records_a_failed_write(
    database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import app.bulk as bulk

    folder = tmp_path / "ordered"
    folder.mkdir()
    for n in range(12):
        (folder / f"{n:02d}.txt").write_text(STORY.format(n=n + 10), encoding="utf-8")
    real_store = bulk.store_article

    def store(engine, *, text: str, **rest):  # type: ignore[no-untyped-def]
        if "hire 15 people" in text:
            raise RuntimeError("disk full")
        return real_store(engine, text=text, **rest)

    monkeypatch.setattr(bulk, "store_article", store)
    summary = ingest_paths(get_engine(database_url), [folder], progress=False)
    assert summary.new == 11
    assert [reason for _label, reason in summary.failed] == [
        "storing failed: RuntimeError: disk full"
    ]
    with Session(get_engine(database_url)) as session:
        texts = session.execute(select(Article.text).order_by(col(Article.id))).scalars().all()
    assert texts == [STORY.format(n=n + 10) for n in range(12) if n != 5]
