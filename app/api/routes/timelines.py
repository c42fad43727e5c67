"""Timelines: when a person or organisation was in the news, and the corpus per period."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from app.analytics_schemas import CorpusTimeline, EntityTimeline, Interval
from app.api import analytics_examples as ax
from app.api import examples as ex
from app.api.deps import EntityId, SessionDep
from app.api.lean_route import LeanRoute
from app.api.problems import ProblemError
from app.queries import timelines as timeline_queries
from app.queries.periods import RangeError
from app.schemas import EntityKind, IsoDate, Problem

people = APIRouter(prefix="/people", tags=["people"], route_class=LeanRoute)
organisations = APIRouter(prefix="/organisations", tags=["organisations"], route_class=LeanRoute)
corpus = APIRouter(tags=["stats"], route_class=LeanRoute)

IntervalParam = Annotated[
    Interval, Query(description="Length of a period: `day`, `week` (ISO), `month` or `year`")
]
FromParam = Annotated[
    IsoDate | None,
    Query(alias="from", description="First day counted (YYYY-MM-DD); default: the first day"),
]
ToParam = Annotated[
    IsoDate | None,
    Query(alias="to", description="Last day counted (YYYY-MM-DD); default: the last day"),
]
DATING = (
    " An article counts on its publication date, or on the day it was stored when it has"
    " none. Every period from the first to the last is listed, with zeros where nothing"
    " happened; at most 10,000 periods (a longer range is a 422)."
)
BAD_RANGE: dict[int | str, dict[str, Any]] = {
    422: {"model": Problem, "description": "Bad date or interval, `from` after `to`"}
}


def _install(router: APIRouter, kind: EntityKind, noun: str) -> None:
    def timeline(
        entity_id: EntityId,
        session: SessionDep,
        interval: IntervalParam = "month",
        start: FromParam = None,
        end: ToParam = None,
    ) -> EntityTimeline:
        try:
            found = timeline_queries.entity_timeline(
                session, kind=kind, entity_id=entity_id, interval=interval, start=start, end=end
            )
        except RangeError as exc:
            raise ProblemError(422, str(exc)) from exc
        if found is None:
            raise ProblemError(404, f"No {noun} with id {entity_id}.")
        return found

    router.add_api_route(
        "/{entity_id}/timeline",
        timeline,
        methods=["GET"],
        name=f"get_{noun}_timeline",
        response_model=EntityTimeline,
        summary=f"When {'an' if noun[0] in 'aeiou' else 'a'} {noun} was in the news",
        description=(
            f"The {noun}'s articles, mentions and quotations per period, from its first to its"
            " last day unless `from`/`to` narrow it. Over the whole range the periods add up to"
            " its article_count, mention_count and quotation_count." + DATING
        ),
        responses={
            **ex.ok(ax.ENTITY_TIMELINE),
            404: {"model": Problem, "description": f"No such {noun}"},
            **BAD_RANGE,
        },
    )


_install(people, "person", "person")
_install(organisations, "organisation", "organisation")


@corpus.get(
    "/timeline",
    response_model=CorpusTimeline,
    summary="The corpus per period",
    description="Articles, quotations and distinct people named, per period." + DATING,
    responses={**ex.ok(ax.CORPUS_TIMELINE), **BAD_RANGE},
)
def get_timeline(
    session: SessionDep,
    interval: IntervalParam = "month",
    start: FromParam = None,
    end: ToParam = None,
) -> CorpusTimeline:
    try:
        return timeline_queries.corpus_timeline(session, interval=interval, start=start, end=end)
    except RangeError as exc:
        raise ProblemError(422, str(exc)) from exc
