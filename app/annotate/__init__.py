"""Annotation engine: text in, metadata/paragraphs/entities/mentions/quotations out.

``annotate`` is pure (no DB, HTTP or files).  All offsets index the original text: the parser
sees a same-length copy of it (page furniture blanked, curly quotes and odd spaces replaced one
character for one, datelines hidden) instead of an NFC-normalised one, so no offset mapping is
needed.  spaCy runs once per text.

Modules: ``clean`` (metadata, furniture, paragraphs), ``nlp`` (model loading), ``names``
(normalisation and keys), ``entities`` (people and organisations), ``quotemarks`` (quotation
mark pairing), ``cues`` (reporting-verb lexicon), ``quotes`` (direct/indirect/mixed quotations),
``speakers`` (speaker resolution).
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from app.annotate.clean import clean
from app.annotate.entities import find_entities
from app.annotate.identity import identify
from app.annotate.names import person_key
from app.annotate.nlp import MAX_CHARS, get_nlp
from app.annotate.quotes import extract
from app.annotate.types import AnnotatedArticle, Entity, Mention, Metadata, Paragraph

__all__ = ["AnnotatedArticle", "annotate", "annotate_many", "get_nlp"]

# One-for-one character replacements for the parser (the string keeps its length, so offsets
# in the analysed text are offsets in the original).
_SAME_LENGTH = {
    **{c: " " for c in range(0x20) if chr(c) not in "\n\t"},
    **{c: " " for c in range(0x7F, 0xA1)},
    **{ord(c): "'" for c in "‘’‚‛′‹›"},
    **{ord(c): '"' for c in "“”„‟″«»〝〞"},
    **{ord(c): " " for c in "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"},
    **{ord(c): " " for c in "\u200a\u202f\u205f\u3000\ufeff\u200b"},
    ord("\u2028"): "\n",
    ord("\u2029"): "\n",
}


_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’-]+(?:[ ,]+[A-Z][A-Za-z.'’-]+){0,3}(?:\s*\([^)]{1,40}\))?\s*[–—-]+\s+"
)


# Long runs of symbols without letters (10,000 quote marks, ASCII art) are hidden from the
# parser: they carry no language and make it slow.
_JUNK_RUN = re.compile(r"[^\w\s]{12,}(?:\s+[^\w\s]+)*")


def _blank_dateline(par: str) -> str:
    """Hide a leading dateline ("TOKYO –", "WASHINGTON (Reuters) -") from the parser."""
    m = _DATELINE.match(par)
    if not m or not m.group(0).split()[0].isupper():
        return par
    return " " * m.end() + par[m.end() :]


def _analysis_text(text: str, paragraphs: list[Paragraph]) -> str:
    """The text the parser sees: body paragraphs only, same length as ``text``."""
    parts: list[str] = []
    pos = 0
    for p in paragraphs:
        gap = text[pos : p.start]
        parts.append("".join("\n" if c == "\n" else " " for c in gap) if gap else "")
        if parts[-1] and "\n" not in parts[-1]:
            parts[-1] = "\n" + parts[-1][1:]
        par = _blank_dateline(text[p.start : p.end].translate(_SAME_LENGTH))
        parts.append(_JUNK_RUN.sub(lambda m: " " * len(m.group(0)), par))
        pos = p.end
    tail = text[pos:]
    parts.append(" " * len(tail))
    out = "".join(parts)
    if len(out) > MAX_CHARS:
        out = out[:MAX_CHARS]
    return out


def _prepare(text: str) -> tuple[Metadata, list[Paragraph], Doc]:
    meta, paragraphs = clean(text)
    nlp = get_nlp()
    analysed = _analysis_text(text, paragraphs)
    doc = nlp.make_doc(analysed)
    if len(doc) < 2:
        return meta, paragraphs, doc
    idx = doc.to_array("IDX").tolist()
    # every paragraph starts a sentence (each write rescans the doc, so only for normal
    # articles; the parser splits at blank lines by itself)
    for p in paragraphs[:300]:
        i = bisect.bisect_left(idx, p.start)
        if 0 < i < len(doc) and idx[i] == p.start:
            doc[i].is_sent_start = True
    return meta, paragraphs, doc


def _finish(text: str, meta: Metadata, paragraphs: list[Paragraph], doc: Doc) -> AnnotatedArticle:
    if not paragraphs or not len(doc):
        return identify(AnnotatedArticle(meta, paragraphs, [], [], []))
    para_starts = [p.start for p in paragraphs]
    body = [(p.start, p.end) for p in paragraphs]

    def char_ok(ch: int) -> bool:
        k = bisect.bisect_right(para_starts, ch) - 1
        return k >= 0 and body[k][0] <= ch < body[k][1]

    ents = find_entities(doc, char_ok)
    mentions: list[Mention] = []
    for ent, s, e in ents.mentions:
        k = bisect.bisect_right(para_starts, s) - 1
        if k < 0 or e > paragraphs[k].end:
            continue
        mentions.append(Mention(ent, paragraphs[k].number, s, e, text[s:e]))
    quotations = extract(text, doc, paragraphs, ents)
    _add_authors(meta, ents.entities)
    return identify(AnnotatedArticle(meta, paragraphs, ents.entities, mentions, quotations))


def _add_authors(meta: Metadata, entities: list[Entity]) -> None:
    """Byline authors are people named in the text (appended after the body's entities)."""
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


def annotate(text: str) -> AnnotatedArticle:
    """Annotate one article text."""
    if not isinstance(text, str):
        raise TypeError("text must be str")
    meta, paragraphs, doc = _prepare(text)
    nlp = get_nlp()
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    return _finish(text, meta, paragraphs, doc)


def annotate_many(
    texts: Iterable[str], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[AnnotatedArticle]:
    """Annotate many texts, batching the parser through ``nlp.pipe``."""
    nlp = get_nlp()
    pending: deque[tuple[str, Metadata, list[Paragraph]]] = deque()

    def docs() -> Iterator[Doc]:
        for text in texts:
            meta, paragraphs, doc = _prepare(text)
            pending.append((text, meta, paragraphs))
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size, n_process=n_process):
        text, meta, paragraphs = pending.popleft()
        yield _finish(text, meta, paragraphs, doc)
