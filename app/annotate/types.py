"""Annotation dataclasses: what the annotator produces from a text.

Every offset is a character offset into the *original* text handed to ``annotate``
(``text[start:end]`` is the surface form), so the stored text and the offsets agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

EntityKind = Literal["person", "organisation"]
QuotationKind = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "organisation", "other"]


@dataclass(frozen=True, slots=True)
class Image:
    """An image named in scraped page text, with its caption when one follows it."""

    file: str | None
    caption: str | None


@dataclass(slots=True)
class Metadata:
    """What the text itself states about the article (``clean``); nothing is inferred."""

    title: str | None = None  # the headline (without a " | Site name" suffix)
    authors: list[str] = field(default_factory=list)  # byline names, without jobs or places
    # the publication or wire service named in the text (byline, a line of its own, the
    # page title, the dateline's service, a sign-off, the copyright line)
    source: str | None = None
    published: date | None = None  # from a date line only, never from the story
    images: list[Image] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Paragraph:
    number: int  # 1-based, body paragraphs only
    start: int
    end: int
    # == original_text[start:end]; may hold line breaks (a hard-wrapped paragraph, a list)
    text: str


@dataclass(slots=True)
class KindVotes:
    """Evidence for an entity's kind, from one article: whole votes, so that sums over a
    corpus can be added and taken away exactly as articles arrive and leave."""

    person: int = 0
    organisation: int = 0
    other: int = 0  # neither: a place, a work, a product, a fictional character...

    def winner(self, default: EntityKind) -> EntityKind:
        """Person or organisation, whichever has more votes (a tie keeps `default`)."""
        if self.person == self.organisation:
            return default
        return "person" if self.person > self.organisation else "organisation"


@dataclass(slots=True)
class Entity:
    kind: EntityKind  # this article's decision; a corpus pools `votes` over its articles
    name: str  # canonical display name (full name, titles stripped)
    # Identity key (names.identity_key): the same key across articles is the same entity,
    # whatever kind each article decided; at most one entity per key in an article.
    key: str
    aliases: list[str] = field(default_factory=list)  # surface forms used, titles stripped
    roles: list[str] = field(default_factory=list)  # titles / appositive roles seen
    votes: KindVotes = field(default_factory=KindVotes)


@dataclass(frozen=True, slots=True)
class Mention:
    entity: int  # index into AnnotatedArticle.entities
    paragraph: int  # paragraph number
    start: int
    end: int
    text: str  # == original_text[start:end]


@dataclass(slots=True)
class Quotation:
    paragraph: int  # paragraph number holding (most of) the quotation
    spans: list[
        tuple[int, int]
    ]  # content pieces; text == " ".join(original[s:e] for s, e in spans)
    text: str
    kind: QuotationKind
    cue: str | None = None  # reporting expression, e.g. "said", "according to"
    speaker_entity: int | None = None  # index into AnnotatedArticle.entities
    speaker_label: str | None = None  # free label when not an entity ("analysts")
    speaker_type: SpeakerType | None = None
    speaker_text: str | None = None  # the surface mention ("she", "the ministry")
    # False for an unnamed source ("officials", "a spokesman", "sources familiar with the
    # matter"); True for a named person or organisation, a group of them or a document
    # ("the statement"); None when there is no speaker.
    speaker_named: bool | None = None

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(slots=True)
class AnnotatedArticle:
    metadata: Metadata
    paragraphs: list[Paragraph]
    entities: list[Entity]
    mentions: list[Mention]
    quotations: list[Quotation]
