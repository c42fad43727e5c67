"""Articles: ingest, read, and their paragraphs, people, organisations and quotations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import HTMLResponse

from app.api import examples as ex
from app.api.body import REQUEST_BODY_DOC, ArticleInDep
from app.api.deps import (
    After,
    ArticleId,
    EngineDep,
    Limit,
    Offset,
    ParagraphNumber,
    SessionDep,
    after_id,
)
from app.api.filter_params import ArticleFiltersDep
from app.api.lean_route import LeanRoute
from app.api.link_header import paged
from app.api.openapi import problem_responses
from app.api.problems import ProblemError
from app.api.reader import CONTENT_SECURITY_POLICY, render_article
from app.ingest import ArticleFields, ingest
from app.ingest import delete_article as delete_stored_article
from app.queries import articles as article_queries
from app.queries import entities as entity_queries
from app.queries import quotations as quotation_queries
from app.queries.where_clauses import ArticleSort
from app.schemas import (
    ArticleEntityOut,
    ArticleOut,
    ArticleSummary,
    Page,
    ParagraphDetail,
    ParagraphOut,
    QuotationOut,
)

router = APIRouter(prefix="/articles", tags=["articles"], route_class=LeanRoute)

SortParam = Annotated[
    ArticleSort | None,
    Query(
        description="`-published` (newest first), `published` (oldest first; undated last)"
        " or `-ingested` (latest stored first); stored order when absent"
    ),
]
NOT_FOUND = problem_responses(404, d404="No article with this id")


def _require_article(session: SessionDep, article_id: int) -> None:
    if not article_queries.article_exists(session, article_id=article_id):
        raise ProblemError(404, f"No article with id {article_id}.")


@router.get(
    "",
    response_model=Page[ArticleSummary],
    summary="List articles",
    description=(
        "Articles in the order they were stored (or `sort`ed), one page at a time. Filters"
        " combine: full text (`q`), people and organisations named (all of those given),"
        " source and publication dates. For deep paging in stored order pass the previous"
        " page's `next_cursor` as `after` instead of a large `offset` (with `sort`, `after`"
        " keeps the articles stored after that one)."
    ),
    responses=ex.ok(ex.page(ex.ARTICLE_SUMMARY)),
)
def list_articles(
    request: Request,
    response: Response,
    session: SessionDep,
    filters: ArticleFiltersDep,
    sort: SortParam = None,
    limit: Limit = 20,
    offset: Offset = 0,
    after: After = None,
) -> Page[ArticleSummary]:
    cursor = after_id(after)
    page = article_queries.list_articles(
        session, filters=filters, sort=sort, limit=limit, offset=offset, after=cursor
    )
    return paged(request, response, page)


@router.post(
    "",
    response_model=ArticleOut,
    status_code=201,
    summary="Annotate and store an article",
    description=(
        'Send the text as JSON (`{"text": ..., "title"?, "source"?, "url"?, "published"?}`)'
        " or as a `text/plain` body. The text is annotated (structure, people, organisations,"
        " quotations) and stored in one transaction. 201 when new; 200 with the stored article"
        " when the same text is already there."
    ),
    openapi_extra=REQUEST_BODY_DOC,
    responses={
        **ex.ok(ex.ARTICLE, 201, "Stored: a new article"),
        **ex.ok(ex.ARTICLE, 200, "Already stored: the existing article"),
        **problem_responses(
            400,
            413,
            415,
            422,
            d400="Body is not UTF-8 or not valid JSON; or a URL over 65,535 bytes",
            d415="Neither application/json nor text/plain",
            d422="Empty text, no letters, or invalid fields",
        ),
    },
)
def create_article(
    article_in: ArticleInDep, engine: EngineDep, session: SessionDep, response: Response
) -> ArticleOut:
    fields = ArticleFields(
        title=article_in.title,
        source=article_in.source,
        url=article_in.url,
        published=article_in.published,
    )
    article_id, created = ingest(engine, text=article_in.text, fields=fields)
    response.status_code = 201 if created else 200
    if created:
        response.headers["Location"] = f"/articles/{article_id}"
    article = article_queries.get_article(session, article_id=article_id)
    assert article is not None
    return article


@router.get(
    "/{article_id}",
    response_model=ArticleOut,
    summary="Get an article",
    description="Metadata, the stored text and counts of what was found in it.",
    responses={**ex.ok(ex.ARTICLE), **NOT_FOUND},
)
def get_article(article_id: ArticleId, session: SessionDep) -> ArticleOut:
    article = article_queries.get_article(session, article_id=article_id)
    if article is None:
        raise ProblemError(404, f"No article with id {article_id}.")
    return article


@router.delete(
    "/{article_id}",
    status_code=204,
    response_class=Response,
    summary="Delete an article",
    description=(
        "Removes the article with its paragraphs, mentions, quotations and search index rows"
        " in one transaction. People and organisations named elsewhere keep their other"
        " mentions (their counts go down); those no other article names are removed."
    ),
    responses={
        204: {"description": "Deleted"},
        **ex.problem(404, "No article with id 999.", "/articles/999", "No article with this id"),
    },
)
def delete_article(article_id: ArticleId, engine: EngineDep) -> Response:
    if not delete_stored_article(engine, article_id=article_id):
        raise ProblemError(404, f"No article with id {article_id}.")
    return Response(status_code=204)


@router.get(
    "/{article_id}/view",
    response_class=HTMLResponse,
    summary="Read an article with its annotations highlighted",
    description=(
        "A self-contained HTML page (no script, no external asset): people and organisations"
        " link to their pages, quotations are highlighted with their speaker on hover and a"
        " link to the speaker. Sent with a strict Content-Security-Policy."
    ),
    responses={
        200: {"description": "The page", "content": {"text/html": {"example": ex.READER_HTML}}},
        **ex.problem(
            404, "No article with id 999.", "/articles/999/view", "No article with this id"
        ),
    },
)
def view_article(article_id: ArticleId, session: SessionDep) -> HTMLResponse:
    found = article_queries.articles_full(session, article_ids=[article_id])
    if not found:
        raise ProblemError(404, f"No article with id {article_id}.")
    return HTMLResponse(
        render_article(found[0]), headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY}
    )


@router.get(
    "/{article_id}/paragraphs",
    response_model=Page[ParagraphOut],
    summary="List an article's paragraphs",
    description="Body paragraphs in order, with offsets into the article text.",
    responses={**ex.ok(ex.page(ex.PARAGRAPH)), **NOT_FOUND},
)
def list_article_paragraphs(
    article_id: ArticleId,
    request: Request,
    response: Response,
    session: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[ParagraphOut]:
    page = article_queries.list_paragraphs(
        session, article_id=article_id, limit=limit, offset=offset
    )
    if page is None:
        raise ProblemError(404, f"No article with id {article_id}.")
    return paged(request, response, page)


@router.get(
    "/{article_id}/paragraphs/{number}",
    response_model=ParagraphDetail,
    summary="Get one paragraph with its annotations",
    description="The paragraph with the mentions and quotations inside it and their offsets.",
    responses={
        **ex.ok(ex.PARAGRAPH_DETAIL),
        **problem_responses(404, d404="No such article or paragraph"),
    },
)
def get_article_paragraph(
    article_id: ArticleId, number: ParagraphNumber, session: SessionDep
) -> ParagraphDetail:
    paragraph = article_queries.get_paragraph(session, article_id=article_id, number=number)
    if paragraph is None:
        _require_article(session, article_id)
        raise ProblemError(404, f"Article {article_id} has no paragraph {number}.")
    return paragraph


@router.get(
    "/{article_id}/people",
    response_model=Page[ArticleEntityOut],
    summary="List the people named in an article",
    description="One entry per distinct person, with the aliases and roles this article uses.",
    responses={**ex.ok(ex.page(ex.ARTICLE_PERSON)), **NOT_FOUND},
)
def list_article_people(
    article_id: ArticleId,
    request: Request,
    response: Response,
    session: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[ArticleEntityOut]:
    _require_article(session, article_id)
    page = entity_queries.list_article_entities(
        session, article_id=article_id, kind="person", limit=limit, offset=offset
    )
    return paged(request, response, page)


@router.get(
    "/{article_id}/organisations",
    response_model=Page[ArticleEntityOut],
    summary="List the organisations named in an article",
    description="One entry per distinct organisation, with the aliases this article uses.",
    responses={**ex.ok(ex.page(ex.ARTICLE_ORGANISATION)), **NOT_FOUND},
)
def list_article_organisations(
    article_id: ArticleId,
    request: Request,
    response: Response,
    session: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[ArticleEntityOut]:
    _require_article(session, article_id)
    page = entity_queries.list_article_entities(
        session, article_id=article_id, kind="organisation", limit=limit, offset=offset
    )
    return paged(request, response, page)


@router.get(
    "/{article_id}/quotations",
    response_model=Page[QuotationOut],
    summary="List an article's quotations",
    description="Direct, indirect and mixed quotations in text order, each with its speaker.",
    responses={**ex.ok(ex.page(ex.QUOTATION)), **NOT_FOUND},
)
def list_article_quotations(
    article_id: ArticleId,
    request: Request,
    response: Response,
    session: SessionDep,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Page[QuotationOut]:
    _require_article(session, article_id)
    page = quotation_queries.list_article_quotations(
        session, article_id=article_id, limit=limit, offset=offset
    )
    return paged(request, response, page)
