"""API response and request models (the JSON contract, separate from the tables)."""

from __future__ import annotations

import functools
import re
import sys
from datetime import date, datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, JsonValue

T = TypeVar("T")

EntityKind = Literal["person", "organisation"]
QuotationKind = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "organisation", "other"]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _iso_date(value: object) -> object:
    """Only what the schema's `format: date` says: a YYYY-MM-DD string (pydantic alone would
    also read 0 as 1970-01-01, or a date-time at midnight as its date)."""
    if isinstance(value, date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


IsoDate = Annotated[date, BeforeValidator(_iso_date)]

# What may be stored, said in the schema: no NUL character anywhere, and an article text holds
# at least one letter. The check itself is `app.ingest.text_problem`, which answers with the
# precise problem type (empty-text, no-letters, invalid-characters).
NO_NUL_PATTERN = r"^[^\x00]*$"
ARTICLE_TEXT_DOC = (
    "Plain article text, as scraped: at least one letter, no NUL character, at most"
    " MAX_ARTICLE_BYTES bytes of UTF-8"
)


@functools.cache
def letters() -> str:
    """A regular-expression class body matching exactly the characters `str.isalpha` accepts,
    the letters `text_problem` looks for (Unicode's categories L*, some 650 ranges).

    Spelled out rather than as `\\p{L}`: clients and fuzzers read patterns with different
    engines, and one that narrows `\\p{L}` to Latin letters would call invalid a Greek text
    that the API stores (schemathesis does). Built once, with the OpenAPI document."""
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if chr(code).isalpha():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))

    def literal(code: int) -> str:
        char = chr(code)
        return "\\" + char if char in "\\]^-[" else char

    def span(first: int, last: int) -> str:
        if first == last:
            return literal(first)
        return literal(first) + ("-" if last > first + 1 else "") + literal(last)

    return "".join(span(first, last) for first, last in ranges)


def article_text_schema(schema: dict[str, Any]) -> None:
    """The JSON schema of an article text (json_schema_extra of `ArticleIn.text`)."""
    schema.update(minLength=1, pattern=f"^[^\\x00]*[{letters()}][^\\x00]*$")


class Page(BaseModel, Generic[T]):
    """A page of a collection."""

    items: list[T]
    total: int = Field(description="Number of items matching, across all pages")
    limit: int
    offset: int
    next_cursor: str | None = Field(
        default=None,
        description="On lists that support keyset paging: pass it as `after` to get the next"
        " page (constant time at any depth, unlike `offset`); null on the last page",
    )


class ImageOut(BaseModel):
    file: str | None
    caption: str | None


class ArticleSummary(BaseModel):
    id: int
    title: str | None
    authors: list[str]
    source: str | None
    published: date | None
    url: str | None
    paragraph_count: int
    ingested_at: datetime


class ArticleOut(ArticleSummary):
    content_hash: str = Field(description="SHA-256 of the stored text; the article's identity")
    images: list[ImageOut]
    text: str = Field(description="The text exactly as received; all offsets index it")
    people_count: int
    organisation_count: int
    quotation_count: int


ARTICLE_IN_EXAMPLE: dict[str, JsonValue] = {
    "text": "Acme Corp said on Monday it would hire 200 people.\n\n"
    '"We are growing fast," said chief executive Jane Smith.',
    "source": "Example Gazette",
    "published": "2024-07-29",
}


