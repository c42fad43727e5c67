"""One value per scalar query parameter: `?speaker=3&speaker=4` is a 422, not a silent pick.

Starlette keeps every repeated key and FastAPI reads the last one for a parameter declared
as a single value, so a client that sends a list where the API takes one value would get an
answer to a question it did not ask. This app-wide dependency runs on the event loop, costs
one comparison when no key repeats (nearly every request) and otherwise looks up, once per
route, which of its query parameters (its own and its dependencies') take a list.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute
from pydantic.fields import FieldInfo


async def single_valued_query(request: Request) -> None:
    """Reject a repeated query key unless the operation takes a list under that name."""
    params = request.query_params
    if len(params) == len(params.multi_items()):
        return
    route = request.scope.get("route")
    lists = _list_params(route) if isinstance(route, APIRoute) else frozenset()
    repeated = sorted({k for k, _ in params.multi_items() if len(params.getlist(k)) > 1})
    errors = [
        {
            "type": "too_many_values",
            "loc": ("query", key),
            "msg": "Give this parameter once: it takes a single value",
        }
        for key in repeated
        if key not in lists
    ]
    if errors:
        raise RequestValidationError(errors)


_LISTS: dict[int, frozenset[str]] = {}  # route id -> its list parameters (routes live on)


def _list_params(route: APIRoute) -> frozenset[str]:
    found = _LISTS.get(id(route))
    if found is None:
        found = _LISTS[id(route)] = frozenset(_list_aliases(route.dependant))
    return found


def _list_aliases(dependant: Dependant) -> list[str]:
    own = [p.alias for p in dependant.query_params if _takes_a_list(p.field_info)]
    return own + [a for sub in dependant.dependencies for a in _list_aliases(sub)]


def _takes_a_list(info: FieldInfo) -> bool:
    origin = getattr(info.annotation, "__origin__", None)
    text = str(info.annotation)
    return origin in (list, set, tuple, frozenset) or "list[" in text or "List[" in text
