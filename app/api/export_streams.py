"""Streamed export bodies: CSV and JSON Lines, written batch by batch from the query layer."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from sqlalchemy import Engine
from sqlmodel import Session

from app.queries.export_batches import iter_articles, iter_quotations
from app.queries.where_clauses import ArticleFilters, QuotationFilters
from app.schemas import QuotationWithArticle

QUOTATION_COLUMNS = (
    "id",
    "article_id",
    "article_title",
    "published",
    "paragraph",
    "kind",
    "cue",
    "speaker_id",
    "speaker_name",
    "speaker_type",
    "speaker_named",
    "start",
    "end",
    "text",
)


def _csv_row(q: QuotationWithArticle) -> tuple:
    speaker = q.speaker
    return (
        q.id,
        q.article_id,
        q.article_title or "",
        q.published.isoformat() if q.published else "",
        q.paragraph,
        q.kind,
        q.cue or "",
        speaker.id if speaker and speaker.id is not None else "",
        speaker.name if speaker else "",
        speaker.type if speaker else "",
        "" if speaker is None or speaker.named is None else str(speaker.named).lower(),
        q.start,
        q.end,
        q.text,
    )


def quotations_csv(engine: Engine, filters: QuotationFilters) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(QUOTATION_COLUMNS)
    yield buffer.getvalue()
    with Session(engine) as session:
        for batch in iter_quotations(session, filters=filters):
            buffer.seek(0)
            buffer.truncate()
            writer.writerows(_csv_row(q) for q in batch)
            yield buffer.getvalue()


def quotations_jsonl(engine: Engine, filters: QuotationFilters) -> Iterator[str]:
    with Session(engine) as session:
        for batch in iter_quotations(session, filters=filters):
            yield "".join(q.model_dump_json() + "\n" for q in batch)


def articles_jsonl(engine: Engine, filters: ArticleFilters) -> Iterator[str]:
    with Session(engine) as session:
        for batch in iter_articles(session, filters=filters):
            yield "".join(a.model_dump_json() + "\n" for a in batch)
