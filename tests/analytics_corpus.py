"""Random hand-annotated articles for the analytics tests (no annotator involved).

Each article names a few people and organisations of a small pool, in sentences whose
annotations are built with the text: direct quotations ('"...," said X.'), mixed ones split
around their speaker ('"...," X said, "..."'), indirect ones from unnamed sources
("Officials said ...", speaker_named False), from free labels whose naming is unknown
("Analysts said ...") and from documents ("A report said ...", speaker_named True). Quoted
text often mentions someone else, so `about` has something to find, and the speaker of a
mixed quotation sits between its two spans, where `about` must not see them.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
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

PEOPLE = [f"Person {c}" for c in "ABCDEFG"]
ORGANISATIONS = [f"Org {c}" for c in "VWXYZ"]
SOURCES = ["Gazette", "Herald", None]


@dataclass
class _Builder:
    text: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotations: list[Quotation] = field(default_factory=list)
    start: int = 0

    def entity(self, name: str) -> int:
        for i, e in enumerate(self.entities):
            if e.name == name:
                return i
        kind = "person" if name in PEOPLE else "organisation"
        self.entities.append(Entity(kind, name, name.casefold(), [name]))  # type: ignore[arg-type]
        return len(self.entities) - 1

    def say(self, piece: str) -> tuple[int, int]:
        """Append plain text; its offsets."""
        s = len(self.text)
        self.text += piece
        return s, len(self.text)

    def name(self, name: str) -> int:
        """Append a mention of `name`; its entity index."""
        s, e = self.say(name)
        index = self.entity(name)
        self.mentions.append(Mention(index, len(self.paragraphs) + 1, s, e, name))
        return index

    def words(self, rng: random.Random, about: str | None) -> None:
        """A clause, mentioning `about` when given."""
        self.say(rng.choice(["the plan for ", "talks with ", "a deal with "]))
        if about:
            self.name(about)
        else:
            self.say("the region")
        self.say(rng.choice([" would work", " is over", " goes ahead"]))

    def end_paragraph(self) -> None:
        number = len(self.paragraphs) + 1
        self.paragraphs.append(
            Paragraph(number, self.start, len(self.text), self.text[self.start :])
        )
        self.text += "\n\n"
        self.start = len(self.text)


def _quotation(b: _Builder, spans: list[tuple[int, int]], kind: str, **speaker: object) -> None:
    b.quotations.append(
        Quotation(
            paragraph=len(b.paragraphs) + 1,
            spans=spans,
            text=" ".join(b.text[s:e] for s, e in spans),
            kind=kind,  # type: ignore[arg-type]
            cue="said",
            **speaker,  # type: ignore[arg-type]
        )
    )


def _sentence(b: _Builder, rng: random.Random) -> None:
    pool = PEOPLE + ORGANISATIONS
    speaker, other = rng.sample(PEOPLE, 1)[0], rng.choice([*pool, None])
    form = rng.choice(["direct", "mixed", "unnamed", "label", "document", "plain"])
    if form == "direct":
        b.say('"')
        span = b.say("")
        b.words(rng, other)
        span = (span[0], len(b.text))
        b.say('," said ')
        who = b.name(speaker)
        b.say(". ")
        _quotation(b, [span], "direct", speaker_entity=who, speaker_type="person")
    elif form == "mixed":
        b.say('"')
        first = b.say("We agree")
        b.say('," ')
        who = b.name(speaker)
        b.say(' said, "')
        second = (len(b.text), 0)
        b.words(rng, other)
        second = (second[0], len(b.text))
        b.say('." ')
        _quotation(b, [first, second], "mixed", speaker_entity=who, speaker_type="person")
    elif form in ("unnamed", "label", "document"):
        label, named = {
            "unnamed": ("officials", False),
            "label": ("analysts", None),
            "document": ("a report", True),
        }[form]
        b.say(label.capitalize() + " said ")
        span = (len(b.text), 0)
        b.words(rng, other)
        span = (span[0], len(b.text))
        b.say(". ")
        _quotation(
            b,
            [span],
            "indirect",
            speaker_label=label,
            speaker_type="other",
            speaker_named=named,
        )
    else:
        b.name(rng.choice(pool))
        b.say(" met ")
        b.name(rng.choice(pool))
        b.say(". ")


def article(rng: random.Random, n: int) -> tuple[str, AnnotatedArticle, ArticleFields]:
    b = _Builder()
    b.say(f"Story {n}. ")
    for _ in range(rng.randint(1, 3)):
        for _ in range(rng.randint(1, 3)):
            _sentence(b, rng)
        b.end_paragraph()
    # Quotations with a speaker but no mention of them are fine; mentions sort by offset.
    b.mentions.sort(key=lambda m: m.start)
    published = rng.choice(
        [None, date(2024, 1, 1 + n % 28), date(2024, 2, 1 + n % 28), date(2024, 6, 3 + n % 20)]
    )
    fields = ArticleFields(source=rng.choice(SOURCES), published=published)
    annotation = AnnotatedArticle(Metadata(), b.paragraphs, b.entities, b.mentions, b.quotations)
    return b.text.rstrip("\n") + "\n", annotation, fields


def store_random(engine: Engine, *, seed: int, count: int) -> list[int]:
    """Store `count` random articles; their ids."""
    rng = random.Random(seed)
    ids = []
    for n in range(count):
        text, annotation, fields = article(rng, n)
        article_id, _ = store_article(engine, text=text, annotation=annotation, fields=fields)
        ids.append(article_id)
    return ids


def exported(client: object) -> list[dict]:
    """Every stored article with its annotations, as GET /export/articles.jsonl gives them."""
    body = client.get("/export/articles.jsonl").text  # type: ignore[attr-defined]
    return [json.loads(line) for line in body.splitlines()]
