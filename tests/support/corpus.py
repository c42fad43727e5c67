"""A small hand-annotated corpus (no annotator involved), so query tests know every count."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Engine

from app.annotate.types import (
    AnnotatedArticle,
    Entity,
    Mention,
    Metadata,
    Paragraph,
    Quotation,
)
from app.ingest import ArticleFields, store_article

# key: (kind, canonical name, aliases searched for in the text, longest first)
ENTITIES = {
    "lopez": ("person", "Maria López", ["Maria López", "María López", "López"]),
    "smith": ("person", "John Smith", ["John Smith", "Smith"]),
    "acme": ("organisation", "Acme Widgets", ["Acme Widgets"]),
    "globex": ("organisation", "Globex Corp", ["Globex Corp"]),
}


@dataclass(frozen=True)
class Quote:
    paragraph: int
    text: str
    speaker: str | None  # entity key, or None for a free label
    kind: str = "direct"
    label: str | None = None


@dataclass(frozen=True)
class Doc:
    name: str
    title: str
    source: str
    published: date | None
    paragraphs: list[str]
    quotes: list[Quote]


DOCS = [
    Doc(
        "a1",
        "Acme hires in Leeds",
        "Gazette",
        date(2024, 1, 10),
        [
            "Maria López said Acme Widgets would hire 200 people in Leeds.",
            '"We are growing faster than expected," said López, the chief executive.',
            "Analysts said the zebra economy was strong.",
        ],
        [
            Quote(2, "We are growing faster than expected", "lopez"),
            Quote(3, "the zebra economy was strong", None, "indirect", "analysts"),
        ],
    ),
    Doc(
        "a2",
        "Acme and Globex sign a deal",
        "Herald",
        date(2024, 3, 5),
        [
            "Acme Widgets and Globex Corp signed a deal, said John Smith.",
            '"This is a historic partnership," Smith said of Globex Corp.',
        ],
        [Quote(2, "This is a historic partnership", "smith")],
    ),
    Doc(
        "a3",
        "López visits <Globex>",
        "Gazette",
        None,
        [
            "María López visited Globex Corp headquarters.",
            "She said the <script>alert(1)</script> test was a success.",
        ],
        [Quote(2, "the <script>alert(1)</script> test was a success", "lopez", "indirect")],
    ),
]


def build(doc: Doc) -> tuple[str, AnnotatedArticle]:
    text = "\n\n".join(doc.paragraphs) + "\n"
    paragraphs: list[Paragraph] = []
    pos = 0
    for number, body in enumerate(doc.paragraphs, 1):
        start = text.index(body, pos)
        paragraphs.append(Paragraph(number, start, start + len(body), body))
        pos = start + len(body)
    entities: list[Entity] = []
    index: dict[str, int] = {}
    mentions: list[Mention] = []
    for p in paragraphs:
        taken: list[tuple[int, int]] = []
        for key, (kind, name, aliases) in ENTITIES.items():
            for alias in aliases:
                for m in re.finditer(re.escape(alias), p.text):
                    s, e = p.start + m.start(), p.start + m.end()
                    if any(s < te and ts < e for ts, te in taken):
                        continue
                    taken.append((s, e))
                    if key not in index:
                        index[key] = len(entities)
                        entities.append(Entity(kind, name, key, [], []))  # type: ignore[arg-type]
                    entity = entities[index[key]]
                    if alias not in entity.aliases:
                        entity.aliases.append(alias)
                    mentions.append(Mention(index[key], p.number, s, e, alias))
    mentions.sort(key=lambda m: m.start)
    quotations = []
    for q in doc.quotes:
        p = paragraphs[q.paragraph - 1]
        s = p.start + p.text.index(q.text)
        quotations.append(
            Quotation(
                paragraph=q.paragraph,
                spans=[(s, s + len(q.text))],
                text=q.text,
                kind=q.kind,  # type: ignore[arg-type]
                cue="said",
                speaker_entity=index[q.speaker] if q.speaker else None,
                speaker_label=q.label,
                speaker_type=(
                    ENTITIES[q.speaker][0] if q.speaker else "other"  # type: ignore[arg-type]
                ),
            )
        )
    meta = Metadata(title=doc.title, source=doc.source, published=doc.published)
    return text, AnnotatedArticle(meta, paragraphs, entities, mentions, quotations)


def load(engine: Engine) -> dict[str, int]:
    """Store the corpus; returns article ids by doc name."""
    ids = {}
    for doc in DOCS:
        text, annotation = build(doc)
        ids[doc.name], _ = store_article(
            engine, text=text, annotation=annotation, fields=ArticleFields()
        )
    return ids
