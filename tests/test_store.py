"""store_article writes exactly what it was given: every column (JSON ones included) reads back
as stored, ingested_at is an aware UTC time, and mentions and quotations point at the paragraph
(and entity) they belong to. The second article exercises the update path of the entity upsert.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session, select

from app.annotate.types import AnnotatedArticle, Image, Metadata
from app.annotate.types import Entity as AnnEntity
from app.annotate.types import Mention as AnnMention
from app.annotate.types import Paragraph as AnnParagraph
from app.annotate.types import Quotation as AnnQuotation
from app.core.db import dispose_engine, get_engine
from app.core.text import entity_search_text
from app.ingest import ArticleFields, store_article
from app.models import Article, ArticleEntity, Entity, Mention, Paragraph, Quotation

PARAGRAPHS = (
    "Ann Lee met Acme staff.",
    '"We are ready," said Lee, the chief.',
    "Acme said nothing. Lee left.",
)


def _article(
    paragraphs: tuple[str, ...], *, lee_aliases: list[str], lee_roles: list[str]
) -> tuple[str, AnnotatedArticle]:
    text = "\n\n".join(paragraphs)
    spans: list[AnnParagraph] = []
    offset = 0
    for number, body in enumerate(paragraphs, start=1):
        spans.append(AnnParagraph(number, offset, offset + len(body), body))
        offset += len(body) + 2
    # Paragraphs listed out of order: ids must be matched by number, not by position.
    listed = [spans[2], spans[0], spans[1]]

    def find(word: str, number: int) -> AnnMention:
        p = spans[number - 1]
        start = p.start + p.text.index(word)
        entity = 0 if word == "Lee" else 1
        return AnnMention(entity, number, start, start + len(word), word)

    mentions = [find("Lee", 1), find("Acme", 1), find("Lee", 2), find("Acme", 3), find("Lee", 3)]
    quote_start = spans[1].start + 1
    quotations = [
        AnnQuotation(
            paragraph=2,
            spans=[(quote_start, quote_start + len("We are ready,"))],
            text="We are ready,",
            kind="direct",
            cue="said",
            speaker_entity=0,
            speaker_type="person",
            speaker_text="Lee",
        )
    ]
    annotation = AnnotatedArticle(
        metadata=Metadata(
            title="Lee and Acme",
            authors=["A. Writer", "B. Writer"],
            images=[Image("lee.jpg", "Ann Lee, in 2020"), Image(None, "Acme's office")],
        ),
        paragraphs=listed,
        entities=[
            AnnEntity("person", "Ann Lee", "ann lee", aliases=lee_aliases, roles=lee_roles),
            AnnEntity("organisation", "Acme", "acme", aliases=["Acme"]),
        ],
        mentions=mentions,
        quotations=quotations,
    )
    return text, annotation


def test_store_round_trips_every_column_and_link(database_url: str) -> None:
    engine = get_engine(database_url)
    try:
        before = datetime.now(UTC)
        text1, ann1 = _article(PARAGRAPHS, lee_aliases=["Ann Lee", "Lee"], lee_roles=[])
        first, created = store_article(
            engine, text=text1, annotation=ann1, fields=ArticleFields(published=date(2024, 5, 1))
        )
        assert created
        text2, ann2 = _article(
            (*PARAGRAPHS[:2], "Lee, Acme."), lee_aliases=["Lee", "Annie"], lee_roles=["the chief"]
        )
        second, created = store_article(engine, text=text2, annotation=ann2)
        assert created
        after = datetime.now(UTC)

        with Session(engine) as session:
            article = session.get(Article, first)
            assert article is not None
            assert article.authors == ["A. Writer", "B. Writer"]
            assert article.images == [
                {"file": "lee.jpg", "caption": "Ann Lee, in 2020"},
                {"file": None, "caption": "Acme's office"},
            ]
            assert article.paragraph_count == 3 and article.text == text1
            assert article.published == date(2024, 5, 1)
            undated = session.get(Article, second)
            assert undated is not None and undated.published is None
            for stored in (article, undated):
                assert stored.ingested_at.tzinfo is not None
                assert stored.ingested_at.utcoffset() == timedelta(0)
                assert before - timedelta(seconds=1) <= stored.ingested_at <= after

            for article_id, text in ((first, text1), (second, text2)):
                paragraphs = {
                    p.id: p
                    for p in session.execute(
                        select(Paragraph).where(Paragraph.article_id == article_id)
                    ).scalars()
                }
                assert sorted(p.number for p in paragraphs.values()) == [1, 2, 3]
                for p in paragraphs.values():
                    assert text[p.start_char : p.end_char] == p.text
                entities = {e.id: e for e in session.execute(select(Entity)).scalars()}
                mentions = session.execute(
                    select(Mention).where(Mention.article_id == article_id)
                ).scalars()
                for m in mentions:
                    p = paragraphs[m.paragraph_id]
                    assert p.start_char <= m.start_char < m.end_char <= p.end_char
                    assert text[m.start_char : m.end_char] == m.text
                    assert m.text in entities[m.entity_id].name
                (quotation,) = session.execute(
                    select(Quotation).where(Quotation.article_id == article_id)
                ).scalars()
                p = paragraphs[quotation.paragraph_id]
                assert p.number == quotation.paragraph_number == 2
                start, end = quotation.spans[0]
                assert quotation.spans == [[start, end]] and text[start:end] == quotation.text
                assert p.start_char <= start < end <= p.end_char
                assert quotation.speaker_id is not None
                assert entities[quotation.speaker_id].key == "ann lee"
                assert (quotation.kind, quotation.cue) == ("direct", "said")

            lee = session.execute(select(Entity).where(Entity.key == "ann lee")).scalar_one()
            acme = session.execute(select(Entity).where(Entity.key == "acme")).scalar_one()
            assert lee.aliases == ["Ann Lee", "Lee", "Annie"]
            assert lee.roles == ["the chief"]
            assert lee.search_text == entity_search_text("Ann Lee", lee.aliases)
            assert (lee.mention_count, lee.article_count, lee.quotation_count) == (6, 2, 2)
            assert (acme.mention_count, acme.article_count, acme.quotation_count) == (4, 2, 0)
            assert lee.first_seen == date(2024, 5, 1)
            assert lee.last_seen == undated.ingested_at.date()
            links = {
                (link.article_id, link.entity_id): link
                for link in session.execute(select(ArticleEntity)).scalars()
            }
            first_lee = links[first, lee.id]
            assert (first_lee.position, first_lee.aliases, first_lee.roles) == (
                0,
                ["Ann Lee", "Lee"],
                [],
            )
            assert (first_lee.mention_count, first_lee.quotation_count) == (3, 1)
            second_acme = links[second, acme.id]
            assert (second_acme.position, second_acme.aliases) == (1, ["Acme"])
            assert (second_acme.mention_count, second_acme.quotation_count) == (2, 0)
    finally:
        dispose_engine(database_url)
