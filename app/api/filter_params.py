"""Query parameters of the list and export endpoints, read into the query-layer filters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from pydantic import Field

from app.api.deps import MAX_ID
from app.api.problems import ProblemError
from app.queries import fts
from app.queries.where_clauses import ArticleFilters, EntityFilters, QuotationFilters
from app.schemas import IsoDate, QuotationKind

MAX_QUERY_CHARS = 20_000  # longer strings are rejected (422); shorter ones are searched
MAX_IDS = 20

Id = Annotated[int, Field(ge=1, le=MAX_ID)]
SEARCH_DOC = (
    "Full-text query: words (all must match; English stemming, case-insensitive), "
    '"quoted phrases", a trailing `*` for a prefix, `OR` between alternatives. Other '
    "punctuation, and words over 100 letters, are ignored; a query left with no words matches"
    " nothing."
)
PublishedFrom = Annotated[
    IsoDate | None, Query(description="Only articles published on or after this date (YYYY-MM-DD)")
]
PublishedTo = Annotated[
    IsoDate | None,
    Query(description="Only articles published on or before this date (YYYY-MM-DD)"),
]


def search_query(q: str | None) -> fts.SearchQuery | None:
    """The parsed full-text query of a list or export, if one was given."""
    return fts.parse(q) if q is not None else None


async def article_filters(
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description=SEARCH_DOC)] = None,
    person: Annotated[
        list[Id],
        Query(
            max_length=MAX_IDS,
            description="Person id; repeat to require several (articles naming all of them)",
        ),
    ] = [],  # noqa: B006 (FastAPI copies defaults)
    organisation: Annotated[
        list[Id],
        Query(
            max_length=MAX_IDS,
            description="Organisation id; repeat to require several (all of them)",
        ),
    ] = [],  # noqa: B006
    source: Annotated[
        str | None, Query(max_length=500, description="Exact publication name")
    ] = None,
    published_from: PublishedFrom = None,
    published_to: PublishedTo = None,
) -> ArticleFilters:
    return ArticleFilters(
        q=search_query(q),
        people=tuple(person),
        organisations=tuple(organisation),
        source=source,
        published_from=published_from,
        published_to=published_to,
    )


async def quotation_filters(
    speaker: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Speaker's person or organisation id")
    ] = None,
    speaker_name: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Part of the speaker's name or alias, or of a free speaker label"
            " ('analysts'); case- and accent-insensitive",
        ),
    ] = None,
    article: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Article id")] = None,
    kind: Annotated[QuotationKind | None, Query(description="Kind of quotation")] = None,
    q: Annotated[str | None, Query(max_length=MAX_QUERY_CHARS, description=SEARCH_DOC)] = None,
    published_from: PublishedFrom = None,
    published_to: PublishedTo = None,
    about: Annotated[
        int | None,
        Query(
            ge=1,
            le=MAX_ID,
            description="Person or organisation id: only quotations whose quoted text mentions"
            " them (`about=<Brown>&speaker=<Blair>`: what Blair said about Brown)",
        ),
    ] = None,
) -> QuotationFilters:
    return QuotationFilters(
        speaker=speaker,
        speaker_name=speaker_name,
        article=article,
        kind=kind,
        q=search_query(q),
        published_from=published_from,
        published_to=published_to,
        about=about,
    )


async def entity_filters(
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            description="Part of the name or of an alias; case- and accent-insensitive",
        ),
    ] = None,
    article: Annotated[
        int | None, Query(ge=1, le=MAX_ID, description="Only those named in this article")
    ] = None,
    published_from: Annotated[
        IsoDate | None,
        Query(
            description="With either bound: only those named in articles published in the"
            " range, with counts (and count sorts) over those articles (YYYY-MM-DD)"
        ),
    ] = None,
    published_to: Annotated[
        IsoDate | None, Query(description="Last publication date of the range (YYYY-MM-DD)")
    ] = None,
) -> EntityFilters:
    if published_from is not None and published_to is not None and published_from > published_to:
        raise ProblemError(422, f"published_from ({published_from}) is after published_to.")
    return EntityFilters(
        q=q, article=article, published_from=published_from, published_to=published_to
    )


# The filter dependencies only parse query parameters: `async def` keeps them on the event
# loop (a plain `def` dependency costs a thread-pool hop on every request).
ArticleFiltersDep = Annotated[ArticleFilters, Depends(article_filters)]
QuotationFiltersDep = Annotated[QuotationFilters, Depends(quotation_filters)]
EntityFiltersDep = Annotated[EntityFilters, Depends(entity_filters)]
