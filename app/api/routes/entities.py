"""People and organisations across all articles (the same operations for each kind)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from app.api import examples as ex
from app.api.deps import MAX_ID, EntityId, Limit, Offset, SessionDep
from app.api.filter_params import EntityFiltersDep
from app.api.lean_route import LeanRoute
from app.api.link_header import paged
from app.api.openapi import problem_responses
from app.api.problems import ProblemError
from app.queries import entities as entity_queries
from app.queries import quotations as quotation_queries
from app.queries.where_clauses import EntitySort
from app.schemas import (
    CoMentionOut,
    EntityArticleOut,
    EntityKind,
    EntityMentionOut,
    EntityNameOut,
    EntityOut,
    EntitySummary,
    Page,
    QuotationWithArticle,
)

people = APIRouter(prefix="/people", tags=["people"], route_class=LeanRoute)
organisations = APIRouter(prefix="/organisations", tags=["organisations"], route_class=LeanRoute)

SortParam = Annotated[
    EntitySort,
    Query(
        description="`name` (A-Z), or most `-mentions`, `-articles` or `-quotations` first",
    ),
]
NameParam = Annotated[
    int | None,
    Query(ge=1, le=MAX_ID, description="Only the articles using this name (an id from `/names`)"),
]
CoKind = Annotated[
    EntityKind | None, Query(alias="kind", description="Only people or only organisations")
]


def _a(noun: str) -> str:
    """The noun with its indefinite article: "a person", "an organisation"."""
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"


def _not_found(kind: EntityKind) -> dict[int | str, dict[str, Any]]:
    return problem_responses(404, d404=f"No such {kind}")


def _require(session: SessionDep, kind: EntityKind, entity_id: int) -> None:
    if not entity_queries.entity_exists(session, kind=kind, entity_id=entity_id):
        raise ProblemError(404, f"No {kind} with id {entity_id}.")


def _install_list(router: APIRouter, kind: EntityKind, plural: str, example: Any) -> None:
    def list_entities(
        request: Request,
        response: Response,
        session: SessionDep,
        filters: EntityFiltersDep,
        sort: SortParam = "name",
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[EntitySummary]:
        page = entity_queries.list_entities(
            session, kind=kind, filters=filters, sort=sort, limit=limit, offset=offset
        )
        return paged(request, response, page)

    router.add_api_route(
        "",
        list_entities,
        methods=["GET"],
        name=f"list_{plural}",
        response_model=Page[EntitySummary],
        summary=f"List {plural}",
        description=(
            f"Every {kind} named in any article, with mention, article and quotation counts."
            " Filter by name (`q`) or article; sort by name or by a count."
        ),
        responses=ex.ok(ex.page(example)),
    )


def _install_detail(router: APIRouter, kind: EntityKind, example: dict[str, Any]) -> None:
    def get_entity(entity_id: EntityId, session: SessionDep) -> EntityOut:
        entity = entity_queries.get_entity(session, kind=kind, entity_id=entity_id)
        if entity is None:
            raise ProblemError(404, f"No {kind} with id {entity_id}.")
        return entity

    router.add_api_route(
        "/{entity_id}",
        get_entity,
        methods=["GET"],
        name=f"get_{kind}",
        response_model=EntityOut,
        summary=f"Get {_a(kind)}",
        description=f"Aliases, roles, counts and the first and last dates the {kind} was seen.",
        responses={**ex.ok({**ex.ENTITY_DETAIL, **example}), **_not_found(kind)},
    )


def _install_articles(router: APIRouter, kind: EntityKind) -> None:
    def list_articles(
        entity_id: EntityId,
        request: Request,
        response: Response,
        session: SessionDep,
        name: NameParam = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[EntityArticleOut]:
        _require(session, kind, entity_id)
        page = entity_queries.list_entity_articles(
            session, entity_id=entity_id, name_id=name, limit=limit, offset=offset
        )
        return paged(request, response, page)

    router.add_api_route(
        "/{entity_id}/articles",
        list_articles,
        methods=["GET"],
        name=f"list_{kind}_articles",
        response_model=Page[EntityArticleOut],
        summary=f"List the articles naming {_a(kind)}",
        description="Newest first, each with how that article names the entity and its counts.",
        responses={**ex.ok(ex.page(ex.ENTITY_ARTICLE)), **_not_found(kind)},
    )


def _install_names(router: APIRouter, kind: EntityKind) -> None:
    def list_names(
        entity_id: EntityId,
        request: Request,
        response: Response,
        session: SessionDep,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[EntityNameOut]:
        _require(session, kind, entity_id)
        page = entity_queries.list_entity_names(
            session, entity_id=entity_id, limit=limit, offset=offset
        )
        return paged(request, response, page)

    router.add_api_route(
        "/{entity_id}/names",
        list_names,
        methods=["GET"],
        name=f"list_{kind}_names",
        response_model=Page[EntityNameOut],
        summary=f"List the names of {_a(kind)}, with the evidence",
        description=(
            "The names articles use for the entity (its own, surnames, short forms and"
            " acronyms), most used first, each with its article count, kind votes and why it"
            " belongs to this entity. Identity and kind are decided from this evidence over"
            " the whole corpus and re-decided as articles arrive and leave."
        ),
        responses={**ex.ok(ex.page(ex.ENTITY_NAME)), **_not_found(kind)},
    )


def _install_quotations(router: APIRouter, kind: EntityKind) -> None:
    def list_quotations(
        entity_id: EntityId,
        request: Request,
        response: Response,
        session: SessionDep,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[QuotationWithArticle]:
        page = quotation_queries.list_speaker_quotations(
            session, entity_id=entity_id, kind=kind, limit=limit, offset=offset
        )
        if page is None:
            raise ProblemError(404, f"No {kind} with id {entity_id}.")
        return paged(request, response, page)

    router.add_api_route(
        "/{entity_id}/quotations",
        list_quotations,
        methods=["GET"],
        name=f"list_{kind}_quotations",
        response_model=Page[QuotationWithArticle],
        summary=f"List the quotations attributed to {_a(kind)}",
        description="Quotations whose speaker is this entity, with their articles.",
        responses={**ex.ok(ex.page(ex.QUOTATION_WITH_ARTICLE)), **_not_found(kind)},
    )


def _install_mentions(router: APIRouter, kind: EntityKind) -> None:
    def list_mentions(
        entity_id: EntityId,
        request: Request,
        response: Response,
        session: SessionDep,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[EntityMentionOut]:
        _require(session, kind, entity_id)
        page = entity_queries.list_entity_mentions(
            session, entity_id=entity_id, limit=limit, offset=offset
        )
        return paged(request, response, page)

    router.add_api_route(
        "/{entity_id}/mentions",
        list_mentions,
        methods=["GET"],
        name=f"list_{kind}_mentions",
        response_model=Page[EntityMentionOut],
        summary=f"List the mentions of {_a(kind)}",
        description="Every mention in article and text order, with the paragraph around it.",
        responses={**ex.ok(ex.page(ex.ENTITY_MENTION)), **_not_found(kind)},
    )


def _install_co_mentions(router: APIRouter, kind: EntityKind) -> None:
    def list_co_mentions(
        entity_id: EntityId,
        request: Request,
        response: Response,
        session: SessionDep,
        kind_filter: CoKind = None,
        limit: Limit = 20,
        offset: Offset = 0,
    ) -> Page[CoMentionOut]:
        _require(session, kind, entity_id)
        page = entity_queries.list_co_mentions(
            session, entity_id=entity_id, kind=kind_filter, limit=limit, offset=offset
        )
        return paged(request, response, page)

    router.add_api_route(
        "/{entity_id}/co-mentions",
        list_co_mentions,
        methods=["GET"],
        name=f"list_{kind}_co_mentions",
        response_model=Page[CoMentionOut],
        summary=f"List who appears in the same articles as {_a(kind)}",
        description=(
            "People and organisations named in the same articles, most shared articles first,"
            " with how many articles they share and their mentions in them."
        ),
        responses={**ex.ok(ex.page(ex.CO_MENTION)), **_not_found(kind)},
    )


def _install(router: APIRouter, kind: EntityKind, plural: str, example: dict[str, Any]) -> None:
    """Register the list, detail and sub-collection operations for one entity kind, in the
    order they appear in the OpenAPI document."""
    _install_list(router, kind, plural, example)
    _install_detail(router, kind, example)
    _install_articles(router, kind)
    _install_names(router, kind)
    _install_quotations(router, kind)
    _install_mentions(router, kind)
    _install_co_mentions(router, kind)


_install(people, "person", "people", ex.PERSON)
_install(organisations, "organisation", "organisations", ex.ORGANISATION)
