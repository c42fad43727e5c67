"""Database tables (SQLModel). The schema is created and changed only by Alembic migrations."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


# Public ids (articles, people and organisations, quotations) are never reused after a delete:
# AUTOINCREMENT on SQLite (migration 0105), as PostgreSQL's sequences already do.
STABLE_IDS = {"sqlite_autoincrement": True}


class Article(SQLModel, table=True):
    __tablename__ = "articles"
    __table_args__ = (
        Index("ix_articles_published_id", "published", "id"),
        Index("ix_articles_ingested_id", "ingested_at", "id"),
        Index("ix_articles_source", "source"),
        Index("ix_articles_id", "id"),  # thin: deep OFFSETs skip ids, not rows (0102)
        STABLE_IDS,
    )

    id: int | None = Field(default=None, primary_key=True)
    title: str | None = None
    authors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    source: str | None = None
    published: date | None = None
    url: str | None = None
    content_hash: str = Field(max_length=64, unique=True)
    text: str
    images: list[dict] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    paragraph_count: int = 0
    ingested_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    # The annotator that produced the stored annotations (app.core.annotator_version); NULL
    # for articles stored before versions were recorded (stale: `reannotate` brings them up).
    annotator_version: str | None = Field(
        default=None, sa_column=Column(Text, nullable=True, index=True)
    )


class Paragraph(SQLModel, table=True):
    __tablename__ = "paragraphs"
    __table_args__ = (
        UniqueConstraint("article_id", "number", name="uq_paragraphs_article_number"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    )
    number: int
    start_char: int
    end_char: int
    text: str


class Entity(SQLModel, table=True):
    __tablename__ = "entities"
    __table_args__ = (
        UniqueConstraint("key", name="uq_entities_key"),
        Index("ix_entities_kind_name", "kind", "name"),
        Index("ix_entities_kind_mentions", "kind", "mention_count"),
        STABLE_IDS,
    )

    id: int | None = Field(default=None, primary_key=True)
    # person | organisation | other (neither: hidden from people and organisations): the winner
    # of the kind votes of every article naming the entity (ties keep the current kind),
    # maintained with the counts below.
    kind: str = Field(max_length=16)
    name: str  # the display form of its root name (the name whose key is `key`)
    key: str  # the identity key of its root name (app.annotate.names.identity_key)
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    roles: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    # Folded (casefolded, accent-stripped) name and aliases, one per line, maintained on ingest:
    # `q` filters match it with LIKE on every backend.
    search_text: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    # Maintained on ingest and delete, so lists and sorts never count on the fly.
    mention_count: int = 0
    article_count: int = 0
    quotation_count: int = 0
    # Earliest and latest date of the articles naming the entity ("seen" = the publication
    # date, else the UTC date of ingest); maintained on ingest and delete like the counts.
    first_seen: date | None = None
    last_seen: date | None = None
    # Evidence for the kind: the votes of every article naming the entity, summed.
    person_votes: int = Field(
        default=0, sa_column=Column(Integer, nullable=False, server_default="0")
    )
    org_votes: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    other_votes: int = Field(
        default=0, sa_column=Column(Integer, nullable=False, server_default="0")
    )


class EntityName(SQLModel, table=True):
    """A name as the articles give it (one row per identity key), with the evidence pooled
    over the articles that use it. Every name belongs to one entity: its own (the entity
    whose key is this name's key), or another name's when the corpus says they are the same
    (a surname-only name whose full-name bearer is unambiguous, a short form the articles use
    as another name's alias); see app/store/identity.py. Re-deciding moves the name, with its
    mentions and quotations, to another entity."""

    __tablename__ = "entity_names"
    __table_args__ = (
        Index("ix_entity_names_entity", "entity_id"),
        Index("ix_entity_names_surname", "surname"),
        Index("ix_entity_names_given", "given"),
        STABLE_IDS,
    )

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(unique=True)
    name: str  # display form, as the first article to use it wrote it
    entity_id: int = Field(
        sa_column=Column(Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False)
    )
    link: str = Field(max_length=16)  # own | surname | alias: why it belongs to its entity
    surname: str | None = None  # last word of a name of two or more words
    given: str | None = None  # first word of a name of two or more words
    person_votes: int = 0
    org_votes: int = 0
    other_votes: int = 0
    article_count: int = 0


class ArticleName(SQLModel, table=True):
    """One row per name an article uses: what the annotator found for it in that article."""

    __tablename__ = "article_names"
    __table_args__ = (Index("ix_article_names_name", "name_id", "article_id"),)

    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )
    name_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("entity_names.id", ondelete="CASCADE"), primary_key=True
        )
    )
    position: int = 0  # order of first appearance in the article
    name: str  # the article's display form
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    alias_keys: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    roles: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    person_votes: int = 0
    org_votes: int = 0
    other_votes: int = 0
    mention_count: int = 0
    quotation_count: int = 0


class NameAlias(SQLModel, table=True):
    """Evidence that two names are one: in `articles` articles, the name `name_id` was also
    written as a form whose identity key is `alias_key` ("Lib Dems" for "Liberal Democrats")."""

    __tablename__ = "name_aliases"
    __table_args__ = (Index("ix_name_aliases_name", "name_id"),)

    alias_key: str = Field(primary_key=True)
    name_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("entity_names.id", ondelete="CASCADE"), primary_key=True
        )
    )
    articles: int = 0


class ArticleEntity(SQLModel, table=True):
    """One row per entity named in an article, with what the article calls it."""

    __tablename__ = "article_entities"
    __table_args__ = (Index("ix_article_entities_entity", "entity_id", "article_id"),)

    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    )
    entity_id: int = Field(
        sa_column=Column(Integer, ForeignKey("entities.id", ondelete="CASCADE"), primary_key=True)
    )
    position: int = 0  # order of first appearance in the article
    aliases: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    roles: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    mention_count: int = 0
    quotation_count: int = 0
    person_votes: int = Field(
        default=0, sa_column=Column(Integer, nullable=False, server_default="0")
    )
    org_votes: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    other_votes: int = Field(
        default=0, sa_column=Column(Integer, nullable=False, server_default="0")
    )


class Mention(SQLModel, table=True):
    __tablename__ = "mentions"
    __table_args__ = (
        Index("ix_mentions_entity", "entity_id", "article_id"),
        Index("ix_mentions_article", "article_id", "start_char"),
        Index("ix_mentions_paragraph", "paragraph_id"),
        Index("ix_mentions_name", "name_id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    )
    paragraph_id: int = Field(
        sa_column=Column(Integer, ForeignKey("paragraphs.id", ondelete="CASCADE"), nullable=False)
    )
    entity_id: int = Field(
        sa_column=Column(Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False)
    )
    # The article's name for the entity (entity_id is that name's entity, copied here so
    # that reads need no join; a re-decision updates both).
    # (no foreign key: see migration 0107; a name outlives every mention of it)
    name_id: int | None = None
    start_char: int
    end_char: int
    text: str


class Quotation(SQLModel, table=True):
    __tablename__ = "quotations"
    __table_args__ = (
        Index("ix_quotations_article", "article_id", "start_char"),
        Index("ix_quotations_paragraph", "paragraph_id"),
        Index("ix_quotations_speaker", "speaker_id", "id"),
        Index("ix_quotations_speaker_name", "speaker_name_id"),
        Index("ix_quotations_kind", "kind"),
        Index("ix_quotations_id", "id"),  # thin: deep OFFSETs skip ids, not rows (0102)
        STABLE_IDS,
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False)
    )
    paragraph_id: int = Field(
        sa_column=Column(Integer, ForeignKey("paragraphs.id", ondelete="CASCADE"), nullable=False)
    )
    paragraph_number: int
    start_char: int
    end_char: int
    spans: list[list[int]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    text: str
    kind: str = Field(max_length=16)  # direct | indirect | mixed
    cue: str | None = None
    speaker_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("entities.id", ondelete="SET NULL"), nullable=True),
    )
    speaker_name_id: int | None = None  # the speaker's name (as Mention.name_id)
    speaker_label: str | None = None  # surface or free label ("analysts")
    speaker_type: str | None = Field(default=None, max_length=16)  # person|organisation|other
    # False for an unnamed source ("officials", "a spokesman"); None when not known (0108).
    speaker_named: bool | None = Field(default=None, sa_column=Column(Boolean, nullable=True))


class CoMention(SQLModel, table=True):
    """Entities named in the same articles, one row per ordered pair (both directions stored),
    maintained on ingest and delete (app.ingest) so a co-mentions page is an index walk.

    shared_articles: articles naming both; shared_mentions: the *other* entity's mentions in
    those articles. A row exists only while shared_articles > 0. No foreign keys: the rows of
    an entity reach zero, and are deleted, before the entity itself is (orphans).
    """

    __tablename__ = "co_mentions"
    __table_args__ = {"sqlite_with_rowid": False}

    entity_id: int = Field(primary_key=True)
    other_id: int = Field(primary_key=True)
    other_kind: str = Field(max_length=16)
    shared_articles: int
    shared_mentions: int


# The page order (most shared articles, then mentions, then id), with and without a kind
# filter: SQLite walks these indexes instead of sorting (DESC columns: the tie-break on id is
# ascending, so the order cannot be an ascending index walked backwards).
_co = CoMention.__table__.c  # type: ignore[attr-defined]
Index(
    "ix_co_mentions_rank",
    _co.entity_id,
    _co.shared_articles.desc(),
    _co.shared_mentions.desc(),
    _co.other_id,
)
Index(
    "ix_co_mentions_kind_rank",
    _co.entity_id,
    _co.other_kind,
    _co.shared_articles.desc(),
    _co.shared_mentions.desc(),
    _co.other_id,
)


class MaintainedCounter(SQLModel, table=True):
    """Row counts kept by database triggers (migration 0101), so totals never scan a table.

    Names: `articles`, `quotations`, `entities:person`, `entities:organisation`.
    """

    __tablename__ = "counters"

    name: str = Field(primary_key=True, max_length=32)
    value: int = Field(default=0, sa_column=Column(BigInteger, nullable=False))


# Maintained aggregates for timelines, range counts, quotation statistics and `about`
# (migration 0108). Kept exact by app.core.analytics_counts, called from the write path for
# every article whose rows are added, removed or relinked; no foreign keys, like co_mentions.
# A "day" is the date an article was seen (published, else the UTC date of ingest); `dated`
# tells the two apart, so that published_from/published_to can leave undated articles out.


class EntityDay(SQLModel, table=True):
    """One entity's articles, mentions and quotations on one day; `kind` is the entity's
    (ranges over one kind read their index entries alone)."""

    __tablename__ = "entity_days"
    __table_args__ = (
        Index(
            "ix_entity_days_day",
            "day",
            "dated",
            "kind",
            "entity_id",
            "articles",
            "mentions",
            "quotations",
        ),
        {"sqlite_with_rowid": False},
    )

    entity_id: int = Field(primary_key=True)
    day: date = Field(primary_key=True)
    dated: bool = Field(sa_column=Column(Boolean, primary_key=True))
    kind: str = Field(max_length=16)
    articles: int
    mentions: int
    quotations: int


class EntityMonth(SQLModel, table=True):
    """One entity's articles, mentions and quotations in one month (month: its first day)."""

    __tablename__ = "entity_months"
    __table_args__ = (
        Index(
            "ix_entity_months_month",
            "month",
            "dated",
            "kind",
            "entity_id",
            "articles",
            "mentions",
            "quotations",
        ),
        {"sqlite_with_rowid": False},
    )

    entity_id: int = Field(primary_key=True)
    month: date = Field(primary_key=True)
    dated: bool = Field(sa_column=Column(Boolean, primary_key=True))
    kind: str = Field(max_length=16)
    articles: int
    mentions: int
    quotations: int


class CorpusDay(SQLModel, table=True):
    """Articles and quotations of one source on one day (source '' = none)."""

    __tablename__ = "corpus_days"
    __table_args__ = {"sqlite_with_rowid": False}

    day: date = Field(primary_key=True)
    dated: bool = Field(sa_column=Column(Boolean, primary_key=True))
    source: str = Field(primary_key=True)
    articles: int
    quotations: int
    # the quotations by kind and by speaker group (the groups of /stats/quotations)
    kind_direct: int = 0
    kind_indirect: int = 0
    kind_mixed: int = 0
    speaker_person: int = 0
    speaker_organisation: int = 0
    speaker_other: int = 0
    speaker_unnamed: int = 0
    speaker_unattributed: int = 0


class SourceTotal(SQLModel, table=True):
    """Articles and quotations of one source (source '' = none)."""

    __tablename__ = "source_totals"
    __table_args__ = {"sqlite_with_rowid": False}

    source: str = Field(primary_key=True)
    articles: int
    quotations: int
    # the quotations by kind and by speaker group (the groups of /stats/quotations)
    kind_direct: int = 0
    kind_indirect: int = 0
    kind_mixed: int = 0
    speaker_person: int = 0
    speaker_organisation: int = 0
    speaker_other: int = 0
    speaker_unnamed: int = 0
    speaker_unattributed: int = 0


class CorpusPeriod(SQLModel, table=True):
    """The corpus in one period (grain: day, week, month, year; start: its first day):
    articles, their quotations and the distinct people they name."""

    __tablename__ = "corpus_periods"
    __table_args__ = {"sqlite_with_rowid": False}

    grain: str = Field(primary_key=True, max_length=8)
    start: date = Field(primary_key=True)
    articles: int
    quotations: int
    people: int


class EntityQuotation(SQLModel, table=True):
    """A quotation under its speaker (role 'by') and under each entity whose mention its
    quoted spans hold (role 'about'), with the day of its article."""

    __tablename__ = "entity_quotations"
    __table_args__ = (
        Index("ix_entity_quotations_latest", "entity_id", "role", "day", "quotation_id"),
        Index("ix_entity_quotations_article", "article_id"),
        {"sqlite_with_rowid": False},
    )

    entity_id: int = Field(primary_key=True)
    role: str = Field(primary_key=True, max_length=8)  # by | about
    quotation_id: int = Field(primary_key=True)
    day: date
    article_id: int


class Job(SQLModel, table=True):
    """A durable batch of work (app/jobs/): ingest articles, or re-annotate stored ones. Its
    counts move in the same transaction as each item's outcome."""

    __tablename__ = "jobs"
    __table_args__ = (Index("ix_jobs_status_id", "status", "id"), STABLE_IDS)

    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=16)  # ingest | reannotate
    status: str = Field(max_length=16)  # queued | running | done | failed
    total: int
    processed: int = 0
    created: int = 0
    existing: int = 0
    reannotated: int = 0
    failed: int = 0
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    started_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    finished_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))


class JobItem(SQLModel, table=True):
    """One article of a job. A worker claims a queued item (or one whose lease expired) with
    one UPDATE; its outcome is written in the transaction that stores the article."""

    __tablename__ = "job_items"
    __table_args__ = (
        UniqueConstraint("job_id", "position", name="uq_job_items_job_position"),
        Index("ix_job_items_claim", "status", "lease_until", "id"),
    )

    id: int | None = Field(default=None, primary_key=True)
    job_id: int = Field(
        sa_column=Column(Integer, ForeignKey("jobs.id", ondelete="CASCADE"), nullable=False)
    )
    position: int  # 0-based index in the job's body
    status: str = Field(max_length=16)  # queued | claimed | done | failed
    # ingest: the ArticleIn fields; reannotate: {"article_id": n}
    payload: dict = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    article_id: int | None = None  # the article created, found or re-annotated
    outcome: str | None = Field(default=None, max_length=16)  # created | existing | reannotated
    problem: dict | None = Field(default=None, sa_column=Column(JSON, nullable=True))
    attempts: int = 0
    worker: str | None = None  # the claim token of the worker holding it
    lease_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
