"""Parse a text the way ``annotate`` does, up to the quotation steps (for step tests)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from app.annotate import _in_body, _parsed, _tokenised
from app.annotate.analysis import analysis_text
from app.annotate.clean import clean
from app.annotate.entities import EntityResult, find_entities
from app.annotate.nlp import get_nlp
from app.annotate.quote_index import QuoteIndex, mention_tokens
from app.annotate.speakers import Context
from app.annotate.types import Paragraph


@dataclass
class Parsed:
    text: str
    doc: Doc
    paragraphs: list[Paragraph]
    ents: EntityResult
    index: QuoteIndex
    ctx: Context

    def tok(self, word: str) -> Token:
        return next(t for t in self.doc if t.text == word)

    def name(self, entity: int | None) -> str | None:
        return None if entity is None else self.ents.entities[entity].name


def parse(text: str) -> Parsed:
    _meta, paragraphs = clean(text)
    doc = _parsed(_tokenised(analysis_text(text, paragraphs), paragraphs))
    ents = find_entities(doc, _in_body(paragraphs))
    index = QuoteIndex.build(text, paragraphs)
    ctx = Context(doc, ents, mention_tokens(doc, ents), index.inside, [])
    return Parsed(text, doc, paragraphs, ents, index, ctx)


def hand_parsed(rows: list[tuple[str, str, str, str, int]]) -> Doc:
    """A parse written out by hand: (word, tag, pos, dep, head index) per token, so a test
    can hold a reading the statistical parser gives only in some contexts."""
    words, tags, pos, deps, heads = (list(x) for x in zip(*rows, strict=True))
    return Doc(get_nlp().vocab, words=words, tags=tags, pos=pos, deps=deps, heads=heads)


def attributed(body: str) -> list[tuple[str | None, str]]:
    """(speaker name or label, text) of each quotation of a one-headline article."""
    from app.annotate import annotate

    art = annotate("Headline\n\n" + body)
    out = []
    for q in art.quotations:
        ent = q.speaker_entity
        out.append((art.entities[ent].name if ent is not None else q.speaker_label, q.text))
    return out