class ArticleIn(BaseModel):
    """An article to annotate and store. Only `text` is required."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [ARTICLE_IN_EXAMPLE]},
    )

    text: str = Field(description=ARTICLE_TEXT_DOC, json_schema_extra=article_text_schema)
    title: str | None = Field(
        default=None,
        description="Overrides the title found in the text",
        json_schema_extra={"pattern": NO_NUL_PATTERN},
    )
    source: str | None = Field(
        default=None, description="Publication name", json_schema_extra={"pattern": NO_NUL_PATTERN}
    )
    url: str | None = Field(
        default=None, max_length=2048, json_schema_extra={"pattern": NO_NUL_PATTERN}
    )
    published: IsoDate | None = Field(default=None, description="Publication date (YYYY-MM-DD)")


class SpeakerOut(BaseModel):
    id: int | None = Field(description="Entity id when the speaker is a person or organisation")
    name: str
    type: SpeakerType
    named: bool | None = Field(
        default=None,
        description="false for an unnamed source ('officials', 'a spokesman', 'sources"
        " familiar with the matter'); true for a named person or organisation, a group of"
        " them or a document; null when not known",
    )


class QuotationOut(BaseModel):
    id: int
    article_id: int
    paragraph: int = Field(description="1-based number of the paragraph holding the quotation")
    text: str
    kind: QuotationKind
    cue: str | None = Field(description="The reporting expression, e.g. 'said', 'according to'")
    speaker: SpeakerOut | None
    start: int = Field(description="Offset of the first character in the article text")
    end: int = Field(description="Offset just past the last character in the article text")
    spans: list[tuple[int, int]] = Field(
        description="The quoted pieces as [start, end) offsets; text joins them with a space"
    )


class QuotationWithArticle(QuotationOut):
    article_title: str | None
    published: date | None


class ParagraphOut(BaseModel):
    number: int
    text: str
    start: int
    end: int


class MentionOut(BaseModel):
    entity_id: int
    name: str = Field(description="Canonical name of the entity mentioned")
    kind: EntityKind
    text: str = Field(description="Surface form in the text")
    start: int
    end: int


class ParagraphDetail(ParagraphOut):
    mentions: list[MentionOut]
    quotations: list[QuotationOut]


class ArticleEntityOut(BaseModel):
    """A person or organisation as named in one article."""

    id: int
    name: str
    kind: EntityKind
    aliases: list[str]
    roles: list[str]
    mention_count: int
    quotation_count: int


class ArticleFull(ArticleOut):
    """An article with everything found in it (the reader view and the JSONL export)."""

    paragraphs: list[ParagraphOut]
    people: list[ArticleEntityOut]
    organisations: list[ArticleEntityOut]
    mentions: list[MentionOut]
    quotations: list[QuotationOut]


class EntitySummary(BaseModel):
    id: int
    name: str
    kind: EntityKind
    aliases: list[str]
    roles: list[str]
    mention_count: int
    article_count: int
    quotation_count: int


class KindVotesOut(BaseModel):
    """Evidence for an entity's kind, summed over the articles naming it (the kind is the
    larger; see docs on identity)."""

    person: int
    organisation: int
    other: int = Field(description="Neither: a place, a work, a product, a character...")


class EntityOut(EntitySummary):
    first_seen: date | None = Field(description="Earliest publication (or ingest) date")
    last_seen: date | None = Field(description="Latest publication (or ingest) date")
    votes: KindVotesOut = Field(description="Evidence for the kind from all its articles")


class EntityNameOut(BaseModel):
    """A name the articles use for the entity: the evidence that it is this entity."""

    id: int = Field(description="Name id; `/people/{id}/articles?name=` lists its articles")
    name: str = Field(description="The name as the first article to use it wrote it")
    key: str = Field(description="Identity key: the same key in any article is this name")
    link: Literal["own", "surname", "alias"] = Field(
        description="Why it belongs here: the entity's own name; a surname whose full-name"
        " bearer is unambiguous in the corpus; a form the articles use as this entity's alias"
    )
    article_count: int = Field(description="Articles using this name")
    votes: KindVotesOut = Field(description="Evidence for the kind from those articles")


class EntityArticleOut(ArticleSummary):
    """An article naming the entity, with how this article names it."""

    aliases: list[str] = Field(description="Surface forms this article uses")
    roles: list[str] = Field(description="Roles this article gives")
    mention_count: int = Field(description="Mentions in this article")
    quotation_count: int = Field(description="Quotations attributed to the entity in this article")


class EntityMentionOut(BaseModel):
    """One mention of the entity, with the paragraph around it."""

    id: int
    article_id: int
    article_title: str | None
    published: date | None
    paragraph: int = Field(description="1-based number of the paragraph holding the mention")
    text: str = Field(description="Surface form in the text")
    start: int = Field(description="Offset in the article text")
    end: int
    paragraph_text: str = Field(description="The whole paragraph holding the mention")
    paragraph_offset: int = Field(
        description="Where the mention starts inside paragraph_text (0-based)"
    )


class CoMentionOut(BaseModel):
    """A person or organisation named in some of the same articles."""

    id: int
    name: str
    kind: EntityKind
    shared_articles: int = Field(description="Articles naming both entities")
    shared_mentions: int = Field(description="Mentions of this entity in those articles")


class SearchHit(BaseModel):
    """A paragraph or quotation matching a full-text query."""

    type: Literal["paragraph", "quotation"]
    article_id: int
    article_title: str | None
    published: date | None
    paragraph: int = Field(description="1-based paragraph number (of the quotation, for quotes)")
    quotation_id: int | None = Field(description="Set for quotation hits")
    snippet: str = Field(
        description="HTML-escaped excerpt with the matching words wrapped in <mark>…</mark>"
    )


class Health(BaseModel):
    status: Literal["ok"]
    database: Literal["ok"]
    articles: int
    version: str
    annotator_version: str = Field(
        description="The annotator of this process: package version, spaCy model and version,"
        " hash of app/annotate/"
    )
    stale_articles: int = Field(
        description="Articles annotated by another (or an unknown) annotator version:"
        " `python -m app reannotate` or `POST /jobs/reannotate` brings them up to date"
    )


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None
    request_id: str | None = Field(
        default=None, description="The request's X-Request-ID, to quote when reporting a problem"
    )
    errors: list[dict] | None = None


# --- jobs ----------------------------------------------------------------------------------

JobStatus = Literal["queued", "running", "done", "failed"]
MAX_JOB_ITEMS = 1000


class JobSummary(BaseModel):
    """A job: its kind, where it stands and what its items came to so far."""

    id: int
    kind: Literal["ingest", "reannotate"]
    status: JobStatus = Field(
        description="`queued` until a worker takes an item, `running`, then `done` once every"
        " item is processed (also when some failed); `failed` when every item failed"
    )
    total: int = Field(description="Items (articles) in the job")
    processed: int = Field(description="Items finished, whatever their outcome")
    created: int = Field(description="Articles stored new (ingest)")
    existing: int = Field(
        description="Texts already stored (ingest), or articles already up to date (reannotate)"
    )
    reannotated: int = Field(description="Articles annotated again (reannotate)")
    failed: int = Field(description="Items that failed for good (see `errors`)")
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class ItemProblem(BaseModel):
    """Why an item failed: an RFC 9457 problem object, as the API would answer it alone."""

    type: str
    title: str
    status: int
    detail: str
    errors: list[dict] | None = Field(default=None, description="Validation errors, if any")


class JobError(BaseModel):
    index: int = Field(description="0-based position of the item in the job")
    problem: ItemProblem


class JobOut(JobSummary):
    errors: list[JobError] = Field(description="The failed items, in item order")


class ReannotateIn(BaseModel):
    """Which articles to annotate again."""

    model_config = ConfigDict(
        extra="forbid", json_schema_extra={"examples": [{"articles": "stale"}]}
    )

    articles: (
        Literal["stale", "all"]
        | Annotated[
            list[Annotated[int, Field(ge=1, le=2**31 - 1)]],
            Field(min_length=1, max_length=MAX_JOB_ITEMS),
        ]
    ) = Field(
        description='`"stale"` (another annotator version, or unknown), `"all"`, or a list of'
        " up to 1,000 article ids"
    )
