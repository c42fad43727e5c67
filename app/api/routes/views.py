"""HTML pages: a person's or organisation's page and the corpus statistics, with charts."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from app.api import analytics_examples as ax
from app.api import examples as ex
from app.api.deps import EntityId, SessionDep
from app.api.lean_route import LeanRoute
from app.api.pages import render_entity, render_stats
from app.api.problems import ProblemError
from app.api.reader import CONTENT_SECURITY_POLICY
from app.queries import pages as page_queries
from app.schemas import EntityKind

router = APIRouter(route_class=LeanRoute)
HEADERS = {"Content-Security-Policy": CONTENT_SECURITY_POLICY}


def _html(example: str) -> dict:
    return {200: {"description": "The page", "content": {"text/html": {"example": example}}}}


def _install(kind: EntityKind, plural: str, noun: str) -> None:
    def view(entity_id: EntityId, session: SessionDep) -> HTMLResponse:
        page = page_queries.entity_page(session, kind=kind, entity_id=entity_id)
        if page is None:
            raise ProblemError(404, f"No {noun} with id {entity_id}.")
        return HTMLResponse(render_entity(page), headers=HEADERS)

    router.add_api_route(
        f"/{plural}/{{entity_id}}/view",
        view,
        methods=["GET"],
        name=f"view_{noun}",
        tags=[plural],
        response_class=HTMLResponse,
        summary=f"{'An' if noun[0] in 'aeiou' else 'A'} {noun}'s page",
        description=(
            f"A self-contained HTML page (no script, no external asset): the {noun}'s"
            " timeline as a bar chart, aliases and roles, latest quotations and what others"
            " said about them (with links into the reader view), and who is named in the same"
            " articles. Sent with a strict Content-Security-Policy."
        ),
        responses={
            **_html(ax.ENTITY_PAGE_HTML),
            **ex.problem(404, f"No {noun} with id 999.", f"/{plural}/999/view", f"No such {noun}"),
        },
    )


_install("person", "people", "person")
_install("organisation", "organisations", "organisation")


@router.get(
    "/stats/view",
    tags=["stats"],
    response_class=HTMLResponse,
    summary="Corpus statistics page",
    description=(
        "A self-contained HTML page: articles per period as a bar chart, the shares of"
        " quotations by speaker type (unnamed sources highlighted) and by kind, and the"
        " sources. Sent with a strict Content-Security-Policy."
    ),
    responses=_html(ax.STATS_PAGE_HTML),
)
def view_stats(session: SessionDep) -> HTMLResponse:
    return HTMLResponse(render_stats(page_queries.stats_page(session)), headers=HEADERS)
