"""Names of countries and of their first-level divisions (provinces, states, regions), from
the ISO 3166 lists that the `pycountry` package ships: evidence that a name is a place,
never the decision alone (a caller weighs it with what the text says)."""

from __future__ import annotations

import functools
from collections.abc import Callable

from app.annotate.entities.lexicon import HONORIFICS
from app.annotate.entities.vocabulary import adjectives, common_nouns
from app.annotate.given_names import is_given_name
from app.annotate.names import TITLE_WORDS, norm_token


@functools.cache
def _place_names() -> frozenset[str]:
    import pycountry

    names: set[str] = set()
    for country in pycountry.countries:
        names.update(
            getattr(country, attr) for attr in ("name", "common_name") if hasattr(country, attr)
        )
    names.update(division.name for division in pycountry.subdivisions)
    # a one-word name that is also an English adjective ("Central", "North", "Most") says
    # nothing by itself
    return frozenset(
        name.casefold() for name in names if " " in name or name.casefold() not in adjectives()
    )


def is_known_place(name: str) -> bool:
    """Whether ``name`` is, word for word, a country's or a province's (state's, region's)
    name: "Nova Scotia", "Saskatchewan", "New Brunswick"."""
    return name.strip().casefold() in _place_names()


_TITLES = TITLE_WORDS | HONORIFICS  # ("Baroness Scotland" is a peer)


def activity_body(words: list[str], placed: Callable[[str], bool] = is_known_place) -> bool:
    """A common noun, no first name, then a place: the body that runs an activity there
    ("Curling Manitoba", "Rowing Nova Scotia"; not "Old Trafford": an adjective, unless an
    activity's "-ing" form, names a place)."""
    first = words[0]
    low = first.lower()
    return (
        len(words) >= 2
        and len(first) > 2
        and first[1:].islower()
        and low in common_nouns()
        and (low not in adjectives() or low.endswith("ing"))
        and norm_token(first) not in _TITLES
        and not is_given_name(first)
        and placed(" ".join(words[1:]))
    )
