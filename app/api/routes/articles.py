"""Articles: ingest, read, and their paragraphs, people, organisations and quotations."""

from __future__ import annotations

from fastapi import APIRouter, Response

from app.api import examples as ex
from app.api.body import REQUEST_BODY_DOC, ArticleInDep
from app.api.deps import After, ArticleId, EngineDep, Limit, Offset, ParagraphNumber, SessionDep
from app.api.problems import ProblemError
from app.api.routing import LeanRoute
from app.ingest import ArticleFields, ingest
from app.queries import articles as q
from app.queries import entities as entity_queries
from app.queries import quotations as quotation_queries
from app.schemas import (
    ArticleEntityOut,
    ArticleOut,
    ArticleSummary,
    Page,
    ParagraphDetail,
    ParagraphOut,
    Problem,
    QuotationOut,
)

router = APIRouter(prefix="/articles", tags=["articles"], route_class=LeanRoute)

NOT_FOUND = {404: {"model": Problem, "description": "No article with this id"}}


def _require_article(session: SessionDep, article_id: int) -> None:
    if not q.article_exists(session, article_id=article_id):
        raise ProblemError(404, f"No article with id {article_id}.")


@router.get(
    "",
    response_model=Page[ArticleSummary],
    summary="List articles",
    description="Articles in the order they were stored, one page at a time. For deep paging"
    " pass the previous page's `next_cursor` as `after` instead of a large `offset`.",
    responses=ex.ok(ex.page(ex.ARTICLE_SUMMARY)),
)
def list_articles(
    session: SessionDep, limit: Limit = 20, offset: Offset = 0, after: After = None
) -> Page[ArticleSummary]:
    cursor = int(after) if after is not None else None
    return q.list_articles(session, limit=limit, offset=offset, after=cursor)


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
        400: {"model": Problem, "description": "Body is not UTF-8 or not valid JSON"},
        413: {"model": Problem, "description": "Body over MAX_ARTICLE_BYTES"},
        415: {"model": Problem, "description": "Neither application/json nor text/plain"},
        422: {"model": Problem, "description": "Empty text, no letters, or invalid fields"},
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
    article = q.get_article(session, article_id=article_id)
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
    article = q.get_article(session, article_id=article_id)
    if article is None:
        raise ProblemError(404, f"No article with id {article_id}.")
    return article


@router.get(
    "/{article_id}/paragraphs",
    response_model=Page[ParagraphOut],
    summary="List an article's paragraphs",
    description="Body paragraphs in order, with offsets into the article text.",
    responses={**ex.ok(ex.page(ex.PARAGRAPH)), **NOT_FOUND},
)
def list_article_paragraphs(
    article_id: ArticleId, session: SessionDep, limit: Limit = 100, offset: Offset = 0
) -> Page[ParagraphOut]:
    page = q.list_paragraphs(session, article_id=article_id, limit=limit, offset=offset)
    if page is None:
        raise ProblemError(404, f"No article with id {article_id}.")
    return page


@router.get(
    "/{article_id}/paragraphs/{number}",
    response_model=ParagraphDetail,
    summary="Get one paragraph with its annotations",
    description="The paragraph with the mentions and quotations inside it and their offsets.",
    responses={
        **ex.ok(ex.PARAGRAPH_DETAIL),
        404: {"model": Problem, "description": "No such article or paragraph"},
    },
)
def get_article_paragraph(
    article_id: ArticleId, number: ParagraphNumber, session: SessionDep
) -> ParagraphDetail:
    paragraph = q.get_paragraph(session, article_id=article_id, number=number)
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
    article_id: ArticleId, session: SessionDep, limit: Limit = 100, offset: Offset = 0
) -> Page[ArticleEntityOut]:
    _require_article(session, article_id)
    return entity_queries.list_article_entities(
        session, article_id=article_id, kind="person", limit=limit, offset=offset
    )


@router.get(
    "/{article_id}/organisations",
    response_model=Page[ArticleEntityOut],
    summary="List the organisations named in an article",
    description="One entry per distinct organisation, with the aliases this article uses.",
    responses={**ex.ok(ex.page(ex.ARTICLE_ORGANISATION)), **NOT_FOUND},
)
def list_article_organisations(
    article_id: ArticleId, session: SessionDep, limit: Limit = 100, offset: Offset = 0
) -> Page[ArticleEntityOut]:
    _require_article(session, article_id)
    return entity_queries.list_article_entities(
        session, article_id=article_id, kind="organisation", limit=limit, offset=offset
    )


@router.get(
    "/{article_id}/quotations",
    response_model=Page[QuotationOut],
    summary="List an article's quotations",
    description="Direct, indirect and mixed quotations in text order, each with its speaker.",
    responses={**ex.ok(ex.page(ex.QUOTATION)), **NOT_FOUND},
)
def list_article_quotations(
    article_id: ArticleId, session: SessionDep, limit: Limit = 100, offset: Offset = 0
) -> Page[QuotationOut]:
    _require_article(session, article_id)
    return quotation_queries.list_article_quotations(
        session, article_id=article_id, limit=limit, offset=offset
    )
