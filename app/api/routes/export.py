"""Streamed exports of quotations and articles, honouring the list endpoints' filters."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from app.api import examples as ex
from app.api import export_streams
from app.api.deps import EngineDep
from app.api.filter_params import ArticleFiltersDep, QuotationFiltersDep

router = APIRouter(prefix="/export", tags=["export"])

NDJSON = "application/x-ndjson"


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}


@router.get(
    "/quotations.csv",
    response_class=StreamingResponse,
    summary="Export quotations as CSV",
    description=(
        "Every quotation matching the same filters as `GET /quotations`, streamed in id order"
        " as CSV (RFC 4180, header row first, UTF-8)."
    ),
    responses={
        200: {"description": "CSV", "content": {"text/csv": {"example": ex.QUOTATIONS_CSV}}},
    },
)
def export_quotations_csv(engine: EngineDep, filters: QuotationFiltersDep) -> StreamingResponse:
    return StreamingResponse(
        export_streams.quotations_csv(engine, filters),
        media_type="text/csv; charset=utf-8",
        headers=_attachment("quotations.csv"),
    )


@router.get(
    "/quotations.jsonl",
    response_class=StreamingResponse,
    summary="Export quotations as JSON Lines",
    description=(
        "Every quotation matching the same filters as `GET /quotations`, streamed in id order,"
        " one JSON object (as in the list) per line."
    ),
    responses={
        200: {"description": "JSON Lines", "content": {NDJSON: {"example": ex.QUOTATIONS_JSONL}}},
    },
)
def export_quotations_jsonl(engine: EngineDep, filters: QuotationFiltersDep) -> StreamingResponse:
    return StreamingResponse(
        export_streams.quotations_jsonl(engine, filters),
        media_type=NDJSON,
        headers=_attachment("quotations.jsonl"),
    )


@router.get(
    "/articles.jsonl",
    response_class=StreamingResponse,
    summary="Export articles with their annotations as JSON Lines",
    description=(
        "Every article matching the same filters as `GET /articles`, streamed in id order, one"
        " per line with its text, paragraphs, people, organisations, mentions and quotations."
    ),
    responses={
        200: {"description": "JSON Lines", "content": {NDJSON: {"example": ex.ARTICLES_JSONL}}},
    },
)
def export_articles_jsonl(engine: EngineDep, filters: ArticleFiltersDep) -> StreamingResponse:
    return StreamingResponse(
        export_streams.articles_jsonl(engine, filters),
        media_type=NDJSON,
        headers=_attachment("articles.jsonl"),
    )
