"""Annotation engine: article text in, an ``AnnotatedArticle`` out.

Pure: no database, HTTP or files.  ``annotate`` is a pipeline of six steps; each step is a
module with its own tests (tests/annotate/):

1. **clean** (``clean``; with ``layout``, ``furniture``, ``bylines``, ``dates``,
   ``datelines``): metadata (title, authors, source, published date, images) and the body
   paragraphs, as offsets into the text.  No NLP.
2. **analysis text** (``analysis``): the text the parser sees, the same length as the
   original (furniture blanked, quotes and spaces replaced one for one, datelines hidden), so
   every offset the parser gives is an offset in the original.
3. **parse** (``nlp``): spaCy, once per text; every paragraph starts a sentence.
   ``annotate_many`` batches this step through ``nlp.pipe``.
4. **entities** (``entities``, ``names``): the people and organisations named in the body,
   and their mentions.
5. **quotations** (``quotes``, ``quotemarks``, ``cues``, ``speakers``, ``sourcing``): direct,
   indirect and mixed quotations with their speakers, and whether each speaker is named.
6. **identity** (``identity``): byline authors join the people; one entity per identity key.

The results are the dataclasses of ``types``.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from app.annotate.analysis import analysis_text
from app.annotate.clean import clean
from app.annotate.entities import EntityResult, find_entities
from app.annotate.identity import identify
from app.annotate.names import person_key
from app.annotate.nlp import get_nlp
from app.annotate.quotes import extract
from app.annotate.types import AnnotatedArticle, Entity, Mention, Metadata, Paragraph

__all__ = ["AnnotatedArticle", "annotate", "annotate_many", "get_nlp"]


def annotate(text: str) -> AnnotatedArticle:
    """Annotate one article text."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    meta, paragraphs = clean(text)  # 1. clean
    doc = _tokenised(analysis_text(text, paragraphs), paragraphs)  # 2. analysis text
    doc = _parsed(doc)  # 3. parse
    return _annotated(text, meta, paragraphs, doc)  # 4-6. entities, quotations, identity


def annotate_many(
    texts: Iterable[str], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[AnnotatedArticle]:
    """Annotate many texts: ``annotate``'s steps, with the parse batched by ``nlp.pipe``;
    with ``n_process`` > 1, every step runs in worker processes (``parallel``)."""
    if n_process > 1:
        from app.annotate.parallel import annotate_in_processes

        yield from annotate_in_processes(texts, batch_size=batch_size, n_process=n_process)
        return
    pending: deque[tuple[str, Metadata, list[Paragraph]]] = deque()

    def cleaned() -> Iterator[Doc]:
        for text in texts:
            if not isinstance(text, str):
                raise TypeError("text must be str")
            meta, paragraphs = clean(text)
            pending.append((text, meta, paragraphs))
            yield _tokenised(analysis_text(text, paragraphs), paragraphs)

    for doc in get_nlp().pipe(cleaned(), batch_size=batch_size, n_process=n_process):
        text, meta, paragraphs = pending.popleft()
        yield _annotated(text, meta, paragraphs, doc)


def _tokenised(analysed: str, paragraphs: list[Paragraph]) -> Doc:
    """The analysis text as tokens, every paragraph starting a sentence."""
    doc = get_nlp().make_doc(analysed)
    doc.user_data["annotate_text"] = analysed  # (== doc.text, which joins every token anew)
    if len(doc) < 2:
        return doc
    idx = doc.to_array("IDX").tolist()
    for ch in _no_sentence_starts(analysed)[:300]:
        i = bisect.bisect_left(idx, ch)
        if 0 < i < len(doc) and idx[i] == ch:
            doc[i].is_sent_start = False
    # each write rescans the doc, so only for normal articles (the parser splits at blank
    # lines by itself)
    for p in paragraphs[:300]:
        i = bisect.bisect_left(idx, p.start)
        if 0 < i < len(doc) and idx[i] == p.start:
            doc[i].is_sent_start = True
    return doc


# A full stop, then (past an opening quotation mark) a word in lower case: the stop ends an
# abbreviation ("16 lbs. since", "Sask. which"), not a sentence.
_LOWER_AFTER_STOP = re.compile(r"\.[ \t\n]+(?=[\"']?[a-z])")


def _no_sentence_starts(analysed: str) -> list[int]:
    """Offsets of the tokens that may not start a sentence: a word in lower case (or the
    quotation mark before one) after a full stop."""
    return [m.end() for m in _LOWER_AFTER_STOP.finditer(analysed)]


def _parsed(doc: Doc) -> Doc:
    """Step 3: the spaCy pipeline over a tokenised text."""
    for _name, proc in get_nlp().pipeline:
        doc = proc(doc)
    return doc


def _annotated(
    text: str, meta: Metadata, paragraphs: list[Paragraph], doc: Doc
) -> AnnotatedArticle:
    """Steps 4-6 on a parsed text."""
    if not paragraphs or not len(doc):
        return identify(AnnotatedArticle(meta, paragraphs, [], [], []))
    found = find_entities(doc, _in_body(paragraphs))  # 4. entities
    mentions = _mentions(text, paragraphs, found)
    quotations = extract(text, doc, paragraphs, found)  # 5. quotations
    _add_authors(meta, found.entities)  # 6. identity
    return identify(AnnotatedArticle(meta, paragraphs, found.entities, mentions, quotations))


def _in_body(paragraphs: list[Paragraph]) -> Callable[[int], bool]:
    """Whether a character offset lies inside a body paragraph."""
    starts = [p.start for p in paragraphs]

    def in_body(ch: int) -> bool:
        k = bisect.bisect_right(starts, ch) - 1
        return k >= 0 and paragraphs[k].start <= ch < paragraphs[k].end

    return in_body


def _mentions(text: str, paragraphs: list[Paragraph], found: EntityResult) -> list[Mention]:
    """Entity mentions with the number of the paragraph that holds each."""
    starts = [p.start for p in paragraphs]
    mentions: list[Mention] = []
    for ent, s, e in found.mentions:
        k = bisect.bisect_right(starts, s) - 1
        if k < 0 or e > paragraphs[k].end:
            continue
        mentions.append(Mention(ent, paragraphs[k].number, s, e, text[s:e]))
    return mentions


def _add_authors(meta: Metadata, entities: list[Entity]) -> None:
    """Byline authors are people named in the text (appended after the body's entities, so
    the indices that mentions and quotations hold stay valid)."""
    keys = {e.key: e for e in entities}
    for name in meta.authors:
        key = person_key(name)
        if key in keys:
            if "author" not in keys[key].roles:
                keys[key].roles.append("author")
            continue
        ent = Entity("person", name, key, aliases=[name], roles=["author"])
        entities.append(ent)
        keys[key] = ent
