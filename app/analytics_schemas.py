"""API response models of the analytics endpoints: timelines, sources and statistics."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from app.schemas import EntitySummary

Interval = Literal["day", "week", "month", "year"]
QuotationGroupBy = Literal["source", "speaker_type", "kind", "month"]
SourceSort = Literal["-articles", "-quotations", "name"]


class EntityBucket(BaseModel):
    period: str = Field(description="`2005-01-03` (day), `2005-W01` (ISO week), `2005-01`, `2005`")
    start: date = Field(description="First day of the period (weeks start on Monday)")
    articles: int = Field(description="Articles naming the entity")
    mentions: int = Field(description="Mentions of the entity in them")
    quotations: int = Field(description="Quotations attributed to the entity in them")


class EntityTimeline(BaseModel):
    """An entity's activity per period, every period of the range present (zeros too)."""

    entity: EntitySummary
    interval: Interval
    start: date | None = Field(
        alias="from", description="First day counted (the entity's first_seen by default)"
    )
    end: date | None = Field(
        alias="to", description="Last day counted (the entity's last_seen by default)"
    )
    buckets: list[EntityBucket]

    model_config = {"populate_by_name": True}


class CorpusBucket(BaseModel):
    period: str
    start: date
    articles: int = Field(description="Articles seen in the period")
    quotations: int = Field(description="Quotations in those articles")
    people: int = Field(description="Distinct people named in those articles")


class CorpusTimeline(BaseModel):
    """The whole corpus per period, every period of the range present (zeros too)."""

    interval: Interval
    start: date | None = Field(alias="from", description="First day counted")
    end: date | None = Field(alias="to", description="Last day counted")
    buckets: list[CorpusBucket]

    model_config = {"populate_by_name": True}


class SourceOut(BaseModel):
    source: str | None = Field(description="Publication name; null for articles without one")
    article_count: int
    quotation_count: int


class StatsGroup(BaseModel):
    key: str | None = Field(
        description="The source (null: none), speaker type (person, organisation, other,"
        " unnamed, unattributed), kind (direct, indirect, mixed) or month (`2005-01`)"
    )
    quotations: int
    share: float = Field(description="quotations / total, 0 when there are none")


class QuotationStats(BaseModel):
    """Quotation counts and shares per group, over the articles the filters select."""

    group_by: QuotationGroupBy
    published_from: date | None
    published_to: date | None
    source: str | None
    total: int = Field(description="Quotations counted")
    groups: list[StatsGroup]
