"""People and organisations across all articles."""

from __future__ import annotations

from fastapi import APIRouter

from app.api import examples as ex
from app.api.deps import EntityId, Limit, Offset, SessionDep
from app.api.problems import ProblemError
from app.api.routing import LeanRoute
from app.queries import entities as q
from app.schemas import EntityKind, EntityOut, EntitySummary, Page, Problem

people = APIRouter(prefix="/people", tags=["people"], route_class=LeanRoute)
organisations = APIRouter(prefix="/organisations", tags=["organisations"], route_class=LeanRoute)


def _get(session: SessionDep, kind: EntityKind, entity_id: int) -> EntityOut:
    entity = q.get_entity(session, kind=kind, entity_id=entity_id)
    if entity is None:
        raise ProblemError(404, f"No {kind} with id {entity_id}.")
    return entity


@people.get(
    "",
    response_model=Page[EntitySummary],
    summary="List people",
    description="Every person named in any article, with mention, article and quotation counts.",
    responses=ex.ok(ex.page(ex.PERSON)),
)
def list_people(session: SessionDep, limit: Limit = 20, offset: Offset = 0) -> Page[EntitySummary]:
    return q.list_entities(session, kind="person", limit=limit, offset=offset)


@people.get(
    "/{entity_id}",
    response_model=EntityOut,
    summary="Get a person",
    description="Aliases, roles, counts and the first and last dates the person was seen.",
    responses={**ex.ok(ex.ENTITY_DETAIL), 404: {"model": Problem, "description": "No such person"}},
)
def get_person(entity_id: EntityId, session: SessionDep) -> EntityOut:
    return _get(session, "person", entity_id)


@organisations.get(
    "",
    response_model=Page[EntitySummary],
    summary="List organisations",
    description="Every organisation named in any article, with counts.",
    responses=ex.ok(ex.page(ex.ORGANISATION)),
)
def list_organisations(
    session: SessionDep, limit: Limit = 20, offset: Offset = 0
) -> Page[EntitySummary]:
    return q.list_entities(session, kind="organisation", limit=limit, offset=offset)


@organisations.get(
    "/{entity_id}",
    response_model=EntityOut,
    summary="Get an organisation",
    description="Aliases, counts and the first and last dates the organisation was seen.",
    responses={
        **ex.ok({**ex.ENTITY_DETAIL, **ex.ORGANISATION}),
        404: {"model": Problem, "description": "No such organisation"},
    },
)
def get_organisation(entity_id: EntityId, session: SessionDep) -> EntityOut:
    return _get(session, "organisation", entity_id)
